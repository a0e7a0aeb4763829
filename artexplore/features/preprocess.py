"""Pure image preparation for the neural extractors: resize and crop as a model expects.

These run in data-loader worker processes, so they are plain functions and a
small frozen dataclass (picklable), with no torch state.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from PIL import Image

from ..errors import ConfigError

RESIZE_MODES = ("crop", "full", "squash", "windows")
_RESAMPLE = {"bicubic": Image.Resampling.BICUBIC, "bilinear": Image.Resampling.BILINEAR,
             "nearest": Image.Resampling.NEAREST, "lanczos": Image.Resampling.LANCZOS,
             "box": Image.Resampling.BOX}


def _resample(interpolation: str) -> Image.Resampling:
    try:
        return _RESAMPLE[interpolation]
    except KeyError:
        raise ConfigError(f"Unknown interpolation {interpolation!r}; choose one of: "
                          f"{', '.join(sorted(_RESAMPLE))}") from None


def resize_for_model(image: np.ndarray, size: int, *, mode: str = "crop",
                     crop_pct: float = 1.0, interpolation: str = "bicubic",
                     max_aspect: float = 2.0) -> np.ndarray:
    """Resize an image to what a model takes.

    Parameters
    ----------
    image : ndarray of shape (height, width, 3), uint8
    size : int
        The model's input size.
    mode : {"crop", "full", "squash"}, default="crop"
        ``crop``: the models' evaluation transform: the shorter side to
        ``size / crop_pct``, then the central ``size`` × ``size`` square.
        ``full``: the whole painting, shorter side to ``size``, aspect kept up to
        ``max_aspect`` (longer sides are capped there, slightly squashing very
        elongated works); for convolutional backbones, whose statistics do
        not need a fixed size. ``squash``: the whole painting to ``size`` × ``size``.
    crop_pct : float, default=1.0
        Fraction of the resized shorter side kept by ``crop``.
    interpolation : str, default="bicubic"
    max_aspect : float, default=2.0
        Longest allowed side / shorter side in ``full`` mode.

    Returns
    -------
    ndarray of shape (new_height, new_width, 3), uint8
    """
    whole = [m for m in RESIZE_MODES if m != "windows"]  # windows: see Preprocess
    if mode not in whole:
        raise ConfigError(f"Unknown resize mode {mode!r}; choose one of: {', '.join(whole)}")
    h, w = image.shape[:2]
    resample = _resample(interpolation)
    pil = Image.fromarray(np.ascontiguousarray(image, dtype=np.uint8))
    if mode == "squash":
        out = pil.resize((size, size), resample) if (w, h) != (size, size) else pil
        return np.asarray(out)
    if mode == "full":
        scale = size / min(w, h)
        nw = min(max(size, round(w * scale)), math.floor(max_aspect * size))
        nh = min(max(size, round(h * scale)), math.floor(max_aspect * size))
        out = pil.resize((nw, nh), resample) if (w, h) != (nw, nh) else pil
        return np.asarray(out)
    short = math.floor(size / crop_pct)
    scale = short / min(w, h)
    nw, nh = max(short, round(w * scale)), max(short, round(h * scale))
    if (w, h) != (nw, nh):
        pil = pil.resize((nw, nh), resample)
    left, top = (nw - size) // 2, (nh - size) // 2
    return np.asarray(pil.crop((left, top, left + size, top + size)))


@dataclass(frozen=True)
class Preprocess:
    """Decoded RGB image → one uint8 CHW tensor per input size (normalised later, on the device).

    Parameters
    ----------
    sizes : tuple of int
        Input sizes (several for multi-scale features); in ``windows`` mode, the
        window sides.
    mode, crop_pct, interpolation, max_aspect
        See :func:`resize_for_model`. ``windows``: instead of the whole image, its
        ``windows`` highest-gradient windows at the patch method's working
        resolution (:func:`artexplore.local.patches.best_windows`), one tensor of
        shape (windows, 3, size, size) per size.
    windows : int, default=0
        Windows per work in ``windows`` mode.
    """

    sizes: tuple[int, ...]
    mode: str = "crop"
    crop_pct: float = 1.0
    interpolation: str = "bicubic"
    max_aspect: float = 2.0
    windows: int = 0

    def decode_options(self) -> dict[str, int | bool]:
        """Reduced decoding that still leaves enough pixels for the largest size."""
        if self.mode == "windows":  # the working image: longest side at most max_side
            from ..local.patches import PatchConfig

            return {"short_side": PatchConfig().max_side, "draft_only": True}
        big = max(self.sizes)
        if self.mode == "crop":
            big = math.ceil(big / self.crop_pct)
        return {"short_side": big, "draft_only": True}

    def __call__(self, image: np.ndarray) -> tuple:
        import torch

        if self.mode == "windows":
            from ..local.patches import best_windows

            return tuple(torch.from_numpy(np.ascontiguousarray(
                best_windows(image, self.windows, s).transpose(0, 3, 1, 2))) for s in self.sizes)
        return tuple(
            torch.from_numpy(np.ascontiguousarray(resize_for_model(
                image, s, mode=self.mode, crop_pct=self.crop_pct,
                interpolation=self.interpolation, max_aspect=self.max_aspect).transpose(2, 0, 1)))
            for s in self.sizes)

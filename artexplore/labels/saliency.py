"""Where the model looks: activation maps of a backbone, upsampled and overlaid on a painting.

- CNNs: the L2 norm over channels of the last feature map (``forward_features``).
- Vision transformers: attention rollout (Abnar & Zuidema, 2020) — the
  head-averaged attention of every block, plus the identity for the residual
  path, multiplied through the layers — read from the class token to the
  patches; or the class token's attention in the last block alone.

:func:`activation_map`, :func:`upsample_map` and :func:`overlay` are pure
functions of their inputs; :func:`work_activation_map` reads a work's image.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Iterator
from typing import Any

import numpy as np

from ..errors import ConfigError

METHODS = ("auto", "feature-norm", "rollout", "cls-attention")


def is_transformer(model: Any) -> bool:
    """Whether a timm model is a ViT-like token model with attention blocks."""
    return hasattr(model, "blocks") and any(
        hasattr(m, "attn_drop") and hasattr(m, "fused_attn") for m in model.modules())


@contextlib.contextmanager
def _record_attention(model: Any) -> Iterator[list[Any]]:
    """Collect the softmaxed attention of every block during a forward pass.

    timm's fused attention kernel never materialises the weights, so the
    unfused path is switched on for the duration and the weights are read
    where they enter the attention dropout.
    """
    maps: list[Any] = []
    hooks, fused = [], []
    for module in model.modules():
        if hasattr(module, "attn_drop") and hasattr(module, "fused_attn"):
            fused.append((module, module.fused_attn))
            module.fused_attn = False
            hooks.append(module.attn_drop.register_forward_hook(
                lambda _m, inputs, _out: maps.append(inputs[0].detach())))
    try:
        yield maps
    finally:
        for h in hooks:
            h.remove()
        for module, value in fused:
            module.fused_attn = value


def _grid(n_patches: int, height: int, width: int) -> tuple[int, int]:
    """Patch grid (rows, cols) for ``n_patches`` tokens of an image of this aspect."""
    rows = max(1, round(math.sqrt(n_patches * height / width)))
    while n_patches % rows:
        rows -= 1
    return rows, n_patches // rows


def attention_rollout(attentions: list[np.ndarray], n_prefix: int = 1, *,
                      discard_ratio: float = 0.0) -> np.ndarray:
    """Attention rollout from the class token to the patch tokens.

    Parameters
    ----------
    attentions : list of ndarray of shape (heads, tokens, tokens)
        Softmaxed attention of each block, first block first.
    n_prefix : int, default=1
        Class and register tokens before the patches.
    discard_ratio : float, default=0
        Share of the weakest attention weights set to 0 in each layer (less noise).

    Returns
    -------
    ndarray of shape (tokens - n_prefix,)
        Relevance of each patch, scaled to [0, 1].
    """
    if not attentions:
        raise ConfigError("attention_rollout needs the attention of at least one block")
    n = attentions[0].shape[-1]
    rollout = np.eye(n)
    for att in attentions:
        a = np.asarray(att, dtype=np.float64).mean(axis=0)
        if discard_ratio > 0:
            flat = a.ravel()
            k = int(flat.size * discard_ratio)
            if k:
                cut = np.partition(flat, k)[k]
                a = np.where(a < cut, 0.0, a)
        a = a + np.eye(n)
        a = a / a.sum(axis=-1, keepdims=True)
        rollout = a @ rollout
    return _unit(rollout[0, n_prefix:])


def _unit(values: np.ndarray) -> np.ndarray:
    values = np.asarray(values, dtype=np.float64)
    lo, hi = float(values.min()), float(values.max())
    return np.zeros_like(values) if hi - lo < 1e-12 else (values - lo) / (hi - lo)


def feature_norm_map(features: np.ndarray) -> np.ndarray:
    """L2 norm over channels of a CNN feature map, scaled to [0, 1].

    Parameters
    ----------
    features : ndarray of shape (channels, rows, cols)

    Returns
    -------
    ndarray of shape (rows, cols)
    """
    f = np.asarray(features, dtype=np.float64)
    return _unit(np.sqrt((f ** 2).sum(axis=0)))


def activation_map(model: Any, x: Any, *, method: str = "auto") -> np.ndarray:
    """The map of where a backbone responds, at its own resolution.

    Parameters
    ----------
    model : torch.nn.Module
        A timm model.
    x : torch.Tensor of shape (1, 3, height, width)
        A preprocessed image.
    method : {"auto", "feature-norm", "rollout", "cls-attention"}
        ``auto``: rollout for transformers, feature norm for CNNs.

    Returns
    -------
    ndarray of shape (rows, cols), float64 in [0, 1]
    """
    import torch

    if method not in METHODS:
        raise ConfigError(f"Unknown map method {method!r}; choose one of: {', '.join(METHODS)}")
    transformer = is_transformer(model)
    if method == "auto":
        method = "rollout" if transformer else "feature-norm"
    if method in ("rollout", "cls-attention") and not transformer:
        raise ConfigError(f"{method} needs a vision transformer; {type(model).__name__} is a "
                          "CNN: use feature-norm")
    model.eval()
    h, w = x.shape[-2:]
    with torch.no_grad():
        if method == "feature-norm":
            f = model.forward_features(x)[0].float()
            if f.ndim == 2:  # tokens of a transformer: norm per patch token
                n_prefix = int(getattr(model, "num_prefix_tokens", 1))
                norms = feature_norm_map(f[n_prefix:].T.cpu().numpy()[:, :, None])[:, 0]
                return norms.reshape(_grid(len(norms), h, w))
            if f.shape[-1] == getattr(model, "num_features", -1) and f.shape[0] != f.shape[-1]:
                f = f.permute(2, 0, 1)  # channels-last feature maps (Swin, …)
            return feature_norm_map(f.cpu().numpy())
        with _record_attention(model) as maps:
            model.forward_features(x)
        atts = [m[0].float().cpu().numpy() for m in maps]
        n_prefix = int(getattr(model, "num_prefix_tokens", 1))
        if method == "rollout":
            relevance = attention_rollout(atts, n_prefix)
        else:
            relevance = _unit(atts[-1].mean(axis=0)[0, n_prefix:])
        return relevance.reshape(_grid(len(relevance), h, w))


def upsample_map(saliency: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """Resize a map to an image's (height, width) with bilinear interpolation.

    Returns
    -------
    ndarray of shape (height, width), float32 in [0, 1]
    """
    import cv2

    m = cv2.resize(np.asarray(saliency, dtype=np.float32), (int(shape[1]), int(shape[0])),
                   interpolation=cv2.INTER_LINEAR)
    return np.clip(m, 0.0, 1.0)


def overlay(rgb: np.ndarray, saliency: np.ndarray, *, alpha: float = 0.5,
            colormap: str = "inferno") -> np.ndarray:
    """Blend a colour-mapped saliency map over an image.

    Parameters
    ----------
    rgb : ndarray of shape (height, width, 3), uint8
    saliency : ndarray of shape (rows, cols)
        Any resolution; values in [0, 1]. Upsampled to the image.
    alpha : float, default=0.5
        Opacity of the map (0 shows the painting only).
    colormap : str, default="inferno"
        An OpenCV colormap name (``inferno``, ``jet``, ``viridis``, ``magma``…).

    Returns
    -------
    ndarray of shape (height, width, 3), uint8
    """
    import cv2

    if not 0 <= alpha <= 1:
        raise ConfigError(f"alpha must be in [0, 1], got {alpha}")
    code = getattr(cv2, f"COLORMAP_{colormap.upper()}", None)
    if code is None:
        names = sorted(n[9:].lower() for n in dir(cv2) if n.startswith("COLORMAP_"))
        raise ConfigError(f"Unknown colormap {colormap!r}; choose one of: {', '.join(names)}")
    m = upsample_map(saliency, rgb.shape[:2])
    heat = cv2.applyColorMap((m * 255).astype(np.uint8), code)[:, :, ::-1]
    out = (1 - alpha) * rgb.astype(np.float32) + alpha * heat.astype(np.float32)
    return np.clip(out.round(), 0, 255).astype(np.uint8)


def preprocess(rgb: np.ndarray, data_config: dict[str, Any], *, keep_aspect: bool,
               scale: float = 1.0) -> Any:
    """An image as a model input tensor (1, 3, h, w), the whole picture, never cropped.

    CNNs keep the aspect ratio (their maps then line up with the painting) and
    may read the image ``scale`` times larger than their training size, for a
    finer map; fixed-size models get the image resized to their input size.
    """
    import cv2
    import torch

    _, side_h, side_w = data_config["input_size"]
    h, w = rgb.shape[:2]
    if keep_aspect:
        factor = scale * max(side_h, side_w) / max(h, w)
        size = (max(32, round(w * factor / 32) * 32), max(32, round(h * factor / 32) * 32))
    else:
        size = (side_w, side_h)
    img = cv2.resize(rgb, size, interpolation=cv2.INTER_AREA).astype(np.float32) / 255.0
    mean = np.asarray(data_config["mean"], dtype=np.float32)
    std = np.asarray(data_config["std"], dtype=np.float32)
    return torch.from_numpy(((img - mean) / std).transpose(2, 0, 1).copy())[None]


def image_activation_map(backbone: Any, rgb: np.ndarray, *, method: str = "auto",
                         cnn_scale: float = 2.0) -> np.ndarray:
    """The activation map of one RGB image, at the image's resolution.

    Parameters
    ----------
    backbone : Backbone
        From :func:`artexplore.labels.models.create_backbone`.
    rgb : ndarray of shape (height, width, 3), uint8
    method : str
        See :func:`activation_map`.
    cnn_scale : float, default=2.0
        A CNN reads the image at this multiple of its input size: its last
        feature map is then twice as fine (a 224-px network gives 7 × 7 cells).

    Returns
    -------
    ndarray of shape (height, width), float32 in [0, 1]
    """
    dynamic = not is_transformer(backbone.model)
    x = preprocess(rgb, backbone.data_config, keep_aspect=dynamic,
                   scale=cnn_scale if dynamic else 1.0)
    return upsample_map(activation_map(backbone.model, x, method=method), rgb.shape[:2])


def work_activation_map(ws: Any, work_id: str, backbone: Any, *, method: str = "auto",
                        max_side: int = 768) -> tuple[np.ndarray, np.ndarray]:
    """A work's image and its activation map (same size).

    Returns
    -------
    rgb : ndarray of shape (height, width, 3), uint8
    saliency : ndarray of shape (height, width), float32 in [0, 1]
    """
    from ..imageio import load_rgb

    rgb = load_rgb(ws.image_path(ws.work(work_id)), max_side=max_side)
    return rgb, image_activation_map(backbone, rgb, method=method)

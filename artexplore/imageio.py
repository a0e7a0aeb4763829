"""Robust image loading: any mode to RGB, EXIF orientation, bombs, reduced decoding.

The content of a file decides how it is read, never its extension. Every failure
is an :class:`~artexplore.errors.ImageLoadError` with a short reason and a
sentence a person can read, so that callers can skip the file and record why.
"""

from __future__ import annotations

import io
import logging
import math
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageCms, UnidentifiedImageError

from .errors import ImageLoadError

log = logging.getLogger(__name__)

DEFAULT_MAX_PIXELS = 250_000_000
_BACKGROUND = (255, 255, 255)
_PIL_LIMIT_LOCK = threading.Lock()


@dataclass(frozen=True)
class ImageInfo:
    """What is known of an image file once decoded.

    Parameters
    ----------
    format : str
        The format found in the content (``"JPEG"``, ``"PNG"``…).
    width, height : int
        Size in pixels of the full-resolution image, after EXIF orientation.
    mode : str
        Pillow mode of the file before conversion to RGB.
    n_frames : int
        Number of frames (animated images use their first frame).
    flags : tuple of str
        Notes on the file: ``small``, ``animated``, ``extension-mismatch``,
        ``converted-<mode>``, ``exif-rotated``.
    """

    format: str
    width: int
    height: int
    mode: str
    n_frames: int = 1
    flags: tuple[str, ...] = field(default_factory=tuple)


_EXTENSIONS = {
    "JPEG": {".jpg", ".jpeg", ".jpe", ".jfif"},
    "PNG": {".png"},
    "GIF": {".gif"},
    "TIFF": {".tif", ".tiff"},
    "WEBP": {".webp"},
    "BMP": {".bmp", ".dib"},
    "MPO": {".jpg", ".jpeg", ".mpo"},
    "JPEG2000": {".jp2", ".j2k", ".jpx", ".jpf"},
    "PPM": {".ppm", ".pgm", ".pbm", ".pnm"},
    "ICO": {".ico"},
    "TGA": {".tga"},
}


_TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


def _orientation(img: Image.Image) -> int:
    try:
        return int(img.getexif().get(0x0112, 1) or 1)
    except (AttributeError, ValueError, TypeError, OSError, SyntaxError):
        return 1


@contextmanager
def _pixel_limit(max_pixels: int) -> Iterator[None]:
    """Let Pillow open images up to ``max_pixels``; our own check enforces the limit.

    Pillow's decompression-bomb guard is a process-wide setting; it is raised
    (never lowered) under a lock so that a configured limit above Pillow's
    default is honoured while the smaller of the two still protects us.
    """
    with _PIL_LIMIT_LOCK:
        current = Image.MAX_IMAGE_PIXELS
        if current is not None and current < max_pixels:
            Image.MAX_IMAGE_PIXELS = max_pixels
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        yield


def _open(data: bytes | Path, max_pixels: int) -> Image.Image:
    if isinstance(data, bytes | bytearray) and len(data) == 0:
        raise ImageLoadError("empty", "the file is empty (0 bytes)")
    if isinstance(data, Path):
        try:
            if data.stat().st_size == 0:
                raise ImageLoadError("empty", "the file is empty (0 bytes)")
        except OSError as exc:
            raise ImageLoadError("unreadable", f"cannot read the file: {exc}") from exc
    source = io.BytesIO(data) if isinstance(data, bytes | bytearray) else data
    try:
        with _pixel_limit(max_pixels):
            img = Image.open(source)
    except UnidentifiedImageError as exc:
        raise ImageLoadError("not-an-image",
                             "the content is not an image format Pillow reads") from exc
    except Image.DecompressionBombError as exc:
        raise ImageLoadError("too-large", str(exc)) from exc
    except OSError as exc:
        raise ImageLoadError("unreadable", f"cannot read the file: {exc}") from exc
    w, h = img.size
    if w * h > max_pixels:
        img.close()
        raise ImageLoadError(
            "too-large",
            f"{w}×{h} = {w * h:,} pixels exceeds the limit of {max_pixels:,} "
            "(raise it with --max-pixels)",
        )
    if w < 1 or h < 1:
        raise ImageLoadError("not-an-image", f"the image has no pixels ({w}×{h})")
    return img


def _composite_on_white(img: Image.Image) -> Image.Image:
    rgba = img.convert("RGBA")
    background = Image.new("RGBA", rgba.size, _BACKGROUND + (255,))
    return Image.alpha_composite(background, rgba).convert("RGB")


def _high_bit_depth_to_rgb(img: Image.Image) -> Image.Image:
    """Scale 16-bit, 32-bit integer and float greys to 8 bits (no clipping to 255)."""
    arr = np.asarray(img)
    arr = arr.astype(np.float64)
    if img.mode.startswith("I;16"):
        scaled = arr / 257.0
    elif img.mode == "F":
        top = float(np.nanmax(arr)) if arr.size else 0.0
        scaled = arr * 255.0 if top <= 1.0 else arr * (255.0 / top)
    else:  # "I": 32-bit signed; most files hold 16-bit data in it
        top = float(arr.max()) if arr.size else 0.0
        scaled = arr / 257.0 if top <= 65535 else arr * (255.0 / top)
    grey = np.clip(np.nan_to_num(scaled), 0, 255).round().astype(np.uint8)
    return Image.fromarray(np.stack([grey] * 3, axis=-1), "RGB")


def _cmyk_to_rgb(img: Image.Image) -> Image.Image:
    icc = img.info.get("icc_profile")
    if icc:
        try:
            src = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            dst = ImageCms.createProfile("sRGB")
            return ImageCms.profileToProfile(img, src, dst, outputMode="RGB")
        except (ImageCms.PyCMSError, OSError, ValueError) as exc:
            log.debug("ICC conversion failed, using Pillow's CMYK formula: %s", exc)
    return img.convert("RGB")


def to_rgb(img: Image.Image) -> Image.Image:
    """Convert a loaded image of any mode to 8-bit RGB.

    Transparent pixels are composited on white; 16-bit and float greys are
    rescaled rather than clipped; CMYK uses the embedded ICC profile when present.

    Parameters
    ----------
    img : PIL.Image.Image
        A loaded image.

    Returns
    -------
    PIL.Image.Image
        An image in mode ``"RGB"``.

    Raises
    ------
    ImageLoadError
        If the mode cannot be converted.
    """
    mode = img.mode
    if mode == "RGB":
        return img
    if mode in ("RGBA", "LA", "PA", "RGBa", "La") or (mode == "P" and "transparency" in img.info):
        return _composite_on_white(img)
    if mode in ("L", "1", "P", "YCbCr", "RGBX", "HSV"):
        return img.convert("RGB")
    if mode == "CMYK":
        return _cmyk_to_rgb(img)
    if mode.startswith("I") or mode == "F":
        return _high_bit_depth_to_rgb(img)
    if mode == "LAB":
        try:
            lab = ImageCms.createProfile("LAB")
            return ImageCms.profileToProfile(img, lab, ImageCms.createProfile("sRGB"),
                                             outputMode="RGB")
        except (ImageCms.PyCMSError, OSError, ValueError) as exc:
            raise ImageLoadError("unsupported-mode", f"cannot convert LAB to RGB: {exc}") from exc
    try:
        return img.convert("RGB")
    except (ValueError, OSError) as exc:
        raise ImageLoadError("unsupported-mode", f"cannot convert mode {mode} to RGB") from exc


def _fit_size(size: tuple[int, int], max_side: int) -> tuple[int, int]:
    """Size with the longest side equal to ``max_side``, aspect ratio kept (rounded)."""
    w, h = size
    scale = max_side / max(w, h)
    return max(1, round(w * scale)), max(1, round(h * scale))


def _draft_size(size: tuple[int, int], max_side: int) -> tuple[int, int]:
    w, h = size
    scale = max_side / max(w, h)
    return max(1, math.ceil(w * scale)), max(1, math.ceil(h * scale))


def _target_size(size: tuple[int, int], max_side: int | None,
                 short_side: int | None) -> tuple[int, int] | None:
    """Size after reduction to fit both limits, or None when no reduction is needed."""
    w, h = size
    scale = 1.0
    if max_side is not None:
        scale = min(scale, max_side / max(w, h))
    if short_side is not None:
        scale = min(scale, short_side / min(w, h))
    if scale >= 1.0:
        return None
    return max(1, math.ceil(w * scale)), max(1, math.ceil(h * scale))


def _flags(img: Image.Image, path_suffix: str | None, n_frames: int, min_side: int,
           size: tuple[int, int], rotated: bool) -> tuple[str, ...]:
    flags = []
    if min(size) < min_side:
        flags.append("small")
    if n_frames > 1:
        flags.append("animated")
    fmt = img.format or ""
    if (path_suffix is not None and fmt in _EXTENSIONS
            and path_suffix.lower() not in _EXTENSIONS[fmt]):
        flags.append("extension-mismatch")
    if img.mode not in ("RGB", "L"):
        flags.append(f"converted-{img.mode}")
    if rotated:
        flags.append("exif-rotated")
    return tuple(flags)


def decode(
    data: bytes | Path,
    *,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    max_side: int | None = None,
    min_side: int = 64,
    suffix: str | None = None,
    short_side: int | None = None,
    draft_only: bool = False,
) -> tuple[Image.Image, ImageInfo]:
    """Decode an image to RGB, optionally at reduced size.

    Parameters
    ----------
    data : bytes or pathlib.Path
        The file content, or its path.
    max_pixels : int, default=250_000_000
        Images with more pixels are refused (decompression-bomb guard).
    max_side : int, optional
        When given, the image is returned with its longest side at most this
        many pixels. JPEGs are then decoded at a reduced scale (DCT draft mode),
        which is several times faster than decoding in full and resizing.
    min_side : int, default=64
        Shorter sides below this add the flag ``small``.
    suffix : str, optional
        The file's extension, only used to flag a mismatch with the content.
    short_side : int, optional
        When given, the image is reduced so that its shorter side is at most
        this many pixels (also by draft decoding); with ``max_side`` too, the
        result fits both limits. Feature extractors use it to decode at the
        size the model needs.
    draft_only : bool, default=False
        Reduce only as far as JPEG draft decoding goes (a power-of-two scale,
        never below the requested size) and skip the exact resampling, for
        callers that resize the image themselves.

    Returns
    -------
    image : PIL.Image.Image
        RGB image, EXIF orientation applied, first frame of an animation.
    info : ImageInfo
        Format, full-resolution size (after orientation) and flags.

    Raises
    ------
    ImageLoadError
        Empty, truncated, non-image, too large or unconvertible files.
    """
    if suffix is None and isinstance(data, Path):
        suffix = data.suffix
    img = _open(data, max_pixels)
    rgb = None
    try:
        n_frames = int(getattr(img, "n_frames", 1) or 1)
        if n_frames > 1:
            img.seek(0)
        full_size = img.size
        target = _target_size(full_size, max_side, short_side)
        if target is not None and img.format == "JPEG":
            img.draft(None, target)
        try:
            with _pixel_limit(max_pixels):
                img.load()
        except OSError as exc:
            text = str(exc)
            if ("truncated" in text or "broken data stream" in text
                    or "premature end" in text.lower()):
                raise ImageLoadError("truncated",
                                     f"the file is truncated or damaged ({text})") from exc
            raise ImageLoadError("unreadable", f"cannot decode the image: {text}") from exc
        except (SyntaxError, ValueError, EOFError) as exc:
            raise ImageLoadError("unreadable", f"cannot decode the image: {exc}") from exc
        orientation = _orientation(img)
        original = img
        rgb = to_rgb(img)
        if orientation in _TRANSPOSE:
            rgb = rgb.transpose(_TRANSPOSE[orientation])
        rotated = orientation in (5, 6, 7, 8)
        width, height = (full_size[1], full_size[0]) if rotated else full_size
        target = None if draft_only else _target_size(rgb.size, max_side, short_side)
        if target is not None:
            rgb = rgb.resize(target, Image.Resampling.LANCZOS, reducing_gap=3.0)
        info = ImageInfo(
            format=img.format or "unknown",
            width=int(width),
            height=int(height),
            mode=original.mode,
            n_frames=n_frames,
            flags=_flags(original, suffix, n_frames, min_side, (width, height),
                         orientation in _TRANSPOSE),
        )
        return rgb, info
    finally:
        if rgb is not img:  # an RGB file is returned as it was opened: keep it open
            img.close()


def load_rgb(path: Path, *, max_side: int | None = None,
             max_pixels: int = DEFAULT_MAX_PIXELS) -> np.ndarray:
    """Load an image file as an RGB array.

    Parameters
    ----------
    path : pathlib.Path
        The image file.
    max_side : int, optional
        Longest side of the result; reduced JPEG decoding is used when possible.
    max_pixels : int, default=250_000_000
        Decompression-bomb limit.

    Returns
    -------
    ndarray of shape (height, width, 3), dtype uint8

    Raises
    ------
    ImageLoadError
        If the file cannot be decoded.
    """
    img, _ = decode(Path(path), max_side=max_side, max_pixels=max_pixels)
    return np.asarray(img, dtype=np.uint8)


def make_thumbnail(img: Image.Image, size: int) -> Image.Image:
    """Return a copy whose longest side is at most ``size`` pixels.

    Parameters
    ----------
    img : PIL.Image.Image
        An RGB image.
    size : int
        Longest side of the thumbnail.

    Returns
    -------
    PIL.Image.Image
    """
    if max(img.size) <= size:
        return img.copy()
    w, h = _fit_size(img.size, size)
    return Image.fromarray(shrink(np.asarray(img), (w, h)))


def shrink(rgb: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """Downscale an image array to ``size`` = (width, height) without aliasing.

    Shrinking by 2× or more uses area averaging; by less than 2×, bilinear
    interpolation already touches nearly every source pixel and is ten times
    cheaper (OpenCV).

    Parameters
    ----------
    rgb : ndarray of shape (height, width, channels)
    size : tuple of int
        Target (width, height).

    Returns
    -------
    ndarray of shape (size[1], size[0], channels)
    """
    h, w = rgb.shape[:2]
    ratio = min(w / size[0], h / size[1])
    method = cv2.INTER_AREA if ratio >= 2 else cv2.INTER_LINEAR
    return cv2.resize(np.ascontiguousarray(rgb), size, interpolation=method)


def encode_jpeg(img: Image.Image, quality: int = 85) -> bytes:
    """Encode an RGB image as baseline JPEG bytes."""
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=quality)
    return buf.getvalue()

"""Robust image loading: any mode to RGB, EXIF orientation, bombs, reduced decoding.

The content of a file decides how it is read, never its extension. Every failure
is an :class:`~artexplore.errors.ImageLoadError` with a short reason and a
sentence a person can read, so that callers can skip the file and record why.

This is the one image reader: ingest, embed, patches and uploads all decode here.
Files and uploads are not trusted, so

- only regular files are read (checked on the open file, after links are
  resolved: a FIFO or a link to ``/dev/zero`` is refused, never read);
- decoding has a memory budget in bytes (``max_bytes``, 1 GiB by default), counted
  from the size the decoder will produce, its mode and bit depth: a small file that
  decodes to gigabytes is refused with the reason, before anything is allocated;
- JPEGs decode at reduced scale (DCT draft) when a smaller image is wanted, and an
  image whose conversion to RGB would exceed the budget is first reduced in strips
  (box averaging), so its full-size conversion never exists.
"""

from __future__ import annotations

import io
import logging
import math
import os
import stat
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import cv2
import numpy as np
from PIL import Image, ImageCms, UnidentifiedImageError

from .errors import ImageLoadError

log = logging.getLogger(__name__)

DEFAULT_MAX_PIXELS = 250_000_000
DEFAULT_MAX_BYTES = 1 << 30  # memory one decode may use (decoded image + conversion)
_STRIP_BYTES = 32 << 20  # size of one converted strip in the strip reduction
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


_FILE_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
               (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
               (stat.S_ISSOCK, "a socket"))


def _not_regular(mode: int) -> str | None:
    """What a non-regular file is (``"a named pipe (FIFO)"``…), or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    return next((text for test, text in _FILE_KINDS if test(mode)), "not a regular file")


def open_regular(path: Path) -> BinaryIO:
    """Open a file for reading if, after following links, it is a regular file.

    The check is made on the open file descriptor, so a file swapped for a FIFO
    or a device between a listing and the read is refused too; opening never
    blocks (a FIFO without a writer would block a plain ``open``).

    Parameters
    ----------
    path : pathlib.Path

    Returns
    -------
    binary file object
        Open for reading; the caller closes it.

    Raises
    ------
    ImageLoadError
        ``not-a-file`` for FIFOs, devices, sockets and folders; ``unreadable``
        when the file cannot be opened.
    """
    try:
        kind = _not_regular(os.stat(path).st_mode)
    except OSError as exc:
        raise ImageLoadError("unreadable", f"cannot read the file: {exc.strerror or exc}") from exc
    if kind is None:
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
        try:
            fd = os.open(path, flags)
        except OSError as exc:
            raise ImageLoadError("unreadable",
                                 f"cannot open the file: {exc.strerror or exc}") from exc
        try:
            kind = _not_regular(os.fstat(fd).st_mode)
            if kind is None:
                return os.fdopen(fd, "rb")
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)
    raise ImageLoadError("not-a-file", f"{kind}, not a regular file: only regular files are read")


def read_regular(path: Path, max_bytes: int) -> bytes:
    """The content of a regular file, refusing files larger than ``max_bytes``.

    Raises
    ------
    ImageLoadError
        ``not-a-file``, ``unreadable``, or ``too-large`` for a bigger file.
    """
    with open_regular(path) as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ImageLoadError("too-large", f"the file is larger than {max_bytes:,} bytes")
    return data


def _bytes_per_pixel(mode: str) -> int:
    """Bytes per pixel of Pillow's in-memory storage of a mode."""
    if mode in ("1", "L", "P"):
        return 1
    if mode.startswith("I;16"):
        return 2
    return 4  # I, F and every multi-band mode (RGB is stored in 4 bytes)


def _conversion_bytes(mode: str) -> int:
    """Extra bytes per pixel converting a mode to RGB takes at its peak (and a caller's copy)."""
    if mode == "RGB":
        return 4
    if mode in ("RGBA", "LA", "PA", "RGBa", "La") or mode == "P":
        return 16  # P may hold transparency: composited in RGBA on a white RGBA background
    if mode.startswith("I") or mode == "F":
        return 12
    return 8


def _megabytes(n: float) -> str:
    return f"{n / 2**20:,.0f} MB"


def _open(data: bytes | Path | BinaryIO, max_pixels: int) -> Image.Image:
    if isinstance(data, bytes | bytearray) and len(data) == 0:
        raise ImageLoadError("empty", "the file is empty (0 bytes)")
    if not isinstance(data, bytes | bytearray):
        try:
            if os.fstat(data.fileno()).st_size == 0:
                raise ImageLoadError("empty", "the file is empty (0 bytes)")
        except (OSError, AttributeError, io.UnsupportedOperation):
            pass
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
    """Scale 16-bit, 32-bit integer and float greys to 8 bits (no clipping to 255).

    Done a band of rows at a time in float32, so the peak stays near the size of
    the 8-bit result rather than eight times the image.
    """
    arr = np.asarray(img)
    if img.mode.startswith("I;16"):
        factor = 1.0 / 257.0
    elif img.mode == "F":
        top = float(np.nanmax(arr)) if arr.size else 0.0
        factor = 255.0 if top <= 1.0 else 255.0 / top
    else:  # "I": 32-bit signed; most files hold 16-bit data in it
        top = float(arr.max()) if arr.size else 0.0
        factor = 1.0 / 257.0 if top <= 65535 else 255.0 / top
    grey = np.empty(arr.shape[:2], dtype=np.uint8)
    for start in range(0, arr.shape[0], 512):
        rows = arr[start:start + 512].astype(np.float64) * factor
        grey[start:start + 512] = np.clip(np.nan_to_num(rows), 0, 255).round()
    del arr
    return Image.fromarray(grey, "L").convert("RGB")


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


def _working_mode(img: Image.Image) -> str:
    """A mode that :meth:`PIL.Image.Image.reduce` supports and loses nothing of ``img``."""
    if img.mode in ("P", "PA"):  # palette indices cannot be averaged
        return "RGBA" if img.mode == "PA" or "transparency" in img.info else "RGB"
    if img.mode == "1":
        return "L"
    if img.mode.startswith("I;16"):
        return "I"
    return img.mode


def _reduce_in_strips(img: Image.Image, factor: int) -> Image.Image:
    """Box-average an image by an integer factor, a strip of rows at a time.

    Modes that :meth:`~PIL.Image.Image.reduce` cannot take (16-bit, palette, 1-bit)
    are converted strip by strip, so the full-size conversion never exists.
    """
    mode = _working_mode(img)
    if mode == img.mode:
        return img.reduce(factor)
    w, h = img.size
    out = Image.new(mode, (math.ceil(w / factor), math.ceil(h / factor)))
    step = factor * max(1, _STRIP_BYTES // (w * 4 * factor))
    for top in range(0, h, step):
        strip = img.crop((0, top, w, min(h, top + step))).convert(mode)
        out.paste(strip.reduce(factor), (0, top // factor))
    return out


def _flags(fmt: str, mode: str, path_suffix: str | None, n_frames: int, min_side: int,
           size: tuple[int, int], rotated: bool) -> tuple[str, ...]:
    flags = []
    if min(size) < min_side:
        flags.append("small")
    if n_frames > 1:
        flags.append("animated")
    if (path_suffix is not None and fmt in _EXTENSIONS
            and path_suffix.lower() not in _EXTENSIONS[fmt]):
        flags.append("extension-mismatch")
    if mode not in ("RGB", "L"):
        flags.append(f"converted-{mode}")
    if rotated:
        flags.append("exif-rotated")
    return tuple(flags)


def decode(
    data: bytes | Path | BinaryIO,
    *,
    max_pixels: int = DEFAULT_MAX_PIXELS,
    max_side: int | None = None,
    min_side: int = 64,
    suffix: str | None = None,
    short_side: int | None = None,
    draft_only: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[Image.Image, ImageInfo]:
    """Decode an image to RGB, optionally at reduced size, within a memory budget.

    Parameters
    ----------
    data : bytes, pathlib.Path or binary file object
        The file content, its path (only a regular file is read: see
        :func:`open_regular`), or an open file.
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
    max_bytes : int, default=1 GiB
        Memory budget of the decode: the decoded image (its size after draft
        decoding, times the bytes per pixel of its mode) plus its conversion to
        RGB. A conversion over budget is done on a strip-wise reduced image when
        a smaller result is wanted; otherwise the file is refused.

    Returns
    -------
    image : PIL.Image.Image
        RGB image, EXIF orientation applied, first frame of an animation.
    info : ImageInfo
        Format, full-resolution size (after orientation) and flags.

    Raises
    ------
    ImageLoadError
        Empty, truncated, non-image, too large (pixels or bytes), unconvertible
        files and files that are not regular files.
    """
    if isinstance(data, Path):
        with open_regular(data) as fh:
            return decode(fh, max_pixels=max_pixels, max_side=max_side, min_side=min_side,
                          suffix=data.suffix if suffix is None else suffix,
                          short_side=short_side, draft_only=draft_only, max_bytes=max_bytes)
    img = _open(data, max_pixels)
    rgb = work = None
    try:
        n_frames = int(getattr(img, "n_frames", 1) or 1)
        if n_frames > 1:
            img.seek(0)
        full_size = img.size
        target = _target_size(full_size, max_side, short_side)
        if target is not None and img.format == "JPEG":
            img.draft(None, target)
        fmt, mode = img.format or "unknown", img.mode
        decoded = img.size[0] * img.size[1] * _bytes_per_pixel(mode)
        if decoded > max_bytes:
            raise ImageLoadError(
                "too-large",
                f"{img.size[0]}×{img.size[1]} pixels in mode {mode} decode to "
                f"{_megabytes(decoded)}, over the budget of {_megabytes(max_bytes)} per image")
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
        work = _within_budget(img, target, decoded, max_bytes)
        rgb = to_rgb(work)
        if orientation in _TRANSPOSE:
            rgb = rgb.transpose(_TRANSPOSE[orientation])
        rotated = orientation in (5, 6, 7, 8)
        width, height = (full_size[1], full_size[0]) if rotated else full_size
        target = None if draft_only else _target_size(rgb.size, max_side, short_side)
        if target is not None:
            rgb = rgb.resize(target, Image.Resampling.LANCZOS, reducing_gap=3.0)
        info = ImageInfo(
            format=fmt,
            width=int(width),
            height=int(height),
            mode=mode,
            n_frames=n_frames,
            flags=_flags(fmt, mode, suffix, n_frames, min_side, (width, height),
                         orientation in _TRANSPOSE),
        )
        return rgb, info
    finally:
        if work is not None and work is not img and work is not rgb:
            work.close()
        if rgb is not img:  # an RGB file is returned as it was opened: keep it open
            img.close()


def _within_budget(img: Image.Image, target: tuple[int, int] | None, decoded: int,
                   max_bytes: int) -> Image.Image:
    """The loaded image, reduced first if converting it in full would exceed the budget."""
    w, h = img.size
    if decoded + w * h * _conversion_bytes(img.mode) <= max_bytes:
        return img
    factor = min(w // target[0], h // target[1]) if target is not None else 1
    if factor < 2:
        need = decoded + w * h * _conversion_bytes(img.mode)
        raise ImageLoadError(
            "too-large",
            f"converting {w}×{h} pixels of mode {img.mode} to RGB needs about "
            f"{_megabytes(need)}, over the budget of {_megabytes(max_bytes)} per image")
    log.info("reducing a %d×%d %s image by %d before converting it (memory budget)",
             w, h, img.mode, factor)
    return _reduce_in_strips(img, factor)


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

"""The gradient/DoG patch method: pure functions, arrays in and arrays out.

Which small details of a painting carry the artist's hand? The method picks them
where the brushwork is busiest:

1. Grey luminance ``I = 0.299 R + 0.587 G + 0.114 B`` (:func:`luminance`).
2. Sobel derivatives ``Gx``, ``Gy`` (3×3) and ``|∇I| = sqrt(Gx² + Gy²)``
   (:func:`sobel_magnitude`).
3. Windows of ``s`` pixels (64) at a stride (32, i.e. 50 % overlap); the score of a
   window is its mean ``|∇I|``, computed for all windows at once from an integral
   image (:func:`window_scores`; :func:`window_scores_loop` is the slow reference).
4. The top fraction of windows by score (10 %, at least ``n``) is kept
   (:func:`top_windows`) and ``n`` = 5 of them are drawn without replacement with
   probability proportional to their score (:func:`draw_windows`), from a generator
   seeded from the work id and a seed (:func:`work_rng`): same seed, same work, same
   patches.
5. On each grey patch ``DoG = G(σ1) * P − G(σ2) * P`` with σ1 = 3, σ2 = 5
   (:func:`difference_of_gaussians`), stored as ``255 · (|DoG| − min) / (max − min)``
   in uint8 (:func:`normalise_uint8`; a flat patch gives zeros, never NaN).

Working resolution (:func:`target_shape`, :func:`working_image`)
    *Pixel mode* (default): the image is resized so that its longest side is
    ``max_side`` pixels (1024), never upscaled unless ``upscale=True``.
    *Physical-scale mode* (``cm_per_patch`` set): where a work has ``width_cm`` and/or
    ``height_cm``, the image is resampled so that one patch covers ``cm_per_patch``
    centimetres (5), so that a huge canvas and a small panel are compared at the same
    scale (this may upscale a low-resolution photograph: flag ``upscaled``). The image
    keeps its pixel aspect ratio; with both dimensions the scale uses their geometric
    mean. A work without dimensions falls back to pixel mode and is flagged
    ``no-dimensions``; a working image whose longest side would exceed
    ``max_physical_side`` is reduced to it and flagged ``capped``.

Edge cases (documented behaviour, tested)
    * An image smaller than a patch along a side is padded by edge replication up to
      the patch size along that side (flag ``padded``), so it has exactly one window
      along it; ``work_shape`` stays the unpadded size, so such a window extends past
      the image. A one-pixel-wide image is the extreme case of this.
    * When the image has fewer windows than ``n``, every window is drawn and the draw
      is repeated cyclically to fill ``n`` slots (``n_distinct`` says how many differ).
    * Windows whose score ties the threshold are all kept, so a constant image keeps
      every window; windows of score 0 are drawn only after every positive-score one,
      uniformly among themselves (a constant image draws uniformly).
    * A flat patch (constant DoG) normalises to zeros.
    * Windows start at 0, stride, 2·stride… up to ``size − s``; a right or bottom margin
      narrower than the stride is not covered by a window of its own.

Stored results (the contract other stages rely on)
    :func:`artexplore.local.compute_patches` stores one row per work with
    ``ws.arrays`` under kind ``"patches"``, name ``"default"`` (the current
    parameters; a new :class:`PatchConfig` is registered as a new fingerprint and
    becomes current). Read them with ``ws.arrays.load("patches", "default")`` (or
    :func:`artexplore.local.load_patches`, which aligns rows to the collection).
    With ``N = n`` drawn patches of ``s × s`` pixels (defaults 5 and 64), each row has

    ============== ========================= ===============================================
    array          shape, dtype              meaning
    ============== ========================= ===============================================
    coords         (N, 2) int32              (row, col) of each drawn window's top-left
                                             corner in working-resolution pixels, in draw
                                             order
    scores         (N,) float32              the drawn windows' scores (mean ``|∇I|``)
    dog            (N, s, s) uint8           normalised ``|DoG|`` of each grey patch
    color          (N, s, s, 3) uint8        the RGB patches
    work_shape     (2,) int32                (height, width) of the working image
    scale          () float32                working pixels per pixel of the image file
    grid_shape     (2,) int32                windows along (height, width)
    window_scores  (G, G) float32            every window's score, row-major grid,
                                             NaN-padded to ``G = config.max_grid()``
    threshold      () float32                lowest kept score (kept: score >= threshold)
    n_kept         () int32                  number of kept (top-fraction) windows
    n_distinct     () int32                  distinct drawn windows (< N only for tiny
                                             images)
    physical       () bool                   True when physical-scale mode applied
    flags          () str                    comma-separated: no-dimensions, upscaled,
                                             capped, padded
    ============== ========================= ===============================================

    The row's window ``(i, j)`` of ``window_scores`` has its top-left corner at
    ``(i · stride, j · stride)``. The parameters (``PatchConfig.to_dict()``) are stored
    with the arrays (``StoredArrays.params``).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import math
from dataclasses import dataclass, field
from typing import Any

import cv2
import numpy as np

from ..config import fingerprint as _fingerprint
from ..errors import ConfigError

LUMA = (0.299, 0.587, 0.114)
FLAGS = ("no-dimensions", "upscaled", "capped", "padded")


# -- configuration ----------------------------------------------------------------------------
@dataclass(frozen=True)
class PatchConfig:
    """Parameters of the patch method (every value of the method is one).

    Parameters
    ----------
    patch_size : int, default=64
        Side ``s`` of a window and of a stored patch, in working pixels.
    stride : int, default=32
        Step between two windows (32 = 50 % overlap at s = 64).
    top : float, default=0.1
        Fraction of windows kept by score before drawing (at least ``n`` are kept).
    n : int, default=5
        Patches drawn per work.
    sigma1, sigma2 : float, default=3, 5
        Standard deviations of the two Gaussians of the DoG, ``sigma1 < sigma2``.
    seed : int, default=0
        Seed of the draw, combined with each work id.
    max_side : int, default=1024
        Pixel mode: longest side ``L`` of the working image.
    upscale : bool, default=False
        Pixel mode: also enlarge images whose longest side is below ``max_side``.
    cm_per_patch : float, optional
        Physical-scale mode: centimetres covered by one patch (e.g. 5). None for
        pixel mode.
    max_physical_side : int, default=4096
        Physical-scale mode: the longest side a working image may reach.

    Raises
    ------
    ConfigError
        If a value is out of range (the message names it).
    """

    patch_size: int = 64
    stride: int = 32
    top: float = 0.1
    n: int = 5
    sigma1: float = 3.0
    sigma2: float = 5.0
    seed: int = 0
    max_side: int = 1024
    upscale: bool = False
    cm_per_patch: float | None = None
    max_physical_side: int = 4096

    def __post_init__(self) -> None:
        checks = [
            (8 <= self.patch_size <= 512, f"patch_size must be in [8, 512], got {self.patch_size}"),
            (1 <= self.stride <= self.patch_size * 4,
             f"stride must be in [1, 4 × patch_size = {self.patch_size * 4}], got {self.stride}"),
            (0.0 < self.top <= 1.0, f"top must be in (0, 1], got {self.top}"),
            (1 <= self.n <= 256, f"n must be in [1, 256], got {self.n}"),
            (0.0 < self.sigma1 < self.sigma2,
             f"need 0 < sigma1 < sigma2, got sigma1={self.sigma1}, sigma2={self.sigma2}"),
            (self.sigma2 <= self.patch_size,
             f"sigma2 must be at most patch_size={self.patch_size}, got {self.sigma2}"),
            (self.seed >= 0, f"seed must be >= 0, got {self.seed}"),
            (self.patch_size <= self.max_side <= 16384,
             f"max_side must be in [patch_size={self.patch_size}, 16384], got {self.max_side}"),
            (self.cm_per_patch is None or 0.0 < self.cm_per_patch <= 1000.0,
             f"cm_per_patch must be in (0, 1000] or None, got {self.cm_per_patch}"),
            (self.patch_size <= self.max_physical_side <= 16384,
             f"max_physical_side must be in [patch_size={self.patch_size}, 16384], "
             f"got {self.max_physical_side}"),
        ]
        for ok, message in checks:
            if not ok:
                raise ConfigError(message)
        # Normalise numeric types so that equal configurations hash equally.
        for name in ("patch_size", "stride", "n", "seed", "max_side", "max_physical_side"):
            object.__setattr__(self, name, int(getattr(self, name)))
        for name in ("top", "sigma1", "sigma2"):
            object.__setattr__(self, name, float(getattr(self, name)))
        object.__setattr__(self, "upscale", bool(self.upscale))
        if self.cm_per_patch is not None:
            object.__setattr__(self, "cm_per_patch", float(self.cm_per_patch))

    @property
    def physical(self) -> bool:
        """Whether the configuration asks for physical-scale mode."""
        return self.cm_per_patch is not None

    def fingerprint(self) -> str:
        """Stable hash of the parameters: keys the stored patches."""
        return _fingerprint(self)

    def to_dict(self) -> dict[str, Any]:
        """The parameters as a JSON-serialisable dict."""
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, params: dict[str, Any]) -> PatchConfig:
        """Build a configuration from a dict, ignoring keys that are not parameters.

        Raises
        ------
        ConfigError
            If a value is out of range.
        """
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in params.items() if k in names})

    def max_working_side(self) -> int:
        """The longest side a working image can have under this configuration."""
        return max(self.max_side, self.max_physical_side) if self.physical else self.max_side

    def max_grid(self) -> int:
        """Windows along the longest possible side (the padded size of stored score grids)."""
        return n_windows(self.max_working_side(), self.patch_size, self.stride)


@dataclass
class PatchResult:
    """The patches of one image and everything needed to show how they were chosen.

    Attributes
    ----------
    work_shape : tuple of int
        (height, width) of the working image (before any padding).
    scale : float
        Working pixels per pixel of the image given to :func:`working_image`.
    physical : bool
        Whether physical-scale mode applied.
    flags : tuple of str
        Among ``no-dimensions``, ``upscaled``, ``capped``, ``padded``.
    magnitude : ndarray of shape (height', width'), float32
        ``|∇I|`` of the (possibly padded) working image.
    window_scores : ndarray of shape (grid_h, grid_w), float32
        Score of every window.
    kept : ndarray of shape (grid_h, grid_w), bool
        The top-fraction windows.
    threshold : float
        Lowest kept score.
    drawn : ndarray of shape (n,), int64
        Flat indices into ``window_scores`` of the drawn windows, in draw order.
    n_distinct : int
        Number of distinct drawn windows.
    coords : ndarray of shape (n, 2), int32
        (row, col) of each drawn window's top-left corner.
    scores : ndarray of shape (n,), float32
    color : ndarray of shape (n, s, s, 3), uint8
    dog : ndarray of shape (n, s, s), uint8
    """

    work_shape: tuple[int, int]
    scale: float
    physical: bool
    flags: tuple[str, ...]
    magnitude: np.ndarray
    window_scores: np.ndarray
    kept: np.ndarray
    threshold: float
    drawn: np.ndarray
    n_distinct: int
    coords: np.ndarray
    scores: np.ndarray
    color: np.ndarray
    dog: np.ndarray
    stride: int = field(default=32)
    patch_size: int = field(default=64)

    @property
    def grid_shape(self) -> tuple[int, int]:
        """Number of windows along (height, width)."""
        return tuple(int(v) for v in self.window_scores.shape)  # type: ignore[return-value]

    @property
    def n_kept(self) -> int:
        """Number of kept windows."""
        return int(self.kept.sum())

    def window_origins(self) -> np.ndarray:
        """(row, col) of the top-left corner of every window, shape (grid_h, grid_w, 2)."""
        gh, gw = self.grid_shape
        rows, cols = np.meshgrid(np.arange(gh) * self.stride, np.arange(gw) * self.stride,
                                 indexing="ij")
        return np.stack([rows, cols], axis=-1).astype(np.int32)


# -- image operations -------------------------------------------------------------------------
def luminance(rgb: np.ndarray) -> np.ndarray:
    """Grey luminance ``I = 0.299 R + 0.587 G + 0.114 B``.

    A uint8 image gives an 8-bit grey image, as image libraries make it (OpenCV's
    fixed-point weights: within one grey level of the rounded formula). Rounding
    is harmless here and makes the whole method about 20 % faster: on 98 paintings
    of peopleart the kept windows were identical to those of float luminance, the
    median window score changing by 0.2 %. Other dtypes give the formula in float32.

    Parameters
    ----------
    rgb : ndarray of shape (height, width, 3)
        RGB image, uint8 (0–255) or float.

    Returns
    -------
    ndarray of shape (height, width)
        uint8 for uint8 input, float32 otherwise.
    """
    rgb = np.asarray(rgb)
    if rgb.ndim != 3 or rgb.shape[2] != 3:
        raise ValueError(f"expected an RGB image of shape (height, width, 3), got {rgb.shape}")
    if rgb.dtype == np.uint8:
        return cv2.cvtColor(np.ascontiguousarray(rgb), cv2.COLOR_RGB2GRAY)
    return (rgb.astype(np.float32) @ np.asarray(LUMA, dtype=np.float32)).astype(np.float32)


def sobel_magnitude(grey: np.ndarray) -> np.ndarray:
    """Gradient magnitude ``sqrt(Gx² + Gy²)`` from 3×3 Sobel derivatives.

    The kernels are ``[[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]`` and its transpose
    (unnormalised, so values reach ``4·255·√2`` on uint8 input); borders are mirrored
    without repeating the edge pixel (``reflect-101``), so a constant image has zero
    gradient everywhere.

    Parameters
    ----------
    grey : ndarray of shape (height, width)
        uint8 or float.

    Returns
    -------
    ndarray of shape (height, width), float32
    """
    grey = np.asarray(grey)
    if grey.ndim != 2:
        raise ValueError(f"expected a grey image of shape (height, width), got {grey.shape}")
    if grey.dtype != np.uint8:
        grey = grey.astype(np.float32)
    grey = np.ascontiguousarray(grey)
    gx = cv2.Sobel(grey, cv2.CV_32F, 1, 0, ksize=3, borderType=cv2.BORDER_REFLECT_101)
    gy = cv2.Sobel(grey, cv2.CV_32F, 0, 1, ksize=3, borderType=cv2.BORDER_REFLECT_101)
    return cv2.magnitude(gx, gy, magnitude=gx)  # in place: one image-sized buffer fewer


def n_windows(length: int, patch_size: int, stride: int) -> int:
    """Number of windows along a side of ``length`` pixels (1 when shorter than a patch)."""
    return max(0, (int(length) - patch_size) // stride) + 1


def window_scores(magnitude: np.ndarray, patch_size: int, stride: int) -> np.ndarray:
    """Mean of ``magnitude`` over every window, all at once (block means + integral image).

    The image is first averaged over blocks of ``b = gcd(patch_size, stride)`` pixels
    (area resampling by an integer factor: exact block means); a window is then a
    square of ``(patch_size / b)²`` blocks, summed for all windows from the integral
    image of the block grid. No Python loop runs over windows.

    Parameters
    ----------
    magnitude : ndarray of shape (height, width)
        Both sides at least ``patch_size`` (pad smaller images first).
    patch_size : int
        Window side.
    stride : int
        Step between windows.

    Returns
    -------
    ndarray of shape (n_windows(height), n_windows(width)), float32
        ``out[i, j]`` is the mean over rows ``i·stride … i·stride + s − 1`` and
        columns ``j·stride … j·stride + s − 1``.

    Raises
    ------
    ValueError
        If the image is smaller than a window.
    """
    h, w = magnitude.shape
    if h < patch_size or w < patch_size:
        raise ValueError(f"image of {h}×{w} pixels is smaller than a {patch_size}-pixel window; "
                         "pad it first")
    gh, gw = n_windows(h, patch_size, stride), n_windows(w, patch_size, stride)
    b = math.gcd(patch_size, stride)
    covered_h, covered_w = (gh - 1) * stride + patch_size, (gw - 1) * stride + patch_size
    region = magnitude[:covered_h, :covered_w]  # a view: OpenCV reads strided rows
    if region.dtype != np.float32:
        region = region.astype(np.float32)
    if b > 1:
        region = cv2.resize(region, (covered_w // b, covered_h // b),
                            interpolation=cv2.INTER_AREA)
    # Float64 sums: the means match a direct computation to ~1e-7 relative.
    integral = cv2.integral(region, sdepth=cv2.CV_64F)
    k, step = patch_size // b, stride // b
    top, bottom = slice(0, (gh - 1) * step + 1, step), slice(k, k + (gh - 1) * step + 1, step)
    left, right = slice(0, (gw - 1) * step + 1, step), slice(k, k + (gw - 1) * step + 1, step)
    sums = (integral[bottom, right] - integral[top, right]
            - integral[bottom, left] + integral[top, left])
    return (sums * (1.0 / (k * k))).astype(np.float32)


def window_scores_loop(magnitude: np.ndarray, patch_size: int, stride: int) -> np.ndarray:
    """Reference implementation of :func:`window_scores`: one Python iteration per window.

    Slow on purpose; tests and the benchmark compare against it.
    """
    h, w = magnitude.shape
    gh, gw = n_windows(h, patch_size, stride), n_windows(w, patch_size, stride)
    out = np.zeros((gh, gw), dtype=np.float64)
    for i in range(gh):
        for j in range(gw):
            r, c = i * stride, j * stride
            out[i, j] = magnitude[r:r + patch_size, c:c + patch_size].astype(np.float64).mean()
    return out.astype(np.float32)


def top_windows(scores: np.ndarray, top: float, n: int) -> tuple[np.ndarray, float]:
    """The top fraction of windows by score, at least ``n`` (ties at the threshold kept).

    Parameters
    ----------
    scores : ndarray of shape (grid_h, grid_w)
    top : float
        Fraction in (0, 1].
    n : int
        Minimum number of windows to keep (all of them when there are fewer).

    Returns
    -------
    kept : ndarray of shape (grid_h, grid_w), bool
        ``ceil(top · n_windows)`` windows, at least ``min(n, n_windows)``, plus any
        window whose score equals the lowest kept score.
    threshold : float
        The lowest kept score.
    """
    flat = np.asarray(scores, dtype=np.float32).ravel()
    total = flat.size
    if total == 0:
        return np.zeros(np.shape(scores), dtype=bool), float("nan")
    k = math.ceil(round(top * total, 9))  # round: 0.1 × 140 must give 14, not 15
    k = min(total, max(k, n, 1))
    threshold = float(np.partition(flat, total - k)[total - k])
    return (np.asarray(scores) >= threshold), threshold


def work_rng(work_id: str, seed: int) -> np.random.Generator:
    """The generator that draws the patches of one work.

    Seeded from a stable hash of the work id (sha256, not Python's salted ``hash``)
    and the seed, through :class:`numpy.random.SeedSequence`: same work and seed,
    same draws, on every machine and Python version.

    Parameters
    ----------
    work_id : str
    seed : int

    Returns
    -------
    numpy.random.Generator
    """
    digest = hashlib.sha256(str(work_id).encode("utf-8")).digest()
    key = int.from_bytes(digest[:16], "little")
    return np.random.default_rng(np.random.SeedSequence([int(seed), key]))


def draw_windows(weights: np.ndarray, n: int, rng: np.random.Generator) -> np.ndarray:
    """Draw ``n`` indices without replacement with probability proportional to weight.

    Successive sampling: the first index is ``i`` with probability
    ``w_i / Σ w``, the next one is drawn the same way among the rest, and so on.
    It is done in one vectorised step as an exponential race (each item's arrival
    time is ``E_i / w_i`` with ``E_i ~ Exp(1)``; the earliest arrivals win), which is
    the same distribution (Efraimidis & Spirakis, 2006).

    Parameters
    ----------
    weights : ndarray of shape (m,)
        Non-negative weights (the window scores). Items of weight 0 come after all
        positive ones, in uniformly random order.
    n : int
        How many to draw. When ``m < n`` every item is drawn and the draw order is
        repeated cyclically to fill ``n`` slots.
    rng : numpy.random.Generator

    Returns
    -------
    ndarray of shape (n,), int64
        Indices into ``weights`` in draw order.
    """
    w = np.asarray(weights, dtype=np.float64).ravel()
    m = w.size
    if m == 0:
        raise ValueError("cannot draw from an empty set of windows")
    if np.any(~np.isfinite(w)) or np.any(w < 0):
        raise ValueError("weights must be finite and non-negative")
    arrivals = rng.standard_exponential(m)
    tiebreak = rng.random(m)
    with np.errstate(divide="ignore"):
        arrivals = np.where(w > 0, arrivals / np.where(w > 0, w, 1.0), np.inf)
    order = np.lexsort((tiebreak, arrivals))  # by arrival, ties (the zeros) at random
    if m >= n:
        return order[:n].astype(np.int64)
    return np.resize(order, n).astype(np.int64)


def gaussian_kernel(sigma: float) -> np.ndarray:
    """Sampled Gaussian, support ±round(4σ) (as ``scipy.ndimage``), normalised to sum 1.

    Returns
    -------
    ndarray of shape (2·radius + 1,), float64
    """
    radius = int(4.0 * sigma + 0.5)
    x = np.arange(-radius, radius + 1, dtype=np.float64)
    k = np.exp(-0.5 * (x / sigma) ** 2)
    return k / k.sum()


@functools.lru_cache(maxsize=64)
def _dct_transfer(sigma: float, length: int) -> np.ndarray:
    # Filtering with a symmetric kernel under the mirrored border (d c b a | a b c d) is
    # a multiplication in the DCT-II domain by the kernel's cosine transform.
    k = gaussian_kernel(sigma)
    offsets = np.arange(len(k)) - len(k) // 2
    freqs = np.pi * np.arange(length) / length
    out = (k[None, :] * np.cos(freqs[:, None] * offsets[None, :])).sum(axis=1)
    out.setflags(write=False)
    return out


@functools.lru_cache(maxsize=64)
def _dog_transfer(sigma1: float, sigma2: float, shape: tuple[int, int]) -> np.ndarray:
    h, w = shape
    out = (np.outer(_dct_transfer(sigma1, h), _dct_transfer(sigma1, w))
           - np.outer(_dct_transfer(sigma2, h), _dct_transfer(sigma2, w))).astype(np.float32)
    out.setflags(write=False)
    return out


def difference_of_gaussians(patch: np.ndarray, sigma1: float = 3.0,
                            sigma2: float = 5.0) -> np.ndarray:
    """``G(σ1) * P − G(σ2) * P`` on one grey patch (filtered on its own).

    Borders are mirrored (``d c b a | a b c d``, scipy's ``reflect``), the Gaussians
    are those of :func:`gaussian_kernel`; both filters are applied at once in the
    DCT-II domain, where mirrored-border convolution is a product (the result equals
    ``scipy.ndimage.gaussian_filter(P, σ1) − gaussian_filter(P, σ2)`` to float
    precision, about 3× faster than two spatial blurs).

    Parameters
    ----------
    patch : ndarray of shape (height, width)
    sigma1, sigma2 : float

    Returns
    -------
    ndarray of shape (height, width), float32
        Signed; zero for a constant patch.
    """
    p = np.ascontiguousarray(patch, dtype=np.float32)
    if p.ndim != 2:
        raise ValueError(f"expected a grey patch of shape (height, width), got {p.shape}")
    transfer = _dog_transfer(float(sigma1), float(sigma2), p.shape)
    if p.shape[0] % 2 or p.shape[1] % 2:  # cv2.dct handles even sizes only
        from scipy.fft import dctn, idctn

        return idctn(dctn(p, norm="ortho") * transfer, norm="ortho").astype(np.float32)
    return cv2.idct(cv2.dct(p) * transfer)


def normalise_uint8(values: np.ndarray, *, axis: int | tuple[int, ...] | None = None,
                    eps: float = 1e-6) -> np.ndarray:
    """``255 · (v − min) / (max − min)`` rounded to uint8; a flat input gives zeros.

    Parameters
    ----------
    values : ndarray
        Any shape (typically ``|DoG|`` of a patch, or a stack of them).
    axis : int or tuple of int, optional
        Axes over which min and max are taken (e.g. ``(1, 2)`` normalises each patch
        of an (n, s, s) stack on its own); all axes by default.
    eps : float, default=1e-6
        Ranges up to ``eps`` times the largest magnitude (at least 1) count as flat:
        float noise in a constant patch is not stretched to 0–255.

    Returns
    -------
    ndarray of the same shape, uint8
    """
    v = np.asarray(values, dtype=np.float32)
    if v.size == 0:
        return np.zeros(v.shape, dtype=np.uint8)
    if not np.isfinite(v).all():
        raise ValueError("cannot normalise values that are not finite")
    lo = v.min(axis=axis, keepdims=True)
    hi = v.max(axis=axis, keepdims=True)
    span = hi - lo
    flat = span <= eps * np.maximum(1.0, np.maximum(np.abs(hi), np.abs(lo)))
    scale = (255.0 / np.where(flat, np.inf, span)).astype(np.float32)
    out = (v - lo) * scale
    np.rint(out, out=out)
    return np.clip(out, 0, 255, out=out).astype(np.uint8)


def dog_patch(grey_patch: np.ndarray, sigma1: float = 3.0, sigma2: float = 5.0) -> np.ndarray:
    """The stored form of a patch: normalised ``|DoG|`` as uint8.

    Parameters
    ----------
    grey_patch : ndarray of shape (s, s)
    sigma1, sigma2 : float

    Returns
    -------
    ndarray of shape (s, s), uint8
    """
    return normalise_uint8(np.abs(difference_of_gaussians(grey_patch, sigma1, sigma2)))


def dog_patches(grey: np.ndarray, coords: np.ndarray, patch_size: int, sigma1: float,
                sigma2: float) -> np.ndarray:
    """:func:`dog_patch` of several windows of a grey image.

    Parameters
    ----------
    grey : ndarray of shape (height, width)
    coords : ndarray of shape (m, 2)
        (row, col) of each window's top-left corner.
    patch_size : int
    sigma1, sigma2 : float

    Returns
    -------
    ndarray of shape (m, patch_size, patch_size), uint8
    """
    s = patch_size
    out = np.empty((len(coords), s, s), dtype=np.float32)
    for k, (r, c) in enumerate(np.asarray(coords)):
        out[k] = difference_of_gaussians(grey[r:r + s, c:c + s], sigma1, sigma2)
    return normalise_uint8(np.abs(out), axis=(1, 2))


# -- working resolution -----------------------------------------------------------------------
def target_shape(height: int, width: int, config: PatchConfig, *,
                 width_cm: float | None = None,
                 height_cm: float | None = None) -> tuple[tuple[int, int], bool, tuple[str, ...]]:
    """The size of the working image of an image of ``height × width`` pixels.

    Parameters
    ----------
    height, width : int
        Size of the image (pixels).
    config : PatchConfig
    width_cm, height_cm : float, optional
        Physical size of the work; used in physical-scale mode.

    Returns
    -------
    shape : tuple of int
        (height, width) of the working image.
    physical : bool
        Whether physical-scale mode applied.
    flags : tuple of str
        ``no-dimensions`` (physical mode asked, no usable dimension: pixel mode used),
        ``upscaled`` (the working image is larger than the image), ``capped``
        (physical scale limited by ``max_physical_side``).
    """
    h, w = int(height), int(width)
    if h < 1 or w < 1:
        raise ValueError(f"image size must be positive, got {h}×{w}")
    flags: list[str] = []
    long_side = max(h, w)
    physical = False
    if config.physical:
        cm_per_px = _cm_per_pixel(h, w, width_cm, height_cm)
        if cm_per_px is None:
            flags.append("no-dimensions")
        else:
            physical = True
            scale = cm_per_px * config.patch_size / float(config.cm_per_patch)
            if long_side * scale > config.max_physical_side:
                scale = config.max_physical_side / long_side
                flags.append("capped")
    if not physical:
        if long_side > config.max_side or config.upscale:
            scale = config.max_side / long_side
        else:
            scale = 1.0
    shape = (h, w) if scale == 1.0 else (max(1, round(h * scale)), max(1, round(w * scale)))
    if shape[0] > h or shape[1] > w:
        flags.append("upscaled")
    return shape, physical, tuple(flags)


def _cm_per_pixel(h: int, w: int, width_cm: float | None,
                  height_cm: float | None) -> float | None:
    def usable(v: float | None) -> bool:
        try:
            return v is not None and math.isfinite(float(v)) and float(v) > 0
        except (TypeError, ValueError):
            return False

    has_w, has_h = usable(width_cm), usable(height_cm)
    if has_w and has_h:
        return math.sqrt(float(width_cm) * float(height_cm) / (w * h))
    if has_w:
        return float(width_cm) / w
    if has_h:
        return float(height_cm) / h
    return None


def resize_to(rgb: np.ndarray, shape: tuple[int, int]) -> np.ndarray:
    """Resize an image to exactly ``shape`` (area averaging down, bicubic up).

    Parameters
    ----------
    rgb : ndarray of shape (height, width, 3), uint8
    shape : tuple of int
        (height, width) wanted.

    Returns
    -------
    ndarray of shape (shape[0], shape[1], 3), uint8
        The input itself when it already has that shape.
    """
    h, w = rgb.shape[:2]
    if (h, w) == tuple(shape):
        return rgb
    up = shape[0] * shape[1] > h * w
    interpolation = cv2.INTER_CUBIC if up else cv2.INTER_AREA
    out = cv2.resize(np.ascontiguousarray(rgb), (int(shape[1]), int(shape[0])),
                     interpolation=interpolation)
    return out.reshape(int(shape[0]), int(shape[1]), *rgb.shape[2:])


def working_image(rgb: np.ndarray, config: PatchConfig, *, width_cm: float | None = None,
                  height_cm: float | None = None,
                  original_shape: tuple[int, int] | None = None,
                  ) -> tuple[np.ndarray, float, bool, tuple[str, ...]]:
    """Resample an image to the working resolution of ``config``.

    Parameters
    ----------
    rgb : ndarray of shape (height, width, 3), uint8
    config : PatchConfig
    width_cm, height_cm : float, optional
        Physical size (physical-scale mode).
    original_shape : tuple of int, optional
        (height, width) of the full-resolution image when ``rgb`` was decoded at a
        reduced size; the target is computed from it so that the result does not
        depend on how the file was decoded.

    Returns
    -------
    image : ndarray of shape (h', w', 3), uint8
    scale : float
        Working pixels per pixel of the full-resolution image.
    physical : bool
    flags : tuple of str
        See :func:`target_shape`.
    """
    h0, w0 = original_shape or rgb.shape[:2]
    shape, physical, flags = target_shape(h0, w0, config, width_cm=width_cm,
                                          height_cm=height_cm)
    scale = math.sqrt(shape[0] * shape[1] / float(h0 * w0))
    return resize_to(rgb, shape), scale, physical, flags


# -- the method on one image -------------------------------------------------------------------
def window_coords(flat: np.ndarray, grid_width: int, stride: int) -> np.ndarray:
    """Top-left (row, column) pixels of windows given by flat indices into their score grid."""
    flat = np.asarray(flat, dtype=np.int64)
    return np.stack([(flat // grid_width) * stride, (flat % grid_width) * stride], axis=1)


def _pad_to(array: np.ndarray, size: int) -> np.ndarray:
    h, w = array.shape[:2]
    ph, pw = max(0, size - h), max(0, size - w)
    if not ph and not pw:
        return array
    pad = [(0, ph), (0, pw)] + [(0, 0)] * (array.ndim - 2)
    return np.pad(array, pad, mode="edge")


def sample_patches(image: np.ndarray, config: PatchConfig, rng: np.random.Generator, *,
                   scale: float = 1.0, physical: bool = False,
                   flags: tuple[str, ...] = ()) -> PatchResult:
    """Run the method on an image already at working resolution.

    Parameters
    ----------
    image : ndarray of shape (height, width, 3), uint8
        The working image (see :func:`working_image`).
    config : PatchConfig
    rng : numpy.random.Generator
        The draw's generator (see :func:`work_rng`).
    scale, physical, flags
        Recorded in the result (from :func:`working_image`).

    Returns
    -------
    PatchResult
    """
    image = np.asarray(image)
    if image.ndim != 3 or image.shape[2] != 3 or image.dtype != np.uint8:
        raise ValueError(f"expected an RGB uint8 image, got {image.dtype} {image.shape}")
    s = config.patch_size
    work_shape = (int(image.shape[0]), int(image.shape[1]))
    padded = _pad_to(image, s)
    if padded is not image:
        flags = (*flags, "padded")
    grey = luminance(padded)
    magnitude = sobel_magnitude(grey)
    scores = window_scores(magnitude, s, config.stride)
    kept, threshold = top_windows(scores, config.top, config.n)
    kept_flat = np.flatnonzero(kept.ravel())
    picked = draw_windows(scores.ravel()[kept_flat], config.n, rng)
    drawn = kept_flat[picked]
    coords = window_coords(drawn, scores.shape[1], config.stride).astype(np.int32)
    color = np.stack([padded[r:r + s, c:c + s] for r, c in coords])
    dog = dog_patches(grey, coords, s, config.sigma1, config.sigma2)
    return PatchResult(
        work_shape=work_shape, scale=float(scale), physical=bool(physical),
        flags=tuple(flags), magnitude=magnitude, window_scores=scores, kept=kept,
        threshold=threshold, drawn=drawn, n_distinct=int(len(np.unique(drawn))),
        coords=coords, scores=scores.ravel()[drawn].astype(np.float32), color=color, dog=dog,
        stride=config.stride, patch_size=s)


def extract_patches(rgb: np.ndarray, config: PatchConfig, *, work_id: str,
                    width_cm: float | None = None, height_cm: float | None = None,
                    original_shape: tuple[int, int] | None = None) -> PatchResult:
    """The whole method on one image: working resolution, scores, draw, DoG.

    Parameters
    ----------
    rgb : ndarray of shape (height, width, 3), uint8
        The image (full resolution, or reduced with ``original_shape`` given).
    config : PatchConfig
    work_id : str
        Seeds the draw together with ``config.seed``.
    width_cm, height_cm : float, optional
        Physical size, for physical-scale mode.
    original_shape : tuple of int, optional
        Full-resolution (height, width) when ``rgb`` is reduced.

    Returns
    -------
    PatchResult
    """
    image, scale, physical, flags = working_image(
        rgb, config, width_cm=width_cm, height_cm=height_cm, original_shape=original_shape)
    return sample_patches(image, config, work_rng(work_id, config.seed), scale=scale,
                          physical=physical, flags=flags)


def kept_patches(image: np.ndarray, config: PatchConfig, *, limit: int | None = None,
                 rng: np.random.Generator | None = None) -> tuple[np.ndarray, np.ndarray]:
    """DoG patches of every kept (top-fraction) window of a working image.

    Used to train and apply the InfoVAE, which learns from all the high-gradient
    windows of a collection rather than from the ``n`` drawn ones.

    Parameters
    ----------
    image : ndarray of shape (height, width, 3), uint8
        The working image.
    config : PatchConfig
    limit : int, optional
        At most this many windows; when more are kept, ``limit`` of them are drawn
        with probability proportional to score from ``rng``.
    rng : numpy.random.Generator, optional
        Needed when ``limit`` applies.

    Returns
    -------
    dog : ndarray of shape (m, s, s), uint8
    scores : ndarray of shape (m,), float32
        In decreasing score order unless drawn (then in draw order).
    """
    s = config.patch_size
    padded = _pad_to(np.asarray(image), s)
    grey = luminance(padded)
    scores = window_scores(sobel_magnitude(grey), s, config.stride)
    kept, _ = top_windows(scores, config.top, config.n)
    flat = scores.ravel()
    idx = np.flatnonzero(kept.ravel())
    idx = idx[np.argsort(-flat[idx], kind="stable")]
    if limit is not None and len(idx) > limit:
        if rng is None:
            raise ValueError("a generator is needed to draw a limited number of windows")
        idx = idx[draw_windows(flat[idx], limit, rng)]
    coords = window_coords(idx, scores.shape[1], config.stride)
    dog = dog_patches(grey, coords, s, config.sigma1, config.sigma2)
    return dog, flat[idx].astype(np.float32)


def best_windows(rgb: np.ndarray, n: int, size: int) -> np.ndarray:
    """The ``n`` highest-gradient colour windows of a work, at the method's working resolution.

    The windows of the local branch of ``default`` (``windows:`` extractors): the
    image is brought to the working resolution of the pixel mode (longest side
    at most :attr:`PatchConfig.max_side`, never enlarged), every ``size``-pixel
    window (stride ``size / 2``) is scored by its mean Sobel magnitude as the
    patch method scores them, and the ``n`` best are cut out in colour, best
    first. An image with fewer windows repeats them in that order; one smaller
    than a window is padded by its edge pixels.

    Parameters
    ----------
    rgb : ndarray of shape (height, width, 3), uint8
    n : int
    size : int
        Window side in working pixels (even).

    Returns
    -------
    ndarray of shape (n, size, size, 3), uint8
    """
    if n < 1 or size < 2 or size % 2:
        raise ConfigError(f"best_windows needs n >= 1 and an even size >= 2, got {n}, {size}")
    config = PatchConfig(patch_size=size, stride=size // 2)
    image = _pad_to(working_image(np.asarray(rgb, dtype=np.uint8), config)[0], size)
    scores = window_scores(sobel_magnitude(luminance(image)), size, size // 2)
    order = np.argsort(-scores.ravel(), kind="stable")[:n]
    crops = [image[r:r + size, c:c + size]
             for r, c in window_coords(order, scores.shape[1], size // 2)]
    return np.stack([crops[k % len(crops)] for k in range(n)])


# -- display ------------------------------------------------------------------------------------
# Colours told apart by colour-blind readers too (Okabe–Ito), one per drawn patch.
OUTLINE_COLOURS: tuple[tuple[int, int, int], ...] = (
    (230, 159, 0), (86, 180, 233), (0, 158, 115), (240, 228, 66), (0, 114, 178),
    (213, 94, 0), (204, 121, 167))


def outline_colour(k: int) -> tuple[int, int, int]:
    """The RGB colour of the ``k``-th drawn patch's outline."""
    return OUTLINE_COLOURS[k % len(OUTLINE_COLOURS)]


def draw_outlines(image: np.ndarray, coords: np.ndarray, size: int, *,
                  source_shape: tuple[int, int] | None = None,
                  colours: tuple[tuple[int, int, int], ...] | None = None,
                  thickness: int | None = None) -> np.ndarray:
    """Outline square windows on an image (a copy; the input is not changed).

    Parameters
    ----------
    image : ndarray of shape (height, width, 3) or (height, width), uint8
        E.g. a work's thumbnail; a grey image is drawn on in colour.
    coords : ndarray of shape (n, 2)
        (row, col) of each window's top-left corner in ``source_shape`` pixels.
    size : int
        Side of a window in ``source_shape`` pixels.
    source_shape : (int, int), optional
        (height, width) of the image the coordinates refer to (the working
        image of the patch stage); the image's own shape by default.
    colours : tuple of RGB triples, optional
        One per window, cycled (:data:`OUTLINE_COLOURS` by default).
    thickness : int, optional
        Line width in pixels; about 1 % of the image's longer side by default.

    Returns
    -------
    ndarray of shape (height, width, 3), uint8
        Window ``k`` is outlined in ``colours[k % len(colours)]``; a window
        scaled below 3 pixels is still drawn 3 pixels wide.
    """
    out = np.asarray(image, dtype=np.uint8)
    out = np.repeat(out[..., None], 3, axis=2) if out.ndim == 2 else out.copy()
    h, w = out.shape[:2]
    sh, sw = source_shape if source_shape is not None else (h, w)
    sy, sx = h / float(sh), w / float(sw)
    colours = colours or OUTLINE_COLOURS
    line = thickness if thickness is not None else max(1, round(max(h, w) / 100))
    for k, (r, c) in enumerate(np.asarray(coords, dtype=np.float64).reshape(-1, 2)):
        top, left = int(round(r * sy)), int(round(c * sx))
        bottom = max(top + 2, int(round((r + size) * sy)) - 1)
        right = max(left + 2, int(round((c + size) * sx)) - 1)
        colour = tuple(int(v) for v in colours[k % len(colours)])
        cv2.rectangle(out, (left, top), (min(right, w - 1), min(bottom, h - 1)), colour,
                      thickness=line)
    return out

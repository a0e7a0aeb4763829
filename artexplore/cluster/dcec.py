"""DCEC: deep convolutional embedded clustering of the images themselves.

Guo, Liu, Zhu & Yin (ICONIP 2017), applied to paintings by Castellano & Vessio
(2021): a convolutional autoencoder on small images and a clustering layer (the
Student's t assignment to learnable centres) trained jointly on reconstruction
plus ``gamma`` × KL(P ‖ Q) against the sharpened target distribution (see
:mod:`artexplore.cluster._deep`). Inputs are small square images; in a workspace
they come from the stored thumbnails (:func:`thumbnail_images`), centre-cropped
to a square so that the brushwork is not distorted.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from PIL import Image

from ..errors import ArtExploreError, ConfigError, ImageLoadError
from ..imageio import load_rgb
from ..progress import ProgressCallback, null_progress
from ..store.workspace import Workspace
from ._deep import _DeepClusterer, _torch
from .base import register_clusterer


def square_crop(rgb: np.ndarray, size: int) -> np.ndarray:
    """The central square of an image, resized to ``size`` × ``size``.

    Parameters
    ----------
    rgb : ndarray of shape (height, width, 3), uint8
    size : int

    Returns
    -------
    ndarray of shape (size, size, 3), uint8
    """
    h, w = rgb.shape[:2]
    side = min(h, w)
    top, left = (h - side) // 2, (w - side) // 2
    crop = Image.fromarray(np.ascontiguousarray(rgb[top:top + side, left:left + side]))
    return np.asarray(crop.resize((size, size), Image.Resampling.BILINEAR), dtype=np.uint8)


def thumbnail_images(ws: Workspace, ids: Sequence[str], *, size: int = 64,
                     progress: ProgressCallback = null_progress) -> np.ndarray:
    """Small square images of works, from their thumbnails (or the image file).

    Parameters
    ----------
    ws : Workspace
    ids : sequence of str
        Work ids.
    size : int, default=64
    progress : callable

    Returns
    -------
    ndarray of shape (n_works, size, size, 3), uint8

    Raises
    ------
    ArtExploreError
        If a work has neither a thumbnail nor a readable image.
    """
    out = np.zeros((len(ids), size, size, 3), dtype=np.uint8)
    for i, wid in enumerate(ids):
        thumb = ws.thumbnail_path(wid)
        try:
            path = thumb if thumb.exists() else ws.image_path(wid)
            out[i] = square_crop(load_rgb(path, max_side=max(4 * size, 256)), size)
        except ImageLoadError as exc:
            raise ArtExploreError(f"cannot read an image of work {wid}: {exc}") from exc
        if i % 200 == 0:
            progress(i, len(ids), "reading thumbnails")
    progress(len(ids), len(ids), "thumbnails read")
    return out


class DCEC(_DeepClusterer):
    """Deep convolutional embedded clustering of images.

    Parameters
    ----------
    n_clusters : int, default=8
    filters : sequence of three int, default=(32, 64, 128)
    latent_dim : int, default=10
    pretrain_iter : int, default=600
        Autoencoder steps (minibatches); the paper used about 200 epochs on a GPU.
    max_iter : int, default=1200
        Joint training steps at most.
    batch_size : int, default=128
    update_interval : int, optional
        Steps between two target updates (one pass over the data by default).
    tol : float, default=0.001
    lr : float, default=1e-3
    gamma : float, default=0.1
        Weight of the clustering loss against reconstruction.
    alpha : float, default=1.0
    device : str, default="auto"
    n_threads : int, optional, default=None
        Torch intra-op threads during ``fit`` and ``predict`` (None: torch's setting).
    random_state : int, optional

    Notes
    -----
    ``fit(X)`` takes images: an array of shape (n_samples, size, size, 3) uint8, or
    (n_samples, 3, size, size) floats in [0, 1]; ``size`` a multiple of 8.
    """

    _keep_reconstruction = True

    def __init__(self, n_clusters: int = 8, *, filters: Sequence[int] = (32, 64, 128),
                 latent_dim: int = 10, pretrain_iter: int = 600, max_iter: int = 1200,
                 batch_size: int = 128, update_interval: int | None = None, tol: float = 0.001,
                 lr: float = 1e-3, gamma: float = 0.1, alpha: float = 1.0,
                 device: str = "auto", n_threads: int | None = None,
                 random_state: int | None = 0) -> None:
        self.n_clusters = n_clusters
        self.filters = filters
        self.latent_dim = latent_dim
        self.pretrain_iter = pretrain_iter
        self.max_iter = max_iter
        self.batch_size = batch_size
        self.update_interval = update_interval
        self.tol = tol
        self.lr = lr
        self.gamma = gamma
        self.alpha = alpha
        self.device = device
        self.n_threads = n_threads
        self.random_state = random_state

    def _to_tensor(self, X: Any, *, fit: bool) -> Any:
        torch = _torch()
        arr = np.asarray(X)
        if arr.ndim != 4:
            raise ConfigError(f"DCEC expects images of shape (n, size, size, 3), got {arr.shape}")
        if arr.shape[-1] in (1, 3) and arr.shape[1] not in (1, 3):
            arr = arr.transpose(0, 3, 1, 2)
        if arr.dtype == np.uint8:
            arr = arr.astype(np.float32) / 255.0
        side = arr.shape[2]
        if arr.shape[3] != side or side % 8:
            raise ConfigError(f"DCEC needs square images with a side that is a multiple of 8, "
                              f"got {arr.shape[2]}×{arr.shape[3]}")
        if fit:
            self.image_size_ = side
        elif side != self.image_size_:
            raise ConfigError(f"DCEC was fitted on {self.image_size_}-px images, got {side}-px")
        return torch.as_tensor(np.ascontiguousarray(arr), dtype=torch.float32)

    def _build(self, data: Any) -> Any:
        from ._nets import ConvAutoencoder

        return ConvAutoencoder(data.shape[2], tuple(self.filters), int(self.latent_dim),
                               channels=data.shape[1])


@register_clusterer("dcec", images=True)
def _dcec(n_clusters: int | None = None, random_state: int | None = 0, **options: Any) -> DCEC:
    if n_clusters is None:
        raise ConfigError("dcec needs n_clusters (run_clustering chooses it by a sweep)")
    return DCEC(n_clusters, random_state=random_state, **options)

"""DEC: deep embedded clustering of feature vectors (Xie, Girshick & Farhadi, ICML 2016).

A fully connected autoencoder ``d → 500 → 500 → 2000 → 10`` (the paper's shape) is
pretrained on reconstruction; k-means on its 10-D embedding gives the starting
clusters; the encoder and the centres are then trained to lower KL(P ‖ Q) against
the sharpened target distribution (see :mod:`artexplore.cluster._deep`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.utils.validation import check_array

from ._deep import _DeepClusterer, _torch
from .base import register_clusterer


class DEC(_DeepClusterer):
    """Deep embedded clustering of feature vectors.

    Parameters
    ----------
    n_clusters : int, default=8
    hidden_dims : sequence of int, default=(500, 500, 2000)
        Encoder layers (the decoder mirrors them).
    latent_dim : int, default=10
    pretrain_iter : int, default=1000
        Autoencoder steps (minibatches).
    max_iter : int, default=2000
        Self-training steps at most.
    batch_size : int, default=256
    update_interval : int, optional
        Steps between two updates of the target distribution (one pass over the
        data by default).
    tol : float, default=0.001
        Stop when fewer than this share of labels change between two updates.
    lr : float, default=1e-3
        Adam learning rate of both phases.
    alpha : float, default=1.0
        Degrees of freedom of the Student's t kernel.
    device : str, default="cpu"
        ``auto`` (CUDA, then MPS, then CPU), ``cpu``, ``cuda``, ``cuda:N`` or ``mps``.
    n_threads : int, optional, default=1
        Torch intra-op threads during ``fit`` and ``predict`` (None: torch's setting).
    random_state : int, optional

    Attributes
    ----------
    labels_, proba_, cluster_centers_ (in the embedding), n_clusters_
    init_labels_ : ndarray of shape (n_samples,)
        The k-means labels DEC started from.
    n_iter_ : int
        Self-training steps run.
    """

    def __init__(self, n_clusters: int = 8, *, hidden_dims: Sequence[int] = (500, 500, 2000),
                 latent_dim: int = 10, pretrain_iter: int = 1000, max_iter: int = 2000,
                 batch_size: int = 256, update_interval: int | None = None, tol: float = 0.001,
                 lr: float = 1e-3, alpha: float = 1.0, device: str = "cpu",
                 n_threads: int | None = 1, random_state: int | None = 0) -> None:
        self.n_clusters = n_clusters
        self.hidden_dims = hidden_dims
        self.latent_dim = latent_dim
        self.pretrain_iter = pretrain_iter
        self.max_iter = max_iter
        self.batch_size = batch_size
        self.update_interval = update_interval
        self.tol = tol
        self.lr = lr
        self.alpha = alpha
        self.device = device
        self.n_threads = n_threads
        self.random_state = random_state

    def _to_tensor(self, X: Any, *, fit: bool) -> Any:
        torch = _torch()
        X = check_array(X, dtype=np.float32)
        if fit:
            # One global scale keeps the geometry (PCA axes keep their relative variance).
            self.mean_ = X.mean(axis=0)
            self.scale_ = float(max(np.sqrt(((X - self.mean_) ** 2).mean()), 1e-12))
        return torch.as_tensor((X - self.mean_) / self.scale_, dtype=torch.float32)

    def _build(self, data: Any) -> Any:
        from ._nets import MLPAutoencoder

        return MLPAutoencoder(data.shape[1], tuple(int(h) for h in self.hidden_dims),
                              int(self.latent_dim))


@register_clusterer("dec")
def _dec(n_clusters: int | None = None, random_state: int | None = 0, **options: Any) -> DEC:
    from ..errors import ConfigError

    if n_clusters is None:
        raise ConfigError("dec needs n_clusters (run_clustering chooses it by a sweep)")
    return DEC(n_clusters, random_state=random_state, **options)

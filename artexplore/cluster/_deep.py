"""What DEC and DCEC share: an autoencoder, then self-training on a sharpened target.

Both methods (Xie et al. 2016; Guo et al. 2017, used on paintings by Castellano &
Vessio) run in two phases:

1. pretrain an autoencoder on reconstruction;
2. initialise cluster centres by k-means on the embedding, then train the encoder
   and the centres (the "clustering layer") to lower KL(P ‖ Q), where Q is the
   Student's t soft assignment of embeddings to centres and P the target
   distribution ``p_ij ∝ q_ij² / f_j`` (``f_j = Σ_i q_ij``), which sharpens Q
   towards its confident assignments. P is recomputed every ``update_interval``
   steps; training stops when fewer than ``tol`` of the labels change between
   two updates. DCEC keeps the reconstruction loss during phase 2 (weight 1, KL
   weight ``gamma``), which preserves the local structure of the embedding.

Subclasses define the network (:meth:`_DeepClusterer._build`) and how inputs
become tensors (:meth:`_DeepClusterer._to_tensor`).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import numpy as np
from sklearn.cluster import KMeans
from sklearn.utils.validation import check_is_fitted

from ..errors import ConfigError
from ..nn.device import resolve_device, seeded, torch_threads
from ..progress import ProgressCallback, null_progress
from .base import SoftClusterer

log = logging.getLogger(__name__)


def _torch():
    try:
        import torch
    except ImportError as exc:  # pragma: no cover - torch is in requirements.txt
        from ..errors import ArtExploreError
        raise ArtExploreError("DEC and DCEC need PyTorch: pip install torch") from exc
    return torch


def soft_assign(z: Any, centres: Any, alpha: float = 1.0) -> Any:
    """Student's t assignment ``q`` of embeddings ``z`` (n, d) to ``centres`` (k, d)."""
    torch = _torch()
    d2 = torch.cdist(z, centres).pow(2)
    q = (1.0 + d2 / alpha).pow(-(alpha + 1.0) / 2.0)
    return q / q.sum(dim=1, keepdim=True)


def target_distribution(q: Any) -> Any:
    """The sharpened target ``p_ij ∝ q_ij² / f_j``, rows summing to 1."""
    weight = q.pow(2) / q.sum(dim=0, keepdim=True)
    return weight / weight.sum(dim=1, keepdim=True)


class _DeepClusterer(SoftClusterer):
    """Two-phase deep clustering; see the module docstring.

    Subclasses set ``n_clusters``, ``latent_dim``, ``pretrain_iter``, ``max_iter``,
    ``batch_size``, ``update_interval``, ``tol``, ``lr``, ``alpha``, ``gamma``,
    ``device``, ``n_threads`` and ``random_state`` in ``__init__``.
    """

    #: Weight of the reconstruction loss during phase 2 (0: encoder only, as DEC).
    _keep_reconstruction = False

    # -- to be provided by subclasses ----------------------------------------------------
    def _build(self, data: Any) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def _to_tensor(self, X: Any, *, fit: bool) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    # -- shared training -------------------------------------------------------------------
    def _batches(self, n: int, rng: np.random.Generator) -> Iterator[np.ndarray]:
        size = max(1, min(int(self.batch_size), n))
        while True:
            order = rng.permutation(n)
            for start in range(0, n - size + 1, size):
                yield order[start:start + size]

    def _encode_all(self, data: Any) -> Any:
        torch = _torch()
        out = []
        self.module_.eval()
        with torch.no_grad():
            for start in range(0, len(data), 1024):
                out.append(self.module_.encode(data[start:start + 1024].to(self.device_)))
        self.module_.train()
        return torch.cat(out)

    def fit(self, X: Any, y: Any = None, *,
            progress: ProgressCallback = null_progress) -> _DeepClusterer:
        """Pretrain the autoencoder, initialise by k-means, then self-train.

        Parameters
        ----------
        X : array-like
            Feature vectors (DEC) or images (DCEC); see the subclass.
        progress : callable
            Called with (step, total steps, message).

        Returns
        -------
        self
        """
        with torch_threads(self.n_threads):
            return self._fit(X, progress)

    def _fit(self, X: Any, progress: ProgressCallback) -> _DeepClusterer:
        torch = _torch()
        k = int(self.n_clusters or 0)
        self.device_ = resolve_device(self.device)
        data = self._to_tensor(X, fit=True)
        n = len(data)
        if k < 1 or k > n:
            raise ConfigError(f"Expected n_samples >= n_clusters >= 1 but got n_clusters = "
                              f"{self.n_clusters}, n_samples = {n}")
        rng = np.random.default_rng(self.random_state)
        total = int(self.pretrain_iter) + int(self.max_iter)
        with seeded(self.random_state):
            self.module_ = self._build(data).to(self.device_)
        mse = torch.nn.MSELoss()

        # Phase 1: the autoencoder alone.
        opt = torch.optim.Adam(self.module_.parameters(), lr=self.lr)
        batches = self._batches(n, rng)
        self.pretrain_loss_ = float("nan")
        for step in range(int(self.pretrain_iter)):
            xb = data[next(batches)].to(self.device_)
            loss = mse(self.module_.decode(self.module_.encode(xb)), xb)
            opt.zero_grad()
            loss.backward()
            opt.step()
            self.pretrain_loss_ = float(loss.detach())
            if step % 20 == 0:
                progress(step, total, f"pretraining the autoencoder (loss {self.pretrain_loss_:.4f})")

        # Phase 2: k-means initialisation, then KL to the sharpened target.
        z = self._encode_all(data)
        km = KMeans(n_clusters=k, n_init=20, random_state=self.random_state).fit(
            z.cpu().numpy().astype(np.float64))
        self.init_labels_ = km.labels_.astype(np.int64)
        centres = torch.nn.Parameter(torch.as_tensor(km.cluster_centers_, dtype=torch.float32,
                                                     device=self.device_))
        params = list(self.module_.encoder.parameters()) + [centres]
        if self._keep_reconstruction:
            params = list(self.module_.parameters()) + [centres]
        opt = torch.optim.Adam(params, lr=self.lr)
        interval = int(self.update_interval or max(1, -(-n // max(1, int(self.batch_size)))))
        labels_prev = self.init_labels_
        target = None
        self.n_iter_ = 0
        self.stopped_early_ = False
        for step in range(int(self.max_iter)):
            if step % interval == 0:
                with torch.no_grad():
                    q_all = soft_assign(self._encode_all(data), centres, self.alpha)
                    target = target_distribution(q_all)
                labels = q_all.argmax(1).cpu().numpy()
                changed = float(np.mean(labels != labels_prev))
                labels_prev = labels
                if step > 0 and changed < self.tol:
                    self.stopped_early_ = True
                    log.info("deep clustering converged at step %d (%.4f labels changed)", step,
                             changed)
                    break
                progress(int(self.pretrain_iter) + step, total,
                         f"self-training: {changed:.1%} labels changed")
            idx = next(batches)
            xb = data[idx].to(self.device_)
            zb = self.module_.encode(xb)
            q = soft_assign(zb, centres, self.alpha)
            loss = torch.nn.functional.kl_div(q.log(), target[idx], reduction="batchmean")
            if self._keep_reconstruction:
                loss = mse(self.module_.decode(zb), xb) + self.gamma * loss
            opt.zero_grad()
            loss.backward()
            opt.step()
            self.n_iter_ = step + 1
        self.cluster_centers_ = centres.detach().cpu().numpy()
        self.proba_ = self._proba_of(data)
        self.labels_ = np.argmax(self.proba_, axis=1).astype(np.int64)
        self.n_clusters_ = k
        progress(total, total, "done")
        return self

    def _proba_of(self, data: Any) -> np.ndarray:
        torch = _torch()
        with torch.no_grad():
            z = self._encode_all(data)
            centres = torch.as_tensor(self.cluster_centers_, dtype=z.dtype, device=z.device)
            q = soft_assign(z, centres, self.alpha)
        return q.cpu().numpy().astype(np.float32)

    def predict_proba(self, X: Any) -> np.ndarray:
        """Soft assignment of new inputs, shape (n_samples, n_clusters)."""
        check_is_fitted(self, "cluster_centers_")
        with torch_threads(self.n_threads):
            return self._proba_of(self._to_tensor(X, fit=False))

    def transform(self, X: Any) -> np.ndarray:
        """The learned embedding of new inputs, shape (n_samples, latent_dim)."""
        check_is_fitted(self, "cluster_centers_")
        with torch_threads(self.n_threads):
            return self._encode_all(self._to_tensor(X, fit=False)).cpu().numpy()

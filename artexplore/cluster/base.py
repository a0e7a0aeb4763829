"""The clusterer registry and what every clusterer shares: soft assignments.

Every method is a scikit-learn estimator (``fit(X)`` returns self, ``labels_``,
``predict``, ``fit_predict``, ``random_state``) that also keeps soft assignments:

- ``proba_`` of shape (n_samples, n_clusters_): each work's membership of each
  cluster (rows sum to 1, or to 0 for HDBSCAN noise), and ``predict_proba(X)``;
- ``confidence_`` of shape (n_samples,): the membership of the work's own cluster,
  so that ambiguous works (low confidence) can be listed.

Methods are found by name with :func:`create_clusterer`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, ClusterMixin
from sklearn.utils.validation import check_is_fitted

from ..errors import unknown_name

ClustererFactory = Callable[..., "SoftClusterer"]
CLUSTERERS: dict[str, ClustererFactory] = {}
# Methods that need the number of clusters (chosen by a sweep when not given).
NEEDS_K: set[str] = set()
# Methods that cluster images rather than feature vectors.
IMAGE_METHODS: set[str] = set()


def register_clusterer(name: str, *, needs_k: bool = True,
                       images: bool = False) -> Callable[[ClustererFactory], ClustererFactory]:
    """Register a factory ``(n_clusters, random_state, **options) -> SoftClusterer``.

    Parameters
    ----------
    name : str
        The method name used by the CLI and the UI.
    needs_k : bool, default=True
        Whether the method needs ``n_clusters``.
    images : bool, default=False
        Whether the method's ``fit`` takes images instead of feature vectors.
    """
    def decorate(factory: ClustererFactory) -> ClustererFactory:
        CLUSTERERS[name] = factory
        if needs_k:
            NEEDS_K.add(name)
        if images:
            IMAGE_METHODS.add(name)
        return factory
    return decorate


def available_methods() -> list[str]:
    """Names of the registered clustering methods, in the CLI's order."""
    _ensure_registered()
    order = ["kmeans", "gmm", "bgmm", "hdbscan", "agglomerative", "dec", "dcec"]
    return [m for m in order if m in CLUSTERERS] + sorted(set(CLUSTERERS) - set(order))


def create_clusterer(method: str, *, n_clusters: int | None = None,
                     random_state: int | None = 0, **options: Any) -> SoftClusterer:
    """Build a clusterer by name.

    Parameters
    ----------
    method : str
        One of :func:`available_methods`.
    n_clusters : int, optional
        Number of clusters for the methods that need one; None lets ``kmeans``
        and ``gmm`` choose it by a sweep (see :class:`KSweep`).
    random_state : int, optional
    **options
        Method parameters (``covariance_type``, ``min_cluster_size``, ``pretrain_epochs``…).

    Raises
    ------
    UnknownNameError
        Listing the methods.
    """
    _ensure_registered()
    if method not in CLUSTERERS:
        raise unknown_name("clustering method", method, CLUSTERERS)
    return CLUSTERERS[method](n_clusters=n_clusters, random_state=random_state, **options)


def _ensure_registered() -> None:
    from . import classic, dcec, dec  # noqa: F401  (modules register their methods)


class SoftClusterer(ClusterMixin, BaseEstimator):
    """Base of the clusterers: labels plus soft assignments.

    Subclasses implement ``fit`` (setting ``labels_``, ``proba_``) and
    ``predict_proba``; ``predict`` and ``confidence_`` follow.
    """

    def predict(self, X: Any) -> np.ndarray:
        """Cluster of each sample of ``X``.

        Returns
        -------
        ndarray of shape (n_samples,), int
        """
        proba = self.predict_proba(X)
        return np.argmax(proba, axis=1).astype(np.int64) if proba.shape[1] else \
            np.full(len(proba), -1, dtype=np.int64)

    def predict_proba(self, X: Any) -> np.ndarray:  # pragma: no cover - abstract
        """Soft assignment of each sample of ``X``, shape (n_samples, n_clusters_)."""
        raise NotImplementedError

    def fit_predict(self, X: Any, y: Any = None, **kwargs: Any) -> np.ndarray:
        """Fit and return ``labels_``."""
        return self.fit(X).labels_

    @property
    def confidence_(self) -> np.ndarray:
        """Membership of each training sample in its own cluster (0 for noise)."""
        check_is_fitted(self, "labels_")
        labels = np.asarray(self.labels_)
        out = np.zeros(len(labels), dtype=np.float32)
        ok = labels >= 0
        out[ok] = self.proba_[np.flatnonzero(ok), labels[ok]]
        return out


def student_t(X: np.ndarray, centres: np.ndarray, *, alpha: float = 1.0,
              scale: float = 1.0) -> np.ndarray:
    """Soft assignment by a Student's t kernel on the distance to cluster centres.

    ``q_ij ∝ (1 + d²(x_i, μ_j) / (alpha · scale))^(-(alpha + 1) / 2)``, the kernel of
    t-SNE and DEC; ``scale`` (for instance the mean squared distance of points to
    their own centre) makes it independent of the units of ``X``.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
    centres : ndarray of shape (n_clusters, n_features)
    alpha : float, default=1.0
        Degrees of freedom.
    scale : float, default=1.0

    Returns
    -------
    ndarray of shape (n_samples, n_clusters), float32
        Rows sum to 1.
    """
    X = np.asarray(X, dtype=np.float64)
    C = np.asarray(centres, dtype=np.float64)
    d2 = np.maximum((X * X).sum(1)[:, None] - 2 * X @ C.T + (C * C).sum(1)[None, :], 0.0)
    q = (1.0 + d2 / (alpha * max(scale, 1e-12))) ** (-(alpha + 1.0) / 2.0)
    q /= q.sum(axis=1, keepdims=True)
    return q.astype(np.float32)


def centroid_scale(X: np.ndarray, labels: np.ndarray, centres: np.ndarray) -> float:
    """Mean squared distance of the samples to their own centre (noise excluded)."""
    ok = labels >= 0
    if not ok.any():
        return 1.0
    diff = np.asarray(X, dtype=np.float64)[ok] - np.asarray(centres, dtype=np.float64)[labels[ok]]
    return float(max((diff * diff).sum(1).mean(), 1e-12))


def centres_of(X: np.ndarray, labels: np.ndarray, n_clusters: int) -> np.ndarray:
    """Mean of the samples of each cluster, shape (n_clusters, n_features)."""
    X = np.asarray(X, dtype=np.float64)
    out = np.zeros((n_clusters, X.shape[1]))
    for k in range(n_clusters):
        members = X[labels == k]
        if len(members):
            out[k] = members.mean(0)
    return out


def compact_labels(labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Renumber labels 0..K-1 by order of first use of each sorted label; -1 stays.

    Returns
    -------
    labels : ndarray of shape (n_samples,)
    kept : ndarray of shape (K,)
        The original label of each new label.
    """
    labels = np.asarray(labels)
    kept = np.unique(labels[labels >= 0])
    mapping = {int(old): new for new, old in enumerate(kept.tolist())}
    out = np.array([mapping.get(int(v), -1) for v in labels.tolist()], dtype=np.int64)
    return out, kept

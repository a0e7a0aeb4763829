"""Reduction of a feature set to a map: PCA, then UMAP.

The 2-D map is the picture curators explore; a ~10-D UMAP embedding (with
``min_dist=0``, as the UMAP documentation advises for clustering) can serve as
the space in which clusters are found. Both are computed once per (feature set,
parameters) and stored in the workspace:

- coordinates in the array store, kind ``map``, name ``<features>@<n>d``, keyed
  by the fingerprint of the feature set's version (:func:`artexplore.features.sets.version`,
  stored and fused sets alike) and :class:`MapConfig`;
- the fitted reducer's state as plain arrays (``model.npz`` beside the coordinates:
  the PCA, the PCA-reduced training rows and their coordinates; read with
  ``allow_pickle=False``), so that works embedded later are placed on the existing
  map instead of recomputing it (recompute with ``refit=True``);
- a run of kind ``map`` in the run store (:mod:`artexplore.runs`), which records
  the feature set's version the map was made from: once the set changes (new
  block weights of a fused set, another extractor option) the map reads stale.

A work added later is placed where UMAP's own ``transform`` starts: at the mean
of the map positions of its nearest training works, weighted by UMAP's fuzzy
membership ``exp(-(d - d_1) / σ)``. Nothing is unpickled, so a workspace received
from someone else cannot run code when works are placed.

Large collections: a seeded UMAP fit is single-threaded and grows faster than
linearly (about 6 minutes for 100,000 works on one core), so UMAP is fitted on a
seeded random sample of at most :attr:`MapConfig.fit_limit` works (50,000 by
default) and the other works are placed on that map the same way as works added
later (their ``fitted`` flag is False, their ``placed_at_fit`` flag True). Their
nearest fitted works are found by FAISS in batches (exactly up to 20,000 fitted
works; above, an IVF index whose lists are seeded, not trained), then the
distances of the few candidates are recomputed exactly, instead of a brute-force
scikit-learn search over the whole map. The limit is part of the map's fingerprint.

umap-learn compiles its kernels with numba on first use (tens of seconds once per
machine; later runs reuse numba's cache), so it is imported only when needed.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import uuid
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.decomposition import PCA
from sklearn.utils.validation import check_is_fitted, validate_data

from .config import fingerprint
from .errors import ArtExploreError, ConfigError
from .features import load_features
from .features.sets import version
from .progress import ProgressCallback, null_progress
from .store.workspace import Workspace

log = logging.getLogger(__name__)

KIND = "map"
METRICS = ("cosine", "euclidean", "correlation", "manhattan")
FIT_LIMIT = 50_000
# Rows placed per FAISS search in ``transform`` (bounds its memory: a few MB per batch).
TRANSFORM_BATCH = 16_384
# Up to this many fitted works ``transform`` searches them exactly; above, with an IVF index.
TRANSFORM_EXACT_MAX = 20_000


@dataclass(frozen=True)
class MapConfig:
    """Parameters of a map (PCA, then UMAP).

    Parameters
    ----------
    n_components : int, default=2
        Dimensions of the map: 2 for the picture, about 10 for clustering.
    n_neighbors : int, default=15
        UMAP neighbourhood size: small values keep local detail, large values
        the global layout.
    min_dist : float, default=0.1
        How tightly UMAP packs neighbours (0 for clustering).
    metric : str, default="cosine"
        Distance between (PCA-reduced) feature vectors; one of :data:`METRICS`.
    pca_components : int or None, default=50
        PCA to this many dimensions before UMAP (None or 0: no PCA).
    random_state : int, default=0
        Seed of PCA and UMAP (a fixed seed makes UMAP single-threaded).
    fit_limit : int or None, default=50000
        Fit PCA and UMAP on a seeded random sample of at most this many works and
        place the others on that map with ``transform`` (None: fit on every work).
    """

    n_components: int = 2
    n_neighbors: int = 15
    min_dist: float = 0.1
    metric: str = "cosine"
    pca_components: int | None = 50
    random_state: int = 0
    fit_limit: int | None = FIT_LIMIT

    def __post_init__(self) -> None:
        if not 1 <= self.n_components <= 100:
            raise ConfigError(f"n_components must be in [1, 100], got {self.n_components}")
        if self.n_neighbors < 2:
            raise ConfigError(f"n_neighbors must be >= 2, got {self.n_neighbors}")
        if not 0.0 <= self.min_dist <= 1.0:
            raise ConfigError(f"min_dist must be in [0, 1], got {self.min_dist}")
        if self.metric not in METRICS:
            raise ConfigError(f"Unknown metric {self.metric!r}; choose one of: "
                              f"{', '.join(METRICS)}")
        if self.pca_components is not None and self.pca_components < 0:
            raise ConfigError(f"pca_components must be >= 0 or None, got {self.pca_components}")
        _check_fit_limit(self.fit_limit)

    def fingerprint(self) -> str:
        """Hash of the parameters."""
        return fingerprint(self)

    @classmethod
    def for_clustering(cls, **overrides: Any) -> MapConfig:
        """The ~10-D embedding advised for clustering (``min_dist=0``)."""
        return cls(**{"n_components": 10, "min_dist": 0.0, **overrides})


def _check_fit_limit(fit_limit: int | None) -> None:
    if fit_limit is not None and int(fit_limit) < 4:
        raise ConfigError(f"fit_limit must be >= 4 or None (no limit), got {fit_limit}")


def fit_sample(n_samples: int, fit_limit: int | None, random_state: int | None) -> np.ndarray:
    """Rows a map is fitted on: all of them, or a seeded random sample of ``fit_limit``.

    Parameters
    ----------
    n_samples : int
    fit_limit : int or None
        At most this many rows (None: all).
    random_state : int or None

    Returns
    -------
    ndarray of shape (n_samples,), bool
        True for the rows to fit on; the same seed gives the same rows.
    """
    mask = np.ones(n_samples, dtype=bool)
    if fit_limit is None or n_samples <= fit_limit:
        return mask
    rng = np.random.default_rng(random_state)
    mask[:] = False
    mask[rng.choice(n_samples, size=int(fit_limit), replace=False)] = True
    return mask


class UMAPReducer(TransformerMixin, BaseEstimator):
    """PCA followed by UMAP, as one estimator.

    Parameters
    ----------
    n_components, n_neighbors, min_dist, metric, pca_components, random_state
        See :class:`MapConfig`.
    fit_limit : int or None, default=None
        Fit on a seeded random sample of at most this many samples; the others are
        placed with :meth:`transform` by :meth:`fit_transform` (None: fit on all).

    Attributes
    ----------
    pca_ : sklearn.decomposition.PCA or None
        The fitted PCA (None when the input has no more columns than asked).
    train_ : ndarray of shape (n_fitted, n_reduced), float32
        The training samples after PCA: new samples are placed among them.
    embedding_ : ndarray of shape (n_fitted, n_components), float32
        The coordinates of the training samples.
    fitted_ : ndarray of shape (n_samples,), bool
        Which samples of ``X`` given to :meth:`fit` were fitted (all of them unless
        ``fit_limit`` is below ``n_samples``).
    """

    def __init__(self, n_components: int = 2, n_neighbors: int = 15, min_dist: float = 0.1,
                 metric: str = "cosine", pca_components: int | None = 50,
                 random_state: int | None = 0, fit_limit: int | None = None) -> None:
        self.n_components = n_components
        self.n_neighbors = n_neighbors
        self.min_dist = min_dist
        self.metric = metric
        self.pca_components = pca_components
        self.random_state = random_state
        self.fit_limit = fit_limit

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.transformer_tags.preserves_dtype = ["float32"]  # maps are float32 by design
        return tags

    def _pca_fit(self, X: np.ndarray) -> np.ndarray:
        k = self.pca_components or 0
        if k and X.shape[1] > k and X.shape[0] > k:
            self.pca_ = PCA(n_components=k, random_state=self.random_state).fit(X)
            return self._pca(X)
        self.pca_ = None
        return X

    def _pca(self, X: np.ndarray) -> np.ndarray:
        if self.pca_ is None:
            return X
        return ((X - self.pca_.mean_) @ self.pca_.components_.T).astype(np.float32)

    def fit(self, X: np.ndarray, y: Any = None) -> UMAPReducer:
        """Fit PCA and UMAP on ``X`` of shape (n_samples, n_features), or on a seeded
        sample of ``fit_limit`` of its rows."""
        try:
            import umap
        except ImportError as exc:  # pragma: no cover - umap-learn is in requirements.txt
            raise ArtExploreError("Maps need umap-learn: pip install umap-learn") from exc
        X = validate_data(self, X, dtype=np.float32)
        n = X.shape[0]
        if n < 4:
            raise ConfigError(f"A map needs at least 4 works: expected n_samples >= 4 but got "
                              f"n_samples = {n}")
        if self.metric not in METRICS:
            raise ConfigError(f"Unknown metric {self.metric!r}; choose one of: {', '.join(METRICS)}")
        _check_fit_limit(self.fit_limit)
        self.fitted_ = fit_sample(n, self.fit_limit, self.random_state)
        if not self.fitted_.all():
            log.info("map fitted on a random sample of %d of %d works (fit_limit)",
                     int(self.fitted_.sum()), n)
            X = X[self.fitted_]
            n = X.shape[0]
        Z = self._pca_fit(X)
        n_neighbors = min(self.n_neighbors, n - 1)
        if n_neighbors != self.n_neighbors:
            log.info("n_neighbors lowered from %d to %d for %d works", self.n_neighbors,
                     n_neighbors, n)
        # Spectral initialisation needs more points than dimensions.
        init = "spectral" if n > self.n_components + 2 else "random"
        model = umap.UMAP(n_components=self.n_components, n_neighbors=n_neighbors,
                          min_dist=self.min_dist, metric=self.metric, init=init,
                          random_state=self.random_state, transform_seed=42)
        with warnings.catch_warnings():
            # "n_jobs value 1 overridden to 1 by setting random_state": expected, we seed.
            warnings.filterwarnings("ignore", message=".*overridden.*", category=UserWarning)
            self.embedding_ = np.asarray(model.fit_transform(Z), dtype=np.float32)
        self.train_ = np.ascontiguousarray(Z, dtype=np.float32)
        self.n_features_in_ = X.shape[1]
        return self

    def fit_transform(self, X: np.ndarray, y: Any = None, **fit_params: Any) -> np.ndarray:
        """Fit and return the coordinates of every sample of ``X`` (the fitted ones as
        UMAP laid them out, the others placed with :meth:`transform`)."""
        self.fit(X)
        if self.fitted_.all():
            return self.embedding_
        X = np.asarray(X, dtype=np.float32)
        out = np.empty((len(self.fitted_), self.embedding_.shape[1]), dtype=np.float32)
        out[self.fitted_] = self.embedding_
        out[~self.fitted_] = self.transform(X[~self.fitted_])
        return out

    def transform(self, X: np.ndarray) -> np.ndarray:
        """Place new samples on the fitted map.

        Each sample goes to the mean of the map positions of its ``n_neighbors``
        nearest training samples, weighted by UMAP's fuzzy membership; a sample
        equal to a training sample goes exactly where that one is. Neighbours are
        found by FAISS in batches of :data:`TRANSFORM_BATCH` (exactly up to
        :data:`TRANSFORM_EXACT_MAX` training samples, see :meth:`_search_index`) and
        their distances recomputed exactly.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)

        Returns
        -------
        ndarray of shape (n_samples, n_components), float32
        """
        check_is_fitted(self, "embedding_")
        X = validate_data(self, X, dtype=np.float32, reset=False)
        out = np.empty((X.shape[0], self.embedding_.shape[1]), dtype=np.float32)
        k = int(min(self.n_neighbors, len(self.train_)))
        # Candidates of a batch take (k + 5) x dimensions floats per row: keep that small.
        batch = max(1, min(TRANSFORM_BATCH, 2**24 // ((k + 5) * max(1, self.train_.shape[1]))))
        search = self._search_index()
        for start in range(0, X.shape[0], batch):
            Z = self._pca(X[start:start + batch])
            dist, rows = self._neighbours(search, np.ascontiguousarray(Z, dtype=np.float32), k)
            out[start:start + len(Z)] = self._place(dist, rows)
        return out

    def _place(self, dist: np.ndarray, rows: np.ndarray) -> np.ndarray:
        # UMAP's fuzzy membership of each neighbour (its transform starts from this mean).
        rho = dist[:, :1]
        sigma = np.maximum((dist - rho).mean(axis=1, keepdims=True), 1e-12)
        w = np.exp(-(dist - rho) / sigma)
        # A sample equal to a training sample goes exactly where that one is.
        same = dist[:, 0] <= 1e-6
        w[same] = 0.0
        w[same, 0] = 1.0
        w /= w.sum(axis=1, keepdims=True)
        return np.einsum("nk,nkc->nc", w, self.embedding_[rows]).astype(np.float32)

    def _space(self, Z: np.ndarray) -> np.ndarray:
        """Rows in the space FAISS searches: unit rows for cosine (centred first for
        correlation), as they are for euclidean and manhattan."""
        from .linalg import normalise

        if self.metric == "correlation":
            Z = Z - Z.mean(axis=1, keepdims=True)
        if self.metric in ("cosine", "correlation"):
            return normalise(Z.astype(np.float32))
        return np.ascontiguousarray(Z, dtype=np.float32)

    def _search_index(self) -> tuple[Any, np.ndarray, Any]:
        """A FAISS index of the training rows, built per call (the estimator is never
        changed by ``transform``).

        Up to :data:`TRANSFORM_EXACT_MAX` rows: exact (``IndexFlat``, a copy of the
        rows). Above (50,000 fitted works of a large collection): ``IndexIVFFlat``
        whose ``sqrt(n)`` list centres are fitted rows drawn with ``random_state``
        (nothing is trained, so the same seed gives the same lists on any machine),
        searching an eighth of the lists: recall@15 was 1.000 against exact search on
        clustered vectors, at a tenth of the time. Manhattan distances stay exact.
        """
        import faiss

        train = self._space(self.train_)
        n, d = train.shape
        kind = {"euclidean": faiss.METRIC_L2, "manhattan": faiss.METRIC_L1}.get(
            self.metric, faiss.METRIC_INNER_PRODUCT)
        if n <= TRANSFORM_EXACT_MAX or kind == faiss.METRIC_L1:
            index = faiss.IndexFlat(d, kind)
            index.add(train)
            return index, train, None
        n_lists = int(np.sqrt(n))
        rng = np.random.default_rng(self.random_state)
        quantizer = faiss.IndexFlat(d, kind)
        quantizer.add(train[np.sort(rng.choice(n, n_lists, replace=False))])
        index = faiss.IndexIVFFlat(quantizer, d, n_lists, kind)
        index.is_trained = True  # the centres are given: nothing to train
        index.add(train)
        index.nprobe = max(16, n_lists // 8)
        return index, train, quantizer  # the index does not own its quantizer: keep it

    def _neighbours(self, search: tuple[Any, np.ndarray, Any], Z: np.ndarray, k: int
                    ) -> tuple[np.ndarray, np.ndarray]:
        """The ``k`` nearest training rows of each row of ``Z`` and their exact distances,
        nearest first (ties in training order)."""
        index, train, _ = search
        Q = self._space(Z)
        # A few more candidates than asked: float32 ties near the k-th are then ranked
        # by the exact distances below, as scikit-learn's brute search would.
        fetch = min(len(train), k + 5)
        _, rows = index.search(Q, fetch)
        # An IVF search may find fewer than asked (-1): the nearest found stands in.
        rows = np.where(rows < 0, rows[:, :1], rows)
        if self.metric in ("euclidean", "manhattan"):
            diff = Q[:, None, :] - train[rows]
            dist = np.abs(diff).sum(axis=2) if self.metric == "manhattan" else \
                np.sqrt(np.einsum("nkd,nkd->nk", diff, diff))
        else:  # cosine, correlation: 1 - cos of unit rows
            dist = 1.0 - np.einsum("nd,nkd->nk", Q, train[rows])
            dist = np.maximum(dist, 0.0)
        order = np.lexsort((rows, dist), axis=1)[:, :k]
        return np.take_along_axis(dist, order, 1), np.take_along_axis(rows, order, 1)

    # -- storing without pickle -----------------------------------------------------------------
    def state(self) -> dict[str, np.ndarray]:
        """The fitted state as plain arrays (for ``numpy.savez``)."""
        check_is_fitted(self, "embedding_")
        out = {"train": self.train_, "embedding": self.embedding_}
        if self.pca_ is not None:
            out.update(pca_mean=self.pca_.mean_, pca_components=self.pca_.components_)
        return out

    @classmethod
    def from_state(cls, params: dict[str, Any], state: dict[str, np.ndarray]) -> UMAPReducer:
        """A fitted reducer rebuilt from :meth:`state` and its parameters.

        Raises
        ------
        ArtExploreError
            If the arrays are not a reducer's state.
        """
        names = ("n_components", "n_neighbors", "min_dist", "metric", "pca_components",
                 "random_state")
        reducer = cls(**{k: params[k] for k in names if k in params})
        try:
            reducer.train_ = np.asarray(state["train"], dtype=np.float32)
            reducer.embedding_ = np.asarray(state["embedding"], dtype=np.float32)
            reducer.pca_ = None
            if "pca_components" in state:
                pca = PCA(n_components=int(state["pca_components"].shape[0]))
                pca.mean_ = np.asarray(state["pca_mean"], dtype=np.float32)
                pca.components_ = np.asarray(state["pca_components"], dtype=np.float32)
                pca.n_components_ = pca.components_.shape[0]
                reducer.pca_ = pca
        except KeyError as exc:
            raise ArtExploreError(f"stored map model lacks {exc}; recompute the map with "
                                  "`artexplore map --refit`") from None
        if len(reducer.train_) != len(reducer.embedding_):
            raise ArtExploreError("stored map model is inconsistent; recompute the map with "
                                  "`artexplore map --refit`")
        reducer.n_features_in_ = (reducer.pca_.components_.shape[1] if reducer.pca_ is not None
                                  else reducer.train_.shape[1])
        return reducer


@dataclass
class MapResult:
    """A stored map of a feature set.

    Attributes
    ----------
    features : str
        The feature set.
    fingerprint : str
        Key of the stored map.
    config : dict
        The :class:`MapConfig` values.
    ids : ndarray of shape (n_works,)
        Work ids, ordered by work path.
    work_paths : list of str
    embedding : ndarray of shape (n_works, n_components), float32
    fitted : ndarray of shape (n_works,), bool
        True for works the map was computed on, False for works placed with
        ``transform`` (outside the fit sample, or added later).
    placed_at_fit : ndarray of shape (n_works,), bool
        True for works placed with ``transform`` when the map was made, because
        UMAP was fitted on a sample of ``fit_limit`` works.
    cached : bool
        Whether the map was already stored (no UMAP fit in this call).
    n_transformed : int
        Works placed with ``transform`` in this call.
    """

    features: str
    fingerprint: str
    config: dict[str, Any]
    ids: np.ndarray
    work_paths: list[str]
    embedding: np.ndarray
    fitted: np.ndarray
    placed_at_fit: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    cached: bool = False
    n_transformed: int = 0
    notes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if len(self.placed_at_fit) != len(self.fitted):
            self.placed_at_fit = np.zeros(len(self.fitted), dtype=bool)

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def placed_later(self) -> np.ndarray:
        """Works placed on the stored map after it was made (added to the collection
        since), shape (n_works,), bool: the ones a refit would lay out anew."""
        return ~self.fitted & ~self.placed_at_fit

    def summary(self) -> dict[str, Any]:
        """A JSON-serialisable description (what the CLI prints)."""
        return {"features": self.features, "fingerprint": self.fingerprint,
                "n_works": len(self), "n_components": int(self.embedding.shape[1]),
                "cached": self.cached, "n_transformed": self.n_transformed,
                "n_fitted": int(self.fitted.sum()),
                "n_placed_at_fit": int(self.placed_at_fit.sum()),
                "n_placed_later": int(self.placed_later.sum()), **{
                    k: self.config.get(k) for k in ("n_neighbors", "min_dist", "metric",
                                                     "pca_components", "random_state",
                                                     "fit_limit")},
                "notes": self.notes}


def map_name(features: str, n_components: int) -> str:
    """Name of the stored map of a feature set, e.g. ``color@2d``."""
    return f"{features}@{int(n_components)}d"


def _map_fingerprint(features: str, features_fp: str, config: MapConfig) -> str:
    return fingerprint({"features": features, "features_fingerprint": features_fp,
                        "config": dataclasses.asdict(config)})


def _model_path(ws: Workspace, name: str, fp: str) -> Path:
    return ws.arrays.folder(KIND, name, fp) / "model.npz"


def _save_model(path: Path, reducer: UMAPReducer) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.stem}.{uuid.uuid4().hex[:8]}.tmp.npz")
    np.savez(tmp, **reducer.state())
    os.replace(tmp, path)


def _load_model(path: Path, params: dict[str, Any]) -> UMAPReducer:
    try:
        with np.load(path, allow_pickle=False) as data:
            state = {k: data[k] for k in data.files}
    except (OSError, ValueError) as exc:
        raise ArtExploreError(f"cannot read the stored map model {path.name}: {exc}; recompute "
                              "the map with `artexplore map --refit`") from None
    return UMAPReducer.from_state(params, state)


def compute_map(ws: Workspace, features: str, config: MapConfig = MapConfig(), *,
                refit: bool = False, progress: ProgressCallback = null_progress) -> MapResult:
    """Compute (or reuse) the map of a feature set and place works added since.

    Parameters
    ----------
    ws : Workspace
    features : str
        A stored feature set (any name: ``color``, ``default``…).
    config : MapConfig
        The reduction parameters.
    refit : bool, default=False
        Recompute the map on all works even if one is stored.
    progress : callable

    Returns
    -------
    MapResult

    Raises
    ------
    ArtExploreError
        If the feature set does not exist or has too few works.
    """
    fm = load_features(ws, features)
    if len(fm) < 4:
        raise ArtExploreError(
            f"Feature set {features!r} has {len(fm)} works; a map needs at least 4")
    features_fp = version(ws, features).fingerprint
    fp = _map_fingerprint(features, features_fp, config)
    name = map_name(features, config.n_components)
    params = {"features": features, **dataclasses.asdict(config),
              "features_fingerprint": features_fp}
    model_path = _model_path(ws, name, fp)
    stored = set() if refit or not model_path.exists() else ws.arrays.done_ids(KIND, name, fp)
    ids = fm.ids.astype(str)
    progress(0, 3, f"map of {features}")
    if stored:
        new = np.fromiter((i not in stored for i in ids.tolist()), dtype=bool, count=len(ids))
        n_new = int(new.sum())
        if ws.arrays.current(KIND, name) != fp:
            ws.arrays.register(KIND, name, fp, params)
        if n_new:
            progress(1, 3, f"placing {n_new} new works on the stored map")
            reducer = _load_model(model_path, params)
            emb = reducer.transform(fm.X[new])
            ws.arrays.append(KIND, name, fp, ids[new], embedding=emb,
                             fitted=np.zeros(n_new, dtype=bool),
                             placed_at_fit=np.zeros(n_new, dtype=bool))
            ws.arrays.compact(KIND, name, fp)
            log.info("placed %d new works on the stored map %s", n_new, name)
        progress(3, 3, "map ready (stored)")
        result = load_map(ws, features, n_components=config.n_components, fingerprint=fp)
        result.cached, result.n_transformed = True, n_new
        return result
    n_fit = int(fit_sample(len(fm), config.fit_limit, config.random_state).sum())
    sample = "" if n_fit == len(fm) else f" (fitted on a random sample of {n_fit}, the " \
        "others placed on it)"
    progress(1, 3, f"PCA + UMAP of {len(fm)} works ({fm.X.shape[1]} features){sample}")
    reducer = UMAPReducer(**dataclasses.asdict(config))
    emb = reducer.fit_transform(fm.X)
    progress(2, 3, "storing the map")
    _store(ws, features, features_fp, config, ids, reducer, emb, reducer.fitted_)
    progress(3, 3, "map ready")
    return load_map(ws, features, n_components=config.n_components, fingerprint=fp)


def _store(ws: Workspace, features: str, features_fp: str, config: MapConfig,
           ids: np.ndarray, reducer: UMAPReducer, embedding: np.ndarray,
           fitted: np.ndarray) -> str:
    """Store a fitted map (coordinates of every work, model, run); returns its fingerprint.

    ``fitted`` marks the works UMAP was fitted on; the others were placed with
    ``transform`` when the map was made (``placed_at_fit``).
    """
    from . import runs

    fp = _map_fingerprint(features, features_fp, config)
    name = map_name(features, config.n_components)
    ws.arrays.register(KIND, name, fp, {"features": features, **dataclasses.asdict(config),
                                        "features_fingerprint": features_fp})
    _save_model(_model_path(ws, name, fp), reducer)
    fitted = np.asarray(fitted, dtype=bool)
    ws.arrays.append(KIND, name, fp, np.asarray(ids).astype(str),
                     embedding=np.asarray(embedding, dtype=np.float32), fitted=fitted,
                     placed_at_fit=~fitted)
    ws.arrays.compact(KIND, name, fp)
    runs.register(ws, "map", name, params=dataclasses.asdict(config),
                  inputs={f"features:{features}": features_fp}, key=fp,
                  result={"n_works": len(ids), "features": features,
                          "n_fitted": int(fitted.sum())})
    return fp


def export_map(ws: Workspace, features: str, config: MapConfig) -> dict[str, np.ndarray]:
    """A stored map as plain arrays, to ship or move it: ``ids``, every work's coordinates
    (``coords``) and whether UMAP was fitted on it (``in_fit``), the model's state.

    Raises
    ------
    ArtExploreError
        If no map of the current features with these parameters is stored.
    """
    result = stored_map(ws, features, config)
    if result is None:
        raise ArtExploreError(f"No stored map of {features!r} with these parameters; compute "
                              f"it with `{map_command(features, config)}`")
    name = map_name(features, config.n_components)
    with np.load(_model_path(ws, name, result.fingerprint), allow_pickle=False) as data:
        state = {k: data[k] for k in data.files}
    features_fp = version(ws, features).fingerprint
    return {"ids": result.ids.astype(str), "features_fingerprint": np.asarray(features_fp),
            "coords": result.embedding, "in_fit": result.fitted, **state}


def import_map(ws: Workspace, features: str, config: MapConfig,
               arrays: dict[str, np.ndarray]) -> bool:
    """Store a map exported by :func:`export_map` when it fits this workspace.

    It fits when it was made from the same version of the feature set (the same
    extractors and recipe) and every work it places is in the collection; a map
    that does not fit is not stored (the map stage then computes one).

    Returns
    -------
    bool
        Whether the map was stored.
    """
    try:
        features_fp = version(ws, features).fingerprint
    except ArtExploreError:
        return False
    if str(arrays.get("features_fingerprint")) != features_fp:
        log.info("map of %s not imported: made from another version of the features", features)
        return False
    ids = np.asarray(arrays["ids"]).astype(str)
    if not set(ids.tolist()) <= set(ws.work_ids()):
        log.info("map of %s not imported: it places works this collection lacks", features)
        return False
    extra = ("ids", "features_fingerprint", "coords", "in_fit")
    state = {k: v for k, v in arrays.items() if k not in extra}
    reducer = UMAPReducer.from_state(dataclasses.asdict(config), state)
    if "coords" in arrays and "in_fit" in arrays:  # every work placed when it was made
        coords = np.asarray(arrays["coords"], dtype=np.float32)
        in_fit = np.asarray(arrays["in_fit"], dtype=bool)
        if len(coords) != len(ids) or len(in_fit) != len(ids):
            return False
    elif len(reducer.embedding_) == len(ids):  # exported before fit limits: all fitted
        coords, in_fit = reducer.embedding_, np.ones(len(ids), dtype=bool)
    else:
        return False
    _store(ws, features, features_fp, config, ids, reducer, coords, in_fit)
    return True


def stored_map(ws: Workspace, features: str, config: MapConfig) -> MapResult | None:
    """The stored map of a feature set's current version with exactly these parameters.

    Returns
    -------
    MapResult or None
        None when no such map is stored (nothing is computed here).
    """
    try:
        features_fp = version(ws, features).fingerprint
    except ArtExploreError:
        return None
    fp = _map_fingerprint(features, features_fp, config)
    name = map_name(features, config.n_components)
    if not ws.arrays.params(KIND, name, fp):
        return None
    return load_map(ws, features, n_components=config.n_components, fingerprint=fp)


def map_command(features: str, config: MapConfig) -> str:
    """The command line that computes this map."""
    defaults = MapConfig()
    parts = [f"artexplore map --workspace WS --features {features}"]
    for key, flag in (("n_components", "--n-components"), ("n_neighbors", "--n-neighbors"),
                      ("min_dist", "--min-dist"), ("metric", "--metric"),
                      ("fit_limit", "--fit-limit")):
        if getattr(config, key) != getattr(defaults, key):
            parts.append(f"{flag} {getattr(config, key) or 0}")
    return " ".join(parts)


def map_token(ws: Workspace, features: str, n_components: int = 2) -> str:
    """Changes whenever the current map of a feature set changes ('' if none): a cache key."""
    name = map_name(features, n_components)
    fp = ws.arrays.current(KIND, name)
    return f"{fp}:{ws.arrays.updated_at(KIND, name, fp)}" if fp else ""


def map_params(ws: Workspace, features: str, n_components: int = 2) -> dict[str, Any]:
    """The parameters of the current map of a feature set, without loading it ({} if none)."""
    name = map_name(features, n_components)
    fp = ws.arrays.current(KIND, name)
    return {} if fp is None else dict(ws.arrays.params(KIND, name, fp))


def has_map(ws: Workspace, features: str, n_components: int = 2) -> bool:
    """Whether a map of this feature set and dimension is stored."""
    return ws.arrays.current(KIND, map_name(features, n_components)) is not None


def load_map(ws: Workspace, features: str, *, n_components: int = 2,
             fingerprint: str | None = None) -> MapResult:
    """Load the current (or a given) stored map of a feature set.

    Rows follow the collection's works with status ok, ordered by path; works
    without a position (not yet embedded or placed) are left out.

    Raises
    ------
    ArtExploreError
        If no map is stored; the message says how to compute one.
    """
    name = map_name(features, n_components)
    fp = fingerprint or ws.arrays.current(KIND, name)
    if fp is None:
        raise ArtExploreError(
            f"No {n_components}-D map of feature set {features!r} in this workspace; compute it "
            f"with `artexplore map --workspace WS --features {features}`")
    stored = ws.arrays.load(KIND, name, fp)
    order, paths = ws.id_paths()
    ids, arrays = stored.align(order)
    path_of = dict(zip(order, paths, strict=True))
    params = dict(stored.params)
    for key in ("features", "features_fingerprint"):
        params.pop(key, None)
    n_comp = int(params.get("n_components", n_components))
    emb = np.asarray(arrays.get("embedding", np.zeros((0, n_comp))), dtype=np.float32)
    fitted = np.asarray(arrays.get("fitted", np.zeros(0, dtype=bool)), dtype=bool)
    at_fit = np.asarray(arrays.get("placed_at_fit", np.zeros(len(fitted), dtype=bool)),
                        dtype=bool)
    notes = []
    if at_fit.any():
        notes.append(f"UMAP was fitted on a random sample of {int(fitted.sum()):,} works "
                     f"(fit_limit); the other {int(at_fit.sum()):,} were placed on it with "
                     "transform")
    later = ~fitted & ~at_fit
    if later.any():
        notes.append(f"{int(later.sum())} works were placed on the stored map with "
                     "transform; recompute the map to lay them out with the others")
    return MapResult(features=features, fingerprint=fp, config=params,
                     ids=np.asarray(ids, dtype=object), work_paths=[path_of[i] for i in ids],
                     embedding=emb, fitted=fitted, placed_at_fit=at_fit, notes=notes)


def map_status(ws: Workspace, features: str, n_components: int = 2) -> dict[str, Any]:
    """How the current map of a feature set relates to the stored features.

    Works for stored and fused sets alike (their versions come from
    :func:`artexplore.features.sets.version`).

    Returns
    -------
    dict
        ``exists`` (a map is stored), ``features_changed`` (the feature set was
        recomputed with other parameters, or a fused set got other block weights,
        since: the map should be recomputed) and
        ``n_unplaced`` (works with features but no position yet: running the map
        stage places them with ``transform``).
    """
    from .features.sets import row_ids

    name = map_name(features, n_components)
    fp = ws.arrays.current(KIND, name)
    if fp is None:
        return {"exists": False, "features_changed": False, "n_unplaced": 0}
    try:
        features_fp = version(ws, features).fingerprint
    except ArtExploreError:  # the feature set is gone: the map shows what it was made from
        return {"exists": True, "features_changed": True, "n_unplaced": 0}
    changed = ws.arrays.params(KIND, name, fp).get("features_fingerprint") != features_fp
    placed = ws.arrays.done_ids(KIND, name, fp)
    return {"exists": True, "features_changed": bool(changed),
            "n_unplaced": len(row_ids(ws, features) - placed)}

"""Reduction of a feature set to a map: PCA, then UMAP.

The 2-D map is the picture curators explore; a ~10-D UMAP embedding (with
``min_dist=0``, as the UMAP documentation advises for clustering) can serve as
the space in which clusters are found. Both are computed once per (feature set,
parameters) and stored in the workspace:

- coordinates in the array store, kind ``map``, name ``<features>@<n>d``, keyed
  by the fingerprint of the feature set's own fingerprint and :class:`MapConfig`;
- the fitted reducer (PCA + UMAP) as a pickle under ``models/map/<fingerprint>/``,
  so that works embedded later are placed with ``transform`` on the existing map
  instead of recomputing it (recompute with ``refit=True``).

umap-learn compiles its kernels with numba on first use (tens of seconds once per
machine; later runs reuse numba's cache), so it is imported only when needed.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import pickle
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
from .progress import ProgressCallback, null_progress
from .store.workspace import Workspace

log = logging.getLogger(__name__)

KIND = "map"
METRICS = ("cosine", "euclidean", "correlation", "manhattan")


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
    """

    n_components: int = 2
    n_neighbors: int = 15
    min_dist: float = 0.1
    metric: str = "cosine"
    pca_components: int | None = 50
    random_state: int = 0

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

    def fingerprint(self) -> str:
        """Hash of the parameters."""
        return fingerprint(self)

    @classmethod
    def for_clustering(cls, **overrides: Any) -> MapConfig:
        """The ~10-D embedding advised for clustering (``min_dist=0``)."""
        return cls(**{"n_components": 10, "min_dist": 0.0, **overrides})


class UMAPReducer(TransformerMixin, BaseEstimator):
    """PCA followed by UMAP, as one estimator.

    Parameters
    ----------
    n_components, n_neighbors, min_dist, metric, pca_components, random_state
        See :class:`MapConfig`.

    Attributes
    ----------
    pca_ : sklearn.decomposition.PCA or None
        The fitted PCA (None when the input has no more columns than asked).
    umap_ : umap.UMAP
        The fitted UMAP.
    embedding_ : ndarray of shape (n_samples, n_components), float32
        The coordinates of the training samples.
    """

    def __init__(self, n_components: int = 2, n_neighbors: int = 15, min_dist: float = 0.1,
                 metric: str = "cosine", pca_components: int | None = 50,
                 random_state: int | None = 0) -> None:
        self.n_components = n_components
        self.n_neighbors = n_neighbors
        self.min_dist = min_dist
        self.metric = metric
        self.pca_components = pca_components
        self.random_state = random_state

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.transformer_tags.preserves_dtype = ["float32"]  # maps are float32 by design
        return tags

    def _pca_fit(self, X: np.ndarray) -> np.ndarray:
        k = self.pca_components or 0
        if k and X.shape[1] > k and X.shape[0] > k:
            self.pca_ = PCA(n_components=k, random_state=self.random_state)
            return self.pca_.fit_transform(X).astype(np.float32)
        self.pca_ = None
        return X

    def fit(self, X: np.ndarray, y: Any = None) -> UMAPReducer:
        """Fit PCA and UMAP on ``X`` of shape (n_samples, n_features)."""
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
        Z = self._pca_fit(X)
        n_neighbors = min(self.n_neighbors, n - 1)
        if n_neighbors != self.n_neighbors:
            log.info("n_neighbors lowered from %d to %d for %d works", self.n_neighbors,
                     n_neighbors, n)
        # Spectral initialisation needs more points than dimensions.
        init = "spectral" if n > self.n_components + 2 else "random"
        self.umap_ = umap.UMAP(n_components=self.n_components, n_neighbors=n_neighbors,
                               min_dist=self.min_dist, metric=self.metric, init=init,
                               random_state=self.random_state, transform_seed=42)
        with warnings.catch_warnings():
            # "n_jobs value 1 overridden to 1 by setting random_state": expected, we seed.
            warnings.filterwarnings("ignore", message=".*overridden.*", category=UserWarning)
            self.embedding_ = np.asarray(self.umap_.fit_transform(Z), dtype=np.float32)
        return self

    def fit_transform(self, X: np.ndarray, y: Any = None, **fit_params: Any) -> np.ndarray:
        """Fit and return the training coordinates."""
        return self.fit(X).embedding_

    def transform(self, X: np.ndarray) -> np.ndarray:
        """Place new samples on the fitted map.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)

        Returns
        -------
        ndarray of shape (n_samples, n_components), float32
        """
        check_is_fitted(self, "umap_")
        X = validate_data(self, X, dtype=np.float32, reset=False)
        Z = self.pca_.transform(X).astype(np.float32) if self.pca_ is not None else X
        return np.asarray(self.umap_.transform(Z), dtype=np.float32)


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
        True for works the map was computed on, False for works placed later
        with ``transform``.
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
    cached: bool = False
    n_transformed: int = 0
    notes: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.ids)

    def summary(self) -> dict[str, Any]:
        """A JSON-serialisable description (what the CLI prints)."""
        return {"features": self.features, "fingerprint": self.fingerprint,
                "n_works": len(self), "n_components": int(self.embedding.shape[1]),
                "cached": self.cached, "n_transformed": self.n_transformed,
                "n_placed_later": int((~self.fitted).sum()), **{
                    k: self.config[k] for k in ("n_neighbors", "min_dist", "metric",
                                                 "pca_components", "random_state")},
                "notes": self.notes}


def map_name(features: str, n_components: int) -> str:
    """Name of the stored map of a feature set, e.g. ``color@2d``."""
    return f"{features}@{int(n_components)}d"


def _map_fingerprint(ws: Workspace, features: str, config: MapConfig) -> str:
    features_fp = ws.arrays.current("features", features)
    return fingerprint({"features": features, "features_fingerprint": features_fp,
                        "config": dataclasses.asdict(config)})


def _model_path(ws: Workspace, fp: str) -> Path:
    return ws.root / "models" / KIND / fp / "reducer.pkl"


def _save_model(path: Path, reducer: UMAPReducer) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    with open(tmp, "wb") as fh:
        pickle.dump(reducer, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)


def _load_model(path: Path) -> UMAPReducer:
    # The pickle was written by this workspace's own map stage.
    with open(path, "rb") as fh:
        return pickle.load(fh)


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
    fp = _map_fingerprint(ws, features, config)
    name = map_name(features, config.n_components)
    params = {"features": features, **dataclasses.asdict(config),
              "features_fingerprint": ws.arrays.current("features", features)}
    model_path = _model_path(ws, fp)
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
            reducer = _load_model(model_path)
            emb = reducer.transform(fm.X[new])
            ws.arrays.append(KIND, name, fp, ids[new], embedding=emb,
                             fitted=np.zeros(n_new, dtype=bool))
            ws.arrays.compact(KIND, name, fp)
            log.info("placed %d new works on the stored map %s", n_new, name)
        progress(3, 3, "map ready (stored)")
        result = load_map(ws, features, n_components=config.n_components, fingerprint=fp)
        result.cached, result.n_transformed = True, n_new
        return result
    progress(1, 3, f"PCA + UMAP of {len(fm)} works ({fm.X.shape[1]} features)")
    reducer = UMAPReducer(**dataclasses.asdict(config)).fit(fm.X)
    progress(2, 3, "storing the map")
    _save_model(model_path, reducer)
    ws.arrays.register(KIND, name, fp, params)
    ws.arrays.append(KIND, name, fp, ids, embedding=reducer.embedding_,
                     fitted=np.ones(len(ids), dtype=bool))
    ws.arrays.compact(KIND, name, fp)
    progress(3, 3, "map ready")
    return load_map(ws, features, n_components=config.n_components, fingerprint=fp)


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
    works = ws.works()
    ids, arrays = stored.align([w["id"] for w in works])
    path_of = {w["id"]: w["path"] for w in works}
    params = dict(stored.params)
    for key in ("features", "features_fingerprint"):
        params.pop(key, None)
    n_comp = int(params.get("n_components", n_components))
    emb = np.asarray(arrays.get("embedding", np.zeros((0, n_comp))), dtype=np.float32)
    fitted = np.asarray(arrays.get("fitted", np.zeros(0, dtype=bool)), dtype=bool)
    notes = []
    if len(fitted) and not fitted.all():
        notes.append(f"{int((~fitted).sum())} works were placed on the stored map with "
                     "transform; recompute the map to lay them out with the others")
    return MapResult(features=features, fingerprint=fp, config=params,
                     ids=np.asarray(ids, dtype=object), work_paths=[path_of[i] for i in ids],
                     embedding=emb, fitted=fitted, notes=notes)


def map_status(ws: Workspace, features: str, n_components: int = 2) -> dict[str, Any]:
    """How the current map of a feature set relates to the stored features.

    Returns
    -------
    dict
        ``exists`` (a map is stored), ``features_changed`` (the feature set was
        recomputed with other parameters since: the map should be recomputed) and
        ``n_unplaced`` (works with features but no position yet: running the map
        stage places them with ``transform``).
    """
    name = map_name(features, n_components)
    fp = ws.arrays.current(KIND, name)
    if fp is None:
        return {"exists": False, "features_changed": False, "n_unplaced": 0}
    features_fp = ws.arrays.current("features", features)
    changed = ws.arrays.params(KIND, name, fp).get("features_fingerprint") != features_fp
    placed = ws.arrays.done_ids(KIND, name, fp)
    have = ws.arrays.done_ids("features", features, features_fp) if features_fp else set()
    ok = set(ws.work_ids())
    return {"exists": True, "features_changed": bool(changed),
            "n_unplaced": sum(1 for i in have if i in ok and i not in placed)}

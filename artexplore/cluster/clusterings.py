"""Cluster runs: cluster a feature set, store the result, load it back, evaluate it.

A run is one clustering of the works of a feature set. It is stored in two places:

- a run of kind ``cluster`` in the run store (:mod:`artexplore.runs`): name = the
  feature set, params (method, K, seed, space…), inputs (the feature set's
  version), result (n_clusters, metrics, k_selection, notes…);
- arrays aligned to work ids in the array store (kind ``cluster_run``, name = the
  run id): ``labels`` (n,) int (``-1`` = noise), ``confidence`` (n,) float (the
  membership of the work's own cluster) and ``proba`` (n, K) float (the soft
  assignment to every cluster).

Clusters are found in feature space (rows L2-normalised, then PCA, by default) or,
optionally, in the ~10-D UMAP embedding of the features; never in the 2-D picture.
Running the same method with the same parameters on unchanged features returns the
stored run instead of a duplicate; a run whose features changed since reads stale
(:func:`run_status`).
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.decomposition import PCA

from .. import runs as run_store
from ..config import fingerprint
from ..csvsafe import write_csv
from ..errors import ArtExploreError, ConfigError, unknown_name
from ..features import FeatureMatrix, load_features
from ..features.sets import version
from ..linalg import normalise
from ..progress import ProgressCallback, null_progress
from ..store.workspace import Workspace
from ._deep import _DeepClusterer
from .base import IMAGE_METHODS, NEEDS_K, available_methods, create_clusterer
from .evaluation import contingency, external_scores, internal_scores

log = logging.getLogger(__name__)

KIND = "cluster_run"
RUN_KIND = "cluster"
SPACES = ("features", "umap")
# Density and mixture models need a low-dimensional space to find K: on PCA-50 vectors
# HDBSCAN calls most works noise and the Dirichlet-process mixture collapses into a few
# broad components (docs/BENCHMARKS.md); the UMAP documentation advises its ~10-D
# embedding for them. The other methods cluster the features themselves by default.
DEFAULT_SPACE = {"hdbscan": "umap", "bgmm": "umap"}


@dataclass
class RunInfo:
    """The catalogue row of a cluster run (no arrays).

    Attributes
    ----------
    id, features, method : str
    params : dict
        How the run was made (requested K, seed, space, PCA, method options).
    n_clusters, n_works, n_noise : int
    space : str
        ``features`` or ``umap``.
    metrics : dict
        Internal indices (silhouette, Calinski–Harabasz, Davies–Bouldin) and the
        space they were computed in.
    k_selection : dict or None
        How K was chosen when it was not given.
    notes : list of str
        Things the user should know (a fallback, an approximation).
    created_at : str
    """

    id: str
    features: str
    method: str
    params: dict[str, Any]
    n_clusters: int
    n_works: int
    n_noise: int
    space: str
    metrics: dict[str, Any]
    k_selection: dict[str, Any] | None
    notes: list[str]
    created_at: str

    @property
    def label(self) -> str:
        """A short description for lists, e.g. ``kmeans · K=12 · color · 2024-05-01 10:12``."""
        when = self.created_at[:16].replace("T", " ")
        auto = " (auto)" if self.k_selection else ""
        return f"{self.method} · K={self.n_clusters}{auto} · {self.features} · {when}"


@dataclass
class ClusterRun(RunInfo):
    """A stored cluster run with its per-work arrays.

    Attributes
    ----------
    ids : ndarray of shape (n_works,)
        Work ids, ordered by work path.
    work_paths : list of str
    labels : ndarray of shape (n_works,), int
        Cluster of each work; ``-1`` is HDBSCAN's noise.
    confidence : ndarray of shape (n_works,), float32
        Membership of the work in its own cluster (0 for noise).
    proba : ndarray of shape (n_works, n_clusters), float32
        Soft assignment to every cluster.
    cached : bool
        True when :func:`run_clustering` returned an existing run.
    """

    ids: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=object))
    work_paths: list[str] = field(default_factory=list)
    labels: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    confidence: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.float32))
    proba: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float32))
    cached: bool = False

    def __len__(self) -> int:
        return len(self.ids)

    def clusters(self) -> list[int]:
        """The cluster labels in use, sorted (``-1`` first when there is noise)."""
        return sorted(set(self.labels.tolist()))

    def sizes(self) -> dict[int, int]:
        """Number of works per cluster."""
        values, counts = np.unique(self.labels, return_counts=True)
        return {int(v): int(c) for v, c in zip(values, counts, strict=True)}

    def members(self, cluster: int) -> list[str]:
        """Work ids of a cluster, most confident first (ties by path order)."""
        rows = np.flatnonzero(self.labels == int(cluster))
        order = rows[np.argsort(-self.confidence[rows], kind="stable")]
        return [str(self.ids[i]) for i in order]

    def second_choice(self) -> np.ndarray:
        """For every work, the most likely cluster other than its own (-1 if none)."""
        if self.proba.shape[1] < 2:
            return np.full(len(self), -1, dtype=np.int64)
        p = self.proba.copy()
        own = self.labels >= 0
        p[np.flatnonzero(own), self.labels[own]] = -np.inf
        out = np.argmax(p, axis=1).astype(np.int64)
        out[~own] = -1
        return out

    def ambiguous(self, n: int = 10, *, cluster: int | None = None) -> list[str]:
        """The least confident works (of one cluster, or of all), least confident first."""
        rows = np.flatnonzero(self.labels >= 0) if cluster is None else \
            np.flatnonzero(self.labels == int(cluster))
        order = rows[np.argsort(self.confidence[rows], kind="stable")]
        return [str(self.ids[i]) for i in order[:n]]

    def summary(self) -> dict[str, Any]:
        """A JSON-serialisable description (what the CLI prints)."""
        return {"run": self.id, "features": self.features, "method": self.method,
                "n_clusters": self.n_clusters, "n_works": self.n_works,
                "n_noise": self.n_noise, "space": self.space, "cached": self.cached,
                "k": self.n_clusters,
                "k_chosen_by": (self.k_selection or {}).get("description"),
                "k_selection": self.k_selection, "metrics": self.metrics,
                "params": self.params, "notes": self.notes, "created_at": self.created_at}


# -- preparing the data ---------------------------------------------------------------------
def clustering_space(ws: Workspace, fm: FeatureMatrix, *, space: str = "features",
                     pca_components: int | None = 50, normalize: bool = True,
                     random_state: int | None = 0,
                     progress: ProgressCallback = null_progress) -> tuple[np.ndarray, str]:
    """The vectors clusters are found in, rows aligned with ``fm.ids``.

    Parameters
    ----------
    ws : Workspace
    fm : FeatureMatrix
    space : {"features", "umap"}
        ``features``: the feature vectors, rows L2-normalised (``normalize``) and
        reduced by PCA to ``pca_components`` dimensions; ``umap``: the ~10-D UMAP
        embedding of the feature set (computed and stored if needed).
    pca_components : int or None, default=50
    normalize : bool, default=True
    random_state : int, optional
    progress : callable

    Returns
    -------
    X : ndarray of shape (n_works, n_dims), float32
    description : str
        What the vectors are, for the run's record.
    """
    if space not in SPACES:
        raise ConfigError(f"Unknown space {space!r}; choose one of: {', '.join(SPACES)}")
    if space == "umap":
        from ..reduce import map_command, stored_map

        config = umap_space_config(random_state)
        result = stored_map(ws, fm.name, config)
        if result is None:
            raise ArtExploreError(
                f"Clustering in the UMAP space needs the {config.n_components}-D map of "
                f"{fm.name!r}: run `{map_command(fm.name, config)}` (the cluster job runs it "
                "first by itself)")
        row = {wid: i for i, wid in enumerate(result.ids.tolist())}
        missing = [w for w in fm.ids.tolist() if w not in row]
        if missing:
            raise ArtExploreError(
                f"{len(missing)} works have features but no UMAP position: run "
                f"`{map_command(fm.name, config)}` to place them")
        X = result.embedding[[row[w] for w in fm.ids.tolist()]]
        return np.ascontiguousarray(X, dtype=np.float32), \
            f"UMAP {config.n_components}-D (n_neighbors {config.n_neighbors}, min_dist 0)"
    X = np.asarray(fm.X, dtype=np.float32)
    parts = [f"{fm.name} features ({X.shape[1]}-D)"]
    if normalize:
        X = normalise(X)
        parts.append("L2-normalised")
    k = int(pca_components or 0)
    if k and X.shape[1] > k and X.shape[0] > k:
        X = PCA(n_components=k, random_state=random_state).fit_transform(X).astype(np.float32)
        parts.append(f"PCA-{k}")
    return np.ascontiguousarray(X), ", ".join(parts)


def umap_space_config(random_state: int | None = 0) -> Any:
    """The :class:`~artexplore.reduce.MapConfig` of the ~10-D space clusters are found in."""
    from ..reduce import MapConfig

    return MapConfig.for_clustering(random_state=int(random_state or 0))


def _ids_hash(ids: np.ndarray) -> str:
    return fingerprint(sorted(str(i) for i in ids.tolist()))


# -- running ---------------------------------------------------------------------------------
def run_clustering(ws: Workspace, features: str, method: str, *, n_clusters: int | None = None,
                   random_state: int = 0, space: str | None = None,
                   pca_components: int | None = 50, normalize: bool = True,
                   criterion: str | None = None, k_min: int | None = None,
                   k_max: int | None = None, image_size: int = 64,
                   options: dict[str, Any] | None = None, reuse: bool = True,
                   notes: list[str] | None = None,
                   progress: ProgressCallback = null_progress) -> ClusterRun:
    """Cluster the works of a feature set and store the run.

    Parameters
    ----------
    ws : Workspace
    features : str
        A stored feature set.
    method : str
        One of :func:`~artexplore.cluster.available_methods`: ``kmeans``, ``gmm``,
        ``bgmm``, ``hdbscan``, ``agglomerative``, ``dec``, ``dcec``.
    n_clusters : int, optional
        K. When None, ``bgmm`` and ``hdbscan`` find it themselves and the other
        methods choose it by a sweep (BIC of Gaussian mixtures for ``gmm``,
        silhouette of k-means for the others); the run records which K and how.
        For ``bgmm`` a given K is the upper bound on the number of components.
    random_state : int, default=0
    space : {"features", "umap"}, optional
        See :func:`clustering_space`. By default ``umap`` for ``hdbscan`` and ``bgmm``
        (:data:`DEFAULT_SPACE`) and ``features`` for the others; the run records it.
    pca_components : int or None, default=50
    normalize : bool, default=True
    criterion : {"silhouette", "bic"}, optional
        Overrides the sweep's criterion.
    k_min, k_max : int, optional
        Range of the sweep.
    image_size : int, default=64
        Side of the images DCEC learns from (a multiple of 8).
    options : dict, optional
        Method parameters (e.g. ``{"min_cluster_size": 10}`` for HDBSCAN,
        ``{"pretrain_iter": 500}`` for DEC/DCEC).
    reuse : bool, default=True
        Return the stored run made with the same parameters on the same features.
    notes : list of str, optional
        Extra notes to record with the run (e.g. a feature-set fallback).
    progress : callable

    Returns
    -------
    ClusterRun

    Raises
    ------
    ArtExploreError
        For an unknown method, feature set or space, or too few works.
    """
    from .classic import SWEEP_LIMIT, KMeansClusterer, choose_k

    if method not in available_methods():
        raise unknown_name("clustering method", method, available_methods())
    if n_clusters is not None and int(n_clusters) < 1:
        raise ConfigError(f"n_clusters must be >= 1, got {n_clusters}")
    if pca_components is not None and int(pca_components) < 0:
        raise ConfigError(f"pca_components must be >= 0 (0: no PCA), got {pca_components}")
    options = dict(options or {})
    notes = list(notes or [])
    if space is None:
        space = DEFAULT_SPACE.get(method, "features")
    if space not in SPACES:
        raise ConfigError(f"Unknown space {space!r}; choose one of: {', '.join(SPACES)}")
    if method == "hdbscan" and n_clusters is not None:
        notes.append(f"hdbscan finds the number of clusters itself; K={n_clusters} was ignored")
        n_clusters = None
    fm = load_features(ws, features)
    if len(fm) < 3:
        raise ArtExploreError(f"Feature set {features!r} has {len(fm)} works; clustering needs "
                              "at least 3")
    params: dict[str, Any] = {
        "n_clusters": None if n_clusters is None else int(n_clusters),
        "random_state": int(random_state), "space": space, "options": options,
        "pca_components": pca_components, "normalize": bool(normalize)}
    if method in NEEDS_K and n_clusters is None:
        params.update(criterion=criterion, k_min=k_min, k_max=k_max)
    if method in IMAGE_METHODS:
        params["image_size"] = int(image_size)
    features_fp = version(ws, features).fingerprint
    fp = fingerprint({"method": method, "features": features,
                      "features_fingerprint": features_fp,
                      "ids": _ids_hash(fm.ids), "params": params})
    if reuse:
        found = run_store.find(ws, RUN_KIND, fp)
        existing = found.id if found else None
        if existing and ws.arrays.current(KIND, existing):
            run = load_run(ws, existing)
            run.cached = True
            log.info("reusing stored run %s (same method, parameters and features)", existing)
            return run

    progress(0, None, f"preparing {features} for {method}")
    X, space_text = clustering_space(ws, fm, space=space, pca_components=pca_components,
                                     normalize=normalize, random_state=random_state,
                                     progress=progress)
    k_selection = None
    k = None if n_clusters is None else int(n_clusters)
    if method in NEEDS_K and k is None:
        crit = criterion or ("bic" if method == "gmm" else "silhouette")
        selection, swept = choose_k(X, criterion=crit, k_min=k_min, k_max=k_max,
                                    random_state=random_state,
                                    covariance_type=options.get("covariance_type", "diag"),
                                    refit=False, progress=progress)
        k = selection.k
        k_selection = selection.to_dict()
        log.info("%s: %s", method, selection.describe())
    if k is not None and k > len(fm):
        raise ConfigError(f"Expected n_works >= n_clusters but got n_clusters = {k}, "
                          f"n_works = {len(fm)}")

    estimator = create_clusterer(method, n_clusters=k, random_state=random_state, **options)
    if (k_selection is not None and len(X) > SWEEP_LIMIT and not options
            and isinstance(estimator, KMeansClusterer) and isinstance(swept, KMeansClusterer)):
        # The sweep ran on a sample: k-means on every work starts from its centres.
        estimator.set_params(init=swept.cluster_centers_)
        notes.append(f"k-means started from the centres found on the sweep's sample of "
                     f"{SWEEP_LIMIT:,} works (one run)")
    progress(0, None, f"{method} on {len(fm)} works")
    if method in IMAGE_METHODS:
        from .dcec import thumbnail_images

        data = thumbnail_images(ws, fm.ids.tolist(), size=int(image_size), progress=progress)
        space_text = f"{image_size}-px thumbnails (K chosen and scores computed on {space_text})"
    else:
        data = X
    if isinstance(estimator, _DeepClusterer):
        estimator.fit(data, progress=progress)
    else:
        estimator.fit(data)
    if getattr(estimator, "note_", ""):
        notes.append(estimator.note_)
    labels = np.asarray(estimator.labels_, dtype=np.int64)
    proba = np.asarray(estimator.proba_, dtype=np.float32)
    confidence = np.asarray(estimator.confidence_, dtype=np.float32)
    n_found = int(getattr(estimator, "n_clusters_", len(set(labels.tolist()) - {-1})))
    if n_found == 0:
        notes.append("no cluster found: every work is noise (try a smaller min_cluster_size)")
    selection = getattr(estimator, "selection_", None)
    if selection is not None and k_selection is None:
        k_selection = selection.to_dict()

    progress(0, None, "scoring")
    metrics = internal_scores(X, labels, random_state=random_state)
    metrics["space"] = space_text
    if method in ("dec", "dcec"):
        from sklearn.metrics import adjusted_rand_score

        metrics["ari_to_kmeans_start"] = float(adjusted_rand_score(estimator.init_labels_,
                                                                   labels))
        metrics["iterations"] = int(estimator.n_iter_)
    n_noise = int((labels < 0).sum())

    run_id = run_store.new_id(method)
    ws.arrays.register(KIND, run_id, fp, {"run": run_id, "features": features,
                                          "method": method, **params})
    ws.arrays.append(KIND, run_id, fp, fm.ids.astype(str), labels=labels,
                     confidence=confidence, proba=proba)
    run_store.register(
        ws, RUN_KIND, features, params={"method": method, **params},
        inputs={f"features:{features}": features_fp}, key=fp, run_id=run_id,
        result={"n_clusters": n_found, "n_works": len(fm), "n_noise": n_noise, "space": space,
                "metrics": metrics, "k_selection": k_selection, "notes": notes})
    log.info("stored cluster run %s: %d clusters of %d works", run_id, n_found, len(fm))
    return load_run(ws, run_id)


# -- reading ---------------------------------------------------------------------------------
def _info(run: run_store.Run) -> RunInfo:
    params = dict(run.params)
    method = str(params.pop("method", ""))
    res = run.result
    return RunInfo(
        id=run.id, features=run.name, method=method, params=params,
        n_clusters=int(res.get("n_clusters", 0)), n_works=int(res.get("n_works", 0)),
        n_noise=int(res.get("n_noise", 0)), space=str(res.get("space", "")),
        metrics=dict(res.get("metrics") or {}), k_selection=res.get("k_selection") or None,
        notes=list(res.get("notes") or []), created_at=run.created_at)


def list_runs(ws: Workspace, *, features: str | None = None) -> list[RunInfo]:
    """The stored cluster runs, newest first.

    Parameters
    ----------
    ws : Workspace
    features : str, optional
        Only runs on this feature set.

    Returns
    -------
    list of RunInfo
    """
    return [_info(r) for r in run_store.list_runs(ws, RUN_KIND, name=features)]


def run_info(ws: Workspace, run_id: str) -> RunInfo:
    """The catalogue row of one run.

    Raises
    ------
    ArtExploreError
        If there is no such run (the message lists the stored ones).
    """
    try:
        return _info(run_store.load(ws, run_id, kind=RUN_KIND))
    except ArtExploreError:
        known = [r.id for r in list_runs(ws)]
        shown = ", ".join(known[:10]) + (" …" if len(known) > 10 else "")
        raise ArtExploreError(f"No cluster run {run_id!r} in {ws.root} "
                              f"(stored: {shown or 'none yet'}); make one with "
                              "`artexplore cluster --workspace WS --features NAME --method M`"
                              ) from None


def load_run(ws: Workspace, run_id: str) -> ClusterRun:
    """A stored run with its arrays, rows ordered by work path.

    Works that are no longer in the collection (status other than ok) are left out.

    Raises
    ------
    ArtExploreError
        If there is no such run.
    """
    info = run_info(ws, run_id)
    stored = ws.arrays.load(KIND, run_id)
    order, paths = ws.id_paths()
    ids, arrays = stored.align(order)
    path_of = dict(zip(order, paths, strict=True))
    k = int(arrays["proba"].shape[1]) if "proba" in arrays and arrays["proba"].ndim == 2 \
        else info.n_clusters
    return ClusterRun(
        **dataclasses.asdict(info), ids=np.asarray(ids, dtype=object),
        work_paths=[path_of[i] for i in ids],
        labels=np.asarray(arrays.get("labels", np.zeros(0)), dtype=np.int64),
        confidence=np.asarray(arrays.get("confidence", np.zeros(0)), dtype=np.float32),
        proba=np.asarray(arrays.get("proba", np.zeros((0, k))), dtype=np.float32))


def members(ws: Workspace, run_id: str, cluster: int) -> list[str]:
    """Work ids of one cluster of a run, most confident first.

    Raises
    ------
    ArtExploreError
        If the run does not exist or has no such cluster.
    """
    run = load_run(ws, run_id)
    if int(cluster) not in run.clusters():
        raise ArtExploreError(f"Run {run_id} has no cluster {cluster}; its clusters are "
                              f"{', '.join(map(str, run.clusters()))}")
    return run.members(int(cluster))


def delete_run(ws: Workspace, run_id: str) -> None:
    """Remove a run (row and arrays); no error if it does not exist."""
    run_store.delete(ws, run_id)
    ws.arrays.delete(KIND, run_id)


def run_status(ws: Workspace, run_id: str) -> run_store.RunStatus:
    """Whether a cluster run still follows its feature set (stale once the set changed)."""
    return run_store.status(ws, run_store.load(ws, run_id, kind=RUN_KIND))


# -- evaluating and comparing -------------------------------------------------------------------
def field_values(ws: Workspace, ids: Any, field_name: str) -> list[Any]:
    """Values of a metadata field for works, in the order of ``ids`` (None where unknown).

    Raises
    ------
    ArtExploreError
        If no work has that field (the message lists the fields there are).
    """
    fields = ws.metadata_fields()
    if field_name not in fields:
        raise unknown_name("metadata field", field_name, fields)
    return ws.field_column(field_name, [str(i) for i in ids])


def evaluate_run(ws: Workspace, run_id: str, label: str) -> dict[str, Any]:
    """Agreement of a run with a metadata column (ARI, NMI, accuracy, purity).

    Only works with a value in the column are evaluated; the result says how many.

    Parameters
    ----------
    ws : Workspace
    run_id : str
    label : str
        A metadata field (``style``, ``artist``…).

    Returns
    -------
    dict
        ``run``, ``label``, ``nmi``, ``ari``, ``accuracy``, ``purity``,
        ``n_clusters`` (of the run), ``n_classes``, ``n_labelled``,
        ``n_unlabelled``, ``n_works``, plus the run's internal ``metrics``.
    """
    run = load_run(ws, run_id)
    truth = field_values(ws, run.ids, label)
    scores = external_scores(truth, run.labels)
    if scores["n_labelled"] == 0:
        log.warning("no work of run %s has a value for %r", run_id, label)
    return {"run": run.id, "label": label, "nmi": scores["nmi"], "ari": scores["ari"],
            "accuracy": scores["accuracy"], "purity": scores["purity"],
            "n_clusters": run.n_clusters, "n_classes": scores["n_classes"],
            "n_labelled": scores["n_labelled"], "n_unlabelled": scores["n_unlabelled"],
            "n_works": len(run), "method": run.method, "features": run.features,
            "metrics": run.metrics}


def label_contingency(ws: Workspace, run_id: str, label: str) -> Any:
    """Contingency table of a metadata field (rows) against a run's clusters (columns)."""
    run = load_run(ws, run_id)
    truth = field_values(ws, run.ids, label)
    keep = [i for i, v in enumerate(truth) if v not in (None, "")]
    return contingency([str(truth[i]) for i in keep], run.labels[keep].tolist())


def compare_runs(ws: Workspace, run_a: str, run_b: str) -> dict[str, Any]:
    """Compare two clusterings on the works they share.

    Returns
    -------
    dict
        ``ari``, ``nmi``, ``n_common`` and ``contingency`` (a DataFrame: clusters
        of ``run_a`` as rows, of ``run_b`` as columns).
    """
    a, b = load_run(ws, run_a), load_run(ws, run_b)
    pos_b = {w: i for i, w in enumerate(b.ids.tolist())}
    rows_a = [i for i, w in enumerate(a.ids.tolist()) if w in pos_b]
    la = a.labels[rows_a]
    lb = b.labels[[pos_b[a.ids[i]] for i in rows_a]]
    scores = external_scores(la.tolist(), lb.tolist())
    table = contingency(la.tolist(), lb.tolist())
    table.index.name, table.columns.name = run_a, run_b
    return {"ari": scores["ari"], "nmi": scores["nmi"], "n_common": len(rows_a),
            "contingency": table}


def export_run_csv(ws: Workspace, run_id: str, out: Path) -> int:
    """Write ``work_path,cluster,confidence`` for every work of a run.

    Returns
    -------
    int
        Rows written.
    """
    run = load_run(ws, run_id)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", newline="", encoding="utf-8") as fh:
        # Work paths come from file names others chose: neutralised like every CSV cell.
        write_csv(fh, ["work_path", "cluster", "confidence"],
                  ([path, int(label), f"{conf:.6f}"] for path, label, conf in zip(
                      run.work_paths, run.labels.tolist(), run.confidence.tolist(),
                      strict=True)))
    return len(run)

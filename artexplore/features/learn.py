"""Learned feature sets: the curator's labels teach the metric.

From a label column that only some works have (``style`` for a tenth of the
collection), from "these belong together / apart" pairs, or from a curated
clustering (:mod:`artexplore.cluster.curate`), :class:`GraphMetric` learns a
space in which works the curator put together are close — using the labelled
works *and* the structure of the unlabelled ones:

1. the rows are centred on the collection mean and L2-normalised;
2. the labels spread along the collection's k-nearest-neighbour graph (label
   spreading, Zhou et al. 2004): every work gets a soft label, the known ones
   held, together-pairs linked, apart-pairs cut;
3. a shrinkage LDA is fitted on the labelled works plus the unlabelled works
   whose spread label is confident (pseudo-labels), giving a projection;
4. the centred features and the LDA projection, concatenated, are diffused
   along their own mutual-neighbour graph (the ``diffusion`` step of the fused
   sets), and the spread soft label is appended; each block is scaled as a whole.

A fused source (``default``) is learned from its rows *before* its diffusion
step (:func:`source_rows`): the labels reshape the space, then the diffusion
follows the reshaped graph (learning on the diffused rows gains about half as
much, docs/BENCHMARKS.md).

:func:`learn_features` stores the result as a feature set (through
:func:`~artexplore.features.compute.save_features`, with a fingerprint) and
registers the fit as a run of kind ``learn`` whose input is the source set's
version, so the learned set is listed by :func:`~artexplore.features.sets.names`,
taken by maps, clusters, indexes and probes, and reads stale
(:func:`learned_status`) once its source set changes.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_array, check_is_fitted

from .. import runs as run_store
from ..config import fingerprint
from ..errors import ArtExploreError, ConfigError
from ..linalg import normalise
from ..progress import ProgressCallback, null_progress
from ..store.workspace import Workspace
from .fusion import knn_cosine

log = logging.getLogger(__name__)

RUN_KIND = "learn"
KIND = "features"


class GraphMetric(TransformerMixin, BaseEstimator):
    """A metric learned from partial labels and the collection's neighbour graph.

    Parameters
    ----------
    n_neighbors : int, default=10
        Neighbours per work in the graph the labels spread on.
    alpha : float, default=0.9
        Label spreading: how far labels travel (0 keeps only the known ones).
    gamma : float, default=3.0
        Edge weight ``max(cos, 0) ** gamma``.
    confidence : float, default=0.9
        The share of the unlabelled works, most confident first (margin of the
        spread label over the runner-up), that join the LDA as pseudo-labelled.
    weights : tuple of 3 floats, default=(1.0, 1.0, 1.0)
        Weights of the blocks of the learned row: centred features, LDA
        projection, spread soft label.
    shrinkage : float or "auto", default="auto"
        Of the LDA (Ledoit–Wolf by default).
    diffusion : bool, default=True
        Diffuse the features and projection along their mutual-neighbour graph
        (:class:`~artexplore.features.fusion.Diffusion`, its automatic k).

    Attributes
    ----------
    mean_ : ndarray of shape (n_features,)
    classes_ : ndarray of shape (n_classes,)
    scalings_ : ndarray of shape (n_features, n_components)
        The LDA projection (of centred, normalised rows).
    soft_labels_ : ndarray of shape (n_samples, n_classes)
        The spread labels of the training rows (rows sum to 1; 0 where nothing reached).
    embedding_ : ndarray of shape (n_samples, n_output), float32
        The learned rows of the training works.
    n_labelled_, n_pseudo_ : int
    """

    def __init__(self, n_neighbors: int = 10, *, alpha: float = 0.9, gamma: float = 3.0,
                 confidence: float = 0.9, weights: tuple[float, float, float] = (1.0, 1.0, 1.0),
                 shrinkage: float | str = "auto", diffusion: bool = True) -> None:
        self.n_neighbors = n_neighbors
        self.alpha = alpha
        self.gamma = gamma
        self.confidence = confidence
        self.weights = weights
        self.shrinkage = shrinkage
        self.diffusion = diffusion

    def fit(self, X: np.ndarray, y: Sequence[Any], *, graph: np.ndarray | None = None,
            together: Sequence[tuple[int, int]] = (),
            apart: Sequence[tuple[int, int]] = ()) -> GraphMetric:
        """Learn from ``X`` of shape (n_samples, n_features) and partial labels.

        Parameters
        ----------
        X : ndarray of shape (n_samples, n_features)
        y : sequence of length n_samples
            The label of each row; ``None``, ``""`` or NaN where unknown.
        graph : ndarray of shape (n_samples, n_graph_features), optional
            Rows whose neighbour graph the labels spread on (the set as used,
            e.g. ``default`` after its diffusion); ``X`` by default.
        together, apart : sequence of (int, int)
            Row pairs that belong together (linked in the graph; unlabelled
            pairs become a class of their own) or apart (their link is cut).

        Returns
        -------
        self
        """
        from scipy import sparse
        from sklearn.discriminant_analysis import LinearDiscriminantAnalysis

        X = check_array(X, dtype=[np.float64, np.float32])
        n = len(X)
        if len(y) != n:
            raise ConfigError(f"Expected {n} labels (one per row), got {len(y)}")
        if not 0 <= self.alpha < 1:
            raise ConfigError(f"alpha must be in [0, 1), got {self.alpha}")
        w = np.asarray(self.weights, dtype=np.float64)
        if w.shape != (3,) or (w < 0).any() or w.sum() <= 0:
            raise ConfigError(f"weights must be 3 non-negative numbers, got {self.weights}")
        codes, classes = _encode(y, together, n)
        labelled = codes >= 0
        if len(classes) < 2 or labelled.sum() < 2:
            raise ArtExploreError(
                f"Learning needs at least two classes with labelled works; got "
                f"{len(classes)} class(es) over {int(labelled.sum())} labelled works")
        self.mean_ = X.mean(0)
        Z = normalise(X - self.mean_).astype(np.float64)
        if graph is None:
            G = Z
        else:
            graph = check_array(graph, dtype=[np.float64, np.float32])
            if len(graph) != n:
                raise ConfigError(f"Expected {n} graph rows, got {len(graph)}")
            G = normalise(graph - graph.mean(0)).astype(np.float64)
        k = max(1, min(int(self.n_neighbors), n - 1))
        idx, sims = knn_cosine(G, G, k, exclude_self=True)
        W = sparse.csr_matrix((np.clip(sims, 0, None).ravel() ** self.gamma,
                               (np.repeat(np.arange(n), k), idx.ravel())), shape=(n, n))
        W = W.maximum(W.T).tolil()
        for a, b in together:
            W[a, b] = W[b, a] = 1.0
        for a, b in apart:
            W[a, b] = W[b, a] = 0.0
        W = W.tocsr()
        degree = np.asarray(W.sum(1)).ravel()
        Dm = sparse.diags(1 / np.sqrt(np.where(degree > 0, degree, 1.0)))
        S = (Dm @ W @ Dm).tocsr()
        Y = np.zeros((n, len(classes)))
        Y[np.flatnonzero(labelled), codes[labelled]] = 1.0
        F = Y.copy()
        for _ in range(50):
            F = self.alpha * (S @ F) + (1 - self.alpha) * Y
        mass = F.sum(1, keepdims=True)
        F = np.where(mass > 0, F / np.where(mass > 0, mass, 1), 0.0)
        # The most confident share of the unlabelled works (by the spread label's
        # margin over the runner-up) join the LDA with their spread label.
        top2 = np.sort(F, axis=1)[:, -2:] if F.shape[1] > 1 else np.c_[F * 0, F]
        margin = np.where(labelled | (F.sum(1) <= 0), -np.inf, top2[:, 1] - top2[:, 0])
        n_pseudo = int(round(self.confidence * (~labelled).sum()))
        pseudo = np.zeros(n, dtype=bool)
        if n_pseudo > 0:
            pseudo[np.argsort(-margin, kind="stable")[:n_pseudo]] = True
            pseudo &= np.isfinite(margin)
        train = labelled | pseudo
        target = np.where(labelled, codes, F.argmax(1))
        if len(np.unique(target[train])) < 2:
            raise ArtExploreError("Learning needs works of at least two classes")
        lda = LinearDiscriminantAnalysis(solver="eigen", shrinkage=self.shrinkage)
        lda.fit(Z[train], target[train])
        m = min(len(lda.classes_) - 1, Z.shape[1])
        self.scalings_ = np.asarray(lda.scalings_[:, :m], dtype=np.float64)
        self.classes_ = np.asarray(classes, dtype=object)
        self.soft_labels_ = F.astype(np.float32)
        self.train_ = Z.astype(np.float32)
        self.n_labelled_ = int(labelled.sum())
        self.n_pseudo_ = int(pseudo.sum())
        # Each block scaled as a whole (not row by row: a 1-D projection would keep only
        # its sign) to a mean row norm of 1, then weighted.
        P = Z @ self.scalings_
        self.scales_ = np.array([max(float(np.linalg.norm(B, axis=1).mean()), 1e-12)
                                 for B in (Z, P, F)])
        self.diffusion_ = None
        if self.diffusion and (w[0] or w[1]):
            from .fusion import Diffusion

            self.diffusion_ = Diffusion().fit(self._metric(Z, P))
        self.embedding_ = self._combine(Z, P, F, training=True)
        return self

    def _metric(self, Z: np.ndarray, P: np.ndarray) -> np.ndarray:
        w = np.asarray(self.weights, dtype=np.float64)
        return np.hstack([B / s * np.sqrt(wi) for B, s, wi in
                          zip((Z, P), self.scales_[:2], w[:2], strict=True) if wi])

    def _combine(self, Z: np.ndarray, P: np.ndarray, F: np.ndarray, *,
                 training: bool = False) -> np.ndarray:
        w = np.asarray(self.weights, dtype=np.float64)
        blocks = []
        if w[0] or w[1]:
            M = self._metric(Z, P)
            if self.diffusion_ is not None:
                M = normalise(self.diffusion_.embedding_ if training
                              else self.diffusion_.transform(M))
            blocks.append(M)
        if w[2]:
            blocks.append(F / self.scales_[2] * np.sqrt(w[2]))
        return normalise(np.hstack(blocks)).astype(np.float32)

    def transform(self, X: np.ndarray) -> np.ndarray:
        """Learned rows of new works, shape (n_samples, n_output).

        The soft label of a new work is the similarity-weighted mean of its
        neighbours' among the training works.
        """
        check_is_fitted(self, "embedding_")
        X = check_array(X, dtype=[np.float64, np.float32])
        Z = normalise(X - self.mean_).astype(np.float64)
        T = self.train_.astype(np.float64)
        idx, sims = knn_cosine(Z, T, max(1, min(int(self.n_neighbors), len(T))))
        w = np.clip(sims, 0, None) ** self.gamma
        F = np.einsum("nk,nkc->nc", w, self.soft_labels_[idx].astype(np.float64))
        mass = F.sum(1, keepdims=True)
        F = np.where(mass > 0, F / np.where(mass > 0, mass, 1), 0.0)
        return self._combine(Z, Z @ self.scalings_, F)


def _encode(y: Sequence[Any], together: Sequence[tuple[int, int]], n: int
            ) -> tuple[np.ndarray, list[str]]:
    """Class codes (``-1`` unknown) from labels and together-pairs.

    Together-pairs whose works have no label form classes of their own (one per
    connected group); a group touching one labelled work takes its label.
    """
    values = [None if _missing(v) else str(v) for v in y]
    classes = sorted({v for v in values if v is not None})
    code_of = {c: i for i, c in enumerate(classes)}
    codes = np.array([code_of[v] if v is not None else -1 for v in values], dtype=np.int64)
    if together:
        from scipy import sparse
        from scipy.sparse.csgraph import connected_components

        pairs = np.asarray(together, dtype=np.int64).reshape(-1, 2)
        if pairs.min() < 0 or pairs.max() >= n:
            raise ConfigError(f"A together-pair names a row outside 0..{n - 1}")
        G = sparse.coo_matrix((np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(n, n))
        _, comp = connected_components(G, directed=False)
        for group in np.unique(comp[np.unique(pairs)]):
            rows = np.flatnonzero(comp == group)
            known = np.unique(codes[rows][codes[rows] >= 0])
            if len(known) == 1:
                codes[rows[codes[rows] < 0]] = known[0]
            elif len(known) == 0:
                classes.append(f"together-{len(classes)}")
                codes[rows] = len(classes) - 1
    return codes, classes


def _missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and np.isnan(value):
        return True
    return str(value).strip() == ""


# -- the stored learned set ---------------------------------------------------------------------
@dataclass(frozen=True)
class LearnResult:
    """What :func:`learn_features` made.

    Attributes
    ----------
    name : str
        The learned feature set.
    run : str
        The ``learn`` run's id.
    n_labelled : int
        Works whose label (or curated cluster) was used.
    n_pseudo : int
        Unlabelled works whose spread label joined the LDA.
    n_classes, n_works, dim : int
    source : str
        The feature set learned from.
    """

    name: str
    run: str
    n_labelled: int
    n_pseudo: int
    n_classes: int
    n_works: int
    dim: int
    source: str

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable form."""
        return dict(self.__dict__)


def learn_features(ws: Workspace, features: str, *, label: str | None = None,
                   from_run: str | None = None, name: str | None = None,
                   together: Sequence[tuple[str, str]] = (),
                   apart: Sequence[tuple[str, str]] = (),
                   params: dict[str, Any] | None = None,
                   progress: ProgressCallback = null_progress) -> LearnResult:
    """Learn a feature set from a label column, a curated clustering, or pairs, and store it.

    Parameters
    ----------
    ws : Workspace
    features : str
        The feature set to learn from (``default``…).
    label : str, optional
        A metadata column; works without a value count as unlabelled.
    from_run : str, optional
        A cluster run (a curated one: :mod:`artexplore.cluster.curate`): its
        clusters are the classes, its together/apart marks the pairs.
    name : str, optional
        The learned set's name; ``learned-<label or run>`` by default.
    together, apart : sequence of (work id, work id)
        More pairs.
    params : dict, optional
        Keyword arguments of :class:`GraphMetric`.
    progress : callable

    Returns
    -------
    LearnResult

    Raises
    ------
    ArtExploreError
        When neither ``label`` nor ``from_run`` (nor pairs) is given, the column
        does not exist, or fewer than two classes have labelled works.
    """
    from .compute import save_features
    from .sets import version

    if label is None and from_run is None and not together:
        raise ArtExploreError("Nothing to learn from: give a label column (--label), a curated "
                              "cluster run (--from-run) or together-pairs")
    params = dict(params or {})
    if "weights" in params:
        params["weights"] = tuple(float(w) for w in params["weights"])
    progress(0, None, f"loading {features}")
    rows, fm = source_rows(ws, features)
    ids = [str(i) for i in fm.ids.tolist()]
    row = {w: i for i, w in enumerate(ids)}
    y: list[Any] = [None] * len(ids)
    inputs = {f"features:{features}": version(ws, features).fingerprint}
    together = list(together)
    apart = list(apart)
    if label is not None:
        from ..cluster.clusterings import field_values

        y = field_values(ws, ids, label)
    if from_run is not None:
        from ..cluster.clusterings import load_run

        run = load_run(ws, from_run)
        inputs[f"run:{from_run}"] = run_store.load(ws, from_run).key
        names = (run.params.get("names") or {}) if run.method == "curated" else {}
        for wid, c in zip(run.ids.tolist(), run.labels.tolist(), strict=True):
            if c >= 0 and str(wid) in row and _missing(y[row[str(wid)]]):
                y[row[str(wid)]] = names.get(str(c), f"{from_run}:{c}")
        marks = run.params.get("marks") or {}
        together += [tuple(p) for p in marks.get("together", [])]
        apart += [tuple(p) for p in marks.get("apart", [])]
    pairs_t = [(row[a], row[b]) for a, b in together if a in row and b in row]
    pairs_a = [(row[a], row[b]) for a, b in apart if a in row and b in row]
    progress(0, None, f"learning from {sum(not _missing(v) for v in y)} labelled works")
    model = GraphMetric(**params).fit(rows.X, y, graph=None if rows is fm else fm.X,
                                      together=pairs_t, apart=pairs_a)
    name = name or "learned-" + (label or from_run or "pairs")
    if name in _protected(ws) or name == features:
        raise ArtExploreError(f"{name!r} names a computed or fused feature set; choose another "
                              "--name")
    config = {"learned": True, "source": features, "label": label, "from_run": from_run,
              "params": {k: list(v) if isinstance(v, tuple) else v for k, v in params.items()},
              "n_together": len(pairs_t), "n_apart": len(pairs_a),
              "classes": [str(c) for c in model.classes_]}
    fp = fingerprint({**config, "inputs": inputs, "ids": fingerprint(sorted(ids)),
                      "labels": fingerprint([None if _missing(v) else str(v) for v in y])})
    X = model.embedding_
    save_features(ws, name, ids, X, {**config, "name": name, "dim": int(X.shape[1]),
                                     "block": "learned"}, fingerprint=fp)
    result = LearnResult(name=name, run="", n_labelled=model.n_labelled_,
                         n_pseudo=model.n_pseudo_, n_classes=len(model.classes_),
                         n_works=len(ids), dim=int(X.shape[1]), source=features)
    run = run_store.register(ws, RUN_KIND, name, params=config, inputs=inputs, key=fp,
                             result={k: v for k, v in result.to_dict().items() if k != "run"})
    log.info("learned %s from %s: %d labelled, %d pseudo-labelled works", name, features,
             model.n_labelled_, model.n_pseudo_)
    return LearnResult(**{**result.to_dict(), "run": run.id})


def source_rows(ws: Workspace, features: str) -> tuple[Any, Any]:
    """The rows a set is learned from, and the set itself (rows aligned).

    For a fused set whose blocks end in a ``diffusion`` step (``default``), the
    first are its rows before that step (the same fusion without it, fitted and
    cached like any fused set); for any other set, the set itself.

    Returns
    -------
    rows : FeatureMatrix
    used : FeatureMatrix
    """
    from .compute import load_features, load_fused
    from .fusion import FusionSpec, get_fusion

    used = load_features(ws, features)
    spec = get_fusion(ws, features)
    if spec is None:
        return used, used
    data = spec.to_dict()
    stripped = False
    for block in data["blocks"]:
        steps = [s for s in block.get("steps", []) if not str(s).startswith("diffusion")]
        stripped |= len(steps) != len(block.get("steps", []))
        block["steps"] = steps
    if not stripped:
        return used, used
    data["name"] = f"{features}.before-diffusion"
    rows = load_fused(ws, FusionSpec.from_dict(data))
    pos = {w: i for i, w in enumerate(rows.ids.tolist())}
    keep = [i for i, w in enumerate(used.ids.tolist()) if w in pos]
    if len(keep) != len(used):
        raise ArtExploreError(f"{len(used) - len(keep)} works of {features!r} have no rows "
                              "before its diffusion step")
    order = [pos[w] for w in used.ids.tolist()]
    if order != list(range(len(rows.ids))):  # a copy only where the orders differ
        rows.X = np.asarray(rows.X)[order]
    rows.ids, rows.work_paths = used.ids, used.work_paths
    return rows, used


def _protected(ws: Workspace) -> set[str]:
    """Names a learned set may not take: extractor sets and fused sets."""
    from .fusion import fusion_names
    from .sets import stored_names

    learned = {r.name for r in run_store.list_runs(ws, RUN_KIND)}
    return (set(stored_names(ws)) - learned) | set(fusion_names(ws))


def learned_status(ws: Workspace, name: str) -> run_store.RunStatus | None:
    """Whether a learned set still follows its source (None when ``name`` is not learned)."""
    run = run_store.latest(ws, RUN_KIND, name)
    return None if run is None else run_store.status(ws, run)

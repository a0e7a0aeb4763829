"""A FAISS nearest-neighbour index per feature set, stored in the workspace.

Similarity is the cosine of directions from the collection's mean: rows are
centred on the mean row of the feature set (stored with the index, and taken
off every query too) and L2-normalised once, then searched by inner product.
Centring is what FiftyOne's similarity index does; it ranks more same-style
works among a work's neighbours (``python -m bench.features_quality --centring``).
Small collections use an exact index (``IndexFlatIP``); above
``IndexConfig.exact_max`` works an approximate one is built instead — IVF with
uncompressed lists (``IndexIVFFlat``: the candidates of the probed lists are
ranked by their exact inner product) or HNSW. The recall@10 of an approximate
index against exact search is measured when it is built, on a sample of the
collection's own works used as queries, and the search breadth (``nprobe`` or
``efSearch``) is tuned on a separate sample to reach ``recall_target``; both
figures are stored with the index.

Layout: ``<workspace>/indexes/<feature set>/<feature fingerprint>/v-<stamp>/`` holds

- ``index.faiss`` — the FAISS index; row *i* is the work ``ids[i]``,
- ``ids.npy`` — the work ids of the rows,
- ``centre.npy`` — the mean row the vectors were centred on (absent: not centred),
- ``meta.json`` — method, parameters, measured recall, counts, time.

A version folder is written under a temporary name and renamed, so a reader
never sees half an index; an index is memory-mapped on load where FAISS
supports it. When works are added, :func:`build_index` appends their vectors to
the stored index (a new version); works that left the collection (removed or
missing files) are filtered out of the results at query time, and the index is
rebuilt once they exceed ``IndexConfig.max_stale``. A changed feature set has a
new fingerprint, hence a new folder: the index is rebuilt from scratch.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import shutil
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..config import fingerprint
from ..errors import ArtExploreError, ConfigError, unknown_name
from ..linalg import column_mean, normalise
from ..progress import ProgressCallback, null_progress
from ..store.arrays import _dirname
from ..store.catalog import now
from ..store.workspace import Workspace

log = logging.getLogger(__name__)

FEATURES_KIND = "features"
INDEX_DIR = "indexes"
METHODS = ("auto", "flat", "ivf", "hnsw")
TUNING_MARGIN = 0.015


@dataclass(frozen=True)
class IndexConfig:
    """How the neighbour index of a feature set is built.

    Parameters
    ----------
    method : {"auto", "flat", "ivf", "hnsw"}
        ``flat`` is exact; ``ivf`` and ``hnsw`` are approximate; ``auto`` is
        ``flat`` up to ``exact_max`` works and ``approximate`` above.
    exact_max : int
        The switch-over size of ``auto``.
    approximate : {"ivf", "hnsw"}
        The approximate method ``auto`` switches to.
    recall_target : float
        The recall@10 against exact search that the search breadth is tuned to reach.
    n_recall_queries : int
        Works drawn as queries to tune the breadth, and as many others to measure recall.
    nlist : int, optional
        IVF lists; ``2 * sqrt(n)`` by default.
    train_per_list : int
        IVF training vectors per list (k-means on a sample).
    kmeans_iter : int
        IVF k-means iterations.
    hnsw_m : int
        HNSW graph degree.
    ef_construction : int
        HNSW build breadth.
    max_stale : float
        Rebuild when more than this share of the indexed rows left the collection.
    regrow : float
        Rebuild an IVF index once the collection grew by this factor since its
        lists were trained (the centroids no longer fit the data), and any
        centred index once it grew by this factor since its mean was taken.
    centre : bool
        Centre the rows (and queries) on the collection's mean row before the
        cosine; False searches the cosine of the rows as stored.
    random_state : int
        Seed of the samples and of k-means.
    """

    method: str = "auto"
    exact_max: int = 20_000
    approximate: str = "ivf"
    recall_target: float = 0.95
    n_recall_queries: int = 200
    nlist: int | None = None
    train_per_list: int = 40
    kmeans_iter: int = 10
    hnsw_m: int = 32
    ef_construction: int = 40
    max_stale: float = 0.25
    regrow: float = 2.0
    centre: bool = True
    random_state: int = 0

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise unknown_name("index method", self.method, METHODS)
        if self.approximate not in ("ivf", "hnsw"):
            raise unknown_name("approximate index method", self.approximate, ("ivf", "hnsw"))
        if self.exact_max < 1:
            raise ConfigError(f"exact_max must be >= 1, got {self.exact_max}")
        if not 0.0 < self.recall_target <= 1.0:
            raise ConfigError(f"recall_target must be in (0, 1], got {self.recall_target}")
        if self.n_recall_queries < 1:
            raise ConfigError(f"n_recall_queries must be >= 1, got {self.n_recall_queries}")
        if self.nlist is not None and self.nlist < 1:
            raise ConfigError(f"nlist must be >= 1, got {self.nlist}")
        if self.hnsw_m < 2:
            raise ConfigError(f"hnsw_m must be >= 2, got {self.hnsw_m}")
        if not 0.0 <= self.max_stale < 1.0:
            raise ConfigError(f"max_stale must be in [0, 1), got {self.max_stale}")

    def resolve(self, n: int) -> str:
        """The method used for ``n`` works (``flat``, ``ivf`` or ``hnsw``)."""
        if self.method != "auto":
            return self.method
        return "flat" if n <= self.exact_max else self.approximate

    def fingerprint(self) -> str:
        """Hash of the parameters."""
        return fingerprint(self)


def _faiss():
    try:
        import faiss
    except ImportError as exc:  # pragma: no cover - faiss-cpu is a pinned dependency
        raise ArtExploreError(
            "The neighbour index needs FAISS: pip install faiss-cpu (see requirements.txt)"
        ) from exc
    return faiss


# -- index types: a registry of classes ------------------------------------------------------
class IndexType:
    """One kind of FAISS index: how it is built, searched more or less widely, and mapped.

    Subclasses register under :attr:`name` with :func:`register_index_type`;
    :func:`index_type` finds one by name (``flat``, ``ivf``, ``hnsw``).
    """

    name: str = ""
    exact: bool = False

    def build(self, X: np.ndarray, config: IndexConfig,
              progress: ProgressCallback) -> tuple[Any, dict[str, Any]]:
        """A FAISS index holding the rows of ``X`` (L2-normalised), and what to record."""
        raise NotImplementedError

    def breadth_values(self, index: Any) -> list[int]:
        """The search breadths to try when tuning recall (``[0]``: nothing to tune)."""
        return [0]

    def search_params(self, breadth: int) -> Any:
        """FAISS search parameters for a breadth (None: the index has none)."""
        return None

    def mmap_flag(self) -> int:
        """How FAISS memory-maps a stored index of this type."""
        return _faiss().IO_FLAG_MMAP_IFC  # flat and HNSW map their vectors in place


INDEX_TYPES: dict[str, IndexType] = {}


def register_index_type(cls: type[IndexType]) -> type[IndexType]:
    """Register an index type (a class decorator)."""
    INDEX_TYPES[cls.name] = cls()
    return cls


def index_type(name: str) -> IndexType:
    """The registered index type of this name.

    Raises
    ------
    UnknownNameError
        Listing the registered types.
    """
    try:
        return INDEX_TYPES[name]
    except KeyError:
        raise unknown_name("index type", name, INDEX_TYPES) from None


@register_index_type
class FlatIndex(IndexType):
    """Exact search: every vector compared (``IndexFlatIP``)."""

    name, exact = "flat", True

    def build(self, X: np.ndarray, config: IndexConfig,
              progress: ProgressCallback) -> tuple[Any, dict[str, Any]]:
        index = _faiss().IndexFlatIP(X.shape[1])
        _add(index, X, progress)
        return index, {}


@register_index_type
class IVFIndex(IndexType):
    """Inverted lists of uncompressed vectors (``IndexIVFFlat``); breadth = ``nprobe``."""

    name = "ivf"

    def build(self, X: np.ndarray, config: IndexConfig,
              progress: ProgressCallback) -> tuple[Any, dict[str, Any]]:
        faiss = _faiss()
        n, d = X.shape
        nlist = config.nlist or max(1, int(round(2 * np.sqrt(n))))
        nlist = int(min(nlist, max(1, n // 4)))
        quantizer = faiss.IndexFlatIP(d)
        index = faiss.IndexIVFFlat(quantizer, d, nlist, faiss.METRIC_INNER_PRODUCT)
        index.cp.seed = int(config.random_state)
        index.cp.niter = int(config.kmeans_iter)
        index.cp.max_points_per_centroid = int(config.train_per_list)
        index.cp.min_points_per_centroid = 1  # small lists are expected with few works
        rng = np.random.default_rng(config.random_state)
        n_train = min(n, nlist * config.train_per_list)
        sample = X[np.sort(rng.choice(n, n_train, replace=False))] if n_train < n else X
        progress(0, n, f"training {nlist} IVF lists on {n_train} vectors")
        index.train(np.ascontiguousarray(sample))
        _add(index, X, progress)
        return index, {"nlist": nlist, "n_trained_on": int(n)}

    def breadth_values(self, index: Any) -> list[int]:
        nlist = int(index.nlist)
        values = [v for v in (1, 2, 4, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384,
                              512, 768, 1024) if v < nlist]
        return [*values, nlist]

    def search_params(self, breadth: int) -> Any:
        return _faiss().SearchParametersIVF(nprobe=int(breadth))

    def mmap_flag(self) -> int:
        return _faiss().IO_FLAG_MMAP  # IVF maps its inverted lists


@register_index_type
class HNSWIndex(IndexType):
    """A navigable small-world graph (``IndexHNSWFlat``); breadth = ``efSearch``."""

    name = "hnsw"

    def build(self, X: np.ndarray, config: IndexConfig,
              progress: ProgressCallback) -> tuple[Any, dict[str, Any]]:
        faiss = _faiss()
        index = faiss.IndexHNSWFlat(X.shape[1], int(config.hnsw_m), faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = int(config.ef_construction)
        _add(index, X, progress)
        return index, {"hnsw_m": config.hnsw_m, "ef_construction": config.ef_construction}

    def breadth_values(self, index: Any) -> list[int]:
        return [16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 1024]

    def search_params(self, breadth: int) -> Any:
        return _faiss().SearchParametersHNSW(efSearch=int(breadth))


def _add(index, X: np.ndarray, progress: ProgressCallback, *, offset: int = 0,
         total: int | None = None, batch: int = 20_000) -> None:
    total = total if total is not None else len(X)
    for start in range(0, len(X), batch):
        index.add(np.ascontiguousarray(X[start:start + batch]))
        progress(offset + min(start + batch, len(X)), total, "adding vectors")


def recall_at_k(approx_sims: np.ndarray, approx_rows: np.ndarray, exact_sims: np.ndarray,
                exact_rows: np.ndarray, k: int = 10, *, tol: float = 1e-5) -> float:
    """Mean share of the exact top ``k`` that an approximate search found.

    A row counts as found when it is in the exact top ``k`` or ties with the
    exact ``k``-th similarity (duplicated works make the exact order ambiguous).

    Parameters
    ----------
    approx_sims, approx_rows : ndarray of shape (n_queries, k)
        Approximate results (rows -1 where nothing was found).
    exact_sims, exact_rows : ndarray of shape (n_queries, k)
        Exact results.
    k : int
    tol : float
        Similarity tolerance of a tie.

    Returns
    -------
    float
        In [0, 1].
    """
    hits = 0
    for a_s, a_r, e_s, e_r in zip(approx_sims, approx_rows, exact_sims, exact_rows, strict=True):
        exact = set(e_r[:k].tolist())
        kth = e_s[min(k, len(e_s)) - 1]
        hits += sum(1 for s, r in zip(a_s[:k], a_r[:k], strict=True)
                    if r >= 0 and (r in exact or s >= kth - tol))
    return float(hits) / (k * len(exact_rows)) if len(exact_rows) else 1.0


def _drop_self(sims: np.ndarray, rows: np.ndarray, queries: np.ndarray, k: int):
    """Remove each query's own row from its results and keep ``k`` columns."""
    out_s = np.full((len(rows), k), -np.inf, dtype=np.float32)
    out_r = np.full((len(rows), k), -1, dtype=np.int64)
    for i, q in enumerate(queries):
        keep = rows[i] != q
        s, r = sims[i][keep][:k], rows[i][keep][:k]
        out_s[i, :len(s)], out_r[i, :len(r)] = s, r
    return out_s, out_r


def measure_recall(index, X: np.ndarray, *, method: str, config: IndexConfig,
                   k: int = 10) -> dict[str, Any]:
    """Tune the search breadth and measure recall@k of an index against exact search.

    Two disjoint samples of the indexed rows serve as queries: on the first the
    smallest breadth (``nprobe`` of IVF, ``efSearch`` of HNSW) that reaches
    ``config.recall_target`` plus a margin of :data:`TUNING_MARGIN` is chosen;
    the second measures the recall reported.
    A query's own row is left out of both result lists.

    Parameters
    ----------
    index : faiss.Index
        Holding the rows of ``X`` in order.
    X : ndarray of shape (n_works, n_features)
        The L2-normalised vectors.
    method : str
    config : IndexConfig
    k : int

    Returns
    -------
    dict
        ``recall_at_10``, ``breadth`` (None for exact), ``n_queries`` and ``tuning``
        (recall per breadth tried).
    """
    faiss = _faiss()
    n = len(X)
    if method == "flat" or n <= 1:
        return {"recall_at_10": 1.0, "breadth": None, "n_queries": 0, "tuning": {}}
    rng = np.random.default_rng(config.random_state + 1)
    m = min(config.n_recall_queries, max(1, n // 2))
    picked = rng.choice(n, min(n, 2 * m), replace=False)
    tune_q, test_q = picked[:m], picked[m:] if len(picked) > m else picked[:m]
    kk = min(k, n - 1)

    def exact(queries):
        s, r = faiss.knn(np.ascontiguousarray(X[queries]), X, kk + 1,
                         metric=faiss.METRIC_INNER_PRODUCT)
        return _drop_self(s, r, queries, kk)

    def approx(queries, breadth):
        s, r = index.search(np.ascontiguousarray(X[queries]), kk + 1,
                            params=index_type(method).search_params(breadth))
        return _drop_self(s, r, queries, kk)

    tune_exact, test_exact = exact(tune_q), exact(test_q)
    # A small margin above the target, so that the recall measured on the other sample
    # does not fall just below it by sampling noise.
    goal = min(1.0, config.recall_target + TUNING_MARGIN)
    tuning: dict[int, float] = {}
    breadth = None
    for value in index_type(method).breadth_values(index):
        tuning[value] = recall_at_k(*approx(tune_q, value), *tune_exact, k=kk)
        breadth = value
        if tuning[value] >= goal:
            break
    if tuning[breadth] < config.recall_target:
        log.warning("index: recall@10 %.3f below the target %.2f at the widest breadth %d",
                    tuning[breadth], config.recall_target, breadth)
    recall = recall_at_k(*approx(test_q, breadth), *test_exact, k=kk)
    return {"recall_at_10": round(recall, 4), "breadth": int(breadth),
            "n_queries": int(len(test_q)),
            "tuning": {str(b): round(r, 4) for b, r in tuning.items()}}


# -- the stored index ------------------------------------------------------------------------
@dataclass
class NeighbourIndex:
    """A loaded index of one feature set.

    Attributes
    ----------
    index : faiss.Index
        Row *i* holds the features of work ``ids[i]`` in the search space
        (:meth:`to_space`: centred on :attr:`centre`, L2-normalised).
    ids : ndarray of shape (n_rows,)
        Work ids of the rows.
    meta : dict
        ``feature_set``, ``feature_fingerprint``, ``method``, ``breadth``,
        ``recall_at_10``, ``n_rows``, ``dim``, ``config``, ``built_at``…
    folder : pathlib.Path or None
        The version folder it was loaded from.
    mmapped : bool
        Memory-mapped from disk (read-only: :func:`build_index` reloads it to add rows).
    centre : ndarray of shape (n_features,) or None
        The mean row taken off every vector and query (None: not centred).
    """

    index: Any
    ids: np.ndarray
    meta: dict[str, Any]
    folder: Path | None = None
    mmapped: bool = False
    centre: np.ndarray | None = None

    def __post_init__(self) -> None:
        self._row_of: dict[str, int] | None = None
        self._params = index_type(self.method).search_params(self.meta.get("breadth") or 0)

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def method(self) -> str:
        """``flat``, ``ivf`` or ``hnsw``."""
        return str(self.meta["method"])

    @property
    def exact(self) -> bool:
        """Whether searches are exact."""
        return self.method == "flat"

    @property
    def recall_at_10(self) -> float:
        """Recall@10 against exact search, measured at build time."""
        return float(self.meta.get("recall_at_10", 1.0))

    @property
    def feature_fingerprint(self) -> str:
        """Fingerprint of the feature set the index was built from."""
        return str(self.meta["feature_fingerprint"])

    def to_space(self, X: np.ndarray) -> np.ndarray:
        """Raw feature rows as the index holds them: centred on :attr:`centre`, L2-normalised."""
        return normalise(X, centre=self.centre)

    def row_of(self, work_id: str) -> int | None:
        """Row of a work in the index, or None."""
        if self._row_of is None:
            self._row_of = {w: i for i, w in enumerate(self.ids.tolist())}
        return self._row_of.get(work_id)

    def search(self, Q: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """The ``k`` most similar rows of each query.

        Never changes the index (safe to share between threads and sessions).

        Parameters
        ----------
        Q : ndarray of shape (n_queries, n_features)
            Queries in the search space (:meth:`to_space`).
        k : int

        Returns
        -------
        sims : ndarray of shape (n_queries, k), float32
            Cosine similarities in the search space, best first (``-inf`` past the end).
        rows : ndarray of shape (n_queries, k), int64
            Rows (``-1`` past the end).
        """
        k = int(min(max(k, 1), max(len(self.ids), 1)))
        Q = np.ascontiguousarray(np.atleast_2d(Q), dtype=np.float32)
        if Q.shape[1] != self.index.d:
            raise ArtExploreError(
                f"query has {Q.shape[1]} features but the index of "
                f"{self.meta.get('feature_set')!r} has {self.index.d}")
        if not len(self.ids):
            return (np.full((len(Q), 0), -np.inf, np.float32), np.zeros((len(Q), 0), np.int64))
        sims, rows = self.index.search(Q, k, params=self._params)
        sims = np.where(rows >= 0, sims, -np.inf).astype(np.float32)
        return sims, rows

    def describe(self) -> str:
        """One line for people: method, size, recall."""
        kind = {"flat": "exact (Flat)", "ivf": "approximate (IVF-Flat)",
                "hnsw": "approximate (HNSW)"}[self.method]
        text = f"{kind} index · {len(self.ids)} works"
        if not self.exact:
            name = "nprobe" if self.method == "ivf" else "efSearch"
            text += f" · recall@10 {self.recall_at_10:.3f} ({name} {self.meta.get('breadth')})"
        return text


def feature_fingerprint(ws: Workspace, name: str) -> str:
    """The fingerprint of a feature set, stored or fused (what an index is keyed by).

    Raises
    ------
    ArtExploreError
        If there is no such set (the message lists the available ones).
    """
    from ..features.sets import version

    return version(ws, name).fingerprint


def index_root(ws: Workspace, name: str) -> Path:
    """The folder holding every index version of a feature set."""
    return ws.root / INDEX_DIR / _dirname(name)


def _versions(folder: Path) -> list[Path]:
    if not folder.exists():
        return []
    return sorted(p for p in folder.iterdir()
                  if p.is_dir() and p.name.startswith("v-") and (p / "meta.json").exists())


def _read(folder: Path, *, mmap: bool) -> NeighbourIndex:
    faiss = _faiss()
    meta = json.loads((folder / "meta.json").read_text())
    ids = np.load(folder / "ids.npy", allow_pickle=False)
    path = str(folder / "index.faiss")
    mapped = False
    if mmap:
        try:
            index = faiss.read_index(path, index_type(meta["method"]).mmap_flag())
            mapped = True
        except RuntimeError as exc:  # a type FAISS cannot map: read it into memory
            log.info("index: %s cannot be memory-mapped (%s); reading it", path, exc)
            index = faiss.read_index(path)
    else:
        index = faiss.read_index(path)
    if index.ntotal != len(ids):
        raise ArtExploreError(f"index {folder} is inconsistent: {index.ntotal} rows, "
                              f"{len(ids)} ids; rebuild it with `artexplore index --rebuild`")
    centre = None
    if (folder / "centre.npy").exists():
        centre = np.load(folder / "centre.npy", allow_pickle=False).astype(np.float32)
        if centre.shape != (index.d,):
            raise ArtExploreError(f"index {folder} is inconsistent: its centre has shape "
                                  f"{centre.shape} for {index.d} features; rebuild it with "
                                  "`artexplore index --rebuild`")
    return NeighbourIndex(index=index, ids=ids, meta=meta, folder=folder, mmapped=mapped,
                          centre=centre)


def open_index(ws: Workspace, name: str, *, mmap: bool = True) -> NeighbourIndex | None:
    """Load the newest stored index of a feature set's current version, or None.

    Parameters
    ----------
    ws : Workspace
    name : str
        A stored feature set.
    mmap : bool, default=True
        Memory-map the index file where FAISS supports it.

    Returns
    -------
    NeighbourIndex or None
        None when no index was built for the current features (a changed
        feature set has a new fingerprint and needs a new index).
    """
    fp = feature_fingerprint(ws, name)
    versions = _versions(index_root(ws, name) / _dirname(fp))
    for folder in reversed(versions):
        try:
            return _read(folder, mmap=mmap)
        except (FileNotFoundError, json.JSONDecodeError, RuntimeError) as exc:
            # Removed by a concurrent update (or damaged): an older or no version then.
            log.warning("index: cannot read %s (%s)", folder, exc)
            continue
    return None


def _save(ws: Workspace, name: str, fp: str, index, ids: np.ndarray,
          meta: dict[str, Any], centre: np.ndarray | None) -> Path:
    faiss = _faiss()
    parent = index_root(ws, name) / _dirname(fp)
    parent.mkdir(parents=True, exist_ok=True)
    stamp = f"{time.time_ns():020d}-{uuid.uuid4().hex[:8]}"
    tmp = parent / f"tmp-{stamp}"
    tmp.mkdir()
    faiss.write_index(index, str(tmp / "index.faiss"))
    np.save(tmp / "ids.npy", np.asarray(ids, dtype=str))
    if centre is not None:
        np.save(tmp / "centre.npy", np.asarray(centre, dtype=np.float32))
    (tmp / "meta.json").write_text(json.dumps(meta, indent=1, sort_keys=True))
    final = parent / f"v-{stamp}"
    os.replace(tmp, final)
    # Older versions of this feature version, and indexes of older feature versions, are
    # superseded (a reader that mapped one keeps its pages: unlinking does not unmap).
    for old in _versions(parent):
        if old.name < final.name:  # never a newer one written by a concurrent update
            shutil.rmtree(old, ignore_errors=True)
    for other in index_root(ws, name).iterdir():
        if other != parent and other.is_dir():
            shutil.rmtree(other, ignore_errors=True)
    from .. import runs

    runs.register(ws, "index", name, params={"config": meta.get("config", {})},
                  inputs={f"features:{name}": fp},
                  result={**{k: v for k, v in meta.items() if k != "config"},
                          "version": final.name})
    return final


def build_index(ws: Workspace, name: str, *, config: IndexConfig | None = None,
                rebuild: bool = False, progress: ProgressCallback = null_progress
                ) -> dict[str, Any]:
    """Build or update the neighbour index of a feature set.

    Incremental: with a stored index of the same features and configuration,
    only works that are not in it yet are added (their vectors appended); the
    index is rebuilt when the method must change with the size (``auto`` past
    ``exact_max``), when an IVF index outgrew its trained lists, when too many
    indexed works left the collection, or when asked.

    Parameters
    ----------
    ws : Workspace
    name : str
        A stored feature set.
    config : IndexConfig, optional
        The stored index's configuration when updating, the defaults otherwise.
    rebuild : bool, default=False
        Build from scratch.
    progress : callable

    Returns
    -------
    dict
        ``feature_set``, ``method``, ``works``, ``added``, ``stale``, ``rebuilt``,
        ``recall_at_10``, ``breadth``, ``seconds``.
    """
    from ..features import load_features
    from ..features.sets import version

    t0 = time.perf_counter()
    fm = load_features(ws, name)  # first: fitting a fused set anew changes its version
    features_version = version(ws, name)
    fp = features_version.fingerprint
    ids = np.asarray(fm.ids).astype(str)
    current = open_index(ws, name, mmap=False)
    if current is not None and config is None:
        config = IndexConfig(**current.meta["config"])
    config = config or IndexConfig()
    n = len(ids)
    if n == 0:
        raise ArtExploreError(f"Feature set {name!r} has no rows for the works of the collection")

    reason = None
    if rebuild:
        reason = "asked"
    elif current is None:
        reason = "no index yet"
    elif "centred" not in current.meta:
        reason = "built before centring on the collection's mean"
    elif current.meta.get("config_fingerprint") != config.fingerprint():
        reason = "other configuration"
    elif current.index.d != fm.X.shape[1]:
        reason = "other dimension"
    else:
        in_set = set(ids.tolist())
        stale = sum(1 for w in current.ids.tolist() if w not in in_set)
        if config.resolve(n) != current.method:
            reason = f"{n} works call for {config.resolve(n)}"
        elif stale > config.max_stale * len(current.ids):
            reason = f"{stale} indexed works left the collection"
        elif current.method == "ivf" and n > config.regrow * current.meta.get("n_trained_on", n):
            reason = "the collection outgrew the IVF lists"
        elif current.centre is not None and n > config.regrow * current.meta.get(
                "n_centred_on", n):
            reason = "the collection outgrew the mean its vectors are centred on"

    if reason is None:
        return _update(ws, name, fp, fm, current, config, t0, progress,
                       stamp=features_version.stamp)

    log.info("index %s: building (%s)", name, reason)
    method = config.resolve(n)
    centre = column_mean(fm.X) if config.centre else None
    X = normalise(fm.X, centre=centre)
    progress(0, n, f"building a {method} index of {n} works")
    index, extra = index_type(method).build(X, config, progress)
    recall = measure_recall(index, X, method=method, config=config)
    meta = {"feature_set": name, "feature_fingerprint": fp, "method": method,
            "config": dataclasses.asdict(config), "config_fingerprint": config.fingerprint(),
            "n_rows": n, "dim": int(X.shape[1]), "built_at": now(), "updated_at": now(),
            "features_stamp": features_version.stamp, "centred": centre is not None,
            "n_centred_on": n if centre is not None else 0, **extra, **recall}
    _save(ws, name, fp, index, ids, meta, centre)
    summary = {"feature_set": name, "method": method, "works": n, "added": n, "stale": 0,
               "rebuilt": reason, "recall_at_10": meta["recall_at_10"], "breadth": meta["breadth"],
               "seconds": round(time.perf_counter() - t0, 2)}
    progress(n, n, f"{method} index of {n} works, recall@10 {meta['recall_at_10']:.3f}")
    return summary


def _update(ws: Workspace, name: str, fp: str, fm, current: NeighbourIndex,
            config: IndexConfig, t0: float, progress: ProgressCallback, *,
            stamp: str) -> dict[str, Any]:
    ids = np.asarray(fm.ids).astype(str)
    indexed = set(current.ids.tolist())
    new_rows = np.flatnonzero([w not in indexed for w in ids.tolist()])
    in_set = set(ids.tolist())
    stale = sum(1 for w in current.ids.tolist() if w not in in_set)
    meta = dict(current.meta)
    if len(new_rows):
        Xn = current.to_space(fm.X[new_rows])  # on the stored mean, as the rows already in
        _add(current.index, Xn, progress, total=len(Xn))
        all_ids = np.concatenate([current.ids.astype(str), ids[new_rows]])
        if not current.exact:
            # Recall is re-measured on what the index now holds, in index row order.
            X_all = _index_vectors(fm, all_ids, current.centre)
            meta.update(measure_recall(current.index, X_all, method=current.method,
                                       config=config))
        meta.update(n_rows=len(all_ids), updated_at=now(), features_stamp=stamp)
        _save(ws, name, fp, current.index, all_ids, meta, current.centre)
    elif meta.get("features_stamp") != stamp:  # nothing to add (works left): note the stamp
        meta.update(features_stamp=stamp)
        (current.folder / "meta.json").write_text(json.dumps(meta, indent=1, sort_keys=True))
    progress(1, 1, f"index of {name}: {len(new_rows)} works added")
    return {"feature_set": name, "method": current.method, "works": len(ids),
            "added": int(len(new_rows)), "stale": int(stale), "rebuilt": "",
            "recall_at_10": meta.get("recall_at_10", 1.0), "breadth": meta.get("breadth"),
            "seconds": round(time.perf_counter() - t0, 2)}


def _index_vectors(fm, ids: np.ndarray, centre: np.ndarray | None) -> np.ndarray:
    """Indexed ids' features in the search space (zeros for works without features any more)."""
    position = {w: i for i, w in enumerate(np.asarray(fm.ids).astype(str).tolist())}
    X = np.zeros((len(ids), fm.X.shape[1]), dtype=np.float32)
    rows = [(i, position[w]) for i, w in enumerate(ids.tolist()) if w in position]
    if rows:
        dst, src = map(list, zip(*rows, strict=True))
        X[dst] = normalise(fm.X[src], centre=centre)
    return X


def index_version(ws: Workspace, name: str) -> str:
    """A token that changes whenever the stored index of a feature set changes ('' if none).

    Cheap (one directory listing): the app keys its cached index with it.
    """
    versions = _versions(index_root(ws, name) / _dirname(feature_fingerprint(ws, name)))
    return versions[-1].name if versions else ""


def index_state(ws: Workspace, name: str) -> tuple[str, str]:
    """Where the index of a feature set stands: (status, sentence).

    ``missing`` (never built), ``stale`` (built from features that changed since:
    it is rebuilt), ``partial`` (works got features since: they are searched
    exactly until the index is updated) or ``current``.
    """
    from ..features.sets import version

    v = version(ws, name)
    versions = _versions(index_root(ws, name) / _dirname(v.fingerprint))
    if not versions:
        others = [p for p in index_root(ws, name).glob("*/v-*") if (p / "meta.json").exists()]
        if others:
            return "stale", f"The features of {name!r} changed since its index was built"
        return "missing", f"No neighbour index of {name!r} yet"
    meta = json.loads((versions[-1] / "meta.json").read_text())
    if "centred" not in meta:
        return "stale", (f"The index of {name!r} predates centring on the collection's mean "
                         "(it is rebuilt)")
    if meta.get("features_stamp") != v.stamp:
        return "partial", (f"Works of {name!r} changed since its index was updated (they are "
                           "searched exactly meanwhile)")
    return "current", f"The {meta.get('method')} index of {name!r} is up to date"


def index_info(ws: Workspace, name: str) -> dict[str, Any] | None:
    """The stored index's metadata for a feature set's current version, or None."""
    versions = _versions(index_root(ws, name) / _dirname(feature_fingerprint(ws, name)))
    if not versions:
        return None
    return json.loads((versions[-1] / "meta.json").read_text())


def make_clustered_vectors(n_samples: int, n_features: int, *, n_clusters: int | None = None,
                           intrinsic_dim: int = 16, spread: float = 0.5, noise: float = 0.3,
                           random_state: int = 0, return_labels: bool = False
                           ) -> np.ndarray | tuple[np.ndarray, np.ndarray]:
    """Synthetic embeddings with the structure of real ones, for tests and benchmarks.

    Each cluster is a unit centre plus a random ``intrinsic_dim``-dimensional
    subspace in which its points vary (norm about ``spread``), plus isotropic
    noise (norm about ``noise``); rows are L2-normalised. Like image embeddings,
    neighbours are well defined (the nearest ones differ in few directions)
    while the ambient dimension is high. Memory: one float32 matrix, filled in chunks.

    Parameters
    ----------
    n_samples, n_features : int
    n_clusters : int, optional
        ``max(8, n_samples // 1000)`` by default.
    intrinsic_dim : int
    spread, noise : float
    random_state : int
    return_labels : bool, default=False
        Also return the cluster of each row.

    Returns
    -------
    X : ndarray of shape (n_samples, n_features), float32
    labels : ndarray of shape (n_samples,), int64
        Only with ``return_labels``.
    """
    rng = np.random.default_rng(random_state)
    n_clusters = n_clusters or max(8, n_samples // 1000)
    centres = normalise(rng.standard_normal((n_clusters, n_features), dtype=np.float32))
    labels = rng.integers(0, n_clusters, n_samples)
    X = centres[labels]
    chunk = 100_000
    for start in range(0, n_samples, chunk):
        part = X[start:start + chunk]
        part += rng.standard_normal(part.shape, dtype=np.float32) * np.float32(
            noise / np.sqrt(n_features))
    r = int(min(intrinsic_dim, n_features))
    order = np.argsort(labels, kind="stable")
    bounds = np.searchsorted(labels[order], np.arange(n_clusters + 1))
    for c in range(n_clusters):
        rows = order[bounds[c]:bounds[c + 1]]
        if not len(rows):
            continue
        basis = np.linalg.qr(rng.standard_normal((n_features, r)))[0].astype(np.float32)
        z = rng.standard_normal((len(rows), r), dtype=np.float32)
        X[rows] += (z @ basis.T) * np.float32(spread / np.sqrt(r))
    for start in range(0, n_samples, chunk):
        X[start:start + chunk] = normalise(X[start:start + chunk])
    return (X, labels.astype(np.int64)) if return_labels else X

"""Computing, storing and loading feature sets.

A *feature set* is a matrix with one row per work. There are two kinds:

- a **stored** set is what an extractor computed (named after the extractor,
  e.g. ``color`` or ``timm:vit_small_patch16_224``), kept in the workspace's
  array store under the kind ``features`` and keyed by the extractor's
  fingerprint, so that changing a parameter recomputes and an unchanged one
  never does;
- a **fused** set (``default`` and any set defined with
  :func:`~artexplore.features.fusion.save_fusion`) combines blocks of stored
  sets, normalised on the collection (see :mod:`artexplore.features.fusion`).
  Its fitted normalisation is stored under the kind ``fused``; works added to the
  collection later are placed on that fit, as outside images are, without moving
  the fitted rows, until they pass :data:`GROWTH_LIMIT` of the fitted works (then,
  or when works leave, or when asked with ``refit``, the set is fitted anew).

Both are used the same way: :func:`load_features`, :func:`transform_images`,
``artexplore export --features NAME``.
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .. import runs
from ..config import fingerprint as hash_config
from ..errors import ArtExploreError
from ..progress import ProgressCallback, null_progress
from ..store.workspace import Workspace
from .base import Extractor, create_extractor
from .distributed import merge_leftovers
from .fusion import (
    FittedFusion,
    FusionSpec,
    fit_fusion,
    get_fusion,
    parse_post,
    restore_fusion,
    source_key,
    stored_block_slices,
)
from .loader import Item, iter_prepared, thread_plan
from .sets import DEFAULT, KIND, missing_error

log = logging.getLogger(__name__)

FUSED_KIND = "fused"


@dataclass
class FeatureMatrix:
    """Features of a set of works.

    Attributes
    ----------
    name : str
        The feature set's name.
    ids : ndarray of shape (n_works,)
        Work ids, rows ordered by work path.
    X : ndarray of shape (n_works, n_features), float32
    work_paths : list of str
        Work paths, aligned with ``ids``.
    params : dict
        How the features were made (for a fused set: ``fusion``, ``weights``, ``sources``).
    blocks : dict of str to slice
        Column ranges of the fused blocks (``global``, ``gram``, ``local``, ``color``…).
        In a fused set each block is L2-normalised and multiplied by its weight,
        so ``X[:, s] / weights[b]`` is the unit-norm block and the cosine of two
        rows is ``Σ_b w_b² cos_b / Σ_b w_b²``.
    weights : dict of str to float
        The weight of each block (1 for a stored set).
    """

    name: str
    ids: np.ndarray
    X: np.ndarray
    work_paths: list[str]
    params: dict[str, Any] = field(default_factory=dict)
    blocks: dict[str, slice] = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.ids)

    def row(self, work_id: str) -> int:
        """Row index of a work.

        Raises
        ------
        ArtExploreError
            If the work has no row in this feature set.
        """
        hits = np.flatnonzero(self.ids == work_id)
        if not len(hits):
            raise ArtExploreError(f"Work {work_id} has no features in {self.name!r}")
        return int(hits[0])

    def block_similarity(self, i: int, j: int) -> dict[str, float]:
        """Cosine similarity of two rows within each block.

        Parameters
        ----------
        i, j : int
            Row indices.

        Returns
        -------
        dict of str to float
        """
        out = {}
        for name, s in self.blocks.items():
            a, b = self.X[i, s], self.X[j, s]
            den = float(np.linalg.norm(a) * np.linalg.norm(b))
            out[name] = float(a @ b) / den if den > 0 else 0.0
        return out


# -- stored sets ----------------------------------------------------------------------------------
def save_features(ws: Workspace, name: str, ids: Sequence[str], X: np.ndarray,
                  params: dict[str, Any], *, fingerprint: str) -> None:
    """Store a whole feature matrix (replacing rows of the same works).

    Parameters
    ----------
    ws : Workspace
    name : str
        Feature set name.
    ids : sequence of str
        Work ids aligned with the rows of ``X``.
    X : ndarray of shape (n_works, n_features)
    params : dict
        How the features were made (stored with them).
    fingerprint : str
        Hash of ``params`` (see :func:`artexplore.config.fingerprint`).
    """
    if ws.arrays.current(KIND, name) != fingerprint:
        ws.arrays.register(KIND, name, fingerprint, params)
    ws.arrays.append(KIND, name, fingerprint, ids, X=np.asarray(X, dtype=np.float32))


def _works_in_order(ws: Workspace, status: Sequence[str]) -> tuple[list[str], dict[str, str]]:
    """Ids of the works in path order, and the path of each (two columns, no decoding)."""
    ids, paths = ws.id_paths(status=list(status))
    return ids, dict(zip(ids, paths, strict=True))


def _load_stored(ws: Workspace, name: str, status: Sequence[str]) -> FeatureMatrix:
    stored = ws.arrays.load(KIND, name)
    order, path_of = _works_in_order(ws, status)
    ids, arrays = stored.align(order)
    X = np.ascontiguousarray(arrays["X"], dtype=np.float32) if len(ids) else \
        np.zeros((0, int(stored.params.get("dim", 0))), dtype=np.float32)
    params = stored.params
    return FeatureMatrix(name=name, ids=np.asarray(ids, dtype=object), X=X,
                         work_paths=[path_of[i] for i in ids], params=params,
                         blocks=(blocks := _blocks_of(params, X.shape[1])),
                         weights={b: 1.0 for b in blocks})


def _blocks_of(params: dict[str, Any], n_features: int) -> dict[str, slice]:
    """Column slices of a stored set's blocks: ``params["blocks"]`` (name → [start, stop])
    when the set records several, else the whole row as its one ``params["block"]``."""
    spans = params.get("blocks")
    if isinstance(spans, dict) and spans:
        return {str(b): slice(int(v[0]), int(v[1])) for b, v in spans.items()}
    return {params.get("block", "global"): slice(0, n_features)}


def load_features(ws: Workspace, name: str = DEFAULT, *,
                  status: Sequence[str] = ("ok",),
                  weights: Mapping[str, float] | None = None) -> FeatureMatrix:
    """Load a feature set (stored or fused) for the works of the collection.

    Rows are ordered by work path and restricted to works with one of the
    given statuses (missing files are left out by default); a fused set has
    rows for the works that every one of its sources covers.

    Parameters
    ----------
    ws : Workspace
    name : str, default="default"
        A stored set (extractor name) or a fused set (``default``…).
    status : sequence of str
    weights : mapping of str to float, optional
        For a fused set: block weights to use instead of the stored ones
        (nothing is saved; cheap, nothing is refitted), e.g. ``{"gram": 0.5}``.

    Raises
    ------
    ArtExploreError
        If the set does not exist or is not computed (the message says how).
    """
    if ws.arrays.current(KIND, name) is not None:
        return _load_stored(ws, name, status)
    spec = get_fusion(ws, name)
    if spec is not None:
        if weights:
            spec = spec.with_weights(weights)
        return load_fused(ws, spec, status=status)
    raise missing_error(ws, name)


# -- computing ------------------------------------------------------------------------------------
def _resolve(extractor: str | Extractor, options: dict[str, Any] | None) -> Extractor:
    if isinstance(extractor, Extractor):
        return extractor
    return create_extractor(extractor, **(options or {}))


def embed(ws: Workspace, extractor: str | Extractor | None = None, *, batch_size: int = 32,
          options: dict[str, Any] | None = None, num_workers: int | None = None,
          progress: ProgressCallback = null_progress,
          runner: Runner | None = None, refit: bool = False) -> dict[str, Any]:
    """Compute a feature set for the works that do not have it yet.

    Incremental and resumable: rows are stored a batch at a time and works
    already stored under the same extractor fingerprint are skipped. Images
    are decoded at reduced size in loader worker processes while the model runs.

    Parameters
    ----------
    ws : Workspace
    extractor : str or Extractor, optional
        A registry name, an extractor instance, or the name of a fused set
        (``default`` when None), whose sources are then all computed.
    batch_size : int, default=32
    options : dict, optional
        Options of :func:`create_extractor` (``weights``, ``device``…); for a
        fused set, the runtime ones (``device``, ``precision``) apply to every source.
    num_workers : int, optional
        Decoding processes (see :func:`artexplore.features.loader.thread_plan`).
    progress : callable
    runner : callable, optional
        Computes and stores the missing rows elsewhere (e.g.
        :class:`artexplore.features.distributed.RayRunner`); this machine when None.
    refit : bool, default=False
        For a fused set: fit it anew on every work instead of placing the works
        added since its fit on the stored one (see :data:`GROWTH_LIMIT`).

    Returns
    -------
    dict
        ``name``, ``computed``, ``already``, ``failed``, ``dim``, ``device``,
        ``seconds``, the model ``threads`` and ``loader_workers`` used (and
        ``sources``, one such dict each, for a fused set, with ``n_fitted``,
        ``n_placed_later``, ``refitted`` and ``placed``: the works of its fit, the
        works placed on it since, whether this call fitted it and how many works it placed).
    """
    name = DEFAULT if extractor is None else extractor
    spec = get_fusion(ws, name) if isinstance(name, str) else None
    if spec is not None:
        return _embed_fused(ws, spec, batch_size=batch_size, options=options,
                            num_workers=num_workers, progress=progress, runner=runner,
                            refit=refit)
    opts = dict(options or {})
    opts.setdefault("batch_size", batch_size)
    ex = _resolve(name, opts)
    return _embed_one(ws, ex, batch_size=batch_size, num_workers=num_workers, progress=progress,
                      runner=runner)


_RUNTIME_KEYS = ("device", "precision")


def _embed_fused(ws: Workspace, spec: FusionSpec, *, batch_size: int,
                 options: dict[str, Any] | None, num_workers: int | None,
                 progress: ProgressCallback, runner: Runner | None,
                 refit: bool = False) -> dict[str, Any]:
    runtime = {k: v for k, v in (options or {}).items() if k in _RUNTIME_KEYS}
    results = []
    sources = spec.sources()
    for i, (source, opts) in enumerate(sources):
        def step_progress(done: int, total: int | None = None, message: str = "",
                          _i: int = i) -> None:
            progress(done, total, f"[{_i + 1}/{len(sources)}] {message}")

        ex = create_extractor(source, **{**opts, **runtime, "batch_size": batch_size})
        results.append(_embed_one(ws, ex, batch_size=batch_size, num_workers=num_workers,
                                  progress=step_progress, runner=runner))
    fm = load_fused(ws, spec, refit=refit)
    fit = fm.params["fit"]
    return {"name": spec.name, "computed": sum(r["computed"] for r in results),
            "already": min((r["already"] for r in results), default=0),
            "failed": max((r["failed"] for r in results), default=0),
            "dim": int(fm.X.shape[1]), "works": len(fm),
            "device": results[0]["device"] if results else "cpu",
            "seconds": round(sum(r["seconds"] for r in results), 2),
            "blocks": {b: [s.start, s.stop] for b, s in fm.blocks.items()},
            "n_fitted": fit["n_fitted"], "n_placed_later": fit["n_placed_later"],
            "refitted": fit["refitted"], "placed": fit["placed"], "sources": results}


def embed_items(ex: Extractor, items: Sequence[Item]) -> tuple[list[str], np.ndarray, list[Item]]:
    """Run the model on one batch of decoded images: the per-batch step of every embed path.

    Parameters
    ----------
    ex : Extractor
    items : sequence of Item
        Decoded and prepared images (see :func:`artexplore.features.loader.iter_prepared`).

    Returns
    -------
    ids : list of str
        Keys of the images that could be read.
    X : ndarray of shape (len(ids), ex.dim), float32
    failed : list of Item
        The images that could not be read, with their reason (also logged).
    """
    good = [item for item in items if item.error is None]
    failed = [item for item in items if item.error is not None]
    for item in failed:
        log.warning("cannot read %s for features: %s", item.key, item.error)
    if not good:
        return [], np.zeros((0, ex.dim), dtype=np.float32), failed
    X = np.asarray(ex.transform_prepared([item.value for item in good]), dtype=np.float32)
    return [item.key for item in good], X, failed


# A runner computes the rows of ``files`` and stores them under (KIND, ex.name, fp);
# it returns at least ``computed`` and ``failed`` (the Ray runner adds ``nodes``…).
Runner = Callable[..., dict[str, Any]]


def _compute_here(ws: Workspace, ex: Extractor, fp: str, files: list[tuple[str, Any]], *,
                  batch_size: int, num_workers: int | None,
                  progress: ProgressCallback) -> dict[str, Any]:
    """The single-machine runner: loader worker processes decode, this process runs the model."""
    plan = thread_plan(ex.device_name, len(files), batch_size, num_workers)
    computed = failed = finished = 0
    where = f"{ex.name} on {ex.device_name} ({plan})"
    log.info("embedding %d images with %s", len(files), where)
    with plan.applied():
        for batch in iter_prepared(files, ex.preparer(), ex.decode_options(),
                                   batch_size=batch_size, num_workers=plan.workers):
            ids, X, bad = embed_items(ex, batch)
            if ids:
                ws.arrays.append(KIND, ex.name, fp, ids, X=X)
            computed += len(ids)
            failed += len(bad)
            finished += len(batch)
            progress(finished, len(files), where)
    return {"computed": computed, "failed": failed, "threads": plan.threads,
            "loader_workers": plan.workers}


def _embed_one(ws: Workspace, ex: Extractor, *, batch_size: int, num_workers: int | None,
               progress: ProgressCallback, runner: Runner | None = None) -> dict[str, Any]:
    t0 = time.perf_counter()
    ex.bind(ws)  # extractors learned on the collection (infovae) load their model here
    fp = ex.fingerprint()
    # Rows an interrupted Ray job's actors computed but its driver did not merge.
    stored = ws.arrays.done_ids(KIND, ex.name, fp)
    leftovers = merge_leftovers(ws, KIND, ex.name, fp)
    recovered = len(leftovers["rows"] - stored)  # a driver killed after a merge leaves it twice
    done = stored | leftovers["ids"]
    works = [w for w in ws.works() if w["id"] not in done]
    total = len(works)
    device = ex.device_name
    progress(0, total, f"{ex.name} on {device}: {len(done)} already stored")
    if total or ws.arrays.current(KIND, ex.name) != fp:
        params = {**ex.get_config(), "options": ex.options, "block": ex.block,
                  "fingerprint": fp, "parts": [list(p) for p in ex.parts], "dim": ex.dim}
        if ws.arrays.current(KIND, ex.name) != fp:
            ws.arrays.register(KIND, ex.name, fp, params)
    files = [(w["id"], ws.image_path(w)) for w in works]
    run = runner or _compute_here
    stats = run(ws, ex, fp, files, batch_size=batch_size, num_workers=num_workers,
                progress=progress) if files else {"computed": 0, "failed": 0}
    computed = int(stats["computed"])
    if computed or leftovers["computed"]:
        ws.arrays.compact(KIND, ex.name, fp)
    seconds = time.perf_counter() - t0
    return {"name": ex.name, "already": len(stored), "recovered": recovered,
            "dim": ex.dim if (computed or total) else _stored_dim(ws, ex.name, fp),
            "device": device, **stats, "seconds": round(seconds, 2),
            "images_per_s": round(computed / seconds, 2) if computed and seconds else None}


def _stored_dim(ws: Workspace, name: str, fp: str) -> int:
    return int(ws.arrays.params(KIND, name, fp).get("dim", 0))


# -- fused sets -----------------------------------------------------------------------------------
@dataclass
class _Source:
    key: str
    extractor: str
    fingerprint: str
    parts: list[tuple[str, int]]
    count: int


def _sources(ws: Workspace, spec: FusionSpec) -> list[_Source]:
    out = []
    for source, opts in spec.sources():
        ex = create_extractor(source, **opts)
        fp = ex.fingerprint()
        params = ws.arrays.params(KIND, ex.name, fp)
        count = ws.arrays.count(KIND, ex.name, fp) if params else 0
        parts = [(str(n), int(w)) for n, w in params.get("parts", [])] if params else []
        out.append(_Source(source_key(source, opts), ex.name, fp, parts, count))
    return out


def fused_ready(ws: Workspace, name: str) -> bool:
    """Whether every source of a fused set has stored rows."""
    spec = get_fusion(ws, name)
    if spec is None:
        return False
    try:
        return all(s.count > 0 for s in _sources(ws, spec))
    except ArtExploreError:
        return False


GROWTH_LIMIT = 0.10
"""Works added since a fused set was fitted are placed on the stored fit (the steps'
``transform``, the path outside images take: Nyström for the diffusion) while they are at
most this share of the works it was fitted on (10 %: 400 new works on a fit of 4,000);
beyond it, or when a fitted work left the collection, the set is fitted anew.

Placed works never move the fitted ones (their rows stay as stored, and so do the map,
clusters and index made from them), but they do not shape the fit either: the whitening
and the diffusion graph are the fitted works'. Measured on ``default`` with synthetic
sources (``python -m bench.scale --fusion-growth N``, precision@10 to style, placed vs
fitted anew): works like the fitted ones lose nothing up to 10 % (added works 0.890 vs
0.870, fitted works 0.835 vs 0.852 at 3,000 + 10 %) and little at 25 % (0.881 vs 0.904,
0.865 vs 0.898); a group of a style the fit has never seen is placed worse at any share
(0.651 vs 0.884 at 5 %, 0.739 vs 0.972 at 10 %): refit (``artexplore embed --refit``)
after adding a new kind of works."""


def _fused_key(spec: FusionSpec, sources: Sequence[_Source], ids: Sequence[str],
               generation: int) -> str:
    digest = hashlib.sha256("\n".join(ids).encode()).hexdigest()[:16]
    return hash_config({"structure": spec.structure_key(),
                        "sources": [s.fingerprint for s in sources], "ids": digest,
                        "generation": generation})


def fit_generation(ws: Workspace, spec: FusionSpec, sources: Sequence[_Source]) -> int:
    """How many times a fused set was fitted anew since its first fit (0: never refitted).

    Part of the set's version (:func:`artexplore.features.sets.version`): a refit
    changes every row, so what was made from the rows reads stale; placing new works
    on the stored fit changes no row and keeps it. When the stored fit is of another
    structure or other sources, the refit that loading will do is counted already.
    """
    key = ws.arrays.current(FUSED_KIND, spec.name)
    if key is None:
        return 0
    params = ws.arrays.params(FUSED_KIND, spec.name, key)
    generation = int(params.get("generation", 0))
    return generation if _fits(params, spec, sources) else generation + 1


def _fits(params: Mapping[str, Any], spec: FusionSpec, sources: Sequence[_Source]) -> bool:
    """Whether a stored fit is of this structure and these sources."""
    return (params.get("structure") == spec.structure_key()
            and params.get("sources") == [s.fingerprint for s in sources])


@dataclass
class _Fit:
    """The fitted fusion of the collection and its unweighted rows (see :func:`_fitted`).

    ``fitted`` is read from its file when first asked for: loading the rows of a set
    needs only its ``block_slices``, while the fitted steps (the diffusion keeps the
    collection's rows and eigenvectors: 0.4 GB at 100,000 works) serve outside images
    and works placed later.
    """

    restore: Callable[[], FittedFusion]
    block_slices: dict[str, slice]
    ids: np.ndarray
    X: np.ndarray
    sources: list[_Source]
    info: dict[str, Any]
    _fitted: FittedFusion | None = None

    @property
    def fitted(self) -> FittedFusion:
        if self._fitted is None:
            self._fitted = self.restore()
        return self._fitted


def _fitted(ws: Workspace, spec: FusionSpec, status: Sequence[str], *,
            refit: bool = False) -> _Fit:
    """The fitted fusion of the collection and its unweighted rows (stored).

    Works added since the stored fit are placed on it (see :data:`GROWTH_LIMIT`);
    ``refit`` fits anew on every work unless the stored fit is already of exactly
    these works.
    """
    sources = _sources(ws, spec)
    missing = [s.extractor for s in sources if s.count == 0]
    if missing:
        raise ArtExploreError(
            f"Feature set {spec.name!r} needs {', '.join(missing)}, not computed yet: run "
            f"`artexplore embed --workspace WS" + ("`" if spec.name == DEFAULT
                                                   else f" --extractor {spec.name}`"))
    order, _ = _works_in_order(ws, status)
    loaded, common = {}, set(order)
    for s in sources:
        stored = ws.arrays.load(KIND, s.extractor, s.fingerprint)
        loaded[s.key] = stored
        common &= set(stored.ids.tolist())
    ids = [i for i in order if i in common]
    if not ids:
        raise ArtExploreError(f"No work has every source of {spec.name!r} computed")
    parts = {s.key: s.parts for s in sources}
    kept = _stored_fit(ws, spec, sources, loaded, parts, ids, refit=refit)
    if kept is not None:
        return kept
    key = ws.arrays.current(FUSED_KIND, spec.name)
    generation = 0 if key is None else \
        int(ws.arrays.params(FUSED_KIND, spec.name, key).get("generation", 0)) + 1
    key = _fused_key(spec, sources, ids, generation)
    # The fit only reads its sources (a part at a time): no copy where they are in order.
    matrices = {k: stored.align(ids, copy=False)[1]["X"] for k, stored in loaded.items()}
    fitted, X = fit_fusion(spec, matrices, parts)
    info = {"n_works": len(ids), "n_fitted": len(ids), "n_placed_later": 0,
            "generation": generation}
    ws.arrays.register(FUSED_KIND, spec.name, key,
                       {"structure": spec.structure_key(),
                        "sources": [s.fingerprint for s in sources], **info})
    runs.register(ws, "fusion", spec.name, params={"structure": spec.structure_key()}, key=key,
                  inputs={f"arrays:{KIND}/{s.extractor}": s.fingerprint for s in sources},
                  result={"n_works": len(ids), "generation": generation})
    ws.arrays.append(FUSED_KIND, spec.name, key, ids, X=X)
    ws.arrays.compact(FUSED_KIND, spec.name, key)
    folder = ws.arrays.folder(FUSED_KIND, spec.name, key)
    tmp = folder / "model.tmp.npz"
    np.savez(tmp, **fitted.state())
    tmp.replace(folder / "model.npz")
    return _Fit(lambda: fitted, fitted.block_slices, np.asarray(ids, dtype=object), X, sources,
                {**info, "refitted": True, "placed": 0}, fitted)


def _stored_fit(ws: Workspace, spec: FusionSpec, sources: list[_Source],
                loaded: Mapping[str, Any], parts: Mapping[str, list[tuple[str, int]]],
                ids: list[str], *, refit: bool) -> _Fit | None:
    """The stored fit with rows appended for the works added since, or None to fit anew.

    Rows are appended only for new works, computed with the fitted steps'
    ``transform`` (as outside images are); stored rows are never rewritten.
    """
    key = ws.arrays.current(FUSED_KIND, spec.name)
    if key is None:
        return None
    params = ws.arrays.params(FUSED_KIND, spec.name, key)
    model_file = ws.arrays.folder(FUSED_KIND, spec.name, key) / "model.npz"
    if not _fits(params, spec, sources) or not model_file.exists():
        return None
    stored = ws.arrays.load(FUSED_KIND, spec.name, key)
    have = stored.ids.tolist()
    wanted = set(ids)
    left = sum(1 for i in have if i not in wanted)
    if left:
        log.info("%s: %d fitted works left the collection; fitting anew", spec.name, left)
        return None
    present = set(have)
    new = [i for i in ids if i not in present]
    n_fitted = int(params.get("n_fitted", params.get("n_works", len(have))))
    n_later = len(have) - n_fitted + len(new)
    if refit and n_later:
        log.info("%s: fitting anew on all %d works (asked)", spec.name, len(ids))
        return None
    if n_later > GROWTH_LIMIT * n_fitted:
        log.info("%s: %d works added since the fit on %d (more than %d %%); fitting anew",
                 spec.name, n_later, n_fitted, round(100 * GROWTH_LIMIT))
        return None
    def restore() -> FittedFusion:
        with np.load(model_file, allow_pickle=False) as data:
            return restore_fusion(spec, {k: data[k] for k in data.files}, parts)

    with np.load(model_file, allow_pickle=False) as data:  # reads only the widths
        slices = stored_block_slices(spec, data)
    fitted = restore() if new else None
    if fitted is not None:
        Xn = fitted.transform({k: s.align(new)[1]["X"] for k, s in loaded.items()},
                              weighted=False)
        ws.arrays.append(FUSED_KIND, spec.name, key, new, X=Xn)
        ws.arrays.compact(FUSED_KIND, spec.name, key)
        params = {**params, "n_works": len(have) + len(new), "n_fitted": n_fitted,
                  "n_placed_later": n_later}
        ws.arrays.register(FUSED_KIND, spec.name, key, params)
        stored = ws.arrays.load(FUSED_KIND, spec.name, key)
        log.info("%s: %d new works placed on the fit of %d works", spec.name, len(new),
                 n_fitted)
    got, arrays = stored.align(ids)
    info = {"n_works": len(got), "n_fitted": n_fitted, "n_placed_later": n_later,
            "generation": int(params.get("generation", 0)), "refitted": False,
            "placed": len(new)}
    return _Fit(restore, slices, got, np.asarray(arrays["X"]), sources, info, fitted)


def _weighted(spec: FusionSpec, block_slices: Mapping[str, slice], X: np.ndarray) -> np.ndarray:
    X = np.array(X, dtype=np.float32, copy=True)
    for block in spec.blocks:
        X[:, block_slices[block.name]] *= block.weight
    return X


def _post(spec: FusionSpec, X: np.ndarray) -> tuple[np.ndarray, list[list[np.ndarray]]]:
    """Apply the post-processing steps; also return each step's matrices (for outside rows)."""
    history = []
    for text in spec.post:
        mats = parse_post(text).apply(X)
        history.append(mats)
        X = mats[-1]
    return np.asarray(X, dtype=np.float32), history


def load_fused(ws: Workspace, spec: FusionSpec, *, status: Sequence[str] = ("ok",),
               refit: bool = False) -> FeatureMatrix:
    """Rows of a fused set: fitted on the collection (stored; works added since are
    placed on the stored fit, see :data:`GROWTH_LIMIT`), block weights and
    post-processing applied.

    Parameters
    ----------
    ws : Workspace
    spec : FusionSpec
    status : sequence of str, default=("ok",)
    refit : bool, default=False
        Fit anew on every work instead of placing the works added since the fit.

    Returns
    -------
    FeatureMatrix
        Its ``params`` say how many works the fit was made on (``n_fitted``), how
        many were placed on it later (``n_placed_later``), and what this call did
        (``fit``: ``refitted``, ``placed``).
    """
    fit = _fitted(ws, spec, status, refit=refit)
    X, _ = _post(spec, _weighted(spec, fit.block_slices, fit.X))
    _, path_of = _works_in_order(ws, status)
    params = {"kind": "fused", "fusion": spec.to_dict(), "weights": spec.weights,
              "post": list(spec.post),
              "sources": [{"extractor": s.extractor, "fingerprint": s.fingerprint}
                          for s in fit.sources],
              "n_fitted": fit.info["n_fitted"], "n_placed_later": fit.info["n_placed_later"],
              "fit": dict(fit.info)}
    return FeatureMatrix(name=spec.name, ids=fit.ids, X=X,
                         work_paths=[path_of[i] for i in fit.ids], params=params,
                         blocks=dict(fit.block_slices), weights=spec.weights)


# -- outside images -------------------------------------------------------------------------------
_LOADED: dict[tuple[str, str], Extractor] = {}
_LOADED_MAX = 4
_LOADED_LOCK = threading.Lock()  # the app's sessions run in threads of one process


def _loaded(ex: Extractor, ws: Workspace) -> Extractor:
    """The same extractor with its model already loaded, when this process loaded one before.

    An uploaded query embeds one image with every extractor of its set; building a
    network from its weights (about 0.2 s each for EfficientNet-Lite2) would cost more
    than running it (0.05-0.08 s). Extractors that read something from the workspace
    (their own ``bind``, e.g. ``infovae``) are never shared; others are kept by
    fingerprint and device, the last few used.
    """
    if type(ex).bind is not Extractor.bind:
        return ex.bind(ws)
    key = (ex.fingerprint(), str(getattr(ex, "device", "")))
    with _LOADED_LOCK:
        if key not in _LOADED:
            while len(_LOADED) >= _LOADED_MAX:
                _LOADED.pop(next(iter(_LOADED)))
        _LOADED[key] = found = _LOADED.pop(key, ex)  # last used last
    return found


def transform_images(ws: Workspace, name: str, images: Iterable[np.ndarray], *,
                     device: str = "auto") -> np.ndarray:
    """Embed outside images into the space of a feature set (stored or fused).

    The extractors are rebuilt from the parameters stored with the set (a
    fused set also reuses the normalisation fitted on the collection), so the
    result is comparable with the stored rows.

    Parameters
    ----------
    ws : Workspace
    name : str
        A feature set (``default``, an extractor name, a fused set).
    images : iterable of ndarray of shape (height, width, 3), uint8
    device : str, default="auto"

    Returns
    -------
    ndarray of shape (n_images, n_features), float32
    """
    images = list(images)
    if ws.arrays.current(KIND, name) is not None:
        params = ws.arrays.params(KIND, name)
        ex = _loaded(_rebuild(params, name, device), ws)
        return np.asarray(ex.transform(images), dtype=np.float32)
    spec = get_fusion(ws, name)
    if spec is None:
        raise ArtExploreError(f"No feature set {name!r} in {ws.root}")
    fit = _fitted(ws, spec, ("ok",))
    fitted, X = fit.fitted, fit.X
    sources = {}
    for source, opts in spec.sources():
        ex = _loaded(create_extractor(source, **{**opts, "device": device}), ws)
        sources[source_key(source, opts)] = ex.transform(images)
    Q = fitted.transform(sources, weighted=True)
    if spec.post:
        _, history = _post(spec, _weighted(spec, fitted.block_slices, X))
        for text, mats in zip(spec.post, history, strict=True):
            Q = parse_post(text).expand(Q, mats)
    return np.asarray(Q, dtype=np.float32)


def _rebuild(params: dict[str, Any], name: str, device: str) -> Extractor:
    if params.get("learned"):
        raise ArtExploreError(f"{name!r} was learned from the collection's labels; outside "
                              f"images are not placed in it yet: use {params.get('source')!r}")
    if "options" in params:
        options = dict(params["options"])
    else:  # sets stored before options were recorded
        options = {k: v for k, v in params.items()
                   if k not in ("name", "block", "fingerprint", "parts", "dim")}
    return create_extractor(params.get("name", name), **{**options, "device": device})

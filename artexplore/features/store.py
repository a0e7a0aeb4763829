"""Computing, storing and loading feature sets.

A *feature set* is a matrix with one row per work. A stored set is what an
extractor computed (named after the extractor, e.g. ``color`` or
``timm:vit_small_patch16_224``), kept in the workspace's array store under the
kind ``features`` and keyed by the extractor's fingerprint, so that changing a
parameter recomputes and an unchanged one never does.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..errors import ArtExploreError, ImageLoadError
from ..imageio import decode
from ..progress import ProgressCallback, null_progress
from ..store.workspace import Workspace
from .base import Extractor, create_extractor

log = logging.getLogger(__name__)

KIND = "features"


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
        How the features were made.
    blocks : dict of str to slice
        Column ranges of the fused blocks (``global``, ``gram``, ``local``…).
    """

    name: str
    ids: np.ndarray
    X: np.ndarray
    work_paths: list[str]
    params: dict[str, Any] = field(default_factory=dict)
    blocks: dict[str, slice] = field(default_factory=dict)

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


def feature_set_names(ws: Workspace) -> list[str]:
    """Names of the stored feature sets, sorted."""
    return ws.arrays.names(KIND)


def load_features(ws: Workspace, name: str, *, status: Sequence[str] = ("ok",)) -> FeatureMatrix:
    """Load a stored feature set for the works of the collection.

    Rows are ordered by work path and restricted to works with one of the
    given statuses (missing files are left out by default).

    Raises
    ------
    ArtExploreError
        If the set does not exist (the message lists the stored ones).
    """
    if ws.arrays.current(KIND, name) is None:
        known = ", ".join(feature_set_names(ws)) or "none yet"
        raise ArtExploreError(
            f"No feature set {name!r} in {ws.root} (stored: {known}); "
            f"compute it with `artexplore embed --workspace WS --extractor {name}`")
    stored = ws.arrays.load(KIND, name)
    works = ws.works(status=list(status))
    ids, arrays = stored.align([w["id"] for w in works])
    path_of = {w["id"]: w["path"] for w in works}
    X = np.ascontiguousarray(arrays["X"], dtype=np.float32) if len(ids) else \
        np.zeros((0, 0), dtype=np.float32)
    params = stored.params
    return FeatureMatrix(name=name, ids=np.asarray(ids, dtype=object), X=X,
                         work_paths=[path_of[i] for i in ids], params=params,
                         blocks=_blocks_of(params, X.shape[1]))


def _blocks_of(params: dict[str, Any], n_features: int) -> dict[str, slice]:
    """Column slices of the blocks: ``params["blocks"]`` (name → [start, stop]) when a
    set records several, else the whole row as its one ``params["block"]``."""
    spans = params.get("blocks")
    if isinstance(spans, dict) and spans:
        return {str(b): slice(int(s[0]), int(s[1])) for b, s in spans.items()}
    return {params.get("block", "global"): slice(0, n_features)}


def _decode_work(ws: Workspace, work: dict[str, Any], max_side: int | None) -> np.ndarray | None:
    try:
        img, _ = decode(ws.image_path(work), max_side=max_side)
        return np.asarray(img, dtype=np.uint8)
    except ImageLoadError as exc:
        log.warning("cannot read %s for features: %s", work["path"], exc)
        return None


def embed(ws: Workspace, extractor: str | Extractor, *, batch_size: int = 32,
          options: dict[str, Any] | None = None,
          progress: ProgressCallback = null_progress) -> dict[str, Any]:
    """Compute a stored feature set for the works that do not have it yet.

    Incremental and resumable: rows are stored a batch at a time and works
    already stored under the same extractor fingerprint are skipped.

    Parameters
    ----------
    ws : Workspace
    extractor : str or Extractor
        A registry name or an extractor instance.
    batch_size : int, default=32
    options : dict, optional
        Options of :func:`create_extractor` when ``extractor`` is a name.
    progress : callable

    Returns
    -------
    dict
        ``name``, ``computed``, ``already``, ``failed``, ``dim``.
    """
    ex = create_extractor(extractor, **(options or {})) if isinstance(extractor, str) else extractor
    ex.bind(ws)
    fp = ex.fingerprint()
    params = {**ex.get_config(), "block": ex.block, "fingerprint": fp}
    if ws.arrays.current(KIND, ex.name) != fp:
        ws.arrays.register(KIND, ex.name, fp, params)
    done = ws.arrays.done_ids(KIND, ex.name, fp)
    works = [w for w in ws.works() if w["id"] not in done]
    total = len(works)
    computed = failed = 0
    progress(0, total, f"{ex.name}: {len(done)} already stored")
    for start in range(0, total, batch_size):
        batch = works[start:start + batch_size]
        images, ids = [], []
        for work in batch:
            img = _decode_work(ws, work, ex.input_size)
            if img is None:
                failed += 1
                continue
            images.append(img)
            ids.append(work["id"])
        if images:
            X = ex.transform(images)
            ws.arrays.append(KIND, ex.name, fp, ids, X=np.asarray(X, dtype=np.float32))
            computed += len(ids)
        progress(min(start + batch_size, total), total, f"{ex.name}")
    if computed:
        ws.arrays.compact(KIND, ex.name, fp)
    return {"name": ex.name, "computed": computed, "already": len(done), "failed": failed,
            "dim": ex.dim}


def transform_images(ws: Workspace, name: str, images: Iterable[np.ndarray]) -> np.ndarray:
    """Embed outside images into the space of a stored feature set.

    The extractor is rebuilt from the parameters stored with the set, so the
    result is comparable with the stored rows.

    Parameters
    ----------
    ws : Workspace
    name : str
        A stored feature set.
    images : iterable of ndarray of shape (height, width, 3), uint8

    Returns
    -------
    ndarray of shape (n_images, n_features), float32
    """
    if ws.arrays.current(KIND, name) is None:
        raise ArtExploreError(f"No feature set {name!r} in {ws.root}")
    params = ws.arrays.params(KIND, name)
    options = {k: v for k, v in params.items() if k not in ("name", "block", "fingerprint")}
    ex = create_extractor(params.get("name", name), **options).bind(ws)
    return np.asarray(ex.transform(list(images)), dtype=np.float32)

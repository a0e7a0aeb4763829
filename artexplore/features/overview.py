"""A summary of a workspace's feature sets, for the CLI (``artexplore features``) and the UI."""

from __future__ import annotations

from typing import Any

from ..errors import ArtExploreError
from ..store.workspace import Workspace
from .compute import FUSED_KIND, _sources
from .fusion import fusion_names, get_fusion
from .sets import KIND
from .sets import stored_names as stored_set_names


def feature_sets_overview(ws: Workspace) -> list[dict[str, Any]]:
    """One row per feature set: stored sets, then fused sets (computed or not).

    Returns
    -------
    list of dict
        ``name``, ``kind`` (``stored``/``fused``), ``dim``, ``works`` (rows),
        ``of`` (works in the collection), ``ready`` (usable now), and for fused
        sets ``blocks`` (name → weight), ``needs`` (sources still missing) and
        ``placed_later`` (works placed on the stored fit since it was made).
    """
    total = ws.counts().get("ok", 0)
    rows = []
    for name in stored_set_names(ws):
        params = ws.arrays.params(KIND, name)
        rows.append({"name": name, "kind": "stored", "dim": int(params.get("dim", 0)),
                     "works": ws.arrays.count(KIND, name), "of": total, "ready": True,
                     "block": params.get("block", "global")})
    for name in fusion_names(ws):
        spec = get_fusion(ws, name)
        if spec is None:
            continue
        try:
            sources = _sources(ws, spec)
        except ArtExploreError as exc:
            rows.append({"name": name, "kind": "fused", "ready": False, "error": str(exc)})
            continue
        needs = [s.extractor for s in sources if s.count == 0]
        fp = ws.arrays.current(FUSED_KIND, name)
        fitted = ws.arrays.params(FUSED_KIND, name) if fp else {}
        works = min((s.count for s in sources), default=0)
        rows.append({"name": name, "kind": "fused", "ready": not needs,
                     "dim": _fused_dim(ws, name) if fp else None,
                     "works": int(fitted.get("n_works", works)) if fp else works, "of": total,
                     "placed_later": int(fitted.get("n_placed_later", 0)),
                     "blocks": spec.weights, "post": list(spec.post), "needs": needs,
                     "description": spec.description})
    return rows


def _fused_dim(ws: Workspace, name: str) -> int | None:
    try:
        stored = ws.arrays.load(FUSED_KIND, name)
    except ArtExploreError:
        return None
    X = stored.arrays.get("X")
    return int(X.shape[1]) if X is not None else None

"""The standard job kinds: one thin function per pipeline stage.

Each function turns the job's JSON parameters into a call of the library
function of its stage, passing the job context as the progress callback, and
returns a JSON-serialisable summary. Stages are incremental, so a resumed job
only does what is left.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..store.workspace import Workspace
from .core import JobContext, register_job


@register_job("ingest")
def ingest_job(ws: Workspace, params: dict[str, Any], ctx: JobContext) -> dict[str, Any]:
    """Ingest a folder: ``{"folder", "metadata"?, "mapping"?, "config"?, "relocate"?}``."""
    from ..config import IngestConfig
    from ..ingest import ingest

    report = ingest(
        ws, Path(params["folder"]),
        metadata=Path(params["metadata"]) if params.get("metadata") else None,
        mapping=params.get("mapping") or None,
        config=IngestConfig(**(params.get("config") or {})),
        relocate=bool(params.get("relocate", False)),
        progress=ctx,
    )
    return report.to_dict()


@register_job("embed")
def embed_job(ws: Workspace, params: dict[str, Any], ctx: JobContext) -> dict[str, Any]:
    """Compute a feature set: ``{"extractor", "options"?, "batch_size"?}``."""
    from ..features import embed

    return embed(ws, params["extractor"], batch_size=int(params.get("batch_size", 32)),
                 options=params.get("options") or {}, progress=ctx)


@register_job("map")
def map_job(ws: Workspace, params: dict[str, Any], ctx: JobContext) -> dict[str, Any]:
    """Compute the map of a feature set: ``{"features", "n_neighbors"?, "min_dist"?,
    "metric"?, "n_components"?, "pca_components"?, "seed"?, "refit"?, "fallback"?}``.

    With ``fallback`` true, a missing feature set is replaced by the best stored
    one, and the result says so (``requested``, ``notes``).
    """
    from ..pipeline import resolve_features
    from ..reduce import MapConfig, compute_map

    features, note = resolve_features(ws, params.get("features", "default"),
                                      fallback=bool(params.get("fallback", False)))
    config = MapConfig(
        n_components=int(params.get("n_components", 2)),
        n_neighbors=int(params.get("n_neighbors", 15)),
        min_dist=float(params.get("min_dist", 0.1)),
        metric=str(params.get("metric", "cosine")),
        pca_components=params.get("pca_components", 50),
        random_state=int(params.get("seed", 0)))
    result = compute_map(ws, features, config, refit=bool(params.get("refit", False)),
                         progress=ctx)
    summary = result.summary()
    if note:  # first, so that one-line summaries (the demo's) show it
        summary = {"note": note, "requested": params.get("features"), **summary,
                   "notes": [note, *summary["notes"]]}
    return summary


@register_job("cluster")
def cluster_job(ws: Workspace, params: dict[str, Any], ctx: JobContext) -> dict[str, Any]:
    """Cluster a feature set: ``{"features", "method", "k"?, "seed"?, "space"?,
    "pca_components"?, "criterion"?, "k_min"?, "k_max"?, "image_size"?, "options"?,
    "fallback"?}``; returns the run's summary (``run``, ``n_clusters``…)."""
    from ..cluster import run_clustering
    from ..pipeline import resolve_features

    features, note = resolve_features(ws, params.get("features", "default"),
                                      fallback=bool(params.get("fallback", False)))
    k = params.get("k")
    run = run_clustering(
        ws, features, params["method"], n_clusters=None if k in (None, "", 0) else int(k),
        random_state=int(params.get("seed", 0)), space=params.get("space") or None,
        pca_components=params.get("pca_components", 50), criterion=params.get("criterion"),
        k_min=params.get("k_min"), k_max=params.get("k_max"),
        image_size=int(params.get("image_size", 64)), options=params.get("options") or {},
        reuse=bool(params.get("reuse", True)), notes=[note] if note else None, progress=ctx)
    summary = run.summary()
    if note:
        summary = {"note": note, "requested": params.get("features"), **summary}
    return summary

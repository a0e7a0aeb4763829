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


@register_job("index")
def index_job(ws: Workspace, params: dict[str, Any], ctx: JobContext) -> dict[str, Any]:
    """Build or update the neighbour index: ``{"features"?, "config"?, "rebuild"?}``.

    Without ``features`` (or when the named set is not stored and ``fallback`` is true,
    the default) the best stored set is indexed and the result says so in ``note``.
    """
    from ..index import IndexConfig, build_index, choose_feature_set

    wanted = params.get("features") or "default"
    if params.get("fallback", True):
        name, note = choose_feature_set(ws, wanted)
    else:
        name, note = wanted, None
    config = IndexConfig(**params["config"]) if params.get("config") else None
    result = build_index(ws, name, config=config, rebuild=bool(params.get("rebuild", False)),
                         progress=ctx)
    return {"note": note, **result} if note else result

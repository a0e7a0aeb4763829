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
    """Compute a feature set: ``{"extractor"?, "options"?, "batch_size"?, "num_workers"?}``.

    Without ``extractor`` (or with a fused set's name) every source of the
    ``default`` (or named) fused set is computed.
    """
    from ..features import embed

    return embed(ws, params.get("extractor") or None,
                 batch_size=int(params.get("batch_size", 32)),
                 options=params.get("options") or {},
                 num_workers=params.get("num_workers"), progress=ctx)


@register_job("finetune")
def finetune_job(ws: Workspace, params: dict[str, Any], ctx: JobContext) -> dict[str, Any]:
    """SimCLR fine-tuning: ``{"extractor", "weights"?, "epochs"?, "batch_size"?, "lr"?,
    "seed"?, "out"?}``."""
    from ..features.simclr import finetune

    return finetune(ws, params["extractor"], weights=params.get("weights"),
                    epochs=int(params.get("epochs", 10)),
                    out=Path(params["out"]) if params.get("out") else None,
                    batch_size=int(params.get("batch_size", 64)),
                    lr=float(params.get("lr", 3e-4)), device=params.get("device", "auto"),
                    random_state=int(params.get("seed", 0)), progress=ctx)

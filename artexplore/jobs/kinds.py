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


@register_job("patches")
def patches_job(ws: Workspace, params: dict[str, Any], ctx: JobContext) -> dict[str, Any]:
    """Pick and store patches: ``{"config"?: PatchConfig fields, "batch_size"?, "workers"?}``."""
    from ..local import compute_patches
    from ..patches import PatchConfig

    return compute_patches(ws, PatchConfig.from_dict(params.get("config") or {}),
                           batch_size=int(params.get("batch_size", 16)),
                           workers=int(params.get("workers", 2)), progress=ctx)


@register_job("train-local")
def train_local_job(ws: Workspace, params: dict[str, Any], ctx: JobContext) -> dict[str, Any]:
    """Train the InfoVAE: keyword arguments of :func:`artexplore.local.training.train_local`."""
    from ..local.training import train_local

    names = ("epochs", "seed", "max_per_work", "batch_size", "lr", "weight_decay", "latent_dim",
             "alpha", "lambda_", "kernel", "channels", "device", "n_threads", "force",
             "workers")
    return train_local(ws, **{k: params[k] for k in names if k in params}, progress=ctx)

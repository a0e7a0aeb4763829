"""A summary of a workspace: what the ``info`` command prints."""

from __future__ import annotations

from typing import Any

from .store.workspace import Workspace


def workspace_info(ws: Workspace) -> dict[str, Any]:
    """A JSON-serialisable summary of a workspace.

    Returns
    -------
    dict
        ``works`` (ingested, status ok), ``missing``, ``skipped``, ``feature_sets``,
        ``cluster_runs``, ``active_jobs``, ``workspace``, ``source_root``.
    """
    from .cluster import list_runs
    from .features.sets import names
    from .jobs import list_jobs

    counts = ws.counts()
    return {
        "workspace": str(ws.root),
        "source_root": str(ws.source_root) if ws.source_root else None,
        "works": counts.get("ok", 0),
        "missing": counts.get("missing", 0),
        "skipped": counts.get("skipped", 0),
        "feature_sets": names(ws),
        "cluster_runs": [r.id for r in list_runs(ws)],
        "active_jobs": [j.id for j in list_jobs(ws, active_only=True)],
    }

"""The one place that knows the order of the stages.

``prepare_demo`` runs every stage the app needs on the bundled demo collection;
each stage is incremental, so running it again costs seconds.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .jobs import list_jobs, run_inline
from .progress import ProgressCallback, null_progress
from .store.workspace import Workspace

log = logging.getLogger(__name__)

DEMO_ASSETS = Path(__file__).resolve().parents[1] / "assets" / "demo"


def feature_set_names(ws: Workspace) -> list[str]:
    """Names of the feature sets usable in this workspace (stored and fused)."""
    from .features import feature_set_names as names

    return names(ws)


def resolve_features(ws: Workspace, name: str, *, fallback: bool = False) -> tuple[str, str | None]:
    """The feature set to use for ``name``, and a note when another one stands in.

    Parameters
    ----------
    ws : Workspace
    name : str
        The wanted feature set.
    fallback : bool, default=False
        When ``name`` is not stored, use the best stored set instead: ``default``,
        then any learned set (alphabetically), then ``color``.

    Returns
    -------
    name : str
        The feature set to use.
    note : str or None
        Says which set stood in for which (also logged); None when ``name`` is used.

    Raises
    ------
    ArtExploreError
        When ``name`` is not stored and there is no fallback (or nothing is stored).
    """
    from .errors import ArtExploreError

    stored = feature_set_names(ws)
    if name in stored:
        return name, None
    if fallback and stored:
        rest = sorted(s for s in stored if s not in ("default", "color"))
        best = next(s for s in ["default", *rest, "color"] if s in stored)
        note = f"feature set {name!r} is not stored; used {best!r} instead"
        log.warning(note)
        return best, note
    known = ", ".join(stored) or "none yet"
    raise ArtExploreError(f"No feature set {name!r} in {ws.root} (stored: {known}); compute "
                          f"it with `artexplore embed --workspace WS`")


def cluster_run_ids(ws: Workspace) -> list[str]:
    """Ids of the stored cluster runs, newest first."""
    if not ws.catalog.table_exists("cluster_runs"):
        return []
    rows = ws.catalog.query("SELECT id FROM cluster_runs ORDER BY created_at DESC")
    return [r["id"] for r in rows]


def workspace_info(ws: Workspace) -> dict[str, Any]:
    """A JSON-serialisable summary of a workspace.

    Returns
    -------
    dict
        ``works`` (ingested, status ok), ``missing``, ``skipped``, ``feature_sets``,
        ``cluster_runs``, ``active_jobs``, ``workspace``, ``source_root``.
    """
    counts = ws.counts()
    return {
        "workspace": str(ws.root),
        "source_root": str(ws.source_root) if ws.source_root else None,
        "works": counts.get("ok", 0),
        "missing": counts.get("missing", 0),
        "skipped": counts.get("skipped", 0),
        "feature_sets": feature_set_names(ws),
        "cluster_runs": cluster_run_ids(ws),
        "active_jobs": [j.id for j in list_jobs(ws, active_only=True)],
    }


# Stages of the demo after ingest: (label, job kind, parameters). Later stages append here.
DEMO_STAGES: list[tuple[str, str, dict[str, Any]]] = [
    # Every extractor the ``default`` feature set needs (offline EfficientNet-Lite2), then
    # the colour histograms of the ``style+color`` set.
    ("features", "embed", {"extractor": "default"}),
    ("colour features", "embed", {"extractor": "color"}),
    # Local features: patches (~2 s), the InfoVAE (~1 min of CPU), the local embedding.
    ("patches", "patches", {}),
    ("local model", "train-local", {"n_threads": 1}),
    ("local embedding", "embed", {"extractor": "infovae", "options": {"n_threads": 1}}),
    # The map and two clusterings of `default` (else the best stored set, said in the result).
    ("map", "map", {"features": "default", "fallback": True}),
    ("clusters (k-means, K chosen)", "cluster",
     {"features": "default", "method": "kmeans", "fallback": True}),
    ("clusters (Bayesian mixture)", "cluster",
     {"features": "default", "method": "bgmm", "fallback": True}),
    # After every embedding stage: indexes `default`, else the best stored set (with a note).
    ("neighbour index", "index", {"features": "default"}),
    # Labels: a 10-fold probe of the style column on the preferred stored feature set.
    ("style probe", "probe", {"column": "style", "n_folds": 10}),
]


def prepare_demo(ws: Workspace, *, assets: Path | None = None,
                 progress: ProgressCallback = null_progress,
                 stages: list[tuple[str, str, dict[str, Any]]] | None = None) -> list[str]:
    """Ingest the bundled demo collection and run the stages the app shows.

    Parameters
    ----------
    ws : Workspace
    assets : pathlib.Path, optional
        The demo folder (``images/`` and ``metadata.csv``); the bundled one by default.
    progress : callable
        Progress callback.
    stages : list, optional
        Stages to run after ingest; :data:`DEMO_STAGES` by default.

    Returns
    -------
    list of str
        One summary line per stage.
    """
    from .ingest import format_ingest_summary

    assets = Path(assets) if assets else DEMO_ASSETS
    params = {"folder": str((assets / "images").resolve()),
              "metadata": str((assets / "metadata.csv").resolve()), "label": "demo"}
    lines = []
    record = run_inline(ws, "ingest", params, on_progress=progress)
    lines += ["ingest: " + format_ingest_summary(record.result or {})[0]]
    for label, kind, stage_params in (DEMO_STAGES if stages is None else stages):
        record = run_inline(ws, kind, {"label": label, **stage_params}, on_progress=progress)
        lines.append(f"{label}: {_short(record.result)}")
    return lines


def _short(result: dict[str, Any] | None) -> str:
    if not result:
        return "done"
    return ", ".join(f"{k} {v}" for k, v in result.items()
                     if isinstance(v, int | float | str) and not isinstance(v, bool))[:200]


StageFunction = Callable[..., Any]

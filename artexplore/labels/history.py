"""Stored results of label runs (probes, fine-tuning, DeepPainter): a view of the run store.

Each run is a run of the run store (:mod:`artexplore.runs`) whose kind is
``probe``, ``finetune`` or ``deeppainter`` and whose name is the label column;
its result holds the metrics, the files it wrote and the feature set it used,
and its inputs the version of that feature set (so a probe of features that
changed since reads stale). The page lists them, so a result computed by a
background job or the CLI shows up in the app.
"""

from __future__ import annotations

from typing import Any

from .. import runs
from ..errors import ArtExploreError
from ..store.workspace import Workspace

RUN_KINDS = ("probe", "finetune", "deeppainter")


def new_run_id(kind: str) -> str:
    """A fresh run id such as ``probe-20260101-120000-1a2b3c`` (the run store's one format)."""
    return runs.new_id(kind)


def save_run(ws: Workspace, kind: str, *, label_column: str, params: dict[str, Any],
             metrics: dict[str, Any], fingerprint: str, feature_set: str | None = None,
             artifacts: dict[str, Any] | None = None, run_id: str | None = None) -> str:
    """Store a run and return its id.

    Parameters
    ----------
    ws : Workspace
    kind : {"probe", "finetune", "deeppainter"}
    label_column : str
    params : dict
        JSON-serialisable parameters.
    metrics : dict
        JSON-serialisable results.
    fingerprint : str
        Hash of the parameters.
    feature_set : str, optional
        The feature set a probe used.
    artifacts : dict, optional
        Files written (name → path).
    run_id : str, optional
        The id to store it under (see :func:`new_run_id`); a new one by default.

    Returns
    -------
    str
    """
    inputs = {}
    if feature_set is not None:
        version = runs.input_version(ws, f"features:{feature_set}")
        if version is not None:
            inputs[f"features:{feature_set}"] = version
    run = runs.register(ws, kind, label_column, params=params, inputs=inputs, key=fingerprint,
                        run_id=run_id,
                        result={"metrics": metrics, "artifacts": artifacts or {},
                                "feature_set": feature_set, "fingerprint": fingerprint})
    return run.id


def _row(run: runs.Run) -> dict[str, Any]:
    res = run.result
    return {"id": run.id, "kind": run.kind, "feature_set": res.get("feature_set"),
            "label_column": run.name, "fingerprint": res.get("fingerprint", run.key),
            "params": run.params, "metrics": res.get("metrics", {}),
            "artifacts": res.get("artifacts", {}), "created_at": run.created_at}


def list_runs(ws: Workspace, kind: str | None = None, *, label_column: str | None = None,
              feature_set: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
    """Stored runs, newest first, optionally filtered.

    Returns
    -------
    list of dict
        Keys ``id``, ``kind``, ``feature_set``, ``label_column``, ``fingerprint``,
        ``params``, ``metrics``, ``artifacts``, ``created_at``.
    """
    rows = [_row(r) for r in runs.list_runs(ws, kind or RUN_KINDS, name=label_column)]
    if feature_set is not None:
        rows = [r for r in rows if r["feature_set"] == feature_set]
    return rows[:int(limit)]


def get_run(ws: Workspace, run_id: str) -> dict[str, Any]:
    """One run by id.

    Raises
    ------
    ArtExploreError
        If there is no such run.
    """
    try:
        return _row(runs.load(ws, run_id, kind=RUN_KINDS))
    except ArtExploreError:
        raise ArtExploreError(f"No label run {run_id!r} in {ws.root}") from None

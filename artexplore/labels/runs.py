"""Stored results of label runs (probes, fine-tuning, DeepPainter) in the catalogue.

Each run is a row of ``label_runs``: its kind, the feature set and label
column it used, its parameters, its metrics and the files it wrote. The page
lists them, so a result computed by a background job or the CLI shows up in
the app.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

from ..errors import ArtExploreError
from ..store.catalog import now
from ..store.workspace import Workspace

RUN_KINDS = ("probe", "finetune", "deeppainter")

_DDL = """
CREATE TABLE IF NOT EXISTS label_runs (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    feature_set TEXT,
    label_column TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    params TEXT NOT NULL,
    metrics TEXT NOT NULL,
    artifacts TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS label_runs_lookup ON label_runs(kind, label_column, feature_set);
"""


def ensure_runs_schema(ws: Workspace) -> None:
    """Create the ``label_runs`` table when missing."""
    ws.catalog.ensure_schema("label_runs", _DDL)


def new_run_id(kind: str) -> str:
    """A fresh run id such as ``probe-1a2b3c4d5e``."""
    return f"{kind}-{uuid.uuid4().hex[:10]}"


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
    ensure_runs_schema(ws)
    run_id = run_id or new_run_id(kind)
    with ws.catalog.connect() as conn:
        conn.execute(
            "INSERT INTO label_runs(id, kind, feature_set, label_column, fingerprint, params, "
            "metrics, artifacts, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (run_id, kind, feature_set, label_column, fingerprint,
             json.dumps(params, default=str), json.dumps(metrics, default=str),
             json.dumps(artifacts or {}, default=str), now()))
    return run_id


def _row(row: Any) -> dict[str, Any]:
    out = dict(row)
    for key in ("params", "metrics", "artifacts"):
        out[key] = json.loads(out[key] or "{}")
    return out


def list_runs(ws: Workspace, kind: str | None = None, *, label_column: str | None = None,
              feature_set: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
    """Stored runs, newest first, optionally filtered.

    Returns
    -------
    list of dict
        Keys ``id``, ``kind``, ``feature_set``, ``label_column``, ``fingerprint``,
        ``params``, ``metrics``, ``artifacts``, ``created_at``.
    """
    ensure_runs_schema(ws)
    clauses, params = [], []
    for name, value in (("kind", kind), ("label_column", label_column),
                        ("feature_set", feature_set)):
        if value is not None:
            clauses.append(f"{name}=?")
            params.append(value)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    rows = ws.catalog.query(
        f"SELECT * FROM label_runs{where} ORDER BY created_at DESC, rowid DESC LIMIT ?",
        (*params, int(limit)))
    return [_row(r) for r in rows]


def get_run(ws: Workspace, run_id: str) -> dict[str, Any]:
    """One run by id.

    Raises
    ------
    ArtExploreError
        If there is no such run.
    """
    ensure_runs_schema(ws)
    rows = ws.catalog.query("SELECT * FROM label_runs WHERE id=?", (run_id,))
    if not rows:
        raise ArtExploreError(f"No label run {run_id!r} in {ws.root}")
    return _row(rows[0])

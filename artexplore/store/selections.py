"""Named selections of works: what a curator lassoed on the map, kept for other pages."""

from __future__ import annotations

import json
from collections.abc import Iterable

from ..errors import ArtExploreError
from .catalog import now
from .workspace import Workspace

_DDL = """
CREATE TABLE IF NOT EXISTS selections (
    name TEXT PRIMARY KEY,
    work_ids TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
"""


def _ensure(ws: Workspace) -> None:
    ws.catalog.ensure_schema("selections", _DDL)


def save_selection(ws: Workspace, name: str, work_ids: Iterable[str], *, note: str = "") -> None:
    """Create or replace a named selection.

    Parameters
    ----------
    ws : Workspace
    name : str
        Non-empty name.
    work_ids : iterable of str
        The works, in order; duplicates are dropped.
    note : str
        Free text.
    """
    name = name.strip()
    if not name:
        raise ArtExploreError("A selection needs a name")
    ids = list(dict.fromkeys(work_ids))
    _ensure(ws)
    stamp = now()
    with ws.catalog.connect() as conn:
        conn.execute(
            "INSERT INTO selections(name, work_ids, note, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET work_ids=excluded.work_ids, "
            "note=excluded.note, updated_at=excluded.updated_at",
            (name, json.dumps(ids), note, stamp, stamp))


def load_selection(ws: Workspace, name: str) -> list[str]:
    """Work ids of a named selection.

    Raises
    ------
    ArtExploreError
        If there is no such selection (the message lists the saved ones).
    """
    _ensure(ws)
    text = ws.catalog.scalar("SELECT work_ids FROM selections WHERE name=?", (name,))
    if text is None:
        known = ", ".join(list_selections(ws)) or "none"
        raise ArtExploreError(f"No selection named {name!r} (saved: {known})")
    return json.loads(text)


def list_selections(ws: Workspace) -> list[str]:
    """Names of the saved selections, newest first."""
    _ensure(ws)
    return [r["name"] for r in ws.catalog.query(
        "SELECT name FROM selections ORDER BY updated_at DESC")]


def delete_selection(ws: Workspace, name: str) -> None:
    """Remove a named selection (no error if absent)."""
    _ensure(ws)
    with ws.catalog.connect() as conn:
        conn.execute("DELETE FROM selections WHERE name=?", (name,))

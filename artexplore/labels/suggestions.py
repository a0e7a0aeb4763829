"""Label suggestions for unlabelled works, which a curator accepts or rejects.

A probe proposes, for each work whose label is empty, the class it predicts
with its confidence. Suggestions are rows of ``label_suggestions`` (work,
column, value, confidence, model, feature set, status, timestamps); nothing
reaches the metadata until a curator accepts one. Accepting writes the value
only where the field is still empty, unless the curator explicitly confirms
the overwrite, in which case the value it replaced is kept with the
suggestion. Accepted rows stay as the provenance of the value.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..errors import ArtExploreError
from ..store.catalog import now
from ..store.workspace import Workspace
from .data import LabelError, clean_label

STATUSES = ("proposed", "accepted", "rejected")

_DDL = """
CREATE TABLE IF NOT EXISTS label_suggestions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    work_id TEXT NOT NULL,
    label_column TEXT NOT NULL,
    value TEXT NOT NULL,
    confidence REAL NOT NULL,
    alternatives TEXT NOT NULL DEFAULT '[]',
    model TEXT NOT NULL,
    feature_set TEXT,
    run_id TEXT,
    status TEXT NOT NULL DEFAULT 'proposed'
        CHECK (status IN ('proposed', 'accepted', 'rejected')),
    previous_value TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    decided_at TEXT
);
CREATE INDEX IF NOT EXISTS label_suggestions_work ON label_suggestions(work_id, label_column);
CREATE INDEX IF NOT EXISTS label_suggestions_status ON label_suggestions(label_column, status);
"""


def ensure_suggestions_schema(ws: Workspace) -> None:
    """Create the ``label_suggestions`` table when missing."""
    ws.catalog.ensure_schema("label_suggestions", _DDL)


@dataclass(frozen=True)
class Prediction:
    """A predicted label of one work.

    Attributes
    ----------
    work_id : str
    value : str
        The most probable class.
    confidence : float
        The calibrated chance, in [0, 1], that the value is right (see
        :func:`artexplore.labels.probe.calibrated_confidence`).
    alternatives : tuple of (str, float)
        The next most probable classes with the model's probabilities.
    """

    work_id: str
    value: str
    confidence: float
    alternatives: tuple[tuple[str, float], ...] = ()


def propose(ws: Workspace, column: str, predictions: Iterable[Prediction], *, model: str,
            feature_set: str | None = None, run_id: str | None = None) -> int:
    """Record suggestions, replacing the open ones of the same model and feature set.

    Works that have a value in ``column`` by now get no suggestion, and a value
    a curator already rejected for a work is not proposed again.

    Parameters
    ----------
    ws : Workspace
    column : str
        The label column.
    predictions : iterable of Prediction
    model : str
        What predicted (``logreg``, ``mlp``…).
    feature_set : str, optional
        The features it used.
    run_id : str, optional
        The label run that made the predictions.

    Returns
    -------
    int
        Number of suggestions recorded.
    """
    ensure_suggestions_schema(ws)
    works = {w["id"]: w for w in ws.works(status=None)}
    stamp = now()
    rejected = {(r["work_id"], r["value"]) for r in ws.catalog.query(
        "SELECT work_id, value FROM label_suggestions WHERE label_column=? AND status='rejected'",
        (column,))}
    rows = []
    for p in predictions:
        work = works.get(p.work_id)
        if work is None or clean_label(ws.field_of(work, column)) is not None:
            continue
        if (p.work_id, p.value) in rejected:
            continue
        rows.append((p.work_id, column, p.value, float(p.confidence),
                     json.dumps([[v, float(c)] for v, c in p.alternatives]), model, feature_set,
                     run_id, stamp, stamp))
    with ws.catalog.connect() as conn:
        conn.execute("DELETE FROM label_suggestions WHERE label_column=? AND model=? "
                     "AND feature_set IS ? AND status='proposed'", (column, model, feature_set))
        conn.executemany(
            "INSERT INTO label_suggestions(work_id, label_column, value, confidence, alternatives, "
            "model, feature_set, run_id, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            rows)
    return len(rows)


def _record(row: Any) -> dict[str, Any]:
    out = dict(row)
    out["alternatives"] = [tuple(a) for a in json.loads(out.get("alternatives") or "[]")]
    return out


def list_suggestions(ws: Workspace, column: str | None = None, *,
                     status: str | Sequence[str] | None = "proposed",
                     min_confidence: float = 0.0, only_unlabelled: bool = True,
                     limit: int | None = None) -> list[dict[str, Any]]:
    """Suggestions, most confident first.

    Parameters
    ----------
    ws : Workspace
    column : str, optional
        Only this label column.
    status : str or sequence of str, optional
        ``proposed`` (default), ``accepted``, ``rejected``; None for all.
    min_confidence : float, default=0
    only_unlabelled : bool, default=True
        Hide open suggestions for works that have a value by now (labelled
        meanwhile, or through another suggestion).
    limit : int, optional

    Returns
    -------
    list of dict
        Suggestion rows plus ``work_path`` and ``current`` (the field's value now).
    """
    ensure_suggestions_schema(ws)
    statuses = [status] if isinstance(status, str) else list(status or STATUSES)
    for s in statuses:
        if s not in STATUSES:
            raise ArtExploreError(f"Unknown suggestion status {s!r}; choose one of: "
                                  f"{', '.join(STATUSES)}")
    clauses = ["status IN (SELECT value FROM json_each(?))", "confidence >= ?"]
    params: list[Any] = [json.dumps(statuses), float(min_confidence)]
    if column is not None:
        clauses.append("label_column=?")
        params.append(column)
    rows = ws.catalog.query(
        "SELECT * FROM label_suggestions WHERE " + " AND ".join(clauses)
        + " ORDER BY confidence DESC, id", params)
    works = {w["id"]: w for w in ws.works(status=None)}
    out = []
    for row in rows:
        rec = _record(row)
        work = works.get(rec["work_id"])
        if work is None:
            continue
        rec["work_path"] = work["path"]
        rec["current"] = clean_label(ws.field_of(work, rec["label_column"]))
        if only_unlabelled and rec["status"] == "proposed" and rec["current"] is not None:
            continue
        out.append(rec)
        if limit is not None and len(out) >= limit:
            break
    return out


def get_suggestion(ws: Workspace, suggestion_id: int) -> dict[str, Any]:
    """One suggestion by id.

    Raises
    ------
    ArtExploreError
        If there is no such suggestion.
    """
    ensure_suggestions_schema(ws)
    rows = ws.catalog.query("SELECT * FROM label_suggestions WHERE id=?", (int(suggestion_id),))
    if not rows:
        raise ArtExploreError(f"No label suggestion {suggestion_id!r}")
    return _record(rows[0])


def accept(ws: Workspace, suggestion_id: int, *, overwrite: bool = False) -> dict[str, Any]:
    """Accept a suggestion: write its value into the work's metadata.

    Parameters
    ----------
    ws : Workspace
    suggestion_id : int
    overwrite : bool, default=False
        Replace a value the field already holds. Without it, a work that got
        a different value meanwhile is left unchanged and an error says so.

    Returns
    -------
    dict
        The suggestion after the change.

    Raises
    ------
    LabelError
        If the field holds another value and ``overwrite`` is False, or the
        suggestion was rejected.
    """
    rec = get_suggestion(ws, suggestion_id)
    if rec["status"] == "accepted":
        return rec
    if rec["status"] == "rejected" and not overwrite:
        raise LabelError(f"Suggestion {suggestion_id} ({rec['label_column']}={rec['value']!r}) "
                         "was rejected; accept it with overwrite to change your mind")
    work = ws.work(rec["work_id"])
    column, value = rec["label_column"], rec["value"]
    current = clean_label(ws.field_of(work, column))
    previous = None
    if current is not None and current != value:
        if not overwrite:
            raise LabelError(
                f"{work['path']} already has {column}={current!r}; the suggestion {value!r} "
                "was not written (confirm the overwrite to replace it)")
        previous = current
    if current != value:
        ws.set_metadata(rec["work_id"], **{column: value})
    stamp = now()
    with ws.catalog.connect() as conn:
        conn.execute("UPDATE label_suggestions SET status='accepted', previous_value=?, "
                     "decided_at=?, updated_at=? WHERE id=?",
                     (previous, stamp, stamp, int(suggestion_id)))
    return get_suggestion(ws, suggestion_id)


def accept_many(ws: Workspace, suggestion_ids: Iterable[int]) -> tuple[list[int], list[int]]:
    """Accept several suggestions; works that got another value meanwhile are left alone.

    Returns
    -------
    written : list of int
        The suggestions whose value was written (pass them to :func:`undo_accept`).
    kept : list of int
        The suggestions not written, because the work has a value by now or
        the suggestion was rejected.
    """
    written, kept = [], []
    for sid in suggestion_ids:
        rec = get_suggestion(ws, sid)
        if rec["status"] == "accepted":
            continue
        work = ws.work(rec["work_id"])
        if rec["status"] == "rejected" or \
                clean_label(ws.field_of(work, rec["label_column"])) is not None:
            kept.append(int(sid))
            continue
        try:
            accept(ws, sid)
        except LabelError:  # labelled between the check and the write
            kept.append(int(sid))
            continue
        written.append(int(sid))
    return written, kept


def undo_accept(ws: Workspace, suggestion_ids: Iterable[int]) -> int:
    """Undo acceptances: restore each field as it was and reopen the suggestions.

    A field that was changed again after the acceptance (it no longer holds
    the accepted value) is left as it is; the suggestion is reopened all the same.

    Returns
    -------
    int
        Number of fields restored.
    """
    restored = 0
    stamp = now()
    for sid in suggestion_ids:
        rec = get_suggestion(ws, sid)
        if rec["status"] != "accepted":
            continue
        column = rec["label_column"]
        work = ws.work(rec["work_id"])
        if clean_label(ws.field_of(work, column)) == rec["value"]:
            ws.set_metadata(rec["work_id"], **{column: rec["previous_value"]})
            restored += 1
        with ws.catalog.connect() as conn:
            conn.execute("UPDATE label_suggestions SET status='proposed', previous_value=NULL, "
                         "decided_at=NULL, updated_at=? WHERE id=?", (stamp, int(sid)))
    return restored


def reject(ws: Workspace, suggestion_id: int) -> dict[str, Any]:
    """Reject a suggestion: the metadata is not touched and the value is not proposed again.

    Raises
    ------
    LabelError
        If the suggestion was already accepted (its value is in the metadata).
    """
    rec = get_suggestion(ws, suggestion_id)
    if rec["status"] == "accepted":
        raise LabelError(f"Suggestion {suggestion_id} was already accepted; edit the work's "
                         "metadata to change its value")
    stamp = now()
    with ws.catalog.connect() as conn:
        conn.execute("UPDATE label_suggestions SET status='rejected', decided_at=?, updated_at=? "
                     "WHERE id=?", (stamp, stamp, int(suggestion_id)))
    return get_suggestion(ws, suggestion_id)


def provenance(ws: Workspace, work_id: str, column: str | None = None) -> list[dict[str, Any]]:
    """Accepted suggestions of a work: where its label values came from."""
    ensure_suggestions_schema(ws)
    sql = "SELECT * FROM label_suggestions WHERE work_id=? AND status='accepted'"
    params: list[Any] = [work_id]
    if column is not None:
        sql += " AND label_column=?"
        params.append(column)
    return [_record(r) for r in ws.catalog.query(sql + " ORDER BY decided_at DESC", params)]

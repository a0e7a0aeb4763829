"""One run store: every stored result, keyed by the versions of its inputs.

A *run* is one result of a stage: a map, a cluster run, a label probe, a fitted
fusion, an index version, the local model. Following FiftyOne Brain's model, each
is registered with what it was made from and how, saved, loaded back, listed, and
asked for its status:

- ``kind`` — what the run is (``map``, ``cluster``, ``probe``, ``index``…);
- ``name`` — what it is of (a feature set, a map name, a label column);
- ``params`` — how it was made (JSON);
- ``inputs`` — the version of each input at the time (``{"features:default":
  fingerprint}``); :func:`status` compares them with the current versions, so a
  run made from features that have changed since reads *stale* wherever it is shown;
- ``key`` — a hash of kind, name, params and inputs: two runs with the same key
  are the same computation, which is how stages reuse a stored result;
- ``result`` — the run's summary (JSON); arrays live in the workspace's array
  store (:mod:`artexplore.store.arrays`) under the run's kind and id or key.

Every id has one format, ``<slug>-<yyyymmdd-HHMMSS>-<6 hex digits>`` (jobs use it too).
Nothing in the store is pickled: rows are JSON, arrays are ``.npy``/``.npz`` read
with ``allow_pickle=False``.
"""

from __future__ import annotations

import json
import logging
import re
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .config import fingerprint
from .errors import ArtExploreError
from .store.catalog import now
from .store.workspace import Workspace

log = logging.getLogger(__name__)

_DDL = """
CREATE TABLE IF NOT EXISTS runs (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    key TEXT NOT NULL,
    inputs TEXT NOT NULL DEFAULT '{}',
    params TEXT NOT NULL DEFAULT '{}',
    result TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS runs_kind ON runs(kind, name);
CREATE INDEX IF NOT EXISTS runs_key ON runs(kind, key);
"""
_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass
class Run:
    """A stored run (see the module docstring for the fields)."""

    id: str
    kind: str
    name: str
    key: str
    inputs: dict[str, str] = field(default_factory=dict)
    params: dict[str, Any] = field(default_factory=dict)
    result: dict[str, Any] = field(default_factory=dict)
    created_at: str = ""


@dataclass(frozen=True)
class RunStatus:
    """How a run relates to the current versions of its inputs.

    Attributes
    ----------
    current : bool
        Every input still has the version the run was made from.
    stale : tuple of str
        Inputs whose version changed since (recompute to follow them).
    missing : tuple of str
        Inputs that no longer exist.
    """

    current: bool
    stale: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()

    def describe(self) -> str:
        """One sentence for a banner or a CLI note."""
        if self.current:
            return "up to date"
        parts = []
        if self.stale:
            parts.append("changed since: " + ", ".join(self.stale))
        if self.missing:
            parts.append("no longer there: " + ", ".join(self.missing))
        return "; ".join(parts)


def new_id(slug: str) -> str:
    """A fresh id ``<slug>-<yyyymmdd-HHMMSS>-<6 hex>`` (the one format of run and job ids)."""
    clean = _SLUG.sub("-", slug.lower()).strip("-") or "run"
    return f"{clean}-{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:6]}"


def run_key(kind: str, name: str, params: dict[str, Any], inputs: dict[str, str]) -> str:
    """The key of a computation: equal keys mean the same result."""
    return fingerprint({"kind": kind, "name": name, "params": params, "inputs": inputs})


def ensure(ws: Workspace) -> None:
    """Create the ``runs`` table once per process and bring older tables into it."""
    ws.catalog.ensure_schema("runs", _DDL)
    _migrate(ws)


# -- writing ------------------------------------------------------------------------------------
def register(ws: Workspace, kind: str, name: str, *, params: dict[str, Any],
             inputs: dict[str, str] | None = None, result: dict[str, Any] | None = None,
             key: str | None = None, run_id: str | None = None) -> Run:
    """Store a new run.

    Parameters
    ----------
    ws : Workspace
    kind, name : str
        What the run is, and what it is of.
    params : dict
        How it was made (JSON-serialisable).
    inputs : dict of str to str, optional
        Input name → version at the time (see :func:`input_version`).
    result : dict, optional
        Its summary (can be saved later with :func:`save_result`).
    key : str, optional
        The computation's key; :func:`run_key` of the above by default.
    run_id : str, optional
        The id; a new one (:func:`new_id` of the kind) by default.

    Returns
    -------
    Run
    """
    ensure(ws)
    inputs = dict(inputs or {})
    run = Run(id=run_id or new_id(kind), kind=kind, name=name,
              key=key or run_key(kind, name, params, inputs), inputs=inputs,
              params=dict(params), result=dict(result or {}), created_at=now())
    with ws.catalog.connect() as conn:
        conn.execute(
            "INSERT INTO runs(id, kind, name, key, inputs, params, result, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (run.id, kind, name, run.key, _dump(run.inputs), _dump(run.params),
             _dump(run.result), run.created_at))
    return run


def save_result(ws: Workspace, run_id: str, result: dict[str, Any]) -> None:
    """Replace the stored summary of a run."""
    ensure(ws)
    with ws.catalog.connect() as conn:
        conn.execute("UPDATE runs SET result=? WHERE id=?", (_dump(result), run_id))


def delete(ws: Workspace, run_id: str) -> None:
    """Forget a run (its arrays are the caller's to remove); no error if absent."""
    ensure(ws)
    with ws.catalog.connect() as conn:
        conn.execute("DELETE FROM runs WHERE id=?", (run_id,))


# -- reading ------------------------------------------------------------------------------------
def load(ws: Workspace, run_id: str, *, kind: str | Iterable[str] | None = None) -> Run:
    """One run by id.

    Raises
    ------
    ArtExploreError
        If there is no such run (of that kind).
    """
    ensure(ws)
    rows = ws.catalog.query("SELECT * FROM runs WHERE id=?", (run_id,))
    kinds = _kinds(kind)
    if not rows or (kinds and rows[0]["kind"] not in kinds):
        what = " or ".join(kinds) if kinds else "a"
        raise ArtExploreError(f"No {what} run {run_id!r} in {ws.root}")
    return _run(rows[0])


def find(ws: Workspace, kind: str, key: str) -> Run | None:
    """The newest run of a kind with this key (the same computation), or None."""
    ensure(ws)
    rows = ws.catalog.query("SELECT * FROM runs WHERE kind=? AND key=? "
                            "ORDER BY created_at DESC, id DESC LIMIT 1", (kind, key))
    return _run(rows[0]) if rows else None


def list_runs(ws: Workspace, kind: str | Iterable[str] | None = None, *,
              name: str | None = None, limit: int | None = None) -> list[Run]:
    """Stored runs, newest first.

    Parameters
    ----------
    ws : Workspace
    kind : str or iterable of str, optional
        Only runs of these kinds.
    name : str, optional
        Only runs of this name.
    limit : int, optional
    """
    ensure(ws)
    clauses, args = [], []
    kinds = _kinds(kind)
    if kinds:
        clauses.append(f"kind IN ({','.join('?' * len(kinds))})")
        args += kinds
    if name is not None:
        clauses.append("name=?")
        args.append(name)
    sql = "SELECT * FROM runs" + (" WHERE " + " AND ".join(clauses) if clauses else "")
    sql += " ORDER BY created_at DESC, id DESC"
    if limit is not None:
        sql += " LIMIT ?"
        args.append(int(limit))
    return [_run(r) for r in ws.catalog.query(sql, args)]


def latest(ws: Workspace, kind: str, name: str) -> Run | None:
    """The newest run of a kind and name, or None."""
    runs = list_runs(ws, kind, name=name, limit=1)
    return runs[0] if runs else None


# -- status -------------------------------------------------------------------------------------
def input_version(ws: Workspace, spec: str) -> str | None:
    """The current version of an input, or None when it does not exist.

    Parameters
    ----------
    spec : str
        ``features:NAME`` (a feature set's fingerprint), ``arrays:KIND/NAME`` (the
        current fingerprint of stored arrays), ``run:ID`` (the run's key).
    """
    from .features.sets import version

    kind, _, name = spec.partition(":")
    try:
        if kind == "features":
            return version(ws, name).fingerprint
        if kind == "arrays":
            akind, _, aname = name.partition("/")
            return ws.arrays.current(akind, aname)
        if kind == "run":
            return load(ws, name).key
    except ArtExploreError:
        return None
    raise ArtExploreError(f"Unknown run input {spec!r} (features:NAME, arrays:KIND/NAME, run:ID)")


def status(ws: Workspace, run: Run) -> RunStatus:
    """Whether a run still follows the current versions of its inputs."""
    stale, missing = [], []
    for spec, made_from in run.inputs.items():
        now_at = input_version(ws, spec)
        if now_at is None:
            missing.append(spec)
        elif now_at != made_from:
            stale.append(spec)
    return RunStatus(current=not stale and not missing, stale=tuple(stale),
                     missing=tuple(missing))


# -- helpers ------------------------------------------------------------------------------------
def _kinds(kind: str | Iterable[str] | None) -> list[str]:
    if kind is None:
        return []
    return [kind] if isinstance(kind, str) else list(kind)


def _dump(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)


def _run(row: Any) -> Run:
    return Run(id=row["id"], kind=row["kind"], name=row["name"], key=row["key"],
               inputs=json.loads(row["inputs"] or "{}"), params=json.loads(row["params"] or "{}"),
               result=json.loads(row["result"] or "{}"), created_at=row["created_at"])


def _migrate(ws: Workspace) -> None:
    """Copy the rows of the tables that held runs before the run store (once)."""
    if ws.catalog.get_meta("runs_migrated") == "1":
        return
    moved = 0
    if ws.catalog.table_exists("cluster_runs"):
        for row in ws.catalog.query("SELECT * FROM cluster_runs"):
            params = json.loads(row["params"] or "{}")
            result = {"n_clusters": row["n_clusters"], "n_works": row["n_works"],
                      "n_noise": row["n_noise"], "space": row["space"],
                      "metrics": json.loads(row["metrics"] or "{}"),
                      "k_selection": json.loads(row["k_selection"]) if row["k_selection"]
                      else None, "notes": json.loads(row["notes"] or "[]")}
            moved += _insert_legacy(ws, row["id"], "cluster", row["features"], row["fingerprint"],
                                    {"method": row["method"], **params}, result,
                                    row["created_at"])
    if ws.catalog.table_exists("label_runs"):
        for row in ws.catalog.query("SELECT * FROM label_runs"):
            result = {"metrics": json.loads(row["metrics"] or "{}"),
                      "artifacts": json.loads(row["artifacts"] or "{}"),
                      "feature_set": row["feature_set"], "fingerprint": row["fingerprint"]}
            moved += _insert_legacy(ws, row["id"], row["kind"], row["label_column"],
                                    row["fingerprint"], json.loads(row["params"] or "{}"),
                                    result, row["created_at"])
    if moved:
        log.info("moved %d stored runs into the run store", moved)
    ws.catalog.set_meta("runs_migrated", "1")


def _insert_legacy(ws: Workspace, run_id: str, kind: str, name: str, key: str,
                   params: dict[str, Any], result: dict[str, Any], created_at: str) -> int:
    with ws.catalog.connect() as conn:
        cur = conn.execute(
            "INSERT OR IGNORE INTO runs(id, kind, name, key, inputs, params, result, created_at) "
            "VALUES (?, ?, ?, ?, '{}', ?, ?, ?)",
            (run_id, kind, name, key, _dump(params), _dump(result), created_at))
        return cur.rowcount

"""The SQLite catalogue of a workspace: works, skipped files, jobs, stored arrays.

One short-lived connection per operation keeps the catalogue safe to use from
Streamlit's script threads, the CLI and job worker processes at the same time
(WAL journal, busy timeout). Later stages add their own tables with
:meth:`Catalog.ensure_schema`.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..errors import CatalogDamagedError, CatalogLockedError

SCHEMA_VERSION = 1

# Fields of the work record that metadata may set, in display order.
CANONICAL_FIELDS: tuple[str, ...] = (
    "artist", "title", "date", "style", "technique", "width_cm", "height_cm",
)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS works (
    id TEXT PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    format TEXT NOT NULL,
    mode TEXT NOT NULL,
    n_frames INTEGER NOT NULL DEFAULT 1,
    status TEXT NOT NULL DEFAULT 'ok',
    flags TEXT NOT NULL DEFAULT '[]',
    artist TEXT, title TEXT, date TEXT, year INTEGER, style TEXT, technique TEXT,
    width_cm REAL, height_cm REAL,
    metadata TEXT NOT NULL DEFAULT '{}',
    added_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS works_status ON works(status);
CREATE TABLE IF NOT EXISTS skipped (
    path TEXT PRIMARY KEY,
    reason TEXT NOT NULL,
    detail TEXT NOT NULL,
    size_bytes INTEGER,
    mtime_ns INTEGER,
    at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    params TEXT NOT NULL,
    backend TEXT NOT NULL,
    status TEXT NOT NULL,
    done INTEGER NOT NULL DEFAULT 0,
    total INTEGER,
    message TEXT NOT NULL DEFAULT '',
    result TEXT,
    error TEXT,
    host TEXT,
    pid INTEGER,
    cancel_requested INTEGER NOT NULL DEFAULT 0,
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    started_at TEXT,
    heartbeat_at TEXT,
    finished_at TEXT
);
CREATE TABLE IF NOT EXISTS arrays (
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    params TEXT NOT NULL,
    n_rows INTEGER NOT NULL DEFAULT 0,
    current INTEGER NOT NULL DEFAULT 1,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (kind, name, fingerprint)
);
"""


def now() -> str:
    """Current UTC time as an ISO 8601 string (seconds)."""
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


class Catalog:
    """The SQLite database of one workspace.

    Parameters
    ----------
    path : pathlib.Path
        The database file; created with its schema when missing.
    """

    busy_timeout_s = 60.0  # how long a write waits for another process's write lock

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._ensured: set[str] = set()
        self._lock = threading.Lock()
        # A catalogue that has its schema is only read here: opening a workspace
        # must work (and change nothing) while another process writes to it.
        if self._schema_version() is None:
            with self.connect() as conn:
                conn.executescript(_SCHEMA)
                conn.execute(
                    "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)",
                    (str(SCHEMA_VERSION),),
                )

    def _schema_version(self) -> str | None:
        if not self.path.exists() or self.path.stat().st_size == 0:
            return None
        with self.connect() as conn:
            try:
                row = conn.execute(
                    "SELECT value FROM meta WHERE key='schema_version'").fetchone()
            except sqlite3.OperationalError as exc:
                if "no such table" in str(exc):
                    return None
                raise
        return None if row is None else row[0]

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        """Open a connection, commit on success, roll back on error, close.

        Yields
        ------
        sqlite3.Connection
            Rows are :class:`sqlite3.Row` (accessible by column name).
        """
        try:
            conn = sqlite3.connect(self.path, timeout=self.busy_timeout_s,
                                   isolation_level="DEFERRED")
        except sqlite3.Error as exc:
            raise self._explain(exc) from exc
        conn.row_factory = sqlite3.Row
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA foreign_keys=ON")
            yield conn
            conn.commit()
        except BaseException as exc:
            try:
                conn.rollback()
            except sqlite3.Error:
                pass
            if isinstance(exc, sqlite3.OperationalError | sqlite3.DatabaseError):
                explained = self._explain(exc)
                if explained is not exc:
                    raise explained from exc
            raise
        finally:
            conn.close()

    def _explain(self, exc: sqlite3.Error) -> Exception:
        """A one-line workspace error for a locked or damaged catalogue, else ``exc``."""
        text = str(exc)
        if "locked" in text or "busy" in text:
            return CatalogLockedError(
                f"The catalogue {self.path} is locked by another process (an ingest or a "
                f"job writing to this workspace) for more than {self.busy_timeout_s:g} s; "
                "try again when it has finished")
        damaged = ("not a database", "malformed", "file is encrypted")
        if any(d in text for d in damaged):
            return CatalogDamagedError(
                f"The catalogue {self.path} is damaged ({text}); rebuild it with "
                "`artexplore ingest FOLDER --workspace WS [--metadata CSV]`, which moves "
                "it aside; stored features are found again by `artexplore embed`")
        return exc

    def ensure_schema(self, name: str, ddl: str) -> None:
        """Create the tables of a later stage once (idempotent ``CREATE … IF NOT EXISTS``).

        Parameters
        ----------
        name : str
            A name for this piece of schema, so it runs once per process.
        ddl : str
            SQL statements.
        """
        with self._lock:
            if name in self._ensured:
                return
            with self.connect() as conn:
                conn.executescript(ddl)
            self._ensured.add(name)

    # -- small helpers -------------------------------------------------------------------
    def query(self, sql: str, params: Sequence[Any] | dict = ()) -> list[sqlite3.Row]:
        """Run a read query and return all rows."""
        with self.connect() as conn:
            return conn.execute(sql, params).fetchall()

    def scalar(self, sql: str, params: Sequence[Any] | dict = ()) -> Any:
        """Run a query and return the first column of the first row (or None)."""
        with self.connect() as conn:
            row = conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def table_exists(self, table: str) -> bool:
        """Whether a table exists in the database."""
        return bool(self.scalar(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (table,)))

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        """Read a value of the ``meta`` table."""
        value = self.scalar("SELECT value FROM meta WHERE key=?", (key,))
        return default if value is None else value

    def set_meta(self, key: str, value: str) -> None:
        """Write a value of the ``meta`` table."""
        with self.connect() as conn:
            conn.execute(
                "INSERT INTO meta(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value=excluded.value", (key, value))


def row_to_work(row: sqlite3.Row) -> dict[str, Any]:
    """Turn a ``works`` row into a plain dict with decoded JSON fields."""
    work = dict(row)
    work["flags"] = json.loads(work.get("flags") or "[]")
    work["metadata"] = json.loads(work.get("metadata") or "{}")
    return work

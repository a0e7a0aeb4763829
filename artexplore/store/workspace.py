"""A workspace: the folder that holds one collection's catalogue, thumbnails and arrays."""

from __future__ import annotations

import json
import logging
import os
import re
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ArtExploreError, CatalogDamagedError, WorkspaceError
from .arrays import ArrayStore
from .catalog import CANONICAL_FIELDS, Catalog, now, row_to_work

log = logging.getLogger(__name__)

CATALOG_NAME = "catalog.sqlite"
# Images fetched from IIIF live in the workspace under this folder (their work path starts so).
IIIF_FOLDER = "iiif"

# Columns of ``works`` a filter may name directly; anything else is free metadata.
_COLUMN_FIELDS = set(CANONICAL_FIELDS) | {"year", "format", "status", "path", "mode"}


@dataclass(frozen=True)
class WorkQuery:
    """A filter over the works of a collection.

    Parameters
    ----------
    text : str
        Case-insensitive substring searched in path, title and artist.
    status : tuple of str
        Keep works with one of these statuses (``ok``, ``missing``); all when empty.
    flags : tuple of str
        Keep works carrying every one of these flags (e.g. ``small``).
    fields : tuple of (str, tuple of str)
        Per field, the accepted values (any of them). A field is a canonical
        column (artist, style…) or a key of the free metadata.
    ids : tuple of str, optional
        Restrict to these work ids.
    """

    text: str = ""
    status: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    fields: tuple[tuple[str, tuple[str, ...]], ...] = ()
    ids: tuple[str, ...] | None = None


class Workspace:
    """One collection on disk.

    Parameters
    ----------
    root : pathlib.Path
        The workspace folder.
    create : bool, default=False
        Create the folder and catalogue when missing; otherwise a missing
        workspace raises :class:`WorkspaceError`.
    """

    def __init__(self, root: Path | str, *, create: bool = False) -> None:
        self.root = Path(root).expanduser().resolve()
        if self.root.exists() and not self.root.is_dir():
            raise WorkspaceError(f"{self.root} is a file, not a workspace folder; "
                                 "name a folder with --workspace")
        db = self.root / CATALOG_NAME
        if not db.exists():
            if not create:
                raise WorkspaceError(
                    f"No workspace at {self.root} (no {CATALOG_NAME}); "
                    "create one with `artexplore ingest FOLDER --workspace WS`")
            try:
                self.root.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise WorkspaceError(f"Cannot create the workspace {self.root}: "
                                     f"{exc.strerror or exc}") from exc
        try:
            self.catalog = Catalog(db)
        except CatalogDamagedError as exc:
            if not create:
                raise
            self.catalog = Catalog(_move_aside(db, exc))
        self.arrays = ArrayStore(self.root / "arrays", self.catalog)

    def __repr__(self) -> str:
        return f"Workspace({str(self.root)!r})"

    def state_token(self) -> str:
        """Changes whenever works, stored arrays, runs or fused sets change: a cache key.

        A few indexed aggregates (milliseconds at a million works), so that pages can
        cache what they derive from the whole workspace (what is missing, map status,
        metadata fields) and recompute it only after a change.
        """
        # MAX(updated_at) reads an index (made once, by the first page that asks).
        self.catalog.ensure_schema(
            "works_updated", "CREATE INDEX IF NOT EXISTS works_updated ON works(updated_at);")
        tables = {r[0] for r in self.catalog.query(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        parts = ["(SELECT COUNT(*) FROM works)", "(SELECT MAX(rowid) FROM works)",
                 "(SELECT MAX(updated_at) FROM works)", "(SELECT COUNT(*) FROM skipped)",
                 "(SELECT COUNT(*) FROM arrays)", "(SELECT MAX(updated_at) FROM arrays)"]
        if "runs" in tables:  # the run store makes its table when first used
            parts += ["(SELECT COUNT(*) FROM runs)", "(SELECT MAX(created_at) FROM runs)",
                      "(SELECT SUM(LENGTH(result)) FROM runs)"]
        if "feature_fusions" in tables:  # fused sets' definitions (their block weights)
            parts += ["(SELECT COUNT(*) FROM feature_fusions)",
                      "(SELECT MAX(updated_at) FROM feature_fusions)"]
        row = self.catalog.query("SELECT " + ", ".join(parts))[0]
        return "|".join(str(v) for v in tuple(row))

    @classmethod
    def open(cls, root: Path | str, *, create: bool = False) -> Workspace:
        """Open (or create) a workspace. See :class:`Workspace`."""
        return cls(root, create=create)

    # -- paths -----------------------------------------------------------------------------
    @property
    def source_root(self) -> Path | None:
        """The folder the collection was ingested from, or None before any ingest."""
        value = self.catalog.get_meta("source_root")
        return Path(value) if value else None

    def thumbnail_path(self, work_id: str) -> Path:
        """Where the thumbnail of a work is stored."""
        return self.root / "thumbs" / work_id[:2] / f"{work_id}.jpg"

    def image_path(self, work: dict[str, Any] | str) -> Path:
        """Absolute path of a work's image file."""
        if isinstance(work, str):
            work = self.work(work)
        if (work["path"].startswith(IIIF_FOLDER + "/")
                and "iiif_manifest" in (work.get("metadata") or {})):
            return self.root / work["path"]  # fetched from IIIF into the workspace
        root = self.source_root
        if root is None:
            raise WorkspaceError("the workspace has no source folder yet")
        return root / work["path"]

    def path(self, *parts: str) -> Path:
        """A path inside the workspace folder (parents created)."""
        target = self.root.joinpath(*parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    # -- works -----------------------------------------------------------------------------
    def work(self, work_id: str) -> dict[str, Any]:
        """One work record by id.

        Raises
        ------
        ArtExploreError
            If the id is unknown.
        """
        rows = self.catalog.query("SELECT * FROM works WHERE id=?", (work_id,))
        if not rows:
            raise ArtExploreError(f"No work with id {work_id!r} in {self.root}")
        return row_to_work(rows[0])

    def work_by_path(self, work_path: str) -> dict[str, Any]:
        """One work record by its path relative to the collection folder.

        Raises
        ------
        ArtExploreError
            If no work has that path.
        """
        rows = self.catalog.query("SELECT * FROM works WHERE path=?",
                                  (work_path.replace(os.sep, "/"),))
        if not rows:
            raise ArtExploreError(f"No work with path {work_path!r} in {self.root}")
        return row_to_work(rows[0])

    def works(self, *, status: Sequence[str] | None = ("ok",),
              ids: Iterable[str] | None = None) -> list[dict[str, Any]]:
        """Work records ordered by path.

        Parameters
        ----------
        status : sequence of str or None, default=("ok",)
            Statuses to keep; None keeps all.
        ids : iterable of str, optional
            Restrict to these ids (result still ordered by path).

        Returns
        -------
        list of dict
        """
        sql, params = "SELECT * FROM works", []
        clauses = []
        if status is not None:
            clauses.append(f"status IN ({','.join('?' * len(status))})")
            params.extend(status)
        if ids is not None:
            ids = list(ids)
            clauses.append("id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(ids))
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += " ORDER BY path"
        return [row_to_work(r) for r in self.catalog.query(sql, params)]

    def work_ids(self, *, status: Sequence[str] | None = ("ok",)) -> list[str]:
        """Ids of the works, ordered by path."""
        return self.id_paths(status=status)[0]

    def id_paths(self, *, status: Sequence[str] | None = ("ok",)
                 ) -> tuple[list[str], list[str]]:
        """Ids and paths of the works, ordered by path, without decoding their records.

        The cheap read behind every stage that aligns arrays to the collection: at
        100,000 works it reads two columns instead of decoding every row's JSON.

        Returns
        -------
        ids, paths : list of str
        """
        sql, params = "SELECT id, path FROM works", []
        if status is not None:
            sql += f" WHERE status IN ({','.join('?' * len(status))})"
            params.extend(status)
        rows = self.catalog.query(sql + " ORDER BY path", params)
        return [r[0] for r in rows], [r[1] for r in rows]

    def field_column(self, name: str, ids: Sequence[str]) -> list[Any]:
        """The values of one field (canonical or free metadata) for works, in the order
        of ``ids`` (None where a work has no value or is unknown); one query, no decoding
        of whole records. Many ids (a map's) are read by one scan of the column."""
        expr = _field_expr(name)
        ids = [str(i) for i in ids]
        if len(ids) > 20_000:
            rows = self.catalog.query(f"SELECT id, {expr} AS v FROM works")
        else:
            rows = self.catalog.query(
                f"SELECT id, {expr} AS v FROM works WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(ids),))
        by_id = {r[0]: r[1] for r in rows}
        return [by_id.get(i) for i in ids]

    def paths_of(self, ids: Iterable[str]) -> list[str]:
        """Work paths for ids, in the same order."""
        ids = list(ids)
        rows = self.catalog.query(
            "SELECT id, path FROM works WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(ids),))
        by_id = {r["id"]: r["path"] for r in rows}
        missing = [i for i in ids if i not in by_id]
        if missing:
            raise ArtExploreError(f"Unknown work ids: {missing[:5]}")
        return [by_id[i] for i in ids]

    def ids_of(self, work_paths: Iterable[str]) -> list[str]:
        """Work ids for paths relative to the collection folder, in the same order.

        Raises
        ------
        ArtExploreError
            Naming the paths that are not in the collection.
        """
        paths = [p.replace(os.sep, "/") for p in work_paths]
        rows = self.catalog.query(
            "SELECT id, path FROM works WHERE path IN (SELECT value FROM json_each(?))",
            (json.dumps(paths),))
        by_path = {r["path"]: r["id"] for r in rows}
        missing = [p for p in paths if p not in by_path]
        if missing:
            raise ArtExploreError(
                f"{len(missing)} work path(s) not in the collection, e.g. {missing[:3]}")
        return [by_path[p] for p in paths]

    def _where(self, q: WorkQuery) -> tuple[str, list[Any]]:
        clauses, params = [], []
        if q.text:
            clauses.append("(LOWER(path) LIKE ? ESCAPE '\\' "
                           "OR LOWER(COALESCE(title,'')) LIKE ? ESCAPE '\\' "
                           "OR LOWER(COALESCE(artist,'')) LIKE ? ESCAPE '\\')")
            # % and _ in the text are characters to find, not wildcards.
            escaped = re.sub(r"([\\%_])", r"\\\1", q.text.lower())
            like = f"%{escaped}%"
            params += [like, like, like]
        if q.status:
            clauses.append(f"status IN ({','.join('?' * len(q.status))})")
            params += list(q.status)
        for flag in q.flags:
            clauses.append("EXISTS (SELECT 1 FROM json_each(works.flags) WHERE value = ?)")
            params.append(flag)
        for name, values in q.fields:
            if not values:
                continue
            expr = _field_expr(name)
            clauses.append(
                f"CAST({expr} AS TEXT) IN (SELECT value FROM json_each(?))")
            params.append(json.dumps([str(v) for v in values]))
        if q.ids is not None:
            clauses.append("id IN (SELECT value FROM json_each(?))")
            params.append(json.dumps(list(q.ids)))
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        return where, params

    def search(self, query: WorkQuery = WorkQuery(), *, limit: int | None = None,
               offset: int = 0, order_by: str = "path") -> tuple[list[dict[str, Any]], int]:
        """Filter the works, with paging.

        Parameters
        ----------
        query : WorkQuery
            The filter.
        limit : int, optional
            Page size; all when None.
        offset : int, default=0
            Rows to skip.
        order_by : str, default="path"
            A field to sort on (canonical column or free metadata key).

        Returns
        -------
        works : list of dict
            The page of work records.
        total : int
            Number of works matching the filter.
        """
        where, params = self._where(query)
        total = self.catalog.scalar(f"SELECT COUNT(*) FROM works{where}", params)
        order = _field_expr(order_by)
        sql = f"SELECT * FROM works{where} ORDER BY {order} IS NULL, {order}, path"
        if limit is not None:
            sql += " LIMIT ? OFFSET ?"
            params = [*params, int(limit), int(offset)]
        return [row_to_work(r) for r in self.catalog.query(sql, params)], int(total or 0)

    def metadata_fields(self) -> list[str]:
        """Every field that holds a value for at least one work: canonical first, then free."""
        fields = []
        for name in (*CANONICAL_FIELDS, "year"):
            if self.catalog.scalar(f"SELECT 1 FROM works WHERE {name} IS NOT NULL LIMIT 1"):
                fields.append(name)
        rows = self.catalog.query(
            "SELECT DISTINCT key FROM works, json_each(works.metadata) ORDER BY key")
        return fields + [r["key"] for r in rows if r["key"] not in fields]

    def field_values(self, name: str, *, limit: int = 500) -> list[tuple[str, int]]:
        """Distinct values of a field with their counts, most frequent first."""
        expr = _field_expr(name)
        rows = self.catalog.query(
            f"SELECT CAST({expr} AS TEXT) AS v, COUNT(*) AS n FROM works "
            f"WHERE {expr} IS NOT NULL AND CAST({expr} AS TEXT) != '' "
            "GROUP BY v ORDER BY n DESC, v LIMIT ?", (limit,))
        return [(r["v"], r["n"]) for r in rows]

    def field_of(self, work: dict[str, Any], name: str) -> Any:
        """The value of a field (canonical or free metadata) of a work record."""
        if name in work and name not in ("metadata",):
            return work[name]
        return work.get("metadata", {}).get(name)

    def skipped(self) -> list[dict[str, Any]]:
        """Files skipped at ingest, with their reason, ordered by path."""
        return [dict(r) for r in self.catalog.query("SELECT * FROM skipped ORDER BY path")]

    def counts(self) -> dict[str, int]:
        """Number of works by status, plus ``skipped``."""
        rows = self.catalog.query("SELECT status, COUNT(*) AS n FROM works GROUP BY status")
        counts = {r["status"]: r["n"] for r in rows}
        counts["skipped"] = int(self.catalog.scalar("SELECT COUNT(*) FROM skipped") or 0)
        return counts

    def set_metadata(self, work_id: str, **values: Any) -> None:
        """Set canonical fields or free metadata keys of one work.

        Parameters
        ----------
        work_id : str
            The work.
        **values
            Field names and values; canonical fields go to their column, other
            names into the free metadata.
        """
        work = self.work(work_id)
        free = dict(work["metadata"])
        columns = {}
        for key, value in values.items():
            if key in CANONICAL_FIELDS or key == "year":
                columns[key] = value
            else:
                free[key] = value
        sets = ", ".join(f"{k}=?" for k in columns)
        with self.catalog.connect() as conn:
            if sets:
                conn.execute(f"UPDATE works SET {sets} WHERE id=?", (*columns.values(), work_id))
            conn.execute("UPDATE works SET metadata=?, updated_at=? WHERE id=?",
                         (json.dumps(free, ensure_ascii=False), now(), work_id))


def _move_aside(db: Path, exc: Exception) -> Path:
    """Rename a damaged catalogue (and its journal files) so that a new one is made."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for suffix in ("", "-wal", "-shm"):
        src = db.with_name(db.name + suffix)
        if src.exists():
            os.replace(src, db.with_name(f"{db.name}.damaged-{stamp}{suffix}"))
    log.warning("%s was damaged (%s); kept as %s.damaged-%s, starting a new catalogue "
                "(stored features are found again by `artexplore embed`)",
                db, exc.__cause__ or exc, db.name, stamp)
    return db


def _field_expr(name: str) -> str:
    """SQL expression reading a field: a column, or a key of the free metadata."""
    if name in _COLUMN_FIELDS:
        return name
    literal = name.replace("'", "''")  # inside an SQL string literal
    if '"' in name or "\\" in name:
        # A JSON path cannot quote these characters: look the key up instead.
        return f"(SELECT value FROM json_each(works.metadata) WHERE key = '{literal}')"
    return f"json_extract(works.metadata, '$.\"{literal}\"')"

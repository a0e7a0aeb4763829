"""Exhibitions in the workspace database: tables, create, load, save, list, delete.

Three tables: ``exhibitions`` (one row each), ``exhibition_sections`` and
``exhibition_items`` (position-ordered rows). :func:`save_exhibition` rewrites the
sections and items of one exhibition in a single transaction, so a crash never
leaves half an edit.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from ..errors import ArtExploreError
from ..store.catalog import now
from ..store.workspace import Workspace
from .model import Exhibition, Item, Section

_DDL = """
CREATE TABLE IF NOT EXISTS exhibitions (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS exhibition_sections (
    exhibition_id TEXT NOT NULL REFERENCES exhibitions(id) ON DELETE CASCADE,
    section_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (exhibition_id, section_id)
);
CREATE TABLE IF NOT EXISTS exhibition_items (
    exhibition_id TEXT NOT NULL REFERENCES exhibitions(id) ON DELETE CASCADE,
    work_id TEXT NOT NULL,
    section_id INTEGER NOT NULL,
    position INTEGER NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (exhibition_id, work_id)
);
"""

MAX_TITLE = 200


def _ensure(ws: Workspace) -> None:
    ws.catalog.ensure_schema("exhibitions", _DDL)


def slugify(text: str) -> str:
    """A short ASCII id made from a title (``"Blue nocturnes!"`` → ``blue-nocturnes``)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:48].strip("-") or "exhibition"


def _check_title(title: str) -> str:
    title = (title or "").strip()
    if not title:
        raise ArtExploreError("An exhibition needs a title")
    if len(title) > MAX_TITLE:
        raise ArtExploreError(f"An exhibition title has at most {MAX_TITLE} characters, "
                              f"got {len(title)}")
    return title


def _check_works(ws: Workspace, work_ids: Iterable[str]) -> list[str]:
    ids = list(dict.fromkeys(work_ids))
    if not ids:
        return ids
    known = {w["id"] for w in ws.works(status=None, ids=ids)}
    unknown = [w for w in ids if w not in known]
    if unknown:
        raise ArtExploreError(f"{len(unknown)} work id(s) are not in the collection, "
                              f"e.g. {unknown[:3]}")
    return ids


def create_exhibition(ws: Workspace, title: str, work_ids: Iterable[str] = (), *,
                      description: str = "", source: dict[str, Any] | None = None,
                      sections: list[tuple[str, list[str]]] | None = None) -> Exhibition:
    """Create and store a new exhibition.

    Parameters
    ----------
    ws : Workspace
    title : str
        Non-empty; the id is made from it (``blue-nocturnes``, ``blue-nocturnes-2``…).
    work_ids : iterable of str
        The works, in order (duplicates dropped).
    description : str
    source : dict, optional
        Where the works came from, kept for the record.
    sections : list of (str, list of str), optional
        Sections as ``(title, work ids)``; then ``work_ids`` may be empty.

    Returns
    -------
    Exhibition

    Raises
    ------
    ArtExploreError
        An empty title, or a work id that is not in the collection.
    """
    _ensure(ws)
    title = _check_title(title)
    ids = _check_works(ws, work_ids)
    ex = Exhibition(id="", title=title, description=str(description or ""),
                    source=dict(source or {}))
    ex.add(ids)
    if sections:
        _check_works(ws, [w for _, group in sections for w in group])
        ex.add([w for _, group in sections for w in group])
        ex.set_sections(sections)
    stamp = now()
    ex.created_at = ex.updated_at = stamp
    with ws.catalog.connect() as conn:
        # The id is chosen and inserted in one transaction, so two creators never collide.
        conn.execute("BEGIN IMMEDIATE")
        base = slugify(title)
        ex.id = base if not _id_taken(conn, base) else _next_free(conn, base)
        conn.execute(
            "INSERT INTO exhibitions(id, title, description, source, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (ex.id, ex.title, ex.description, json.dumps(ex.source, ensure_ascii=False),
             stamp, stamp))
        _write_rows(conn, ex)
    return ex


def _id_taken(conn, exhibition_id: str) -> bool:
    return conn.execute("SELECT 1 FROM exhibitions WHERE id=?", (exhibition_id,)).fetchone() \
        is not None


def _next_free(conn, base: str) -> str:
    n = 2
    while _id_taken(conn, f"{base}-{n}"):
        n += 1
    return f"{base}-{n}"


def _write_rows(conn, ex: Exhibition) -> None:
    conn.execute("DELETE FROM exhibition_items WHERE exhibition_id=?", (ex.id,))
    conn.execute("DELETE FROM exhibition_sections WHERE exhibition_id=?", (ex.id,))
    conn.executemany(
        "INSERT INTO exhibition_sections(exhibition_id, section_id, position, title, text) "
        "VALUES (?, ?, ?, ?, ?)",
        [(ex.id, s.id, k, s.title, s.text) for k, s in enumerate(ex.sections)])
    rows, position = [], 0
    for s in ex.sections:
        for item in s.items:
            rows.append((ex.id, item.work_id, s.id, position, item.note))
            position += 1
    conn.executemany(
        "INSERT INTO exhibition_items(exhibition_id, work_id, section_id, position, note) "
        "VALUES (?, ?, ?, ?, ?)", rows)


def save_exhibition(ws: Workspace, ex: Exhibition) -> Exhibition:
    """Write an edited exhibition back (title, description, sections, order, notes).

    Raises
    ------
    ArtExploreError
        If the exhibition was deleted, the title is empty, or a work is unknown.
    """
    _ensure(ws)
    ex.title = _check_title(ex.title)
    _check_works(ws, ex.work_ids)
    ex.updated_at = now()
    with ws.catalog.connect() as conn:
        done = conn.execute(
            "UPDATE exhibitions SET title=?, description=?, source=?, updated_at=? WHERE id=?",
            (ex.title, ex.description, json.dumps(ex.source, ensure_ascii=False),
             ex.updated_at, ex.id))
        if done.rowcount == 0:
            raise ArtExploreError(f"No exhibition {ex.id!r} (it may have been deleted)")
        _write_rows(conn, ex)
    return ex


def load_exhibition(ws: Workspace, exhibition_id: str) -> Exhibition:
    """An exhibition by id.

    Raises
    ------
    ArtExploreError
        If there is none; the message lists the stored ids.
    """
    _ensure(ws)
    with ws.catalog.connect() as conn:
        row = conn.execute("SELECT * FROM exhibitions WHERE id=?", (exhibition_id,)).fetchone()
        if row is None:
            known = ", ".join(r[0] for r in conn.execute(
                "SELECT id FROM exhibitions ORDER BY updated_at DESC LIMIT 20")) or "none"
            raise ArtExploreError(f"No exhibition {exhibition_id!r} (stored: {known})")
        srows = conn.execute("SELECT * FROM exhibition_sections WHERE exhibition_id=? "
                             "ORDER BY position", (exhibition_id,)).fetchall()
        irows = conn.execute("SELECT * FROM exhibition_items WHERE exhibition_id=? "
                             "ORDER BY position", (exhibition_id,)).fetchall()
    sections = [Section(id=int(r["section_id"]), title=r["title"], text=r["text"])
                for r in srows]
    by_id = {s.id: s for s in sections}
    for r in irows:
        section = by_id.get(int(r["section_id"]))
        if section is None:  # a row without its section: keep the work, in the last section
            section = sections[-1] if sections else None
            if section is None:
                sections.append(Section(id=1))
                section = by_id[1] = sections[-1]
        section.items.append(Item(work_id=r["work_id"], note=r["note"]))
    return Exhibition(id=row["id"], title=row["title"], description=row["description"],
                      sections=sections, source=json.loads(row["source"] or "{}"),
                      created_at=row["created_at"], updated_at=row["updated_at"])


def list_exhibitions(ws: Workspace) -> list[dict[str, Any]]:
    """Every exhibition as ``{id, title, n_works, n_sections, updated_at}``, newest first."""
    _ensure(ws)
    rows = ws.catalog.query(
        "SELECT e.id, e.title, e.updated_at, e.created_at, "
        "(SELECT COUNT(*) FROM exhibition_items i WHERE i.exhibition_id = e.id) AS n_works, "
        "(SELECT COUNT(*) FROM exhibition_sections s WHERE s.exhibition_id = e.id) AS n_sections "
        "FROM exhibitions e ORDER BY e.updated_at DESC, e.id")
    return [dict(r) for r in rows]


def delete_exhibition(ws: Workspace, exhibition_id: str) -> None:
    """Remove an exhibition (no error if absent); the works stay in the collection."""
    _ensure(ws)
    with ws.catalog.connect() as conn:
        conn.execute("DELETE FROM exhibition_items WHERE exhibition_id=?", (exhibition_id,))
        conn.execute("DELETE FROM exhibition_sections WHERE exhibition_id=?", (exhibition_id,))
        conn.execute("DELETE FROM exhibitions WHERE id=?", (exhibition_id,))

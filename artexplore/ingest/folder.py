"""Ingestion: scan a folder, decode each image once, record it, keep a thumbnail.

Re-ingesting is idempotent and incremental: unchanged files (same size and
modification time) are not read again, new files are added, a changed file is
re-processed (new content, new id), a moved file keeps its id, a removed file is
marked ``missing``. Bad files are recorded in ``skipped`` with their reason.
Work is committed in small batches, so an interrupted ingest keeps what it did.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sqlite3
import time
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from ..config import IngestConfig
from ..errors import ImageLoadError, WorkspaceError
from ..imageio import ImageInfo, decode, encode_jpeg, make_thumbnail, open_regular
from ..progress import ProgressCallback, null_progress
from ..store.catalog import now
from ..store.workspace import Workspace
from .metadata import MetadataTable, read_metadata

log = logging.getLogger(__name__)

ID_LENGTH = 16
MAX_LISTED = 1000  # skipped files listed by name in a summary
IN_MEMORY_BYTES = 64 << 20  # files up to this size are read once into memory


@dataclass
class IngestReport:
    """What an ingest run did.

    Attributes
    ----------
    added, updated, moved, unchanged, missing : int
        Works new in this run, re-processed because their content changed,
        found at a new path, left as they were, newly marked missing.
    skipped : dict of str to tuple of (str, str)
        Files skipped in this run: path → (reason, detail).
    skipped_total : int
        Files recorded as skipped in the workspace after the run.
    flagged : Counter
        Flags of the works read in this run (``small``, ``animated``…).
    metadata_joined : int
        Works that received a metadata row.
    metadata_unmatched : int
        Metadata rows that matched no ingested file.
    metadata_notes : list of str
        What reading the metadata CSV renamed or dropped, and its encoding.
    """

    added: int = 0
    updated: int = 0
    moved: int = 0
    unchanged: int = 0
    missing: int = 0
    skipped: dict[str, tuple[str, str]] = field(default_factory=dict)
    skipped_total: int = 0
    flagged: Counter = field(default_factory=Counter)
    metadata_joined: int = 0
    metadata_unmatched: int = 0
    metadata_notes: list[str] = field(default_factory=list)
    works_total: int = 0

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable summary."""
        reasons = Counter(reason for reason, _ in self.skipped.values())
        return {
            "added": self.added, "updated": self.updated, "moved": self.moved,
            "unchanged": self.unchanged, "missing": self.missing,
            "skipped": len(self.skipped), "skipped_reasons": dict(reasons),
            "skipped_total": self.skipped_total, "flagged": dict(self.flagged),
            "metadata_joined": self.metadata_joined,
            "metadata_unmatched": self.metadata_unmatched,
            "metadata_notes": list(self.metadata_notes), "works": self.works_total,
            "skipped_files": [
                {"path": p, "reason": r, "detail": d}
                for p, (r, d) in sorted(self.skipped.items())[:MAX_LISTED]
            ],
        }


def format_ingest_summary(result: dict[str, Any]) -> list[str]:
    """Human-readable lines of an ingest summary (see :meth:`IngestReport.to_dict`)."""
    lines = [
        f"added {result['added']}, updated {result['updated']}, moved {result['moved']}, "
        f"unchanged {result['unchanged']}, newly missing {result['missing']}",
        f"works in the collection: {result['works']}",
    ]
    if result.get("flagged"):
        lines.append("flagged: " + ", ".join(f"{k} {v}" for k, v in sorted(result["flagged"].items())))
    if "manifests" in result:  # an ingest from IIIF (artexplore.ingest.iiif)
        lines.append(f"IIIF: {result['manifests']} manifests, {result.get('requests', 0)} "
                     f"requests, {result.get('bytes', 0):,} bytes read")
    elif result.get("metadata_joined") or result.get("metadata_unmatched"):
        lines.append(f"metadata: {result['metadata_joined']} works joined, "
                     f"{result['metadata_unmatched']} rows without a matching file")
    for note in result.get("metadata_notes", []):
        lines.append(f"metadata: {note}")
    reasons = ", ".join(f"{k} {v}" for k, v in sorted(result.get("skipped_reasons", {}).items()))
    lines.append(f"skipped in this run: {result['skipped']}" + (f" ({reasons})" if reasons else "")
                 + f"; recorded in total: {result['skipped_total']}")
    for item in result.get("skipped_files", []):
        lines.append(f"  skipped {item['path']}: {item['reason']} — {item['detail']}")
    if result["skipped"] > len(result.get("skipped_files", [])):
        lines.append(f"  … and {result['skipped'] - len(result['skipped_files'])} more "
                     "(see the Collection page or `artexplore info`)")
    return lines




def _is_hidden(name: str) -> bool:
    return name.startswith(".") or name in ("__MACOSX", "Thumbs.db", "desktop.ini")


def scan_folder(root: Path, *, exclude: Iterable[Path] = ()) -> list[str]:
    """List the files under a folder, as sorted relative POSIX paths.

    Symbolic links to folders are followed once: a link that leads back to a
    folder already visited (a loop) is not entered again. Hidden files and
    folders are ignored.

    Parameters
    ----------
    root : pathlib.Path
        The collection folder.
    exclude : iterable of pathlib.Path
        Files or folders to leave out (the workspace, the metadata file).

    Returns
    -------
    list of str
    """
    root = Path(root)
    excluded = {Path(p).resolve() for p in exclude}
    visited: set[tuple[int, int]] = set()
    found: list[str] = []

    def walk(folder: Path, rel: str) -> None:
        try:
            st = folder.stat()
        except OSError:
            return
        key = (st.st_dev, st.st_ino)
        if key in visited:
            log.info("not entering %s again (symbolic link loop)", folder)
            return
        visited.add(key)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            log.warning("cannot list %s: %s", folder, exc)
            return
        for entry in entries:
            if _is_hidden(entry.name):
                continue
            child = Path(entry.path)
            if excluded and child.resolve() in excluded:
                continue
            child_rel = f"{rel}/{entry.name}" if rel else entry.name
            try:
                is_dir = entry.is_dir(follow_symlinks=True)
            except OSError:
                is_dir = False
            if is_dir:
                walk(child, child_rel)
            else:
                found.append(child_rel)

    walk(root, "")
    return sorted(found)


@dataclass
class _Decoded:
    rel: str
    size: int
    mtime_ns: int
    sha256: str | None = None
    info: ImageInfo | None = None
    thumbnail: bytes | None = None
    error: tuple[str, str] | None = None


def _process(root: Path, rel: str, config: IngestConfig) -> _Decoded:
    path = root / rel
    try:
        st = path.stat()
    except OSError as exc:
        return _Decoded(rel, 0, 0, error=("unreadable", f"cannot stat the file: {exc}"))
    out = _Decoded(rel, st.st_size, st.st_mtime_ns)
    try:
        # Only a regular file is opened (a FIFO or a link to a device is refused);
        # small files are read once, large ones hashed in chunks and decoded from disk.
        with open_regular(path) as fh:
            size = os.fstat(fh.fileno()).st_size
            if size <= IN_MEMORY_BYTES:
                data = fh.read(IN_MEMORY_BYTES + 1)
                out.sha256 = hashlib.sha256(data).hexdigest()
                source: bytes | BinaryIO = data
            else:
                digest = hashlib.sha256()
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    digest.update(chunk)
                out.sha256 = digest.hexdigest()
                fh.seek(0)
                source = fh
            # Reduced JPEG decoding only; the fast thumbnailer does the rest.
            img, info = decode(source, max_pixels=config.max_pixels, max_side=config.thumb_size,
                               draft_only=True, min_side=config.min_side,
                               suffix=Path(rel).suffix)
        out.thumbnail = encode_jpeg(make_thumbnail(img, config.thumb_size), config.thumb_quality)
        out.info = info
    except ImageLoadError as exc:
        out.error = (exc.reason, exc.detail)
    except (MemoryError, ValueError, OSError) as exc:  # decoder bugs must not stop the run
        out.error = ("unreadable", f"{type(exc).__name__}: {exc}")
    return out


def _decode_all(root: Path, rels: list[str], config: IngestConfig) -> Iterator[_Decoded]:
    """Decode files in a thread pool, yielding results in order, a bounded batch at a time."""
    if config.workers == 1:
        for rel in rels:
            yield _process(root, rel, config)
        return
    window = max(4, config.workers * 4)
    with ThreadPoolExecutor(max_workers=config.workers) as pool:
        futures = []
        it = iter(rels)
        for rel in it:
            futures.append(pool.submit(_process, root, rel, config))
            if len(futures) >= window:
                break
        try:
            while futures:
                result = futures.pop(0).result()
                nxt = next(it, None)
                if nxt is not None:
                    futures.append(pool.submit(_process, root, nxt, config))
                yield result
        finally:
            for f in futures:
                f.cancel()


def _check_root(ws: Workspace, folder: Path, relocate: bool) -> None:
    current = ws.source_root
    if current is None or current == folder or relocate:
        ws.catalog.set_meta("source_root", str(folder))
        return
    raise WorkspaceError(
        f"Workspace {ws.root} holds the collection of {current}, not {folder}. "
        "Use another --workspace, or --relocate if the collection folder moved.")


def ingest(
    ws: Workspace,
    folder: Path,
    *,
    metadata: Path | None = None,
    mapping: dict[str, str] | None = None,
    config: IngestConfig = IngestConfig(),
    relocate: bool = False,
    progress: ProgressCallback = null_progress,
) -> IngestReport:
    """Ingest (or re-ingest) a folder of images into a workspace.

    Parameters
    ----------
    ws : Workspace
        The target workspace.
    folder : pathlib.Path
        The collection folder; work paths are relative to it.
    metadata : pathlib.Path, optional
        A metadata CSV joined by relative path or file name.
    mapping : dict of str to str, optional
        Canonical field → CSV column, overriding automatic column matching.
    config : IngestConfig
        Limits, thumbnail size, threads.
    relocate : bool, default=False
        Accept a folder other than the one first ingested (the collection moved).
    progress : callable
        Called as ``progress(done, total, message)``; may raise ``JobCancelled``.

    Returns
    -------
    IngestReport

    Raises
    ------
    WorkspaceError
        If ``folder`` is not a folder or the workspace holds another collection.
    MetadataError
        If the metadata CSV cannot be used.
    """
    folder = Path(folder).expanduser()
    if not folder.is_dir():
        raise WorkspaceError(f"Folder not found: {folder}")
    folder = folder.resolve()
    table = read_metadata(Path(metadata), mapping) if metadata else None
    with _ingest_lock(ws, progress):
        return _ingest_locked(ws, folder, metadata, table, config, relocate, progress)


@contextmanager
def _ingest_lock(ws: Workspace, progress: ProgressCallback) -> Iterator[None]:
    """Hold the workspace's ingest lock, waiting while another ingest holds it.

    Two ingests of one workspace (the app's job and a command, say) run one after
    the other; the second then finds the first one's works unchanged. Waiting
    reports progress, so a cancel ends it.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        log.info("no file locks on this platform: concurrent ingests are not serialised")
        yield
        return
    with open(ws.root / "ingest.lock", "a+b") as fh:
        waited = False
        while True:
            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not waited:
                    log.info("another ingest of %s is running: waiting for it", ws.root)
                    waited = True
                progress(0, None, "waiting for another ingest of this workspace to finish")
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _ingest_locked(ws: Workspace, folder: Path, metadata: Path | None,
                   table: MetadataTable | None, config: IngestConfig, relocate: bool,
                   progress: ProgressCallback) -> IngestReport:
    _check_root(ws, folder, relocate)
    exclude = [ws.root] + ([Path(metadata)] if metadata else [])
    rels = scan_folder(folder, exclude=exclude)
    scanned = set(rels)
    report = IngestReport()

    works = {r["path"]: dict(r) for r in ws.catalog.query(
        "SELECT id, path, sha256, size_bytes, mtime_ns, status FROM works")}
    skipped = {r["path"]: dict(r) for r in ws.catalog.query(
        "SELECT path, size_bytes, mtime_ns FROM skipped")}
    total = len(rels)
    todo: list[str] = []
    for rel in rels:
        try:
            st = (folder / rel).stat()
            stat = (st.st_size, st.st_mtime_ns)
        except OSError:
            stat = None
        known = works.get(rel)
        if known and known["status"] == "ok" and stat == (known["size_bytes"], known["mtime_ns"]):
            report.unchanged += 1
            continue
        bad = skipped.get(rel)
        if bad and stat == (bad["size_bytes"], bad["mtime_ns"]):
            report.unchanged += 1
            continue
        todo.append(rel)

    done = report.unchanged
    progress(done, total, f"{done} unchanged, {len(todo)} to read")
    batch: list[_Decoded] = []
    # One connection for the whole run: closing the last connection checkpoints the
    # WAL, which would otherwise cost a few milliseconds per batch.
    with ws.catalog.connect() as conn:
        try:
            for result in _decode_all(folder, todo, config):
                batch.append(result)
                if len(batch) >= config.commit_every:
                    _apply(ws, conn, batch, works, scanned, report)
                    conn.commit()
                    done += len(batch)
                    batch = []
                    progress(done, total, f"read {done - report.unchanged} of {len(todo)}")
        finally:
            # Whatever happens (cancel, error), what was decoded is kept.
            if batch:
                _apply(ws, conn, batch, works, scanned, report)
                conn.commit()
                done += len(batch)
    progress(done, total, "marking missing files")
    _mark_missing(ws, scanned, report)
    if table is not None:
        _apply_metadata(ws, table, scanned, report)
    counts = ws.counts()
    report.skipped_total = counts.get("skipped", 0)
    report.works_total = counts.get("ok", 0)
    ws.catalog.set_meta("last_ingest", json.dumps({"at": now(), **report.to_dict()}))
    progress(total, total, "done")
    return report


def _apply(ws: Workspace, conn: sqlite3.Connection, batch: list[_Decoded],
           works: dict[str, dict], scanned: set[str], report: IngestReport) -> None:
    """Write a batch of decoded files to the catalogue (the caller commits)."""
    stamp = now()
    for item in batch:  # thumbnails first: a crash leaves an orphan file, never a row without one
        if item.error is None and item.sha256 is not None:
            target = ws.thumbnail_path(item.sha256[:ID_LENGTH])
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                # A name of its own: another process may write the same thumbnail.
                tmp = target.with_name(f".{target.stem}-{uuid.uuid4().hex}.tmp")
                tmp.write_bytes(item.thumbnail or b"")
                os.replace(tmp, target)
    for item in batch:
        old = works.get(item.rel)
        if item.error is not None:
            reason, detail = item.error
            conn.execute(
                "INSERT INTO skipped(path, reason, detail, size_bytes, mtime_ns, at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(path) DO UPDATE SET reason=excluded.reason, "
                "detail=excluded.detail, size_bytes=excluded.size_bytes, "
                "mtime_ns=excluded.mtime_ns, at=excluded.at",
                (item.rel, reason, detail, item.size, item.mtime_ns, stamp))
            report.skipped[item.rel] = (reason, detail)
            if old is not None and old["status"] == "ok":
                conn.execute("UPDATE works SET status='missing', updated_at=? WHERE path=?",
                             (stamp, item.rel))
                old["status"] = "missing"
            continue
        conn.execute("DELETE FROM skipped WHERE path=?", (item.rel,))
        wid = item.sha256[:ID_LENGTH]
        info = item.info
        report.flagged.update(info.flags)
        if old is not None and old["sha256"] == item.sha256:
            conn.execute("UPDATE works SET size_bytes=?, mtime_ns=?, status='ok', updated_at=? "
                         "WHERE id=?", (item.size, item.mtime_ns, stamp, old["id"]))
            old.update(size_bytes=item.size, mtime_ns=item.mtime_ns, status="ok")
            report.unchanged += 1
            continue
        same = conn.execute("SELECT id, path, status FROM works WHERE id=?", (wid,)).fetchone()
        if same is not None and same["path"] != item.rel:
            if same["path"] in scanned and same["status"] == "ok":
                detail = f"same content as {same['path']}"
                conn.execute(
                    "INSERT INTO skipped(path, reason, detail, size_bytes, mtime_ns, at) "
                    "VALUES (?, 'duplicate', ?, ?, ?, ?) ON CONFLICT(path) DO UPDATE SET "
                    "reason='duplicate', detail=excluded.detail, size_bytes=excluded.size_bytes, "
                    "mtime_ns=excluded.mtime_ns, at=excluded.at",
                    (item.rel, detail, item.size, item.mtime_ns, stamp))
                report.skipped[item.rel] = ("duplicate", detail)
                continue
            # The file moved (or was renamed): keep its id, arrays and metadata.
            if old is not None:  # something else stood at the new path before
                conn.execute("DELETE FROM works WHERE path=?", (item.rel,))
            conn.execute("UPDATE works SET path=?, size_bytes=?, mtime_ns=?, status='ok', "
                         "updated_at=? WHERE id=?",
                         (item.rel, item.size, item.mtime_ns, stamp, wid))
            works.pop(same["path"], None)
            works[item.rel] = {"id": wid, "path": item.rel, "sha256": item.sha256,
                               "size_bytes": item.size, "mtime_ns": item.mtime_ns,
                               "status": "ok"}
            report.moved += 1
            continue
        carried = None
        if old is not None:  # content changed: a new work replaces the old one
            carried = conn.execute(
                "SELECT artist, title, date, year, style, technique, width_cm, height_cm, "
                "metadata, added_at FROM works WHERE path=?", (item.rel,)).fetchone()
            conn.execute("DELETE FROM works WHERE path=?", (item.rel,))
            report.updated += 1
        else:
            report.added += 1
        meta = dict(carried) if carried else {}
        conn.execute(
            "INSERT INTO works(id, path, sha256, size_bytes, mtime_ns, width, height, format, "
            "mode, n_frames, status, flags, artist, title, date, year, style, technique, "
            "width_cm, height_cm, metadata, added_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ok', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (wid, item.rel, item.sha256, item.size, item.mtime_ns, info.width, info.height,
             info.format, info.mode, info.n_frames, json.dumps(list(info.flags)),
             meta.get("artist"), meta.get("title"), meta.get("date"), meta.get("year"),
             meta.get("style"), meta.get("technique"), meta.get("width_cm"),
             meta.get("height_cm"), meta.get("metadata") or "{}",
             meta.get("added_at") or stamp, stamp))
        works[item.rel] = {"id": wid, "path": item.rel, "sha256": item.sha256,
                           "size_bytes": item.size, "mtime_ns": item.mtime_ns, "status": "ok"}


def _mark_missing(ws: Workspace, scanned: set[str], report: IngestReport) -> None:
    stamp = now()
    with ws.catalog.connect() as conn:
        # Works fetched from IIIF (and their skipped sources, keyed by URL) are not files.
        rows = conn.execute("SELECT path, status, json_extract(metadata, '$.iiif_manifest') "
                            "AS iiif FROM works").fetchall()
        gone = [r["path"] for r in rows if r["path"] not in scanned and r["status"] != "missing"
                and r["iiif"] is None]
        conn.executemany("UPDATE works SET status='missing', updated_at=? WHERE path=?",
                         [(stamp, p) for p in gone])
        report.missing += len(gone)
        stale = [r["path"] for r in conn.execute("SELECT path FROM skipped").fetchall()
                 if r["path"] not in scanned and "://" not in r["path"]]
        conn.executemany("DELETE FROM skipped WHERE path=?", [(p,) for p in stale])


def _apply_metadata(ws: Workspace, table: MetadataTable, scanned: set[str],
                    report: IngestReport) -> None:
    updates = []
    matched_rows: set[int] = set()
    for row in ws.catalog.query("SELECT id, path FROM works"):
        found = table.lookup(row["path"])
        if found is None:
            continue
        matched_rows.add(id(found))
        rec = table.record(found)
        updates.append((rec["artist"], rec["title"], rec["date"], rec["year"], rec["style"],
                        rec["technique"], rec["width_cm"], rec["height_cm"],
                        json.dumps(rec["metadata"], ensure_ascii=False), row["id"]))
    with ws.catalog.connect() as conn:
        conn.executemany(
            "UPDATE works SET artist=?, title=?, date=?, year=?, style=?, technique=?, "
            "width_cm=?, height_cm=?, metadata=? WHERE id=?", updates)
    report.metadata_joined = len(updates)
    report.metadata_notes = [f"read as {table.encoding}", *table.notes] \
        if table.encoding not in ("utf-8", "utf-8-sig") else list(table.notes)
    rows = {id(r) for r in table.by_path.values()}
    report.metadata_unmatched = len(rows - matched_rows)
    if report.metadata_unmatched:
        unmatched = [p for p, r in table.by_path.items() if id(r) not in matched_rows][:5]
        log.info("%d metadata rows match no file, e.g. %s", report.metadata_unmatched, unmatched)


"""Ingest from IIIF: manifests and collections become works like any other.

A source is a Presentation 2.x or 3 manifest or collection, by URL or file, or a
text file listing such sources one per line. Collections are followed (nested,
each once). For each manifest the chosen canvas's image is fetched at the size
the pipeline needs and stored in the workspace (``WS/iiif/<host>/…``), a
thumbnail is made, and the manifest's descriptive properties fill the work's
fields as a metadata CSV would. The manifest, canvas and image-service ids are
kept with the work (free metadata ``iiif_manifest``, ``iiif_canvas``,
``iiif_service``), and in the ``iiif_sources`` table with what a re-run needs.

Re-ingest is incremental: a manifest is asked for with its ``ETag`` and
``Last-Modified`` (a 304 costs no body), and one whose JSON hashes as before is
not processed again; its image is fetched again only when the image asked for
changed. Every failure is recorded in ``skipped`` under the source's URL, with
its reason, and the run goes on.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from ...config import IngestConfig
from ...errors import ArtExploreError, ImageLoadError, ReasonedError
from ...imageio import decode, encode_jpeg, make_thumbnail
from ...progress import ProgressCallback, null_progress
from ...store.catalog import CANONICAL_FIELDS, now
from ...store.workspace import IIIF_FOLDER, Workspace
from ..folder import ID_LENGTH, IngestReport
from .client import ClientConfig, Fetched, FetchError, IIIFClient, parse_json
from .presentation import (
    ImageRef,
    Member,
    catalogue_record,
    collection_members,
    describe,
    image_request,
    kind_of,
    pick_image,
)

log = logging.getLogger(__name__)

MAX_DEPTH = 8  # nested collections followed
_SCHEMA = """
CREATE TABLE IF NOT EXISTS iiif_sources (
    url TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    etag TEXT, last_modified TEXT, sha256 TEXT,
    options TEXT NOT NULL DEFAULT '{}',
    outcome TEXT NOT NULL,
    members TEXT,
    work_id TEXT,
    manifest_id TEXT, canvas_id TEXT, image_url TEXT,
    service_id TEXT, service_type TEXT, service_level INTEGER,
    full_width INTEGER, full_height INTEGER,
    homepage TEXT,
    fetched_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS iiif_sources_work ON iiif_sources(work_id);
"""
# Reasons that belong to the manifest itself (and the options, budget included): an
# unchanged manifest keeps them without asking again.
_MANIFEST_REASONS = {"not-a-manifest", "no-image", "not-json", "too-large"}
_EXT = {"JPEG": ".jpg", "PNG": ".png", "GIF": ".gif", "WEBP": ".webp", "TIFF": ".tif",
        "JPEG2000": ".jp2", "BMP": ".bmp"}


def ensure_schema(ws: Workspace) -> None:
    """Create the ``iiif_sources`` table of a workspace when missing."""
    ws.catalog.ensure_schema("iiif_sources", _SCHEMA)


def iiif_sources(ws: Workspace, work_ids: Iterable[str] | None = None) -> dict[str, dict]:
    """What is known of the IIIF origin of works: work id → source record.

    A record holds ``url`` (the manifest as fetched), ``manifest_id``,
    ``canvas_id``, ``image_url``, ``service_id``, ``service_type``,
    ``service_level``, ``full_width``, ``full_height`` and ``homepage``. Works that did not come
    from IIIF are absent.
    """
    if not ws.catalog.table_exists("iiif_sources"):
        return {}
    sql = "SELECT * FROM iiif_sources WHERE work_id IS NOT NULL AND outcome='ok'"
    params: list[Any] = []
    if work_ids is not None:
        sql += " AND work_id IN (SELECT value FROM json_each(?))"
        params.append(json.dumps(list(work_ids)))
    return {r["work_id"]: dict(r) for r in ws.catalog.query(sql, params)}


@dataclass(frozen=True)
class IIIFOptions:
    """What to fetch of each manifest.

    Parameters
    ----------
    size : int, default=1024
        Longest side of the image fetched, in pixels.
    canvas : int, default=0
        Which canvas: 0 for the first one that paints an image, N ≥ 1 for the N-th.
    limit : int, optional
        At most this many manifests (in the order the sources list them).
    workers : int, default=4
        Manifests processed at the same time (the client limits each host).
    language : str, default="en"
        Preferred language of labels and values.
    """

    size: int = 1024
    canvas: int = 0
    limit: int | None = None
    workers: int = 4
    language: str = "en"

    def __post_init__(self) -> None:
        if not 64 <= int(self.size) <= 8192:
            raise ArtExploreError(f"size must be in [64, 8192] pixels, got {self.size}")
        if self.canvas < 0:
            raise ArtExploreError(f"canvas must be >= 1 (or 0 for the first), got {self.canvas}")
        if self.limit is not None and self.limit < 1:
            raise ArtExploreError(f"limit must be >= 1, got {self.limit}")
        if not 1 <= self.workers <= 32:
            raise ArtExploreError(f"workers must be in [1, 32], got {self.workers}")

    def image_key(self, max_pixels: int) -> str:
        """What changes the image asked for or accepted (stored with each source)."""
        return json.dumps({"size": int(self.size), "canvas": int(self.canvas),
                           "max_pixels": int(max_pixels)}, sort_keys=True)


# -- sources ----------------------------------------------------------------------------------
def expand_sources(sources: Iterable[str | Path]) -> list[str]:
    """Turn the command line's sources into URLs and file paths.

    A path to a file that is not JSON lists sources one per line (``#`` starts a
    comment; relative paths are relative to that file).

    Raises
    ------
    ArtExploreError
        For a path that does not exist.
    """
    out: list[str] = []
    for source in sources:
        text = str(source).strip()
        if not text:
            continue
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", text):
            out.append(text)
            continue
        path = Path(text).expanduser()
        if not path.is_file():
            raise ArtExploreError(f"IIIF source not found: {text} (give a URL, a manifest "
                                  "file or a text file of sources)")
        with path.open("rb") as fh:
            head = fh.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
        if head in (b"{", b"["):
            out.append(str(path.resolve()))
            continue
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if "://" in line:
                out.append(line)
            else:
                out.extend(expand_sources([str(path.parent / line)]))
    return list(dict.fromkeys(out))


def _key(source: str) -> str:
    """The URL a source is recorded under (files as ``file://`` URIs)."""
    return source if "://" in source else Path(source).resolve().as_uri()


# -- one run ----------------------------------------------------------------------------------
@dataclass
class _Task:
    key: str
    document: Any = None  # already fetched (or embedded in a collection)
    fetched: Fetched | None = None
    raw: bytes | None = None


@dataclass
class _Outcome:
    key: str
    status: str  # "work", "unchanged", "metadata", "skipped", "failed"
    reason: str = ""
    detail: str = ""
    state: dict[str, Any] = field(default_factory=dict)
    record: dict[str, Any] | None = None
    image: bytes | None = None
    ext: str = ".jpg"
    info: Any = None
    thumbnail: bytes | None = None


class _Run:
    def __init__(self, ws: Workspace, client: IIIFClient, options: IIIFOptions,
                 config: IngestConfig, mapping: dict[str, str] | None) -> None:
        self.ws, self.client, self.options, self.config = ws, client, options, config
        self.mapping = mapping or {}
        self.key = options.image_key(client.config.max_pixels)
        ensure_schema(ws)
        self.state = {r["url"]: dict(r) for r in ws.catalog.query("SELECT * FROM iiif_sources")}
        self.works = {r["id"]: dict(r) for r in ws.catalog.query(
            "SELECT id, path, status FROM works")}
        self.failed: dict[str, tuple[str, str]] = {}
        self.collection_states: list[dict[str, Any]] = []

    # -- fetching (worker threads: no catalogue writes) ---------------------------------------
    def load(self, key: str, *, conditional: bool = True) -> tuple[Fetched, Any, bytes | None]:
        """Fetch a document by URL or read it from a file; parsed value None when unchanged."""
        old = self.state.get(key) if conditional else None
        if key.startswith("file://"):
            path = Path(url2pathname(urlsplit(key).path))
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise FetchError("unreadable", f"cannot read {path}: {exc}") from exc
            if len(data) > self.client.config.max_json_bytes:
                raise FetchError("too-large", f"{path} is over the JSON budget")
            return Fetched(key, data), parse_json(data, str(path)), data
        fetched = self.client.get(key, etag=old and old["etag"],
                                  last_modified=old and old["last_modified"])
        if fetched.not_modified:
            return fetched, None, None
        data = fetched.content or b""
        return fetched, parse_json(data, key, fetched.content_type), data

    def _work_intact(self, old: dict[str, Any] | None) -> bool:
        if not old or not old.get("work_id"):
            return False
        work = self.works.get(old["work_id"])
        return bool(work and work["status"] == "ok"
                    and (self.ws.root / work["path"]).is_file())

    def _unchanged(self, old: dict[str, Any] | None) -> bool:
        if old is None or old["options"] != self.key:
            return False
        return (old["outcome"] == "ok" and self._work_intact(old)) \
            or old["outcome"] in _MANIFEST_REASONS

    def process(self, task: _Task) -> _Outcome:
        """Fetch and read one manifest and its image (runs in a worker thread)."""
        key = task.key
        try:
            return self._process(task)
        except ReasonedError as exc:  # a fetch or a decode that failed, with its reason
            return _Outcome(key, "skipped", exc.reason, exc.detail)
        except (MemoryError, ValueError, OSError) as exc:  # a decoder bug must not stop the run
            return _Outcome(key, "skipped", "unreadable", f"{type(exc).__name__}: {exc}")

    def _process(self, task: _Task) -> _Outcome:
        key, old = task.key, self.state.get(task.key)
        doc, fetched, raw = task.document, task.fetched, task.raw
        if doc is None and (fetched is None or not fetched.not_modified):
            fetched, doc, raw = self.load(key)
        if doc is None:  # 304
            if self._unchanged(old):
                return _Outcome(key, "unchanged")
            fetched, doc, raw = self.load(key, conditional=False)
        digest = hashlib.sha256(raw if raw is not None else json.dumps(
            doc, sort_keys=True).encode()).hexdigest()
        if old is not None and old["sha256"] == digest and self._unchanged(old):
            return _Outcome(key, "unchanged")
        state: dict[str, Any] = {"kind": "manifest", "sha256": digest,
                                 "etag": fetched.etag if fetched else None,
                                 "last_modified": fetched.last_modified if fetched else None,
                                 "options": self.key}
        if kind_of(doc) != "manifest":
            found = kind_of(doc) or "not a IIIF document"
            return _Outcome(key, "skipped", "not-a-manifest",
                            f"{key} is a {found}, not a manifest", state=state)
        canvas = self.options.canvas - 1 if self.options.canvas > 0 else None
        try:
            ref = pick_image(doc, canvas)
        except FetchError as exc:
            return _Outcome(key, "skipped", exc.reason, exc.detail, state=state)
        desc = describe(doc, self.options.language)
        record = catalogue_record(desc, self.mapping)
        manifest_id = doc.get("id") or doc.get("@id") or key
        record["metadata"].update({"iiif_manifest": str(manifest_id),
                                   "iiif_canvas": ref.canvas_id})
        if ref.service_id:
            record["metadata"]["iiif_service"] = ref.service_id
        full = ref.full_size
        state.update(manifest_id=str(manifest_id), canvas_id=ref.canvas_id,
                     service_id=ref.service_id, service_type=ref.service_type,
                     service_level=ref.service_level,
                     full_width=full[0] if full else None, full_height=full[1] if full else None,
                     homepage=desc.homepage)
        info = None
        if ref.service_id and ref.service_level in (0, None):  # level 0 needs its sizes
            info = self._info(ref)
            if info is not None and info.get("width") and info.get("height"):
                try:
                    state.update(full_width=int(info["width"]), full_height=int(info["height"]))
                except (TypeError, ValueError):
                    pass
        url, expected = image_request(ref, self.options.size, info)
        state["image_url"] = url
        if (old is not None and old["image_url"] == url and old["options"] == state["options"]
                and self._work_intact(old)):
            state["work_id"] = old["work_id"]
            return _Outcome(key, "metadata", state=state, record=record)
        budget = self.client.config.max_pixels
        if expected and expected[0] * expected[1] > budget:
            return _Outcome(key, "skipped", "too-large",
                            f"the image is {expected[0]}×{expected[1]} pixels, over the budget "
                            f"of {budget:,}", state=state)
        data = self.client.get(url, image=True).content or b""
        try:
            return self._decode(key, data, state, record)
        except ImageLoadError as exc:
            return _Outcome(key, "skipped", exc.reason, exc.detail, state=state)

    def _info(self, ref: ImageRef) -> dict[str, Any] | None:
        """The service's info.json (level 0 needs its sizes); None when it cannot be read."""
        try:
            _, info = self.client.get_json(f"{ref.service_id}/info.json")
        except FetchError as exc:
            if ref.service_level == 0:
                raise
            log.info("no info.json for %s (%s); asking for a scaled image", ref.service_id, exc)
            return None
        return info if isinstance(info, dict) else None

    def _decode(self, key: str, data: bytes, state: dict[str, Any],
                record: dict[str, Any]) -> _Outcome:
        size = int(self.options.size)
        img, info = decode(data, max_pixels=self.client.config.max_pixels, max_side=size,
                           min_side=self.config.min_side)
        if max(info.width, info.height) > size:  # a static image larger than needed
            data = encode_jpeg(img, 90)
            img, info = decode(data, max_pixels=self.client.config.max_pixels,
                               min_side=self.config.min_side)
        thumb = encode_jpeg(make_thumbnail(img, self.config.thumb_size), self.config.thumb_quality)
        return _Outcome(key, "work", state=state, record=record, image=data,
                        ext=_EXT.get(info.format, ".img"), info=info, thumbnail=thumb)

    # -- discovery (main thread) ------------------------------------------------------------------
    def discover(self, sources: list[str], progress: ProgressCallback) -> list[_Task]:
        """Follow the sources to the manifests, in order, up to the limit."""
        tasks: list[_Task] = []
        seen: set[str] = set()
        limit = self.options.limit

        def full() -> bool:
            return limit is not None and len(tasks) >= limit

        def visit(key: str, depth: int, loaded: tuple[Fetched, Any, bytes | None] | None,
                  expected: str = "") -> None:
            if key in seen or full():
                return
            seen.add(key)
            if expected == "manifest":
                tasks.append(_Task(key))
                return
            try:
                fetched, doc, raw = loaded if loaded is not None else self.load(key)
            except FetchError as exc:
                self.failed[key] = (exc.reason, exc.detail)
                return
            old = self.state.get(key)
            if doc is None:  # not modified
                if old is not None and old["kind"] == "collection":
                    members = [Member(**m) for m in json.loads(old["members"] or "[]")]
                    self._follow(members, depth, visit)
                else:
                    tasks.append(_Task(key, fetched=fetched))
                return
            kind = kind_of(doc)
            if kind == "collection":
                if depth >= MAX_DEPTH:
                    self.failed[key] = ("too-deep", f"collections nested over {MAX_DEPTH} deep")
                    return
                members = collection_members(doc)
                progress(len(tasks), None, f"collection with {len(members)} members")
                self.collection_states.append({
                    "url": key, "kind": "collection", "etag": fetched.etag,
                    "last_modified": fetched.last_modified,
                    "sha256": hashlib.sha256(raw or b"").hexdigest(), "outcome": "ok",
                    "members": json.dumps([{"id": m.id, "kind": m.kind} for m in members])})
                self._follow(members, depth, visit)
            else:  # a manifest, or something the processing step will name
                tasks.append(_Task(key, document=doc, fetched=fetched, raw=raw))

        pool = ThreadPoolExecutor(max_workers=self.options.workers)
        try:
            futures = [(s, pool.submit(self._load_quietly, s)) for s in sources]
            for source, future in futures:
                loaded = future.result()
                if isinstance(loaded, FetchError):
                    if source not in seen:
                        seen.add(source)
                        self.failed[source] = (loaded.reason, loaded.detail)
                    continue
                visit(source, 0, loaded)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
        return tasks

    def _load_quietly(self, key: str) -> tuple[Fetched, Any, bytes | None] | FetchError:
        try:
            return self.load(key)
        except FetchError as exc:
            return exc

    def _follow(self, members: list[Member], depth: int,
                visit: Callable[..., None]) -> None:
        for member in members:
            if not member.id.startswith(("http://", "https://")):
                # A collection names web resources only: never a file of this machine.
                self.failed.setdefault(member.id, ("bad-url", f"{member.id[:200]!r} listed by "
                                                   "a collection is not an http(s) URL"))
                continue
            if member.document is not None:
                visit(member.id, depth + 1, (Fetched(member.id, None), member.document, None))
            else:
                visit(member.id, depth + 1, None, member.kind)

    # -- writing (main thread) ----------------------------------------------------------------------
    def apply(self, conn: Any, out: _Outcome, report: IngestReport) -> None:
        stamp = now()
        if out.status == "unchanged":
            report.unchanged += 1
            return
        if out.status == "skipped":
            self._skip(conn, out.key, out.reason, out.detail, report, stamp)
            if out.state and out.reason in _MANIFEST_REASONS:
                self._save_state(conn, out.key, {**out.state, "outcome": out.reason}, stamp)
            return
        record = out.record or {}
        if out.status == "metadata":
            self._set_metadata(conn, out.state["work_id"], record, stamp)
            report.unchanged += 1
            report.metadata_joined += 1
        else:
            wid = self._write_work(conn, out, stamp, report)
            if wid is None:
                return
            out.state["work_id"] = wid
            self._set_metadata(conn, wid, record, stamp)
            report.metadata_joined += 1
        conn.execute("DELETE FROM skipped WHERE path=?", (out.key,))
        self._save_state(conn, out.key, {**out.state, "outcome": "ok"}, stamp)

    def _skip(self, conn: Any, key: str, reason: str, detail: str, report: IngestReport,
              stamp: str) -> None:
        conn.execute(
            "INSERT INTO skipped(path, reason, detail, size_bytes, mtime_ns, at) "
            "VALUES (?, ?, ?, NULL, NULL, ?) ON CONFLICT(path) DO UPDATE SET "
            "reason=excluded.reason, detail=excluded.detail, at=excluded.at",
            (key, reason, detail[:1000], stamp))
        report.skipped[key] = (reason, detail[:1000])

    def _save_state(self, conn: Any, key: str, state: dict[str, Any], stamp: str) -> None:
        columns = ("kind", "etag", "last_modified", "sha256", "options", "outcome", "members",
                   "work_id", "manifest_id", "canvas_id", "image_url", "service_id",
                   "service_type", "service_level", "full_width", "full_height", "homepage")
        values = [state.get(c) for c in columns]
        values[columns.index("options")] = state.get("options") or "{}"
        conn.execute(
            f"INSERT OR REPLACE INTO iiif_sources(url, {', '.join(columns)}, fetched_at) "
            f"VALUES (?, {', '.join('?' * len(columns))}, ?)", (key, *values, stamp))

    def _write_work(self, conn: Any, out: _Outcome, stamp: str,
                    report: IngestReport) -> str | None:
        data, info = out.image or b"", out.info
        sha = hashlib.sha256(data).hexdigest()
        wid = sha[:ID_LENGTH]
        host = re.sub(r"[^A-Za-z0-9.-]", "_", urlsplit(out.key).netloc) or "local"
        rel = f"{IIIF_FOLDER}/{host}/{hashlib.sha256(out.key.encode()).hexdigest()[:16]}{out.ext}"
        same = self.works.get(wid)
        if same is not None and same["path"] != rel and same["status"] == "ok":
            owner = conn.execute("SELECT url FROM iiif_sources WHERE work_id=?",
                                 (wid,)).fetchone()
            where = owner["url"] if owner else same["path"]
            self._skip(conn, out.key, "duplicate", f"same image as {where}", report, stamp)
            return None
        _write_atomic(self.ws.root / rel, data)
        thumb = self.ws.thumbnail_path(wid)
        if not thumb.exists():
            _write_atomic(thumb, out.thumbnail or b"")
        old = conn.execute("SELECT id, sha256 FROM works WHERE path=?", (rel,)).fetchone()
        if old is not None and old["id"] == wid:
            conn.execute("UPDATE works SET status='ok', updated_at=? WHERE id=?", (stamp, wid))
            report.unchanged += 1
            return wid
        if same is not None:  # the same image, once at another path, now missing
            conn.execute("DELETE FROM works WHERE id=?", (wid,))
        if old is not None:
            conn.execute("DELETE FROM works WHERE id=?", (old["id"],))
            self.works.pop(old["id"], None)
            report.updated += 1
        else:
            report.added += 1
        report.flagged.update(info.flags)
        conn.execute(
            "INSERT INTO works(id, path, sha256, size_bytes, mtime_ns, width, height, format, "
            "mode, n_frames, status, flags, metadata, added_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ok', ?, '{}', ?, ?)",
            (wid, rel, sha, len(data), os.stat(self.ws.root / rel).st_mtime_ns, info.width,
             info.height, info.format, info.mode, info.n_frames, json.dumps(list(info.flags)),
             stamp, stamp))
        self.works[wid] = {"id": wid, "path": rel, "status": "ok"}
        return wid

    def _set_metadata(self, conn: Any, wid: str, record: dict[str, Any], stamp: str) -> None:
        """Fill a work's fields from its manifest; fields the manifest leaves empty keep theirs."""
        row = conn.execute("SELECT metadata FROM works WHERE id=?", (wid,)).fetchone()
        free = json.loads(row["metadata"] or "{}") if row else {}
        free.update(record.get("metadata") or {})
        names = [f for f in (*CANONICAL_FIELDS, "year") if record.get(f) is not None]
        sets = "".join(f"{n}=?, " for n in names)
        conn.execute(f"UPDATE works SET {sets}metadata=?, updated_at=? WHERE id=?",
                     (*[record[n] for n in names], json.dumps(free, ensure_ascii=False),
                      stamp, wid))


def _write_atomic(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".part-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _ordered(pool: ThreadPoolExecutor, fn: Callable[[_Task], _Outcome],
             tasks: list[_Task], window: int) -> Iterator[_Outcome]:
    """Results in task order, at most ``window`` tasks in flight."""
    pending: list[Future[_Outcome]] = []
    it = iter(tasks)
    for task in it:
        pending.append(pool.submit(fn, task))
        if len(pending) >= window:
            break
    while pending:
        result = pending.pop(0).result()
        nxt = next(it, None)
        if nxt is not None:
            pending.append(pool.submit(fn, nxt))
        yield result


def ingest_iiif(
    ws: Workspace,
    sources: Iterable[str | Path],
    *,
    options: IIIFOptions = IIIFOptions(),
    client_config: ClientConfig = ClientConfig(),
    config: IngestConfig = IngestConfig(),
    mapping: dict[str, str] | None = None,
    progress: ProgressCallback = null_progress,
) -> dict[str, Any]:
    """Ingest (or re-ingest) IIIF manifests and collections into a workspace.

    Parameters
    ----------
    ws : Workspace
    sources : iterable of str or pathlib.Path
        Manifest or collection URLs or files, or text files listing them.
    options : IIIFOptions
        Image size, canvas, limit, concurrency.
    client_config : ClientConfig
        Timeouts, retries, per-host concurrency, byte and pixel budgets.
    config : IngestConfig
        Thumbnail size and quality, ``small`` flag threshold, commit batch size.
    mapping : dict of str to str, optional
        Canonical field → metadata label, as ``--map`` for a CSV.
    progress : callable
        Called as ``progress(done, total, message)``; may raise ``JobCancelled``.

    Returns
    -------
    dict
        The summary of :meth:`artexplore.ingest.folder.IngestReport.to_dict` (skipped
        sources listed under ``skipped_files`` with their URL), plus ``manifests``
        (found), ``requests`` and ``bytes`` (read over the network).

    Raises
    ------
    ArtExploreError
        When no source is given or a source file does not exist.
    """
    keys = [_key(s) for s in expand_sources(sources)]
    if not keys:
        raise ArtExploreError("No IIIF source given")
    report = IngestReport()
    with IIIFClient(client_config) as client:
        run = _Run(ws, client, options, config, mapping)
        progress(0, None, f"reading {len(keys)} source(s)")
        tasks = run.discover(keys, progress)
        total = len(tasks)
        done = 0
        progress(0, total, f"{total} manifests")
        with ws.catalog.connect() as conn:
            stamp = now()
            for key, (reason, detail) in run.failed.items():
                run._skip(conn, key, reason, detail, report, stamp)
            for state in run.collection_states:
                run._save_state(conn, state["url"], {**state, "options": "{}"}, stamp)
                conn.execute("DELETE FROM skipped WHERE path=?", (state["url"],))
            conn.commit()
            pool = ThreadPoolExecutor(max_workers=options.workers)
            try:
                for outcome in _ordered(pool, run.process, tasks, 2 * options.workers):
                    run.apply(conn, outcome, report)
                    done += 1
                    # Committed before progress is stored: the job's row is written through
                    # another connection. One manifest costs far more than one commit.
                    conn.commit()
                    progress(done, total, f"{report.added} added, {len(report.skipped)} "
                                          "skipped")
            finally:
                conn.commit()  # whatever happens (cancel, error), what was done is kept
                pool.shutdown(wait=False, cancel_futures=True)
        requests, read = client.requests, client.bytes_read
    counts = ws.counts()
    report.skipped_total = counts.get("skipped", 0)
    report.works_total = counts.get("ok", 0)
    result = {**report.to_dict(), "manifests": total, "requests": requests, "bytes": read}
    ws.catalog.set_meta("last_ingest_iiif", json.dumps({"at": now(), **result}))
    progress(total, total, "done")
    return result

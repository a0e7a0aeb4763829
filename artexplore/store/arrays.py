"""Arrays computed by the pipeline stages, aligned to work ids and keyed by fingerprint.

Layout: ``<workspace>/arrays/<kind>/<name>/<fingerprint>/`` holds

- ``part-<time>-<uid>.npz`` files appended by a stage as it goes (each written to a
  temporary name and renamed, so a crash never leaves half a part), and
- ``merged-<time>-<uid>-<uid>/`` folders of ``.npy`` files, made by
  :meth:`ArrayStore.compact` (written under a ``.tmp-`` name that is never read, then
  renamed), which load memory-mapped.

Parts are read in the order of their time stamp. A part that cannot be read (a
truncated file, a missing array) makes :meth:`ArrayStore.load` fail with a one-line
message; :meth:`ArrayStore.done_ids`, where a stage resumes, first moves such parts
aside (``damaged-…``) so that their works are computed again.

Every part holds an ``ids`` array (work ids) and one or more arrays whose first
axis is aligned to it. When a work appears in several parts the newest wins, so
recomputing a work is just appending it again. The catalogue's ``arrays`` table
records which fingerprint of a (kind, name) is current and with which parameters.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import time
import uuid
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ArtExploreError
from .catalog import Catalog, now

log = logging.getLogger(__name__)

_SAFE = re.compile(r"[^A-Za-z0-9._-]+")
_TMP = ".tmp-"  # prefix of what is being written; never read as a part
_DAMAGED = "damaged-"  # prefix of parts moved aside by ArrayStore.repair
LEFTOVER_AGE_S = 3600.0  # temporary files older than this are an interrupted write's


class DamagedArrayError(ArtExploreError):
    """A stored part cannot be read (truncated, missing an array, misaligned)."""

    def __init__(self, part: Path, reason: str, hint: str = "") -> None:
        super().__init__(f"{part.parent.parent.parent.name}/{part.parent.parent.name}: "
                         f"stored part {part.name} is damaged ({reason})"
                         + (f"; {hint}" if hint else ""))
        self.part = part
        self.reason = reason


@dataclass
class StoredArrays:
    """Arrays of one (kind, name, fingerprint), rows aligned to ``ids``.

    Attributes
    ----------
    kind, name, fingerprint : str
        The key of the stored set.
    params : dict
        The parameters that produced it.
    ids : ndarray of shape (n_rows,)
        Work ids, one per row, unique.
    arrays : dict of str to ndarray
        The stored arrays; their first axis has length ``n_rows``.
    """

    kind: str
    name: str
    fingerprint: str
    params: dict[str, Any]
    ids: np.ndarray
    arrays: dict[str, np.ndarray]

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, key: str) -> np.ndarray:
        return self.arrays[key]

    def align(self, ids: Iterable[str], *, copy: bool = True
              ) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """Select and order rows to match ``ids``, dropping ids without a row.

        Parameters
        ----------
        ids : iterable of str
            Wanted work ids, in the wanted order.
        copy : bool, default=True
            False: where the wanted rows are all the stored rows in their stored order,
            give the stored arrays themselves (memory-mapped, read-only: not to be
            changed) instead of a copy of them.

        Returns
        -------
        present : ndarray of shape (n_present,)
            The wanted ids that have a row, in the wanted order.
        arrays : dict of str to ndarray
            The arrays restricted to those rows.
        """
        position = {wid: i for i, wid in enumerate(self.ids.tolist())}
        wanted = [wid for wid in ids if wid in position]
        rows = np.fromiter((position[w] for w in wanted), dtype=np.int64, count=len(wanted))
        if not copy and len(rows) == len(self.ids) and \
                np.array_equal(rows, np.arange(len(rows))):
            return np.asarray(wanted, dtype=object), dict(self.arrays)
        arrays = {k: np.asarray(v[rows]) for k, v in self.arrays.items()}
        return np.asarray(wanted, dtype=object), arrays


def _dirname(text: str) -> str:
    safe = _SAFE.sub("_", text).strip("._") or "x"
    if safe != text:  # keep distinct names distinct after sanitising
        safe = f"{safe}-{uuid.uuid5(uuid.NAMESPACE_URL, text).hex[:8]}"
    return safe


def _stamp() -> str:
    return f"{time.time_ns():020d}-{uuid.uuid4().hex[:8]}"


class ArrayStore:
    """Append-only, resumable storage of per-work arrays.

    Parameters
    ----------
    root : pathlib.Path
        The ``arrays`` folder of a workspace.
    catalog : Catalog
        The workspace catalogue, which records current fingerprints.
    """

    def __init__(self, root: Path, catalog: Catalog) -> None:
        self.root = Path(root)
        self.catalog = catalog

    def folder(self, kind: str, name: str, fingerprint: str) -> Path:
        """The folder holding the parts of one stored set."""
        return self.root / _dirname(kind) / _dirname(name) / _dirname(fingerprint)

    # -- writing -------------------------------------------------------------------------
    def register(self, kind: str, name: str, fingerprint: str, params: dict[str, Any]) -> None:
        """Make ``fingerprint`` the current version of (kind, name).

        Parameters
        ----------
        kind, name, fingerprint : str
            The key.
        params : dict
            JSON-serialisable parameters that produced the arrays.
        """
        folder = self.folder(kind, name, fingerprint)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "params.json").write_text(json.dumps(params, sort_keys=True, default=str))
        with self.catalog.connect() as conn:
            conn.execute("UPDATE arrays SET current=0 WHERE kind=? AND name=?", (kind, name))
            conn.execute(
                "INSERT INTO arrays(kind, name, fingerprint, params, n_rows, current, updated_at) "
                "VALUES (?, ?, ?, ?, 0, 1, ?) ON CONFLICT(kind, name, fingerprint) DO UPDATE SET "
                "current=1, params=excluded.params, updated_at=excluded.updated_at",
                (kind, name, fingerprint, json.dumps(params, sort_keys=True, default=str), now()),
            )

    def append(self, kind: str, name: str, fingerprint: str, ids: Iterable[str],
               **arrays: np.ndarray) -> Path:
        """Store rows for some works, atomically.

        Parameters
        ----------
        kind, name, fingerprint : str
            The key; call :meth:`register` first.
        ids : iterable of str
            Work ids, one per row.
        **arrays : ndarray
            Arrays whose first axis matches ``ids``.

        Returns
        -------
        pathlib.Path
            The part file written.
        """
        ids = np.asarray(list(ids), dtype=str)
        if not arrays:
            raise ValueError("append needs at least one array")
        if "ids" in arrays:
            raise ValueError("'ids' is reserved for the work ids")
        for key, value in arrays.items():
            if len(value) != len(ids):
                raise ValueError(
                    f"array {key!r} has {len(value)} rows but {len(ids)} ids were given")
        folder = self.folder(kind, name, fingerprint)
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / f"part-{_stamp()}.npz"
        tmp = folder / f"{_TMP}{final.name}"
        with open(tmp, "wb") as fh:
            np.savez(fh, ids=ids, **{k: np.asarray(v) for k, v in arrays.items()})
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, final)
        with self.catalog.connect() as conn:
            conn.execute(
                "UPDATE arrays SET updated_at=? WHERE kind=? AND name=? AND fingerprint=?",
                (now(), kind, name, fingerprint))
        return final

    # -- reading -------------------------------------------------------------------------
    def current(self, kind: str, name: str) -> str | None:
        """The current fingerprint of (kind, name), or None if never registered."""
        return self.catalog.scalar(
            "SELECT fingerprint FROM arrays WHERE kind=? AND name=? AND current=1", (kind, name))

    def updated_at(self, kind: str, name: str, fingerprint: str | None = None) -> str:
        """When rows were last added to a stored set ('' if never): part of version tokens."""
        fingerprint = fingerprint or self.current(kind, name)
        return str(self.catalog.scalar(
            "SELECT updated_at FROM arrays WHERE kind=? AND name=? AND fingerprint=?",
            (kind, name, fingerprint)) or "")

    def params(self, kind: str, name: str, fingerprint: str | None = None) -> dict[str, Any]:
        """The parameters recorded for a stored set."""
        fingerprint = fingerprint or self.current(kind, name)
        text = self.catalog.scalar(
            "SELECT params FROM arrays WHERE kind=? AND name=? AND fingerprint=?",
            (kind, name, fingerprint))
        return json.loads(text) if text else {}

    def names(self, kind: str) -> list[str]:
        """Names with a current stored set of this kind, sorted."""
        rows = self.catalog.query(
            "SELECT name FROM arrays WHERE kind=? AND current=1 ORDER BY name", (kind,))
        return [r["name"] for r in rows]

    def _parts(self, folder: Path) -> list[Path]:
        """The readable parts of a folder, oldest first.

        Only ``part-*.npz`` files and ``merged-*`` folders count; what is being
        written (``.tmp-*``, and ``*.tmp`` from older versions) and damaged parts
        moved aside never do.
        """
        if not folder.exists():
            return []
        parts = [p for p in folder.iterdir()
                 if (p.name.startswith("part-") and p.suffix == ".npz" and p.is_file())
                 or (p.name.startswith("merged-") and not p.name.endswith(".tmp")
                     and p.is_dir())]
        return sorted(parts, key=_order)

    def _read_part(self, part: Path, mmap: bool) -> dict[str, np.ndarray]:
        """Every array of a part; raises :class:`DamagedArrayError` if it cannot be read."""
        try:
            if part.is_dir():
                mode = "r" if mmap else None
                data = {p.stem: np.load(p, mmap_mode=mode, allow_pickle=False)
                        for p in sorted(part.glob("*.npy"))}
            else:
                with np.load(part, allow_pickle=False) as npz:
                    data = {k: npz[k] for k in npz.files}
        except FileNotFoundError:
            raise
        except (OSError, ValueError, EOFError, KeyError, zipfile.BadZipFile) as exc:
            raise DamagedArrayError(part, f"{type(exc).__name__}: {exc}") from exc
        _check_part(part, data)
        return data

    def done_ids(self, kind: str, name: str, fingerprint: str) -> set[str]:
        """Work ids that already have rows in a stored set.

        Stages call this to resume, so damaged parts are first moved aside
        (:meth:`repair`): their works then count as not done and are recomputed.
        """
        self.repair(kind, name, fingerprint)
        done: set[str] = set()
        for part in self._parts(self.folder(kind, name, fingerprint)):
            done.update(self._read_ids(part).tolist())
        return done

    def _read_ids(self, part: Path) -> np.ndarray:
        try:
            if part.is_dir():
                return np.load(part / "ids.npy", allow_pickle=False)
            with np.load(part, allow_pickle=False) as data:
                return data["ids"]
        except FileNotFoundError:
            raise
        except (OSError, ValueError, EOFError, KeyError, zipfile.BadZipFile) as exc:
            raise DamagedArrayError(part, f"{type(exc).__name__}: {exc}") from exc

    def check(self, kind: str, name: str, fingerprint: str | None = None) -> list[str]:
        """Find the damaged parts of a stored set, without changing anything.

        Every array of every part is opened (memory-mapped or lazily, so this
        reads headers, not data) and checked: readable, rows aligned to the
        ids, the same arrays as the newest part.

        Returns
        -------
        list of str
            One line per damaged part.
        """
        return [str(exc) for exc in self._damaged(kind, name, fingerprint)]

    def _damaged(self, kind: str, name: str,
                 fingerprint: str | None) -> list[DamagedArrayError]:
        fingerprint = fingerprint or self.current(kind, name)
        if fingerprint is None:
            return []
        found, keys = [], None
        for part in reversed(self._parts(self.folder(kind, name, fingerprint))):
            try:
                data = self._read_part(part, mmap=True) if part.is_dir() \
                    else _npz_shapes(part)
            except DamagedArrayError as exc:
                found.append(exc)
                continue
            except FileNotFoundError:  # removed by a concurrent compact
                continue
            if keys is None:
                keys = set(data)
            elif set(data) != keys:
                found.append(DamagedArrayError(
                    part, f"holds {sorted(data)}, the newest part holds {sorted(keys)}"))
        return found

    def repair(self, kind: str, name: str, fingerprint: str | None = None) -> list[str]:
        """Move damaged parts aside (renamed ``damaged-…``) and clean interrupted writes.

        The works of a damaged part are then missing from the set, so the stage
        that made it computes them again.

        Returns
        -------
        list of str
            One line per part moved aside.
        """
        fingerprint = fingerprint or self.current(kind, name)
        if fingerprint is None:
            return []
        folder = self.folder(kind, name, fingerprint)
        _clean_leftovers(folder)
        moved = []
        for exc in self._damaged(kind, name, fingerprint):
            target = exc.part.with_name(f"{_DAMAGED}{exc.part.name}")
            try:
                os.replace(exc.part, target)
            except OSError as err:
                log.warning("cannot move the damaged part %s aside: %s", exc.part, err)
                continue
            log.warning("%s; moved aside as %s, its works will be computed again",
                        exc, target.name)
            moved.append(str(exc))
        return moved

    def load(self, kind: str, name: str, fingerprint: str | None = None, *,
             mmap: bool = True) -> StoredArrays:
        """Load a stored set, newest row per work.

        Parameters
        ----------
        kind, name : str
            The key.
        fingerprint : str, optional
            A specific version; the current one by default.
        mmap : bool, default=True
            Memory-map merged parts instead of reading them.

        Returns
        -------
        StoredArrays

        Raises
        ------
        ArtExploreError
            If nothing is stored under that key.
        """
        fingerprint = fingerprint or self.current(kind, name)
        if fingerprint is None:
            known = ", ".join(self.names(kind)) or "none yet"
            raise ArtExploreError(f"No {kind} named {name!r} in this workspace (stored: {known})")
        for attempt in range(3):  # a concurrent compact may remove a part we listed
            try:
                parts = [self._read_part(p, mmap) for p in self._parts(
                    self.folder(kind, name, fingerprint))]
                break
            except FileNotFoundError:
                if attempt == 2:
                    raise
                time.sleep(0.05)
            except DamagedArrayError as exc:
                raise DamagedArrayError(
                    exc.part, exc.reason, "run the stage that computes it again "
                    "(e.g. `artexplore embed`) to recompute its works") from None
        params = self.params(kind, name, fingerprint)
        if not parts:
            return StoredArrays(kind, name, fingerprint, params, np.asarray([], dtype=str), {})
        keys = [k for k in parts[-1] if k != "ids"]
        if len(parts) == 1:
            data = parts[0]
            return StoredArrays(kind, name, fingerprint, params, data["ids"],
                                {k: data[k] for k in keys})
        all_ids = np.concatenate([p["ids"] for p in parts])
        # Keep the last occurrence of each id: newer parts supersede older ones.
        reversed_ids = all_ids[::-1]
        _, first_in_reversed = np.unique(reversed_ids, return_index=True)
        keep = np.sort(len(all_ids) - 1 - first_in_reversed)
        arrays = {}
        for k in keys:
            missing = [i for i, p in enumerate(parts) if k not in p]
            if missing:
                raise ArtExploreError(
                    f"stored set {kind}/{name} has parts without {k!r}; run the stage that "
                    "computes it again (e.g. `artexplore embed`) to repair it")
            arrays[k] = np.concatenate([p[k] for p in parts])[keep]
        return StoredArrays(kind, name, fingerprint, params, all_ids[keep], arrays)

    def compact(self, kind: str, name: str, fingerprint: str | None = None) -> None:
        """Merge all parts of a stored set into one memory-mappable folder.

        Parameters
        ----------
        kind, name : str
            The key.
        fingerprint : str, optional
            The version, current by default.
        """
        fingerprint = fingerprint or self.current(kind, name)
        folder = self.folder(kind, name, fingerprint)
        _clean_leftovers(folder)
        parts = self._parts(folder)
        if len(parts) <= 1 and (not parts or parts[0].is_dir()):
            return
        stored = self.load(kind, name, fingerprint, mmap=False)
        # Named after the newest part it holds, so parts appended meanwhile sort after it.
        final = folder / f"merged-{_order(parts[-1])}-{uuid.uuid4().hex[:4]}"
        tmp = folder / f"{_TMP}{final.name}"
        tmp.mkdir()
        np.save(tmp / "ids.npy", stored.ids.astype(str))
        for key, value in stored.arrays.items():
            np.save(tmp / f"{key}.npy", np.asarray(value))
        _fsync_folder(tmp)
        os.replace(tmp, final)
        for part in parts:
            if part.is_dir():
                shutil.rmtree(part, ignore_errors=True)
            else:
                part.unlink(missing_ok=True)
        with self.catalog.connect() as conn:
            conn.execute(
                "UPDATE arrays SET n_rows=? WHERE kind=? AND name=? AND fingerprint=?",
                (len(stored), kind, name, fingerprint))

    def count(self, kind: str, name: str, fingerprint: str | None = None) -> int:
        """Number of works with rows in a stored set (readable parts only; changes nothing)."""
        fingerprint = fingerprint or self.current(kind, name)
        if fingerprint is None:
            return 0
        done: set[str] = set()
        for part in self._parts(self.folder(kind, name, fingerprint)):
            try:
                done.update(self._read_ids(part).tolist())
            except (DamagedArrayError, FileNotFoundError):
                continue
        return len(done)

    def delete(self, kind: str, name: str) -> None:
        """Remove every version of (kind, name)."""
        shutil.rmtree(self.root / _dirname(kind) / _dirname(name), ignore_errors=True)
        with self.catalog.connect() as conn:
            conn.execute("DELETE FROM arrays WHERE kind=? AND name=?", (kind, name))


def _order(part: Path) -> str:
    """Sort key of a part: its time stamp (``part-<stamp>.npz``, ``merged-<stamp>-…``)."""
    name = part.name.split("-", 1)[1] if "-" in part.name else part.name
    return name[:-4] if name.endswith(".npz") else name


def _check_part(part: Path, data: dict[str, Any]) -> None:
    """Raise :class:`DamagedArrayError` unless ``data`` has ids and aligned arrays."""
    if "ids" not in data:
        raise DamagedArrayError(part, "no 'ids' array")
    n = _rows(data["ids"])
    if len(data) < 2:
        raise DamagedArrayError(part, "no array besides 'ids'")
    for key, value in data.items():
        if _rows(value) != n:
            raise DamagedArrayError(part, f"{key!r} has {_rows(value)} rows for {n} ids")


def _rows(value: Any) -> int:
    shape = value if isinstance(value, tuple) else np.shape(value)
    return int(shape[0]) if len(shape) else 1


def _npz_shapes(part: Path) -> dict[str, tuple[int, ...]]:
    """Shapes of the arrays of an ``.npz`` part from their headers (data not read)."""
    shapes: dict[str, tuple[int, ...]] = {}
    try:
        with zipfile.ZipFile(part) as zf:
            for info in zf.infolist():
                key = info.filename[:-4] if info.filename.endswith(".npy") else info.filename
                with zf.open(info) as fh:
                    version = np.lib.format.read_magic(fh)
                    read = np.lib.format.read_array_header_1_0 if version == (1, 0) \
                        else np.lib.format.read_array_header_2_0
                    shape, _, _ = read(fh)
                shapes[key] = tuple(shape)
    except (OSError, ValueError, EOFError, KeyError, zipfile.BadZipFile) as exc:
        raise DamagedArrayError(part, f"{type(exc).__name__}: {exc}") from exc
    _check_part(part, shapes)
    return shapes


def _fsync_folder(folder: Path) -> None:
    """Flush the files of a folder to disk before it is renamed into place."""
    for path in folder.iterdir():
        with open(path, "rb") as fh:
            os.fsync(fh.fileno())


def _clean_leftovers(folder: Path, max_age_s: float = LEFTOVER_AGE_S) -> None:
    """Remove what interrupted writes left (``.tmp-*``, ``*.tmp``) once it is old enough.

    A recent one may belong to a write still under way in another process.
    """
    if not folder.exists():
        return
    limit = time.time() - max_age_s
    for path in folder.iterdir():
        if not (path.name.startswith(_TMP) or path.name.endswith(".tmp")):
            continue
        try:
            if path.stat().st_mtime > limit:
                continue
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
            log.info("removed %s, left by an interrupted write", path)
        except OSError:
            continue

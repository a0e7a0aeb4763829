"""Arrays computed by the pipeline stages, aligned to work ids and keyed by fingerprint.

Layout: ``<workspace>/arrays/<kind>/<name>/<fingerprint>/`` holds

- ``part-<time>-<uid>.npz`` files appended by a stage as it goes (each written to a
  temporary name and renamed, so a crash never leaves half a part), and
- ``merged-<time>-<uid>/`` folders of ``.npy`` files, made by :meth:`ArrayStore.compact`,
  which load memory-mapped.

Every part holds an ``ids`` array (work ids) and one or more arrays whose first
axis is aligned to it. When a work appears in several parts the newest wins, so
recomputing a work is just appending it again. The catalogue's ``arrays`` table
records which fingerprint of a (kind, name) is current and with which parameters.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ArtExploreError
from .catalog import Catalog, now

_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


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

    def align(self, ids: Iterable[str]) -> tuple[np.ndarray, dict[str, np.ndarray]]:
        """Select and order rows to match ``ids``, dropping ids without a row.

        Parameters
        ----------
        ids : iterable of str
            Wanted work ids, in the wanted order.

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
        tmp = final.with_suffix(".tmp")
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
        if not folder.exists():
            return []
        return sorted(p for p in folder.iterdir()
                      if (p.suffix == ".npz" and p.name.startswith("part-"))
                      or (p.is_dir() and p.name.startswith("merged-")))

    def _read_part(self, part: Path, mmap: bool) -> dict[str, np.ndarray]:
        if part.is_dir():
            mode = "r" if mmap else None
            return {p.stem: np.load(p, mmap_mode=mode, allow_pickle=False)
                    for p in sorted(part.glob("*.npy"))}
        with np.load(part, allow_pickle=False) as data:
            return {k: data[k] for k in data.files}

    def done_ids(self, kind: str, name: str, fingerprint: str) -> set[str]:
        """Work ids that already have rows in a stored set."""
        done: set[str] = set()
        for part in self._parts(self.folder(kind, name, fingerprint)):
            done.update(self._read_ids(part).tolist())
        return done

    def _read_ids(self, part: Path) -> np.ndarray:
        if part.is_dir():
            return np.load(part / "ids.npy", allow_pickle=False)
        with np.load(part, allow_pickle=False) as data:
            return data["ids"]

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
                raise ArtExploreError(f"stored set {kind}/{name} has parts without {k!r}")
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
        parts = self._parts(folder)
        if len(parts) <= 1 and (not parts or parts[0].is_dir()):
            return
        stored = self.load(kind, name, fingerprint, mmap=False)
        final = folder / f"merged-{_stamp()}"
        tmp = folder / (final.name + ".tmp")
        tmp.mkdir()
        np.save(tmp / "ids.npy", stored.ids.astype(str))
        for key, value in stored.arrays.items():
            np.save(tmp / f"{key}.npy", np.asarray(value))
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
        """Number of works with rows in a stored set."""
        fingerprint = fingerprint or self.current(kind, name)
        if fingerprint is None:
            return 0
        return len(self.done_ids(kind, name, fingerprint))

    def delete(self, kind: str, name: str) -> None:
        """Remove every version of (kind, name)."""
        shutil.rmtree(self.root / _dirname(kind) / _dirname(name), ignore_errors=True)
        with self.catalog.connect() as conn:
            conn.execute("DELETE FROM arrays WHERE kind=? AND name=?", (kind, name))

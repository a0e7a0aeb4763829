"""Workspaces the app can open or create, and adding a collection to one.

What the Collection page does when a curator adds a collection, as plain
functions: check what was typed (server paths inside the configured roots, see
:mod:`artexplore.roots`; only http(s) URLs for IIIF), create a workspace, and
start the ingest as a background job. Every bad input raises
:class:`~artexplore.errors.ArtExploreError` with a sentence to show.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from . import jobs
from .errors import ArtExploreError
from .roots import check_path
from .store.workspace import CATALOG_NAME, Workspace

_NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._ -]{0,63}$")


def is_workspace(folder: Path | str) -> bool:
    """Whether a folder holds a workspace (a catalogue)."""
    return (Path(folder) / CATALOG_NAME).is_file()


def known_workspaces(current: Path | str, remembered: Iterable[Path | str] = ()) -> list[Path]:
    """The workspaces a curator can switch to: the current one, its siblings, remembered ones.

    Parameters
    ----------
    current : path
        The workspace in use; its parent folder is searched (one level).
    remembered : iterable of path
        Workspaces opened earlier in the session.

    Returns
    -------
    list of pathlib.Path
        Resolved, existing workspaces, sorted by path, the current one included.
    """
    current = Path(current).expanduser().resolve()
    found = {current} if is_workspace(current) else set()
    try:
        siblings = [p for p in current.parent.iterdir() if p.is_dir() and is_workspace(p)]
    except OSError:
        siblings = []
    found.update(p.resolve() for p in siblings)
    found.update(Path(p).expanduser().resolve() for p in remembered if is_workspace(p))
    return sorted(found)


def create_workspace(parent: Path | str, name: str) -> Workspace:
    """Create a new, empty workspace named ``name`` inside ``parent``.

    Raises
    ------
    ArtExploreError
        For a name with characters other than letters, digits, ``. _ -`` and
        spaces, or when the folder exists already.
    """
    name = name.strip()
    if not _NAME_RE.match(name) or name in (".", ".."):
        raise ArtExploreError(f"Workspace name {name!r} is not allowed: use letters, digits, "
                              "spaces, '.', '_' or '-' (64 at most)")
    target = Path(parent) / name
    if target.exists():
        raise ArtExploreError(f"{target} exists already: choose another name, or open it")
    return Workspace(target, create=True)


def check_folder(folder: str, metadata: str = "") -> tuple[Path, Path | None]:
    """Check a typed image folder and optional metadata CSV (inside the roots, existing).

    Returns
    -------
    folder, metadata : pathlib.Path, pathlib.Path or None
        Resolved.

    Raises
    ------
    ArtExploreError
        Naming what is wrong.
    """
    path = check_path(folder)
    if not path.is_dir():
        raise ArtExploreError(f"Folder not found: {path}")
    csv = None
    if metadata and metadata.strip():
        csv = check_path(metadata)
        if not csv.is_file():
            raise ArtExploreError(f"Metadata file not found: {csv}")
    return path, csv


def start_folder_ingest(ws: Workspace, folder: str, metadata: str = "", *,
                        relocate: bool = False, backend: str = "local") -> str:
    """Check a folder (and CSV) typed in the app and start its ingest job.

    Returns
    -------
    str
        The job id.
    """
    path, csv = check_folder(folder, metadata)
    return jobs.submit(ws, "ingest", {
        "folder": str(path), "metadata": str(csv) if csv else None, "relocate": relocate,
        "label": path.name}, backend=backend)


def start_iiif_ingest(ws: Workspace, url: str, *, size: int = 1024, limit: int | None = None,
                      backend: str = "local") -> str:
    """Check a IIIF manifest or collection URL and start its ingest job.

    Returns
    -------
    str
        The job id.
    """
    from .ingest.iiif import IIIFOptions
    from .ingest.iiif.client import FetchError, check_url

    try:
        url = check_url(url)
    except FetchError as exc:
        raise ArtExploreError(f"Give the URL of a IIIF manifest or collection: {exc.detail}") \
            from None
    IIIFOptions(size=size, limit=limit)  # validates
    return jobs.submit(ws, "ingest-iiif", {"sources": [url], "size": size, "limit": limit,
                                           "label": url[-60:]}, backend=backend)

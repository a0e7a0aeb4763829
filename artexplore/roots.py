"""Server-side folders the app may read: the configured roots.

The app lets a curator type a folder or a file path on the server (a collection
to ingest, a weights file). Anyone who reaches the page could otherwise read any
path the server's user can, so typed paths must lie inside the configured roots:

- the folders listed in the ``ARTEXPLORE_ROOTS`` environment variable (separated
  by ``os.pathsep``), read when a path is checked, not at import; else
- the folder the server was started in.

The command line trusts its user (the machine's user) and does not check paths.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from .errors import ArtExploreError

ENV = "ARTEXPLORE_ROOTS"


def configured_roots(extra: Iterable[Path | str] = ()) -> list[Path]:
    """The folders whose contents the app may read, resolved.

    Parameters
    ----------
    extra : iterable of path, optional
        Further roots to allow (e.g. the bundled demo assets).

    Returns
    -------
    list of pathlib.Path
    """
    value = os.environ.get(ENV, "")
    roots = [Path(p).expanduser().resolve() for p in value.split(os.pathsep) if p.strip()]
    if not roots:
        roots = [Path.cwd().resolve()]
    roots += [Path(p).expanduser().resolve() for p in extra]
    return list(dict.fromkeys(roots))


def check_path(path: Path | str, *, roots: Iterable[Path | str] | None = None) -> Path:
    """Resolve a typed server path and check that it lies inside a root.

    Parameters
    ----------
    path : path
        What the user typed.
    roots : iterable of path, optional
        The allowed roots; :func:`configured_roots` by default.

    Returns
    -------
    pathlib.Path
        The resolved path (links followed).

    Raises
    ------
    ArtExploreError
        If the path is empty or outside every root (the message names the roots).
    """
    text = str(path).strip()
    if not text:
        raise ArtExploreError("No path given")
    resolved = Path(text).expanduser().resolve()
    allowed = [Path(r).expanduser().resolve() for r in roots] if roots is not None \
        else configured_roots()
    if any(resolved == r or resolved.is_relative_to(r) for r in allowed):
        return resolved
    shown = ", ".join(str(r) for r in allowed) or "none"
    raise ArtExploreError(
        f"{resolved} is outside the folders this app may read ({shown}); "
        f"start the app with {ENV} set to include it")

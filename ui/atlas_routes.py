"""The HTTP routes that serve the map's files (:mod:`artexplore.atlas`) to the browser.

``serve.py`` mounts :func:`routes` beside Streamlit's own (``st.App``). A page that draws
a map calls :func:`register`, which returns the base URL of that map's files; only
registered maps are served, only under fixed file names, and every name is checked
before anything is read. When the app was started without these routes (``streamlit run
app.py``), :func:`register` returns None and the map is drawn without thumbnails.
"""

from __future__ import annotations

import hashlib
import re
import threading
from pathlib import Path

from artexplore.atlas import Atlas, atlas_page, text_page, thumbnail_of_row
from artexplore.errors import ArtExploreError
from artexplore.store import Workspace

PREFIX = "/artexplore/atlas"
_NAME = re.compile(r"^(xy\.bin|cells\.bin|page-(\d{5})\.jpg|text-(\d{5})\.json|thumb-(\d{1,9})\.jpg)$")
_REGISTRY: dict[str, tuple[Workspace, Atlas]] = {}  # token -> the map's workspace and files
_LOCK = threading.Lock()
_page_locks: dict[str, threading.Lock] = {}
mounted = False


def register(ws: Workspace, atlas: Atlas) -> str | None:
    """Allow the browser to read this map's files; their base URL (None without routes).

    The URL is relative to the component's frame (``/component/NAME/index.html``), so
    that it holds under any ``server.baseUrlPath``.
    """
    if not mounted:
        return None
    token = hashlib.sha1(f"{ws.root}|{atlas.folder}".encode()).hexdigest()[:24]
    with _LOCK:
        _REGISTRY[token] = (ws, atlas)
    return f"../..{PREFIX}/{token}/"


def _lock_for(key: str) -> threading.Lock:
    with _LOCK:
        return _page_locks.setdefault(key, threading.Lock())


def resolve(token: str, name: str) -> tuple[Path, str] | None:
    """The file behind ``token/name`` and its media type, built if needed (None: not served)."""
    entry = _REGISTRY.get(token)
    match = _NAME.match(name)
    if entry is None or match is None:
        return None
    ws, atlas = entry  # opened once, when a page registered the map
    folder = str(atlas.folder)
    try:
        if name in ("xy.bin", "cells.bin"):
            return atlas.folder / name, "application/octet-stream"
        if match.group(2) is not None:
            with _lock_for(f"{folder}|{name}"):  # two requests build a page once
                return atlas_page(ws, atlas, int(match.group(2))), "image/jpeg"
        if match.group(3) is not None:
            with _lock_for(f"{folder}|{name}"):
                return text_page(ws, atlas, int(match.group(3))), "application/json"
        path = thumbnail_of_row(ws, atlas, int(match.group(4)))
        return (path, "image/jpeg") if path is not None else None
    except ArtExploreError:
        return None


def routes() -> list:
    """The Starlette routes to mount with ``st.App(..., routes=routes())``."""
    global mounted
    from starlette.responses import FileResponse, PlainTextResponse
    from starlette.routing import Route

    def serve(request):  # a plain function: Starlette runs it in a worker thread
        found = resolve(request.path_params["token"], request.path_params["name"])
        if found is None:
            return PlainTextResponse("not found", status_code=404)
        path, media_type = found
        # The token names one map version: its files never change.
        return FileResponse(path, media_type=media_type,
                            headers={"Cache-Control": "private, max-age=31536000, immutable",
                                     "X-Content-Type-Options": "nosniff"})

    mounted = True
    return [Route(PREFIX + "/{token}/{name}", serve, methods=["GET"])]

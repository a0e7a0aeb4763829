"""The Map page's WebGL canvas: a Streamlit component over deck.gl (``ui/mapgl``).

Why this component: the map must draw up to a million works, turn into paintings when
zoomed in and answer a lasso at once. ``st.pydeck_chart`` sends its data as JSON on every
rerun and has no lasso; Embedding Atlas's component needs its DuckDB-WASM bundle and
takes the whole table as Arrow each time. A small component over deck.gl (a maintained
WebGL library) reads the coordinates once per map version as a binary file, thumbnails as
atlas pages, and receives only colour codes and selections afterwards. Its source is
``ui/mapgl/frontend`` (``npm run build`` writes ``ui/mapgl/static/``: the small entry
``main.js``, which draws the first picture of the points on a 2-D canvas at once, and
deck.gl as separate modules that take over for pan, zoom and the paintings).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import numpy as np
import streamlit as st
import streamlit.components.v1 as components

from artexplore.atlas import CELL_PX, PAGE_CELLS, Atlas, prepare_atlas
from artexplore.store import Workspace
from ui.atlas_routes import register
from ui.mapview import Colouring, map_result

_canvas = components.declare_component(
    "artexplore_map", path=str(Path(__file__).with_name("mapgl") / "static"))


@st.cache_resource(max_entries=8, show_spinner="Preparing the map's files…")
def map_files(root: str, features: str, version: str) -> Atlas:
    """The browser files of the current map (:func:`artexplore.atlas.prepare_atlas`)."""
    return prepare_atlas(Workspace(root), features, map_result(root, features, version))


def _bytes(rows: np.ndarray | list[int] | None) -> bytes:
    return np.asarray([] if rows is None else rows, dtype=np.uint32).tobytes()


def map_canvas(ws: Workspace, atlas: Atlas, colours: Colouring, *, mode: str = "lasso",
               marked: np.ndarray | None = None, later: np.ndarray | None = None,
               highlight: int = -1, highlight_label: str = "",
               contours: list[dict[str, Any]] | None = None, height: int = 620,
               key: str = "map_canvas") -> dict[str, Any] | None:
    """Draw the map; returns the canvas's last event.

    Parameters
    ----------
    ws, atlas
        The workspace and its map's files (:func:`map_files`).
    colours : Colouring
        The points' colour codes and legend.
    mode : {"lasso", "box", "pan"}
        What dragging does (scrolling always zooms; a double click resets the view).
    marked, later : ndarray of int, optional
        Rows drawn ringed (a selection, a cluster) and rows placed on the map later.
    highlight, highlight_label
        A row marked with a red ring and a label (the current work), -1 for none.
    contours : list of dict, optional
        Density contours (:func:`ui.mapview.density_contours`).

    Returns
    -------
    dict or None
        ``{"event": "lasso" | "box" | "click", "rows": [...], "seq": int, "token": str}``
        for the newest selection on the canvas, None before the first.
    """
    base = register(ws, atlas)
    args: dict[str, Any] = {
        "version": atlas.version + f"|{atlas.n}", "base": base, "bounds": list(atlas.bounds),
        "page_cells": PAGE_CELLS, "cell_px": CELL_PX, "height": height, "mode": mode,
        "codes": colours.codes.tobytes(), "codes_wide": colours.codes.dtype == np.uint16,
        "palette": colours.palette, "legend": colours.legend, "legend_title": colours.title,
        "colour_key": colours.key,
        "membership": None if colours.membership is None else colours.membership.tobytes(),
        "marked": _bytes(marked), "later": _bytes(later), "highlight": int(highlight),
        "highlight_label": highlight_label, "contours": contours or [],
    }
    if base is None:  # no file routes: the coordinates travel with the arguments
        args["xy"] = (atlas.folder / "xy.bin").read_bytes()
    # Streamlit re-sends a component's arguments when its JSON ones change: a digest of
    # the binary ones makes a changed selection reach the canvas.
    digest = hashlib.sha1()
    for name in ("marked", "later", "membership"):
        digest.update(args[name] or b"")
        digest.update(b"|")
    args["bytes_key"] = digest.hexdigest()[:16]
    return _canvas(key=key, default=None, **args)

"""Thumbnail grids and the detail view of a work."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import streamlit as st
from PIL import Image

from artexplore.errors import ArtExploreError
from artexplore.imageio import decode, encode_jpeg, load_rgb
from artexplore.store import CANONICAL_FIELDS, Workspace

from .text import plain

_CANVAS = (240, 242, 246)


def caption(work: dict[str, Any]) -> str:
    """Title, artist and date of a work, as far as they are known."""
    title = work.get("title") or work["path"].rsplit("/", 1)[-1]
    bits = [b for b in (work.get("artist"), work.get("date")) if b]
    return f"{title[:40]}" + (f" — {', '.join(bits)}"[:50] if bits else "")


def thumbnail_grid(ws: Workspace, works: Sequence[dict[str, Any]], *, key: str,
                   columns: int = 6, button: str | None = "Details",
                   on_click: Callable[[dict[str, Any]], None] | None = None,
                   note: Callable[[dict[str, Any]], str] | None = None) -> None:
    """A grid of thumbnails with captions and, optionally, one button per work.

    Parameters
    ----------
    ws : Workspace
    works : sequence of dict
        Work records.
    key : str
        Prefix of the widget keys (unique per grid on a page).
    columns : int
        Thumbnails per row.
    button : str, optional
        Label of the button under each thumbnail.
    on_click : callable, optional
        Called with the work whose button was pressed.
    note : callable, optional
        Extra text under a caption (e.g. a similarity).
    """
    for start in range(0, len(works), columns):
        cols = st.columns(columns, gap="small")
        for col, work in zip(cols, works[start:start + columns], strict=False):
            with col:
                thumb = ws.thumbnail_path(work["id"])
                try:
                    st.image(square_thumbnail(str(thumb)), width="stretch")
                except ArtExploreError:
                    st.caption("(no thumbnail)")
                text = plain(caption(work))
                if note is not None:
                    text += f"  \n{note(work)}"
                st.caption(text)
                if button and st.button(button, key=f"{key}-{work['id']}", width="stretch"):
                    if on_click is not None:
                        on_click(work)


@st.cache_data(max_entries=2000, show_spinner=False)
def square_thumbnail(path: str, side: int = 256) -> bytes:
    """A thumbnail letterboxed onto a square (JPEG bytes), so grids line up."""
    # Thumbnails come with the workspace (perhaps from someone else): the one reader.
    img, _ = decode(Path(path), max_side=side)
    canvas = Image.new("RGB", (side, side), _CANVAS)
    canvas.paste(img, ((side - img.width) // 2, (side - img.height) // 2))
    return encode_jpeg(canvas, quality=88)


@st.cache_data(max_entries=32, show_spinner=False)
def preview(path: str, mtime_ns: int, max_side: int = 1400) -> np.ndarray:
    """The image at display size (cached per file version)."""
    return load_rgb(Path(path), max_side=max_side)


# Pages a work can be opened in: (button label, icon, page file).
WORK_PAGES: tuple[tuple[str, str, str], ...] = (
    ("Show on the map", ":material/scatter_plot:", "pages/map.py"),
    ("Find similar works", ":material/image_search:", "pages/neighbours.py"),
    ("Open in patch inspector", ":material/grid_view:", "pages/patches.py"),
)


def work_links(work: dict[str, Any], *, key: str = "detail") -> None:
    """One row of buttons opening the work in the other pages."""
    cols = st.columns(len(WORK_PAGES))
    for col, (label, icon, page) in zip(cols, WORK_PAGES, strict=True):
        if col.button(label, icon=icon, key=f"{key}-{page}-{work['id']}", width="stretch"):
            st.session_state["work_id"] = work["id"]
            st.switch_page(page)


def work_detail(ws: Workspace, work: dict[str, Any]) -> None:
    """Large image, metadata and technical facts of one work."""
    left, right = st.columns([3, 2], gap="large")
    with left:
        try:
            st.image(preview(str(ws.image_path(work)), work["mtime_ns"]), width="stretch")
        except (ArtExploreError, OSError) as exc:
            st.warning(f"The image file cannot be shown: {exc}")
            thumb = ws.thumbnail_path(work["id"])
            if thumb.exists():
                st.image(str(thumb))
    with right:
        # Metadata is text: st.subheader and st.table cells would read it as markdown.
        st.subheader(plain(work.get("title") or work["path"]))
        rows = [(f.replace("_", " "), work.get(f)) for f in CANONICAL_FIELDS if work.get(f)]
        rows += [(k, v) for k, v in sorted(work["metadata"].items())]
        if rows:
            st.table({"field": [plain(r[0]) for r in rows], "value": [plain(r[1]) for r in rows]})
        else:
            st.caption("No metadata for this work.")
        work_links(work)
        st.markdown("**File**")
        flags = ", ".join(work["flags"]) or "none"
        st.table({
            "field": ["path", "id", "pixels", "format", "mode", "status", "flags"],
            "value": [plain(v) for v in (
                work["path"], work["id"], f"{work['width']} × {work['height']}",
                work["format"], work["mode"], work["status"], flags)],
        })

"""Widgets of the patch inspector: the annotated painting and the patch strips."""

from __future__ import annotations

import base64
import io
from typing import Any

import cv2
import numpy as np
import plotly.graph_objects as go
import streamlit as st
from PIL import Image

from artexplore.cluster.summary import PatchExample
from artexplore.local import WorkingImage, load_working_image
from artexplore.local.patches import (
    OUTLINE_COLOURS,
    PatchConfig,
    PatchResult,
    best_windows,
    draw_outlines,
    outline_colour,
    sample_patches,
    work_rng,
)
from artexplore.store import Workspace

from .gallery import _CANVAS as CANVAS
from .gallery import caption

#: Outline colours of the drawn windows (colour-blind-safe, Okabe–Ito), as plotly wants them.
DRAWN_COLOURS = tuple("#{:02X}{:02X}{:02X}".format(*c) for c in OUTLINE_COLOURS)
LAYERS = ("Window scores", "Gradient |∇I|", "None")
_DISPLAY_SIDE = 1024


@st.cache_data(max_entries=8, show_spinner=False)
def working(root: str, work_id: str, mtime_ns: int, config: dict[str, Any]) -> WorkingImage:
    """A work's image at the working resolution of ``config`` (cached per file version)."""
    ws = Workspace(root)
    return load_working_image(ws, ws.work(work_id), PatchConfig.from_dict(config))


@st.cache_data(max_entries=32, show_spinner=False)
def local_windows(root: str, work_id: str, mtime_ns: int) -> np.ndarray:
    """The windows the local part of ``default`` describes for a work (``windows:`` extractor)."""
    from artexplore.features.recipes import LITE2_WINDOWS

    n, size = int(LITE2_WINDOWS["windows"]), int(LITE2_WINDOWS["sizes"][0])
    wi = working(root, work_id, mtime_ns, PatchConfig(patch_size=size, stride=size // 2).to_dict())
    return best_windows(wi.image, n, size)


@st.cache_data(max_entries=32, show_spinner=False)
def run_method(root: str, work_id: str, mtime_ns: int, config: dict[str, Any]) -> PatchResult:
    """The patch method on one work with the given parameters (what the stage would store)."""
    cfg = PatchConfig.from_dict(config)
    wi = working(root, work_id, mtime_ns, config)
    return sample_patches(wi.image, cfg, work_rng(work_id, cfg.seed), scale=wi.scale,
                          physical=wi.physical, flags=wi.flags)


def _data_uri(image: np.ndarray) -> str:
    buf = io.BytesIO()
    Image.fromarray(image).save(buf, format="JPEG", quality=85)
    return "data:image/jpeg;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def _region_outline(kept: np.ndarray, stride: int, size: int) -> tuple[list, list]:
    """Boundary of the union of the kept windows, as one polyline with gaps (x, y lists)."""
    gh, gw = kept.shape
    cells_per_window = max(1, -(-size // stride))
    ch, cw = gh - 1 + cells_per_window, gw - 1 + cells_per_window
    cover = np.zeros((ch, cw), dtype=bool)
    for i, j in zip(*np.nonzero(kept), strict=True):
        cover[i:i + cells_per_window, j:j + cells_per_window] = True
    # Cell (a, b) spans rows a·stride … (a+1)·stride; the last cell ends at the window edge.
    row_edges = np.minimum(np.arange(ch + 1) * stride, (gh - 1) * stride + size)
    col_edges = np.minimum(np.arange(cw + 1) * stride, (gw - 1) * stride + size)
    padded = np.pad(cover, 1)
    xs: list = []
    ys: list = []
    horizontal = padded[1:, 1:-1] != padded[:-1, 1:-1]  # (ch + 1, cw): edges between rows
    for a, b in zip(*np.nonzero(horizontal), strict=True):
        xs += [col_edges[b], col_edges[b + 1], None]
        ys += [row_edges[a], row_edges[a], None]
    vertical = padded[1:-1, 1:] != padded[1:-1, :-1]  # (ch, cw + 1)
    for a, b in zip(*np.nonzero(vertical), strict=True):
        xs += [col_edges[b], col_edges[b], None]
        ys += [row_edges[a], row_edges[a + 1], None]
    return xs, ys


def patch_figure(image: np.ndarray, result: PatchResult, *, layer: str = LAYERS[0],
                 opacity: float = 0.45, show_region: bool = True) -> go.Figure:
    """The working image with a heat layer, the kept region and the drawn windows.

    Parameters
    ----------
    image : ndarray of shape (height, width, 3), uint8
        The working image.
    result : PatchResult
    layer : str
        One of :data:`LAYERS`.
    opacity : float
        Of the heat layer.
    show_region : bool
        Outline the union of the kept (top-fraction) windows.

    Returns
    -------
    plotly.graph_objects.Figure
    """
    h, w = image.shape[:2]
    s, stride = result.patch_size, result.stride
    fig = go.Figure()
    fig.add_trace(go.Image(source=_data_uri(image), x0=0, y0=0, dx=1, dy=1,
                           hoverinfo="skip", name="painting"))
    if layer == "Window scores":
        fig.add_trace(go.Heatmap(
            z=result.window_scores, x0=s / 2, dx=stride, y0=s / 2, dy=stride,
            colorscale="Inferno", opacity=opacity, name="window score",
            colorbar={"title": {"text": "score"}, "thickness": 12},
            hovertemplate="window at (%{y:.0f}, %{x:.0f}) centre<br>score %{z:.1f}"
                          "<extra></extra>"))
    elif layer == "Gradient |∇I|":
        mag = result.magnitude
        factor = max(1, int(np.ceil(max(mag.shape) / 256)))
        small = cv2.resize(mag, (max(1, mag.shape[1] // factor), max(1, mag.shape[0] // factor)),
                           interpolation=cv2.INTER_AREA) if factor > 1 else mag
        fig.add_trace(go.Heatmap(
            z=small, x0=factor / 2, dx=factor, y0=factor / 2, dy=factor, colorscale="Viridis",
            opacity=opacity, name="|∇I|", colorbar={"title": {"text": "|∇I|"}, "thickness": 12},
            hovertemplate="|∇I| %{z:.0f}<extra></extra>"))
    if show_region and result.kept.any():
        xs, ys = _region_outline(result.kept, stride, s)
        # Black under white dashes: visible on light and dark paintings alike.
        for colour, width, dash in (("black", 3, "solid"), ("white", 1.5, "dash")):
            fig.add_trace(go.Scatter(x=xs, y=ys, mode="lines", name="top windows",
                                     line={"color": colour, "width": width, "dash": dash},
                                     hoverinfo="skip"))
    seen: set[tuple[int, int]] = set()
    for k, ((r, c), score) in enumerate(zip(result.coords.tolist(), result.scores.tolist(),
                                            strict=True)):
        colour = DRAWN_COLOURS[k % len(DRAWN_COLOURS)]
        if (r, c) in seen:
            continue  # a repeated draw (tiny image): outlined once
        seen.add((r, c))
        fig.add_shape(type="rect", x0=c, y0=r, x1=c + s, y1=r + s,
                      line={"color": colour, "width": 3})
        fig.add_trace(go.Scatter(
            x=[c + 4], y=[r + 4], mode="text", text=[f"<b>{k + 1}</b>"],
            textposition="bottom right", textfont={"color": colour, "size": 15},
            hovertemplate=f"patch {k + 1}: score {score:.1f} at ({r}, {c})<extra></extra>",
            showlegend=False))
    fig.update_xaxes(visible=False, range=[-0.5, max(w, s) - 0.5], constrain="domain")
    fig.update_yaxes(visible=False, range=[max(h, s) - 0.5, -0.5], scaleanchor="x",
                     constrain="domain")
    fig.update_layout(margin={"l": 0, "r": 0, "t": 0, "b": 0}, showlegend=False,
                      height=min(720, max(320, int(640 * h / max(w, 1)))),
                      dragmode="pan", uirevision="patches")
    return fig


def enlarge(patch: np.ndarray, side: int = 160) -> np.ndarray:
    """A patch enlarged with visible pixels (nearest neighbour) for display."""
    return cv2.resize(np.ascontiguousarray(patch), (side, side), interpolation=cv2.INTER_NEAREST)


def framed(patch: np.ndarray, k: int, thickness: int = 4) -> np.ndarray:
    """A patch (grey or colour) framed in the outline colour of the ``k``-th drawn patch."""
    side = patch.shape[0]
    return draw_outlines(patch, np.zeros((1, 2)), side, colours=(outline_colour(k),),
                         thickness=thickness)


@st.cache_data(max_entries=256, show_spinner=False)
def outlined_thumbnail(root: str, work_id: str, coords: tuple[tuple[int, int], ...], size: int,
                       work_shape: tuple[int, int] | None, k: int = 0) -> np.ndarray | None:
    """A work's thumbnail with windows outlined (colours from the ``k``-th on), letterboxed
    onto a square; None without a thumbnail."""
    path = Workspace(root).thumbnail_path(work_id)
    if not path.exists():
        return None
    with Image.open(path) as img:
        rgb = np.asarray(img.convert("RGB"))
    colours = tuple(outline_colour(k + i) for i in range(len(coords)))
    drawn = draw_outlines(rgb, np.asarray(coords, dtype=np.float64).reshape(-1, 2), size,
                          source_shape=work_shape or rgb.shape[:2], colours=colours)
    # Letterboxed onto a square, so that a row of paintings lines up.
    h, w = drawn.shape[:2]
    side = max(h, w)
    top, left = (side - h) // 2, (side - w) // 2
    square = np.empty((side, side, 3), dtype=np.uint8)
    square[:] = CANVAS
    square[top:top + h, left:left + w] = drawn
    return square


def patch_sources(ws: Workspace, examples: list[PatchExample], *, per_row: int = 6) -> None:
    """Representative DoG patches, each under the painting it comes from (patch outlined)."""
    works = {w["id"]: w for w in ws.works(ids=list({e.work_id for e in examples}))}
    for start in range(0, len(examples), per_row):
        cols = st.columns(per_row, gap="small")
        for k, (col, ex) in enumerate(zip(cols, examples[start:start + per_row], strict=False),
                                      start=start):
            with col:
                thumb = outlined_thumbnail(str(ws.root), ex.work_id,
                                           (tuple(int(v) for v in ex.coords[:2]),), ex.size,
                                           ex.work_shape, k)
                if thumb is not None:
                    st.image(thumb, width="stretch")
                st.image(framed(enlarge(ex.image), k), width="stretch",
                         caption=f"×{ex.lift:.1f} · {caption(works[ex.work_id])}"
                         if ex.work_id in works else f"×{ex.lift:.1f}")


def patch_strip(result: PatchResult, reconstructions: np.ndarray | None) -> None:
    """The drawn patches side by side: colour, DoG and (when a model exists) reconstruction."""
    n = len(result.coords)
    per_row = min(n, 5)
    for start in range(0, n, per_row):
        cols = st.columns(per_row, gap="small")
        for k, col in zip(range(start, min(n, start + per_row)), cols, strict=False):
            r, c = result.coords[k]
            with col:
                st.markdown(f"**patch {k + 1}** · score {result.scores[k]:.1f}")
                # Framed in the colour of its outline on the painting.
                st.image(framed(enlarge(result.color[k]), k), caption=f"colour at ({r}, {c})",
                         width="stretch")
                st.image(enlarge(result.dog[k]), caption="|DoG|, normalised", width="stretch")
                if reconstructions is not None:
                    st.image(enlarge(reconstructions[k]), caption="InfoVAE reconstruction",
                             width="stretch")

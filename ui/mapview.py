"""Building blocks of the Map page: the points table, the plotly figure, hover thumbnails.

The figure is a plotly ``Scattergl`` (WebGL, smooth with tens of thousands of works),
one trace per colour group so that the legend names clusters or metadata values.
Plotly's own hover label cannot show images, so a small script (installed once per
browser tab with ``st.html``) listens to plotly's hover events and shows the work's
thumbnail beside the label; thumbnails travel as small data URIs, and only for
collections up to :data:`HOVER_THUMBNAIL_LIMIT` works.
"""

from __future__ import annotations

import base64
import html
import json
import textwrap
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from artexplore.cluster import list_runs, load_run, summarize_run
from artexplore.errors import ArtExploreError
from artexplore.imageio import decode, encode_jpeg
from artexplore.reduce import load_map
from artexplore.store import Workspace

HOVER_THUMBNAIL_LIMIT = 3000
NOISE_COLOUR = "#b8b8b8"
OTHER_COLOUR = "#d0d0d0"
UNKNOWN = "(unknown)"
MARK_COLOUR = "#111111"
# Kelly's colours of maximum contrast, in his order, without the grey (noise is grey) and
# the two yellows too close to their neighbours: 17 colours no two of which are alike.
PALETTE = ["#F3C300", "#875692", "#F38400", "#A1CAF1", "#BE0032", "#C2B280", "#008856",
           "#E68FAC", "#0067A5", "#F99379", "#604E97", "#B3446C", "#882D17", "#8DB600",
           "#654522", "#E25822", "#2B3D26"]
# Beyond len(PALETTE) groups the colours repeat with another marker shape (the diamond
# is kept for works placed on the map later).
SHAPES = ["circle", "square", "triangle-up", "cross", "x", "triangle-down", "pentagon",
          "hexagon", "star"]
# How the "Drag to" choices map onto plotly's dragmode.
DRAG_MODES = {"lasso": "lasso", "box": "select", "zoom": "zoom"}
LEGEND_CHARS = 48


def map_version(ws: Workspace, features: str) -> str:
    """Cache key of the current 2-D map of a feature set."""
    from artexplore.reduce import map_token

    return map_token(ws, features, 2)


@st.cache_data(max_entries=8, show_spinner=False)
def points_table(root: str, features: str, version: str, run_id: str | None) -> pd.DataFrame:
    """One row per work on the map: id, x, y, metadata, cluster and confidence.

    ``version`` only keys the cache (see :func:`map_version`).
    """
    ws = Workspace(root)
    result = load_map(ws, features)
    works = {w["id"]: w for w in ws.works(ids=result.ids.tolist())}
    fields = ws.metadata_fields()
    rows = []
    for i, wid in enumerate(result.ids.tolist()):
        work = works[wid]
        row = {"id": wid, "x": float(result.embedding[i, 0]), "y": float(result.embedding[i, 1]),
               "path": work["path"], "placed_later": not bool(result.fitted[i])}
        for f in fields:
            row[f] = ws.field_of(work, f)
        row["title"] = work.get("title") or work["path"].rsplit("/", 1)[-1]
        rows.append(row)
    df = pd.DataFrame(rows)
    df["cluster"] = pd.Series([None] * len(df), dtype=object)
    df["confidence"] = np.nan
    if run_id:
        run = load_run(ws, run_id)
        pos = {w: i for i, w in enumerate(run.ids.tolist())}
        rows_in = [pos.get(w) for w in df["id"]]
        df["cluster"] = [None if r is None else int(run.labels[r]) for r in rows_in]
        df["confidence"] = [np.nan if r is None else float(run.confidence[r]) for r in rows_in]
    return df


@st.cache_data(max_entries=16, show_spinner=False)
def cluster_summaries(root: str, run_id: str, fields: tuple[str, ...]) -> list[Any]:
    """:func:`artexplore.cluster.summarize_run` of a run, cached."""
    ws = Workspace(root)
    return summarize_run(ws, load_run(ws, run_id), fields=fields, n_examples=8)


def _label(value: Any) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value == "":
        return UNKNOWN
    return str(value)


def group_style(index: int) -> tuple[str, str]:
    """(colour, marker shape) of the ``index``-th colour group.

    The first ``len(PALETTE)`` groups get distinct colours as circles; later ones
    reuse the colours with another shape, so that no two groups look the same.
    """
    return PALETTE[index % len(PALETTE)], SHAPES[(index // len(PALETTE)) % len(SHAPES)]


def legend_name(text: str, width: int = LEGEND_CHARS) -> str:
    """A legend entry of at most ``width`` characters, shortened at a word boundary."""
    return textwrap.shorten(str(text), width=width, placeholder=" …",
                            break_on_hyphens=False)


def colour_groups(df: pd.DataFrame, colour_by: str, headlines: dict[int, str] | None = None,
                  max_groups: int = 16) -> list[tuple[str, np.ndarray, str, str]]:
    """(legend name, row mask, colour, marker shape) per group of points.

    Clusters each get their own colour, or shape beyond :data:`PALETTE` (noise
    grey); a metadata field gets one colour per frequent value, the rest grouped as
    "other" and missing values as "(unknown)".
    """
    groups: list[tuple[str, np.ndarray, str, str]] = []
    if colour_by == "cluster":
        values = df["cluster"]
        clusters = sorted({int(v) for v in values.dropna()})
        for k in clusters:
            mask = (values == k).to_numpy()
            if k < 0:
                groups.append((f"noise · {mask.sum()}", mask, NOISE_COLOUR, "circle"))
                continue
            extra = (headlines or {}).get(k, f"{mask.sum()} works")
            groups.append((legend_name(f"{k} · {extra}"), mask, *group_style(k)))
        missing = values.isna().to_numpy()
        if missing.any():
            groups.append((f"not in run · {missing.sum()}", missing, OTHER_COLOUR, "circle"))
        return groups
    labels = df[colour_by].map(_label)
    counts = labels[labels != UNKNOWN].value_counts()
    top = counts.index[:max_groups].tolist()
    for i, value in enumerate(top):
        mask = (labels == value).to_numpy()
        groups.append((legend_name(f"{value} · {mask.sum()}"), mask, *group_style(i)))
    other = (~labels.isin(top) & (labels != UNKNOWN)).to_numpy()
    if other.any():
        groups.append((f"other ({len(counts) - len(top)} values) · {other.sum()}", other,
                       OTHER_COLOUR, "circle"))
    unknown = (labels == UNKNOWN).to_numpy()
    if unknown.any():
        groups.append((f"{UNKNOWN} · {unknown.sum()}", unknown, "#ececec", "circle"))
    return groups


def colour_fields(fields: list[str]) -> list[str]:
    """The metadata fields offered under "Colour by": ``date`` is left out when ``year``
    (the year parsed from it, on a continuous scale) is there."""
    return [f for f in fields if not (f == "date" and "year" in fields)]


def membership_text(p: float) -> str:
    """A work's membership of its cluster as a percentage with enough digits to tell
    near-certain works apart (a mixture's 0.9997 is not shown as 100 %)."""
    if p is None or pd.isna(p):
        return "–"
    digits = 0
    while digits < 4 and round(100 * p, digits) >= 100 and p < 1:
        digits += 1
    return f"{100 * p:.{digits}f} %"


def is_numeric(df: pd.DataFrame, field: str) -> bool:
    """Whether a field should be coloured on a continuous scale (e.g. year)."""
    values = pd.to_numeric(df[field], errors="coerce")
    return field in df and values.notna().mean() > 0.5 and values.nunique() > 12


def map_figure(df: pd.DataFrame, colour_by: str, *, headlines: dict[int, str] | None = None,
               dragmode: str = "lasso", height: int = 640,
               highlight: str | None = None, marked: list[str] | None = None,
               marked_name: str = "selected") -> go.Figure:
    """The interactive map: one ``Scattergl`` trace per colour group.

    Every point carries its work id as ``customdata[0]`` (the page reads selections
    and the hover script finds thumbnails with it). ``highlight`` (a work id) is
    marked with a star: the current work, when the user arrives from another page.
    ``marked`` works (a saved selection, a cluster) are ringed in black, in a trace
    of their own named ``marked_name``. ``dragmode`` is one of :data:`DRAG_MODES`
    (or plotly's own name).
    """
    n = len(df)
    size = 10 if n <= 400 else 7 if n <= 3000 else 4
    hover = ("<b>%{customdata[1]}</b><br>%{customdata[2]}<br>"
             "cluster %{customdata[3]} · membership %{customdata[4]}<extra></extra>")
    artist = df["artist"] if "artist" in df else pd.Series([""] * n)
    custom = np.stack([
        # Plotly reads tags (<a>, <span style>…) in hover text: metadata is escaped.
        df["id"].to_numpy(), df["title"].map(lambda t: html.escape(str(t)[:60])).to_numpy(),
        artist.map(lambda a: "" if a is None or a == "" else html.escape(str(a))).to_numpy(),
        df["cluster"].map(lambda c: "–" if c is None or pd.isna(c) else str(int(c))).to_numpy(),
        df["confidence"].map(membership_text).to_numpy(),
    ], axis=1)
    fig = go.Figure()
    if colour_by not in ("cluster",) and is_numeric(df, colour_by):
        values = pd.to_numeric(df[colour_by], errors="coerce")
        known = values.notna().to_numpy()
        fig.add_trace(go.Scattergl(
            x=df["x"][~known], y=df["y"][~known], mode="markers", name=f"{UNKNOWN}",
            customdata=custom[~known], hovertemplate=hover,
            marker={"size": size, "color": "#e3e3e3"}))
        fig.add_trace(go.Scattergl(
            x=df["x"][known], y=df["y"][known], mode="markers", name=colour_by,
            customdata=custom[known], hovertemplate=hover, showlegend=False,
            marker={"size": size, "color": values[known], "colorscale": "Viridis",
                    "colorbar": {"title": colour_by, "thickness": 12},
                    "line": {"width": 0.4, "color": "rgba(40,40,40,0.5)"}}))
    else:
        # Works placed on a stored map later (by transform) are drawn as diamonds.
        symbols = np.where(df["placed_later"].to_numpy(dtype=bool), "diamond", "circle")
        for name, mask, colour, shape in colour_groups(df, colour_by, headlines):
            fig.add_trace(go.Scattergl(
                x=df["x"][mask], y=df["y"][mask], mode="markers", name=name,
                customdata=custom[mask], hovertemplate=hover,
                marker={"size": size, "color": colour, "opacity": 0.9,
                        "symbol": np.where(symbols[mask] == "diamond", "diamond",
                                           shape).tolist(),
                        "line": {"width": 0.4, "color": "rgba(40,40,40,0.55)"}}))
    if marked:
        rows = df["id"].isin(set(marked)).to_numpy()
        if rows.any():
            # Rings drawn over the points: the points underneath stay clickable.
            fig.add_trace(go.Scattergl(
                x=df["x"][rows], y=df["y"][rows], mode="markers",
                name=legend_name(f"◯ {marked_name} · {int(rows.sum())}"), hoverinfo="skip",
                marker={"size": size + 8, "symbol": "circle-open", "color": MARK_COLOUR,
                        "line": {"width": 2.2, "color": MARK_COLOUR}}))
    if highlight is not None and (df["id"] == highlight).any():
        row = df[df["id"] == highlight].iloc[0]
        fig.add_trace(go.Scatter(
            x=[row["x"]], y=[row["y"]], mode="markers+text", name="current work",
            text=[str(row["title"])[:40]], textposition="top center", hoverinfo="skip",
            marker={"size": 22, "symbol": "star", "color": "rgba(0,0,0,0)",
                    "line": {"width": 2.5, "color": "#8c2f39"}}))
    fig.update_layout(
        height=height, dragmode=DRAG_MODES.get(dragmode, dragmode), margin={"l": 0, "r": 0, "t": 8, "b": 0},
        plot_bgcolor="#fafafa", hovermode="closest",
        legend={"title": {"text": "cluster" if colour_by == "cluster" else colour_by},
                "itemsizing": "constant", "font": {"size": 11}, "orientation": "h",
                "yanchor": "top", "y": -0.01, "xanchor": "left", "x": 0},
        xaxis={"visible": False}, yaxis={"visible": False})
    return fig


def selected_ids(event: Any) -> list[str]:
    """Work ids of the points selected on the chart (in selection order, unique)."""
    if not event:
        return []
    selection = event.get("selection", {}) if isinstance(event, dict) else event.selection
    points = selection.get("points", []) if isinstance(selection, dict) else selection.points
    ids = []
    for p in points or []:
        data = p.get("customdata")
        if data:
            ids.append(str(data[0]))
    return list(dict.fromkeys(ids))


@st.cache_data(max_entries=4, show_spinner="Preparing the hover thumbnails…")
def thumbnail_uris(root: str, ids: tuple[str, ...], side: int = 96) -> dict[str, str]:
    """Small JPEG data URIs of the works' thumbnails (missing ones left out)."""
    ws = Workspace(root)
    out = {}
    for wid in ids:
        path = ws.thumbnail_path(wid)
        if not path.exists():
            continue
        try:  # thumbnails come with the workspace: read like any image
            img, _ = decode(path, max_side=side)
        except ArtExploreError:
            continue
        out[wid] = ("data:image/jpeg;base64,"
                    + base64.b64encode(encode_jpeg(img, quality=72)).decode("ascii"))
    return out


_HOVER_JS = Path(__file__).with_name("map_hover.js")
_CLICK_JS = Path(__file__).with_name("map_click.js")


def click_to_select() -> None:
    """Install the script that makes a click on a work select it in every drag mode."""
    st.html(f"<script>{_CLICK_JS.read_text(encoding='utf-8')}</script>",
            unsafe_allow_javascript=True)


def hover_thumbnails(root: str, ids: list[str]) -> None:
    """Install the hover-thumbnail script for these works (see the module docstring)."""
    uris = thumbnail_uris(root, tuple(ids))
    script = _HOVER_JS.read_text(encoding="utf-8").replace("__THUMBS__", json.dumps(uris))
    st.html(f"<script>{script}</script>", unsafe_allow_javascript=True)


def run_options(ws: Workspace, features: str) -> list[Any]:
    """Cluster runs of a feature set, newest first."""
    return list_runs(ws, features=features)


def page_exists(page: str) -> bool:
    """Whether a page file exists (pages built by other stages may be absent)."""
    return (Path(__file__).resolve().parents[1] / page).exists()

"""Building blocks of the Map page: the points table, the colouring, density contours.

The map itself is drawn by the WebGL canvas of :mod:`ui.mapcanvas`: the points table
stays on the server, and only colour codes (a byte a work), the legend and the
selection travel on a rerun.
"""

from __future__ import annotations

import hashlib
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import streamlit as st

from artexplore.cluster import list_runs, load_run, summarize_run
from artexplore.reduce import load_map
from artexplore.store import Workspace

NOISE_COLOUR = "#b8b8b8"
OTHER_COLOUR = "#d0d0d0"
UNKNOWN_COLOUR = "#ececec"
UNKNOWN = "(unknown)"
# Kelly's colours of maximum contrast (without grey: noise is grey), then more distinct
# hues (Tableau's, Glasbey's): 40 colours, so that 30 styles each get their own.
PALETTE = ["#F3C300", "#875692", "#F38400", "#A1CAF1", "#BE0032", "#C2B280", "#008856",
           "#E68FAC", "#0067A5", "#F99379", "#604E97", "#B3446C", "#882D17", "#8DB600",
           "#654522", "#E25822", "#2B3D26", "#4E79A7", "#59A14F", "#EDC948", "#B07AA1",
           "#FF9DA7", "#9C755F", "#76B7B2", "#E15759", "#17BECF", "#BCBD22", "#7F3C8D",
           "#11A579", "#3969AC", "#F2B701", "#E73F74", "#80BA5A", "#E68310", "#008695",
           "#CF1C90", "#A5AA99", "#1F3A93", "#6B8E23", "#D2691E"]
# Continuous fields (a year) are cut into this many bins, coloured along viridis.
VIRIDIS = ["#440154", "#482475", "#414487", "#355f8d", "#2a788e", "#21918c", "#22a884",
           "#44bf70", "#7ad151", "#bddf26", "#fde725"]
# How the "Drag to" choices act on the canvas.
DRAG_MODES = {"lasso": "lasso", "box": "box", "pan": "pan"}
LEGEND_CHARS = 48
MAX_COLOURED = len(PALETTE)


def map_version(ws: Workspace, features: str) -> str:
    """Cache key of the current 2-D map of a feature set."""
    from artexplore.reduce import map_token

    return map_token(ws, features, 2)


@st.cache_resource(max_entries=4, show_spinner=False)
def map_result(root: str, features: str, version: str) -> Any:
    """:func:`artexplore.reduce.load_map`, once per map version (the points table and
    the canvas's files both start from it)."""
    return load_map(Workspace(root), features)


@st.cache_resource(max_entries=4, show_spinner=False)
def map_points(root: str, features: str, version: str) -> pd.DataFrame:
    """The works on the map: id, x, y, path, placed_later (read once per map version)."""
    result = map_result(root, features, version)
    df = pd.DataFrame({"id": [str(i) for i in result.ids.tolist()],
                       "x": result.embedding[:, 0], "y": result.embedding[:, 1],
                       "path": result.work_paths,
                       # added after the map was made (not the works placed when a
                       # map of many works was fitted on a sample)
                       "placed_later": np.asarray(result.placed_later, dtype=bool)})
    df.attrs["row_of"] = pd.Index(df["id"])  # id -> row, for O(selection) lookups
    return df


@st.cache_resource(max_entries=8, show_spinner=False)
def points_table(root: str, features: str, version: str, run_id: str | None) -> pd.DataFrame:
    """One row per work on the map: id, x, y, path, placed_later, cluster, confidence.

    Metadata fields are read one at a time, when a page needs them
    (:func:`field_of_map`, :func:`with_field`). Shared between reruns and sessions
    without copying: callers must not modify it. ``version`` only keys the cache (see
    :func:`map_version`).
    """
    base = map_points(root, features, version)
    cluster = np.full(len(base), None, dtype=object)
    conf = np.full(len(base), np.nan)
    if run_id:
        run = run_of(root, run_id)
        rows = pd.Index(run.ids.astype(str)).get_indexer(base["id"])
        found = rows >= 0
        cluster[found] = np.asarray(run.labels)[rows[found]].astype(int)
        conf[found] = np.asarray(run.confidence, dtype=float)[rows[found]]
    df = base.assign(cluster=cluster, confidence=conf)
    df.attrs = base.attrs
    return df


@st.cache_resource(max_entries=16, show_spinner=False)
def field_of_map(root: str, features: str, version: str, field: str) -> pd.Series:
    """One metadata field of the works on the map, in the map's row order."""
    ids = map_points(root, features, version)["id"].tolist()
    return pd.Series(Workspace(root).field_column(field, ids), name=field)


def with_field(df: pd.DataFrame, root: str, features: str, version: str,
               field: str) -> pd.DataFrame:
    """The points table with one metadata field added (a new frame; the cached one is kept)."""
    if field in df:
        return df
    out = df.assign(**{field: field_of_map(root, features, version, field).to_numpy()})
    out.attrs = df.attrs
    return out


def rows_of(df: pd.DataFrame, ids: list[str]) -> np.ndarray:
    """Rows of the works ``ids`` in the points table (works not on the map left out)."""
    if not ids:
        return np.zeros(0, dtype=np.int64)
    rows = df.attrs["row_of"].get_indexer(pd.Index([str(i) for i in ids]))
    return rows[rows >= 0]


@st.cache_data(max_entries=16, show_spinner=False)
def field_counts(root: str, features: str, version: str, field: str) -> list[tuple[str, int]]:
    """Every value of a field among the works on the map, most frequent first."""
    counts = field_of_map(root, features, version, field).map(_label)
    counts = counts[counts != UNKNOWN].value_counts()
    return [(str(v), int(n)) for v, n in counts.items()]


@st.cache_resource(max_entries=8, show_spinner=False)
def run_of(root: str, run_id: str) -> Any:
    """A stored cluster run (runs never change once stored), shared without copying."""
    return load_run(Workspace(root), run_id)


@st.cache_data(max_entries=32, show_spinner=False)
def agreement(root: str, features: str, version: str, run_id: str, field: str) -> dict[str, Any]:
    """:func:`artexplore.cluster.evaluation.external_scores` of a run against a field."""
    from artexplore.cluster.evaluation import external_scores

    df = points_table(root, features, version, run_id)
    run = run_of(root, run_id)
    rows = df.attrs["row_of"].get_indexer(pd.Index(run.ids.astype(str)))
    values = field_of_map(root, features, version, field).to_numpy(dtype=object)
    truth = [values[r] if r >= 0 else None for r in rows.tolist()]
    return external_scores(truth, run.labels)


@st.cache_data(max_entries=16, show_spinner=False)
def cluster_summaries(root: str, run_id: str, fields: tuple[str, ...]) -> list[Any]:
    """:func:`artexplore.cluster.summarize_run` of a run, cached."""
    ws = Workspace(root)
    return summarize_run(ws, load_run(ws, run_id), fields=fields, n_examples=8)


def _label(value: Any) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value == "":
        return UNKNOWN
    return str(value)


def legend_name(text: str, width: int = LEGEND_CHARS) -> str:
    """A legend entry of at most ``width`` characters, shortened at a word boundary."""
    return textwrap.shorten(str(text), width=width, placeholder=" …",
                            break_on_hyphens=False)


@dataclass
class Colouring:
    """The colour of every point, as codes into a palette, and the legend.

    Attributes
    ----------
    codes : ndarray of shape (n,)
        uint8 (or uint16 beyond 255 codes): the palette entry of each work.
    palette : list of str
        ``#rrggbb`` per code.
    legend : list of dict
        ``{"code", "name", "count"}`` per entry, in legend order.
    title : str
    membership : ndarray or None
        uint8 percent of cluster membership per work (255: none), when colouring by cluster.
    continuous : bool
        Whether the field was cut into bins of a continuous scale (a year).
    """

    codes: np.ndarray
    palette: list[str]
    legend: list[dict[str, Any]]
    title: str
    membership: np.ndarray | None = None
    continuous: bool = False

    @property
    def key(self) -> str:
        """Changes whenever the colouring changes (the canvas redraws its colours)."""
        h = hashlib.sha1(self.codes.tobytes())
        h.update(repr((self.palette, self.legend, self.title)).encode("utf-8"))
        return h.hexdigest()[:16]

    def name_of(self, code: int) -> str:
        """The legend name of a code."""
        return next((e["name"] for e in self.legend if e["code"] == code), "")


def _codes(groups: list[tuple[str, np.ndarray, str]], n: int, title: str) -> Colouring:
    codes = np.zeros(n, dtype=np.uint16 if len(groups) > 255 else np.uint8)
    palette, legend = [], []
    for code, (name, mask, colour) in enumerate(groups):
        codes[mask] = code
        palette.append(colour)
        legend.append({"code": code, "name": name, "count": int(mask.sum())})
    return Colouring(codes, palette, legend, title)


def colouring(df: pd.DataFrame, colour_by: str,
              headlines: dict[int, str] | None = None) -> Colouring:
    """The colours of the map's points.

    Clusters each get a colour (noise grey); a field with many values gets one colour
    per frequent value (up to :data:`MAX_COLOURED`), the rest "other"; a continuous
    field (a year) is cut into bins along viridis. Missing values are "(unknown)".
    """
    n = len(df)
    groups: list[tuple[str, np.ndarray, str]] = []
    if colour_by == "cluster":
        values = pd.to_numeric(df["cluster"], errors="coerce").to_numpy()
        known = ~np.isnan(values)
        for k in sorted({int(v) for v in values[known]}):
            mask = values == k
            if k < 0:
                groups.append((f"noise · {int(mask.sum())}", mask, NOISE_COLOUR))
                continue
            extra = (headlines or {}).get(k, f"{int(mask.sum())} works")
            groups.append((legend_name(f"{k} · {extra}"), mask, PALETTE[k % len(PALETTE)]))
        if (~known).any():
            groups.append((f"not in run · {int((~known).sum())}", ~known, OTHER_COLOUR))
        out = _codes(groups, n, "cluster")
        conf = df["confidence"].to_numpy(dtype=float)
        out.membership = np.where(np.isnan(conf), 255,
                                  np.clip(np.floor(conf * 100), 0, 100)).astype(np.uint8)
        return out
    if is_numeric(df, colour_by):
        values = pd.to_numeric(df[colour_by], errors="coerce").to_numpy(dtype=float)
        known = ~np.isnan(values)
        lo, hi = np.percentile(values[known], [1, 99])
        edges = np.unique(np.round(np.linspace(lo, hi, len(VIRIDIS) + 1)))
        bins = np.clip(np.searchsorted(edges, values, side="right") - 1, 0, len(edges) - 2)
        for b in range(len(edges) - 1):
            mask = known & (bins == b)
            if mask.any():
                name = f"{edges[b]:g}–{edges[b + 1]:g} · {int(mask.sum())}"
                groups.append((name, mask, VIRIDIS[min(b, len(VIRIDIS) - 1)]))
        if (~known).any():
            groups.append((f"{UNKNOWN} · {int((~known).sum())}", ~known, UNKNOWN_COLOUR))
        out = _codes(groups, n, colour_by)
        out.continuous = True
        return out
    labels = df[colour_by].map(_label)
    counts = labels[labels != UNKNOWN].value_counts()
    top = counts.index[:MAX_COLOURED].tolist()
    codes = pd.Index(top).get_indexer(labels)  # -1: not among the top values
    for i, value in enumerate(top):
        mask = codes == i
        groups.append((legend_name(f"{value} · {int(mask.sum())}"), mask, PALETTE[i]))
    other = (codes < 0) & (labels != UNKNOWN).to_numpy()
    if other.any():
        groups.append((f"other ({len(counts) - len(top)} values) · {int(other.sum())}", other,
                       OTHER_COLOUR))
    unknown = (labels == UNKNOWN).to_numpy()
    if unknown.any():
        groups.append((f"{UNKNOWN} · {int(unknown.sum())}", unknown, UNKNOWN_COLOUR))
    return _codes(groups, n, colour_by)


def density_contours(df: pd.DataFrame, colours: Colouring, *, max_groups: int = 12,
                     mass: float = 0.5, grid: int = 128) -> list[dict[str, Any]]:
    """Contours around where each of the largest colour groups is densest.

    For each group (noise, "other" and unknown left out) the points are binned on a
    ``grid`` × ``grid`` lattice over the map, smoothed, and the density level that
    encloses ``mass`` of the group's works is drawn.

    Returns
    -------
    list of dict
        ``{"colour", "paths"}``; a path is a list of ``[x, y]`` map coordinates.
    """
    from scipy.ndimage import gaussian_filter
    from skimage.measure import find_contours

    xy = df[["x", "y"]].to_numpy(dtype=float)
    if len(xy) < 20:
        return []
    lo, hi = xy.min(axis=0), xy.max(axis=0)
    span = np.maximum(hi - lo, 1e-9)
    skip = {NOISE_COLOUR, OTHER_COLOUR, UNKNOWN_COLOUR}
    entries = sorted((e for e in colours.legend if colours.palette[e["code"]] not in skip
                      and e["count"] >= 20), key=lambda e: -e["count"])[:max_groups]
    out = []
    for e in entries:
        pts = xy[colours.codes == e["code"]]
        hist, _, _ = np.histogram2d(pts[:, 0], pts[:, 1], bins=grid,
                                    range=[[lo[0], hi[0]], [lo[1], hi[1]]])
        dens = gaussian_filter(hist, sigma=1.5)
        flat = np.sort(dens.ravel())[::-1]
        cum = np.cumsum(flat) / max(flat.sum(), 1e-12)
        level = flat[min(int(np.searchsorted(cum, mass)), len(flat) - 1)]
        if level <= 0:
            continue
        paths = []
        for c in find_contours(np.pad(dens, 1), level):
            c = c - 1  # the padding closes contours at the border
            if len(c) < 4:
                continue
            x = lo[0] + (c[:, 0] + 0.5) / grid * span[0]
            y = lo[1] + (c[:, 1] + 0.5) / grid * span[1]
            paths.append(np.round(np.stack([x, y], axis=1), 4).tolist())
        if paths:
            out.append({"colour": colours.palette[e["code"]], "paths": paths})
    return out


@st.cache_resource(max_entries=16, show_spinner=False)
def colouring_of(root: str, features: str, version: str, run_id: str | None, colour_by: str,
                 headlines: tuple[tuple[int, str], ...] = ()) -> Colouring:
    """:func:`colouring` of the points table, cached by the map's version and the choice."""
    df = points_table(root, features, version, run_id)
    if colour_by != "cluster":
        df = with_field(df, root, features, version, colour_by)
    return colouring(df, colour_by, dict(headlines))


@st.cache_resource(max_entries=16, show_spinner="Drawing the density contours…")
def contours_of(root: str, features: str, version: str, run_id: str | None, colour_by: str,
                headlines: tuple[tuple[int, str], ...] = ()) -> list[dict[str, Any]]:
    """:func:`density_contours` of the current colouring, cached."""
    df = points_table(root, features, version, run_id)
    return density_contours(df, colouring_of(root, features, version, run_id, colour_by,
                                             headlines))


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


def run_options(ws: Workspace, features: str) -> list[Any]:
    """Cluster runs of a feature set, newest first."""
    return list_runs(ws, features=features)


def page_exists(page: str) -> bool:
    """Whether a page file exists (pages built by other stages may be absent)."""
    return (Path(__file__).resolve().parents[1] / page).exists()

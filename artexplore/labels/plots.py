"""Plotly figures of the label stages: confusion matrix, label graph, chord diagram, training curves.

Figures are built here (the library), so the page, a notebook and a report
draw the same thing; nothing here imports streamlit.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np

from ..errors import ConfigError
from .labelmap import LabelMap


def palette(n: int) -> list[str]:
    """``n`` distinct colours (hex)."""
    import plotly.colors as pc

    base = pc.qualitative.Dark24 + pc.qualitative.Light24 + pc.qualitative.Alphabet
    return [base[i % len(base)] for i in range(n)]


def _rgba(hex_color: str, alpha: float) -> str:
    h = hex_color.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


def confusion_figure(confusion: Sequence[Sequence[int]], classes: Sequence[str], *,
                     normalize: bool = True, title: str = "") -> Any:
    """Heatmap of a confusion matrix (rows: true label, columns: predicted).

    Parameters
    ----------
    confusion : array-like of shape (n_classes, n_classes)
    classes : sequence of str
    normalize : bool, default=True
        Colour by the share of each true class (row); the text shows counts.
    title : str

    Returns
    -------
    plotly.graph_objects.Figure
    """
    import plotly.graph_objects as go

    cm = np.asarray(confusion, dtype=np.float64)
    rows = cm.sum(axis=1, keepdims=True)
    z = np.divide(cm, rows, out=np.zeros_like(cm), where=rows > 0) if normalize else cm
    text = [[str(int(v)) if v else "" for v in row] for row in cm]
    fig = go.Figure(go.Heatmap(
        z=z, x=list(classes), y=list(classes), text=text, texttemplate="%{text}",
        colorscale="Blues", zmin=0, zmax=1 if normalize else None,
        colorbar={"title": "share of row" if normalize else "works"},
        hovertemplate="true %{y}<br>predicted %{x}<br>%{text} works (%{z:.0%})<extra></extra>"))
    n = len(classes)
    fig.update_layout(title=title or None, xaxis_title="predicted", yaxis_title="true label",
                      yaxis_autorange="reversed", height=max(360, 28 * n + 160),
                      margin={"l": 10, "r": 10, "t": 40 if title else 10, "b": 10})
    # Labels are categories even when they read as numbers (periods, years): never a
    # continuous axis.
    fig.update_xaxes(tickangle=-45, type="category")
    fig.update_yaxes(type="category")
    return fig


def label_graph_figure(lm: LabelMap, *, title: str = "") -> Any:
    """Force-directed graph of the labels: node size ∝ works, edges to the nearest labels.

    Returns
    -------
    plotly.graph_objects.Figure
    """
    import plotly.graph_objects as go

    colors = palette(len(lm.labels))
    pairs = {(a, b): w for a, b, w in lm.edges}
    fig = go.Figure()
    smax = max(pairs.values(), default=1.0)
    for (a, b), s in sorted(pairs.items(), key=lambda kv: kv[1]):
        (x0, y0), (x1, y1) = lm.positions[lm.labels[a]], lm.positions[lm.labels[b]]
        fig.add_trace(go.Scatter(x=[x0, x1], y=[y0, y1], mode="lines", hoverinfo="skip",
                                 line={"width": 1 + 6 * s / smax, "color": "rgba(120,120,140,0.3)"},
                                 showlegend=False))
    xs = [lm.positions[lab][0] for lab in lm.labels]
    ys = [lm.positions[lab][1] for lab in lm.labels]
    hover = []
    for lab, n in zip(lm.labels, lm.counts, strict=True):
        near = ", ".join(f"{o} ({s:.2f})" for o, s in lm.nearest(lab, 3))
        hover.append(f"<b>{lab}</b><br>{int(n)} works<br>closest: {near}")
    sizes = 14 + 30 * np.sqrt(lm.counts / max(lm.counts.max(), 1))
    fig.add_trace(go.Scatter(x=xs, y=ys, mode="markers+text", text=lm.labels,
                             textposition="top center", hovertext=hover, hoverinfo="text",
                             marker={"size": sizes, "color": colors,
                                     "line": {"width": 1, "color": "white"}},
                             showlegend=False))
    fig.update_layout(title=title or None, height=560, plot_bgcolor="white",
                      margin={"l": 10, "r": 10, "t": 40 if title else 10, "b": 10})
    fig.update_xaxes(visible=False, range=[-1.25, 1.25])
    fig.update_yaxes(visible=False, range=[-1.15, 1.2])
    return fig


def _arc(theta0: float, theta1: float, r: float, steps: int = 24) -> list[tuple[float, float]]:
    ts = np.linspace(theta0, theta1, max(2, steps))
    return [(r * math.cos(t), r * math.sin(t)) for t in ts]


def _path(points: list[tuple[float, float]]) -> str:
    return " ".join(f"{'M' if i == 0 else 'L'} {x:.4f},{y:.4f}" for i, (x, y) in enumerate(points))


def similarity_order(distances: np.ndarray) -> list[int]:
    """An order of the labels that puts similar labels next to each other.

    The leaves of an average-linkage tree of the centroid distances, with
    optimal leaf ordering; the identity for fewer than three labels.
    """
    from scipy.cluster.hierarchy import leaves_list, linkage, optimal_leaf_ordering
    from scipy.spatial.distance import squareform

    D = np.asarray(distances, dtype=np.float64)
    if len(D) < 3:
        return list(range(len(D)))
    condensed = squareform(D, checks=False)
    tree = optimal_leaf_ordering(linkage(condensed, "average"), condensed)
    return [int(i) for i in leaves_list(tree)]


def chord_figure(lm: LabelMap, *, title: str = "", gap_deg: float = 2.0,
                 order: str = "similarity") -> Any:
    """Chord diagram of the normalised similarities in the top quartile.

    Each label is an arc of the circle (equal arcs), similar labels side by
    side (``order="similarity"``, see :func:`similarity_order`) or in
    alphabetical order (``order="name"``). A ribbon joins A and B
    when s(A, B) or s(B, A) is in the top quartile; its width at A's end is
    s(A, B) of A's arc (the share of A's similarity that goes to B), at B's
    end s(B, A) of B's arc. Ribbons are quadratic Bézier paths through the centre.

    Returns
    -------
    plotly.graph_objects.Figure
    """
    import plotly.graph_objects as go

    n = len(lm.labels)
    colors = palette(n)
    gap = math.radians(gap_deg) if n > 1 else 0.0
    span = (2 * math.pi - n * gap) / max(n, 1)
    if order not in ("similarity", "name"):
        raise ConfigError(f"Unknown order {order!r}; choose one of: similarity, name")
    seq = similarity_order(lm.distances) if order == "similarity" else list(range(n))
    slot_of = {label: k for k, label in enumerate(seq)}
    start = [math.pi / 2 - slot_of[i] * (span + gap) for i in range(n)]  # clockwise from the top
    S = lm.similarity
    pairs = sorted({(min(a, b), max(a, b)) for a, b, _ in lm.links})
    # Partners of each label in clockwise order from it, so neighbouring ribbons do not cross.
    partners: dict[int, list[int]] = {i: [] for i in range(n)}
    for a, b in pairs:
        partners[a].append(b)
        partners[b].append(a)
    slots: dict[tuple[int, int], tuple[float, float]] = {}
    for a in range(n):
        pos = start[a]
        for b in sorted(partners[a], key=lambda b: (slot_of[b] - slot_of[a]) % n):
            width = S[a, b] * span
            slots[(a, b)] = (pos, pos - width)
            pos -= width
    shapes, hx, hy, htext = [], [], [], []
    r_in, r_out, r_rib = 1.0, 1.07, 0.985
    for (a, b) in sorted(pairs, key=lambda p: S[p[0], p[1]] + S[p[1], p[0]]):
        a0, a1 = slots[(a, b)]
        b0, b1 = slots[(b, a)]
        pts_a = _arc(a0, a1, r_rib, 8)
        pts_b = _arc(b0, b1, r_rib, 8)
        path = (_path(pts_a) + f" Q 0,0 {pts_b[0][0]:.4f},{pts_b[0][1]:.4f} "
                + " ".join(f"L {x:.4f},{y:.4f}" for x, y in pts_b[1:])
                + f" Q 0,0 {pts_a[0][0]:.4f},{pts_a[0][1]:.4f} Z")
        dominant = a if S[a, b] >= S[b, a] else b
        shapes.append({"type": "path", "path": path, "fillcolor": _rgba(colors[dominant], 0.45),
                       "line": {"color": _rgba(colors[dominant], 0.8), "width": 0.5},
                       "layer": "below"})
        # Hover point: the middle of the ribbon's centre curve.
        ma, mb = (a0 + a1) / 2, (b0 + b1) / 2
        pa = np.array([math.cos(ma), math.sin(ma)]) * r_rib
        pb = np.array([math.cos(mb), math.sin(mb)]) * r_rib
        mid = 0.25 * pa + 0.25 * pb
        hx.append(mid[0])
        hy.append(mid[1])
        htext.append(f"{lm.labels[a]} → {lm.labels[b]}: {S[a, b]:.3f}<br>"
                     f"{lm.labels[b]} → {lm.labels[a]}: {S[b, a]:.3f}")
    tx, ty, ttext, tpos, ax, ay, atext = [], [], [], [], [], [], []
    for i, lab in enumerate(lm.labels):
        band = _arc(start[i], start[i] - span, r_in, 32) + _arc(start[i] - span, start[i], r_out, 32)
        shapes.append({"type": "path", "path": _path(band) + " Z", "fillcolor": colors[i],
                       "line": {"color": colors[i], "width": 0.5}})
        mid = start[i] - span / 2
        tx.append(1.12 * math.cos(mid))
        ty.append(1.12 * math.sin(mid))
        ttext.append(lab)
        tpos.append("middle right" if math.cos(mid) >= 0 else "middle left")
        ax.append(1.035 * math.cos(mid))
        ay.append(1.035 * math.sin(mid))
        near = ", ".join(f"{o} ({s:.2f})" for o, s in lm.nearest(lab, 3))
        atext.append(f"<b>{lab}</b><br>{int(lm.counts[i])} works<br>closest: {near}")
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=hx, y=hy, mode="markers", hovertext=htext, hoverinfo="text",
                             marker={"size": 10, "opacity": 0}, showlegend=False))
    fig.add_trace(go.Scatter(x=ax, y=ay, mode="markers", hovertext=atext, hoverinfo="text",
                             marker={"size": 14, "opacity": 0}, showlegend=False))
    fig.add_trace(go.Scatter(x=tx, y=ty, mode="text", text=ttext, textposition=tpos,
                             hoverinfo="skip", showlegend=False, textfont={"size": 12}))
    fig.update_layout(shapes=shapes, title=title or None, height=660, plot_bgcolor="white",
                      margin={"l": 10, "r": 10, "t": 40 if title else 10, "b": 10})
    fig.update_xaxes(visible=False, range=[-1.75, 1.75])
    fig.update_yaxes(visible=False, range=[-1.35, 1.35], scaleanchor="x")
    return fig


def history_figure(history: Sequence[dict[str, Any]], *, title: str = "") -> Any:
    """Training curves of a fine-tuning run: losses and validation accuracy per epoch."""
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    epochs = [h["epoch"] for h in history]
    fig = make_subplots(specs=[[{"secondary_y": True}]])
    fig.add_trace(go.Scatter(x=epochs, y=[h["train_loss"] for h in history], name="train loss"))
    fig.add_trace(go.Scatter(x=epochs, y=[h["val_loss"] for h in history], name="validation loss"))
    fig.add_trace(go.Scatter(x=epochs, y=[h["val_top1"] for h in history],
                             name="validation top-1", line={"dash": "dot"}), secondary_y=True)
    fig.update_layout(title=title or None, height=320, margin={"l": 10, "r": 10, "t": 30, "b": 10},
                      legend={"orientation": "h"})
    fig.update_xaxes(title="epoch")
    fig.update_yaxes(title="loss", secondary_y=False)
    fig.update_yaxes(title="top-1", range=[0, 1], secondary_y=True)
    return fig

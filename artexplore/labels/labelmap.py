"""Label map: how the classes of a label column relate in a feature space.

Each label is summarised by the centroid of its works' features; centroids
give pairwise distances, a force-directed graph of the labels, and normalised
similarities for a chord diagram. The similarity of A to B is

    s(A, B) = d(A, B)^-1 / Σ_{C ≠ A} d(A, C)^-1,

so each label's similarities to the others sum to 1 (it is not symmetric);
the chord diagram shows the links in the top quartile of these values.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..errors import ConfigError
from ..features import load_features
from ..linalg import normalise
from ..store.workspace import Workspace
from .data import LabelError, filter_classes, read_labels

METRICS = ("euclidean", "cosine")
LAYOUTS = ("forceatlas2", "spring")


def label_centroids(X: np.ndarray, y: Sequence[str | None], *,
                    normalize: bool = True) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Mean feature vector of each label.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
    y : sequence of str or None
        Labels; rows with None are ignored.
    normalize : bool, default=True
        L2-normalise each row first (features of different sets then compare
        on one scale, and a few large-norm works cannot dominate a centroid).

    Returns
    -------
    labels : list of str
        Sorted.
    centroids : ndarray of shape (n_labels, n_features)
    counts : ndarray of shape (n_labels,)
    """
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=object)
    keep = np.asarray([v is not None for v in y], dtype=bool)
    X, y = X[keep], y[keep]
    if normalize:
        X = normalise(X)
    labels = sorted(set(y.tolist()))
    centroids = np.stack([X[y == lab].mean(axis=0) for lab in labels]) if labels else \
        np.zeros((0, X.shape[1]))
    counts = np.asarray([int(np.sum(y == lab)) for lab in labels])
    return labels, centroids, counts


def centroid_distances(centroids: np.ndarray, metric: str = "euclidean") -> np.ndarray:
    """Pairwise distances between centroids.

    Parameters
    ----------
    centroids : ndarray of shape (n_labels, n_features)
    metric : {"euclidean", "cosine"}

    Returns
    -------
    ndarray of shape (n_labels, n_labels)
        Symmetric, zero diagonal.
    """
    C = np.asarray(centroids, dtype=np.float64)
    if metric == "euclidean":
        sq = (C ** 2).sum(axis=1)
        D = np.sqrt(np.maximum(sq[:, None] + sq[None, :] - 2 * C @ C.T, 0.0))
    elif metric == "cosine":
        Cn = normalise(C)
        D = np.maximum(1.0 - Cn @ Cn.T, 0.0)
    else:
        raise ConfigError(f"Unknown metric {metric!r}; choose one of: {', '.join(METRICS)}")
    D = (D + D.T) / 2
    np.fill_diagonal(D, 0.0)
    return D


def normalised_similarity(distances: np.ndarray, *, eps: float = 1e-12) -> np.ndarray:
    """s(A, B) = d(A, B)^-1 / Σ_{C≠A} d(A, C)^-1, zero on the diagonal.

    Parameters
    ----------
    distances : ndarray of shape (n_labels, n_labels)
    eps : float
        Floor of a distance (two identical centroids get a very large inverse).

    Returns
    -------
    ndarray of shape (n_labels, n_labels)
        Rows sum to 1 (for two or more labels); not symmetric.
    """
    D = np.asarray(distances, dtype=np.float64)
    n = len(D)
    inv = 1.0 / np.maximum(D, eps)
    inv[np.eye(n, dtype=bool)] = 0.0
    total = inv.sum(axis=1, keepdims=True)
    return np.divide(inv, total, out=np.zeros_like(inv), where=total > 0)


def top_quartile_links(similarity: np.ndarray, quantile: float = 0.75) -> list[tuple[int, int, float]]:
    """Directed links (a, b, s(a, b)) at or above the quantile of the off-diagonal similarities.

    Returns
    -------
    list of (int, int, float)
        Strongest first.
    """
    S = np.asarray(similarity, dtype=np.float64)
    n = len(S)
    if n < 2:
        return []
    off = ~np.eye(n, dtype=bool)
    threshold = float(np.quantile(S[off], quantile))
    links = [(int(a), int(b), float(S[a, b])) for a, b in zip(*np.nonzero(off & (S >= threshold)),
                                                              strict=True)]
    return sorted(links, key=lambda t: (-t[2], t[0], t[1]))


def nearest_edges(similarity: np.ndarray, k: int = 3) -> list[tuple[int, int, float]]:
    """Undirected edges joining each label to its ``k`` most similar labels.

    Returns
    -------
    list of (int, int, float)
        ``(a, b, w)`` with ``a < b`` and ``w`` the symmetrised similarity
        (s(a, b) + s(b, a)) / 2, each pair once.
    """
    S = np.asarray(similarity, dtype=np.float64)
    n = len(S)
    sym = (S + S.T) / 2
    edges: dict[tuple[int, int], float] = {}
    for a in range(n):
        order = [b for b in np.argsort(-S[a], kind="stable") if b != a][:k]
        for b in order:
            key = (min(a, int(b)), max(a, int(b)))
            edges[key] = float(sym[key])
    return [(a, b, w) for (a, b), w in sorted(edges.items())]


def graph_layout(labels: Sequence[str], similarity: np.ndarray, *, layout: str = "forceatlas2",
                 k: int = 3, random_state: int = 0) -> dict[str, tuple[float, float]]:
    """Force-directed positions of the labels on their nearest-neighbour graph.

    Each label is joined to its ``k`` most similar labels (edge weight: the
    symmetrised similarity); a complete graph would pull every label to the
    middle and show nothing.

    Parameters
    ----------
    labels : sequence of str
    similarity : ndarray of shape (n_labels, n_labels)
    layout : {"forceatlas2", "spring"}
        ForceAtlas2 (networkx >= 3.5) or Fruchterman–Reingold.
    k : int, default=3
    random_state : int

    Returns
    -------
    dict of str to (x, y)
        Positions scaled into [-1, 1].
    """
    import networkx as nx

    if layout not in LAYOUTS:
        raise ConfigError(f"Unknown layout {layout!r}; choose one of: {', '.join(LAYOUTS)}")
    if len(labels) == 1:
        return {labels[0]: (0.0, 0.0)}
    G = nx.Graph()
    G.add_nodes_from(labels)
    for a, b, w in nearest_edges(similarity, k):
        G.add_edge(labels[a], labels[b], weight=w)
    if layout == "forceatlas2" and hasattr(nx, "forceatlas2_layout"):
        # node_size switches on ForceAtlas2's overlap prevention: labels stay readable.
        pos = nx.forceatlas2_layout(G, weight="weight", seed=random_state, max_iter=500,
                                    node_size=dict.fromkeys(labels, 0.5))
    else:
        pos = nx.spring_layout(G, weight="weight", seed=random_state)
    P = np.asarray([pos[lab] for lab in labels], dtype=np.float64)
    P = P - P.mean(axis=0)
    P = P / max(float(np.abs(P).max()), 1e-12)
    return {lab: (float(x), float(y)) for lab, (x, y) in zip(labels, P, strict=True)}


@dataclass
class LabelMap:
    """Centroids, distances, similarities and a layout of the labels of a column.

    Attributes
    ----------
    labels : list of str
    counts : ndarray of shape (n_labels,)
    distances : ndarray of shape (n_labels, n_labels)
    similarity : ndarray of shape (n_labels, n_labels)
        Normalised similarity s(row, column).
    positions : dict of str to (x, y)
    links : list of (int, int, float)
        The top-quartile directed links (the chord diagram).
    edges : list of (int, int, float)
        The nearest-neighbour edges of the graph.
    """

    labels: list[str]
    counts: np.ndarray
    distances: np.ndarray
    similarity: np.ndarray
    positions: dict[str, tuple[float, float]]
    links: list[tuple[int, int, float]]
    edges: list[tuple[int, int, float]] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)

    def nearest(self, label: str, k: int = 3) -> list[tuple[str, float]]:
        """The ``k`` labels most similar to ``label``, with s(label, ·)."""
        i = self.labels.index(label)
        order = np.argsort(-self.similarity[i], kind="stable")
        return [(self.labels[j], float(self.similarity[i, j])) for j in order if j != i][:k]


def build_label_map(X: np.ndarray, y: Sequence[str | None], *, metric: str = "euclidean",
                    layout: str = "forceatlas2", quantile: float = 0.75, min_count: int = 1,
                    k: int = 3, random_state: int = 0) -> LabelMap:
    """Compute the label map of features and labels.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
    y : sequence of str or None
    metric : {"euclidean", "cosine"}
    layout : {"forceatlas2", "spring"}
    quantile : float, default=0.75
        Links at or above this quantile of similarities are kept.
    min_count : int, default=1
        Labels with fewer works are left out.
    k : int, default=3
        Neighbours of each label in the force-directed graph.
    random_state : int

    Returns
    -------
    LabelMap
    """
    y = np.asarray(y, dtype=object)
    cf = filter_classes(y, min_count)
    y_kept = np.where(cf.mask, y, None)
    labels, centroids, counts = label_centroids(X, y_kept)
    D = centroid_distances(centroids, metric)
    S = normalised_similarity(D)
    return LabelMap(labels=labels, counts=counts, distances=D, similarity=S,
                    positions=graph_layout(labels, S, layout=layout, k=k,
                                           random_state=random_state),
                    links=top_quartile_links(S, quantile), edges=nearest_edges(S, k),
                    params={"metric": metric, "layout": layout, "quantile": quantile, "k": k,
                            "min_count": min_count, "excluded": cf.excluded})


def label_map(ws: Workspace, features: str, column: str, **options: Any) -> LabelMap:
    """The label map of a column in a stored feature set (see :func:`build_label_map`).

    Raises
    ------
    ArtExploreError
        Unknown feature set or column, or fewer than two labels.
    """
    fm = load_features(ws, features)
    y = read_labels(ws, fm.ids.tolist(), column)
    if sum(v is not None for v in y) == 0:
        raise LabelError(f"No work with features {features!r} has a value in {column!r}")
    result = build_label_map(fm.X, y, **options)
    result.params.update(features=features, column=column)
    return result

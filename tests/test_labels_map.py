"""Label map: centroids, distances, normalised similarities, graph and chord diagram."""

from __future__ import annotations

import numpy as np
import pytest

from artexplore.errors import ArtExploreError
from artexplore.labels.labelmap import (
    build_label_map,
    centroid_distances,
    graph_layout,
    label_centroids,
    label_map,
    normalised_similarity,
    top_quartile_links,
)
from artexplore.labels.plots import chord_figure, confusion_figure, label_graph_figure
from artexplore.store import Workspace

pytestmark = pytest.mark.usefixtures("one_thread")


def test_centroids_ignore_unlabelled_rows_and_normalise():
    X = np.array([[3.0, 4.0], [0.0, 2.0], [10.0, 0.0], [5.0, 5.0]])
    labels, C, counts = label_centroids(X, ["a", "a", "b", None])
    assert labels == ["a", "b"] and counts.tolist() == [2, 1]
    assert np.allclose(C[0], [(0.6 + 0.0) / 2, (0.8 + 1.0) / 2]) and np.allclose(C[1], [1, 0])
    _, raw, _ = label_centroids(X, ["a", "a", "b", None], normalize=False)
    assert np.allclose(raw[0], [1.5, 3.0])


def test_normalised_similarity_matches_the_formula():
    # Three labels on a line at 0, 1 and 3: d(A,B)=1, d(A,C)=3, d(B,C)=2.
    D = centroid_distances(np.array([[0.0], [1.0], [3.0]]))
    assert np.allclose(D, [[0, 1, 3], [1, 0, 2], [3, 2, 0]])
    S = normalised_similarity(D)
    # s(A,B) = 1/1 / (1/1 + 1/3) = 0.75; s(C,B) = (1/2) / (1/3 + 1/2) = 0.6
    assert S[0, 1] == pytest.approx(0.75) and S[0, 2] == pytest.approx(0.25)
    assert S[2, 1] == pytest.approx(0.6) and S[1, 0] == pytest.approx(2 / 3)
    assert np.allclose(S.sum(axis=1), 1) and np.allclose(np.diag(S), 0)
    links = top_quartile_links(S)
    assert links[0][:2] == (0, 1)  # the strongest directed link first
    assert all(s >= np.quantile(S[~np.eye(3, dtype=bool)], 0.75) for _, _, s in links)


def test_cosine_distance_and_unknown_metric():
    D = centroid_distances(np.array([[1.0, 0.0], [0.0, 2.0], [2.0, 0.0]]), "cosine")
    assert D[0, 1] == pytest.approx(1.0) and D[0, 2] == pytest.approx(0.0, abs=1e-12)
    with pytest.raises(ArtExploreError, match="Unknown metric 'manhattan'; choose one of"):
        centroid_distances(np.zeros((2, 2)), "manhattan")


@pytest.mark.parametrize("layout", ["forceatlas2", "spring"])
def test_layout_puts_similar_labels_closer_and_is_deterministic(layout):
    rng = np.random.default_rng(0)
    centres = np.array([[5, 0], [5, 0.6], [5, -0.6], [0, 5], [0.6, 5]], dtype=float)
    X = np.repeat(centres, 10, axis=0) + rng.normal(scale=0.05, size=(50, 2))
    y = np.repeat(list("abcde"), 10)
    lm = build_label_map(X, y, layout=layout, random_state=2, metric="euclidean")
    lm2 = build_label_map(X, y, layout=layout, random_state=2, metric="euclidean")
    assert lm.positions == lm2.positions
    pos = {k: np.array(v) for k, v in lm.positions.items()}
    near = np.linalg.norm(pos["a"] - pos["b"])
    far = np.linalg.norm(pos["a"] - pos["d"])
    assert near < far
    assert lm.nearest("d", 1)[0][0] == "e"


def test_figures_draw_every_label_and_the_shown_links():
    X = np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0], [0.2, 1.0], [-1.0, 0.3]])
    lm = build_label_map(X, list("abcde"))
    pairs = {(min(a, b), max(a, b)) for a, b, _ in lm.links}
    chord = chord_figure(lm)
    assert len(chord.layout.shapes) == 5 + len(pairs)  # one arc per label, one ribbon per pair
    ribbons = [s for s in chord.layout.shapes if " Q 0,0 " in s.path]
    assert len(ribbons) == len(pairs)
    assert set(chord.data[2].text) == set("abcde")
    graph = label_graph_figure(lm)
    assert list(graph.data[-1].text) == list("abcde") and len(graph.data) == 1 + len(lm.edges)
    # each label is joined to its 3 nearest: at least 3 edges per node, each pair once
    assert all(sum(i in (a, b) for a, b, _ in lm.edges) >= 3 for i in range(5))
    assert len({(a, b) for a, b, _ in lm.edges}) == len(lm.edges)
    cm = confusion_figure([[3, 1], [0, 4]], ["x", "y"])
    assert np.allclose(cm.data[0].z, [[0.75, 0.25], [0, 1]])


def test_label_map_of_a_workspace(labels_template):
    ws = Workspace(labels_template)
    lm = label_map(ws, "color", "style", min_count=5)
    assert lm.labels == ["Blue", "Green", "Red"] and lm.params["excluded"] == {"Rare": 3}
    assert lm.counts.tolist() == [10, 10, 10]
    assert graph_layout(["x"], np.zeros((1, 1))) == {"x": (0.0, 0.0)}

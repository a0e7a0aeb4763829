"""Clustering metrics against values computed by hand."""

from __future__ import annotations

import math

import numpy as np
import pytest

from artexplore.cluster.evaluation import (
    contingency,
    external_scores,
    hungarian_accuracy,
    internal_scores,
    purity,
)

TRUE = [0, 0, 0, 1, 1, 1]
PRED = [0, 0, 1, 1, 2, 2]


def test_contingency_counts_and_order():
    table = contingency(TRUE, PRED)
    assert table.to_numpy().tolist() == [[2, 1, 0], [0, 1, 2]]
    # Numbers sort as numbers (cluster 10 after cluster 9), not as text.
    assert contingency(["a", "b", "c"], [10, 9, 2]).columns.tolist() == [2, 9, 10]


def test_hungarian_accuracy_and_purity_by_hand():
    # Best matching: class 0 -> cluster 0 (2 works), class 1 -> cluster 2 (2 works).
    assert hungarian_accuracy(TRUE, PRED) == pytest.approx(4 / 6)
    # Majority per cluster: 2 + 1 + 2.
    assert purity(TRUE, PRED) == pytest.approx(5 / 6)
    # More clusters than classes cannot all be matched; purity can reach 1.
    assert hungarian_accuracy([0, 0, 1, 1], [0, 1, 2, 3]) == pytest.approx(0.5)
    assert purity([0, 0, 1, 1], [0, 1, 2, 3]) == pytest.approx(1.0)


def test_ari_and_nmi_by_hand():
    scores = external_scores(TRUE, PRED)
    # ARI: index 2 pairs, expected 6*3/15 = 1.2, max (6+3)/2 = 4.5.
    assert scores["ari"] == pytest.approx((2 - 1.2) / (4.5 - 1.2))
    # NMI with arithmetic mean: MI = 2/3 ln 2, H(true) = ln 2, H(pred) = ln 3.
    mi = 2 / 3 * math.log(2)
    assert scores["nmi"] == pytest.approx(mi / ((math.log(2) + math.log(3)) / 2))
    assert scores["accuracy"] == pytest.approx(4 / 6)
    assert scores["n_classes"] == 2 and scores["n_clusters"] == 3


def test_unlabelled_works_are_left_out_and_counted():
    scores = external_scores(["a", "a", None, "b", "", float("nan")], [0, 0, 1, 1, 1, 0])
    assert scores["n_labelled"] == 3 and scores["n_unlabelled"] == 3
    assert scores["ari"] == pytest.approx(1.0) and scores["nmi"] == pytest.approx(1.0)
    assert scores["accuracy"] == pytest.approx(1.0)
    none = external_scores([None, ""], [0, 1])
    assert none["n_labelled"] == 0 and none["nmi"] is None


def test_internal_scores_by_hand_with_noise_excluded():
    X = np.array([[0.0], [1.0], [10.0], [11.0], [5.0]])
    labels = np.array([0, 0, 1, 1, -1])
    scores = internal_scores(X, labels)
    silhouettes = [1 - 1 / 10.5, 1 - 1 / 9.5, 1 - 1 / 9.5, 1 - 1 / 10.5]
    assert scores["silhouette"] == pytest.approx(np.mean(silhouettes))
    # Between-cluster dispersion 100 over 1 degree of freedom, within 1 over 2.
    assert scores["calinski_harabasz"] == pytest.approx(200.0)
    # Mean distance to centre 0.5 in each cluster, centres 10 apart.
    assert scores["davies_bouldin"] == pytest.approx(0.1)
    assert scores["n_scored"] == 4


def test_internal_scores_undefined_for_one_cluster():
    scores = internal_scores(np.arange(6.0)[:, None], np.zeros(6, dtype=int))
    assert scores["silhouette"] is None and scores["calinski_harabasz"] is None

"""Clusters at the right grain (issue 15): K is chosen by the curve, not by the range's bound."""

from __future__ import annotations

import numpy as np

from artexplore.cluster.classic import (
    BayesianGMMClusterer,
    _pick_k,
    default_k_range,
    default_max_components,
    k_grid,
)


def test_a_curve_that_keeps_rising_gives_its_plateau_not_the_bound():
    ks = k_grid(2, 63)
    # Rises up to K=20, then barely: more, smaller clusters score a little better
    # (what the silhouette of k-means does on the dev protocol).
    scores = {k: min(k, 20) / 20 + 0.001 * k for k in ks}
    k, text = _pick_k(scores, "silhouette")
    assert 16 <= k <= 20 and "smallest K" in text and "K=2..63" in text


def test_a_real_peak_is_kept():
    scores = {k: -abs(k - 8) for k in range(2, 31)}
    k, text = _pick_k(scores, "silhouette")
    assert k == 8 and text.startswith("K=8 chosen by highest silhouette")
    bic = {k: abs(k - 12) for k in range(2, 31)}
    assert _pick_k(bic, "bic")[0] == 12


def test_ranges_follow_the_collection_size():
    assert default_k_range(204) == (2, 30)
    assert default_k_range(1000) == (2, 63)
    assert default_k_range(100_000)[1] == 150
    assert default_max_components(1000) == 63
    assert default_max_components(100_000) == 100
    assert default_max_components(50) == 20
    assert len(k_grid(2, 150)) <= 24 and k_grid(2, 150)[-1] == 150


def test_the_bayesian_mixture_says_how_it_found_k():
    rng = np.random.default_rng(0)
    centres = rng.normal(size=(6, 4)) * 20
    X = np.vstack([c + rng.normal(size=(60, 4)) for c in centres])
    model = BayesianGMMClusterer(random_state=0).fit(X)
    text = model.selection_.describe()
    assert f"K={model.n_clusters_} found by the Bayesian mixture itself" in text
    assert model.n_clusters_ == 6
    assert "at most 38 components: 2·√n for 360 works" in text

"""Why two works are close, per aspect, and outlines of patches on a painting."""

from __future__ import annotations

import numpy as np
import pytest

from artexplore.local.patches import draw_outlines, outline_colour
from artexplore.search.aspects import closeness, compare_aspects


def test_outlines_are_drawn_at_scaled_windows_and_leave_the_input_alone():
    image = np.full((50, 100, 3), 7, dtype=np.uint8)
    # A 64-pixel window at (100, 200) of a 200 × 400 working image: (25, 50) to (41, 66) here.
    out = draw_outlines(image, np.asarray([[100, 200], [0, 0]]), 64, source_shape=(200, 400),
                        thickness=1)
    assert (image == 7).all()
    assert tuple(out[25, 58]) == outline_colour(0)  # top edge
    assert tuple(out[40, 58]) == outline_colour(0)  # bottom edge
    assert tuple(out[33, 50]) == outline_colour(0) and tuple(out[33, 65]) == outline_colour(0)
    assert tuple(out[33, 58]) == (7, 7, 7)  # inside: the painting
    assert tuple(out[0, 8]) == outline_colour(1)  # the second window, second colour
    grey = draw_outlines(np.zeros((8, 8), dtype=np.uint8), np.zeros((1, 2)), 8, thickness=1)
    assert grey.shape == (8, 8, 3) and tuple(grey[0, 3]) == outline_colour(0)


def test_closeness_ranks_the_pair_against_the_collection():
    rng = np.random.default_rng(0)
    X = rng.standard_normal((200, 8))
    x = X[0]
    y = x + 0.05 * rng.standard_normal(8)
    sim, pct, z = closeness(X, x, y)
    assert sim > 0.99 and pct == 1.0 and z > 2.5
    far = -x
    assert closeness(X, x, far)[1] == 0.0


def test_shares_go_to_the_aspects_in_which_the_pair_is_closer_than_usual():
    rng = np.random.default_rng(1)
    X = rng.standard_normal((300, 8))
    C = rng.standard_normal((300, 8))
    sims = (C / np.linalg.norm(C, axis=1, keepdims=True)) @ (C[0] / np.linalg.norm(C[0]))
    median = int(np.argsort(sims)[150])
    aspects = compare_aspects([
        ("style", "default", X, X[0], X[0] + 0.1 * rng.standard_normal(8)),  # very close
        ("colour", "color", C, C[0], C[median]),  # an ordinary pair
    ])
    assert [a.name for a in aspects][0] == "style"
    assert sum(a.share for a in aspects) == pytest.approx(1.0)
    assert aspects[0].share > 0.9 and aspects[1].percentile == pytest.approx(0.5, abs=0.02)
    assert aspects[0].words() == "closer than 100% of the collection"


def test_a_large_collection_is_compared_through_a_sample():
    rng = np.random.default_rng(2)
    X = rng.standard_normal((50_000, 16)).astype(np.float32)
    full = closeness(X, X[0], X[1], max_rows=len(X))
    sampled = closeness(X, X[0], X[1], max_rows=5_000)
    assert sampled[0] == full[0]
    assert sampled[1] == pytest.approx(full[1], abs=0.02)
    assert sampled == closeness(X, X[0], X[1], max_rows=5_000)  # seeded: the same each time

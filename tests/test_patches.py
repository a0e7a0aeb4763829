"""The pure functions of the gradient/DoG patch method."""

from __future__ import annotations

import math
import os
import subprocess
import sys

import numpy as np
import pytest
from scipy import ndimage, stats

from artexplore.errors import ConfigError
from artexplore.local.patches import (
    PatchConfig,
    difference_of_gaussians,
    dog_patch,
    draw_windows,
    extract_patches,
    kept_patches,
    luminance,
    n_windows,
    normalise_uint8,
    sample_patches,
    sobel_magnitude,
    target_shape,
    top_windows,
    window_scores,
    window_scores_loop,
    work_rng,
    working_image,
)
from conftest import REPO, noise, stripes


# -- luminance and gradient -------------------------------------------------------------------
def test_luminance_follows_the_formula():
    rgb = noise((40, 50), seed=1)
    exact = rgb.astype(np.float64) @ np.array([0.299, 0.587, 0.114])
    grey = luminance(rgb)
    assert grey.dtype == np.uint8 and grey.shape == (40, 50)
    assert np.abs(grey - np.rint(exact)).max() <= 1  # 8-bit grey, as image libraries make it
    grey_f = luminance(rgb.astype(np.float32))
    assert grey_f.dtype == np.float32
    np.testing.assert_allclose(grey_f, exact, rtol=1e-5)
    with pytest.raises(ValueError, match="RGB"):
        luminance(np.zeros((4, 4)))


def test_sobel_magnitude_on_known_inputs():
    step = np.zeros((9, 12), dtype=np.uint8)
    step[:, 6:] = 100
    mag = sobel_magnitude(step)
    # |Gx| = (1 + 2 + 1) · 100 on the two columns beside the edge, zero elsewhere.
    np.testing.assert_allclose(mag[:, 5], 400)
    np.testing.assert_allclose(mag[:, 6], 400)
    assert np.all(mag[:, :5] == 0) and np.all(mag[:, 7:] == 0)
    diagonal = np.add.outer(np.arange(10), np.arange(10)).astype(np.float32)
    # Gx = Gy = 8 for a unit ramp along both axes: |∇I| = 8 √2 away from the border.
    np.testing.assert_allclose(sobel_magnitude(diagonal)[1:-1, 1:-1], 8 * math.sqrt(2), rtol=1e-6)
    assert not sobel_magnitude(np.full((5, 7), 42, np.uint8)).any()
    rgb = noise((30, 40), seed=2)
    grey = luminance(rgb)
    np.testing.assert_allclose(sobel_magnitude(grey), sobel_magnitude(grey.astype(np.float32)),
                               rtol=1e-6)


# -- window scores ----------------------------------------------------------------------------
@pytest.mark.parametrize("shape,size,stride", [
    ((100, 130), 64, 32), ((64, 64), 64, 32), ((200, 333), 48, 20), ((97, 211), 16, 7),
    ((300, 300), 64, 31), ((64, 500), 64, 32), ((181, 257), 32, 32), ((150, 90), 24, 36),
])
def test_vectorised_scores_equal_the_slow_loop(shape, size, stride):
    rng = np.random.default_rng(sum(shape) + size + stride)
    magnitude = sobel_magnitude(luminance(rng.integers(0, 256, (*shape, 3), dtype=np.uint8)))
    fast = window_scores(magnitude, size, stride)
    slow = window_scores_loop(magnitude, size, stride)
    assert fast.shape == slow.shape == (n_windows(shape[0], size, stride),
                                        n_windows(shape[1], size, stride))
    assert np.max(np.abs(fast - slow) / np.abs(slow)) < 1e-4


def test_window_scores_refuse_an_image_smaller_than_a_window():
    with pytest.raises(ValueError, match="smaller than a 64-pixel window"):
        window_scores(np.zeros((30, 100), np.float32), 64, 32)


# -- selection and draw -----------------------------------------------------------------------
def test_top_windows_keeps_the_fraction_at_least_n_and_ties():
    scores = np.arange(140, dtype=np.float32).reshape(10, 14)
    kept, threshold = top_windows(scores, 0.1, 5)
    assert kept.sum() == 14 and threshold == 126  # exactly 10 %, not 15 by float error
    kept, _ = top_windows(scores, 0.01, 5)
    assert kept.sum() == 5  # at least n
    tied = np.ones((4, 5), dtype=np.float32)
    tied[0, 0] = 2
    kept, threshold = top_windows(tied, 0.1, 1)
    assert threshold == 1 and kept.all()  # every window tying the threshold is kept
    kept, _ = top_windows(np.ones((1, 3), np.float32), 0.1, 5)
    assert kept.sum() == 3  # fewer windows than n: all of them


def test_first_draw_follows_p_proportional_to_score():
    weights = np.array([1.0, 2.0, 3.0, 4.0, 10.0])
    draws = 6000
    firsts = np.array([draw_windows(weights, 1, np.random.default_rng(i))[0]
                       for i in range(draws)])
    observed = np.bincount(firsts, minlength=len(weights))
    expected = draws * weights / weights.sum()
    assert stats.chisquare(observed, expected).pvalue > 1e-3
    # A deliberately wrong hypothesis (uniform) is rejected: the test can fail.
    assert stats.chisquare(observed, np.full(5, draws / 5)).pvalue < 1e-6


def test_draws_without_replacement_are_successive_sampling():
    weights = np.array([1.0, 3.0, 6.0])
    draws = 6000
    pairs = [tuple(draw_windows(weights, 2, np.random.default_rng(10_000 + i)))
             for i in range(draws)]
    assert all(a != b for a, b in pairs)
    p = weights / weights.sum()
    keys = [(i, j) for i in range(3) for j in range(3) if i != j]
    expected = np.array([draws * p[i] * p[j] / (1 - p[i]) for i, j in keys])
    observed = np.array([sum(1 for pair in pairs if pair == key) for key in keys])
    assert stats.chisquare(observed, expected).pvalue > 1e-3


def test_draw_edge_cases():
    rng = np.random.default_rng(0)
    out = draw_windows(np.array([0.0, 5.0, 0.0, 2.0]), 4, rng)
    assert set(out[:2]) == {1, 3} and set(out[2:]) == {0, 2}  # zero scores come last
    out = draw_windows(np.array([1.0, 2.0]), 5, rng)
    assert len(out) == 5 and set(out) == {0, 1} and out[2] == out[0]  # cyclic fill
    zeros = np.array([draw_windows(np.zeros(4), 1, np.random.default_rng(i))[0]
                      for i in range(2000)])
    assert stats.chisquare(np.bincount(zeros, minlength=4)).pvalue > 1e-3  # uniform
    with pytest.raises(ValueError):
        draw_windows(np.array([1.0, -1.0]), 1, rng)


def test_work_rng_is_stable_and_distinct():
    a = work_rng("abc", 0).integers(0, 2**32, 4)
    assert np.array_equal(a, work_rng("abc", 0).integers(0, 2**32, 4))
    assert not np.array_equal(a, work_rng("abd", 0).integers(0, 2**32, 4))
    assert not np.array_equal(a, work_rng("abc", 1).integers(0, 2**32, 4))
    # sha256-based: the draws do not change with Python's per-process hash salt.
    code = ("from artexplore.local.patches import work_rng; "
            "print(work_rng('abc', 0).integers(0, 2**32, 4).tolist())")
    outputs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                              check=True, cwd=REPO, env={**os.environ, "PYTHONHASHSEED": salt},
                              ).stdout.strip() for salt in ("1", "2")}
    assert outputs == {str(a.tolist())}


# -- DoG and normalisation --------------------------------------------------------------------
@pytest.mark.parametrize("side", [64, 33, 9])
def test_dog_equals_scipy_gaussians(side):
    patch = np.random.default_rng(side).random((side, side)).astype(np.float32) * 255
    reference = (ndimage.gaussian_filter(patch.astype(np.float64), 3, mode="reflect")
                 - ndimage.gaussian_filter(patch.astype(np.float64), 5, mode="reflect"))
    np.testing.assert_allclose(difference_of_gaussians(patch, 3, 5), reference, atol=1e-3)


def test_dog_of_known_inputs():
    assert np.abs(difference_of_gaussians(np.full((64, 64), 7.0))).max() < 1e-3
    impulse = np.zeros((64, 64), np.float32)
    impulse[32, 32] = 1.0
    d = difference_of_gaussians(impulse, 3, 5)
    g1 = 1 / (2 * np.pi * 9)
    g2 = 1 / (2 * np.pi * 25)
    assert d[32, 32] == pytest.approx(g1 - g2, rel=0.02)  # centre of the DoG kernel
    assert d[32, 32] == d.max() and d.min() < 0  # a Mexican hat


def test_normalise_uint8_on_known_inputs():
    assert normalise_uint8(np.array([2.0, 3.0, 4.0])).tolist() == [0, 128, 255]
    flat = normalise_uint8(np.full((8, 8), 3.5))
    assert flat.dtype == np.uint8 and not flat.any()
    assert not normalise_uint8(np.full(5, 1e6) + np.arange(5) * 1e-3).any()  # float noise: flat
    stack = normalise_uint8(np.array([[[0.0, 1.0]], [[5.0, 5.0]]]), axis=(1, 2))
    assert stack.tolist() == [[[0, 255]], [[0, 0]]]
    with pytest.raises(ValueError):
        normalise_uint8(np.array([0.0, np.nan]))
    out = dog_patch(stripes((64, 64), period=4)[..., 0])
    assert out.dtype == np.uint8 and out.min() == 0 and out.max() == 255


# -- working resolution -----------------------------------------------------------------------
def test_pixel_mode_resizes_the_longest_side_and_never_upscales_unless_asked():
    cfg = PatchConfig()
    assert target_shape(2000, 1500, cfg) == ((1024, 768), False, ())
    assert target_shape(1500, 3000, cfg)[0] == (512, 1024)
    assert target_shape(500, 400, cfg) == ((500, 400), False, ())
    up = PatchConfig(upscale=True)
    assert target_shape(500, 400, up) == ((1024, 819), False, ("upscaled",))
    image, scale, physical, flags = working_image(noise((300, 2048)), cfg)
    assert image.shape == (150, 1024, 3) and scale == pytest.approx(0.5) and not physical


def test_physical_scale_mode_with_and_without_dimensions():
    cfg = PatchConfig(cm_per_patch=5)  # 64 px per 5 cm: 12.8 px per cm
    # A 100 × 50 cm canvas photographed at 2000 × 1000 px and at 500 × 250 px:
    big, physical, flags = target_shape(1000, 2000, cfg, width_cm=100, height_cm=50)
    small, _, small_flags = target_shape(250, 500, cfg, width_cm=100, height_cm=50)
    assert physical and big == small == (640, 1280)  # same physical scale, same pixels
    assert flags == () and small_flags == ("upscaled",)
    # A 20 × 10 cm panel: one patch still covers 5 cm, so it gets fewer pixels.
    panel, _, _ = target_shape(1000, 2000, cfg, width_cm=20, height_cm=10)
    assert panel == (128, 256)
    only_width, physical, _ = target_shape(1000, 2000, cfg, width_cm=100)
    assert physical and only_width == (640, 1280)
    # No dimensions: pixel mode, flagged.
    shape, physical, flags = target_shape(1000, 2000, cfg)
    assert shape == (512, 1024) and not physical and flags == ("no-dimensions",)
    shape, physical, flags = target_shape(1000, 2000, cfg, width_cm=float("nan"), height_cm=0)
    assert not physical and "no-dimensions" in flags
    # A huge canvas is capped at max_physical_side.
    shape, physical, flags = target_shape(1000, 2000, cfg, width_cm=1000, height_cm=500)
    assert physical and max(shape) == cfg.max_physical_side and "capped" in flags


def test_physical_mode_patches_cover_the_same_area_of_canvas():
    cfg = PatchConfig(cm_per_patch=5, n=3)
    canvas = stripes((400, 800), period=10)
    hi = extract_patches(canvas, cfg, work_id="w", width_cm=100, height_cm=50)
    lo = extract_patches(canvas[::4, ::4], cfg, work_id="w", width_cm=100, height_cm=50)
    assert hi.physical and lo.physical
    assert hi.work_shape == lo.work_shape == (640, 1280)
    assert hi.scale == pytest.approx(1.6) and lo.scale == pytest.approx(6.4)
    fallback = extract_patches(canvas, cfg, work_id="w")
    assert not fallback.physical and "no-dimensions" in fallback.flags


# -- the whole method on one image: determinism and edge cases --------------------------------
def test_extract_is_deterministic_and_seeded():
    rgb = noise((300, 420), seed=5)
    cfg = PatchConfig()
    a = extract_patches(rgb, cfg, work_id="work-1")
    b = extract_patches(rgb, cfg, work_id="work-1")
    assert np.array_equal(a.coords, b.coords) and np.array_equal(a.dog, b.dog)
    others = [extract_patches(rgb, PatchConfig(seed=s), work_id="work-1").coords
              for s in range(1, 4)]
    assert any(not np.array_equal(a.coords, c) for c in others)
    assert a.coords.shape == (5, 2) and a.dog.shape == (5, 64, 64)
    assert a.color.shape == (5, 64, 64, 3)
    assert a.n_distinct == 5 and a.n_kept >= 5
    # The drawn windows are kept ones, and the stored colour patch is the image's pixels.
    gw = a.grid_shape[1]
    rows, cols = a.coords[:, 0] // 32, a.coords[:, 1] // 32
    assert a.kept[rows, cols].all()
    np.testing.assert_allclose(a.scores, a.window_scores[rows, cols])
    r, c = a.coords[0]
    assert np.array_equal(a.color[0], rgb[r:r + 64, c:c + 64])
    assert np.array_equal(a.drawn, rows * gw + cols)


def test_patches_come_from_the_busy_region():
    rgb = np.full((256, 256, 3), 128, np.uint8)
    rgb[160:, 160:] = stripes((96, 96), period=3)  # brushwork only in one corner
    result = extract_patches(rgb, PatchConfig(top=0.1), work_id="x")
    assert (result.coords >= 96).all()  # windows overlapping the textured corner
    assert result.scores.min() > 0


def test_image_smaller_than_a_patch():
    rgb = noise((20, 30), seed=3)
    r = extract_patches(rgb, PatchConfig(), work_id="tiny")
    assert r.work_shape == (20, 30) and "padded" in r.flags
    assert r.grid_shape == (1, 1) and r.n_distinct == 1
    assert (r.coords == 0).all() and r.dog.shape == (5, 64, 64)
    assert np.array_equal(r.color[0][:20, :30], rgb)
    assert np.array_equal(r.color[0][20:, :30], np.repeat(rgb[-1:], 44, axis=0))  # edge pad


def test_constant_image():
    rgb = np.full((200, 300, 3), 90, np.uint8)
    r = extract_patches(rgb, PatchConfig(), work_id="flat")
    assert r.kept.all() and not r.window_scores.any() and not r.scores.any()
    assert not r.dog.any() and r.dog.dtype == np.uint8  # zeros, never NaN
    assert r.n_distinct == 5
    firsts = [sample_patches(rgb, PatchConfig(), np.random.default_rng(i)).drawn[0]
              for i in range(600)]
    counts = np.bincount(firsts, minlength=r.window_scores.size)
    assert stats.chisquare(counts).pvalue > 1e-3  # uniform over the windows


def test_one_pixel_wide_image():
    column = noise((300, 1), seed=4)
    r = extract_patches(column, PatchConfig(), work_id="line")
    assert r.work_shape == (300, 1) and "padded" in r.flags
    assert r.grid_shape == (n_windows(300, 64, 32), 1)
    assert (r.coords[:, 1] == 0).all() and r.n_distinct == 5
    assert np.isfinite(r.window_scores).all() and r.dog.dtype == np.uint8
    dot = extract_patches(noise((1, 1)), PatchConfig(), work_id="dot")
    assert dot.n_distinct == 1 and not dot.dog.any()


def test_kept_patches_cover_the_kept_windows():
    rgb = noise((256, 384), seed=8)
    cfg = PatchConfig()
    dog, scores = kept_patches(rgb, cfg)
    result = sample_patches(rgb, cfg, np.random.default_rng(0))
    assert len(dog) == result.n_kept and np.all(np.diff(scores) <= 0)
    limited, _ = kept_patches(rgb, cfg, limit=3, rng=np.random.default_rng(0))
    assert limited.shape == (3, 64, 64)
    with pytest.raises(ValueError, match="generator"):
        kept_patches(rgb, cfg, limit=1)


# -- configuration ----------------------------------------------------------------------------
def test_config_validation_and_fingerprint():
    assert PatchConfig().fingerprint() == PatchConfig(n=5, top=0.1).fingerprint()
    assert PatchConfig().fingerprint() != PatchConfig(seed=1).fingerprint()
    assert PatchConfig(sigma1=3).fingerprint() == PatchConfig(sigma1=3.0).fingerprint()
    for bad, match in [({"top": 0}, "top"), ({"top": 1.5}, "top"), ({"n": 0}, "n must"),
                       ({"sigma1": 5, "sigma2": 3}, "sigma1"), ({"patch_size": 4}, "patch_size"),
                       ({"cm_per_patch": -1}, "cm_per_patch"), ({"max_side": 10}, "max_side")]:
        with pytest.raises(ConfigError, match=match):
            PatchConfig(**bad)
    cfg = PatchConfig(cm_per_patch=5)
    assert PatchConfig.from_dict({**cfg.to_dict(), "fingerprint": "x"}) == cfg
    assert PatchConfig().max_grid() == 31 and cfg.max_grid() == n_windows(4096, 64, 32)

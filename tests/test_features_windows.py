"""The local part of ``default``: backbone statistics over a work's high-gradient windows."""

from __future__ import annotations

import numpy as np
import pytest

from artexplore.errors import ConfigError
from artexplore.features import create_extractor
from artexplore.features.preprocess import Preprocess
from artexplore.local.patches import PatchConfig, best_windows, working_image


def half_textured(h: int = 300, w: int = 500, seed: int = 0) -> np.ndarray:
    """A flat grey left half and a noisy right half: the brushwork is on the right."""
    rng = np.random.default_rng(seed)
    img = np.full((h, w, 3), 128, dtype=np.uint8)
    img[:, w // 2:] = rng.integers(0, 256, (h, w - w // 2, 3), dtype=np.uint8)
    return img


def test_the_windows_are_the_highest_gradient_ones_best_first():
    img = half_textured()
    windows = best_windows(img, 6, 64)
    assert windows.shape == (6, 64, 64, 3) and windows.dtype == np.uint8
    # Every chosen window lies on the textured half: none is flat grey.
    assert all(w.std() > 40 for w in windows)
    flat = best_windows(np.full((300, 500, 3), 90, np.uint8), 2, 64)
    assert (flat == 90).all()


def test_few_windows_are_repeated_and_a_tiny_image_is_padded():
    small = half_textured(64, 96)  # 1 × 2 windows of 64 at stride 32: 2 windows
    windows = best_windows(small, 5, 64)
    assert windows.shape == (5, 64, 64, 3)
    assert np.array_equal(windows[0], windows[2]) and np.array_equal(windows[1], windows[3])
    tiny = best_windows(np.zeros((20, 30, 3), np.uint8), 3, 64)
    assert tiny.shape == (3, 64, 64, 3)
    with pytest.raises(ConfigError, match="even size"):
        best_windows(small, 2, 63)


def test_large_images_are_windowed_at_the_working_resolution():
    big = np.kron(half_textured(150, 250), np.ones((8, 8, 1), np.uint8))  # 1200 × 2000
    work = working_image(big, PatchConfig(patch_size=128, stride=64))[0]
    assert max(work.shape[:2]) == PatchConfig().max_side
    np.testing.assert_array_equal(best_windows(big, 4, 128), best_windows(work, 4, 128))


def test_the_windows_extractor_averages_each_statistic_over_the_windows():
    ex = create_extractor("windows:effnet-lite2", windows=4, sizes=[64])
    img = half_textured()
    X = ex.transform([img, img[:40, :50]])
    assert X.shape == (2, ex.dim) and ex.dim == 88 + 120 + 208 + 352
    assert [name for name, _ in ex.parts][0] == "64/blocks.3/mean"
    # The same statistics of each window as a whole image, then averaged.
    whole = create_extractor("stats:effnet-lite2", layers=["blocks.3", "blocks.4", "blocks.5",
                                                            "blocks.6"], statistics=["mean"],
                             pooled=False, resize="squash", sizes=[64], l2=False)
    expected = whole.transform(list(best_windows(img, 4, 64))).mean(axis=0)
    np.testing.assert_allclose(X[0], expected, rtol=1e-4, atol=1e-5)
    assert ex.get_config()["windows"] == 4 and ex.block == "local"


def test_windows_options_are_checked_and_whole_image_sets_keep_their_identity():
    with pytest.raises(ConfigError, match="go together"):
        create_extractor("stats:effnet-lite2", resize="windows")
    with pytest.raises(ConfigError, match="go together"):
        create_extractor("stats:effnet-lite2", windows=8)
    with pytest.raises(ConfigError, match="even window sizes"):
        create_extractor("windows:effnet-lite2", sizes=[127])
    # The option is absent from whole-image extractors: their stored sets keep their ids.
    assert "windows" not in create_extractor("stats:effnet-lite2").get_config()
    prep = Preprocess(sizes=(128,), mode="windows", windows=8)
    assert prep.decode_options()["short_side"] == PatchConfig().max_side
    (crops,) = prep(half_textured())
    assert tuple(crops.shape) == (8, 3, 128, 128)


def test_outside_images_reuse_the_loaded_networks(tmp_path):
    """An uploaded query builds each network of its set once per process, not per query."""
    from artexplore.features import compute, transform_images
    from artexplore.features.recipes import LITE2_MEANS, LITE2_WINDOWS
    from artexplore.store import Workspace
    from artexplore.synthetic import store_source_rows

    ws = Workspace(tmp_path / "ws", create=True)
    ids = [f"{i:016x}" for i in range(3)]
    for name, options in (("stats:effnet-lite2", LITE2_MEANS),
                          ("windows:effnet-lite2", LITE2_WINDOWS)):
        X = np.random.default_rng(0).standard_normal((3, 768)).astype(np.float32)
        store_source_rows(ws, name, ids, X, options=options)
    compute._LOADED.clear()
    img = half_textured()
    first = transform_images(ws, "windows:effnet-lite2", [img])
    loaded = dict(compute._LOADED)
    assert len(loaded) == 1 and next(iter(loaded.values())).loaded is not None
    again = transform_images(ws, "windows:effnet-lite2", [img])
    assert compute._LOADED == loaded  # the same extractor object, not a new one
    np.testing.assert_array_equal(first, again)
    transform_images(ws, "stats:effnet-lite2", [img])
    assert len(compute._LOADED) == 2


def test_the_technique_set_groups_works_by_rendering_not_by_subject(tmp_path):
    import cv2

    from artexplore.features import embed, fused_ready, load_features
    from artexplore.ingest.folder import ingest
    from artexplore.linalg import normalise
    from artexplore.store import Workspace
    from conftest import DEMO

    # Four painted works of four styles, each also as a pencil sketch of the same subject.
    sources = [sorted((DEMO / "images" / style).glob("*.jpg"))[0]
               for style in ("Impressionism", "Divisionism", "Rococo", "NorthernRenaissance")]
    folder = tmp_path / "images"
    for i, src in enumerate(sources):
        bgr = cv2.imread(str(src))
        grey, _ = cv2.pencilSketch(bgr, sigma_s=60, sigma_r=0.07, shade_factor=0.05)
        for kind, img in (("painting", bgr), ("pencil", cv2.cvtColor(grey, cv2.COLOR_GRAY2BGR))):
            (folder / kind).mkdir(parents=True, exist_ok=True)
            cv2.imwrite(str(folder / kind / f"{i}.png"), img)
    ws = Workspace(tmp_path / "ws", create=True)
    ingest(ws, folder)
    embed(ws, "default", batch_size=4)  # `technique` reads a source `default` computes
    assert fused_ready(ws, "technique")
    fm = load_features(ws, "technique")
    kind = [ws.work(i)["path"].split("/")[0] for i in fm.ids]
    X = normalise(fm.X)
    S = X @ X.T
    np.fill_diagonal(S, -np.inf)
    # Every pencil sketch's nearest work is another sketch, every painting's another painting,
    # though each has its own subject's other rendering in the collection.
    assert [kind[j] for j in S.argmax(axis=1)] == kind

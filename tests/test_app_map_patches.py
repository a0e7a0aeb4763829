"""Map page: a cluster's representative DoG patches are shown on the painting they come from."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
from clusters_support import mapped_demo_workspace
from PIL import Image
from streamlit.testing.v1 import AppTest

from artexplore.cluster import list_runs, load_run, representative_patches
from artexplore.local.patches import outline_colour
from artexplore.store import Workspace

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def store_patches(ws: Workspace) -> None:
    """Five DoG patches per work, at windows of a working image twice the thumbnail's size."""
    rng = np.random.default_rng(0)
    ids = ws.work_ids()
    dog = rng.integers(0, 256, (len(ids), 5, 64, 64), dtype=np.uint8)
    shapes = np.zeros((len(ids), 2), dtype=np.int32)
    coords = np.zeros((len(ids), 5, 2), dtype=np.int32)
    for i, wid in enumerate(ids):
        with Image.open(ws.thumbnail_path(wid)) as img:
            h, w = 2 * img.height, 2 * img.width
        shapes[i] = (h, w)
        coords[i] = np.stack([rng.integers(0, h - 64, 5), rng.integers(0, w - 64, 5)], axis=1)
    ws.arrays.register("patches", "default", "map-test-patches", {"patch_size": 64})
    ws.arrays.append("patches", "default", "map-test-patches", ids, dog=dog, coords=coords,
                     scores=rng.random((len(ids), 5)).astype(np.float32), work_shape=shapes)


def test_representative_patches_are_outlined_on_their_paintings(demo_workspace,
                                                                tmp_path_factory, tmp_path,
                                                                sent_images):
    root = tmp_path / "ws"
    shutil.copytree(mapped_demo_workspace(demo_workspace, tmp_path_factory), root)
    ws = Workspace(root)
    store_patches(ws)
    sent = sent_images
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["workspace"] = str(root)
    at.session_state["map_cluster_works"] = True  # the cluster's works and patches shown
    at.run()
    at.switch_page("pages/map.py")
    at.run()
    assert not at.exception
    run = load_run(ws, list_runs(ws, features="color")[0].id)
    cluster = at.selectbox(key="map_cluster_detail").value
    examples = representative_patches(ws, run, cluster, n=12)
    assert examples and examples[0].work_shape is not None
    first = examples[0]
    with Image.open(ws.thumbnail_path(first.work_id)) as img:
        h, w = img.height, img.width
    side = max(h, w)  # letterboxed onto a square
    r, c = (int(v) // 2 for v in first.coords)  # working pixels → thumbnail pixels
    r, c = r + (side - h) // 2, c + (side - w) // 2
    shown = [im for im in sent if im.shape == (side, side, 3)
             and np.abs(im[r, c + 8].astype(int) - outline_colour(0)).max() < 40]
    assert shown, "the first patch's painting is shown with the patch outlined"
    assert any("each under its painting" in c.value for c in at.caption)

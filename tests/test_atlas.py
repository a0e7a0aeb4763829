"""The map's files for the browser (artexplore.atlas) and the routes that serve them."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest
from clusters_support import mapped_demo_workspace
from PIL import Image

from artexplore.atlas import (
    CELL_PX,
    PAGE_CELLS,
    atlas_page,
    prepare_atlas,
    text_page,
    z_order,
)
from artexplore.errors import ArtExploreError
from artexplore.imageio import decode
from artexplore.reduce import load_map
from artexplore.store import Workspace


@pytest.fixture(scope="module")
def mapped(demo_workspace, tmp_path_factory):
    root = tmp_path_factory.mktemp("atlas") / "ws"
    shutil.copytree(mapped_demo_workspace(demo_workspace, tmp_path_factory), root)
    return Workspace(root)


def test_z_order_is_a_permutation_that_keeps_neighbours_together():
    rng = np.random.default_rng(0)
    xy = rng.uniform(0, 100, size=(5000, 2))
    rank = z_order(xy)
    assert sorted(rank.tolist()) == list(range(5000))
    # Works on the same atlas page (consecutive ranks) lie close together: the mean spread
    # of a block of 64 is far below that of 64 works drawn at random.
    order = np.argsort(rank)
    blocks = xy[order[: 64 * 78]].reshape(78, 64, 2)
    spread = np.mean(blocks.std(axis=1).mean(axis=1))
    assert spread < 0.2 * xy.std(axis=0).mean()


def test_prepare_atlas_writes_binary_columns_in_the_maps_row_order(mapped):
    atlas = prepare_atlas(mapped, "color")
    result = load_map(mapped, "color")
    xy = np.frombuffer((atlas.folder / "xy.bin").read_bytes(), dtype=np.float32).reshape(-1, 2)
    assert atlas.n == len(result) == 204
    np.testing.assert_array_equal(xy, result.embedding[:, :2])
    assert atlas.ids().tolist() == [str(i) for i in result.ids]
    cells = np.frombuffer((atlas.folder / "cells.bin").read_bytes(), dtype=np.uint32)
    assert sorted(cells.tolist()) == list(range(204))
    assert (atlas.folder / "xy.bin").stat().st_size == 204 * 8  # 8 bytes a work, no JSON
    # Asking again finds the same files; the folder is keyed by the map's version.
    assert prepare_atlas(mapped, "color").folder == atlas.folder


def test_atlas_page_holds_each_thumbnail_in_its_cell(mapped):
    atlas = prepare_atlas(mapped, "color")
    path = atlas_page(mapped, atlas, 0)
    sheet = np.asarray(Image.open(path).convert("RGB"), dtype=np.float32)
    cells = np.frombuffer((atlas.folder / "cells.bin").read_bytes(), dtype=np.uint32)
    per = int(np.sqrt(PAGE_CELLS))
    for row in (0, 57, 203):
        thumb, _ = decode(mapped.thumbnail_path(str(atlas.ids()[row])), max_side=CELL_PX)
        c = int(cells[row])
        cell = sheet[(c // per) * CELL_PX:(c // per + 1) * CELL_PX,
                     (c % per) * CELL_PX:(c % per + 1) * CELL_PX]
        top, left = (CELL_PX - thumb.height) // 2, (CELL_PX - thumb.width) // 2
        got = cell[top:top + thumb.height, left:left + thumb.width]
        want = np.asarray(thumb.convert("RGB"), dtype=np.float32)
        error = np.abs(got - want).mean()  # JPEG noise only
        other = np.abs(got - np.roll(want, thumb.height // 2, axis=0)).mean()
        assert error < 20 and error < 0.6 * other
    # Cells past the last work stay empty (the light background).
    assert sheet[-CELL_PX:, -CELL_PX:].mean() > 240
    with pytest.raises(ArtExploreError, match="No atlas page 1"):
        atlas_page(mapped, atlas, 1)


def test_hover_texts_are_titles_and_artists_in_row_order(mapped):
    atlas = prepare_atlas(mapped, "color")
    rows = json.loads(text_page(mapped, atlas, 0).read_text(encoding="utf-8"))
    assert len(rows) == 204
    work = mapped.work(str(atlas.ids()[10]))
    assert rows[10] == [work["title"], work["artist"] or ""]


def test_routes_serve_registered_maps_and_refuse_everything_else(mapped, monkeypatch):
    from ui import atlas_routes

    atlas = prepare_atlas(mapped, "color")
    monkeypatch.setattr(atlas_routes, "mounted", False)
    assert atlas_routes.register(mapped, atlas) is None  # started without the routes
    monkeypatch.setattr(atlas_routes, "mounted", True)
    base = atlas_routes.register(mapped, atlas)
    token = base.rstrip("/").rsplit("/", 1)[-1]
    path, kind = atlas_routes.resolve(token, "xy.bin")
    assert path == atlas.folder / "xy.bin" and kind == "application/octet-stream"
    path, kind = atlas_routes.resolve(token, "thumb-3.jpg")
    assert path == mapped.thumbnail_path(str(atlas.ids()[3])) and kind == "image/jpeg"
    assert atlas_routes.resolve(token, "page-00000.jpg")[0].exists()
    for name in ("../catalog.sqlite", "ids.npy", "atlas.json", "thumb-999.jpg",
                 "page-00007.jpg", "xy.bin/..", "page-0.jpg"):
        assert atlas_routes.resolve(token, name) is None, name
    assert atlas_routes.resolve("0" * 24, "xy.bin") is None  # a map nobody registered

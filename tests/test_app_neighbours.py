"""The Neighbours page through Streamlit's AppTest."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import numpy as np
import pytest
from neighbours_data import N_WITHOUT_PATCHES, prepare_workspace
from PIL import Image
from streamlit.testing.v1 import AppTest

from artexplore import jobs
from artexplore.search.index import index_root
from artexplore.search.neighbours import neighbours
from artexplore.store import Workspace
from artexplore.store.selections import list_selections, load_selection

APP = str(Path(__file__).resolve().parents[1] / "app.py")
PAGE = "pages/neighbours.py"


@pytest.fixture(scope="module")
def nb_workspace(demo_workspace, tmp_path_factory) -> Path:
    return prepare_workspace(demo_workspace, tmp_path_factory.mktemp("nb") / "ws")


def open_page(workspace: Path, **state) -> AppTest:
    # These tests read the colour set unless they choose another (the page itself starts
    # on the most preferred set: here the multi-block "fused").
    state.setdefault("nb_features", "color")
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["workspace"] = str(workspace)
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, at.exception
    return at


def result_sims(at: AppTest) -> list[float]:
    return [float(m.group(1)) for c in at.caption
            if (m := re.search(r"similarity \*\*([-0-9.]+)\*\*", c.value))]


def patch_captions(at: AppTest) -> list[str]:
    """Captions of the DoG patch images ("patch k")."""
    return [c for img in at.get("image") for c in [i.caption for i in img.proto.imgs]
            if c.startswith("patch ")]


def test_arriving_with_a_work_shows_its_neighbours(nb_workspace):
    ws = Workspace(nb_workspace)
    work = ws.works()[10]
    at = open_page(nb_workspace, work_id=work["id"])
    assert at.title[0].value == "Neighbours"
    assert at.selectbox(key="nb_work").value == work["id"]
    assert any(work["title"][:30] in c.value and "Query" in c.value for c in at.caption)
    sims = result_sims(at)
    assert len(sims) == 12 and sims == sorted(sims, reverse=True)
    expected = neighbours(ws, "color", work_id=work["id"], k=12)
    np.testing.assert_allclose(sims, [round(n.similarity, 3) for n in expected], atol=1e-3)
    # The query is not among its neighbours: no result caption repeats its title.
    result_captions = [c.value for c in at.caption if "similarity" in c.value]
    assert not any(c.startswith(work["title"][:30] + " —") for c in result_captions)


def test_search_picks_another_work_and_shares_it(nb_workspace):
    at = open_page(nb_workspace)
    at.text_input(key="nb_search").set_value("hokusai").run()
    box = at.selectbox(key="nb_work")
    hokusai = [o for o in box.options if "Hokusai" in o]
    assert hokusai
    index = box.options.index(hokusai[0])
    ws = Workspace(nb_workspace)
    wanted = [w for w in ws.works() if "Hokusai" in (w["artist"] or "")]
    chosen_id = next(w["id"] for w in wanted
                     if hokusai[0].startswith(w["title"][:40]))
    box.select_index(index).run()
    assert not at.exception
    assert at.session_state["work_id"] == chosen_id
    assert len(result_sims(at)) == 12


def test_block_weights_change_the_ranking_live(nb_workspace):
    ws = Workspace(nb_workspace)
    work = ws.works()[40]
    at = open_page(nb_workspace, work_id=work["id"])
    at.selectbox(key="nb_features").set_value("fused").run()
    sliders = {s.label: s for s in at.slider}
    assert set(sliders) == {"global", "gram", "local"}
    before = result_sims(at)
    sliders["global"].set_value(0.0).run()
    at.slider(key="nb_w_fused_gram").set_value(0.0).run()
    assert not at.exception
    after = result_sims(at)
    assert after != before and any("(weighted)" in m.value for m in at.markdown)
    expected = neighbours(ws, "fused", work_id=work["id"], k=12,
                          weights={"global": 0, "gram": 0, "local": 1})
    np.testing.assert_allclose(after, [round(n.similarity, 3) for n in expected], atol=1e-3)
    at.button(key="nb_w_reset_fused").click().run()
    assert result_sims(at) == before


def test_why_similar_shows_block_shares_and_patches(nb_workspace):
    ws = Workspace(nb_workspace)
    work = ws.works()[0]  # it has stored patches
    at = open_page(nb_workspace, work_id=work["id"])
    at.selectbox(key="nb_features").set_value("fused").run()
    first = result_sims(at)[0]
    why = [b for b in at.button if b.label == "Why similar?"]
    why[0].click().run()
    assert not at.exception
    assert [s.value for s in at.subheader] == ["Why similar"]
    assert at.metric[0].value == f"{first:.3f}"
    aspects, blocks = at.dataframe[0].value, at.dataframe[1].value
    # The fused set's three blocks in words, and the colour set, which it has no block for.
    assert sorted(aspects["aspect"]) == ["colour", "local detail", "overall look", "texture"]
    assert sum(float(s.rstrip(" %")) for s in aspects["share"]) == pytest.approx(100, abs=1.5)
    assert list(blocks["block"]) == ["global", "gram", "local"]
    assert sum(float(s.rstrip(" %")) for s in blocks["part of the similarity"]) == \
        pytest.approx(100, abs=0.5)
    top = neighbours(ws, "fused", work_id=work["id"], k=1)[0].work_id
    has_patches = top not in ws.work_ids()[-N_WITHOUT_PATCHES:]
    # Five DoG patches of each work, side by side.
    assert len(patch_captions(at)) == (10 if has_patches else 5)
    assert not any("⟨" in c.value or "‖" in c.value for c in at.caption)  # no formula
    at.button(key="nb_explain_close").click().run()
    assert not at.subheader


def test_why_similar_on_a_one_block_set_names_each_aspect_with_its_share(nb_workspace,
                                                                          tmp_path):
    """A one-block set (here `color`, like `default`'s one style block) showed that block at
    100 %; the pair is now also compared in the other stored aspect sets (a local-detail
    embedding here), each against the rest of the collection."""
    from artexplore.features import load_features, save_features

    root = tmp_path / "ws"
    shutil.copytree(nb_workspace, root)
    ws = Workspace(root)
    color = load_features(ws, "color")
    local = np.random.default_rng(1).standard_normal((len(color), 16)).astype(np.float32)
    save_features(ws, "infovae", list(color.ids), local, {"block": "local"}, fingerprint="t")
    work = ws.works()[0]
    at = open_page(root, work_id=work["id"])
    at.selectbox(key="nb_features").set_value("color").run()
    [b for b in at.button if b.label == "Why similar?"][0].click().run()
    assert not at.exception
    table = at.dataframe[0].value
    assert list(table.columns[:3]) == ["aspect", "how close", "share"]
    assert sorted(table["aspect"]) == ["colour", "local detail"]
    assert table["how close"].str.match(r"closer than \d+ ?% of the collection").all()
    # Colour found the neighbour; random local features did not: colour made them close.
    assert table["aspect"].iloc[0] == "colour"  # the largest share first
    assert any(m.value.startswith("Alike above all in **colour**") for m in at.markdown)


def test_why_similar_outlines_the_patches_on_both_paintings(nb_workspace, sent_images):
    from artexplore.local.patches import outline_colour
    from artexplore.search.neighbours import work_patches

    sent = sent_images
    ws = Workspace(nb_workspace)
    work = ws.works()[0]
    at = open_page(nb_workspace, work_id=work["id"])
    top = neighbours(ws, "color", work_id=work["id"], k=12)
    other = next(n.work_id for n in top
                 if n.work_id not in ws.work_ids()[-N_WITHOUT_PATCHES:])
    sent.clear()
    at.session_state["nb_explain"] = other
    at.run()
    assert not at.exception
    patches, _ = work_patches(ws, [work["id"], other])
    for wid in (work["id"], other):
        thumb = np.asarray(Image.open(ws.thumbnail_path(wid)).convert("RGB"))
        painting = [im for im in sent if im.shape == thumb.shape]
        assert painting, "the painting itself is shown, not a letterboxed square"
        r, c = (int(v) for v in patches[wid].coords[0])
        # The top edge of the first patch is drawn in the first colour; the image is the
        # thumbnail elsewhere.
        edge = painting[0][r, c + 20].astype(int)
        assert np.abs(edge - outline_colour(0)).max() < 40
        assert len(patch_captions(at)) == 10


def test_why_similar_without_patches_says_so(nb_workspace):
    ws = Workspace(nb_workspace)
    ids = ws.work_ids()
    no_patches = ids[-N_WITHOUT_PATCHES:]
    at = open_page(nb_workspace, work_id=no_patches[0])
    [b for b in at.button if b.label == "Why similar?"][0].click().run()
    assert not at.exception
    assert any("No DoG patches are stored for" in i.value for i in at.info)
    assert any("No DoG patches stored for this work" in c.value for c in at.caption)


def test_one_click_adds_the_neighbours_to_the_selection(nb_workspace):
    ws = Workspace(nb_workspace)
    work = ws.works()[20]
    at = open_page(nb_workspace, work_id=work["id"], selection=[work["id"]],
                   selection_name="")
    at.button(key="nb_select").click().run()
    assert not at.exception
    selection = at.session_state["selection"]
    found = neighbours(ws, "color", work_id=work["id"], k=12)
    assert selection == [work["id"], *[n.work_id for n in found]]
    name = at.session_state["selection_name"]
    assert name.startswith("Neighbours of") and name in list_selections(ws)
    assert load_selection(ws, name) == selection


def _png(path: Path) -> bytes:
    buf = io.BytesIO()
    Image.open(path).convert("RGB").save(buf, format="PNG")
    return buf.getvalue()


def test_upload_an_image_to_query_and_a_bad_file(nb_workspace):
    ws = Workspace(nb_workspace)
    work = ws.works()[30]
    at = open_page(nb_workspace)
    at.radio(key="nb_mode").set_value("An uploaded image").run()
    assert any("Upload an image" in i.value for i in at.info)
    at.file_uploader(key="nb_upload").upload("query.png", _png(ws.image_path(work)),
                                            "image/png").run()
    assert not at.exception and not at.error
    sims = result_sims(at)
    assert len(sims) == 12 and sims[0] > 0.95
    assert [c.value for c in at.caption if "similarity" in c.value][0].startswith(
        work["title"][:20])

    at.file_uploader(key="nb_upload").upload("bad.jpg", b"not a picture at all",
                                            "image/jpeg").run()
    assert not at.exception
    assert at.error and "Cannot read bad.jpg" in at.error[0].value
    assert "(not-an-image)" in at.error[0].value


def test_collection_detail_has_a_find_similar_button(nb_workspace):
    ws = Workspace(nb_workspace)
    work = ws.works()[5]
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["workspace"] = str(nb_workspace)
    at.session_state["work_id"] = work["id"]
    at.run()
    next(b for b in at.button if b.label == "Find similar works").click().run()
    assert not at.exception
    assert at.title[0].value == "Neighbours"
    assert at.selectbox(key="nb_work").value == work["id"]


def test_build_the_index_from_the_page(nb_workspace):
    ws = Workspace(nb_workspace)
    shutil.rmtree(index_root(ws, "fused"), ignore_errors=True)  # built by library calls above
    at = open_page(nb_workspace)
    at.selectbox(key="nb_features").set_value("fused").run()
    assert any("no stored index" in c.value for c in at.caption)
    at.button(key="nb_build").click().run()
    job = next(j for j in jobs.list_jobs(ws) if j.kind == "index")
    record = jobs.wait(ws, job.id, timeout=120)
    assert record.status == "done", record.error
    assert record.result["feature_set"] == "fused"
    at.run()
    assert not at.exception
    assert any("exact (Flat) index · 204 works" in c.value for c in at.caption)


def test_the_page_starts_on_the_most_preferred_feature_set(nb_workspace):
    from artexplore.features.sets import ranked

    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["workspace"] = str(nb_workspace)
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception
    # One choice policy for every page: the catalogue's ranking (several blocks first).
    assert at.selectbox(key="nb_features").value == ranked(Workspace(nb_workspace))[0] == "fused"

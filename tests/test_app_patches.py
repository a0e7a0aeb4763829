"""The Patch inspector page through Streamlit's AppTest."""

from __future__ import annotations

import json
from pathlib import Path

from local_fixtures import patched_workspace  # noqa: F401  (fixture)
from streamlit.testing.v1 import AppTest

from artexplore.store import Workspace

APP = str(Path(__file__).resolve().parents[1] / "app.py")
PAGE = "pages/patches.py"


def run_page(workspace: Path, **state) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.session_state["workspace"] = str(workspace)
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, at.exception
    return at


def figure(at: AppTest) -> dict:
    return json.loads(at.get("plotly_chart")[0].proto.spec)


def drawn_rectangles(at: AppTest) -> list[tuple[float, float]]:
    return [(s["y0"], s["x0"]) for s in figure(at)["layout"].get("shapes", [])]


def test_inspector_shows_the_stored_patches_of_a_work(patched_workspace):  # noqa: F811
    ws = Workspace(patched_workspace)
    work = ws.works()[20]
    at = run_page(patched_workspace, work_id=work["id"])
    assert at.title[0].value == "Patch inspector"
    assert at.selectbox(key="patch_work").value == work["id"]
    fig = figure(at)
    kinds = [t["type"] for t in fig["data"]]
    assert kinds[0] == "image" and "heatmap" in kinds  # painting + window scores
    stored = ws.arrays.load("patches", "default")
    row = int(list(stored.ids).index(work["id"]))
    coords = [tuple(map(float, rc)) for rc in stored["coords"][row]]
    assert sorted(drawn_rectangles(at)) == sorted(set(coords))  # the stored windows, outlined
    images = at.get("image")
    assert len(images) == 3 * 5 + 1  # colour, DoG and reconstruction of each patch; the windows
    # The 8 windows whose block means make default's local part, of 128 px each.
    assert "What `default` sees up close" in [h.value for h in at.subheader]
    windows = images[-1].proto.imgs
    assert len(windows) == 8 and [w.caption for w in windows][:2] == ["window 1", "window 2"]
    assert any("stored ones" in s.value for s in at.success)
    captions = " ".join(c.value for c in at.caption)
    assert "InfoVAE" in captions and "trained on" in captions and "kept" in captions


def test_parameters_rerun_live_and_draw_again(patched_workspace):  # noqa: F811
    ws = Workspace(patched_workspace)
    work = ws.works()[40]
    at = run_page(patched_workspace, work_id=work["id"])
    before = drawn_rectangles(at)
    at.button(key="patch_redraw").click().run()
    assert not at.exception
    assert at.number_input(key="patch_seed").value == 1
    after = drawn_rectangles(at)
    assert before != after  # another draw
    assert any("Live preview" in i.value for i in at.info)
    at.slider(key="patch_n").set_value(3).run()
    assert len(drawn_rectangles(at)) == 3
    assert "The 3 drawn patches" in [h.value for h in at.subheader]
    at.radio(key="patch_layer").set_value("Gradient |∇I|").run()
    assert not at.exception
    heat = [t for t in figure(at)["data"] if t["type"] == "heatmap"]
    z = heat[0]["z"]  # plotly sends arrays as {"dtype", "bdata", "shape"}
    rows = int(z["shape"].split(",")[0]) if isinstance(z, dict) else len(z)
    assert rows > 31  # the per-pixel gradient map, finer than any window grid here
    at.number_input(key="patch_sigma1").set_value(6.0).run()
    assert at.error and "sigma1" in at.error[0].value


def test_physical_scale_on_a_work_without_dimensions(patched_workspace):  # noqa: F811
    ws = Workspace(patched_workspace)
    at = run_page(patched_workspace, work_id=ws.works()[3]["id"])
    at.toggle(key="patch_physical").set_value(True).run()
    assert not at.exception
    assert at.warning and "no physical dimensions" in at.warning[0].value


def test_search_and_no_model(demo_workspace):
    at = run_page(demo_workspace)
    at.text_input(key="patch_text").set_value("hiroshige").run()
    assert not at.exception
    options = at.selectbox(key="patch_work").options
    assert options and all("Hiroshige" in o or "hiroshige" in o.lower() for o in options)
    assert any("No patches are stored yet" in i.value for i in at.info)
    captions = " ".join(c.value for c in at.caption)
    assert "No InfoVAE is trained yet" in captions
    assert len(at.get("image")) == 2 * 5 + 1  # colour and DoG, no reconstructions; the windows


def test_collection_detail_opens_the_inspector(demo_workspace):
    ws = Workspace(demo_workspace)
    work = ws.works()[5]
    at = AppTest.from_file(APP, default_timeout=90)
    at.session_state["workspace"] = str(demo_workspace)
    at.session_state["work_id"] = work["id"]
    at.run()
    next(b for b in at.button if b.label == "Open in patch inspector").click().run()
    assert not at.exception
    assert at.title[0].value == "Patch inspector"
    assert at.selectbox(key="patch_work").value == work["id"]

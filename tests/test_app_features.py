"""The Features page through AppTest: the table, computing a set as a job, block weights."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from artexplore import jobs
from artexplore.features import FusionSpec, embed, get_fusion, save_fusion
from artexplore.ingest.folder import ingest
from artexplore.store import Workspace

APP = str(Path(__file__).resolve().parents[1] / "app.py")

PALETTE = {"name": "palette", "blocks": [
    {"name": "color", "components": [{"source": "color"}]},
    {"name": "gram", "components": [{"source": "color", "options": {"bins": [6, 3, 3]}}]},
]}


@pytest.fixture
def ws(tmp_path, make_collection):
    folder, meta = make_collection(6)
    workspace = Workspace(tmp_path / "ws", create=True)
    ingest(workspace, folder, metadata=meta)
    return workspace


def features_page(ws: Workspace) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["workspace"] = str(ws.root)
    at.run()
    at.switch_page("pages/features.py")
    at.run()
    assert not at.exception
    return at


def test_page_lists_sets_and_the_device(ws):
    at = features_page(ws)
    assert at.title[0].value == "Features"
    assert "Extractors run on" in at.caption[0].value and "cpu" in at.caption[0].value
    table = at.dataframe[0].value
    default = table[table["feature set"] == "default"].iloc[0]
    assert default["kind"] == "fused" and default["status"].startswith("needs")


def test_sidebar_shows_device_and_feature_sets(ws):
    embed(ws, "color")
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["workspace"] = str(ws.root)
    at.run()
    sidebar = " ".join(c.value for c in at.sidebar.caption)
    assert "Device: cpu" in sidebar and "feature sets: color" in sidebar


def test_compute_button_runs_an_embed_job(ws):
    at = features_page(ws)
    at.selectbox(key="feat_extractor").set_value("Colour histogram")
    at.button[0].click().run()  # the form's submit button
    assert not at.exception
    job = jobs.list_jobs(ws)[0]
    assert job.kind == "embed" and job.params["extractor"] == "color"
    done = jobs.wait(ws, job.id, timeout=120)
    assert done.status == "done", done.error
    at.run()
    table = at.dataframe[0].value
    row = table[table["feature set"] == "color"].iloc[0]
    assert row["dimensions"] == "192" and row["works"] == "6 / 6"
    # A fused set not fitted yet says when its width will be known (not "None").
    assert table[table["feature set"] == "technique"].iloc[0]["dimensions"] == "once fitted"


def test_the_page_can_send_an_embed_to_a_ray_cluster(ws):
    at = features_page(ws)
    at.selectbox(key="feat_extractor").set_value("Colour histogram")
    at.selectbox(key="feat_backend").set_value("a Ray cluster")
    at.text_input(key="feat_ray_address").input("ray://head:10001")
    at.button[0].click().run()
    assert not at.exception
    assert "ray start --head" in at.error[0].value
    assert jobs.list_jobs(ws, active_only=True) == []

    at.text_input(key="feat_ray_address").input("head:6379")
    at.button[0].click().run()
    job = jobs.list_jobs(ws)[0]
    assert job.backend == "ray" and job.params["extractor"] == "color"
    jobs.cancel(ws, job.id)  # no cluster at head:6379: stop the driver trying


def test_block_weights_are_saved(ws):
    save_fusion(ws, FusionSpec.from_dict(PALETTE))
    embed(ws, "palette")
    at = features_page(ws)
    at.selectbox(key="feat_fusion").set_value("palette").run()
    at.slider(key="feat_w_palette_gram").set_value(0.4).run()
    at.button(key="feat_save_weights").click().run()
    assert not at.exception
    assert get_fusion(ws, "palette").weights == {"color": 1.0, "gram": 0.4}
    table = at.dataframe[0].value
    row = table[table["feature set"] == "palette"].iloc[0]
    assert row["blocks (weight)"] == "color (1), gram (0.4)" and row["status"] == "ready"


def test_device_choices_are_the_machines_own(ws):
    """Only devices this machine has are offered (no "cuda" without CUDA)."""
    from artexplore.features import available_devices

    at = features_page(ws)
    assert at.selectbox(key="feat_device").options == ["auto", *available_devices()]
    if "cuda" not in available_devices():
        assert "cuda" not in at.selectbox(key="feat_device").options


def test_the_page_says_what_each_fused_set_groups_works_by(ws):
    at = features_page(ws)
    assert not at.exception
    shown = " ".join(m.value for m in at.expander[0].markdown)
    assert "**technique**: How a work is rendered" in shown.replace("\\", "")
    assert "**default**: Style statistics" in shown.replace("\\", "")

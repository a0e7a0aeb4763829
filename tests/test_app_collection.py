"""The Collection and Jobs pages through Streamlit's AppTest."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def run_app(workspace: Path, page: str | None = None, **state) -> AppTest:
    """Run the app on a workspace (optionally switching page), with session values set."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["workspace"] = str(workspace)
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    return at


def test_collection_grid_and_filters(demo_workspace):
    at = run_app(demo_workspace)
    assert not at.exception
    assert at.title[0].value == "Collection"
    assert [m.value for m in at.metric][:3] == ["204", "0", "0"]
    assert "204 works match" in " ".join(c.value for c in at.caption)

    at.multiselect(key="coll_fields").set_value(["style"]).run()
    at.multiselect(key="coll_field_style").set_value(["Ukiyo-e"]).run()
    assert not at.exception
    assert "17 works match" in " ".join(c.value for c in at.caption)

    at.text_input(key="coll_text").set_value("hiroshige").run()
    captions = " ".join(c.value for c in at.caption)
    assert "works match" in captions and "Hiroshige" in captions


def test_detail_view_shows_metadata(demo_workspace):
    from artexplore.store import Workspace

    ws = Workspace(demo_workspace)
    work = ws.works()[0]
    at = run_app(demo_workspace, work_id=work["id"])
    assert not at.exception
    values = [str(v) for t in at.table for v in t.value.to_numpy().ravel()]
    assert work["artist"] in values and work["path"] in values


def test_jobs_page_lists_ingest(demo_workspace):
    at = run_app(demo_workspace, page="pages/jobs.py")
    assert not at.exception
    assert at.title[0].value == "Jobs"


def test_missing_workspace_says_how_to_create_one(tmp_path):
    at = run_app(tmp_path / "nowhere")
    assert at.error and "No workspace" in at.error[0].value

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
    from ui.text import plain

    ws = Workspace(demo_workspace)
    work = ws.works()[0]
    at = run_app(demo_workspace, work_id=work["id"])
    assert not at.exception
    values = [str(v) for t in at.table for v in t.value.to_numpy().ravel()]
    # st.table reads markdown: values are escaped (shown exactly as stored).
    assert plain(work["artist"]) in values and plain(work["path"]) in values


def test_jobs_page_lists_jobs_and_offers_resume(tmp_path, make_collection):
    from artexplore import jobs
    from artexplore.store import Workspace

    folder, _ = make_collection(2)
    ws = Workspace(tmp_path / "ws", create=True)
    done = jobs.run_inline(ws, "ingest", {"folder": str(folder), "label": "first"})
    # A job whose worker died: running, with a process id that no longer exists.
    with ws.catalog.connect() as conn:
        conn.execute("INSERT INTO jobs(id, kind, params, backend, status, done, total, host, pid, "
                     "created_at) VALUES ('dead-1', 'ingest', ?, 'local', 'running', 3, 10, ?, "
                     "999999, '2030-01-01T00:00:00+00:00')",
                     (f'{{"folder": "{folder}", "label": "second"}}', __import__("socket").gethostname()))
    at = run_app(ws.root, page="pages/jobs.py")
    assert not at.exception
    texts = " ".join(str(p.proto.text) for p in at.get("progress"))
    assert "ingest second — interrupted · 3 of 10" in texts
    assert "ingest first — done" in texts and "done 2 of 2" not in texts
    assert ":material/check_circle:" in texts and ":material/warning:" in texts
    assert any(b.label == "Resume" for b in at.button)
    assert jobs.get_job(ws, "dead-1").status == "interrupted"
    assert done.status == "done"
    # The details read as a summary; the raw record is behind its own expander.
    summary = next(t.value for t in at.table if "value" in t.value.columns)
    assert "asked: folder" in summary.iloc[:, 0].tolist()
    assert any(e.label == "Raw record (JSON)" for e in at.expander)


def test_missing_workspace_says_how_to_create_one(tmp_path):
    at = run_app(tmp_path / "nowhere")
    assert at.error and "No workspace" in at.error[0].value


# -- adding collections in the app (issue 14 point 11, issue 16 point 4) ----------------------
def _press(at: AppTest, label: str) -> AppTest:
    next(b for b in at.button if b.label == label).click().run()
    return at


def _job_of(at: AppTest, workspace: Path):
    from artexplore import jobs
    from artexplore.store import Workspace

    entry = at.session_state["collection_job"]
    assert entry["workspace"] == str(workspace)
    ws = Workspace(workspace)
    return jobs.wait(ws, entry["id"], timeout=120)


def test_add_folder_wrong_path_gives_a_message(tmp_path, monkeypatch):
    from artexplore.store import Workspace

    monkeypatch.setenv("ARTEXPLORE_ROOTS", str(tmp_path))
    ws = Workspace(tmp_path / "ws", create=True)
    at = run_app(ws.root)
    at.text_input(key="add_folder").set_value(str(tmp_path / "absent"))
    _press(at, "Ingest")
    assert not at.exception and "Folder not found" in at.error[0].value
    at.text_input(key="add_folder").set_value("/etc")
    _press(at, "Ingest")
    assert "outside the folders this app may read" in at.error[0].value
    at.text_input(key="add_iiif_url").set_value("ftp://museum.example/manifest.json")
    _press(at, "Ingest from IIIF")
    assert "not an http(s) URL" in at.error[0].value
    assert at.title[0].value == "Collection"  # the page is still there


def test_in_app_folder_ingest_reports_and_refreshes_counts(tmp_path, monkeypatch,
                                                          make_collection):
    from artexplore.store import Workspace

    monkeypatch.setenv("ARTEXPLORE_ROOTS", str(tmp_path))
    folder, _ = make_collection(3)
    (folder / "broken.jpg").write_bytes(b"not an image")
    ws = Workspace(tmp_path / "ws", create=True)
    at = run_app(ws.root)
    assert [m.value for m in at.metric][:3] == ["0", "0", "0"]
    at.text_input(key="add_folder").set_value(str(folder))
    _press(at, "Ingest")
    assert not at.error
    assert _job_of(at, ws.root).status == "done"
    at.run()
    assert not at.exception
    assert [m.value for m in at.metric][:3] == ["3", "0", "1"]
    report = " ".join(t.value for t in at.text)
    assert "added 3" in report and "skipped in this run: 1" in report
    assert "broken.jpg" in str(at.dataframe[0].value.to_numpy().ravel())


def test_in_app_iiif_ingest(tmp_path, monkeypatch):
    from artexplore.store import Workspace
    from tests.iiif_site import Site, build_site, serve

    monkeypatch.setenv("ARTEXPLORE_ROOTS", str(tmp_path))
    ws = Workspace(tmp_path / "ws", create=True)
    with serve(Site()) as site:
        urls = build_site(site)
        at = run_app(ws.root)
        at.text_input(key="add_iiif_url").set_value(urls["p3"])
        _press(at, "Ingest from IIIF")
        assert _job_of(at, ws.root).status == "done"
        at.run()
    assert not at.exception
    assert at.metric[0].value == "1"
    report = " ".join(t.value for t in at.text)
    assert "added 1" in report and "IIIF: 1 manifests" in report
    assert ws.works()[0]["title"] == "The Starry Night"


def test_new_workspace_switch_and_reload(tmp_path, monkeypatch, make_collection):
    from artexplore import jobs
    from artexplore.store import Workspace

    monkeypatch.setenv("ARTEXPLORE_ROOTS", str(tmp_path))
    folder, _ = make_collection(2)
    first = Workspace(tmp_path / "spaces" / "first", create=True)
    jobs.run_inline(first, "ingest", {"folder": str(folder)})
    other, _ = make_collection(3, name="other")
    at = run_app(first.root)
    assert at.query_params["workspace"] == str(first.root)

    at.text_input(key="new_ws_name").set_value("../escape")
    at.text_input(key="new_ws_folder").set_value(str(other))
    _press(at, "Create and ingest")
    assert "is not allowed" in at.error[0].value and not (tmp_path / "escape").exists()

    at.text_input(key="new_ws_name").set_value("second")
    _press(at, "Create and ingest")
    second = tmp_path / "spaces" / "second"
    assert at.session_state["workspace"] == str(second)
    assert at.query_params["workspace"] == str(second)
    assert _job_of(at, second).status == "done"
    at.run()
    assert at.metric[0].value == "3"

    # Switch back through the list of known workspaces.
    assert at.selectbox(key="open_workspace_choice").options == [
        f"first — {first.root}", f"second — {second}"]
    at.selectbox(key="open_workspace_choice").set_value(str(first.root))
    _press(at, "Open")
    assert at.session_state["workspace"] == str(first.root) and at.metric[0].value == "2"
    assert at.query_params["workspace"] == str(first.root)

    # A reload (a new session) keeps the workspace named in the URL.
    again = AppTest.from_file(APP, default_timeout=60)
    again.query_params["workspace"] = str(second)
    again.run()
    assert not again.exception and again.metric[0].value == "3"
    assert again.session_state["workspace"] == str(second)


def test_jobs_page_finished_jobs_and_config_errors(tmp_path):
    """A finished job does not read "done 0 of N"; a job refused for its settings offers
    no Resume (running it again cannot help)."""
    from artexplore import jobs
    from artexplore.store import Workspace

    ws = Workspace(tmp_path / "ws", create=True)
    stamp = "2030-01-01T00:00:00+00:00"
    with ws.catalog.connect() as conn:
        conn.execute(
            "INSERT INTO jobs(id, kind, params, backend, status, done, total, created_at, "
            "started_at, finished_at) VALUES ('ok-1', 'cluster', ?, 'local', 'done', 0, 29, "
            "?, ?, '2030-01-01T00:01:05+00:00')",
            ('{"label": "kmeans default"}', stamp, stamp))
        conn.execute(
            "INSERT INTO jobs(id, kind, params, backend, status, done, total, error, "
            "created_at) VALUES ('bad-1', 'embed', ?, 'local', 'failed', 0, NULL, ?, ?)",
            ('{"label": "features nope"}', "UnknownNameError: Unknown extractor 'nope'", stamp))
    assert not jobs.get_job(ws, "bad-1").resumable
    at = run_app(ws.root, page="pages/jobs.py")
    assert not at.exception
    texts = " ".join(str(p.proto.text) for p in at.get("progress"))
    assert "cluster kmeans default — done in 1 min 5 s" in texts
    assert "0 of 29" not in texts
    assert not any(b.label == "Resume" for b in at.button)
    assert "Unknown extractor 'nope'" in " ".join(c.value for c in at.caption)


def test_filters_and_page_survive_details_and_back(demo_workspace):
    """Details → Back returns to the same filters and page (widget keys alone are lost
    while the detail view is shown)."""
    at = run_app(demo_workspace)
    at.multiselect(key="coll_fields").set_value(["style"]).run()
    at.multiselect(key="coll_field_style").set_value(["Ukiyo-e"]).run()
    at.selectbox(key="coll_page_size").set_value(24).run()
    assert "17 works match · page 1 of 1" in " ".join(c.value for c in at.caption)
    at.multiselect(key="coll_field_style").set_value(["Ukiyo-e", "Impressionism"]).run()
    matched = next(c.value for c in at.caption if "works match" in c.value)
    assert "page 1 of 2" in matched
    at.number_input(key="coll_page").set_value(2).run()
    at.text_input(key="coll_text").set_value("a").run()
    before = next(c.value for c in at.caption if "works match" in c.value)
    assert "page 2 of 2" in before
    first = next(b for b in at.button if b.label == "Details")
    first.click().run()
    assert not at.exception and at.session_state["work_id"]
    at.button(key="back").click().run()
    assert not at.exception
    # What the browser is told to show: the widgets are drawn anew after the detail view,
    # empty unless the page sends their values again.
    style = at.multiselect(key="coll_field_style").proto
    assert style.set_value and list(style.raw_values) == ["Ukiyo-e", "Impressionism"]
    assert list(at.multiselect(key="coll_fields").proto.raw_values) == ["style"]
    text = at.text_input(key="coll_text").proto
    assert text.set_value and text.value == "a"
    page = at.number_input(key="coll_page").proto
    assert page.set_value and page.value == 2
    assert at.selectbox(key="coll_page_size").value == 24
    assert next(c.value for c in at.caption if "works match" in c.value) == before
    # The next action keeps the filters too.
    at.selectbox(key="coll_order").set_value("artist").run()
    assert next(c.value for c in at.caption if "works match" in c.value) == before

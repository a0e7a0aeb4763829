"""The Exhibitions page through Streamlit's AppTest: create from a cluster, reorder, export."""

from __future__ import annotations

import shutil
from pathlib import Path

from clusters_support import mapped_demo_workspace
from streamlit.testing.v1 import AppTest

from artexplore.cluster import list_runs, load_run
from artexplore.exhibit import list_exhibitions, load_exhibition, render_export
from artexplore.store import Workspace

APP = str(Path(__file__).resolve().parents[1] / "app.py")
PAGE = "pages/exhibitions.py"


def test_create_from_cluster_reorder_sequence_and_export(demo_workspace, tmp_path_factory,
                                                         tmp_path):
    root = tmp_path / "ws"
    shutil.copytree(mapped_demo_workspace(demo_workspace, tmp_path_factory), root)
    ws = Workspace(root)
    at = AppTest.from_file(APP, default_timeout=90)
    at.session_state["workspace"] = str(root)
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, at.exception
    assert at.title[0].value == "Exhibitions"

    run = list_runs(ws)[0]
    at.text_input(key="ex_new_title").input("Quiet <rooms>")
    at.radio(key="ex_new_source").set_value("A cluster")
    at.run()
    sizes = load_run(ws, run.id).sizes()
    cluster = max(sizes, key=sizes.get)
    at.selectbox(key="ex_cluster").set_value(cluster)
    at.run()
    at.button(key="ex_create").click()
    at.run()
    assert not at.exception, at.exception
    [made] = list_exhibitions(ws)
    ex = load_exhibition(ws, made["id"])
    assert len(ex) == sizes[cluster]
    first, second = ex.work_ids[:2]

    at.button(key=f"ex_down_{first}").click()
    at.run()
    assert not at.exception, at.exception
    assert load_exhibition(ws, ex.id).work_ids[:2] == [second, first]

    at.text_input(key=f"ex_note_{first}").input("Hang beside the window")
    at.run()
    assert load_exhibition(ws, ex.id).item(first).note == "Hang beside the window"

    # The view stays where the curator works: ordering, applying sections and choosing
    # the gradient rerun the page without going back to Edit.
    view = at.button_group(key="ex_view")
    assert view.value == "Edit"
    view.set_value("Sequence").run()
    at.button(key="ex_order").click()
    at.run()
    assert not at.exception, at.exception
    assert any("walk length" in s.value for s in at.success)
    assert at.button_group(key="ex_view").value == "Sequence"
    assert at.button(key="ex_propose")  # still on the Sequence view

    at.radio(key="ex_method").set_value("gradient").run()
    assert at.button_group(key="ex_view").value == "Sequence" and at.selectbox(key="ex_from")
    at.radio(key="ex_method").set_value("path").run()

    at.button(key="ex_propose").click()
    at.run()
    at.button(key="ex_apply").click()
    at.run()
    assert not at.exception, at.exception
    assert at.button_group(key="ex_view").value == "Sequence"
    back = load_exhibition(ws, ex.id)
    assert back.has_sections and sorted(back.work_ids) == sorted(ex.work_ids)
    at.button_group(key="ex_view").set_value("Export").run()
    labels = [b.label for b in at.get("download_button")]
    assert labels == ["CSV checklist", "JSON", "IIIF manifest", "HTML catalogue"]
    assert "Hang beside the window" in render_export(ws, back, "csv")


def test_arrange_moves_works_between_sections_keeping_notes(tmp_path, make_collection):
    """What a drag and drop does to the exhibition (the list itself is a browser test)."""
    import pytest

    from artexplore.errors import ArtExploreError
    from artexplore.exhibit import create_exhibition
    from artexplore.ingest.folder import ingest

    folder, meta = make_collection(4)
    ws = Workspace(tmp_path / "ws", create=True)
    ingest(ws, folder, metadata=meta)
    ids = [w["id"] for w in ws.works()]
    ex = create_exhibition(ws, "Two rooms", ids)
    ex.set_sections([("North", ids[:2]), ("South", ids[2:])])
    ex.set_note(ids[0], "first")
    ex.arrange([[ids[3], ids[0]], [ids[1], ids[2]]])
    assert [[i.work_id for i in s.items] for s in ex.sections] == [[ids[3], ids[0]],
                                                                    [ids[1], ids[2]]]
    assert [s.title for s in ex.sections] == ["North", "South"]
    assert ex.item(ids[0]).note == "first"
    with pytest.raises(ArtExploreError, match="every work"):
        ex.arrange([[ids[0]], [ids[1], ids[2]]])


def test_grow_runs_as_a_job_and_the_page_shows_what_it_added(demo_workspace, tmp_path_factory,
                                                             tmp_path):
    from artexplore import jobs
    from artexplore.exhibit import create_exhibition

    root = tmp_path / "ws"
    shutil.copytree(mapped_demo_workspace(demo_workspace, tmp_path_factory), root)
    ws = Workspace(root)
    ex = create_exhibition(ws, "Seed", ws.work_ids()[:3])
    at = AppTest.from_file(APP, default_timeout=90)
    at.session_state["workspace"] = str(root)
    at.session_state["exhibition_id"] = ex.id
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, at.exception
    at.number_input(key="ex_grow_n").set_value(4)
    at.button(key="ex_grow").click().run()
    assert not at.exception, at.exception
    # Nothing was added inside the click: a background job does it.
    [job] = [j for j in jobs.list_jobs(ws) if j.kind == "exhibition-grow"]
    done = jobs.wait(ws, job.id, timeout=120)
    assert done.status == "done" and done.result["added"] == 4
    assert len(load_exhibition(ws, ex.id)) == 7
    at.run()
    assert not at.exception, at.exception
    assert len(load_exhibition(ws, ex.id)) == 7  # the page did not write its older copy back

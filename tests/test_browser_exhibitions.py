"""End to end: the Exhibitions page in headless Chromium — create from a cluster, reorder, export."""

from __future__ import annotations

import shutil

import pytest
from clusters_support import mapped_demo_workspace

from artexplore.exhibit import list_exhibitions, load_exhibition
from artexplore.store import Workspace
from conftest import screenshot, wait_for_app

pytestmark = pytest.mark.browser


def test_exhibition_from_cluster_reorder_and_export(browser, streamlit_server, demo_workspace,
                                                    tmp_path_factory, tmp_path):
    root = tmp_path / "ws"
    shutil.copytree(mapped_demo_workspace(demo_workspace, tmp_path_factory), root)
    with streamlit_server(root) as server:
        page = browser.new_page(viewport={"width": 1400, "height": 1100}, accept_downloads=True)
        page.goto(server.url)
        wait_for_app(page)
        page.get_by_role("link", name="Exhibitions").click()
        page.get_by_role("heading", name="Exhibitions").wait_for(timeout=60_000)
        wait_for_app(page)
        page.get_by_label("Title").first.fill("Rooms of colour")
        page.get_by_text("A cluster", exact=True).click()
        wait_for_app(page)
        page.get_by_role("button", name="Create exhibition").click()
        page.get_by_role("tab", name="Edit").wait_for(timeout=60_000)
        wait_for_app(page)
        ws = Workspace(root)
        [made] = list_exhibitions(ws)
        ex = load_exhibition(ws, made["id"])
        assert len(ex) >= 2
        first, second = ex.work_ids[:2]
        screenshot(page, "exhibition-created")

        page.get_by_role("button", name="↓").first.click()
        wait_for_app(page)
        deadline = 30
        while deadline and load_exhibition(ws, ex.id).work_ids[:2] != [second, first]:
            page.wait_for_timeout(1000)
            deadline -= 1
        assert load_exhibition(ws, ex.id).work_ids[:2] == [second, first]
        assert page.locator("[data-testid='stException']").count() == 0
        screenshot(page, "exhibition-reordered")

        page.get_by_role("tab", name="Export").click()
        with page.expect_download(timeout=60_000) as info:
            page.get_by_role("button", name="CSV checklist").click()
        target = tmp_path / "checklist.csv"
        info.value.save_as(target)
        text = target.read_text(encoding="utf-8-sig")
        assert text.startswith("number,section,title") and len(text.splitlines()) == len(ex) + 1
        shot = screenshot(page, "exhibition-export")
        assert shot.stat().st_size > 10_000

"""End to end: the Exhibitions page in headless Chromium — create from a cluster, reorder, export."""

from __future__ import annotations

import shutil

import pytest
from clusters_support import mapped_demo_workspace

from artexplore.exhibit import list_exhibitions, load_exhibition
from artexplore.store import Workspace
from conftest import screenshot, wait_for_app

pytestmark = pytest.mark.browser

# Button labels cut short (ellipsis) in the main area.
CUT_LABELS_JS = """() => [...document.querySelectorAll(
    '[data-testid="stMain"] button [data-testid="stMarkdownContainer"] p')]
  .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.innerText)"""


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
        page.get_by_text("Edit", exact=True).wait_for(timeout=60_000)
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

        page.get_by_text("Export", exact=True).click()
        wait_for_app(page)
        with page.expect_download(timeout=60_000) as info:
            page.get_by_role("button", name="CSV checklist").click()
        target = tmp_path / "checklist.csv"
        info.value.save_as(target)
        text = target.read_text(encoding="utf-8-sig")
        assert text.startswith("number,section,title") and len(text.splitlines()) == len(ex) + 1
        shot = screenshot(page, "exhibition-export")
        assert shot.stat().st_size > 10_000


def test_exhibition_narrow_window_drag_and_views(browser, streamlit_server, demo_workspace,
                                                 tmp_path_factory, tmp_path):
    """At 1024×768 no button label is cut; dragging reorders; the view stays on Sequence
    after "Order the works"."""
    root = tmp_path / "ws"
    shutil.copytree(mapped_demo_workspace(demo_workspace, tmp_path_factory), root)
    ws = Workspace(root)
    with streamlit_server(root) as server:
        page = browser.new_page(viewport={"width": 1024, "height": 768})
        page.goto(f"{server.url}/exhibitions")
        page.get_by_role("heading", name="Exhibitions").wait_for(timeout=60_000)
        wait_for_app(page)
        page.get_by_label("Title").first.fill("Rooms of colour")
        page.get_by_text("A cluster", exact=True).click()
        wait_for_app(page)
        page.get_by_role("button", name="Create exhibition").click()
        wait_for_app(page)
        [made] = list_exhibitions(ws)
        before = load_exhibition(ws, made["id"]).work_ids
        assert page.evaluate(CUT_LABELS_JS) == []

        # Drag the first work below the third.
        items = page.frame_locator("iframe[src*='sortable']").locator(".sortable-item")
        items.first.wait_for(timeout=30_000)
        items.first.scroll_into_view_if_needed()
        a, c = items.nth(0).bounding_box(), items.nth(2).bounding_box()
        page.mouse.move(a["x"] + 20, a["y"] + a["height"] / 2)
        page.mouse.down()
        page.mouse.move(a["x"] + 20, a["y"] + a["height"] / 2 + 10, steps=5)
        page.mouse.move(c["x"] + 20, c["y"] + c["height"] / 2 + 4, steps=15)
        page.mouse.up()
        for _ in range(30):
            if load_exhibition(ws, made["id"]).work_ids != before:
                break
            page.wait_for_timeout(1000)
        assert load_exhibition(ws, made["id"]).work_ids[:3] == [before[1], before[2], before[0]]
        wait_for_app(page)
        screenshot(page, "exhibition-dragged")

        page.get_by_text("Sequence", exact=True).click()
        wait_for_app(page)
        page.get_by_role("button", name="Order the works").click()
        page.get_by_text("walk length").wait_for(timeout=60_000)
        wait_for_app(page)
        assert page.get_by_role("button", name="Order the works").is_visible()
        assert page.evaluate(CUT_LABELS_JS) == []
        assert page.locator("[data-testid='stException']").count() == 0

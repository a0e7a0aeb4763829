"""End to end: the app in headless Chromium shows the demo collection's thumbnails."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import screenshot, wait_for_app

pytestmark = pytest.mark.browser


def test_collection_page_shows_thumbnails(browser, streamlit_server, demo_workspace):
    with streamlit_server(demo_workspace) as server:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(server.url)
        wait_for_app(page)
        page.get_by_role("heading", name="Collection").wait_for()
        images = page.locator("[data-testid='stImage'] img")
        images.first.wait_for(timeout=30_000)
        assert images.count() >= 24  # a full page of thumbnails (48 per page by default)
        assert page.get_by_text("204 works match").count() == 1
        assert page.locator("[data-testid='stException']").count() == 0
        shot = screenshot(page, "collection")
        assert shot.stat().st_size > 10_000

        # Open a work: the detail view shows its metadata and the large image.
        page.get_by_role("button", name="Details").first.click()
        page.get_by_role("button", name="← Back to the collection").wait_for(timeout=30_000)
        wait_for_app(page)
        page.get_by_text("Constructivism").first.wait_for(timeout=30_000)  # rerun may lag the click
        assert page.locator("[data-testid='stException']").count() == 0
        screenshot(page, "collection-detail")


def test_deep_link_on_a_fresh_server_opens_the_page_inside_the_app(browser, streamlit_server,
                                                                      demo_workspace):
    # Before app.py has run once, Streamlit would run pages/jobs.py alone (no sidebar).
    with streamlit_server(demo_workspace) as server:
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.goto(f"{server.url}/jobs")
        page.get_by_role("heading", name="Jobs").first.wait_for(timeout=60_000)
        wait_for_app(page)
        nav = page.locator("[data-testid='stSidebarNav']")
        assert nav.get_by_text("Collection", exact=True).count() == 1  # the app's navigation, with titles
        assert page.get_by_text("ArtExplore").count() >= 1  # the app's sidebar
        url = urlsplit(page.url)  # the page, and the workspace in use for a reload
        assert url.path.endswith("/jobs")
        assert parse_qs(url.query)["workspace"] == [str(demo_workspace)]
        screenshot(page, "deep-link-jobs")

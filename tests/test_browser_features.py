"""End to end: the Features page in headless Chromium: device, feature sets, block weights."""

from __future__ import annotations

import pytest

from conftest import screenshot, wait_for_app

pytestmark = pytest.mark.browser


def test_features_page(browser, streamlit_server, demo_workspace):
    with streamlit_server(demo_workspace) as server:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(server.url)
        wait_for_app(page)
        sidebar = page.locator("[data-testid='stSidebar']")
        sidebar.get_by_text("Device: cpu").wait_for(timeout=60_000)  # first run finished
        sidebar.get_by_role("link", name="Features").click()
        page.get_by_role("heading", name="Features").wait_for(timeout=60_000)
        wait_for_app(page)
        page.locator("[data-testid='stDataFrame']").first.wait_for(timeout=30_000)
        page.locator("[data-testid='stSlider']").first.wait_for(timeout=30_000)
        shot = screenshot(page, "features")
        assert page.get_by_text("Extractors run on").count() == 1
        assert "Device: cpu" in sidebar.inner_text()
        assert page.get_by_text("Block weights").count() >= 1
        assert page.locator("[data-testid='stSlider']").count() >= 1
        assert page.locator("[data-testid='stException']").count() == 0
        assert shot.stat().st_size > 10_000

"""End to end: the Patch inspector in headless Chromium (screenshot saved as an artifact)."""

from __future__ import annotations

import pytest
from local_fixtures import patched_workspace  # noqa: F401  (fixture)

from conftest import screenshot, wait_for_app

pytestmark = pytest.mark.browser


def test_patch_inspector_page(browser, streamlit_server, patched_workspace):  # noqa: F811
    with streamlit_server(patched_workspace) as server:
        page = browser.new_page(viewport={"width": 1500, "height": 1900})
        page.goto(server.url)  # the entry point first, so that st.navigation routes pages
        wait_for_app(page)
        page.get_by_role("link", name="Patch inspector").click()
        wait_for_app(page)
        page.get_by_role("heading", name="Patch inspector").wait_for(timeout=60_000)
        chart = page.locator("[data-testid='stPlotlyChart'] .main-svg").first
        chart.wait_for(timeout=60_000)
        page.get_by_text("The 5 drawn patches").wait_for(timeout=60_000)
        wait_for_app(page)
        assert page.locator("[data-testid='stException']").count() == 0
        # Colour, DoG and reconstruction of each of the 5 patches.
        assert page.locator("[data-testid='stImage'] img").count() >= 15
        page.wait_for_function(
            "() => [...document.querySelectorAll('[data-testid=\"stImage\"] img')]"
            ".every(i => i.complete && i.naturalWidth > 0)", timeout=60_000)
        assert page.get_by_text("InfoVAE reconstruction").count() == 5
        # The painting, the score layer and the 5 outlined windows are drawn by plotly.
        assert page.locator("[data-testid='stPlotlyChart'] .layer-above path").count() >= 5
        shot = screenshot(page, "patch-inspector")
        assert shot.stat().st_size > 50_000

        page.get_by_role("button", name="Draw again").click()
        wait_for_app(page)
        page.get_by_text("Live preview").wait_for(timeout=60_000)
        assert page.locator("[data-testid='stException']").count() == 0
        screenshot(page, "patch-inspector-redraw")

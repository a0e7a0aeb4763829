"""End to end: the Neighbours page in headless Chromium — results, "why similar", uploads."""

from __future__ import annotations

from pathlib import Path

import pytest
from neighbours_data import prepare_workspace

from conftest import screenshot, wait_for_app

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def nb_workspace(demo_workspace, tmp_path_factory) -> Path:
    return prepare_workspace(demo_workspace, tmp_path_factory.mktemp("nb-browser") / "ws")


def test_neighbours_page_in_a_browser(browser, streamlit_server, nb_workspace, tmp_path):
    with streamlit_server(nb_workspace) as server:
        page = browser.new_page(viewport={"width": 1400, "height": 1500})
        page.goto(server.url)
        wait_for_app(page)
        page.get_by_role("link", name="Neighbours").click()
        page.get_by_role("heading", name="Neighbours").wait_for(timeout=30_000)
        wait_for_app(page)
        page.get_by_text("similarity", exact=False).first.wait_for(timeout=30_000)
        assert page.get_by_role("button", name="Why similar?").count() == 12
        assert page.locator("[data-testid='stImage'] img").count() >= 13  # query + 12
        assert page.locator("[data-testid='stException']").count() == 0
        assert screenshot(page, "neighbours").stat().st_size > 10_000

        # The fused set: one slider per block, then "why similar" with patches side by side.
        page.get_by_role("combobox", name="Feature set").click()
        page.get_by_role("option", name="fused").click()
        page.get_by_role("button", name="Reset weights").wait_for(timeout=30_000)
        wait_for_app(page)
        for block in ("global", "gram", "local"):
            assert page.get_by_text(block, exact=True).count() >= 1
        page.get_by_role("button", name="Why similar?").first.click()
        page.get_by_role("heading", name="Why similar").wait_for(timeout=30_000)
        wait_for_app(page)
        page.get_by_text("Detail patches", exact=True).wait_for()
        assert page.get_by_text("Alike above all in").count() + \
            page.get_by_text("No aspect stands out").count() == 1
        page.get_by_text("patch 1", exact=True).nth(1).wait_for(timeout=30_000)
        assert page.get_by_text("patch 1", exact=True).count() == 2  # under both paintings
        assert page.locator("[data-testid='stException']").count() == 0
        screenshot(page, "neighbours-why-similar")

        # Query by an uploaded image: a bad file is an error message, nothing crashes.
        page.get_by_text("An uploaded image").click()
        page.locator("input[type='file']").wait_for(state="attached", timeout=30_000)
        wait_for_app(page)
        bad = tmp_path / "broken.jpg"
        bad.write_bytes(b"\xff\xd8\xff\xe0 truncated nonsense")
        page.locator("input[type='file']").set_input_files(str(bad))
        page.get_by_text("Cannot read broken.jpg").wait_for(timeout=30_000)
        assert page.locator("[data-testid='stException']").count() == 0
        screenshot(page, "neighbours-bad-upload")

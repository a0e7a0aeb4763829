"""End to end: the Labels page in headless Chromium on the demo collection."""

from __future__ import annotations

import shutil

import pytest

from conftest import screenshot, wait_for_app

pytestmark = pytest.mark.browser


@pytest.fixture
def demo_with_gaps(demo_workspace, tmp_path):
    """The demo collection with colour features, 12 styles blanked out and a probe run."""
    from artexplore.features import embed
    from artexplore.labels import ProbeConfig, run_probe
    from artexplore.store import Workspace

    root = tmp_path / "demo"
    shutil.copytree(demo_workspace, root)
    ws = Workspace(root)
    embed(ws, "color")
    for work in ws.works()[::17]:
        ws.set_metadata(work["id"], style=None)
    run_probe(ws, "color", "style", ProbeConfig(n_folds=10))
    return root


def test_labels_page_probe_suggestions_map_and_overlay(browser, streamlit_server, demo_with_gaps):
    with streamlit_server(demo_with_gaps) as server:
        page = browser.new_page(viewport={"width": 1400, "height": 1100})
        page.goto(server.url)
        wait_for_app(page)
        page.get_by_role("link", name="Labels").click()
        wait_for_app(page)
        page.get_by_role("heading", name="Labels").wait_for()
        page.get_by_text("Top-1 accuracy").wait_for(timeout=30_000)
        page.locator(".js-plotly-plot").first.wait_for(timeout=30_000)  # the confusion matrix
        assert page.locator("[data-testid='stException']").count() == 0
        assert page.get_by_text("192 labelled works in 12 classes, 12 without a value").count() == 1
        screenshot(page, "labels-probe")

        page.get_by_text("Suggestions", exact=True).click()
        wait_for_app(page)
        accept = page.get_by_role("button", name="Accept", exact=True)
        accept.first.wait_for(timeout=30_000)
        assert accept.count() == 12
        screenshot(page, "labels-suggestions")
        accept.first.click()
        wait_for_app(page)
        page.wait_for_function(
            "() => [...document.querySelectorAll('button')].filter("
            "b => b.innerText.trim() === 'Accept').length === 11", timeout=30_000)
        assert page.get_by_text("Decided suggestions (1)").count() == 1

        page.get_by_text("Label map", exact=True).click()
        wait_for_app(page)
        page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot').length >= 2",
                               timeout=30_000)
        page.wait_for_timeout(1000)
        assert page.locator("[data-testid='stException']").count() == 0
        screenshot(page, "labels-map")

        page.get_by_text("Where the model looks", exact=True).click()
        wait_for_app(page)
        page.locator("[data-testid='stImage'] img").nth(1).wait_for(timeout=60_000)
        assert page.locator("[data-testid='stException']").count() == 0
        screenshot(page, "labels-overlay")

"""End to end: the Labels page in headless Chromium on the demo collection."""

from __future__ import annotations

import shutil

import pytest

from conftest import LABEL_STYLES, save, screenshot, stripes, wait_for_app

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


IFRAME = '<iframe srcdoc="<script>parent.alert(1)</script>">'
FORM = '<form action="http://127.0.0.1:9/steal"><input name="q" placeholder="typed here"></form>'


@pytest.fixture
def hostile_workspace(tmp_path):
    """Three colour 'styles', two of them named with HTML, from a metadata CSV; probed, so
    that the hostile values are suggested for the works without a style."""
    from artexplore.features import embed
    from artexplore.ingest.folder import ingest
    from artexplore.labels import ProbeConfig, run_probe
    from artexplore.store import Workspace

    names = dict(zip(LABEL_STYLES, (IFRAME, FORM, "Green"), strict=True))
    rows = ["path,title,style"]
    for style, colors in LABEL_STYLES.items():
        for i in range(12):
            rel = f"{style}/{i:02d}.png"
            save(stripes(size=(72 + 4 * i, 96), period=4 + (i % 4) * 3, angle="vhd"[i % 3],
                         colors=colors), tmp_path / "images" / rel)
            value = names[style].replace('"', '""') if i < 10 else ""
            rows.append(f'{rel},Work {style} {i},"{value}"')
    (tmp_path / "metadata.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    ws = Workspace(tmp_path / "ws", create=True)
    ingest(ws, tmp_path / "images", metadata=tmp_path / "metadata.csv")
    embed(ws, "color")
    run_probe(ws, "color", "style", ProbeConfig(n_folds=5))
    return tmp_path / "ws"


def test_hostile_label_values_are_shown_as_text(browser, streamlit_server, hostile_workspace):
    with streamlit_server(hostile_workspace) as server:
        page = browser.new_page(viewport={"width": 1400, "height": 1100})
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(server.url)
        wait_for_app(page)
        page.get_by_role("link", name="Labels").click()
        wait_for_app(page)
        page.get_by_text("Suggestions", exact=True).click()
        wait_for_app(page)
        page.get_by_role("button", name="Accept", exact=True).first.wait_for(timeout=30_000)
        page.wait_for_timeout(2000)  # time for an injected frame to load and run
        screenshot(page, "labels-hostile-suggestions")
        assert dialogs == []
        assert page.locator("iframe[srcdoc]").count() == 0
        assert page.locator("form[action*='steal']").count() == 0
        assert page.get_by_text(f"{IFRAME} · confidence").count() == 2
        assert page.get_by_text(f"{FORM} · confidence").count() == 2

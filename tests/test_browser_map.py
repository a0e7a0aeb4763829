"""End to end: the Map page in headless Chromium — clusters, hover thumbnail, lasso selection."""

from __future__ import annotations

import math
import shutil

import pytest
from clusters_support import mapped_demo_workspace

from artexplore.store import Workspace
from artexplore.store.selections import list_selections, load_selection
from conftest import screenshot, wait_for_app

pytestmark = pytest.mark.browser

# Screen position of every point of one trace of the first plotly chart.
POINTS_JS = """(trace) => {
  const gd = document.querySelector('.js-plotly-plot');
  const r = gd.getBoundingClientRect();
  const xa = gd._fullLayout.xaxis, ya = gd._fullLayout.yaxis, t = gd._fullData[trace];
  const out = [];
  for (let i = 0; i < t.x.length; i++) {
    out.push([r.left + xa._offset + xa.l2p(t.x[i]), r.top + ya._offset + ya.l2p(t.y[i])]);
  }
  return {name: t.name, points: out};
}"""


def test_map_page_lasso_selects_works(browser, streamlit_server, demo_workspace,
                                      tmp_path_factory, tmp_path):
    root = tmp_path / "ws"
    shutil.copytree(mapped_demo_workspace(demo_workspace, tmp_path_factory), root)
    with streamlit_server(root) as server:
        page = browser.new_page(viewport={"width": 1500, "height": 1100})
        page.goto(server.url)
        wait_for_app(page)
        page.get_by_role("link", name="Map").click()
        page.get_by_role("heading", name="Map").wait_for(timeout=60_000)
        page.locator(".js-plotly-plot").first.wait_for(timeout=60_000)
        wait_for_app(page)
        assert page.locator("[data-testid='stException']").count() == 0
        legend = page.locator(".js-plotly-plot .legendtext").evaluate_all(
            "els => els.map(e => e.textContent)")
        assert len(legend) >= 2 and all("works" in t for t in legend)

        # The most compact cluster with at least 8 works.
        n_traces = page.evaluate("() => document.querySelector('.js-plotly-plot')._fullData.length")
        traces = [page.evaluate(POINTS_JS, i) for i in range(n_traces)]
        trace = min((t for t in traces if len(t["points"]) >= 8), key=lambda t: (
            (max(p[0] for p in t["points"]) - min(p[0] for p in t["points"]))
            * (max(p[1] for p in t["points"]) - min(p[1] for p in t["points"]))))

        # Hovering a work shows its thumbnail beside plotly's label.
        x, y = trace["points"][0]
        page.mouse.move(x - 40, y)
        page.mouse.move(x, y, steps=6)
        page.wait_for_function(
            "() => document.getElementById('ae-hover-card')?.style.display === 'block'",
            timeout=10_000)
        assert page.locator("#ae-hover-card img").get_attribute("src").startswith("data:image")
        screenshot(page, "map-hover")

        # A lasso around that cluster's points selects them (and maybe a few neighbours):
        # the mouse draws a rounded rectangle around their bounding box.
        x0, x1 = min(p[0] for p in trace["points"]) - 8, max(p[0] for p in trace["points"]) + 8
        y0, y1 = min(p[1] for p in trace["points"]) - 8, max(p[1] for p in trace["points"]) + 8
        path = []
        for i in range(64):
            a = 2 * math.pi * i / 64
            # A superellipse: close to the box, so every point inside the box is inside.
            c, s = math.cos(a), math.sin(a)
            px = abs(c) ** 0.2 * math.copysign(1, c)
            py = abs(s) ** 0.2 * math.copysign(1, s)
            path.append(((x0 + x1) / 2 + px * (x1 - x0) / 2 * 1.02,
                         (y0 + y1) / 2 + py * (y1 - y0) / 2 * 1.02))
        page.mouse.move(*path[0])
        page.mouse.down()
        for point in path[1:] + path[:1]:
            page.mouse.move(*point, steps=2)
        page.mouse.up()
        heading = page.get_by_text("selected works")
        heading.first.wait_for(timeout=60_000)
        wait_for_app(page)
        text = page.locator("strong", has_text="selected works").first.inner_text()
        n_selected = int(text.split()[0])
        assert n_selected >= len(trace["points"])
        assert page.locator("[data-testid='stImage'] img").count() >= min(n_selected, 12)
        assert page.locator("[data-testid='stException']").count() == 0
        shot = screenshot(page, "map-lasso")
        assert shot.stat().st_size > 20_000

        # The selection becomes a named selection other pages can use.
        page.get_by_placeholder("a name, e.g. 'blue nocturnes'").fill("first cluster")
        page.get_by_role("button", name="Save selection").click()
        page.get_by_text("Saved the selection").wait_for(timeout=30_000)
        ws = Workspace(root)
        assert "first cluster" in list_selections(ws)
        assert len(load_selection(ws, "first cluster")) == n_selected


def test_map_drag_modes_click_and_marked_cluster(browser, streamlit_server, demo_workspace,
                                                 tmp_path_factory):
    """Box drag works, a click opens a work in lasso mode, and "select this cluster"
    rings its works on the map."""
    root = mapped_demo_workspace(demo_workspace, tmp_path_factory)
    with streamlit_server(root) as server:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{server.url}/map")
        page.locator(".js-plotly-plot").first.wait_for(timeout=90_000)
        wait_for_app(page)
        mode = "() => document.querySelector('.js-plotly-plot')._fullLayout.dragmode"

        page.get_by_text("box", exact=True).click()
        wait_for_app(page)
        page.locator(".js-plotly-plot").first.wait_for(timeout=30_000)
        assert page.locator("[data-testid='stException']").count() == 0
        assert page.evaluate(mode) == "select"
        page.get_by_text("lasso", exact=True).click()
        wait_for_app(page)
        page.wait_for_function(mode + " === 'lasso'", timeout=30_000)

        # A click (no drag) on a work in lasso mode shows it beside the map.
        x, y = page.evaluate(POINTS_JS, 0)["points"][0]
        page.mouse.move(x - 30, y)
        page.mouse.move(x, y, steps=5)
        page.wait_for_timeout(300)
        page.mouse.click(x, y)
        page.get_by_role("button", name="Open detail").wait_for(timeout=30_000)
        screenshot(page, "map-click-lasso")

        # "Select the N works of this cluster" rings them on the map.
        button = page.get_by_role("button", name="of this cluster on the map")
        n = int(button.inner_text().split()[2])
        button.click()
        wait_for_app(page)
        page.wait_for_function(
            "() => document.querySelector('.js-plotly-plot')._fullData"
            ".some(t => t.name.startsWith('◯ cluster'))", timeout=30_000)
        rings = page.evaluate("() => document.querySelector('.js-plotly-plot')._fullData"
                              ".find(t => t.name.startsWith('◯ cluster')).x.length")
        assert rings == n
        assert page.locator("[data-testid='stException']").count() == 0
        screenshot(page, "map-cluster-ringed")

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



def canvas_frame(page, rendered: int = 0):
    """The map canvas's frame, once it has drawn (more than ``rendered`` times)."""
    for _ in range(360):
        frame = next((f for f in page.frames if "artexplore_map" in f.url), None)
        if frame is not None and frame.evaluate(
                f"() => !!(window.artexploreMap && artexploreMap.rendered > {rendered})"):
            return frame
        page.wait_for_timeout(250)
    raise AssertionError("the map canvas did not draw")


def points(page, frame) -> list[tuple[float, float]]:
    """Page coordinates of every work on the canvas, in the map's row order."""
    box = page.locator("iframe[title*='artexplore_map']").bounding_box()
    return [(box["x"] + x, box["y"] + y) for x, y in frame.evaluate(
        "() => Array.from({length: artexploreMap.n}, (_, i) => artexploreMap.project(i))")]


def groups(frame) -> dict[int, list[int]]:
    """Rows per colour code."""
    codes = frame.evaluate("() => Array.from(artexploreMap.codes)")
    out: dict[int, list[int]] = {}
    for row, code in enumerate(codes):
        out.setdefault(code, []).append(row)
    return out


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
        frame = canvas_frame(page)
        wait_for_app(page)
        assert page.locator("[data-testid='stException']").count() == 0
        legend = frame.locator(".legend-item").evaluate_all("els => els.map(e => e.textContent)")
        assert len(legend) >= 2 and all("works" in t for t in legend)
        assert frame.evaluate("() => artexploreMap.n") == 204

        # The most compact cluster with at least 8 works.
        pos = points(page, frame)
        members = min((rows for rows in groups(frame).values() if len(rows) >= 8), key=lambda rows: (
            (max(pos[r][0] for r in rows) - min(pos[r][0] for r in rows))
            * (max(pos[r][1] for r in rows) - min(pos[r][1] for r in rows))))
        cluster = [pos[r] for r in members]

        # Hovering a work shows its painting and title, served as files.
        x, y = cluster[0]
        page.mouse.move(x - 40, y)
        page.mouse.move(x, y, steps=6)
        frame.wait_for_function(
            "() => { const t = document.querySelector('.tooltip'); return !t.hidden && "
            "t.querySelector('img').complete && t.querySelector('img').naturalWidth > 0 && "
            "t.querySelector('.title').textContent.length > 0; }", timeout=15_000)
        screenshot(page, "map-hover")

        # Hiding a group in the legend hides its works (no rerun: the browser does it).
        first = frame.locator(".legend-item").first
        first.click()
        assert "off" in first.get_attribute("class")
        assert frame.evaluate("() => artexploreMap.hidden.size") == 1
        frame.get_by_role("button", name="Show all").click()

        # A lasso around that cluster's points selects them (and maybe a few neighbours):
        # the mouse draws a rounded rectangle around their bounding box.
        frame.wait_for_function("() => artexploreMap.interactive", timeout=60_000)
        page.wait_for_timeout(500)
        frames = frame.evaluate("() => artexploreMap.frames")
        x0, x1 = min(p[0] for p in cluster) - 8, max(p[0] for p in cluster) + 8
        y0, y1 = min(p[1] for p in cluster) - 8, max(p[1] for p in cluster) + 8
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
        assert n_selected >= len(cluster)
        assert page.locator("[data-testid='stImage'] img").count() >= min(n_selected, 12)
        assert page.locator("[data-testid='stException']").count() == 0
        # The selected works are ringed on the canvas.
        frame.wait_for_function(f"() => artexploreMap.marked.length === {n_selected}",
                                timeout=30_000)
        # The rings are drawn on their own layer: the map itself is not drawn again (a
        # WebGL frame of a large collection costs seconds without a GPU).
        assert frame.evaluate("() => artexploreMap.frames") == frames
        ringed = frame.evaluate(
            "() => { const c = document.querySelector('canvas.rings');"
            " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
            " let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }")
        assert ringed > n_selected * 10
        shot = screenshot(page, "map-lasso")
        assert shot.stat().st_size > 20_000

        # The selection becomes a named selection other pages can use.
        page.get_by_placeholder("a name, e.g. 'blue nocturnes'").fill("first cluster")
        page.get_by_role("button", name="Save selection").click()
        page.get_by_text("Saved the selection").wait_for(timeout=30_000)
        ws = Workspace(root)
        assert "first cluster" in list_selections(ws)
        assert len(load_selection(ws, "first cluster")) == n_selected


def test_map_drag_modes_click_zoom_and_marked_cluster(browser, streamlit_server, demo_workspace,
                                                      tmp_path_factory):
    """Box drag selects, a click opens a work, zooming in shows the paintings, and
    "select this cluster" rings its works on the map."""
    root = mapped_demo_workspace(demo_workspace, tmp_path_factory)
    with streamlit_server(root) as server:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{server.url}/map")
        frame = canvas_frame(page)
        wait_for_app(page)

        page.get_by_text("box", exact=True).click()
        wait_for_app(page)
        frame.wait_for_function("() => artexploreMap.mode === 'box'", timeout=30_000)
        assert page.locator("[data-testid='stException']").count() == 0
        pos = points(page, frame)
        # A box around the left half of the map selects exactly the works drawn there.
        xs = sorted(p[0] for p in pos)
        cut = (xs[len(xs) // 2] + xs[len(xs) // 2 + 1]) / 2
        top, bottom = min(p[1] for p in pos) - 5, max(p[1] for p in pos) + 5
        inside = sum(1 for p in pos if p[0] < cut)
        page.mouse.move(min(xs) - 5, top)
        page.mouse.down()
        page.mouse.move(cut, bottom, steps=8)
        page.mouse.up()
        page.locator("strong", has_text="selected works").first.wait_for(timeout=60_000)
        text = page.locator("strong", has_text="selected works").first.inner_text()
        assert int(text.split()[0]) == inside

        page.get_by_text("lasso", exact=True).click()
        wait_for_app(page)
        frame.wait_for_function("() => artexploreMap.mode === 'lasso'", timeout=30_000)

        # A click (no drag) on a work in lasso mode shows it beside the map.
        x, y = pos[0]
        page.mouse.move(x - 30, y)
        page.mouse.move(x, y, steps=5)
        page.wait_for_timeout(300)
        page.mouse.click(x, y)
        page.get_by_role("button", name="Open detail").wait_for(timeout=30_000)
        screenshot(page, "map-click-lasso")

        # Zooming in turns the points into the paintings (atlas pages served as files).
        # deck.gl has taken over from the first picture by now: it pans and zooms.
        frame.wait_for_function("() => artexploreMap.interactive", timeout=60_000)
        assert frame.locator("canvas.preview").is_hidden()
        for _ in range(3):
            page.mouse.wheel(0, -250)
            page.wait_for_timeout(100)
        frame.wait_for_function(
            "() => artexploreMap.thumbs.length > 0 && [...artexploreMap.pages.values()]"
            ".some(v => typeof v === 'object')", timeout=30_000)
        screenshot(page, "map-zoomed-paintings")

        # "Select the N works of this cluster" rings them on the map.
        button = page.get_by_role("button", name="of this cluster on the map")
        n = int(button.inner_text().split()[2])
        button.click()
        wait_for_app(page)
        frame.wait_for_function(f"() => artexploreMap.marked.length === {n}", timeout=30_000)
        assert page.get_by_text("Ringed: cluster").count() >= 1
        assert page.locator("[data-testid='stException']").count() == 0
        screenshot(page, "map-cluster-ringed")


def test_map_works_before_and_without_webgl(browser, streamlit_server, demo_workspace,
                                            tmp_path_factory):
    """The first picture is drawn without deck.gl: when its module cannot load (or a
    browser has WebGL turned off) the works are still drawn, a click still opens one and
    the map says why it cannot pan or zoom."""
    root = mapped_demo_workspace(demo_workspace, tmp_path_factory)
    with streamlit_server(root) as server:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.route("**/deck-*.js", lambda route: route.abort())
        page.goto(f"{server.url}/map")
        frame = canvas_frame(page)
        wait_for_app(page)
        frame.wait_for_function("() => document.querySelector('.hint').textContent"
                                ".includes('cannot pan or zoom')", timeout=30_000)
        assert not frame.evaluate("() => artexploreMap.interactive")
        assert frame.locator("canvas.preview").is_visible()
        # The preview holds the points: some of its pixels are coloured.
        coloured = frame.evaluate(
            "() => { const c = document.querySelector('canvas.preview');"
            " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
            " let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }")
        assert coloured > 204 * 20
        x, y = points(page, frame)[0]
        page.mouse.move(x - 30, y)
        page.mouse.move(x, y, steps=5)
        page.mouse.click(x, y)
        page.get_by_role("button", name="Open detail").wait_for(timeout=30_000)
        assert page.locator("[data-testid='stException']").count() == 0
        screenshot(page, "map-without-webgl")

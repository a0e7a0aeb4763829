"""The curator's waits, timed in headless Chromium against ``streamlit run``.

``python -m bench.browser --workspace WS`` (a prepared demo: ``make demo``) copies the
workspace, starts the app on it and times, as a curator meets them:

- the Map page's first render in a fresh browser session;
- a lasso around a cluster until the gallery of the selected works is shown;
- "Select the N works of this cluster on the map" until the works are ringed;
- "Highlight a saved selection" → "Show it" until the selection is ringed;
- the first query with an uploaded image on the Neighbours page (a fresh session);
- the Labels page's "Where the model looks" overlay for another work.

``--map-only`` times the Map page alone, as issue 12 asks at 20k–1M works (workspaces
from ``bench.scale``): first render, a colour change (and the bytes it sends), a lasso
around 1 % of the works, a click on a work and a zoom until the paintings are drawn.

Each is repeated (median of 5 by default) and written to docs/BENCHMARKS.md next to the
figures the issue measured before the change, with their ratio. Needs Chromium
(``/usr/bin/chromium``) and Playwright.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from bench.common import REPO, machine, save_json, update_section

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
        "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
        "--disable-dev-shm-usage"]
# Seconds measured before the change (issue 14, the same 204-work demo, 2 cores).
BEFORE = {"shell_first_open": None, "map_first_open": (6.4, 10.6), "map_interactive": None, "lasso_gallery": 6.5, "select_cluster": 6.9,
          "saved_selection": 6.6, "upload_query": 15.2, "model_overlay": 5.2}
# The other pages, by URL path and title: each one's first render in a fresh session.
PAGES = {"collection": "Collection", "neighbours": "Neighbours", "exhibitions": "Exhibitions",
         "patches": "Patch inspector", "labels": "Labels", "features": "Features"}
FIRST_RENDERS = {"map_first_open", *(f"page_{p}" for p in PAGES)}  # aim ≤ 3 s
# The interactions (with a "before" figure): aim ≤ 1.5 s.
SCALE_NAMES = {"first_render": "Map, first render (fresh session)",
               "interactive": "Map, pan and zoom ready (deck.gl has drawn)",
               "colour_change": "colour change (cluster → a field)",
               "lasso_1pc": "lasso of 1 % of the works → gallery",
               "click": "click on a work → its panel",
               "zoom_paintings": "zoom until the paintings are drawn"}
NAMES = {"shell_first_open": "reference: the Jobs page, first render (fresh session)",
         "map_first_open": "Map, first render (fresh session)",
         "map_interactive": "Map, pan and zoom ready (deck.gl has drawn; same sessions)",
         "lasso_gallery": "lasso → gallery of the selection",
         "select_cluster": "\"select this cluster\" → ringed on the map",
         "saved_selection": "saved selection → ringed on the map",
         "upload_query": "first uploaded-image query (fresh session)",
         "model_overlay": "\"where the model looks\" overlay, another work",
         **{f"page_{p}": f"{title} page, first render (fresh session)"
            for p, title in PAGES.items()}}
BEFORE.update({f"page_{p}": None for p in PAGES})
IDLE = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
MAP_READY = ("() => { const f = [...document.querySelectorAll('iframe')].find(i => "
             "i.title.includes('artexplore_map')); return !!(f && f.contentWindow."
             "artexploreMap && f.contentWindow.artexploreMap.rendered); }")
MAP_INTERACTIVE = ("() => { const f = [...document.querySelectorAll('iframe')].find(i => "
                   "i.title.includes('artexplore_map')); return !!(f && f.contentWindow."
                   "artexploreMap && f.contentWindow.artexploreMap.interactive); }")
CANVAS = ("[...document.querySelectorAll('iframe')].find(i => i.title.includes('artexplore_map'))"
          ".contentWindow.artexploreMap")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(workspace: Path, log: Path) -> tuple[subprocess.Popen, str]:
    """``streamlit run serve.py`` on a free local port; returns the process and its URL."""
    port = _free_port()
    env = dict(os.environ, PYTHONPATH=str(REPO), PYTHONUNBUFFERED="1")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(REPO / "serve.py"), "--server.port",
         str(port), "--server.address", "127.0.0.1", "--server.headless", "true",
         "--browser.gatherUsageStats", "false", "--", "--workspace", str(workspace)],
        cwd=REPO, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(180):
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                return proc, url
        except OSError:
            if proc.poll() is not None:
                break
            time.sleep(0.5)
    proc.terminate()
    raise SystemExit(f"streamlit did not start; see {log}")


def until_idle(page, done_js: str | None = None, timeout: float = 180_000) -> None:
    """Wait until the script run has ended (and ``done_js`` holds, when given)."""
    page.wait_for_timeout(100)  # let the rerun start
    page.wait_for_function(IDLE if done_js is None else f"() => ({IDLE})() && ({done_js})",
                           timeout=timeout)


def timed(action: Callable[[], None], page, done_js: str | None = None) -> float:
    """Seconds from an action to the end of the rerun it caused."""
    t0 = time.perf_counter()
    action()
    until_idle(page, done_js)
    return time.perf_counter() - t0


def open_map(browser, url: str, received: list[int] | None = None,
             interactive: list[float] | None = None):
    """A fresh session on the Map page; returns (context, page, seconds to the map).

    The map is there when its points are drawn (the canvas's first picture) and the
    script run has ended. ``interactive`` collects the seconds until deck.gl has drawn
    too (pan and zoom work); ``received`` the size of every websocket message.
    """
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    if received is not None:
        page.on("websocket", lambda ws: ws.on(
            "framereceived", lambda payload: received.append(len(payload))))
    t0 = time.perf_counter()
    page.goto(f"{url}/map")
    page.wait_for_function(MAP_READY, timeout=600_000, polling=100)
    until_idle(page, timeout=600_000)
    seconds = time.perf_counter() - t0
    page.wait_for_function(MAP_INTERACTIVE, timeout=600_000, polling=100)
    # deck.gl's first frame is issued, not yet drawn: two more animation frames of the page
    # wait for the renderer (seconds in a software renderer at 100,000s of points).
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    if interactive is not None:
        interactive.append(time.perf_counter() - t0)
    return context, page, seconds


def open_page(browser, url: str, path: str, title: str) -> float:
    """Seconds until a page's title is shown and its first script run has ended (fresh session)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    t0 = time.perf_counter()
    page.goto(f"{url}/{path}")
    page.get_by_role("heading", name=title, exact=True).wait_for(timeout=180_000)
    until_idle(page)
    seconds = time.perf_counter() - t0
    context.close()
    return seconds


def canvas_box(page) -> dict:
    """Where the canvas is on the screen (scrolled into view first: centred, since the top of
    the page lies under Streamlit's fixed header, which would take a click meant for a work)."""
    frame = page.locator("iframe[title*='artexplore_map']")
    frame.evaluate("f => f.scrollIntoView({block: 'center'})")
    page.wait_for_timeout(150)
    return frame.bounding_box()


def draw_lasso(page, centre: tuple[float, float], rx: float, ry: float, n: int = 48) -> None:
    """Drag a closed lasso (a superellipse, close to its box) around a point of the page;
    the mouse button stays down (the timed action is its release)."""
    path = []
    for i in range(n):
        a = 2 * math.pi * i / n
        c, s = math.cos(a), math.sin(a)
        path.append((centre[0] + abs(c) ** 0.2 * math.copysign(1, c) * rx,
                     centre[1] + abs(s) ** 0.2 * math.copysign(1, s) * ry))
    page.mouse.move(*path[0])
    page.mouse.down()
    for point in path[1:] + path[:1]:
        page.mouse.move(*point, steps=2)


def lasso(page) -> None:
    """Draw a lasso around the most compact colour group of at least 8 works."""
    box = canvas_box(page)
    x0, x1, y0, y1 = page.evaluate(f"""() => {{
      const m = {CANVAS}; const groups = new Map();
      for (let i = 0; i < m.n; i++) {{
        const c = m.codes[i]; if (!groups.has(c)) groups.set(c, []); groups.get(c).push(i); }}
      let best = null;
      for (const rows of groups.values()) {{
        if (rows.length < 8) continue;
        const p = rows.map(r => m.project(r));
        const b = [Math.min(...p.map(q => q[0])), Math.max(...p.map(q => q[0])),
                   Math.min(...p.map(q => q[1])), Math.max(...p.map(q => q[1]))];
        if (!best || (b[1] - b[0]) * (b[3] - b[2]) < (best[1] - best[0]) * (best[3] - best[2]))
          best = b; }}
      return best; }}""")
    draw_lasso(page, (box["x"] + (x0 + x1) / 2, box["y"] + (y0 + y1) / 2),
               (x1 - x0) / 2 + 9, (y1 - y0) / 2 + 9)


def lasso_share(page, share: float = 0.01) -> int:
    """Lasso a disc holding ``share`` of the works (around a dense work); how many it holds."""
    box = canvas_box(page)
    cx, cy, r, k = page.evaluate(f"""(share) => {{
      const m = {CANVAS}; const n = m.n; const p = new Float32Array(2 * n);
      for (let i = 0; i < n; i++) {{ const q = m.project(i); p[2 * i] = q[0]; p[2 * i + 1] = q[1]; }}
      const k = Math.max(3, Math.round(share * n));
      let best = null;
      for (let t = 0; t < 8; t++) {{
        const c = Math.floor((t + 0.5) * n / 8);
        const d = new Float32Array(n);
        for (let i = 0; i < n; i++) d[i] = Math.hypot(p[2 * i] - p[2 * c], p[2 * i + 1] - p[2 * c + 1]);
        const r = d.slice().sort()[k - 1];
        if (!best || r < best[2]) best = [p[2 * c], p[2 * c + 1], r, k];
      }}
      return best; }}""", share)
    r = max(r + 2, 12)  # a smaller drag would be a click
    draw_lasso(page, (box["x"] + cx, box["y"] + cy), r, r, n=64)
    return k


def clear_selection(page) -> None:
    """Clear the map's selection."""
    button = page.get_by_role("button", name="Clear")
    if button.count():
        button.first.click()
        until_idle(page, f"{CANVAS}.marked.length === 0")


def map_interactions(browser, url: str, repeats: int) -> tuple[dict[str, list[float]], dict]:
    """Issue 12's Map figures: first render, colour change (+ bytes), lasso of 1 %, click, zoom."""
    times: dict[str, list[float]] = {k: [] for k in SCALE_NAMES}
    extra: dict = {"colour_bytes": []}
    for _ in range(repeats):
        context, page, seconds = open_map(browser, url, interactive=times["interactive"])
        times["first_render"].append(seconds)
        context.close()
    received: list[int] = []
    context, page, _ = open_map(browser, url, received)
    extra["n"] = page.evaluate(f"() => {CANVAS}.n")
    colours = page.get_by_label("Colour by", exact=True)
    for _ in range(repeats):
        key = page.evaluate(f"() => {CANVAS}.colourKey")
        target = "artist" if page.evaluate(f"() => {CANVAS}.legendTitle") == "style" else "style"
        received.clear()

        def recolour(target: str = target) -> None:
            colours.click()
            page.get_by_role("option", name=target, exact=True).click()
        times["colour_change"].append(timed(recolour, page, f"{CANVAS}.colourKey !== '{key}'"))
        extra["colour_bytes"].append(sum(received))
    for _ in range(repeats):
        lasso_share(page)
        times["lasso_1pc"].append(timed(
            page.mouse.up, page,
            f"{CANVAS}.marked.length > 0 && [...document.querySelectorAll('strong')]"
            ".some(e => e.innerText.endsWith('selected works'))"))
        extra.setdefault("lasso_sizes", []).append(page.evaluate(f"() => {CANVAS}.marked.length"))
        clear_selection(page)
    for i in range(repeats):
        box = canvas_box(page)
        x, y = page.evaluate(f"(i) => {CANVAS}.project(Math.floor((i + 0.5) * {CANVAS}.n / "
                             f"{repeats + 1}))", i)
        times["click"].append(timed(lambda x=x, y=y, box=box: page.mouse.click(box["x"] + x, box["y"] + y),
                                    page, "document.body.innerText.includes('Open detail')"))
    for i in range(repeats):
        box = canvas_box(page)
        page.mouse.dblclick(box["x"] + 5, box["y"] + 5)  # the whole map again
        page.wait_for_timeout(300)
        x, y = page.evaluate(f"(i) => {CANVAS}.project(Math.floor((i + 0.3) * {CANVAS}.n / "
                             f"{repeats + 1}))", i)

        def zoom(x=x, y=y, box=box) -> None:
            page.mouse.move(box["x"] + x, box["y"] + y)
            for _ in range(14):
                page.mouse.wheel(0, -250)
                page.wait_for_timeout(40)
                if page.evaluate(f"() => {CANVAS}.thumbs.length > 0"):
                    break
        times["zoom_paintings"].append(timed(
            zoom, page, f"{CANVAS}.thumbs.length > 0 && [...{CANVAS}.pages.values()]"
            ".some(v => typeof v === 'object')"))
    context.close()
    return times, extra


def measure(workspace: Path, repeats: int, image: Path) -> dict[str, list[float]]:
    """Run every timed interaction ``repeats`` times; seconds per interaction."""
    from playwright.sync_api import sync_playwright

    from artexplore.store import Workspace
    from artexplore.store.selections import save_selection

    ws = Workspace(workspace)
    save_selection(ws, "bench", [w["id"] for w in ws.works()[:20]], note="bench/browser.py")
    times: dict[str, list[float]] = {k: [] for k in NAMES}
    log = Path(tempfile.gettempdir()) / "bench-browser-streamlit.log"
    proc, url = start_app(workspace, log)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for _ in range(repeats):
                context, page, seconds = open_map(browser, url,
                                                  interactive=times["map_interactive"])
                times["map_first_open"].append(seconds)
                context.close()
                # The reference: Streamlit's own shell, a page with almost nothing on it.
                times["shell_first_open"].append(open_page(browser, url, "jobs", "Jobs"))
                for path, title in PAGES.items():
                    times[f"page_{path}"].append(open_page(browser, url, path, title))
            context, page, _ = open_map(browser, url)
            for _ in range(repeats):
                lasso(page)
                times["lasso_gallery"].append(timed(
                    page.mouse.up, page,
                    "[...document.querySelectorAll('strong')].some(e => "
                    "e.innerText.endsWith('selected works'))"))
                clear_selection(page)
            ringed = f"{CANVAS}.marked.length > 0"
            for _ in range(repeats):
                button = page.get_by_role("button", name="of this cluster on the map").first
                times["select_cluster"].append(timed(button.click, page, ringed))
                clear_selection(page)
            page.get_by_text("Highlight a saved selection").first.click()
            until_idle(page)
            ringed = f"{CANVAS}.marked.length === 20"
            for _ in range(repeats):
                go = page.get_by_role("button", name="Show it").first
                times["saved_selection"].append(timed(go.click, page, ringed))
                clear_selection(page)
                page.get_by_text("Highlight a saved selection").first.click()
                until_idle(page)
            context.close()
            for _ in range(repeats):
                context = browser.new_context(viewport={"width": 1400, "height": 1000})
                page = context.new_page()
                page.goto(f"{url}/neighbours")
                page.get_by_role("heading", name="Neighbours").wait_for(timeout=180_000)
                until_idle(page)
                page.get_by_text("An uploaded image", exact=True).click()
                until_idle(page)
                chooser = page.locator("[data-testid='stFileUploader'] input[type=file]")
                times["upload_query"].append(timed(
                    lambda: chooser.set_input_files(str(image)), page,  # noqa: B023
                    "document.body.innerText.includes('most similar works')"))
                context.close()
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            page = context.new_page()
            page.goto(f"{url}/labels")
            page.get_by_role("heading", name="Labels").wait_for(timeout=180_000)
            until_idle(page)
            page.get_by_text("Where the model looks", exact=True).click()
            until_idle(page)
            for k in range(repeats):
                box = page.get_by_label("Work", exact=True)

                def pick(k: int = k, box=box) -> None:
                    box.click()
                    page.get_by_role("option").nth(k + 1).click()
                times["model_overlay"].append(timed(pick, page))
            context.close()
            browser.close()
    finally:
        proc.terminate()
        proc.wait(20)
    return times


def report(times: dict[str, list[float]], repeats: int) -> str:
    """The BENCHMARKS.md section."""
    rows = []
    for key, name in NAMES.items():
        values = times[key]
        if not values:
            continue
        med = statistics.median(values)
        before = BEFORE[key]
        if before is None:  # a reference, not an interaction of the issue
            rows.append(f"| {name} | – | {med:.2f} | {min(values):.2f}–{max(values):.2f} | – |")
            continue
        ref = statistics.mean(before) if isinstance(before, tuple) else before
        shown = f"{before[0]}–{before[1]}" if isinstance(before, tuple) else f"{before}"
        rows.append(f"| {name} | {shown} | {med:.2f} | {min(values):.2f}–{max(values):.2f} "
                    f"| {med / ref:.2f} |")
    return "\n".join([
        "## The curator's waits in a browser (issue 14)",
        "",
        f"`python -m bench.browser --workspace WS` on the 204-work demo (`make demo`); headless "
        f"Chromium (Playwright) against `streamlit run`, median of {repeats}. Machine: "
        f"{machine()}; load average {os.getloadavg()[0]:.1f} at the end (the issue's figures "
        "and the first run of this benchmark came from a loaded machine: compare ratios there). "
        "\"Before\" are the seconds the issue measured on the same demo; ratio = median now / "
        "before (the mean of a range).",
        "",
        "| interaction | before (s) | now, median (s) | range (s) | ratio |",
        "|---|---:|---:|---:|---:|",
        *rows,
        "",
        "Each time runs from the action to the end of the rerun it causes (no status widget, the "
        "result on the page); the lasso's runs from the release of the mouse button. A first "
        "render runs from the address typed to the page's title shown and its first script run "
        "ended; for the Map, also its points drawn: the canvas's first picture, a plain 2-D "
        "canvas drawn as soon as the coordinates arrive. deck.gl (a separate module, loaded "
        "meanwhile) then takes over for pan, zoom and the paintings: the row after it. "
        + verdict(times),
    ])


def verdict(times: dict[str, list[float]]) -> str:
    """What the figures say of issue 14's aim (≤ 1.5 s per interaction, ≤ 3 s first render)."""
    slow = [NAMES[key] for key, values in times.items() if values
            and (key in FIRST_RENDERS or BEFORE.get(key))
            and statistics.median(values) > (3.0 if key in FIRST_RENDERS else 1.5)]
    if not slow:
        return "The aim of issue 14 (≤ 1.5 s per interaction, ≤ 3 s first render) is **met**."
    return ("The aim of issue 14 (≤ 1.5 s per interaction, ≤ 3 s first render) is **not met** "
            f"for: {'; '.join(slow)}. Of its time, Streamlit's own shell in a fresh browser "
            "session takes what the reference row says; the rest is the page's elements and "
            "the canvas's first picture.")


def report_scale(label: str, times: dict[str, list[float]], extra: dict, repeats: int) -> str:
    """Rows of the scale section's browser table for one workspace."""
    rows = []
    for key, name in SCALE_NAMES.items():
        values = times[key]
        if values:
            rows.append(f"| {label} | {name} | {statistics.median(values):.2f} | "
                        f"{min(values):.2f}–{max(values):.2f} |")
    kb = statistics.median(extra["colour_bytes"]) / 1024 if extra["colour_bytes"] else float("nan")
    rows.append(f"| {label} | bytes received per colour change | {kb:,.0f} KB | "
                f"{min(extra['colour_bytes']) / 1024:,.0f}–{max(extra['colour_bytes']) / 1024:,.0f} KB |")
    sizes = extra.get("lasso_sizes") or [0]
    rows.append(f"| {label} | works in each 1 % lasso | {int(statistics.median(sizes)):,} | "
                f"{min(sizes):,}–{max(sizes):,} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workspace", type=Path, required=True,
                        help="a prepared demo workspace (copied, never changed)")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--write", action="store_true", help="update docs/BENCHMARKS.md")
    parser.add_argument("--map-only", action="store_true",
                        help="time the Map page alone (issue 12's figures), in place")
    parser.add_argument("--label", default="", help="the row label with --map-only (e.g. 100k)")
    args = parser.parse_args(argv)
    if args.map_only:
        from playwright.sync_api import sync_playwright

        log = Path(tempfile.gettempdir()) / "bench-browser-map.log"
        proc, url = start_app(args.workspace, log)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                times, extra = map_interactions(browser, url, args.repeats)
                browser.close()
        finally:
            proc.terminate()
            proc.wait(20)
        label = args.label or f"{extra['n']:,} works"
        save_json(f"browser-map-{label}", {"times": times, **extra})
        print(report_scale(label, times, extra, args.repeats))
        return
    image = next((REPO / "assets" / "demo" / "images").rglob("*.jpg"))
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "ws"
        shutil.copytree(args.workspace, copy)
        times = measure(copy, args.repeats, image)
    save_json("browser", times)
    text = report(times, args.repeats)
    print(text)
    if args.write:
        update_section("browser", text)


if __name__ == "__main__":
    main()

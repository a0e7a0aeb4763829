"""Shared fixtures: workspaces, synthetic images, a Streamlit server, a headless browser."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "assets" / "demo"
ARTIFACTS = REPO / ".artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
BROWSER_ARGS = ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
                "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--disable-dev-shm-usage"]


# -- images and workspaces ------------------------------------------------------------------
def stripes(size: tuple[int, int] = (96, 128), period: int = 8, angle: str = "v",
            colors: tuple[tuple[int, int, int], ...] = ((20, 20, 20), (230, 220, 200)),
            ) -> np.ndarray:
    """A striped RGB test image (height, width, 3) uint8."""
    h, w = size
    yy, xx = np.mgrid[0:h, 0:w]
    coord = xx if angle == "v" else yy if angle == "h" else xx + yy
    index = (coord // period) % len(colors)
    return np.asarray(colors, dtype=np.uint8)[index]


def noise(size: tuple[int, int] = (96, 128), seed: int = 0) -> np.ndarray:
    """Uniform RGB noise (height, width, 3) uint8."""
    return np.random.default_rng(seed).integers(0, 256, (*size, 3), dtype=np.uint8)


def save(arr: np.ndarray, path: Path, **kwargs) -> Path:
    """Save an array as an image file (format from the suffix unless given)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.fromarray(arr).save(path, **kwargs)
    return path


@pytest.fixture
def make_collection(tmp_path: Path):
    """Build a small folder of distinct synthetic images; returns (folder, metadata csv)."""
    def build(n: int = 6, *, name: str = "collection") -> tuple[Path, Path]:
        folder = tmp_path / name
        rows = ["path,artist,title,year,style"]
        for i in range(n):
            arr = stripes(period=4 + 2 * i, angle="vhd"[i % 3],
                          colors=((i * 30 % 256, 40, 90), (240, 200 - i * 10, 120)))
            rel = f"{'ab'[i % 2]}/work_{i:02d}.png"
            save(arr, folder / rel)
            rows.append(f"{rel},Artist {i % 3},Title {i},{1800 + i},{'style' + str(i % 2)}")
        meta = tmp_path / f"{name}.csv"
        meta.write_text("\n".join(rows) + "\n")
        return folder, meta
    return build


@pytest.fixture(scope="session")
def demo_workspace(tmp_path_factory) -> Path:
    """A workspace holding the ingested demo collection (read-only for tests)."""
    from artexplore.ingest.folder import ingest
    from artexplore.store import Workspace

    root = tmp_path_factory.mktemp("demo-ws")
    ws = Workspace(root, create=True)
    ingest(ws, DEMO / "images", metadata=DEMO / "metadata.csv")
    return root


# -- app and browser ------------------------------------------------------------------------
def free_port() -> int:
    """A TCP port nothing listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class StreamlitServer:
    """``streamlit run serve.py`` (the app and its map file routes) on a free port."""

    def __init__(self, workspace: Path) -> None:
        self.workspace = workspace
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None
        self.log = ARTIFACTS / f"streamlit-{self.port}.log"

    def __enter__(self) -> StreamlitServer:
        ARTIFACTS.mkdir(exist_ok=True)
        env = dict(os.environ, PYTHONPATH=str(REPO), PYTHONUNBUFFERED="1")
        self._logfile = open(self.log, "wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(REPO / "serve.py"),
             "--server.port", str(self.port), "--server.address", "127.0.0.1",
             "--server.headless", "true", "--browser.gatherUsageStats", "false",
             "--", "--workspace", str(self.workspace)],
            cwd=REPO, env=env, stdout=self._logfile, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return self
            except OSError:
                pass
            if self.proc.poll() is not None:
                break
            time.sleep(0.5)
        self.__exit__()
        raise RuntimeError(f"streamlit did not start; see {self.log}")

    def __exit__(self, *exc) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self._logfile.close()


@pytest.fixture
def browser():
    """A headless Chromium (Playwright) browser; skips when Chromium is not installed."""
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (make test installs it: apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
        try:
            yield b
        finally:
            b.close()


def screenshot(page, name: str) -> Path:
    """Save a screenshot under ``.artifacts/screenshots`` and return its path."""
    out = ARTIFACTS / "screenshots" / f"{name}.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(out), full_page=False)
    return out


def wait_for_app(page, timeout: float = 60_000) -> None:
    """Wait until Streamlit finished running the script (no spinner, no 'Running…')."""
    page.wait_for_selector("[data-testid='stApp']", timeout=timeout)
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')",
        timeout=timeout)
    page.wait_for_timeout(500)


@pytest.fixture
def streamlit_server() -> Iterator[type[StreamlitServer]]:
    """The :class:`StreamlitServer` class (use it as a context manager)."""
    yield StreamlitServer


# -- a small labelled collection (labels tests) -------------------------------------------------
LABEL_STYLES = {"Red": ((200, 40, 30), (250, 200, 180)), "Blue": ((20, 40, 180), (170, 200, 250)),
                "Green": ((30, 150, 40), (200, 240, 190))}


@pytest.fixture(scope="session")
def labels_template(tmp_path_factory) -> Path:
    """A workspace of 39 synthetic paintings in three colour 'styles' (12 works each) and a
    'Rare' style of 3 works, with `color` features; 6 works have an empty style.

    Read-only: tests that change it use :func:`labels_workspace`.
    """
    from artexplore.features import embed
    from artexplore.ingest.folder import ingest
    from artexplore.store import Workspace

    root = tmp_path_factory.mktemp("labels")
    folder = root / "images"
    rows = ["path,artist,title,style"]
    for s, (style, colors) in enumerate({**LABEL_STYLES,
                                         "Rare": ((120, 120, 120), (20, 20, 20))}.items()):
        for i in range(12 if style != "Rare" else 3):
            arr = stripes(size=(72 + 4 * i, 96), period=4 + (i % 4) * 3, angle="vhd"[i % 3],
                          colors=colors)
            rel = f"{style}/{style.lower()}_{i:02d}.png"
            save(arr, folder / rel)
            label = "" if style != "Rare" and i >= 10 else style
            rows.append(f"{rel},Painter {s}{i % 2},{style} {i},{label}")
    meta = root / "metadata.csv"
    meta.write_text("\n".join(rows) + "\n")
    ws = Workspace(root / "ws", create=True)
    ingest(ws, folder, metadata=meta)
    embed(ws, "color")
    return root / "ws"


@pytest.fixture
def labels_workspace(labels_template: Path, tmp_path: Path) -> Path:
    """A private copy of :func:`labels_template` that a test may change."""
    dest = tmp_path / "ws"
    shutil.copytree(labels_template, dest)
    return dest


@pytest.fixture
def one_thread():
    """Run torch and BLAS on one thread during a test.

    On an oversubscribed machine (the shared test box), two BLAS threads on tiny
    matrices can be a hundred times slower than one.
    """
    import torch
    from threadpoolctl import threadpool_limits

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    with threadpool_limits(1):
        yield
    torch.set_num_threads(before)


@pytest.fixture
def sent_images(monkeypatch) -> list[np.ndarray]:
    """Every image an AppTest page sends to the browser, decoded to RGB arrays, in order."""
    import io

    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    sent: list[np.ndarray] = []
    original = MemoryMediaFileStorage.load_and_get_id

    def record(self, data, mimetype, *args, **kwargs):
        if isinstance(data, bytes) and mimetype.startswith("image/"):
            sent.append(np.asarray(Image.open(io.BytesIO(data)).convert("RGB")))
        return original(self, data, mimetype, *args, **kwargs)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", record)
    return sent

"""The cores `embed` gives its model: those the machine leaves free now, not a minute ago."""

from __future__ import annotations

import builtins
import multiprocessing as mp
import os
import time

import pytest

from artexplore.features import loader


def _spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


@pytest.mark.skipif(not os.path.exists("/proc/stat"), reason="reads /proc/stat (Linux)")
def test_busy_cores_are_seen_when_they_start_not_a_minute_later():
    loader._busy_seen = None
    before = loader.busy_cores_now(0.3)
    spinners = [mp.get_context("fork").Process(target=_spin, args=(3.0,))
                for _ in range(min(2, os.cpu_count() or 1))]
    for p in spinners:
        p.start()
    try:
        time.sleep(0.3)
        loader._busy_seen = None
        during = loader.busy_cores_now(0.5)
        loader._busy_seen = None
        free_during = loader.free_cores()
    finally:
        for p in spinners:
            p.join()
    assert before is not None and during is not None
    assert during >= before + 0.8 * len(spinners) - 0.3
    assert free_during <= max(1, loader.available_cores() - len(spinners) + 1)


def test_without_proc_stat_the_load_average_decides(monkeypatch):
    real_open = builtins.open

    def no_proc_stat(path, *args, **kwargs):
        if str(path) == "/proc/stat":
            raise OSError("not here")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", no_proc_stat)
    monkeypatch.setattr(loader, "_busy_seen", None)
    monkeypatch.setattr(os, "getloadavg", lambda: (float(os.cpu_count() or 1), 0.0, 0.0))
    assert loader.busy_cores_now() is None
    assert loader.free_cores() == 1  # every core busy by the load average


def test_an_uploaded_query_runs_the_model_on_one_thread(monkeypatch, tmp_path):
    """A query image is embedded while the page is being drawn: one model thread, so it
    does not spin against the browser for the same cores; torch's setting is restored."""
    import importlib
    import io

    import numpy as np
    import torch
    from PIL import Image

    neighbours = importlib.import_module("artexplore.search.neighbours")
    from artexplore.store import Workspace

    seen = []

    def fake_transform(ws, name, images):
        seen.append(torch.get_num_threads())
        return np.ones((len(images), 4), dtype=np.float32)

    monkeypatch.setattr(neighbours, "transform_images", fake_transform)
    buf = io.BytesIO()
    Image.new("RGB", (32, 32), (200, 30, 30)).save(buf, format="PNG")
    before = torch.get_num_threads()
    row = neighbours.embed_image(Workspace(tmp_path / "ws", create=True), "default",
                                 buf.getvalue())
    assert seen == [1] and row.shape == (4,)
    assert torch.get_num_threads() == before

"""The patches stage: storage contract, incremental runs, physical scale, CLI, kill and resume."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import numpy as np
import pytest
from local_fixtures import demo_copy
from typer.testing import CliRunner

from artexplore.cli import app
from artexplore.ingest.folder import ingest
from artexplore.local import (
    ARRAYS,
    compute_patches,
    current_config,
    load_patches,
    patches_of_work,
)
from artexplore.local.patches import PatchConfig
from artexplore.store import Workspace
from conftest import REPO

runner = CliRunner()


@pytest.fixture
def small_ws(make_collection, tmp_path) -> Workspace:
    folder, meta = make_collection(6)
    ws = Workspace(tmp_path / "ws", create=True)
    ingest(ws, folder, metadata=meta)
    return ws


def test_stored_arrays_follow_the_contract(small_ws):
    result = compute_patches(small_ws)
    assert result["computed"] == 6 and result["failed"] == 0 and result["works"] == 6
    stored = small_ws.arrays.load("patches", "default")
    assert set(ARRAYS) <= set(stored.arrays)
    n = len(stored)
    assert n == 6 and stored.params["fingerprint"] == PatchConfig().fingerprint()
    expect = {"coords": ((n, 5, 2), np.int32), "scores": ((n, 5), np.float32),
              "dog": ((n, 5, 64, 64), np.uint8), "color": ((n, 5, 64, 64, 3), np.uint8),
              "work_shape": ((n, 2), np.int32), "window_scores": ((n, 31, 31), np.float32),
              "grid_shape": ((n, 2), np.int32), "physical": ((n,), np.bool_)}
    for key, (shape, dtype) in expect.items():
        assert stored[key].shape == shape and stored[key].dtype == dtype, key
    # The stored row of a work is what the method gives on that work, and coordinates
    # are inside the working image (96 × 128 synthetic images: 2 × 3 windows).
    work = small_ws.works()[0]
    row = int(np.flatnonzero(stored.ids == work["id"])[0])
    again = patches_of_work(small_ws, work, PatchConfig())
    assert np.array_equal(stored["coords"][row], again.coords)
    assert np.array_equal(stored["dog"][row], again.dog)
    assert stored["work_shape"][row].tolist() == [96, 128]
    assert stored["grid_shape"][row].tolist() == [2, 3]
    assert np.isnan(stored["window_scores"][row][2:]).all()
    assert (stored["coords"][row] + 64 <= stored["work_shape"][row]).all()


def test_runs_are_incremental_and_parameters_keyed(small_ws):
    first = compute_patches(small_ws)
    again = compute_patches(small_ws)
    assert again["computed"] == 0 and again["already"] == 6
    other = compute_patches(small_ws, PatchConfig(seed=3, n=3))
    assert other["computed"] == 6 and other["fingerprint"] != first["fingerprint"]
    assert current_config(small_ws) == PatchConfig(seed=3, n=3)
    assert small_ws.arrays.load("patches", "default")["coords"].shape[1] == 3
    # The earlier parameters are kept: switching back recomputes nothing.
    back = compute_patches(small_ws)
    assert back["computed"] == 0 and current_config(small_ws) == PatchConfig()


def test_physical_scale_mode_with_and_without_dimensions(small_ws):
    works = small_ws.works()
    small_ws.set_metadata(works[0]["id"], width_cm=20.0, height_cm=15.0)
    small_ws.set_metadata(works[1]["id"], width_cm=40.0)
    result = compute_patches(small_ws, PatchConfig(cm_per_patch=5))
    assert result["flags"].get("no-dimensions") == 4
    ps = load_patches(small_ws)
    physical = dict(zip(ps.ids, ps["physical"], strict=True))
    flags = dict(zip(ps.ids, ps["flags"], strict=True))
    assert physical[works[0]["id"]] and physical[works[1]["id"]]
    assert not any(physical[w["id"]] for w in works[2:])
    assert all("no-dimensions" in flags[w["id"]] for w in works[2:])
    shapes = dict(zip(ps.ids, ps["work_shape"].tolist(), strict=True))
    # 20 × 15 cm at 12.8 px/cm is 256 × 192 px; 40 cm wide (128 px image) is 512 × 384.
    assert shapes[works[0]["id"]] == [192, 256]
    assert shapes[works[1]["id"]] == [384, 512]
    assert shapes[works[2]["id"]] == [96, 128]  # pixel fallback: never upscaled


def test_an_unreadable_file_is_counted_not_fatal(small_ws):
    work = small_ws.works()[2]
    small_ws.image_path(work).write_bytes(b"not an image any more")
    result = compute_patches(small_ws)
    assert result["computed"] == 5 and result["failed"] == 1
    assert work["path"] in result["failures"][0]


def test_cli_patches_and_export(small_ws, tmp_path):
    ws = str(small_ws.root)
    out = runner.invoke(app, ["patches", "--workspace", ws, "--seed", "2", "--n", "4"])
    assert out.exit_code == 0, out.output
    summary = json.loads(out.output.strip().splitlines()[-1])
    assert summary["computed"] == 6 and summary["fingerprint"] == PatchConfig(
        seed=2, n=4).fingerprint()
    target = tmp_path / "patches.npz"
    out = runner.invoke(app, ["export", "--workspace", ws, "--patches", "--out", str(target)])
    assert out.exit_code == 0, out.output
    data = np.load(target)
    assert sorted(data.files) == ["coords", "dog", "work_path", "work_shape"]
    assert data["work_path"].tolist() == sorted(w["path"] for w in small_ws.works())
    assert data["coords"].shape == (6, 4, 2) and data["coords"].dtype == np.int32
    assert data["dog"].shape == (6, 4, 64, 64) and data["dog"].dtype == np.uint8
    assert data["work_shape"].tolist() == [[96, 128]] * 6
    jobs = small_ws.catalog.query("SELECT kind, status FROM jobs WHERE kind='patches'")
    assert [tuple(j) for j in jobs] == [("patches", "done")]


def test_cli_errors_are_clear(small_ws, tmp_path):
    ws = str(small_ws.root)
    out = runner.invoke(app, ["export", "--workspace", ws, "--patches", "--out",
                              str(tmp_path / "x.npz")])
    assert out.exit_code == 1 and "artexplore patches --workspace" in out.output
    out = runner.invoke(app, ["patches", "--workspace", ws, "--top", "1.5"])
    assert out.exit_code == 1 and "top must be in (0, 1], got 1.5" in out.output
    out = runner.invoke(app, ["patches", "--workspace", ws, "--sigma1", "6"])
    assert out.exit_code == 1 and "sigma1" in out.output


def test_kill_during_a_run_then_resume(demo_workspace, tmp_path):
    root = demo_copy(demo_workspace, tmp_path / "ws")
    ws = Workspace(root)
    total = len(ws.works())
    folder = ws.arrays.folder("patches", "default", PatchConfig().fingerprint())
    cmd = [sys.executable, "-m", "artexplore", "patches", "--workspace", str(root),
           "--batch-size", "2", "--workers", "1"]
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(REPO)})
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if folder.exists() and len(list(folder.glob("part-*.npz"))) >= 3:
            break
        time.sleep(0.005)
    assert proc.poll() is None, "the run ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(30)
    done_before = ws.arrays.done_ids("patches", "default", PatchConfig().fingerprint())
    assert 0 < len(done_before) < total
    killed = ws.catalog.query("SELECT id FROM jobs WHERE kind='patches'")[0]["id"]
    from artexplore.jobs import get_job

    assert get_job(ws, killed).status == "interrupted"

    out = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=300,
                         env={**os.environ, "PYTHONPATH": str(REPO)})
    assert out.returncode == 0, out.stderr
    summary = json.loads(out.stdout.strip().splitlines()[-1])
    assert summary["already"] == len(done_before)
    assert summary["computed"] == total - len(done_before)
    ps = load_patches(ws)
    assert len(ps) == total == len(set(ps.ids.tolist()))
    assert set(done_before) <= set(ps.ids.tolist())
    # Rows written before the kill are intact: equal to a fresh computation.
    some = sorted(done_before)[0]
    fresh = patches_of_work(ws, ws.work(some), PatchConfig())
    assert np.array_equal(ps["dog"][ps.row(some)], fresh.dog)


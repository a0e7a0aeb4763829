"""Hardening (issue 13): hostile and damaged files — workspace files, images, special files.

Each test reproduces a failure found by the probes and checks what a user sees now.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from artexplore.cli import app
from artexplore.store.arrays import ArrayStore
from artexplore.store.catalog import Catalog

runner = CliRunner()


def _store(tmp_path: Path) -> ArrayStore:
    store = ArrayStore(tmp_path / "arrays", Catalog(tmp_path / "catalog.sqlite"))
    store.register("features", "f", "fp1", {})
    return store


def _one_error_line(result) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines()
             if line.strip() and not line.startswith(("device:", "WARNING"))]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


# -- 3: interrupted compaction -------------------------------------------------------------
def test_compaction_killed_midway_leaves_the_set_readable(tmp_path, monkeypatch):
    store = _store(tmp_path)
    store.append("features", "f", "fp1", ["a", "b"], X=np.ones((2, 3)), Y=np.zeros((2, 1)))
    store.append("features", "f", "fp1", ["c"], X=np.full((1, 3), 2.0), Y=np.ones((1, 1)))
    real_save, calls = np.save, []

    def killed(*args, **kwargs):  # the process dies after writing ids.npy and X.npy
        calls.append(args[0])
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real_save(*args, **kwargs)

    monkeypatch.setattr(np, "save", killed)
    with pytest.raises(KeyboardInterrupt):
        store.compact("features", "f")
    monkeypatch.setattr(np, "save", real_save)

    stored = store.load("features", "f")  # was: "parts without 'Y'"
    assert sorted(stored.ids.tolist()) == ["a", "b", "c"]
    assert set(stored.arrays) == {"X", "Y"}
    assert store.done_ids("features", "f", "fp1") == {"a", "b", "c"}

    store.compact("features", "f")
    folder = store.folder("features", "f", "fp1")
    assert [p.name.split("-")[0] for p in store._parts(folder)] == ["merged"]
    leftovers = [p for p in folder.iterdir() if p.name.startswith(".tmp-")]
    assert leftovers, "a recent leftover may be another process's write: kept"
    for p in leftovers:
        os.utime(p, (time.time() - 7200, time.time() - 7200))
    store.append("features", "f", "fp1", ["d"], X=np.ones((1, 3)), Y=np.ones((1, 1)))
    store.compact("features", "f")
    assert not [p for p in folder.iterdir() if p.name.startswith(".tmp-")]
    assert len(store.load("features", "f")) == 4


def test_a_temporary_merged_folder_of_an_older_version_is_not_a_part(tmp_path):
    store = _store(tmp_path)
    store.append("features", "f", "fp1", ["a"], X=np.ones((1, 3)), Y=np.ones((1, 1)))
    left = store.folder("features", "f", "fp1") / "merged-00000000000000000001-abcd1234.tmp"
    left.mkdir()
    np.save(left / "ids.npy", np.asarray(["a"]))
    assert set(store.load("features", "f").arrays) == {"X", "Y"}


def test_newer_parts_win_over_an_older_merged_folder(tmp_path):
    store = _store(tmp_path)
    store.append("features", "f", "fp1", ["a"], X=np.zeros((1, 2)))
    store.compact("features", "f")  # merged folder
    store.append("features", "f", "fp1", ["a"], X=np.ones((1, 2)))  # recomputed later
    assert store.load("features", "f")["X"].tolist() == [[1.0, 1.0]]


# -- 12: truncated arrays and a damaged catalogue ------------------------------------------
def test_truncated_array_is_one_line_and_embed_recomputes_it(labels_workspace):
    ws = str(labels_workspace)
    merged = next(labels_workspace.glob("arrays/features/color/*/merged-*/X.npy"))
    with open(merged, "r+b") as fh:
        fh.truncate(merged.stat().st_size // 2)
    out = str(labels_workspace / "x.npz")
    line = _one_error_line(runner.invoke(app, ["export", "-w", ws, "--features", "color",
                                               "-o", out]))
    assert "is damaged" in line and "artexplore embed" in line
    result = runner.invoke(app, ["embed", "-w", ws, "-e", "color"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["computed"] == 39 and summary["already"] == 0
    assert runner.invoke(app, ["export", "-w", ws, "--features", "color", "-o", out]).exit_code == 0
    assert np.load(out)["X"].shape[0] == 39


def test_truncated_part_file_is_moved_aside_and_recomputed(tmp_path):
    store = _store(tmp_path)
    store.append("features", "f", "fp1", ["a", "b"], X=np.ones((2, 3)))
    part = store.append("features", "f", "fp1", ["c"], X=np.ones((1, 3)))
    part.write_bytes(part.read_bytes()[:100])
    assert store.count("features", "f") == 2  # counting changes nothing
    assert part.exists()
    assert store.done_ids("features", "f", "fp1") == {"a", "b"}  # resuming repairs
    assert not part.exists() and part.with_name("damaged-" + part.name).exists()


def test_damaged_catalogue_is_one_line_and_ingest_rebuilds_it(labels_workspace,
                                                              labels_template):
    ws = str(labels_workspace)
    folder = labels_template.parent / "images"
    meta = labels_template.parent / "metadata.csv"
    db = labels_workspace / "catalog.sqlite"
    for extra in labels_workspace.glob("catalog.sqlite-*"):
        extra.unlink()
    db.write_bytes(os.urandom(4096))
    line = _one_error_line(runner.invoke(app, ["info", "-w", ws]))
    assert "is damaged" in line and "artexplore ingest" in line
    rebuilt = runner.invoke(app, ["ingest", str(folder), "-w", ws, "-m", str(meta)])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert list(labels_workspace.glob("catalog.sqlite.damaged-*"))
    again = runner.invoke(app, ["embed", "-w", ws, "-e", "color"])
    assert json.loads(again.stdout.strip().splitlines()[-1])["already"] == 39


def test_read_only_commands_work_while_another_process_writes(labels_workspace, monkeypatch):
    monkeypatch.setattr(Catalog, "busy_timeout_s", 0.5)
    ws = str(labels_workspace)
    runner.invoke(app, ["cluster", "-w", ws, "-f", "color", "-m", "kmeans", "--k", "3"])
    writer = sqlite3.connect(labels_workspace / "catalog.sqlite", isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    writer.execute("UPDATE meta SET value=value WHERE key='schema_version'")
    try:
        for args in (["info"], ["features"], ["runs"], ["jobs", "list"]):
            result = runner.invoke(app, [*args, "-w", ws])
            assert result.exit_code == 0, (args, result.output)
        out = str(labels_workspace / "x.npz")
        assert runner.invoke(app, ["export", "-w", ws, "--features", "color",
                                   "-o", out]).exit_code == 0
        line = _one_error_line(runner.invoke(app, ["map", "-w", ws, "-f", "color"]))
        assert "locked by another process" in line
    finally:
        writer.execute("ROLLBACK")
        writer.close()


# -- 4: tiny files that decode to gigabytes --------------------------------------------------
def grey16_png(path: Path, side: int) -> Path:
    """A 16-bit grey PNG of side² pixels, written row by row (a few hundred KB on disk)."""
    import struct
    import zlib

    def chunk(tag: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + tag + data
                + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF))

    comp, row = zlib.compressobj(9), b"\x00" + b"\x12\x34" * side
    body = b"".join(comp.compress(row) for _ in range(side)) + comp.flush()
    header = struct.pack(">IIBBBBB", side, side, 16, 0, 0, 0, 0)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body)
                     + chunk(b"IEND", b""))
    return path


_PEAK = """
import json, resource, sys
from pathlib import Path
def peak():
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) * 1024
stage, ws, bomb = sys.argv[1], sys.argv[2], Path(sys.argv[3])
import torch  # noqa: F401  (imported before the baseline: embed needs it)
from artexplore.store import Workspace
from artexplore.ingest.folder import ingest
from artexplore.features import embed
from artexplore.local.stage import compute_patches
from artexplore.search.neighbours import query_image
from artexplore.errors import ImageLoadError
before = peak()
out = {}
if stage == "ingest":
    out = ingest(Workspace(ws, create=True), bomb.parent).to_dict()
elif stage == "embed":
    out = embed(Workspace(ws), "color", num_workers=0)
elif stage == "patches":
    out = compute_patches(Workspace(ws), workers=1)
elif stage == "upload":
    try:
        out = {"shape": list(query_image(bomb.read_bytes(), name="upload").shape)}
    except ImageLoadError as exc:
        out = {"refused": str(exc)}
print(json.dumps({"grew": peak() - before, "out": out}, default=str))
"""


def _peak_of(stage: str, ws: Path, bomb: Path) -> dict:
    import subprocess
    import sys

    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    done = subprocess.run([sys.executable, "-c", _PEAK, stage, str(ws), str(bomb)],
                          capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_bomb_png_is_refused_in_full_and_reduced_within_the_budget(tmp_path):
    from artexplore.errors import ImageLoadError
    from artexplore.imageio import decode

    data = grey16_png(tmp_path / "bomb.png", 4000).read_bytes()
    assert len(data) < 100_000  # 4000² 16-bit pixels: 32 MB decoded, 200+ MB converted
    budget = 64 << 20
    with pytest.raises(ImageLoadError, match="over the budget") as err:
        decode(data, max_bytes=budget)
    assert err.value.reason == "too-large"
    img, info = decode(data, max_side=256, max_bytes=budget)
    assert img.size == (256, 256) and (info.width, info.mode) == (4000, "I;16")
    assert np.asarray(img)[0, 0].tolist() == [round(0x1234 / 257)] * 3
    with pytest.raises(ImageLoadError, match="decode to"):
        decode(data, max_side=256, max_bytes=16 << 20)  # not even the decoded image fits


@pytest.mark.slow
def test_a_half_megabyte_png_of_250_megapixels_stays_under_1_gb_in_every_stage(tmp_path):
    bomb = grey16_png(tmp_path / "images" / "bomb.png", 15800)
    from conftest import save, stripes

    save(stripes((200, 300)), tmp_path / "images" / "fine.png")
    assert bomb.stat().st_size < 1_000_000
    ws = tmp_path / "ws"
    limit = 1 << 30
    ingest = _peak_of("ingest", ws, bomb)
    assert ingest["grew"] < limit and ingest["out"]["added"] == 2
    for stage in ("embed", "patches", "upload"):
        result = _peak_of(stage, ws, bomb)
        assert result["grew"] < limit, (stage, result)


# -- 5: special files ------------------------------------------------------------------------
def _special_folder(tmp_path: Path) -> Path:
    from conftest import save, stripes

    folder = tmp_path / "special"
    save(stripes((80, 100)), folder / "fine.png")
    os.mkfifo(folder / "pipe.jpg")
    (folder / "zero.png").symlink_to("/dev/zero")
    return folder


def test_fifo_and_link_to_dev_zero_are_skipped_with_a_reason(tmp_path):
    import subprocess
    import sys

    folder = _special_folder(tmp_path)
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    done = subprocess.run([sys.executable, "-m", "artexplore", "ingest", str(folder),
                           "-w", str(tmp_path / "ws"), "--json"],
                          capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    assert summary["added"] == 1 and summary["skipped_reasons"] == {"not-a-file": 2}
    reasons = {s["path"]: s["detail"] for s in summary["skipped_files"]}
    assert "named pipe" in reasons["pipe.jpg"] and "character device" in reasons["zero.png"]


def test_decoding_a_path_reads_only_regular_files(tmp_path):
    from artexplore.errors import ImageLoadError
    from artexplore.imageio import decode

    folder = _special_folder(tmp_path)
    for name in ("pipe.jpg", "zero.png"):
        with pytest.raises(ImageLoadError) as err:
            decode(folder / name)
        assert err.value.reason == "not-a-file"


def test_a_background_ingest_with_a_fifo_finishes(tmp_path):
    from artexplore import jobs
    from artexplore.store import Workspace

    folder = _special_folder(tmp_path)
    ws = Workspace(tmp_path / "ws", create=True)
    job_id = jobs.submit(ws, "ingest", {"folder": str(folder)})
    rec = jobs.wait(ws, job_id, timeout=120)
    assert rec.status == "done" and rec.result["skipped"] == 2


def test_cancel_ends_a_job_that_waits_promptly(tmp_path, make_collection):
    import fcntl

    from artexplore import jobs
    from artexplore.store import Workspace

    folder, _ = make_collection(2)
    ws = Workspace(tmp_path / "ws", create=True)
    with open(ws.root / "ingest.lock", "a+b") as held:  # another ingest holds the workspace
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        job_id = jobs.submit(ws, "ingest", {"folder": str(folder)})
        deadline = time.monotonic() + 60
        while jobs.get_job(ws, job_id).status != "running" and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(1.0)
        assert "waiting for another ingest" in jobs.get_job(ws, job_id).message
        start = time.monotonic()
        jobs.cancel(ws, job_id)
        rec = jobs.wait(ws, job_id, timeout=30)
        assert rec.status == "cancelled" and time.monotonic() - start < 10
    jobs.resume(ws, job_id, backend="inline")
    assert jobs.get_job(ws, job_id).status == "done" and len(ws.works()) == 2


# -- 6: two ingests of one workspace at once -------------------------------------------------
def test_two_ingests_at_once_both_succeed(tmp_path):
    import subprocess
    import sys

    from conftest import noise, save

    folder = tmp_path / "imgs"
    for i in range(40):
        save(noise((120, 120), seed=i), folder / f"img_{i:02d}.png")
    ws = tmp_path / "ws"
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    cmd = [sys.executable, "-m", "artexplore", "ingest", str(folder), "-w", str(ws), "--json",
           "--workers", "1"]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env=env) for _ in range(2)]
    outputs = [p.communicate(timeout=180) for p in procs]
    for proc, (_, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err[-2000:]
    summaries = [json.loads(out.strip().splitlines()[-1]) for out, _ in outputs]
    added = sorted(s["added"] for s in summaries)
    if added == [40, 40]:
        # The second command found the first one's identical job running and waited for
        # it (jobs.run_inline joins it): both report that one ingest.
        assert any("identical ingest job" in err for _, err in outputs)
    else:  # it ran its own ingest after the first one's, finding every work unchanged
        assert added == [0, 40]
    from artexplore.store import Workspace

    assert len(Workspace(ws).works()) == 40
    assert not list(ws.glob("thumbs/**/*.tmp"))


# -- 7: exposure -----------------------------------------------------------------------------
REPO = Path(__file__).resolve().parents[1]


def test_the_app_serves_on_loopback_by_default():
    import tomllib

    config = tomllib.loads((REPO / ".streamlit" / "config.toml").read_text())
    assert config["server"]["address"] == "127.0.0.1"
    demo = (REPO / "Makefile").read_text().split("\ndemo:")[1].split("\n\n")[0]
    assert "--server.address" in demo and "127.0.0.1" in (REPO / "Makefile").read_text()


def _app(workspace: Path, page: str):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.session_state["workspace"] = str(workspace)
    at.run()
    at.switch_page(page)
    at.run()
    return at


def test_server_paths_typed_in_the_app_stay_inside_the_roots(labels_workspace, monkeypatch):
    from artexplore import jobs
    from artexplore.store import Workspace

    monkeypatch.setenv("ARTEXPLORE_ROOTS", str(labels_workspace.parent))
    before = len(jobs.list_jobs(Workspace(labels_workspace)))
    at = _app(labels_workspace, "pages/collection.py")
    at.text_input[1].set_value("/etc")  # the ingest form's folder
    at.button[0].click().run()
    assert any("outside the folders this app may read" in e.value for e in at.error)

    at = _app(labels_workspace, "pages/features.py")
    at.text_input(key="feat_weights").set_value("/etc/passwd")
    at.selectbox(key="feat_extractor").set_value("CSD style model (checkpoint needed)")
    next(b for b in at.button if b.label == "Compute").click().run()
    assert any("outside the folders this app may read" in e.value for e in at.error)
    assert len(jobs.list_jobs(Workspace(labels_workspace))) == before


def test_strip_reduction_averages_colours_not_palette_indices():
    from PIL import Image

    from artexplore.imageio import _reduce_in_strips

    rgb = np.zeros((64, 64, 3), np.uint8)
    rgb[:, ::2] = (255, 0, 0)  # red and black columns: averages to dark red
    for mode in ("P", "PA"):
        img = Image.fromarray(rgb).convert("P").convert(mode)
        out = np.asarray(_reduce_in_strips(img, 4).convert("RGB"))
        assert out.shape == (16, 16, 3)
        assert abs(int(out[5, 5, 0]) - 128) <= 2 and out[5, 5, 1] == 0

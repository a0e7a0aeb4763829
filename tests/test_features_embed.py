"""Embedding a collection: incremental, resumable, through the loader; the CLI contract."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest
from typer.testing import CliRunner

from artexplore.cli import app
from artexplore.errors import JobCancelled
from artexplore.features import embed, feature_set_names, load_features
from artexplore.ingest.folder import ingest
from artexplore.store import Workspace
from conftest import noise, save


@pytest.fixture(autouse=True)
def _one_torch_thread():
    """One intra-op thread: on a small shared machine more threads spin against each other."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.fixture
def ws(tmp_path, make_collection):
    folder, meta = make_collection(6)
    workspace = Workspace(tmp_path / "ws", create=True)
    ingest(workspace, folder, metadata=meta)
    workspace.folder = folder  # for tests that add files
    return workspace


def test_embedding_is_incremental(ws):
    first = embed(ws, "color", batch_size=4)
    assert (first["computed"], first["already"], first["failed"]) == (6, 0, 0)
    again = embed(ws, "color", batch_size=4)
    assert (again["computed"], again["already"]) == (0, 6)
    before = load_features(ws, "color")

    save(noise((80, 90), seed=11), ws.folder / "c" / "new.png")
    ingest(ws, ws.folder)
    third = embed(ws, "color", batch_size=4)
    assert (third["computed"], third["already"]) == (1, 6)
    after = load_features(ws, "color")
    assert len(after) == 7
    keep = [after.row(i) for i in before.ids]
    np.testing.assert_array_equal(after.X[keep], before.X)


def test_an_unreadable_file_is_counted_not_fatal(ws):
    work = ws.works()[0]
    ws.image_path(work).write_bytes(b"not an image any more")
    result = embed(ws, "color")
    assert (result["computed"], result["failed"]) == (5, 1)
    assert work["id"] not in set(load_features(ws, "color").ids)


def test_a_cancelled_embedding_resumes_where_it_stopped(ws):
    calls = []

    def cancel_after_first_batch(done, total=None, message=""):
        calls.append(done)
        if done >= 2:
            raise JobCancelled("cancelled")

    with pytest.raises(JobCancelled):
        embed(ws, "color", batch_size=2, num_workers=0, progress=cancel_after_first_batch)
    assert len(load_features(ws, "color")) == 2
    result = embed(ws, "color", batch_size=2, num_workers=0)
    assert (result["computed"], result["already"]) == (4, 2)


def test_loader_workers_give_the_same_rows(ws, tmp_path):
    embed(ws, "stats:effnet-lite0", batch_size=2, num_workers=2,
          options={"out_indices": [1, 2], "sizes": [96], "device": "cpu"})
    with_workers = load_features(ws, "stats:effnet-lite0")
    other = Workspace(tmp_path / "ws2", create=True)
    ingest(other, ws.folder)
    embed(other, "stats:effnet-lite0", batch_size=6, num_workers=0,
          options={"out_indices": [1, 2], "sizes": [96], "device": "cpu"})
    inline = load_features(other, "stats:effnet-lite0")
    assert with_workers.work_paths == inline.work_paths
    np.testing.assert_allclose(with_workers.X, inline.X, rtol=1e-4, atol=1e-5)
    assert with_workers.params["parts"][0] == ["96/blocks.1/mean", 24]


def test_loader_workers_start_after_opencv_ran_threaded(ws):
    """Decoding workers forked after OpenCV used its thread pool still finish.

    Run in a fresh interpreter so that the parent's OpenCV pool is known to be
    started; a worker that reconfigures it waits forever, so a timeout fails the test.
    """
    script = (
        "import sys, numpy as np, cv2\n"
        "from artexplore.features import embed\n"
        "from artexplore.store import Workspace\n"
        "a = np.random.default_rng(0).random((2000, 2000), dtype=np.float32)\n"
        "for _ in range(3):\n"
        "    cv2.GaussianBlur(a, (0, 0), 5)\n"
        "r = embed(Workspace(sys.argv[1]), 'color', batch_size=2, num_workers=1)\n"
        "print(r['computed'])\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(ws.root)], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-1] == "6"


def test_cli_embed_default_then_export(ws, tmp_path):
    runner = CliRunner()
    res = runner.invoke(app, ["embed", "--workspace", str(ws.root), "--batch-size", "4",
                              "--device", "cpu"])
    assert res.exit_code == 0, res.output
    summary = json.loads(res.stdout.strip().splitlines()[-1])
    assert summary["name"] == "default" and summary["works"] == 6
    assert summary["device"] == "cpu"
    assert "device: cpu" in res.stderr
    assert "default" in feature_set_names(ws)

    out = tmp_path / "default.npz"
    res = runner.invoke(app, ["export", "--workspace", str(ws.root), "--features", "default",
                              "--out", str(out)])
    assert res.exit_code == 0, res.output
    data = np.load(out)
    fm = load_features(ws, "default")
    assert data["X"].dtype == np.float32 and data["X"].shape == fm.X.shape
    assert list(data["work_path"]) == fm.work_paths
    np.testing.assert_allclose(data["X"], fm.X)

    res = runner.invoke(app, ["features", "--workspace", str(ws.root)])
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    default = next(r for r in rows if r["name"] == "default")
    assert default["kind"] == "fused" and default["ready"] and default["dim"] == fm.X.shape[1]

    res = runner.invoke(app, ["fuse", "--workspace", str(ws.root), "--weight", "style=0.5"])
    assert res.exit_code == 0, res.output
    assert load_features(ws, "default").weights["style"] == 0.5
    res = runner.invoke(app, ["fuse", "--workspace", str(ws.root), "--weight", "gram=0.5"])
    assert res.exit_code == 1 and "has no block 'gram'; blocks: style" in res.stderr


def test_cli_errors_are_messages(ws):
    runner = CliRunner()
    res = runner.invoke(app, ["embed", "--workspace", str(ws.root), "--extractor",
                              "timm:vit_small_patch16_224"])
    assert res.exit_code == 1
    assert "--weights FILE" in res.stderr
    res = runner.invoke(app, ["embed", "--workspace", str(ws.root), "--device", "tpu"])
    assert res.exit_code == 1 and "Unknown device 'tpu'" in res.stderr
    res = runner.invoke(app, ["export", "--workspace", str(ws.root), "--features", "nope",
                              "--out", "x.npz"])
    assert res.exit_code == 1 and "No feature set 'nope'" in res.stderr


def test_demo_stages_compute_the_default_set(ws):
    from artexplore.demo import DEMO_STAGES
    from artexplore.features import fused_ready
    from artexplore.jobs import run_inline

    # The demo's global embedding stages (the local one needs a trained InfoVAE first)
    # leave the default set and the colour-augmented set ready to map.
    stages = [(label, kind, params) for label, kind, params in DEMO_STAGES
              if kind == "embed" and params.get("extractor") != "infovae"]
    assert not fused_ready(ws, "default") and not fused_ready(ws, "style+color")
    for label, kind, params in stages:
        run_inline(ws, kind, {"label": label, "batch_size": 4, **params})
    assert fused_ready(ws, "default") and fused_ready(ws, "style+color")
    assert load_features(ws, "style+color").X.shape[0] == 6

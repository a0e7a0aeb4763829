"""Embedding on a Ray cluster: split across nodes, same rows as on one machine, a killed
driver's job recovered from its shards, one-line errors for what Ray cannot do here."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from artexplore import jobs
from artexplore.cli import app
from artexplore.features import embed, load_features
from artexplore.features.distributed import shard_folder, write_shard
from artexplore.ingest.folder import ingest
from artexplore.store import Workspace
from conftest import REPO, noise, save

N_IMAGES = 240


@pytest.fixture(scope="module")
def images(tmp_path_factory) -> Path:
    """A few hundred small distinct images."""
    folder = tmp_path_factory.mktemp("ray-images")
    for i in range(N_IMAGES):
        save(noise((24, 32), seed=i), folder / f"{i // 60}" / f"{i:04d}.png")
    return folder


def _workspace(root: Path, images: Path) -> Workspace:
    ws = Workspace(root, create=True)
    ingest(ws, images)
    return ws


def _rows_by_path(ws: Workspace) -> dict[str, np.ndarray]:
    fm = load_features(ws, "color")
    return dict(zip(fm.work_paths, fm.X, strict=True))


@pytest.fixture(scope="module")
def local_rows(tmp_path_factory, images) -> dict[str, np.ndarray]:
    ws = _workspace(tmp_path_factory.mktemp("ws-local"), images)
    embed(ws, "color", batch_size=16, num_workers=0)
    return _rows_by_path(ws)


def _assert_same_rows(ws: Workspace, local_rows: dict[str, np.ndarray]) -> None:
    rows = _rows_by_path(ws)
    assert sorted(rows) == sorted(local_rows)
    for path, x in local_rows.items():
        np.testing.assert_array_equal(rows[path], x)


# -- without a cluster ----------------------------------------------------------------------------
def test_ray_client_addresses_fail_with_one_line(tmp_path, images):
    ws = _workspace(tmp_path / "ws", images)
    runner = CliRunner()
    res = runner.invoke(app, ["embed", "--workspace", str(ws.root), "-e", "color",
                              "--backend", "ray", "--address", "ray://head:10001"])
    assert res.exit_code == 1
    assert res.stderr.count("\n") == 1 and res.stderr.startswith("error: ray://head:10001")
    assert "ray start --head" in res.stderr
    assert jobs.list_jobs(ws) == []  # nothing was queued
    res = runner.invoke(app, ["embed", "--workspace", str(ws.root), "-e", "color",
                              "--address", "head:6379"])
    assert res.exit_code == 1 and "need --backend ray" in res.stderr


def test_shards_of_a_dead_driver_are_merged_not_recomputed(tmp_path, images, local_rows):
    """What a killed Ray driver leaves (shards in WS/shards/<job>/) is merged by the next
    embed, wherever it runs; only the rest is computed."""
    from artexplore.features import create_extractor
    from artexplore.features.distributed import driver_lock

    ws = _workspace(tmp_path / "ws", images)
    job_id = "embed-dead-driver"

    ex = create_extractor("color")
    works = ws.works()[:50]
    X = np.stack([local_rows[w["path"]] for w in works])
    folder = shard_folder(ws, job_id)
    write_shard(folder, kind="features", name=ex.name, fingerprint=ex.fingerprint(),
                ids=[w["id"] for w in works[:30]], arrays={"X": X[:30]}, failed=[], node="n1")
    write_shard(folder, kind="features", name=ex.name, fingerprint=ex.fingerprint(),
                ids=[w["id"] for w in works[30:]], arrays={"X": X[30:]}, failed=[], node="n2")
    (folder / "shard-half-written.npz.tmp").write_bytes(b"cut")
    # A driver still running (it holds its folder's lock) keeps its shards to itself.
    running = shard_folder(ws, "embed-running")
    write_shard(running, kind="features", name=ex.name, fingerprint=ex.fingerprint(),
                ids=[w["id"] for w in works[:30]], arrays={"X": X[:30]}, failed=[], node="n3")
    with driver_lock(running):
        result = embed(ws, "color", batch_size=16, num_workers=0)
    assert result["recovered"] == 50 and result["computed"] == N_IMAGES - 50
    assert not folder.exists() and len(list(running.glob("shard-*.npz"))) == 1
    _assert_same_rows(ws, local_rows)


# -- a real two-node cluster ----------------------------------------------------------------------
@pytest.fixture(scope="module")
def cluster():
    """Two Ray nodes on this machine (1 CPU, 200 MB object store each)."""
    ray_cluster_utils = pytest.importorskip("ray.cluster_utils")
    path = os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH")) if p)
    before = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = path  # the nodes' workers import artexplore from this checkout
    store = 200 * 2**20
    c = ray_cluster_utils.Cluster(
        initialize_head=True,
        head_node_args={"num_cpus": 1, "object_store_memory": store, "include_dashboard": False})
    try:
        c.add_node(num_cpus=1, object_store_memory=store)
        c.wait_for_nodes()
        yield c
    finally:
        c.shutdown()
        if before is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = before


def _node_ids(cluster) -> set[str]:
    return {node.node_id for node in cluster.list_all_nodes()}


@pytest.mark.slow
def test_embed_on_two_ray_nodes_splits_the_work_and_matches_local(tmp_path, images, local_rows,
                                                                   cluster):
    ws = _workspace(tmp_path / "ws", images)
    res = CliRunner().invoke(app, ["embed", "--workspace", str(ws.root), "-e", "color",
                                   "-b", "16", "--backend", "ray", "--address", cluster.address])
    [rec] = jobs.list_jobs(ws)
    job_id = rec.id
    assert res.exit_code == 0, (res.output, jobs.job_log_path(ws, job_id).read_text()[-3000:])
    result = json.loads(res.stdout.strip().splitlines()[-1])
    assert rec.status == "done" and rec.backend == "ray" and rec.result == result
    assert "2 Ray actors on 2 nodes" in res.stderr
    assert result["backend"] == "ray" and result["actors"] == 2
    assert result["computed"] == N_IMAGES and result["failed"] == 0
    # Rows per node, from the node id each actor wrote into its shards.
    assert set(result["nodes"]) == _node_ids(cluster)
    assert all(n > 0 for n in result["nodes"].values())
    assert sum(result["nodes"].values()) == N_IMAGES
    _assert_same_rows(ws, local_rows)
    assert not shard_folder(ws, job_id).exists()  # merged shards are deleted


def _stored(ws: Workspace) -> int:
    return len(ws.arrays.done_ids("features", "color", _fingerprint()))


def _wait_for_rows(ws: Workspace, job_id: str, *, beyond: int = 0,
                   timeout: float = 180) -> jobs.JobRecord:
    """Wait until the running job has merged rows beyond ``beyond`` (and is not done)."""
    deadline = time.monotonic() + timeout
    rec = jobs.get_job(ws, job_id)
    while rec.active and (rec.status != "running" or _stored(ws) <= beyond) \
            and time.monotonic() < deadline:
        time.sleep(0.05)
        rec = jobs.get_job(ws, job_id)
    assert rec.status == "running" and beyond < _stored(ws) < N_IMAGES, (rec.status, rec.done)
    return rec


@pytest.mark.slow
def test_a_ray_job_cancels_survives_its_cli_and_a_killed_driver_resumes(tmp_path, images,
                                                                         local_rows, cluster):
    ws = _workspace(tmp_path / "ws", images)
    job_id = jobs.submit(ws, "embed", {"extractor": "color", "batch_size": 4},
                         backend="ray", address=cluster.address)
    # Cancel: the driver stops (and with it its actors), what it merged is kept.
    driver = _wait_for_rows(ws, job_id).pid
    assert jobs.wait(ws, jobs.cancel(ws, job_id).id, timeout=60).status == "cancelled"
    deadline = time.monotonic() + 60  # the driver exits once Ray has disconnected
    while jobs.core._pid_alive(driver) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not jobs.core._pid_alive(driver)
    after_cancel = _stored(ws)
    assert 0 < after_cancel < N_IMAGES

    # Resume from a CLI process that exits at once: the driver it starts keeps running.
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        p for p in (str(REPO), os.environ.get("PYTHONPATH")) if p))
    done = subprocess.run([sys.executable, "-m", "artexplore", "jobs", "resume", job_id,
                           "--workspace", str(ws.root), "--backend", "ray"],
                          capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout.strip().splitlines()[-1])["status"] in ("queued", "running")
    rec = _wait_for_rows(ws, job_id, beyond=after_cancel)  # this run has merged shards

    # The driver dies mid-job: the job reads interrupted, never stays queued or running.
    os.kill(rec.pid, signal.SIGKILL)
    time.sleep(0.5)
    killed = jobs.get_job(ws, job_id)
    assert killed.status == "interrupted" and killed.resumable
    merged = _stored(ws)
    assert after_cancel < merged < N_IMAGES

    # Resumed here (no Ray needed): shards the dead driver's actors left are merged, only
    # the rest is computed.
    jobs.resume(ws, job_id, backend="inline")
    rec = jobs.get_job(ws, job_id)
    assert rec.status == "done" and rec.attempts == 3, (rec.status, rec.error)
    result = rec.result
    assert result["already"] == merged
    assert result["already"] + result["recovered"] + result["computed"] == N_IMAGES
    _assert_same_rows(ws, local_rows)
    assert not (ws.root / "shards").exists() or not any((ws.root / "shards").iterdir())


def _fingerprint() -> str:
    from artexplore.features import create_extractor

    return create_extractor("color").fingerprint()


@pytest.mark.slow
def test_patches_on_two_ray_nodes_match_local(tmp_path, make_collection, cluster):
    from artexplore.local import compute_patches, load_patches

    folder, meta = make_collection(16)
    here = Workspace(tmp_path / "here", create=True)
    ingest(here, folder, metadata=meta)
    compute_patches(here, batch_size=4, workers=1)
    ws = Workspace(tmp_path / "ray", create=True)
    ingest(ws, folder, metadata=meta)
    res = CliRunner().invoke(app, ["patches", "--workspace", str(ws.root), "--batch-size", "2",
                                   "--backend", "ray", "--address", cluster.address])
    [rec] = jobs.list_jobs(ws)
    assert res.exit_code == 0, (res.output, jobs.job_log_path(ws, rec.id).read_text()[-3000:])
    assert rec.status == "done" and rec.backend == "ray"
    assert rec.result["backend"] == "ray" and rec.result["computed"] == 16
    assert set(rec.result["nodes"]) == _node_ids(cluster)
    a, b = load_patches(here), load_patches(ws)
    assert a.work_paths == b.work_paths and set(a.arrays) == set(b.arrays)
    for key in a.arrays:  # floats to the last bits of another thread count
        if a.arrays[key].dtype.kind == "f":
            np.testing.assert_allclose(a.arrays[key], b.arrays[key], rtol=1e-5, err_msg=key)
        else:
            np.testing.assert_array_equal(a.arrays[key], b.arrays[key], err_msg=key)

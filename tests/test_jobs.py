"""Background jobs: worker processes, progress, cancel, kill and resume, backends."""

from __future__ import annotations

import os
import shutil
import signal
import time

import numpy as np
import pytest

from artexplore import jobs
from artexplore.errors import ConfigError, UnknownNameError
from artexplore.store import Workspace
from conftest import save


def _collection(folder, n: int, size: int = 700):
    """PNG noise images: slow enough to decode that a job can be caught mid-way."""
    rng = np.random.default_rng(0)
    for i in range(n):
        save(rng.integers(0, 256, (size, size, 3), dtype=np.uint8), folder / f"img_{i:03d}.png")
    return folder


@pytest.fixture(scope="module")
def slow_folder(tmp_path_factory):
    """60 PNG noise images, made once for the module (tests copy it)."""
    return _collection(tmp_path_factory.mktemp("slow") / "imgs", 60)


def _copy(src, tmp_path):
    dst = tmp_path / "imgs"
    shutil.copytree(src, dst)
    return dst


def _params(folder) -> dict:
    return {"folder": str(folder), "config": {"workers": 1, "commit_every": 4}}


def test_inline_job_records_progress_and_result(tmp_path, make_collection):
    folder, meta = make_collection(5)
    ws = Workspace(tmp_path / "ws", create=True)
    seen = []
    rec = jobs.run_inline(ws, "ingest", {"folder": str(folder), "metadata": str(meta)},
                          on_progress=lambda d, t, m: seen.append((d, t)))
    assert rec.status == "done" and rec.result["added"] == 5
    assert rec.done == rec.total == 5 and rec.fraction == 1.0
    assert seen[-1] == (5, 5)
    assert [j.id for j in jobs.list_jobs(ws)] == [rec.id]


def test_local_worker_runs_outside_the_caller(tmp_path, make_collection):
    folder, _ = make_collection(4)
    ws = Workspace(tmp_path / "ws", create=True)
    job_id = jobs.submit(ws, "ingest", {"folder": str(folder)})
    rec = jobs.wait(ws, job_id, timeout=120)
    assert rec.status == "done", rec.error
    assert rec.pid != os.getpid()
    assert len(ws.works()) == 4


def test_job_killed_mid_way_resumes_where_it_stopped(tmp_path, slow_folder):
    folder = _copy(slow_folder, tmp_path)
    ws = Workspace(tmp_path / "ws", create=True)
    job_id = jobs.submit(ws, "ingest", _params(folder))
    deadline = time.monotonic() + 120
    rec = jobs.get_job(ws, job_id)
    while time.monotonic() < deadline:
        rec = jobs.get_job(ws, job_id)
        if rec.status == "running" and rec.done >= 8:
            break
        time.sleep(0.02)
    assert rec.status == "running" and rec.done < 60, "the job ended before it could be killed"
    os.kill(rec.pid, signal.SIGKILL)  # a crash: no chance to clean up
    deadline = time.monotonic() + 30
    while jobs.get_job(ws, job_id).status == "running" and time.monotonic() < deadline:
        time.sleep(0.05)
    killed = jobs.get_job(ws, job_id)
    assert killed.status == "interrupted" and killed.resumable
    kept = {w["id"] for w in ws.works()}
    assert 8 <= len(kept) < 60  # finished batches survived the kill

    jobs.resume(ws, job_id, backend="inline")
    done = jobs.get_job(ws, job_id)
    assert done.status == "done" and done.attempts == 2
    assert done.result["added"] == 60 - len(kept)  # nothing was redone
    assert done.result["unchanged"] == len(kept)
    works = ws.works()
    assert len(works) == 60 and len({w["path"] for w in works}) == 60
    assert kept <= {w["id"] for w in works}
    assert ws.counts()["skipped"] == 0


def test_cancel_stops_a_running_job_and_keeps_its_work(tmp_path, slow_folder):
    folder = _copy(slow_folder, tmp_path)
    ws = Workspace(tmp_path / "ws", create=True)
    job_id = jobs.submit(ws, "ingest", _params(folder))
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        rec = jobs.get_job(ws, job_id)
        if rec.status == "running" and rec.done >= 4:
            break
        time.sleep(0.02)
    jobs.cancel(ws, job_id)
    rec = jobs.wait(ws, job_id, timeout=60)
    assert rec.status == "cancelled"
    assert 4 <= len(ws.works()) < 60
    jobs.resume(ws, job_id, backend="inline")
    assert jobs.get_job(ws, job_id).status == "done" and len(ws.works()) == 60


def test_identical_active_job_is_not_started_twice(tmp_path, slow_folder):
    folder = _copy(slow_folder, tmp_path)
    ws = Workspace(tmp_path / "ws", create=True)
    first = jobs.submit(ws, "ingest", _params(folder))
    second = jobs.submit(ws, "ingest", _params(folder))
    assert first == second
    assert jobs.wait(ws, first, timeout=120).status == "done"


def test_failed_job_records_the_error(tmp_path):
    ws = Workspace(tmp_path / "ws", create=True)
    with pytest.raises(Exception, match="Folder not found"):
        jobs.run_inline(ws, "ingest", {"folder": str(tmp_path / "absent")})
    rec = jobs.list_jobs(ws)[0]
    assert rec.status == "failed" and "Folder not found" in rec.error and rec.resumable


def test_unknown_kind_and_backend_list_the_choices(tmp_path):
    ws = Workspace(tmp_path / "ws", create=True)
    with pytest.raises(UnknownNameError, match="ingest"):
        jobs.submit(ws, "no-such-kind", {})
    with pytest.raises(UnknownNameError, match="inline, local, ray"):
        jobs.submit(ws, "ingest", {}, backend="cluster")


def test_ray_backend_runs_a_stage_without_distributed_form_on_its_driver(tmp_path,
                                                                         make_collection):
    """The ray backend's driver is a detached local worker; ingest runs there (no Ray needed)."""
    folder, _ = make_collection(3)
    ws = Workspace(tmp_path / "ws", create=True)
    job_id = jobs.submit(ws, "ingest", {"folder": str(folder)}, backend="ray",
                         address="head:6379", wait=True)
    rec = jobs.get_job(ws, job_id)
    assert rec.status == "done" and rec.backend == "ray" and rec.result["added"] == 3
    assert rec.pid != os.getpid()
    with pytest.raises(ConfigError, match="ray start --head"):
        jobs.submit(ws, "ingest", {"folder": str(folder), "again": 1}, backend="ray",
                    address="ray://head:10001")
    assert not [r for r in jobs.list_jobs(ws) if r.status == "queued"]

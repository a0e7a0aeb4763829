"""Where jobs run: a registry of launchers, found by name.

- ``local``: a detached worker process on this machine (``python -m artexplore.jobs``);
  the app's default, so a page render never blocks and a closed browser does not
  stop the work.
- ``inline``: in the calling process; returns when the job ends.
- ``ray``: a task on a Ray cluster (``ray.init(address=...)``), for collections too
  large for one machine or to reach a GPU node. The workspace must be on a
  filesystem that the Ray workers share. ``num_gpus`` reserves GPUs for the task.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import ArtExploreError, unknown_name
from ..store.workspace import Workspace

log = logging.getLogger(__name__)

Launcher = Callable[..., None]
BACKENDS: dict[str, Launcher] = {}
_RAY_REFS: dict[str, Any] = {}


def register_backend(name: str) -> Callable[[Launcher], Launcher]:
    """Register a job launcher under a name."""
    def decorate(fn: Launcher) -> Launcher:
        BACKENDS[name] = fn
        return fn
    return decorate


def get_backend(name: str) -> Launcher:
    """The launcher registered under ``name``.

    Raises
    ------
    UnknownNameError
        Listing the registered backends.
    """
    try:
        return BACKENDS[name]
    except KeyError:
        raise unknown_name("job backend", name, BACKENDS) from None


@register_backend("inline")
def launch_inline(ws: Workspace, job_id: str, *,
                  on_progress: Callable[[int, int | None, str], None] | None = None,
                  raise_errors: bool = False) -> None:
    """Run the job now, in this process (see :func:`artexplore.jobs.run_job`)."""
    from .core import run_job

    run_job(ws, job_id, on_progress=on_progress, raise_errors=raise_errors)


def job_log_path(ws: Workspace, job_id: str) -> Path:
    """The file a local worker writes its log to."""
    return ws.path("jobs", f"{job_id}.log")


@register_backend("local")
def launch_local(ws: Workspace, job_id: str) -> None:
    """Start a detached worker process that runs the job."""
    package_parent = str(Path(__file__).resolve().parents[2])
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_parent, env.get("PYTHONPATH")) if p)
    env.setdefault("PYTHONUNBUFFERED", "1")
    with open(job_log_path(ws, job_id), "ab") as logfile:
        subprocess.Popen(
            [sys.executable, "-m", "artexplore.jobs", "run", str(ws.root), job_id],
            stdout=logfile, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True, env=env, close_fds=True,
        )


@register_backend("ray")
def launch_ray(ws: Workspace, job_id: str, *, address: str | None = None,
               num_gpus: float = 0, num_cpus: float = 1, wait: bool = False) -> None:
    """Run the job as a Ray task.

    Parameters
    ----------
    ws : Workspace
        Must be reachable at the same path from the Ray workers.
    job_id : str
    address : str, optional
        A cluster address (``ray://host:10001`` or ``auto``); a local Ray
        instance is started when None.
    num_gpus, num_cpus : float
        Resources the task reserves.
    wait : bool, default=False
        Block until the task ends.
    """
    try:
        import ray
    except ImportError as exc:  # pragma: no cover - ray is in requirements.txt
        raise ArtExploreError("The ray backend needs Ray: pip install 'ray[default]'") from exc
    if not ray.is_initialized():
        ray.init(address=address, ignore_reinit_error=True, include_dashboard=False,
                 log_to_driver=False, configure_logging=False)
    task = ray.remote(num_gpus=num_gpus, num_cpus=num_cpus)(_ray_entry)
    ref = task.remote(str(ws.root), job_id)
    _RAY_REFS[job_id] = ref  # keep the reference so the result stays retrievable
    if wait:
        ray.get(ref)


def _ray_entry(ws_root: str, job_id: str) -> str:
    from .core import run_job

    return run_job(Workspace(ws_root), job_id).status


def available_backends() -> list[str]:
    """Names of the registered backends."""
    return sorted(BACKENDS)

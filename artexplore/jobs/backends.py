"""Where jobs run: a registry of launchers, found by name.

- ``local``: a detached worker process on this machine (``python -m artexplore.jobs``);
  the app's default, so a page render never blocks and a closed browser does not
  stop the work.
- ``inline``: in the calling process; returns when the job ends.
- ``ray``: a detached local worker, as ``local``, that drives a Ray cluster
  (``address``): ``embed`` and ``patches`` run as Ray Data pipelines on the cluster's actors
  (GPU nodes), for collections too large for one machine. The workspace's
  ``shards`` folder and the images must be reachable from every node; the
  catalogue stays on this machine's disk.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ConfigError, unknown_name
from ..store.workspace import Workspace

if TYPE_CHECKING:
    from ..features.distributed import RayOptions

log = logging.getLogger(__name__)

Launcher = Callable[..., None]
BACKENDS: dict[str, Launcher] = {}


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
               actors: int | None = None, num_gpus: float | None = None,
               wait: bool = False) -> None:
    """Start the job's driver as a detached local worker that uses a Ray cluster.

    The driver runs here, next to the catalogue (which must stay on a local
    disk), so closing the terminal or the app does not stop it. Stages with a
    distributed form (``embed``, ``patches``) send the per-work computation to the
    cluster's actors (see :mod:`artexplore.features.distributed`); the others
    run on the driver. The options are kept with the job
    (``WS/jobs/<id>.ray.json``), so a resume without options reuses them.

    Parameters
    ----------
    ws : Workspace
        Its ``shards`` folder and the images must be reachable at the same paths
        from every Ray node.
    job_id : str
    address : str, optional
        ``HOST:PORT`` of the head (``ray start --head``) or ``auto``; Ray starts
        on this machine when None. ``ray://`` addresses are refused (no Ray Client).
    actors : int, optional
        Actor pool size (default: one per GPU, else one per node).
    num_gpus : float, optional
        GPUs per actor (default: 1 when the cluster has GPUs).
    wait : bool, default=False
        Block until the job ends.

    Raises
    ------
    ConfigError
        For a ``ray://`` address or a bad option.
    """
    from ..features.distributed import RayOptions

    given = RayOptions(address=address, actors=actors, num_gpus=num_gpus)
    previous = ray_options(ws, job_id)
    if previous is None or given != RayOptions():
        ray_options_path(ws, job_id).write_text(json.dumps(given.to_dict()))
    launch_local(ws, job_id)
    if wait:
        from .core import wait as wait_for

        wait_for(ws, job_id)


def ray_options_path(ws: Workspace, job_id: str) -> Path:
    """The file that keeps a Ray job's backend options."""
    return ws.path("jobs", f"{job_id}.ray.json")


def ray_options(ws: Workspace, job_id: str) -> RayOptions | None:
    """The Ray options a job was launched with, or None for a job not run on Ray.

    Raises
    ------
    ConfigError
        If the stored options are not valid (the file is not trusted).
    """
    from ..features.distributed import RayOptions

    path = ray_options_path(ws, job_id)
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text())
        return RayOptions(address=data.get("address"), actors=data.get("actors"),
                          num_gpus=data.get("num_gpus"))
    except (ValueError, TypeError, AttributeError) as exc:
        raise ConfigError(f"{path}: not valid Ray options ({exc})") from exc


def available_backends() -> list[str]:
    """Names of the registered backends."""
    return sorted(BACKENDS)

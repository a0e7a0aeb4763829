"""Jobs: heavy stages run outside the page render, with progress, cancel and resume.

A job is a row of the ``jobs`` table (kind, parameters, status, progress) and a
function registered under its kind. The function receives the workspace, its
parameters and a :class:`JobContext`, which is the stage's progress callback:
calling it records progress and raises :class:`JobCancelled` once the user has
asked to cancel. Stage functions are incremental, so running a job again after
a crash, a kill or a cancel finishes what was left and redoes nothing.

Statuses: ``queued`` → ``running`` → ``done`` | ``failed`` | ``cancelled``; a
running job whose process died (or whose heartbeat stopped) reads ``interrupted``.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import socket
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..errors import ArtExploreError, JobCancelled, unknown_name
from ..runs import new_id
from ..store.catalog import now
from ..store.workspace import Workspace

log = logging.getLogger(__name__)

JobFunction = Callable[[Workspace, dict[str, Any], "JobContext"], dict[str, Any] | None]
JOB_KINDS: dict[str, JobFunction] = {}
ACTIVE = ("queued", "running")
FINISHED = ("done", "failed", "cancelled", "interrupted")
HEARTBEAT_S = 3.0
STALE_AFTER_S = 45.0


def register_job(kind: str) -> Callable[[JobFunction], JobFunction]:
    """Register a function as the runner of a job kind.

    Parameters
    ----------
    kind : str
        The job kind, e.g. ``"ingest"``.

    Returns
    -------
    callable
        A decorator returning the function unchanged.
    """
    def decorate(fn: JobFunction) -> JobFunction:
        JOB_KINDS[kind] = fn
        return fn
    return decorate


def _ensure_kinds() -> None:
    from . import kinds  # noqa: F401  (registers the standard job kinds)


# Errors that say a job's parameters are wrong: running it again cannot help.
CONFIG_ERRORS = ("ConfigError", "UnknownNameError")


@dataclass
class JobRecord:
    """A job as stored in the catalogue."""

    id: str
    kind: str
    params: dict[str, Any]
    backend: str
    status: str
    done: int
    total: int | None
    message: str
    result: dict[str, Any] | None
    error: str | None
    host: str | None
    pid: int | None
    cancel_requested: bool
    attempts: int
    created_at: str
    started_at: str | None
    heartbeat_at: str | None
    finished_at: str | None

    @property
    def fraction(self) -> float:
        """Progress between 0 and 1 (0 when the total is unknown)."""
        if not self.total:
            return 1.0 if self.status == "done" else 0.0
        return max(0.0, min(1.0, self.done / self.total))

    @property
    def active(self) -> bool:
        """Whether the job is queued or running."""
        return self.status in ACTIVE

    @property
    def resumable(self) -> bool:
        """Whether running it again makes sense (it stopped before finishing).

        A job that failed on its configuration (a :class:`ConfigError` or an unknown
        name) would fail the same way again: it is not resumable.
        """
        if self.failed_on_config:
            return False
        return self.status in ("interrupted", "failed", "cancelled")

    @property
    def failed_on_config(self) -> bool:
        """Whether the job failed because of its parameters, not an interruption."""
        first = (self.error or "").split(":", 1)[0].strip()
        return self.status == "failed" and first in CONFIG_ERRORS

    @property
    def label(self) -> str:
        """A short description for lists."""
        detail = self.params.get("label") or self.params.get("name") or ""
        return f"{self.kind} {detail}".strip()


def _record(row: Any) -> JobRecord:
    data = dict(row)
    data["params"] = json.loads(data["params"] or "{}")
    data["result"] = json.loads(data["result"]) if data.get("result") else None
    data["cancel_requested"] = bool(data["cancel_requested"])
    return JobRecord(**data)


def _pid_alive(pid: int | None) -> bool:
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie child still answers kill(0); look at its state where /proc exists.
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(") ")[-1][:1] != "Z"
    except OSError:
        return True


def _age_s(stamp: str | None) -> float:
    if not stamp:
        return float("inf")
    then = datetime.fromisoformat(stamp)
    return (datetime.now(timezone.utc) - then).total_seconds()


def _is_dead(rec: JobRecord) -> bool:
    if rec.status != "running":
        return False
    if rec.host == socket.gethostname() and rec.pid is not None:
        return not _pid_alive(rec.pid)
    return _age_s(rec.heartbeat_at) > STALE_AFTER_S


def get_job(ws: Workspace, job_id: str) -> JobRecord:
    """One job by id (its status reconciled with its process).

    Raises
    ------
    ArtExploreError
        If there is no such job.
    """
    rows = ws.catalog.query("SELECT * FROM jobs WHERE id=?", (job_id,))
    if not rows:
        raise ArtExploreError(f"No job {job_id!r} in {ws.root}")
    rec = _record(rows[0])
    if _is_dead(rec):
        _mark_interrupted(ws, rec)
    return rec


def _mark_interrupted(ws: Workspace, rec: JobRecord) -> None:
    with ws.catalog.connect() as conn:
        conn.execute("UPDATE jobs SET status='interrupted', finished_at=? "
                     "WHERE id=? AND status='running'", (now(), rec.id))
    rec.status = "interrupted"


def list_jobs(ws: Workspace, *, active_only: bool = False, limit: int = 100) -> list[JobRecord]:
    """Jobs, newest first, with dead ones marked ``interrupted``.

    Parameters
    ----------
    ws : Workspace
    active_only : bool, default=False
        Only queued and running jobs.
    limit : int, default=100

    Returns
    -------
    list of JobRecord
    """
    sql = "SELECT * FROM jobs"
    if active_only:
        sql += " WHERE status IN ('queued', 'running')"
    sql += " ORDER BY created_at DESC LIMIT ?"
    records = [_record(r) for r in ws.catalog.query(sql, (limit,))]
    for rec in records:
        if _is_dead(rec):
            _mark_interrupted(ws, rec)
    if active_only:
        records = [r for r in records if r.active]
    return records


def submit(ws: Workspace, kind: str, params: dict[str, Any] | None = None, *,
           backend: str = "local", unique: bool = True, **backend_options: Any) -> str:
    """Queue a job and start it on a backend.

    Parameters
    ----------
    ws : Workspace
    kind : str
        A registered job kind.
    params : dict, optional
        JSON-serialisable parameters of the job.
    backend : str, default="local"
        ``local`` (a worker process on this machine), ``inline`` (in this
        process, returns when done) or ``ray`` (a worker process on this
        machine that sends ``embed``'s work to a Ray cluster).
    unique : bool, default=True
        If an identical job (same kind and parameters) is already active,
        return its id instead of starting a second one.
    **backend_options
        Passed to the backend (``address``, ``actors``, ``num_gpus`` for Ray).

    Returns
    -------
    str
        The job id.
    """
    from .backends import get_backend

    _ensure_kinds()
    if kind not in JOB_KINDS:
        raise unknown_name("job kind", kind, JOB_KINDS)
    launcher = get_backend(backend)
    params = dict(params or {})
    text = json.dumps(params, sort_keys=True, default=str)
    if unique:
        twin = find_active(ws, kind, params)
        if twin is not None:
            return twin.id
    job_id = new_id(kind)  # the one id format of runs and jobs
    with ws.catalog.connect() as conn:
        conn.execute(
            "INSERT INTO jobs(id, kind, params, backend, status, created_at) "
            "VALUES (?, ?, ?, ?, 'queued', ?)", (job_id, kind, text, backend, now()))
    _launch(ws, job_id, launcher, backend_options)
    return job_id


def _launch(ws: Workspace, job_id: str, launcher: Callable[..., None],
            options: dict[str, Any]) -> None:
    """Start a queued job; a launcher that fails leaves it ``failed``, never ``queued``."""
    try:
        launcher(ws, job_id, **options)
    except BaseException as exc:
        with ws.catalog.connect() as conn:
            conn.execute("UPDATE jobs SET status='failed', error=?, finished_at=? "
                         "WHERE id=? AND status='queued'",
                         (f"could not start: {exc}", now(), job_id))
        raise


def find_active(ws: Workspace, kind: str, params: dict[str, Any]) -> JobRecord | None:
    """The queued or running job of this kind with these parameters, if any.

    A job queued long ago whose worker never started it (no heartbeat) does not count.
    """
    text = json.dumps(params, sort_keys=True, default=str)
    for rec in list_jobs(ws, active_only=True):
        if rec.kind != kind or json.dumps(rec.params, sort_keys=True, default=str) != text:
            continue
        if rec.status == "queued" and _age_s(rec.created_at) > STALE_AFTER_S:
            continue
        return rec
    return None


def cancel(ws: Workspace, job_id: str) -> JobRecord:
    """Ask a job to stop; it keeps what it finished and can be resumed.

    A local worker is also sent SIGTERM, which the worker turns into a cancel
    at the next instruction, so long steps stop promptly.
    """
    rec = get_job(ws, job_id)
    if not rec.active:
        return rec
    with ws.catalog.connect() as conn:
        conn.execute("UPDATE jobs SET cancel_requested=1 WHERE id=?", (job_id,))
        if rec.status == "queued":
            conn.execute("UPDATE jobs SET status='cancelled', finished_at=? WHERE id=?",
                         (now(), job_id))
    if rec.status == "running" and rec.host == socket.gethostname() and rec.pid \
            and rec.pid != os.getpid() and _pid_alive(rec.pid):
        try:
            os.kill(rec.pid, signal.SIGTERM)
        except OSError as exc:
            log.info("could not signal job %s (pid %s): %s", job_id, rec.pid, exc)
    return get_job(ws, job_id)


def resume(ws: Workspace, job_id: str, *, backend: str | None = None,
           **backend_options: Any) -> str:
    """Run an interrupted, failed or cancelled job again; finished work is kept.

    Returns
    -------
    str
        The job id (the same job is resumed).
    """
    from .backends import get_backend

    rec = get_job(ws, job_id)
    if rec.active:
        return rec.id
    if rec.status == "done":
        raise ArtExploreError(f"Job {job_id} already finished")
    backend = backend or rec.backend
    launcher = get_backend(backend)
    with ws.catalog.connect() as conn:
        conn.execute("UPDATE jobs SET status='queued', cancel_requested=0, error=NULL, backend=?, "
                     "finished_at=NULL WHERE id=?", (backend, job_id))
    _launch(ws, job_id, launcher, backend_options)
    return job_id


def wait(ws: Workspace, job_id: str, *, timeout: float | None = None,
         poll: float = 0.2,
         on_progress: Callable[[int, int | None, str], None] | None = None) -> JobRecord:
    """Block until a job is no longer active (or the timeout passes).

    ``on_progress`` receives the job's recorded progress at every poll.
    """
    start = time.monotonic()
    while True:
        rec = get_job(ws, job_id)
        if on_progress is not None:
            on_progress(rec.done, rec.total, rec.message)
        if not rec.active:
            return rec
        if timeout is not None and time.monotonic() - start > timeout:
            return rec
        time.sleep(poll)


class JobContext:
    """Progress reporting and cancel checks for a running job.

    Instances are :class:`~artexplore.progress.ProgressCallback` objects.

    Parameters
    ----------
    ws : Workspace
    job_id : str
    on_progress : callable, optional
        Also called with every progress report (the CLI draws a bar with it).
    min_interval : float, default=0.3
        Seconds between two writes of progress to the catalogue.
    """

    def __init__(self, ws: Workspace, job_id: str, *,
                 on_progress: Callable[[int, int | None, str], None] | None = None,
                 min_interval: float = 0.3) -> None:
        self.ws = ws
        self.job_id = job_id
        self.on_progress = on_progress
        self.min_interval = min_interval
        self._last = 0.0

    def __call__(self, done: int, total: int | None = None, message: str = "") -> None:
        if self.on_progress is not None:
            self.on_progress(done, total, message)
        t = time.monotonic()
        if t - self._last < self.min_interval and (total is None or done < total):
            return
        self._last = t
        with self.ws.catalog.connect() as conn:
            conn.execute("UPDATE jobs SET done=?, total=COALESCE(?, total), message=?, "
                         "heartbeat_at=? WHERE id=?",
                         (int(done), None if total is None else int(total), message, now(),
                          self.job_id))
            cancelled = conn.execute("SELECT cancel_requested FROM jobs WHERE id=?",
                                     (self.job_id,)).fetchone()[0]
        if cancelled:
            raise JobCancelled(f"job {self.job_id} was cancelled")

    def check_cancelled(self) -> None:
        """Raise :class:`JobCancelled` if the user asked to cancel."""
        if self.ws.catalog.scalar("SELECT cancel_requested FROM jobs WHERE id=?", (self.job_id,)):
            raise JobCancelled(f"job {self.job_id} was cancelled")


class _Heartbeat(threading.Thread):
    def __init__(self, ws: Workspace, job_id: str) -> None:
        super().__init__(daemon=True, name=f"heartbeat-{job_id}")
        self.ws, self.job_id = ws, job_id
        self.stop_event = threading.Event()

    def run(self) -> None:
        while not self.stop_event.wait(HEARTBEAT_S):
            try:
                with self.ws.catalog.connect() as conn:
                    conn.execute("UPDATE jobs SET heartbeat_at=? WHERE id=?", (now(), self.job_id))
            except Exception as exc:  # never let the heartbeat kill a job
                log.debug("heartbeat failed: %s", exc)


def _raise_cancel(signum: int, frame: Any) -> None:
    raise JobCancelled("job stopped by signal")


def run_job(ws: Workspace | Path | str, job_id: str, *,
            on_progress: Callable[[int, int | None, str], None] | None = None,
            raise_errors: bool = False) -> JobRecord:
    """Execute a queued job in this process and record its outcome.

    Parameters
    ----------
    ws : Workspace or path
    job_id : str
    on_progress : callable, optional
        Receives every progress report.
    raise_errors : bool, default=False
        Re-raise the job's exception after recording it (the CLI uses this).

    Returns
    -------
    JobRecord
        The job after it ended.
    """
    _ensure_kinds()
    ws = ws if isinstance(ws, Workspace) else Workspace(ws)
    rec = get_job(ws, job_id)
    if rec.status == "done":
        return rec
    fn = JOB_KINDS.get(rec.kind)
    if fn is None:
        raise unknown_name("job kind", rec.kind, JOB_KINDS)
    with ws.catalog.connect() as conn:
        conn.execute(
            "UPDATE jobs SET status='running', pid=?, host=?, started_at=?, heartbeat_at=?, "
            "attempts=attempts+1, error=NULL WHERE id=?",
            (os.getpid(), socket.gethostname(), now(), now(), job_id))
    heartbeat = _Heartbeat(ws, job_id)
    heartbeat.start()
    previous = None
    if threading.current_thread() is threading.main_thread():
        previous = signal.signal(signal.SIGTERM, _raise_cancel)
    ctx = JobContext(ws, job_id, on_progress=on_progress)
    error: BaseException | None = None
    try:
        ctx.check_cancelled()
        result = fn(ws, rec.params, ctx) or {}
        status, payload, err = "done", json.dumps(result, default=str), None
    except JobCancelled as exc:
        status, payload, err, error = "cancelled", None, str(exc), exc
    except KeyboardInterrupt as exc:
        status, payload, err, error = "interrupted", None, "interrupted by the user", exc
    except Exception as exc:
        # The traceback goes to the job's log (a worker logs at INFO) and to the
        # terminal only with --verbose; the record keeps it in ``error``.
        log.info("job %s failed", job_id, exc_info=True)
        detail = str(exc) if isinstance(exc, ArtExploreError) else traceback.format_exc(limit=8)
        status, payload, err, error = "failed", None, f"{type(exc).__name__}: {exc}\n{detail}", exc
    finally:
        heartbeat.stop_event.set()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    with ws.catalog.connect() as conn:
        conn.execute("UPDATE jobs SET status=?, result=?, error=?, finished_at=?, heartbeat_at=? "
                     "WHERE id=?", (status, payload, err, now(), now(), job_id))
    if error is not None and raise_errors:
        raise error
    return get_job(ws, job_id)


def run_inline(ws: Workspace, kind: str, params: dict[str, Any], *,
               on_progress: Callable[[int, int | None, str], None] | None = None) -> JobRecord:
    """Record a job and run it in this process (what the CLI does).

    The job shows in the app like any other, and an interrupted CLI run can be
    resumed from the app or by running the same command again. When an identical
    job (same kind and parameters) is already running — from the app, another
    terminal — this one joins it: it waits for that job and returns its record,
    instead of computing the same thing twice (if that job does not finish, this
    one runs the stage itself, which then only does what is left).

    Raises
    ------
    Exception
        Whatever the job raised, after it was recorded.
    """
    _ensure_kinds()
    if kind not in JOB_KINDS:
        raise unknown_name("job kind", kind, JOB_KINDS)
    twin = find_active(ws, kind, params)
    if twin is not None:
        log.warning("an identical %s job (%s) is already running; waiting for it", kind, twin.id)
        if on_progress is not None:
            on_progress(0, None, f"waiting for job {twin.id}")
        joined = wait(ws, twin.id)
        if joined.status == "done":
            return joined
    job_id = new_id(kind)
    with ws.catalog.connect() as conn:
        conn.execute(
            "INSERT INTO jobs(id, kind, params, backend, status, created_at) "
            "VALUES (?, ?, ?, 'inline', 'queued', ?)",
            (job_id, kind, json.dumps(params, sort_keys=True, default=str), now()))
    return run_job(ws, job_id, on_progress=on_progress, raise_errors=True)


def bring_up_to_date(ws: Workspace, stage: str, params: dict[str, Any], *,
                     on_progress: Callable[[int, int | None, str], None] | None = None
                     ) -> JobRecord | None:
    """Run a stage as a recorded job when the stage graph says it is not current.

    What a command needs is computed in the open, as a job of its own (shown in
    the app, resumable), never silently inside another stage.

    Parameters
    ----------
    ws : Workspace
    stage : str
        A stage of :data:`artexplore.pipeline.STAGES`.
    params : dict
        The job's parameters (``features`` names the feature set).
    on_progress : callable, optional

    Returns
    -------
    JobRecord or None
        The job that ran, or None when the stage was current.
    """
    from ..pipeline import CURRENT, STAGES, state

    if state(ws, stage, features=params.get("features")).status == CURRENT:
        return None
    return run_inline(ws, STAGES[stage].job_kind, params, on_progress=on_progress)

"""Commands for background jobs: list, cancel, resume, run."""

from __future__ import annotations

from pathlib import Path

import typer

from .. import jobs as jobs_lib
from ..errors import ConfigError
from .common import WorkspaceOption, app, command, open_workspace, print_json, progress_bar

job_app = typer.Typer(help="Background jobs: list, cancel, resume.", no_args_is_help=True)
app.add_typer(job_app, name="jobs")


def _row(rec: jobs_lib.JobRecord) -> dict:
    return {"id": rec.id, "kind": rec.kind, "status": rec.status, "done": rec.done,
            "total": rec.total, "message": rec.message, "backend": rec.backend,
            "created_at": rec.created_at, "error": (rec.error or "").splitlines()[0:1]}


@command("list", group=job_app)
def list_command(workspace: Path = WorkspaceOption,
                 active: bool = typer.Option(False, help="Only queued and running jobs.")) -> None:
    """List jobs, newest first (one JSON line)."""
    ws = open_workspace(workspace)
    print_json([_row(r) for r in jobs_lib.list_jobs(ws, active_only=active)])


@command("cancel", group=job_app)
def cancel_command(job_id: str, workspace: Path = WorkspaceOption) -> None:
    """Ask a job to stop; what it finished is kept."""
    ws = open_workspace(workspace)
    print_json(_row(jobs_lib.cancel(ws, job_id)))


@command("resume", group=job_app)
def resume_command(
    job_id: str,
    workspace: Path = WorkspaceOption,
    backend: str = typer.Option("inline", help="inline (here, waiting), local or ray "
                                                "(a detached driver here; it survives the CLI)."),
    address: str | None = typer.Option(None, "--address",
                                       help="With --backend ray: the head's HOST:6379 or auto "
                                            "(default: the job's previous address)."),
) -> None:
    """Run an interrupted, failed or cancelled job again from where it stopped."""
    ws = open_workspace(workspace)
    rec = jobs_lib.get_job(ws, job_id)
    if address is not None and backend != "ray":
        raise ConfigError("--address needs --backend ray")
    if backend == "inline" and rec.resumable:
        with progress_bar(rec.kind) as bar:
            jobs_lib.resume(ws, job_id, backend="inline", on_progress=bar, raise_errors=True)
    elif rec.resumable:
        options = {"address": address} if address is not None else {}
        jobs_lib.resume(ws, job_id, backend=backend, **options)
    print_json(_row(jobs_lib.get_job(ws, job_id)))

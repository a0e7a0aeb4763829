"""Background jobs: registry of job kinds, backends (local worker, inline, Ray), progress."""

from __future__ import annotations

from .backends import BACKENDS, available_backends, get_backend, job_log_path, register_backend
from .core import (
    JOB_KINDS,
    JobContext,
    JobRecord,
    bring_up_to_date,
    cancel,
    get_job,
    list_jobs,
    register_job,
    resume,
    run_inline,
    run_job,
    submit,
    wait,
)

__all__ = [
    "BACKENDS",
    "JOB_KINDS",
    "JobContext",
    "JobRecord",
    "available_backends",
    "bring_up_to_date",
    "cancel",
    "get_backend",
    "get_job",
    "job_log_path",
    "list_jobs",
    "register_backend",
    "register_job",
    "resume",
    "run_inline",
    "run_job",
    "submit",
    "wait",
]

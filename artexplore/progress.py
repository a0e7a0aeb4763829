"""The progress callback every long-running library function accepts.

A callback receives ``(done, total, message)``. Job runners use it to store
progress and to stop a job the user cancelled: the callback then raises
:class:`~artexplore.errors.JobCancelled`, and the stage keeps what it finished.
"""

from __future__ import annotations

from typing import Protocol


class ProgressCallback(Protocol):
    """Signature of a progress callback."""

    def __call__(self, done: int, total: int | None = None, message: str = "") -> None:
        """Report that ``done`` of ``total`` items are finished."""


def null_progress(done: int, total: int | None = None, message: str = "") -> None:
    """A progress callback that ignores everything."""

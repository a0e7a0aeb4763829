"""Job widgets: one job tracker for every page, the job rows, the readable job summary.

A page starts a background job with :func:`submit_job`; :func:`job_tracker` (a fragment
refreshed every two seconds while a job of the page runs, and not at all otherwise) shows
the progress of the jobs that page started and, when one ends, leaves a note for the page
and reruns it. The sidebar and the Jobs page list every job with :func:`job_row`; the
sidebar's list polls every two seconds while a job is active and every
:data:`IDLE_POLL_S` seconds otherwise (a job started from the CLI still shows up).

A fragment that reruns on a timer costs a round trip and a render in the browser; one
that nobody needs slows the first render of every page.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, NoReturn

import streamlit as st

from artexplore import jobs
from artexplore.errors import ArtExploreError
from artexplore.store import Workspace

ACTIVE_POLL_S = 2  # seconds between refreshes while a job is active
IDLE_POLL_S = 15  # the sidebar's check for jobs started elsewhere (the CLI, another tab)

# Streamlit's Material icons: they need no emoji font in the browser.
ICONS = {"queued": ":material/schedule:", "running": ":material/progress_activity:",
         "done": ":material/check_circle:", "failed": ":material/error:",
         "cancelled": ":material/cancel:", "interrupted": ":material/warning:"}


def status_text(rec: jobs.JobRecord) -> str:
    """One line: icon, label, status and, while it matters, the progress count."""
    text = f"{ICONS.get(rec.status, '')} {rec.label} — {rec.status}"
    if rec.status == "done":
        took = duration(rec)
        return text + (f" in {took}" if took else "")
    if rec.total:
        text += f" · {rec.done} of {rec.total}"
    elif rec.done:
        text += f" · {rec.done}"
    if rec.message and rec.active:
        text += f" · {rec.message}"
    return text


def duration(rec: jobs.JobRecord) -> str:
    """How long a job ran (``"1 min 12 s"``), or ``""`` when it is not known."""
    try:
        seconds = (datetime.fromisoformat(rec.finished_at)
                   - datetime.fromisoformat(rec.started_at)).total_seconds()
    except (TypeError, ValueError):
        return ""
    minutes, secs = divmod(int(round(seconds)), 60)
    return f"{minutes} min {secs} s" if minutes else f"{secs} s"


def job_row(ws: Workspace, rec: jobs.JobRecord, *, key: str) -> None:
    """One job: status line, progress bar and its actions (cancel, resume)."""
    fraction = 1.0 if rec.status == "done" else rec.fraction
    st.progress(fraction, text=status_text(rec))
    if rec.active and st.button("Cancel", key=f"cancel-{key}-{rec.id}",
                                icon=":material/stop_circle:"):
        jobs.cancel(ws, rec.id)
        st.toast(f"Cancelling {rec.label}; finished work is kept.")
        st.rerun()
    if rec.resumable and st.button("Resume", key=f"resume-{key}-{rec.id}",
                                   icon=":material/replay:"):
        jobs.resume(ws, rec.id, backend="local")
        st.toast(f"Resuming {rec.label}")
        st.rerun()
    if rec.status == "failed" and rec.error:
        st.caption(first_line(rec.error))


def first_line(error: str | None) -> str:
    """The first line of a job's error, short enough for a caption."""
    return (error or "").strip().splitlines()[0][:200] if error and error.strip() else ""


def _when(stamp: str | None) -> str:
    if not stamp:
        return "–"
    try:
        return datetime.fromisoformat(stamp).strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return stamp


def _value(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value[:8]) + (f" … ({len(value)})" if len(value) > 8
                                                       else "")
    if isinstance(value, dict):
        return f"{len(value)} entries"
    return str(value)


def job_summary(rec: jobs.JobRecord) -> list[tuple[str, str]]:
    """A readable summary of a job: (what, value) rows for a table.

    Parameters and results are listed by name with short values; nested values
    are summarised (the raw record stays available as JSON).
    """
    rows = [("job", f"{rec.kind} ({rec.id})"), ("status", rec.status),
            ("started", _when(rec.started_at or rec.created_at)),
            ("finished", _when(rec.finished_at))]
    took = duration(rec)
    if took:
        rows.append(("took", took))
    if rec.total:
        rows.append(("progress", f"{rec.done} of {rec.total}"))
    if rec.attempts > 1:
        rows.append(("attempts", str(rec.attempts)))
    rows += [(f"asked: {k.replace('_', ' ')}", _value(v)) for k, v in rec.params.items()
             if k != "label" and v not in (None, "", {}, [])]
    rows += [(f"result: {k.replace('_', ' ')}", _value(v)) for k, v in (rec.result or {}).items()
             if v not in (None, "", {}, [])]
    if rec.error:
        rows.append(("error", first_line(rec.error)))
    return rows


def raw_record(rec: jobs.JobRecord) -> dict[str, Any]:
    """The job record as stored, for the "raw" expander."""
    return {"id": rec.id, "params": rec.params, "backend": rec.backend,
            "created": rec.created_at, "started": rec.started_at,
            "finished": rec.finished_at, "attempts": rec.attempts,
            "result": rec.result, "error": rec.error}


def active_jobs_panel(ws: Workspace) -> None:
    """Running and queued jobs (sidebar), refreshed while any is active.

    When a job starts or the last one ends (seen by the refresh), the whole page reruns:
    it may show new results, and the refresh changes pace.
    """
    was_active = bool(jobs.list_jobs(ws, active_only=True))

    @st.fragment(run_every=ACTIVE_POLL_S if was_active else IDLE_POLL_S)
    def panel() -> None:
        active = jobs.list_jobs(ws, active_only=True)
        if bool(active) != was_active:
            st.rerun()
        recent = [r for r in jobs.list_jobs(ws, limit=5) if r.status == "interrupted"]
        if not active and not recent:
            st.caption("No job running.")
            return
        for rec in active + recent[:2]:
            job_row(ws, rec, key="side")

    panel()


# -- the shared tracker of jobs a page started ----------------------------------------------------
def _pending_key(page: str) -> str:
    return f"jobs_pending_{page}"


def submit_job(ws: Workspace, kind: str, params: dict[str, Any], *, page: str,
               **backend_options: Any) -> NoReturn:
    """Start a background job from a page and track it there (see :func:`job_tracker`).

    ``backend_options`` go to :func:`artexplore.jobs.submit` (``backend``, ``address``).
    The page then reruns (a toast names the job); nothing after this call runs.
    """
    job_id = jobs.submit(ws, kind, params, **backend_options)
    key = _pending_key(page)
    st.session_state[key] = [*st.session_state.get(key, []), job_id]
    st.session_state.setdefault(f"jobs_started_{page}", []).append(
        f"Started {kind} job {job_id}; progress below and in the sidebar.")
    # The page's tracker was drawn before this button ran, idle: a new run draws it again,
    # refreshing, with the job in it (and the sidebar's list at the faster pace).
    st.rerun()


def tracked_notes(page: str) -> None:
    """Show (once) the jobs a page started (a toast) and what they came to (a line each)."""
    for note in st.session_state.pop(f"jobs_started_{page}", []):
        st.toast(note)
    for note in st.session_state.pop(f"jobs_done_{page}", []):
        st.success(note)
    for note in st.session_state.pop(f"jobs_failed_{page}", []):
        st.error(note)


def job_tracker(ws: Workspace, *, page: str,
                on_done: Callable[[jobs.JobRecord], str | None] | None = None) -> None:
    """Progress of the jobs started on ``page``; when one ends, note it and rerun the page.

    Parameters
    ----------
    ws : Workspace
    page : str
        The page's name (keys the session state).
    on_done : callable, optional
        Called with a finished job's record (e.g. to choose its result on the page);
        it may return extra text for the "finished" note.
    """

    key = _pending_key(page)

    @st.fragment(run_every=ACTIVE_POLL_S if st.session_state.get(key) else None)
    def tracker() -> None:
        pending = st.session_state.get(key, [])
        still = []
        for job_id in pending:
            try:
                rec = jobs.get_job(ws, job_id)
            except ArtExploreError:
                continue
            if rec.active:
                still.append(job_id)
                st.progress(rec.fraction, text=status_text(rec))
            elif rec.status == "done":
                extra = on_done(rec) if on_done else None
                note = f"{rec.label} finished" + (f": {extra}" if extra else "")
                st.session_state.setdefault(f"jobs_done_{page}", []).append(note)
            else:
                note = f"{rec.label} {rec.status}. {first_line(rec.error)}".strip()
                st.session_state.setdefault(f"jobs_failed_{page}", []).append(note)
        if still != pending:
            st.session_state[key] = still
            st.rerun()

    tracker()

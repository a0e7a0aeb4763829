"""Job widgets: the live job list with progress bars, cancel and resume."""

from __future__ import annotations

import streamlit as st

from artexplore import jobs
from artexplore.store import Workspace

_ICONS = {"queued": "⏳", "running": "▶️", "done": "✅", "failed": "❌",
          "cancelled": "⏹️", "interrupted": "⚠️"}


def job_row(ws: Workspace, rec: jobs.JobRecord, *, key: str) -> None:
    """One job: label, progress bar and its actions."""
    total = f" of {rec.total}" if rec.total else ""
    text = f"{_ICONS.get(rec.status, '')} {rec.label} — {rec.status} {rec.done}{total}"
    if rec.message and rec.active:
        text += f" · {rec.message}"
    st.progress(rec.fraction, text=text)
    cols = st.columns(2)
    if rec.active and cols[0].button("Cancel", key=f"cancel-{key}-{rec.id}"):
        jobs.cancel(ws, rec.id)
        st.toast(f"Cancelling {rec.label}; finished work is kept.")
        st.rerun()
    if rec.resumable and cols[0].button("Resume", key=f"resume-{key}-{rec.id}"):
        jobs.resume(ws, rec.id, backend="local")
        st.toast(f"Resuming {rec.label}")
        st.rerun()
    if rec.status == "failed" and rec.error:
        cols[1].caption(rec.error.splitlines()[0][:200])


@st.fragment(run_every=2)
def active_jobs_panel(ws: Workspace) -> None:
    """Running and queued jobs, refreshed every two seconds (sidebar)."""
    active = jobs.list_jobs(ws, active_only=True)
    recent = [r for r in jobs.list_jobs(ws, limit=5) if r.status == "interrupted"]
    if not active and not recent:
        st.caption("No job running.")
        return
    for rec in active + recent[:2]:
        job_row(ws, rec, key="side")

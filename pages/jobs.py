"""Jobs: every background job with its progress, outcome and log."""

from __future__ import annotations

import streamlit as st

from artexplore import jobs
from ui.jobs import job_row
from ui.state import current_workspace, require_app

require_app(__file__)

ws = current_workspace()
st.title("Jobs")
st.caption("Heavy stages run in worker processes; cancelling keeps finished work, and "
           "resuming continues where a job stopped.")


@st.fragment(run_every=2)
def job_list() -> None:
    records = jobs.list_jobs(ws, limit=50)
    if not records:
        st.info("No job has run in this workspace yet.")
        return
    for rec in records:
        with st.container(border=True):
            job_row(ws, rec, key="page")
            with st.expander("Details"):
                st.json({"id": rec.id, "params": rec.params, "backend": rec.backend,
                         "created": rec.created_at, "started": rec.started_at,
                         "finished": rec.finished_at, "attempts": rec.attempts,
                         "result": rec.result, "error": rec.error})
                log = jobs.job_log_path(ws, rec.id)
                if log.exists() and log.stat().st_size:
                    st.code(log.read_text(errors="replace")[-4000:], language="text")


job_list()

"""Jobs: every background job with its progress, outcome and log."""

from __future__ import annotations

import streamlit as st

from artexplore import jobs
from ui.jobs import job_row, job_summary, raw_record
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
            if rec.failed_on_config:
                st.caption("Its settings were refused: start it again with other settings.")
            with st.expander("Details"):
                summary = job_summary(rec)
                st.table({"": [r[0] for r in summary], "value": [r[1] for r in summary]})
                log = jobs.job_log_path(ws, rec.id)
                if log.exists() and log.stat().st_size:
                    st.markdown("**Log** (last lines)")
                    st.code(log.read_text(errors="replace")[-4000:], language="text")
            with st.expander("Raw record (JSON)"):
                st.json(raw_record(rec))


job_list()

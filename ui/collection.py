"""Collection widgets: add a collection (a folder, a IIIF URL, a new workspace), open another
workspace, and the report of the ingest started here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import streamlit as st

from artexplore import jobs
from artexplore.errors import ArtExploreError
from artexplore.ingest.folder import format_ingest_summary
from artexplore.store import Workspace
from artexplore.workspaces import (
    check_folder,
    create_workspace,
    known_workspaces,
    start_folder_ingest,
    start_iiif_ingest,
)

from .jobs import job_row
from .state import switch_workspace

JOB_KEY = "collection_job"


def _start(ws: Workspace, start: Callable[[], str]) -> None:
    """Run a start function; remember its job, or show why it could not start."""
    try:
        job_id = start()
    except ArtExploreError as exc:
        st.error(str(exc))
        return
    st.session_state[JOB_KEY] = {"workspace": str(ws.root), "id": job_id}
    st.toast(f"Ingest started ({job_id}); its progress is shown below.")


def add_collection_panel(ws: Workspace, *, expanded: bool) -> None:
    """The "Add a collection" expander: folder, IIIF, new workspace, open another."""
    with st.expander("Add a collection", expanded=expanded):
        folder_tab, iiif_tab, new_tab, open_tab = st.tabs(
            ["Folder", "IIIF manifest or collection", "New workspace", "Open another workspace"])
        with folder_tab, st.form("ingest"):
            folder = st.text_input("Image folder", value=str(ws.source_root or ""),
                                   key="add_folder",
                                   help="A folder on the server, searched recursively; "
                                        "re-scanning only reads changed files.")
            metadata = st.text_input("Metadata CSV (optional)", key="add_metadata",
                                     help="Joined by relative path or file name; columns "
                                          "artist, title, date, style, technique, width_cm…")
            relocate = st.checkbox("The collection folder moved", value=False)
            if st.form_submit_button("Ingest", type="primary"):
                _start(ws, lambda: start_folder_ingest(ws, folder, metadata,
                                                       relocate=relocate))
        with iiif_tab, st.form("ingest_iiif"):
            url = st.text_input("Manifest or collection URL", key="add_iiif_url",
                                placeholder="https://museum.example/iiif/collection.json",
                                help="IIIF Presentation 2 or 3; collections are followed.")
            c1, c2 = st.columns(2)
            size = c1.number_input("Image size (longest side, pixels)", min_value=256,
                                   max_value=4096, value=1024, step=128)
            limit = c2.number_input("At most this many works (0: all)", min_value=0,
                                    value=0, step=10)
            if st.form_submit_button("Ingest from IIIF", type="primary"):
                _start(ws, lambda: start_iiif_ingest(ws, url, size=int(size),
                                                     limit=int(limit) or None))
        with new_tab, st.form("new_workspace"):
            name = st.text_input("Name of the new workspace", key="new_ws_name",
                                 help=f"Created next to this one, in {ws.root.parent}.")
            new_folder = st.text_input("Image folder", key="new_ws_folder")
            new_metadata = st.text_input("Metadata CSV (optional)", key="new_ws_metadata")
            if st.form_submit_button("Create and ingest", type="primary"):
                _create(ws, name, new_folder, new_metadata)
        with open_tab:
            known = known_workspaces(ws.root, st.session_state.get("known_workspaces", []))
            options = [str(p) for p in known]
            choice = st.selectbox("Workspace", options,
                                  index=options.index(str(ws.root)) if str(ws.root) in options
                                  else 0, format_func=lambda p: f"{Path(p).name} — {p}",
                                  key="open_workspace_choice")
            if st.button("Open", key="open_workspace") and choice and choice != str(ws.root):
                switch_workspace(choice)


def _create(ws: Workspace, name: str, folder: str, metadata: str) -> None:
    try:
        check_folder(folder, metadata)  # before anything is created
        new = create_workspace(ws.root.parent, name)
        job_id = start_folder_ingest(new, folder, metadata)
    except ArtExploreError as exc:
        st.error(str(exc))
        return
    st.session_state[JOB_KEY] = {"workspace": str(new.root), "id": job_id}
    switch_workspace(new.root)


@st.fragment(run_every=2)
def _live(ws: Workspace, job_id: str) -> None:
    rec = jobs.get_job(ws, job_id)
    job_row(ws, rec, key="collection")
    if not rec.active:
        st.rerun()  # the whole page: counts, grid and report show the result


def ingest_report(ws: Workspace) -> None:
    """Progress of the ingest started on this page, then its summary and skipped sources."""
    entry = st.session_state.get(JOB_KEY)
    if not entry or entry.get("workspace") != str(ws.root):
        return
    try:
        rec = jobs.get_job(ws, entry["id"])
    except ArtExploreError:
        return
    if rec.active:
        _live(ws, rec.id)
        return
    with st.container(border=True):
        st.markdown(f"**Last ingest started here** · {rec.status}")
        if rec.status == "failed":
            st.error((rec.error or "failed").splitlines()[0][:300])
        result = rec.result or {}
        if result:
            summary = format_ingest_summary({**result, "skipped_files": []})
            st.text("\n".join(line for line in summary if not line.startswith("  …")))
        listed = result.get("skipped_files") or []
        if listed:
            st.dataframe(listed, width="stretch", hide_index=True)

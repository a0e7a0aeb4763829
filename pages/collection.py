"""Collection: browse, filter and inspect the works; see skipped files; add a folder."""

from __future__ import annotations

import math

import streamlit as st

from artexplore import jobs
from artexplore.errors import ArtExploreError
from artexplore.store import WorkQuery
from ui.gallery import thumbnail_grid, work_detail
from ui.paths import allowed_path
from ui.state import current_workspace, open_work, require_app

require_app(__file__)

ws = current_workspace()
counts = ws.counts()

st.title("Collection")

if st.session_state.get("work_id"):
    try:
        work = ws.work(st.session_state["work_id"])
    except Exception:
        st.session_state["work_id"] = None
        st.rerun()
    if st.button("← Back to the collection", key="back"):
        st.session_state["work_id"] = None
        st.rerun()
    work_detail(ws, work)
    st.stop()

m1, m2, m3 = st.columns(3)
m1.metric("Works", counts.get("ok", 0))
m2.metric("Missing files", counts.get("missing", 0))
m3.metric("Skipped files", counts.get("skipped", 0))

with st.expander("Add or re-scan a folder", expanded=counts.get("ok", 0) == 0):
    with st.form("ingest"):
        folder = st.text_input("Image folder", value=str(ws.source_root or ""),
                               help="Searched recursively; re-scanning only reads changed files.")
        metadata = st.text_input("Metadata CSV (optional)",
                                 help="Joined by relative path or file name; columns artist, "
                                      "title, date, style, technique, width_cm, height_cm…")
        relocate = st.checkbox("The collection folder moved", value=False)
        if st.form_submit_button("Ingest", type="primary"):
            try:
                folder_path = allowed_path(folder)
                metadata_path = allowed_path(metadata) if metadata.strip() else None
            except ArtExploreError as exc:
                st.error(str(exc))
            else:
                if not folder_path.is_dir():
                    st.error(f"Folder not found: {folder!r}")
                elif metadata_path is not None and not metadata_path.is_file():
                    st.error(f"Metadata file not found: {metadata!r}")
                else:
                    job_id = jobs.submit(ws, "ingest", {
                        "folder": str(folder_path),
                        "metadata": str(metadata_path) if metadata_path else None,
                        "relocate": relocate, "label": folder_path.name})
                    st.toast(f"Ingest started ({job_id}); progress is in the sidebar.")

fields = ws.metadata_fields()
with st.container(border=True):
    c1, c2, c3, c4 = st.columns([3, 2, 2, 2])
    text = c1.text_input("Search title, artist or file", key="coll_text")
    status = c2.multiselect("Status", ["ok", "missing"], default=["ok"], key="coll_status")
    flags = c3.multiselect("Flags", ["small", "animated", "extension-mismatch", "exif-rotated"],
                           key="coll_flags")
    order = c4.selectbox("Sort by", ["path", *fields], key="coll_order")
    filter_fields = st.multiselect("Filter on fields", fields, key="coll_fields")
    chosen: list[tuple[str, tuple[str, ...]]] = []
    if filter_fields:
        cols = st.columns(len(filter_fields))
        for col, name in zip(cols, filter_fields, strict=True):
            values = [v for v, _ in ws.field_values(name)]
            picked = col.multiselect(name, values, key=f"coll_field_{name}")
            chosen.append((name, tuple(picked)))

query = WorkQuery(text=text, status=tuple(status), flags=tuple(flags), fields=tuple(chosen))
_, total = ws.search(query, limit=0)
p1, p2, p3 = st.columns([2, 2, 6])
page_size = p1.selectbox("Per page", [24, 48, 96], index=1, key="coll_page_size")
pages = max(1, math.ceil(total / page_size))
page = p2.number_input("Page", min_value=1, max_value=pages, value=1, key="coll_page")
p3.caption(f"{total} works match · page {page} of {pages}")
works, _ = ws.search(query, limit=page_size, offset=(page - 1) * page_size, order_by=order)

if works:
    thumbnail_grid(ws, works, key="coll", on_click=lambda w: (open_work(w["id"]), st.rerun()))
else:
    st.info("No work matches these filters." if counts.get("ok") else
            "The collection is empty: add a folder above.")

skipped = ws.skipped()
with st.expander(f"Skipped files ({len(skipped)})", expanded=False):
    if skipped:
        st.dataframe(
            [{"path": s["path"], "reason": s["reason"], "detail": s["detail"]} for s in skipped],
            width="stretch", hide_index=True)
    else:
        st.caption("Every file was read.")

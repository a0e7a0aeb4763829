"""Collection: browse, filter and inspect the works; see skipped files; add a collection."""

from __future__ import annotations

import math

import streamlit as st

from artexplore.store import WorkQuery
from ui.collection import add_collection_panel, ingest_report
from ui.gallery import thumbnail_grid, work_detail
from ui.state import (
    current_workspace,
    keep_widget,
    metadata_fields,
    open_work,
    require_app,
    restore_widget,
)

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
        st.session_state["_coll_returning"] = True  # the filters are drawn anew: restore them
        st.rerun()
    work_detail(ws, work)
    st.stop()

m1, m2, m3 = st.columns(3)
m1.metric("Works", counts.get("ok", 0))
m2.metric("Missing files", counts.get("missing", 0))
m3.metric("Skipped files", counts.get("skipped", 0))

add_collection_panel(ws, expanded=counts.get("ok", 0) == 0)
ingest_report(ws)

fields = metadata_fields(ws)
# The filters and the page survive a visit to a work's details (see ui.state).
FILTERS = {"coll_text": "", "coll_status": ["ok"], "coll_flags": [], "coll_order": "path",
           "coll_fields": [], "coll_page_size": 48, "coll_page": 1}
returning = st.session_state.pop("_coll_returning", False)
for key, default in FILTERS.items():
    restore_widget(key, default, force=returning)
with st.container(border=True):
    c1, c2, c3, c4 = st.columns([3, 2, 2, 2])
    text = c1.text_input("Search title, artist or file", key="coll_text")
    status = c2.multiselect("Status", ["ok", "missing"], key="coll_status")
    flags = c3.multiselect("Flags", ["small", "animated", "extension-mismatch", "exif-rotated"],
                           key="coll_flags")
    order = c4.selectbox("Sort by", ["path", *fields], key="coll_order")
    filter_fields = st.multiselect("Filter on fields", fields, key="coll_fields")
    chosen: list[tuple[str, tuple[str, ...]]] = []
    if filter_fields:
        cols = st.columns(len(filter_fields))
        for col, name in zip(cols, filter_fields, strict=True):
            values = [v for v, _ in ws.field_values(name)]
            restore_widget(f"coll_field_{name}", [], force=returning)
            picked = col.multiselect(name, values, key=f"coll_field_{name}")
            keep_widget(f"coll_field_{name}")
            chosen.append((name, tuple(picked)))

query = WorkQuery(text=text, status=tuple(status), flags=tuple(flags), fields=tuple(chosen))
_, total = ws.search(query, limit=0)
p1, p2, p3 = st.columns([2, 2, 6])
page_size = p1.selectbox("Per page", [24, 48, 96], key="coll_page_size")
pages = max(1, math.ceil(total / page_size))
st.session_state["coll_page"] = min(int(st.session_state["coll_page"]), pages)
page = p2.number_input("Page", min_value=1, max_value=pages, key="coll_page")
for key in FILTERS:
    keep_widget(key)
p3.caption(f"{total} works match · page {page} of {pages}")
works, _ = ws.search(query, limit=page_size, offset=(page - 1) * page_size, order_by=order)

if works:
    thumbnail_grid(ws, works, key="coll", on_click=lambda w: (open_work(w["id"]), st.rerun()))
else:
    st.info("No work matches these filters." if counts.get("ok") else
            "The collection is empty: add a collection above.")

skipped = ws.skipped()
with st.expander(f"Skipped files and sources ({len(skipped)})", expanded=False):
    if skipped:
        st.dataframe(
            [{"path": s["path"], "reason": s["reason"], "detail": s["detail"]} for s in skipped],
            width="stretch", hide_index=True)
    else:
        st.caption("Every file was read.")

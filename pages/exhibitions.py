"""Exhibitions: create from a cluster, a selection or by hand; edit, sequence, preview, export."""

from __future__ import annotations

import functools

import streamlit as st
from streamlit_sortables import sort_items

from artexplore.cluster import list_runs, load_run
from artexplore.errors import ArtExploreError
from artexplore.exhibit import (
    EXPORT_FORMATS,
    ExportOptions,
    create_exhibition,
    delete_exhibition,
    list_exhibitions,
    load_exhibition,
    order_exhibition,
    propose_sections,
    render_export,
    save_exhibition,
    works_of_selection,
)
from artexplore.exhibit.export import MIME, SUFFIXES
from artexplore.store import WorkQuery
from artexplore.store.selections import list_selections
from ui.features import pick_feature_set, stage_banner
from ui.gallery import caption, square_thumbnail
from ui.jobs import job_tracker, submit_job, tracked_notes
from ui.state import current_workspace, keep_widget, require_app, restore_widget
from ui.text import plain

require_app(__file__)

ws = current_workspace()
st.title("Exhibitions")

SOURCES = ["A cluster", "A saved selection", "The current selection", "Works picked by hand"]

# -- create -----------------------------------------------------------------------------------
with st.expander("New exhibition", expanded=not list_exhibitions(ws)):
    title = st.text_input("Title", key="ex_new_title")
    description = st.text_area("Description", key="ex_new_description", height=80)
    source = st.radio("Works from", SOURCES, horizontal=True, key="ex_new_source")
    ids: list[str] = []
    origin: dict = {}
    if source == SOURCES[0]:
        runs = list_runs(ws)
        if not runs:
            st.info("No clustering yet: cluster the collection on the Map page first.")
        else:
            run = st.selectbox("Clustering", runs, format_func=lambda r: r.label, key="ex_run")
            loaded = load_run(ws, run.id)
            sizes = loaded.sizes()
            cluster = st.selectbox("Cluster", sorted(sizes), key="ex_cluster",
                                   format_func=lambda c: f"cluster {c} ({sizes[c]} works)")
            ids = loaded.members(int(cluster))
            origin = {"kind": "cluster", "run": run.id, "cluster": int(cluster)}
    elif source == SOURCES[1]:
        saved = list_selections(ws)
        if not saved:
            st.info("No saved selection: lasso works on the Map page and save them.")
        else:
            name = st.selectbox("Selection", saved, key="ex_selection")
            ids = works_of_selection(ws, name)
            origin = {"kind": "selection", "name": name}
    elif source == SOURCES[2]:
        ids = list(st.session_state.get("selection", []))
        origin = {"kind": "selection", "name": st.session_state.get("selection_name", "")}
        st.caption(f"{len(ids)} works in the current selection (from the Map or Neighbours).")
    else:
        found, _ = ws.search(WorkQuery(status=("ok",)), order_by="title")
        labels = {w["id"]: caption(w) for w in found}
        ids = st.multiselect("Works", list(labels), format_func=lambda w: labels[w],
                             key="ex_hand")
        origin = {"kind": "works"}
    if st.button("Create exhibition", type="primary", key="ex_create",
                 disabled=not title.strip()):
        try:
            ex = create_exhibition(ws, title, ids, description=description, source=origin)
            st.session_state["exhibition_id"] = ex.id
            st.toast(f"Created “{ex.title}” with {len(ex)} works.")
        except ArtExploreError as exc:
            st.error(str(exc))

listed = list_exhibitions(ws)
if not listed:
    st.info("No exhibition yet: create one above.")
    st.stop()
known = [e["id"] for e in listed]
if st.session_state.get("exhibition_id") not in known:
    st.session_state["exhibition_id"] = known[0]
titles = {e["id"]: f"{e['title']} ({e['n_works']} works)" for e in listed}
chosen = st.selectbox("Exhibition", known, index=known.index(st.session_state["exhibition_id"]),
                      format_func=lambda i: titles[i], key="ex_pick")
st.session_state["exhibition_id"] = chosen
ex = load_exhibition(ws, chosen)
works = {w["id"]: w for w in ws.works(status=None, ids=ex.work_ids)}


def _save(message: str | None = None) -> None:
    save_exhibition(ws, ex)
    if message:
        st.session_state["ex_flash"] = message
    st.rerun()


if st.session_state.get("ex_flash"):
    st.success(st.session_state.pop("ex_flash"))
tracked_notes("exhibitions")  # "grow" runs as a job: its progress and its outcome
job_tracker(ws, page="exhibitions",
            on_done=lambda rec: f"added {rec.result.get('added', 0)} works like those already in"
            if rec.kind == "exhibition-grow" and rec.result else None)

# A view chosen with a segmented control held in session state (st.tabs cannot be chosen
# from code, so every save's rerun would show the first tab again).
VIEWS = ["Edit", "Sequence", "Preview", "Export"]
VIEW_ICONS = {"Edit": ":material/edit:", "Sequence": ":material/route:",
              "Preview": ":material/visibility:", "Export": ":material/download:"}


def _keep_a_view() -> None:
    # Clicking the chosen view again deselects it: keep the last one instead.
    if st.session_state.get("ex_view") is None:
        st.session_state["ex_view"] = st.session_state.get("_kept_ex_view") or VIEWS[0]


restore_widget("ex_view", VIEWS[0])
view = st.segmented_control("View", VIEWS, key="ex_view", label_visibility="collapsed",
                            format_func=lambda v: f"{VIEW_ICONS[v]} {v}", on_change=_keep_a_view,
                            width="stretch") or VIEWS[0]
keep_widget("ex_view")


def _label(number: int, work_id: str) -> str:
    work = works.get(work_id)
    return f"{number}. {caption(work) if work else work_id}"


SORTABLE_STYLE = """
.sortable-component { border: none; padding: 0; }
.sortable-container { background: transparent; border: 1px solid #e6e6ea; }
.sortable-container-header { font-weight: 600; color: #31333f; }
.sortable-item, .sortable-item:hover {
  background: #f0f2f6; color: #31333f; border: 1px solid #d5d7de; font-size: 0.85rem;
  padding: 2px 10px; margin: 2px 0; text-align: left; justify-content: flex-start; cursor: grab;
}
"""


def drag_and_drop() -> None:
    """Reorder the works, and move them between sections, by dragging them."""
    containers, by_label, number = [], {}, 0
    for k, section in enumerate(ex.sections, 1):
        items = []
        for item in section.items:
            number += 1
            label = _label(number, item.work_id)
            by_label[label] = item.work_id
            items.append(label)
        containers.append({"header": section.title or f"Section {k}", "items": items})
    # A new key whenever the order changes: the list is drawn anew from the stored order.
    key = f"ex_sort_{ex.id}_{abs(hash(tuple(map(tuple, (c['items'] for c in containers)))))}"
    if ex.has_sections:
        result = sort_items(containers, multi_containers=True, direction="vertical", key=key,
                            custom_style=SORTABLE_STYLE)
        groups = [[by_label[x] for x in c["items"]] for c in result]
    else:
        result = sort_items(containers[0]["items"], direction="vertical", key=key,
                            custom_style=SORTABLE_STYLE)
        groups = [[by_label[x] for x in result]]
    if groups != [[i.work_id for i in s.items] for s in ex.sections]:
        try:
            ex.arrange(groups)
            _save()
        except ArtExploreError as exc:
            st.error(str(exc))


# -- edit ------------------------------------------------------------------------------------------
if view == "Edit":
    c1, c2 = st.columns([3, 1])
    new_title = c1.text_input("Title", value=ex.title, key=f"ex_title_{ex.id}")
    new_desc = c1.text_area("Description", value=ex.description, key=f"ex_desc_{ex.id}")
    if c2.button("Save", key="ex_save_meta", icon=":material/save:", width="stretch",
                 help="Save the title and the description"):
        ex.title, ex.description = new_title, new_desc
        _save("Saved.")
    if c2.button("Delete", key="ex_delete", icon=":material/delete:", width="stretch",
                 help="Delete this exhibition (the works stay in the collection)"):
        delete_exhibition(ws, ex.id)
        st.session_state.pop("exhibition_id", None)
        st.rerun()
    section_ids = [s.id for s in ex.sections]
    section_names = {s.id: s.title or f"Section {k}" for k, s in enumerate(ex.sections, 1)}
    if len(ex):
        with st.expander("Drag to reorder" + (" or move between sections"
                                               if ex.has_sections else ""),
                         expanded=True, icon=":material/drag_indicator:"):
            drag_and_drop()
            st.caption("Or use ↑ and ↓ below (keyboard: Tab to a button, Enter).")
    number = 0
    for section in ex.sections:
        if ex.has_sections:
            h1, h2 = st.columns([4, 1], vertical_alignment="bottom")
            h1.subheader(section_names[section.id])
            if h2.button("Remove", key=f"ex_rmsec_{section.id}", icon=":material/close:",
                         width="stretch", help="Remove this section (its works join the "
                                               "previous one)"):
                ex.remove_section(section.id)
                _save()
        for item in section.items:
            number += 1
            work = works.get(item.work_id)
            widths = [1.2, 5, 0.8, 0.8] + ([2] if len(section_ids) > 1 else []) + [0.8]
            cols = st.columns(widths, vertical_alignment="center", gap="small")
            thumb = ws.thumbnail_path(item.work_id)
            if thumb.exists():
                cols[0].image(square_thumbnail(str(thumb), 128), width="stretch")
            cols[1].markdown(f"**{number}.** {plain(caption(work) if work else item.work_id)}")
            note = cols[1].text_input("Note", value=item.note, key=f"ex_note_{item.work_id}",
                                      label_visibility="collapsed", placeholder="curator's note")
            if note != item.note:
                ex.set_note(item.work_id, note)
                save_exhibition(ws, ex)
            if cols[2].button("↑", key=f"ex_up_{item.work_id}", help="Move up",
                              width="stretch"):
                ex.move(item.work_id, -1)
                _save()
            if cols[3].button("↓", key=f"ex_down_{item.work_id}", help="Move down",
                              width="stretch"):
                ex.move(item.work_id, 1)
                _save()
            if len(section_ids) > 1:
                target = cols[4].selectbox("Section", section_ids, key=f"ex_sec_{item.work_id}",
                                           index=section_ids.index(section.id),
                                           format_func=lambda s: section_names[s],
                                           label_visibility="collapsed")
                if target != section.id:
                    ex.move_to_section(item.work_id, target)
                    _save()
            if cols[-1].button("", key=f"ex_rm_{item.work_id}", icon=":material/close:",
                              help="Remove from the exhibition", width="stretch"):
                ex.remove([item.work_id])
                _save()
    a1, a2 = st.columns(2)
    with a1:
        new_section = st.text_input("New section", key="ex_new_section",
                                    placeholder="e.g. 'Night scenes'")
        if st.button("Add section", key="ex_add_section", disabled=not new_section.strip()):
            ex.add_section(new_section)
            _save()
    with a2:
        gf = pick_feature_set(ws, "Features for “more like these”", key="ex_grow_features")
        if gf:
            n = int(st.number_input("Works to add", 1, 50, 5, key="ex_grow_n"))
            if st.button("Grow by nearest neighbours", key="ex_grow", disabled=not len(ex)):
                submit_job(ws, "exhibition-grow", {"id": ex.id, "features": gf, "n": n,
                                                   "label": f"grow “{ex.title}”"},
                           page="exhibitions")

# -- sequence --------------------------------------------------------------------------------------
if view == "Sequence":
    if len(ex) < 2:
        st.info("Add at least two works to order them.")
    elif not stage_banner(ws, "clusters"):  # ordering compares the works' features
        pass
    else:
        sf = pick_feature_set(ws, key="ex_seq_features")
        method = st.radio("Order", ["path", "gradient"], horizontal=True, key="ex_method",
                          format_func=lambda m: {"path": "Short visual path",
                                                 "gradient": "Gradient between two works"}[m])
        start = end = None
        if method == "gradient":
            g1, g2 = st.columns(2)
            order = ex.work_ids
            start = g1.selectbox("From", order, key="ex_from",
                                 format_func=lambda w: caption(works[w]))
            end = g2.selectbox("To", order, index=len(order) - 1, key="ex_to",
                               format_func=lambda w: caption(works[w]))
        if st.button("Order the works", type="primary", key="ex_order"):
            try:
                report = order_exhibition(ws, ex, method=method, features=sf, start=start,
                                          end=end)
                _save(f"Ordered: walk length {report.length_before:.2f} → "
                      f"{report.length_after:.2f} ({report.features})."
                      + "".join(f" {n}" for n in report.notes))
            except ArtExploreError as exc:
                st.error(str(exc))
        st.divider()
        k = int(st.number_input("Sections to propose (0: choose)", 0, 12, 0, key="ex_k"))
        if st.button("Propose sections", key="ex_propose"):
            try:
                st.session_state["ex_proposal"] = (ex.id, propose_sections(
                    ws, ex, n_sections=k or None, features=sf))
            except ArtExploreError as exc:
                st.error(str(exc))
        proposal = st.session_state.get("ex_proposal")
        if proposal and proposal[0] == ex.id:
            for t, group in proposal[1]:
                st.markdown(f"**{plain(t)}** — {len(group)} works: "
                            + ", ".join(plain(caption(works[w])) for w in group[:4])
                            + ("…" if len(group) > 4 else ""))
            if st.button("Apply these sections", key="ex_apply"):
                ex.set_sections(proposal[1])
                order_exhibition(ws, ex, method="path", features=sf)
                st.session_state.pop("ex_proposal", None)
                _save(f"{len(ex.sections)} sections applied, each ordered as a path.")

# -- preview ---------------------------------------------------------------------------------------
if view == "Preview":
    st.header(ex.title)
    if ex.description:
        st.markdown(ex.description)
    number = 0
    for k, section in enumerate(ex.sections, 1):
        if ex.has_sections:
            st.subheader(section.title or f"Section {k}")
            if section.text:
                st.markdown(section.text)
        cols = st.columns(4)
        for j, item in enumerate(section.items):
            number += 1
            with cols[j % 4]:
                thumb = ws.thumbnail_path(item.work_id)
                if thumb.exists():
                    st.image(square_thumbnail(str(thumb)), width="stretch")
                st.caption(f"**{number}.** {plain(caption(works[item.work_id]))}"
                           + (f"  \n_{item.note}_" if item.note else ""))

# -- export ----------------------------------------------------------------------------------------
if view == "Export":
    base_url = st.text_input("Image base URL (IIIF)", key="ex_base_url",
                             placeholder="e.g. https://images.museum.org/collection/ "
                                         "(default: the collection folder as file://)")
    options = ExportOptions(base_url=base_url or None)
    cols = st.columns(len(EXPORT_FORMATS))
    labels = {"csv": "CSV checklist", "json": "JSON", "iiif": "IIIF manifest",
              "html": "HTML catalogue"}
    for col, fmt in zip(cols, EXPORT_FORMATS, strict=True):
        col.download_button(
            labels[fmt], data=functools.partial(render_export, ws, ex, fmt, options),
            file_name=f"{ex.id}{'-iiif' if fmt == 'iiif' else ''}{SUFFIXES[fmt]}",
            mime=MIME[fmt], key=f"ex_dl_{fmt}", icon=":material/download:")

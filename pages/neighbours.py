"""Neighbours: works like this one (or like an uploaded image), and why they are alike."""

from __future__ import annotations

import streamlit as st

from artexplore import jobs
from artexplore.errors import ArtExploreError, ImageLoadError
from artexplore.features import feature_set_names
from artexplore.search.aspects import ASPECT_SETS
from artexplore.search.neighbours import embed_image, explain, query_image
from artexplore.store import WorkQuery
from artexplore.store.selections import save_selection
from ui.features import pick_feature_set, stage_banner
from ui.gallery import caption, square_thumbnail, thumbnail_grid
from ui.neighbours import explanation_panel, searcher_for, weight_sliders
from ui.state import current_workspace, open_work, require_app
from ui.text import plain

require_app(__file__)

ws = current_workspace()
st.title("Neighbours")

if not stage_banner(ws, "neighbours"):
    st.stop()

MODES = ["A work of the collection", "An uploaded image"]
c1, c2, c3 = st.columns([2, 1, 3])
name = pick_feature_set(ws, key="nb_features", container=c1,
                        help="What “like” means: `default` finds works of the same style, "
                             "`technique` works rendered the same way (drawing, print, "
                             "painting), `style+color` adds the palette.")
k = int(c2.number_input("Neighbours", min_value=1, max_value=100, value=12, key="nb_k"))
mode = c3.radio("Query", MODES, horizontal=True, key="nb_mode")

try:
    searcher = searcher_for(ws, name)
except ArtExploreError as exc:
    st.error(str(exc))
    st.stop()

s1, s2 = st.columns([5, 1])
s1.caption(f"Search: {searcher.describe()}")
if searcher.index is None or searcher.n_pending:
    label = "Build the index" if searcher.index is None else "Update the index"
    if s2.button(label, key="nb_build"):
        job_id = jobs.submit(ws, "index", {"features": name, "fallback": False,
                                           "label": name})
        st.toast(f"Indexing {name} ({job_id}); progress is in the sidebar.")

blocks = list(searcher.features.blocks)
with st.expander("Block weights", expanded=len(blocks) > 1):
    weights = weight_sliders(name, blocks)

# -- the query ------------------------------------------------------------------------------
query_work = query_rgb = query_vector = None
if mode == MODES[0]:
    q1, q2 = st.columns([1, 2])
    text = q1.text_input("Search title or artist", key="nb_search")
    found, total = ws.search(WorkQuery(text=text, status=("ok",)), limit=200, order_by="title")
    options = [w["id"] for w in found]
    labels = {w["id"]: caption(w) for w in found}
    current = st.session_state.get("work_id")
    if current and current not in labels:
        try:
            labels[current] = caption(ws.work(current))
            options.insert(0, current)
        except ArtExploreError:
            st.session_state["work_id"] = current = None
    if not options:
        st.warning(f"No work matches {plain(repr(text))}.")
        st.stop()
    # The current work may have been changed on another page since this picker last set it.
    if (st.session_state.get("nb_work") not in labels
            or st.session_state.get("nb_synced") != current):
        st.session_state["nb_work"] = current if current in labels else options[0]
    chosen = q2.selectbox(f"Work ({total} match)", options, key="nb_work",
                          format_func=lambda wid: labels.get(wid, wid))
    st.session_state["work_id"] = st.session_state["nb_synced"] = chosen
    query_work = ws.work(chosen)
    try:
        query_vector = searcher.vector(chosen)
    except ArtExploreError as exc:
        st.error(str(exc))
        st.stop()
else:
    upload = st.file_uploader("Image to query (JPEG, PNG, TIFF, WebP…)", key="nb_upload",
                              type=["jpg", "jpeg", "png", "tif", "tiff", "webp", "bmp", "gif"])
    if upload is None:
        st.info("Upload an image: it is embedded with the same extractors as the collection.")
        st.stop()
    try:
        query_rgb = query_image(upload.getvalue(), name=upload.name)
        query_vector = embed_image(ws, name, query_rgb)
    except ImageLoadError as exc:
        st.error(f"{exc.detail[:1].upper()}{exc.detail[1:]} ({exc.reason}).")
        st.stop()
    except ArtExploreError as exc:
        st.error(f"Cannot use {upload.name}: {exc}")
        st.stop()

try:
    results = searcher.search(query_vector, k, exclude=[query_work["id"]] if query_work else [],
                              weights=weights)
except ArtExploreError as exc:
    st.error(str(exc))
    st.stop()

ids = [n.work_id for n in results]
works = {w["id"]: w for w in ws.works(ids=ids)}
similarity = {n.work_id: n.similarity for n in results}


def _explain(work: dict) -> None:
    st.session_state["nb_explain"] = work["id"]
    st.rerun()


explained = st.session_state.get("nb_explain")
if explained in similarity:
    with st.container(border=True):
        h1, h2 = st.columns([6, 1])
        h1.subheader("Why similar")
        if h2.button("Close", key="nb_explain_close", icon=":material/close:"):
            st.session_state["nb_explain"] = None
            st.rerun()
        explanation = explain(ws, searcher, explained,
                              work_id=query_work["id"] if query_work else None,
                              query=None if query_work else query_vector, weights=weights,
                              aspect_sets={n: searcher_for(ws, n).features
                                           for n in ASPECT_SETS if n in feature_set_names(ws)})
        explanation_panel(ws, explanation, query_work=query_work, query_image=query_rgb,
                          other=works[explained])

left, right = st.columns([1, 5], gap="medium")
with left:
    if query_work is not None:
        thumb = ws.thumbnail_path(query_work["id"])
        if thumb.exists():
            st.image(square_thumbnail(str(thumb)), width="stretch")
        st.caption(f"**Query:** {plain(caption(query_work))}")
        if st.button("Details", key="nb_open", help="Open this work in the Collection page"):
            open_work(query_work["id"], "pages/collection.py")
    else:
        st.image(query_rgb, width="stretch")
        st.caption(f"**Query:** uploaded image {plain(upload.name)}")
with right:
    weighted = " (weighted)" if any(w != 1.0 for w in weights.values()) else ""
    a1, a2 = st.columns([1, 1], vertical_alignment="center")
    a1.markdown(f"**{len(results)} most similar works**{weighted}")
    if results and a2.button(f"Add all {len(results)} to selection", key="nb_select",
                             icon=":material/playlist_add:", width="stretch",
                             help="Add these works to the current selection (and save it)"):
        selection = list(dict.fromkeys([*st.session_state.get("selection", []), *ids]))
        title = caption(query_work) if query_work else upload.name
        sel_name = st.session_state.get("selection_name") or f"Neighbours of {title}"[:80]
        st.session_state["selection"] = selection
        st.session_state["selection_name"] = sel_name
        save_selection(ws, sel_name, selection)
        a2.success(f"Selection “{plain(sel_name)}” now holds {len(selection)} works.")
    thumbnail_grid(ws, [works[i] for i in ids if i in works], key="nb", columns=4,
                   button="Why similar?", on_click=_explain,
                   note=lambda w: f"similarity **{similarity[w['id']]:.3f}**")

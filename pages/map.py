"""Map: the collection laid out by its features, coloured by cluster or metadata; clusters."""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.express as px
import streamlit as st
from streamlit.errors import StreamlitAPIException

from artexplore import jobs
from artexplore.cluster import (
    available_methods,
    compare_runs,
    delete_run,
    has_patches,
    label_contingency,
    representative_patches,
)
from artexplore.errors import ArtExploreError
from artexplore.reduce import METRICS, MapConfig, map_params
from artexplore.store.selections import list_selections, load_selection, save_selection
from ui.features import pick_feature_set, stage_banner
from ui.gallery import caption, thumbnail_grid
from ui.jobs import job_tracker, submit_job, tracked_notes
from ui.mapcanvas import map_canvas, map_files
from ui.mapview import (
    DRAG_MODES,
    agreement,
    cluster_summaries,
    colour_fields,
    colouring_of,
    contours_of,
    field_counts,
    field_of_map,
    map_version,
    membership_text,
    page_exists,
    points_table,
    rows_of,
    run_of,
    run_options,
)
from ui.patches import patch_sources
from ui.state import current_workspace, map_state, metadata_fields, open_work, require_app
from ui.text import markdown_table, plain

METHOD_HELP = {
    "kmeans": "k-means: compact, round clusters; K chosen by silhouette when 0.",
    "gmm": "Gaussian mixture: elliptical clusters with probabilities; K chosen by BIC when 0.",
    "bgmm": "Bayesian mixture (Dirichlet process): finds K itself (K = upper bound).",
    "hdbscan": "HDBSCAN: dense groups of any shape; leaves outliers as noise; finds K.",
    "agglomerative": "Ward agglomerative: a hierarchy cut at K; K chosen by silhouette when 0.",
    "dec": "DEC: learns an embedding of the features while clustering (slower).",
    "dcec": "DCEC: a convolutional autoencoder on the thumbnails themselves (slow on CPU).",
}
DETAIL, PATCHES, NEIGHBOURS = "pages/collection.py", "pages/patches.py", "pages/neighbours.py"

require_app(__file__)
ws = current_workspace()
root = str(ws.root)
st.title("Map")

if not stage_banner(ws, "clusters"):  # the map and the clusters are made from features
    st.stop()

st.session_state.setdefault("map_selected_ids", [])
st.session_state.setdefault("map_event_sig", None)
st.session_state.setdefault("map_marked", "")  # what the ringed works are (a selection, a cluster)
st.session_state.setdefault("map_selection_run", None)  # the clustering a selection was made on


def go_to(page: str, work_id: str) -> None:
    """Open a work on another page (detail, patches, neighbours)."""
    try:
        open_work(work_id, page)
    except StreamlitAPIException:
        st.error(f"The page {page} is not available in this app.")


# -- jobs launched from this page -------------------------------------------------------------
def on_job_done(rec: jobs.JobRecord) -> str | None:
    """A finished clustering is shown at once; says how its K was chosen."""
    result = rec.result or {}
    if rec.kind == "cluster" and result.get("run"):
        st.session_state["map_next_run"] = result["run"]  # applied before the widgets
    return result.get("k_chosen_by")


def describe_selection(ids: list[str]) -> str:
    """The selection's works per cluster, counted in the clustering it was made on.

    A selection kept while another clustering is shown is described with the
    clustering it was made on (and, if that one was deleted, says it is re-described).
    """
    made_on = st.session_state.get("map_selection_run")
    if made_on and made_on != run_id:
        try:
            other = run_of(root, made_on)
        except ArtExploreError:
            other = None
        if other is not None:
            pos = {w: i for i, w in enumerate(other.ids.tolist())}
            counts = pd.Series([int(other.labels[pos[w]]) for w in ids if w in pos]).value_counts()
            return (f"By cluster of the clustering it was made on ({labels.get(made_on, made_on)}): "
                    + ", ".join(f"{k} ({v})" for k, v in counts.head(8).items()))
    counts = df["cluster"].iloc[rows_of(df, ids)].value_counts()
    text = "By cluster: " + ", ".join(f"{k} ({v})" for k, v in counts.head(8).items())
    if made_on and made_on != run_id:
        text += " (re-described with the current clustering: the one it was made on is gone)"
    return text


def submit(kind: str, params: dict) -> None:
    submit_job(ws, kind, params, page="map")


# -- choices ------------------------------------------------------------------------------------
if "map_next_run" in st.session_state:  # a run finished (or was deleted): show the new one
    st.session_state["map_run"] = st.session_state.pop("map_next_run")
    if st.session_state["map_run"]:
        st.session_state["map_colour"] = "cluster"
c1, c2, c3, c4 = st.columns([2, 4, 2, 2])
features = pick_feature_set(ws, key="map_features", container=c1,
                            help="The features the map and the clusters are computed from: "
                                 "`default` groups works by style, `technique` by how they "
                                 "are rendered (drawing, print, painting), `style+color` adds "
                                 "the palette. The Features page says what each set is.")
runs = run_options(ws, features)
run_ids = [r.id for r in runs]
labels = {r.id: r.label for r in runs}
if st.session_state.get("map_run") not in run_ids:
    st.session_state["map_run"] = run_ids[0] if run_ids else None
run_id = c2.selectbox("Clustering", run_ids or [None], key="map_run",
                      format_func=lambda r: labels.get(r, "no clustering yet"),
                      help="A stored cluster run of this feature set (newest first).")
fields = [f for f in metadata_fields(ws) if f not in ("title",)]
colour_choices = (["cluster"] if run_id else []) + colour_fields(fields)
if st.session_state.get("map_colour") not in colour_choices:
    st.session_state["map_colour"] = colour_choices[0] if colour_choices else None
colour_by = c3.selectbox("Colour by", colour_choices, key="map_colour")
drag = c4.radio("Drag to", list(DRAG_MODES), horizontal=True, key="map_drag",
                help="Select works with a lasso or a box, or pan the map; scroll zooms, "
                     "a double click shows the whole map.")

tracked_notes("map")
job_tracker(ws, page="map", on_done=on_job_done)

# -- the map -------------------------------------------------------------------------------------
status = map_state(ws, features)
if not status["exists"]:
    st.info(f"No map of **{features}** yet. Computing it takes seconds to a few minutes "
            "(UMAP); it is stored and reused.")
    if st.button("Compute the map", type="primary", key="map_compute"):
        submit("map", {"features": features, "label": features})
else:
    if status["features_changed"]:
        st.warning(f"The feature set {features} was recomputed since this map was made.")
        if st.button("Recompute the map", key="map_refresh"):
            submit("map", {"features": features, "refit": True, "label": features})
    elif status["n_unplaced"]:
        st.warning(f"{status['n_unplaced']} works have features but are not on the map yet.")
        if st.button("Place them on the map", key="map_place"):
            submit("map", {"features": features, "label": features})

    version = map_version(ws, features)
    df = points_table(root, features, version, run_id)
    summaries = cluster_summaries(root, run_id, ("artist", "style")) if run_id else []
    headlines = tuple((s.cluster, s.headline()) for s in summaries)
    colours = colouring_of(root, features, version, run_id, colour_by or "cluster", headlines)
    atlas = map_files(root, features, version)
    # The canvas's newest event (a lasso, a box, a click) is read before it is drawn, so
    # that the works it selected are ringed in this very run.
    event = st.session_state.get(f"map_canvas_{features}")
    sig = (event or {}).get("token"), (event or {}).get("seq")
    if event and sig != st.session_state.get("map_event_sig"):
        st.session_state["map_event_sig"] = sig
        picked = df["id"].to_numpy()[np.asarray(event.get("rows", []), dtype=np.int64)].tolist()
        st.session_state["map_selected_ids"] = picked
        st.session_state["map_marked"] = "selected" if picked else ""
        st.session_state["map_selection_run"] = run_id
        if picked:
            st.session_state["selection"] = picked
            st.session_state["selection_name"] = ""
    picked_rows = rows_of(df, st.session_state["map_selected_ids"])
    current = rows_of(df, [st.session_state["work_id"]]) if st.session_state.get("work_id") \
        else []
    later = np.flatnonzero(df["placed_later"].to_numpy())
    left, right = st.columns([3, 1], gap="medium")
    with left:
        contours = []
        if st.session_state.get("map_contours") and colour_by:
            contours = contours_of(root, features, version, run_id, colour_by, headlines)
        map_canvas(
            ws, atlas, colours, mode=drag, marked=picked_rows,
            later=later if 0 < len(later) <= 50_000 else None,
            highlight=int(current[0]) if len(current) else -1,
            highlight_label=caption(ws.work(st.session_state["work_id"]))[:60]
            if len(current) else "",
            contours=contours, key=f"map_canvas_{features}")
        notes = []
        if len(picked_rows):
            what = st.session_state["map_marked"] or "selected"
            what = "the works selected on the map" if what == "selected" else what
            notes.append(f"Ringed: {what} · {len(picked_rows):,} works.")
        if len(later):
            notes.append(f"{len(later):,} works (outlined) were placed on the stored map after "
                         "it was made; recompute it in Map settings to lay them out anew.")
        notes.append("Scroll to zoom (the paintings appear as you zoom in), double-click to "
                     "see the whole map; click the legend to hide or show a group.")
        st.caption(" ".join(notes))
        if colour_by and colour_by != "cluster" and not colours.continuous:
            counts = field_counts(root, features, version, colour_by)
            count_of = dict(counts)
            found = st.selectbox(
                f"Find the works of one {plain(colour_by)} value", [v for v, _ in counts],
                index=None, key=f"map_find_{colour_by}",
                placeholder=f"type to search the {len(counts):,} values…",
                format_func=lambda v: f"{v} ({count_of[v]:,})")
            if found is not None and found != st.session_state.get("map_found"):
                st.session_state["map_found"] = found
                values = field_of_map(root, features, version, colour_by)
                mask = values.map(lambda x: str(x) if x is not None else "").to_numpy() == found
                st.session_state["map_selected_ids"] = df["id"][mask].tolist()
                st.session_state["map_marked"] = f"{colour_by} “{found}”"
                st.session_state["map_selection_run"] = run_id
                st.session_state["selection"] = st.session_state["map_selected_ids"]
                st.session_state["selection_name"] = ""
                st.rerun()
        st.toggle("Density contours", key="map_contours",
                  help="Draw where each of the largest colour groups is densest (the line "
                       "encloses half of its works).")
    chosen = [str(i) for i in df["id"].to_numpy()[rows_of(df, st.session_state["map_selected_ids"])]]

    with right:
        if len(chosen) == 1:
            wid = chosen[0]
            work = ws.work(wid)
            thumb = ws.thumbnail_path(wid)
            if thumb.exists():
                st.image(str(thumb), width="stretch")
            st.markdown(f"**{plain(caption(work))}**")
            row = df.iloc[int(rows_of(df, [wid])[0])]
            values = {f: ws.field_of(work, f) for f in ("style", "date", "technique")}
            facts = [f"{f}: {plain(v)}" for f, v in values.items()
                     if v is not None and not pd.isna(v) and str(v).strip()]
            if run_id and row["cluster"] is not None:
                facts.append(f"cluster {row['cluster']} · membership "
                             f"{membership_text(row['confidence'])}")
            st.caption("  \n".join(facts))
            if st.button("Open detail", key="map_open_detail", width="stretch"):
                go_to(DETAIL, wid)
            if page_exists(PATCHES) and st.button("Patches", key="map_open_patches",
                                                   width="stretch"):
                go_to(PATCHES, wid)
            if page_exists(NEIGHBOURS) and st.button("Neighbours", key="map_open_neighbours",
                                                      width="stretch"):
                go_to(NEIGHBOURS, wid)
        elif chosen:
            st.metric("Selected works", len(chosen))
            if run_id:
                st.caption(describe_selection(chosen))
        else:
            st.caption(f"{len(df)} works. Click a work to see it, or drag a "
                       f"{drag if drag != 'zoom' else 'lasso'} around works to select them.")
        with st.expander("Highlight a saved selection"):
            saved = list_selections(ws)
            if saved:
                name = st.selectbox("Selection", saved, key="map_show_selection")
                if st.button("Show it", key="map_show_selection_go"):
                    st.session_state["map_selected_ids"] = load_selection(ws, name)
                    st.session_state["map_marked"] = f"selection “{name}”"
                    st.session_state["map_selection_run"] = run_id
                    st.session_state["selection"] = st.session_state["map_selected_ids"]
                    st.session_state["selection_name"] = name
                    st.rerun()
            else:
                st.caption("No saved selection yet.")

    if len(chosen) > 1:
        with st.container(border=True):
            h1, h2, h3, h4 = st.columns([3, 3, 1.3, 1.3], vertical_alignment="bottom")
            h1.markdown(f"**{len(chosen)} selected works**")
            name = h2.text_input("Save as", key="map_selection_name",
                                 placeholder="a name, e.g. 'blue nocturnes'")
            if h3.button("Save selection", key="map_save_selection", type="primary"):
                try:
                    save_selection(ws, name, chosen, note=f"lasso on the map of {features}")
                    st.session_state["selection"] = chosen
                    st.session_state["selection_name"] = name.strip()
                    st.toast(f"Saved the selection '{name.strip()}' ({len(chosen)} works)")
                except ArtExploreError as exc:
                    st.error(str(exc))
            if h4.button("Clear", key="map_clear_selection"):
                st.session_state["map_selected_ids"] = []
                st.session_state["map_marked"] = ""
                st.rerun()
            works = ws.works(ids=chosen)
            shown = works[:36]
            thumbnail_grid(ws, shown, key="map_sel", columns=6,
                           on_click=lambda w: go_to(DETAIL, w["id"]))
            if len(works) > len(shown):
                st.caption(f"Showing {len(shown)} of {len(works)}.")

    # -- clusters, comparison, new runs, map settings ----------------------------------------
    # Only the open tab is computed (a comparison or a contingency table costs seconds
    # at 100,000 works).
    tab_clusters, tab_compare, tab_new, tab_map = st.tabs(
        ["Clusters", "Compare clusterings", "New clustering", "Map settings"],
        key="map_tab", on_change="rerun")

    with tab_clusters:
        if not tab_clusters.open:
            pass
        elif not run_id:
            st.info("No clustering of this feature set yet: start one in **New clustering**.")
        else:
            run = run_of(root, run_id)
            m = st.columns(5)
            m[0].metric("Clusters", run.n_clusters)
            sil = run.metrics.get("silhouette")
            m[1].metric("Silhouette", "–" if sil is None else f"{sil:.3f}",
                        help="Higher is better, in [-1, 1]; computed in the clustering space.")
            ch = run.metrics.get("calinski_harabasz")
            m[2].metric("Calinski–Harabasz", "–" if ch is None else f"{ch:.1f}",
                        help="Higher is better.")
            db = run.metrics.get("davies_bouldin")
            m[3].metric("Davies–Bouldin", "–" if db is None else f"{db:.3f}",
                        help="Lower is better.")
            m[4].metric("Noise", run.n_noise)
            st.caption(f"{run.method} on {run.metrics.get('space', run.space)} · "
                       f"{run.n_works} works · seed {run.params.get('random_state')}")
            if run.k_selection and not run.k_selection.get("scores"):
                st.caption(f"K: {run.k_selection['description']}")
            elif run.k_selection:
                k_curve = st.expander(f"K: {run.k_selection['description']}",
                                      key="map_k_curve", on_change="rerun")
                with k_curve:
                    if k_curve.open:  # the chart is drawn only when asked for
                        curve = pd.DataFrame({
                            "K": [int(k) for k in run.k_selection["scores"]],
                            run.k_selection["criterion"]: list(
                                run.k_selection["scores"].values())})
                        st.line_chart(curve, x="K", y=run.k_selection["criterion"],
                                      height=220)
                    st.caption("Another K can be asked for in **New clustering**.")
            for note in run.notes:
                st.warning(note)
            with st.popover("Delete this clustering"):
                st.write(f"Delete the run `{run.id}`? Its labels are removed; the works and "
                         "the map are not touched.")
                if st.button("Delete", key="map_delete_run", type="primary"):
                    delete_run(ws, run.id)
                    st.session_state["map_next_run"] = None
                    st.rerun()

            label_fields = [f for f in fields if f not in ("date", "year")]
            if label_fields:
                e1, e2 = st.columns([1, 3])
                field = e1.selectbox("Agreement with", label_fields, key="map_eval_field",
                                     index=label_fields.index("style")
                                     if "style" in label_fields else 0)
                scores = agreement(root, features, version, run.id, field)
                if scores["n_labelled"]:
                    with e2:
                        s = st.columns(5)
                        s[0].metric("NMI", f"{scores['nmi']:.3f}")
                        s[1].metric("ARI", f"{scores['ari']:.3f}")
                        s[2].metric("Accuracy", f"{scores['accuracy']:.3f}",
                                    help="After the best one-to-one matching of clusters "
                                         "to values (Hungarian).")
                        s[3].metric("Purity", f"{scores['purity']:.3f}")
                        s[4].metric("Evaluated", f"{scores['n_labelled']}/{len(run)}",
                                    help="Works with a value for this field.")
                    contingency = st.expander(f"Contingency table: {plain(field)} × cluster",
                                              key="map_contingency", on_change="rerun")
                    with contingency:
                        if contingency.open:
                            table = label_contingency(ws, run.id, field)
                            st.dataframe(table, width="stretch")
                else:
                    e2.caption(f"No work of this run has a value for {plain(field)}.")

            overview = [{
                "cluster": s.name, "works": s.size, "share": f"{s.share:.0%}",
                "mean confidence": round(s.mean_confidence, 2),
                "top style": ", ".join(f"{v.value} ({v.share:.0%})"
                                       for v in s.top.get("style", [])[:2]),
                "top artist": ", ".join(f"{v.value} ({v.share:.0%})"
                                        for v in s.top.get("artist", [])[:2]),
                "dates": "" if not s.years else
                f"{s.years['min']}–{s.years['max']} · median {int(s.years['median'])}",
            } for s in summaries]
            # Small tables as markdown: a data grid each costs the browser seconds, and
            # even a static st.table loads the browser's Arrow decoder first.
            st.markdown(markdown_table(overview))

            names = {s.cluster: f"{s.name} — {s.headline()}" for s in summaries}
            cluster = st.selectbox("Why this cluster?", list(names), format_func=names.get,
                                   key="map_cluster_detail")
            summary = next(s for s in summaries if s.cluster == cluster)
            cols = st.columns(max(1, len(summary.top) + (1 if summary.years else 0)))
            for col, (fname, values) in zip(cols, summary.top.items(), strict=False):
                with col:
                    st.markdown(f"**Top {plain(fname)}s**")
                    st.markdown(markdown_table(
                        [{fname: v.value, "works": v.count, "share": f"{v.share:.0%}",
                          "lift": f"×{v.lift:.1f}"} for v in values]))
            if summary.years:
                with cols[-1]:
                    st.markdown("**Dates**")
                    st.markdown(markdown_table(
                        [{"decade": d, "works": n} for d, n in sorted(
                            summary.years["decades"][:8], key=lambda d: int(d[0][:-1]))]))
            if st.button(f"Select the {summary.size} works of this cluster on the map",
                         key="map_select_cluster"):
                st.session_state["map_selected_ids"] = run.members(cluster)
                st.session_state["map_marked"] = f"cluster {cluster}"
                st.session_state["map_selection_run"] = run.id
                st.session_state["selection"] = st.session_state["map_selected_ids"]
                st.session_state["selection_name"] = ""
                st.rerun()
            # The cluster's works and details are drawn only when opened: dozens of
            # pictures cost the browser seconds on every first render of the page.
            with st.container():
                if st.toggle(f"Show the works of {summary.name}: most representative, most "
                             "ambiguous, its DoG patches", key="map_cluster_works"):
                    st.markdown("**Most representative works** (closest to the cluster's centre)")
                    by_id = {w["id"]: w for w in ws.works(ids=summary.representative)}
                    thumbnail_grid(ws, [by_id[i] for i in summary.representative if i in by_id],
                                   key="map_rep", columns=6,
                                   on_click=lambda w: go_to(DETAIL, w["id"]))
                    if summary.ambiguous:
                        st.markdown("**Most ambiguous works** (lowest membership; they nearly "
                                    "joined another cluster)")
                        amb = {a[0]: a for a in summary.ambiguous}
                        if min(a[1] for a in summary.ambiguous) >= 0.99:
                            st.caption("Every work of this cluster belongs to it at 99 % or more (the "
                                       "clustering separates its groups sharply): these are the least "
                                       "sure of it, not unsure.")
                        by_id = {w["id"]: w for w in ws.works(ids=list(amb))}
                        thumbnail_grid(ws, [by_id[i] for i in amb if i in by_id], key="map_amb",
                                       columns=6, on_click=lambda w: go_to(DETAIL, w["id"]),
                                       note=lambda w: f"membership {membership_text(amb[w['id']][1])}"
                                                      f" · else cluster {amb[w['id']][2]}")
                    st.markdown("**Most representative DoG patches**")
                    if has_patches(ws):
                        patches = representative_patches(ws, run, cluster, n=12)
                        if patches:
                            patch_sources(ws, patches)
                            st.caption("Details whose nearest details in the collection come mostly "
                                       "from this cluster, each under its painting (outlined in the "
                                       "same colour); ×N = how much more often than chance.")
                        else:
                            st.caption("No patches stored for the works of this cluster.")
                    else:
                        st.info("No DoG patches in this workspace yet: they come from the local-patch "
                                "stage. Once it has run, the patches that characterise each cluster "
                                "appear here.")
            from ui.curation import curation_panel  # issue 15
            curation_panel(ws, run.id, run=run, selected=st.session_state["map_selected_ids"],
                           on_saved=lambda rid: st.session_state.update(map_next_run=rid))

    with tab_compare:
        if not tab_compare.open:
            pass
        elif len(run_ids) < 2:
            st.info("Two clusterings of this feature set are needed to compare them.")
        else:
            k1, k2 = st.columns(2)
            a = k1.selectbox("Clustering A", run_ids, key="map_cmp_a",
                             format_func=labels.get)
            b = k2.selectbox("Clustering B", run_ids, index=1, key="map_cmp_b",
                             format_func=labels.get)
            cmp = compare_runs(ws, a, b)
            s = st.columns(3)
            s[0].metric("ARI", f"{cmp['ari']:.3f}",
                        help="1 = the same partition, 0 = no more alike than chance.")
            s[1].metric("NMI", f"{cmp['nmi']:.3f}")
            s[2].metric("Works in both", cmp["n_common"])
            table = cmp["contingency"]
            heat = px.imshow(table.to_numpy(), text_auto=True, aspect="auto",
                             color_continuous_scale="Blues",
                             labels={"x": "B", "y": "A", "color": "works"},
                             x=[str(c) for c in table.columns], y=[str(i) for i in table.index])
            heat.update_layout(height=min(120 + 28 * len(table.index), 700),
                               margin={"l": 0, "r": 0, "t": 10, "b": 0})
            heat.update_xaxes(type="category", title=f"B: {labels[b].split(' · ')[0]}")
            heat.update_yaxes(type="category", title=f"A: {labels[a].split(' · ')[0]}")
            st.plotly_chart(heat, key="map_cmp_heat")

    with tab_new:
        if tab_new.open:  # drawn only when open: its widgets cost the first render
            with st.form("map_new_run"):
                n1, n2, n3, n4 = st.columns([2, 1, 1, 2])
                method = n1.selectbox("Method", available_methods(), key="map_new_method",
                                      format_func=lambda m: m, help="\n\n".join(
                                          f"**{k}**: {v}" for k, v in METHOD_HELP.items()))
                k = n2.number_input("K (0 = automatic)", min_value=0, max_value=200, value=0,
                                    key="map_new_k")
                seed = n3.number_input("Seed", min_value=0, value=0, key="map_new_seed")
                space = n4.radio("Cluster in", ["auto", "features", "umap"], horizontal=True,
                                 key="map_new_space", help="features: PCA of the feature vectors; "
                                 "umap: the ~10-D UMAP embedding (never the 2-D picture); auto: "
                                 "umap for hdbscan and bgmm, features for the others.")
                o1, o2, o3 = st.columns(3)
                min_size = o1.number_input("HDBSCAN smallest cluster (0 = auto)", min_value=0,
                                           value=0, key="map_new_minsize")
                pretrain = o2.number_input("DEC/DCEC autoencoder steps (0 = default)", min_value=0,
                                           value=0, key="map_new_pretrain")
                image_size = o3.selectbox("DCEC image size", [64, 96, 32], key="map_new_imgsize")
                if st.form_submit_button("Run", type="primary"):
                    options = {}
                    if method == "hdbscan" and min_size:
                        options["min_cluster_size"] = int(min_size)
                    if method in ("dec", "dcec") and pretrain:
                        options["pretrain_iter"] = int(pretrain)
                    submit("cluster", {"features": features, "method": method,
                                       "k": int(k) or None, "seed": int(seed),
                                       "space": None if space == "auto" else space,
                                       "image_size": int(image_size), "options": options,
                                       "label": f"{method} {features}"})
            st.caption(" · ".join(f"**{k}** {v.split(':', 1)[1].strip()}"
                                  for k, v in METHOD_HELP.items()))

    with tab_map:
        if tab_map.open:  # drawn only when open: its widgets cost the first render
            config = map_params(ws, features)
            default = MapConfig()
            st.caption(f"Current map: {len(df)} works · n_neighbors {config.get('n_neighbors')}"
                       f" · min_dist {config.get('min_dist')} · metric {config.get('metric')} · "
                       f"PCA {config.get('pca_components')} · seed {config.get('random_state')}")
            with st.form("map_params"):
                p1, p2, p3, p4 = st.columns(4)
                nn = p1.slider("Neighbours", 2, 100, int(config.get("n_neighbors", default.n_neighbors)),
                               key="map_nn", help="Small: local detail; large: global layout.")
                md = p2.slider("Minimum distance", 0.0, 1.0, float(config.get("min_dist", default.min_dist)),
                               0.05, key="map_md", help="How tightly similar works pack.")
                metric = p3.selectbox("Metric", METRICS,
                                      index=METRICS.index(config.get("metric", default.metric)),
                                      key="map_metric")
                mseed = p4.number_input("Seed", min_value=0, key="map_seed",
                                        value=int(config.get("random_state", default.random_state)))
                refit = st.checkbox("Recompute even if a map with these parameters is stored "
                                    "(lays out the works placed later with the others)",
                                    key="map_refit")
                if st.form_submit_button("Compute this map"):
                    submit("map", {"features": features, "n_neighbors": int(nn),
                                   "min_dist": float(md), "metric": metric, "seed": int(mseed),
                                   "refit": bool(refit), "label": features})
            st.caption("Maps are stored per feature set and parameters: going back to earlier "
                       "parameters is instant. Works added later are placed on the stored map.")

"""Labels: how well the images support a label column; suggestions, label map, fine-tuning."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from artexplore import jobs
from artexplore.errors import ArtExploreError
from artexplore.features import load_features
from artexplore.labels import get_run, label_columns, list_runs, list_suggestions
from artexplore.labels import suggestions as sugg
from artexplore.labels.data import MIN_CLASSES, MIN_KEPT_SHARE, MIN_WORKS_PER_CLASS, column_kind
from artexplore.labels.labelmap import LAYOUTS, METRICS, label_map
from artexplore.labels.plots import chord_figure, history_figure, label_graph_figure
from artexplore.labels.probe import ProbeConfig, available_classifiers, run_probe, runs_inline
from artexplore.labels.saliency import METHODS, overlay
from ui.features import device_choices, pick_feature_set, stage_banner
from ui.gallery import caption, thumbnail_grid
from ui.labels import activation, metrics_block, suggestion_card
from ui.paths import weights_value
from ui.state import current_workspace, open_work, require_app
from ui.text import plain

require_app(__file__)

SECTIONS = ["Probe", "Suggestions", "Label map", "Where the model looks", "Fine-tuning",
            "DeepPainter"]

ws = current_workspace()
st.title("Labels")
st.caption("How well do the images support a catalogue's labels? Probe a label column with a "
           "feature set, get suggestions for works without a label, see how the labels relate, "
           "and train classifiers on the paintings themselves.")

columns = label_columns(ws)
if not columns:
    st.info("No work has metadata yet: ingest a collection with a metadata CSV (artist, style…).")
    st.stop()
c1, c2, c3 = st.columns([2, 2, 3])
column = c1.selectbox("Label column", columns, key="labels_column",
                      index=columns.index("style") if "style" in columns else 0)
features = pick_feature_set(ws, key="labels_features", container=c2)
values = ws.field_values(column, limit=1_000_000)
n_labelled = sum(n for _, n in values)
n_works = ws.counts().get("ok", 0)
numeric = column_kind(values) == "numeric"
c3.caption(f"**{plain(column)}**: {n_labelled} labelled works in {len(values)} "
           + ("distinct years (probed in decades or centuries)" if numeric else "classes")
           + f", {n_works - n_labelled} without a value.")
section = st.radio("Section", SECTIONS, horizontal=True, key="labels_section",
                   label_visibility="collapsed")


def need_features() -> str:
    if features is None:
        stage_banner(ws, "labels")
        st.stop()
    return features


def active(kind: str) -> list[jobs.JobRecord]:
    return [r for r in jobs.list_jobs(ws, active_only=True) if r.kind == kind
            and r.params.get("column") == column]


# -- probe ----------------------------------------------------------------------------------------
if section == "Probe":
    fs = need_features()
    with st.form("probe"):
        f1, f2, f3 = st.columns([2, 1, 2])
        classifier = f1.radio("Classifier", available_classifiers(), horizontal=True,
                              key="probe_classifier",
                              format_func=lambda c: {"logreg": "logistic regression",
                                                     "mlp": "MLP"}.get(c, c))
        folds = f2.number_input("Folds", min_value=2, max_value=20, value=10, key="probe_folds")
        suggest = f3.checkbox("Suggest labels for works without one", value=True,
                              key="probe_suggest")
        run = st.form_submit_button("Run probe", type="primary")
    st.caption(f"A probe needs at least {MIN_CLASSES} classes of at least "
               f"{MIN_WORKS_PER_CLASS} works each (and one per fold), holding at least "
               f"{MIN_KEPT_SHARE:.0%} of the labelled works; smaller classes are left out. "
               "Years are grouped into decades or centuries; free text such as titles is "
               "not a label.")
    if run:
        try:
            config = ProbeConfig(classifier=classifier, n_folds=int(folds))
            fm = load_features(ws, fs)
            if runs_inline(len(fm), fm.X.shape[1], len(values), config):
                with st.spinner("Cross-validating…"):
                    result = run_probe(ws, fs, column, config, suggest=suggest)
                st.session_state["probe_run"] = result["run_id"]
                st.toast(f"Probe done: top-1 {result['top1']:.1%}, "
                         f"{result.get('suggestions', 0)} suggestions")
            else:
                jobs.submit(ws, "probe", {"features": fs, "column": column, "classifier": classifier,
                                          "n_folds": int(folds), "suggest": suggest,
                                          "label": f"{column} ← {fs}"})
                st.toast("The probe runs as a background job; its progress is in the sidebar.")
        except ArtExploreError as exc:
            st.error(str(exc))

    @st.fragment(run_every=3 if active("probe") else None)
    def probe_results() -> None:
        if active("probe"):
            st.info("A probe of this column is running; its results appear here when it ends.")
        runs = list_runs(ws, "probe", label_column=column, feature_set=fs)
        if not runs:
            st.info(f"No probe of **{plain(column)}** on **{fs}** yet: press *Run probe*.")
            return
        if st.session_state.get("probe_newest") != runs[0]["id"]:
            # A run that just ended (inline or as a job) is the one to show.
            st.session_state["probe_newest"] = st.session_state["probe_run"] = runs[0]["id"]
        run_id = st.selectbox(
            "Result", [r["id"] for r in runs], key="probe_run",
            format_func=lambda i: next(f"{r['created_at'][:16].replace('T', ' ')} · "
                                       f"{r['params']['classifier']} · {r['params']['n_folds']}-fold"
                                       for r in runs if r["id"] == i))
        result = next(r for r in runs if r["id"] == run_id)["metrics"]
        if result.get("binning"):
            st.info(f"**{column}** holds years: probed as {result['binning']}.",
                    icon=":material/date_range:")
        metrics_block(result, key="probe")
        if result.get("suggest_note"):
            st.caption(result["suggest_note"])
        dis = result.get("disagreements") or []
        with st.expander(f"Works the features disagree with ({len(dis)} shown)"):
            st.caption("Catalogued one way, predicted another with confidence (out-of-fold): "
                       "worth a second look.")
            by_id = {w["id"]: w for w in ws.works()}
            shown = [d for d in dis if d["work_id"] in by_id][:12]
            note = {d["work_id"]: f"{d['label']} → **{d['predicted']}** ({d['confidence']:.0%})"
                    for d in shown}
            thumbnail_grid(ws, [by_id[d["work_id"]] for d in shown], key="dis", button="Open",
                           on_click=lambda w: open_work(w["id"], "pages/collection.py"),
                           note=lambda w: note[w["id"]])

    probe_results()

# -- suggestions ----------------------------------------------------------------------------------
elif section == "Suggestions":
    open_ = list_suggestions(ws, column)
    st.caption("Suggestions come from probes (with *Suggest labels* on). Accepting writes the "
               "value only into an empty field and keeps where it came from; rejecting leaves the "
               "metadata alone and the value is not proposed again.")
    undo = st.session_state.get("sugg_undo")
    if undo and undo["column"] == column and undo["ids"]:
        u1, u2 = st.columns([4, 1])
        u1.success(f"{len(undo['ids'])} values of **{column}** were written.")
        if u2.button("Undo", key="sugg_undo_button", icon=":material/undo:"):
            restored = sugg.undo_accept(ws, undo["ids"])
            st.session_state["sugg_undo"] = None
            st.toast(f"{restored} values removed again; their suggestions are open.")
            st.rerun()
    if not open_:
        st.info(f"No open suggestion for **{plain(column)}**. "
                + (f"{n_works - n_labelled} works have no {column}: run a probe with "
                   "*Suggest labels* to get suggestions for them." if n_works > n_labelled
                   else f"Every work has a {column}."))
    else:
        for run_id in dict.fromkeys(r["run_id"] for r in open_ if r["run_id"]):
            try:
                made = get_run(ws, run_id)
            except ArtExploreError:
                continue
            m = made["metrics"]
            st.caption(f"From a {m['classifier']} probe on **{m['features']}** "
                       f"({made['created_at'][:10]}): held-out top-1 accuracy "
                       f"**{m['top1']:.0%}** ({m['n_folds']}-fold cross-validation). A "
                       "confidence of 80 % means that about 8 in 10 held-out works given that "
                       "confidence were labelled right.")
        s1, s2 = st.columns([3, 2])
        threshold = s1.slider("Show suggestions with a confidence of at least", 0.0, 1.0, 0.0,
                              0.05, key="sugg_min")
        shown = [r for r in open_ if r["confidence"] >= threshold]
        s2.caption(f"{len(shown)} of {len(open_)} open suggestions shown, most confident first")
        with st.expander("Accept many at once"):
            bulk = st.slider("Accept every suggestion with a confidence of at least", 0.5, 1.0,
                             0.9, 0.01, key="sugg_bulk_min")
            to_write = [r for r in open_ if r["confidence"] >= bulk]
            if to_write:
                st.caption(f"These {len(to_write)} values will be written into empty "
                           f"**{column}** fields:")
                st.dataframe([{"work": r["work_path"], column: r["value"],
                               "confidence": f"{r['confidence']:.0%}"} for r in to_write],
                             hide_index=True, width="stretch", key="sugg_bulk_preview")
            else:
                st.caption(f"No open suggestion has a confidence of {bulk:.0%} or more.")
            if st.button(f"Write {len(to_write)} values", key="sugg_accept_all",
                         disabled=not to_write, type="primary"):
                written, kept = sugg.accept_many(ws, [r["id"] for r in to_write])
                st.session_state["sugg_undo"] = {"column": column, "ids": written}
                st.toast(f"{len(written)} values written"
                         + (f"; {len(kept)} works had a value meanwhile and were left unchanged"
                            if kept else ""))
                st.rerun()
        by_id = {w["id"]: w for w in ws.works()}
        per_row = 4
        for start in range(0, min(len(shown), 48), per_row):
            cols = st.columns(per_row, gap="small")
            for col, rec in zip(cols, shown[start:start + per_row], strict=False):
                with col:
                    suggestion_card(ws, rec, by_id[rec["work_id"]], key="sugg")
        if len(shown) > 48:
            st.caption(f"… and {len(shown) - 48} more: raise the minimum confidence or accept "
                       "these first.")
    decided = list_suggestions(ws, column, status=("accepted", "rejected"))
    with st.expander(f"Decided suggestions ({len(decided)})"):
        if decided:
            st.dataframe([{"work": r["work_path"], "status": r["status"], "value": r["value"],
                           "confidence": round(r["confidence"], 3), "model": r["model"],
                           "features": r["feature_set"], "replaced": r["previous_value"],
                           "decided": (r["decided_at"] or "")[:19]} for r in decided],
                         hide_index=True, width="stretch")
        else:
            st.caption("None yet.")

# -- label map ------------------------------------------------------------------------------------
elif section == "Label map":
    fs = need_features()
    m1, m2, m3, m4 = st.columns(4)
    metric = m1.selectbox("Distance", METRICS, key="map_metric")
    layout = m2.selectbox("Layout", LAYOUTS, key="map_layout",
                          format_func={"forceatlas2": "ForceAtlas2", "spring": "spring"}.get)
    k = m3.number_input("Neighbours per label (graph)", 1, 10, 3, key="map_k")
    min_count = m4.number_input("Minimum works per label", 1, 100, 2, key="map_min")
    try:
        lm = label_map(ws, fs, column, metric=metric, layout=layout, k=int(k),
                       min_count=int(min_count))
    except ArtExploreError as exc:
        st.error(str(exc))
        st.stop()
    st.caption(f"{len(lm.labels)} labels of **{plain(column)}**, each at the centroid of its works' "
               f"**{fs}** features.")
    st.markdown("**Force-directed graph** — each label joined to its "
                f"{int(k)} most similar; node size shows its number of works.")
    st.plotly_chart(label_graph_figure(lm), width="stretch", key="map_graph")
    st.markdown("**Chord diagram** — similarity of A to B = d(A,B)⁻¹ / Σ_C≠A d(A,C)⁻¹; the "
                f"{len(lm.links)} directed links in the top quartile are drawn, a ribbon's width "
                "at each end being that label's share of similarity to the other.")
    st.plotly_chart(chord_figure(lm), width="stretch", key="map_chord")
    with st.expander("Closest labels"):
        st.dataframe([{"label": lab, "works": int(n),
                       **{f"#{k + 1}": f"{o} ({s:.2f})" for k, (o, s) in
                          enumerate(lm.nearest(lab, 3))}}
                      for lab, n in zip(lm.labels, lm.counts, strict=True)],
                     hide_index=True, width="stretch")

# -- where the model looks -----------------------------------------------------------------------
elif section == "Where the model looks":
    works = ws.works()
    if not works:
        st.info("The collection is empty.")
        st.stop()
    ids = [w["id"] for w in works]
    by_id = {w["id"]: w for w in works}
    current = st.session_state.get("work_id")
    w1, w2, w3 = st.columns([3, 2, 2])
    work_id = w1.selectbox("Work", ids, index=ids.index(current) if current in ids else 0,
                           format_func=lambda i: caption(by_id[i]), key="look_work")
    if work_id != current:
        st.session_state["work_id"] = work_id
    models = {"effnet-lite0": ("effnet-lite0", None)}
    for r in list_runs(ws, "finetune"):
        if Path(r["artifacts"].get("weights", "")).exists():
            label = (f"{r['metrics']['model']} fine-tuned on {r['label_column']} "
                     f"({r['params']['mode']}, {r['created_at'][:10]})")
            models[label] = (r["metrics"]["model"], r["artifacts"]["weights"])
    choice = w2.selectbox("Model", [*models, "Other timm model…"], key="look_model",
                          format_func=lambda k: "EfficientNet-Lite0 (ImageNet, offline)"
                          if k == "effnet-lite0" else k)
    if choice == "Other timm model…":
        o1, o2 = st.columns(2)
        name = o1.text_input("timm architecture", key="look_arch", placeholder="resnet50")
        weights = o2.text_input("Weights file", key="look_weights",
                                placeholder="/path/to/model.safetensors") or None
        if not name:
            st.stop()
        try:
            weights = weights_value(weights or "")
        except ArtExploreError as exc:
            st.error(str(exc))
            st.stop()
    else:
        name, weights = models[choice]
    method = w3.selectbox("Map", METHODS, key="look_method",
                          help="auto: attention rollout for vision transformers, feature-map "
                               "norm for CNNs")
    alpha = st.slider("Opacity of the map", 0.0, 1.0, 0.5, 0.05, key="look_alpha")
    work = by_id[work_id]
    try:
        rgb, saliency = activation(str(ws.root), work_id, work["mtime_ns"], name, weights, method)
    except ArtExploreError as exc:
        st.error(str(exc))
        st.stop()
    i1, i2 = st.columns(2)
    i1.image(rgb, caption=plain(caption(work)), width="stretch")
    i2.image(overlay(rgb, saliency, alpha=alpha), width="stretch",
             caption=f"where {name} looks ({method}); bright = strong response")

# -- fine-tuning ----------------------------------------------------------------------------------
elif section == "Fine-tuning":
    st.caption("Train a timm backbone on this column: fine-tune every layer, keep the backbone "
               "frozen (transfer learning) or start from scratch. Runs as a background job "
               "(a GPU is used when there is one); the trained backbone can then be used as a "
               "feature extractor with `--weights`.")
    with st.form("finetune"):
        a, b, c = st.columns(3)
        model = a.text_input("Model", "effnet-lite0", key="ft_model",
                             help="A timm architecture; effnet-lite0 has offline ImageNet weights")
        weights = b.text_input("Pretrained weights file (optional)", key="ft_weights",
                               help="A local .safetensors/.pth state dict; nothing is downloaded")
        mode = c.selectbox("Mode", ["finetune", "frozen", "scratch"], key="ft_mode")
        d, e, f, g = st.columns(4)
        epochs = d.number_input("Epochs", 1, 500, 10, key="ft_epochs")
        lr = e.number_input("Learning rate", 1e-5, 1.0, 0.03, format="%.4f", key="ft_lr")
        scheduler = f.selectbox("Schedule", ["step", "plateau"], key="ft_sched",
                                format_func={"step": "StepLR",
                                             "plateau": "ReduceLROnPlateau"}.get)
        device = g.selectbox("Device", device_choices(), key="ft_device")
        go = st.form_submit_button("Start fine-tuning", type="primary")
    if go:
        from artexplore.labels.finetune import FinetuneConfig

        try:
            options = {"model": model.strip(), "mode": mode, "weights": weights_value(weights),
                       "epochs": int(epochs), "lr": float(lr), "scheduler": scheduler,
                       "device": device}
            FinetuneConfig(**options)
            jobs.submit(ws, "finetune-classifier", {**options, "column": column,
                                                    "label": f"{column} ← {model} ({mode})"})
            st.toast("Fine-tuning started; its progress is in the sidebar.")
        except ArtExploreError as exc:
            st.error(str(exc))

    @st.fragment(run_every=3 if active("finetune-classifier") else None)
    def finetune_results() -> None:
        if active("finetune-classifier"):
            st.info("Fine-tuning is running; results appear here when it ends.")
        runs = list_runs(ws, "finetune", label_column=column)
        if not runs:
            st.info(f"No fine-tuning run on **{plain(column)}** yet.")
            return
        st.dataframe([{"when": r["created_at"][:16].replace("T", " "),
                       "model": r["metrics"]["model"], "mode": r["params"]["mode"],
                       "epochs": r["params"]["epochs"], "test top-1": round(r["metrics"]["top1"], 3),
                       "test top-3": round(r["metrics"]["top3"], 3),
                       "macro F1": round(r["metrics"]["f1_macro"], 3),
                       "device": r["metrics"]["device"], "id": r["id"]} for r in runs],
                     hide_index=True, width="stretch")
        if st.session_state.get("probe_newest") != runs[0]["id"]:
            # A run that just ended (inline or as a job) is the one to show.
            st.session_state["probe_newest"] = st.session_state["probe_run"] = runs[0]["id"]
        run_id = st.selectbox("Run", [r["id"] for r in runs], key="ft_run")
        run = next(r for r in runs if r["id"] == run_id)
        metrics_block(run["metrics"], key="ft", what="on the test split")
        st.plotly_chart(history_figure(run["metrics"]["history"]), width="stretch", key="ft_hist")
        st.markdown("Use the trained backbone as a feature extractor:")
        st.code(f"artexplore embed --workspace {ws.root} --extractor timm:{run['metrics']['model']} "
                f"--weights {run['artifacts']['weights']}", language="bash")

    finetune_results()

# -- DeepPainter ----------------------------------------------------------------------------------
elif section == "DeepPainter":
    st.caption("A convolutional autoencoder is pretrained on every painting of the collection "
               "(reconstruction, no labels); its encoder is then frozen under a dense classifier "
               "with spatial dropout, evaluated by k-fold cross-validation. Paintings are padded "
               "to a square, never cropped.")
    with st.form("deeppainter"):
        a, b, c, d = st.columns(4)
        folds = a.number_input("Folds", 2, 20, 10, key="dp_folds")
        ae_epochs = b.number_input("Autoencoder epochs", 1, 500, 30, key="dp_ae_epochs")
        epochs = c.number_input("Classifier epochs", 1, 500, 40, key="dp_epochs")
        size = d.selectbox("Image side", [64, 128, 256], index=1, key="dp_size")
        go = st.form_submit_button("Start DeepPainter", type="primary")
    if go:
        jobs.submit(ws, "deeppainter", {"column": column, "n_folds": int(folds),
                                        "ae_epochs": int(ae_epochs), "epochs": int(epochs),
                                        "image_size": int(size),
                                        "label": f"{column} ← DeepPainter"})
        st.toast("DeepPainter started; its progress is in the sidebar.")

    @st.fragment(run_every=3 if active("deeppainter") else None)
    def deeppainter_results() -> None:
        if active("deeppainter"):
            st.info("DeepPainter is running; results appear here when it ends.")
        runs = list_runs(ws, "deeppainter", label_column=column)
        if not runs:
            st.info(f"No DeepPainter run on **{plain(column)}** yet.")
            return
        if st.session_state.get("probe_newest") != runs[0]["id"]:
            # A run that just ended (inline or as a job) is the one to show.
            st.session_state["probe_newest"] = st.session_state["probe_run"] = runs[0]["id"]
        run_id = st.selectbox(
            "Run", [r["id"] for r in runs], key="dp_run",
            format_func=lambda i: next(f"{r['created_at'][:16].replace('T', ' ')} · "
                                       f"{r['params']['n_folds']}-fold · {r['params']['image_size']}px"
                                       for r in runs if r["id"] == i))
        run = next(r for r in runs if r["id"] == run_id)
        metrics_block(run["metrics"], key="dp")
        st.caption(f"Autoencoder pretrained on {run['metrics']['pretrain_images']} paintings; "
                   f"reconstruction MSE {run['metrics']['ae_loss'][-1]:.4f} after "
                   f"{len(run['metrics']['ae_loss'])} epochs. Model: `{run['metrics']['model_path']}`")

    deeppainter_results()

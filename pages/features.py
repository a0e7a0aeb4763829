"""Features: the feature sets of the workspace, computing them, block weights, fine-tuning."""

from __future__ import annotations

import streamlit as st

from artexplore.errors import ArtExploreError
from artexplore.features import (
    delete_fusion,
    fusion_names,
    get_fusion,
    set_block_weights,
    stored_fusions,
)
from artexplore.features.overview import feature_sets_overview
from ui.features import (
    device_choices,
    device_description,
    feature_sets_table,
    fused_descriptions,
)
from ui.jobs import job_tracker, submit_job, tracked_notes
from ui.paths import weights_value
from ui.state import current_workspace, require_app
from ui.text import plain

require_app(__file__)
ws = current_workspace()
st.title("Features")
tracked_notes("features")
job_tracker(ws, page="features")
st.caption(f"Extractors run on **{device_description()}**. The `default` set is what maps, "
           "clusters and neighbours use unless you pick another.")

overview = feature_sets_overview(ws)  # read once: the table and the descriptions
table = feature_sets_table(overview)
if table.empty:
    st.info("No feature set yet: compute the default set below.")
else:
    st.dataframe(table, hide_index=True, width="stretch")
    described = fused_descriptions(overview)
    if described:
        with st.expander("What each fused set groups works by"):
            for name, text in described:
                st.markdown(f"**{plain(name)}**: {plain(text)}")

EXTRACTORS = {
    "default (everything the default set needs)": "default",
    "EfficientNet-Lite0 pooled (offline)": "effnet-lite0",
    "Gram matrices of EfficientNet-Lite0 (offline)": "gram:effnet-lite0",
    "Channel statistics of EfficientNet-Lite0 (offline)": "stats:effnet-lite0",
    "Colour histogram": "color",
    "A timm model (weights file needed)": "timm:",
    "CSD style model (checkpoint needed)": "csd",
}

with st.container(border=True):
    st.subheader("Compute a feature set")
    with st.form("embed"):
        choice = st.selectbox("Extractor", list(EXTRACTORS), key="feat_extractor")
        c1, c2 = st.columns(2)
        model = c1.text_input("timm model name (for 'A timm model')",
                              placeholder="vit_small_patch16_224", key="feat_timm")
        weights = c2.text_input("Weights file (.safetensors or .pth)", key="feat_weights",
                                help="Nothing is downloaded: timm models and CSD need a local "
                                     "file (a SimCLR checkpoint from below works).")
        c3, c4 = st.columns(2)
        device = c3.selectbox("Device", device_choices(), key="feat_device",
                              help="The devices this machine has; auto picks the fastest.")
        batch = c4.number_input("Batch size", 1, 1024, 32, key="feat_batch")
        c5, c6 = st.columns(2)
        where = c5.selectbox("Run on", ["this machine", "a Ray cluster"], key="feat_backend",
                             help="A Ray cluster runs the extractor on its nodes' actors (GPUs "
                                  "where it has them); the images and the workspace's shards/ "
                                  "folder must be reachable from every node.")
        address = c6.text_input("Ray address (HOST:6379 or auto)", key="feat_ray_address",
                                placeholder="empty: start Ray on this machine")
        refit = st.checkbox(
            "Fit the fused sets anew", key="feat_refit",
            help="Works added since a fused set (such as default) was fitted are placed on "
                 "its stored fit, quickly and without moving the others, while they are few. "
                 "Fitting anew lays them out with the others; the maps, clusters and "
                 "neighbour index of the set are then recomputed.")
        if st.form_submit_button("Compute", type="primary"):
            name = EXTRACTORS[choice]
            if name == "timm:":
                name = f"timm:{model.strip()}" if model.strip() else ""
            try:
                weights_file = weights_value(weights)
            except ArtExploreError as exc:
                st.error(str(exc))
                name = None
            if name == "":
                st.error("Name the timm model (e.g. vit_small_patch16_224).")
            elif name:
                options = {"device": device}
                if weights_file:
                    options["weights"] = weights_file
                backend = {"backend": "local"} if where == "this machine" else \
                    {"backend": "ray", "address": address.strip() or None}
                try:
                    submit_job(ws, "embed", {"extractor": name, "options": options,
                                             "batch_size": int(batch), "refit": refit,
                                             "label": f"features {name}"},
                               page="features", **backend)
                except ArtExploreError as exc:
                    st.error(str(exc))

ready = [n for n in fusion_names(ws) if get_fusion(ws, n) is not None]
with st.container(border=True):
    st.subheader("Block weights")
    st.caption("A fused set joins blocks (global look, Gram/style statistics, colour…), each "
               "centred and L2-normalised; the similarity of two works is the weighted mean of "
               "their per-block similarities. Changing weights needs no recomputation.")
    name = st.selectbox("Fused set", ready, key="feat_fusion")
    spec = get_fusion(ws, name) if name else None
    if spec is not None:
        if spec.description:
            st.caption(spec.description)
        cols = st.columns(max(1, len(spec.blocks)))
        weights_now = {}
        for col, block in zip(cols, spec.blocks, strict=False):
            weights_now[block.name] = col.slider(
                block.name, 0.0, 2.0, float(block.weight), 0.05, key=f"feat_w_{name}_{block.name}")
        b1, b2 = st.columns(2)
        if b1.button("Save weights", type="primary", key="feat_save_weights"):
            try:
                set_block_weights(ws, name, weights_now)
            except ArtExploreError as exc:
                st.error(str(exc))
            else:
                st.toast(f"Saved the weights of {name}.")
                st.rerun()  # the table above shows the new weights
        if name in stored_fusions(ws) and b2.button("Reset to the built-in recipe",
                                                    key="feat_reset"):
            delete_fusion(ws, name)
            for block in spec.blocks:
                st.session_state.pop(f"feat_w_{name}_{block.name}", None)
            st.rerun()

with st.expander("Fine-tune a backbone on this collection (SimCLR)"):
    st.caption("Self-supervised: two style-preserving views of each painting (crops, flips, "
               "slight blur; no colour jitter) are pulled together. Meant for a GPU. The "
               "checkpoint is written under the workspace's models/ folder; use it as the "
               "weights file above.")
    with st.form("finetune"):
        f1, f2, f3 = st.columns(3)
        backbone = f1.text_input("Backbone", value="effnet-lite0",
                                 help="effnet-lite0 or timm:MODEL", key="ft_backbone")
        start = f2.text_input("Starting weights (timm)", key="ft_weights")
        epochs = f3.number_input("Epochs", 1, 1000, 10, key="ft_epochs")
        if st.form_submit_button("Start fine-tuning"):
            params = {"extractor": backbone.strip(), "epochs": int(epochs),
                      "label": f"finetune {backbone.strip()}"}
            try:
                if start.strip():
                    params["weights"] = weights_value(start)
            except ArtExploreError as exc:
                st.error(str(exc))
            else:
                submit_job(ws, "finetune", params, page="features")

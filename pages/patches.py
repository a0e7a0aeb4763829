"""Patch inspector: which windows of a painting the local method keeps, and why."""

from __future__ import annotations

import streamlit as st

from artexplore.errors import ArtExploreError
from artexplore.local import current_config
from artexplore.local.patches import PatchConfig
from artexplore.local.training import current_model_fingerprint, model_info
from artexplore.store import WorkQuery, Workspace
from ui.gallery import caption
from ui.jobs import job_tracker, submit_job, tracked_notes
from ui.patches import LAYERS, local_windows, patch_figure, patch_strip, run_method, working
from ui.state import current_workspace, require_app

require_app(__file__)
ws = current_workspace()
st.title("Patch inspector")
tracked_notes("patches")
job_tracker(ws, page="patches")
st.caption("The local method keeps the windows where the brushwork is busiest (highest mean "
           "gradient), draws a few of them with probability ∝ score, and describes each by the "
           "difference of Gaussians of its grey pixels. Change any parameter: the work is "
           "re-run live.")

stored = current_config(ws) or PatchConfig()


@st.cache_resource(max_entries=2, show_spinner=False)
def _model(root: str, fingerprint: str):
    """The trained InfoVAE (loaded once per model)."""
    from artexplore.local.training import load_model

    return load_model(Workspace(root), fingerprint, device="cpu", n_threads=1)[0]


def _redraw() -> None:
    st.session_state["patch_seed"] = int(st.session_state.get("patch_seed", 0)) + 1


# -- pick a work ----------------------------------------------------------------------------
with st.container(border=True):
    c1, c2 = st.columns([2, 5])
    text = c1.text_input("Search title, artist or file", key="patch_text")
    matches, total = ws.search(WorkQuery(text=text), limit=500)
    options = [w["id"] for w in matches]
    current = st.session_state.get("work_id")
    if current and current not in options and not text:  # arrived from another page
        try:
            options.insert(0, ws.work(current)["id"])
            matches.insert(0, ws.work(current))
        except ArtExploreError:
            current = None
    if not options:
        st.info("No work matches this search." if total == 0 and text else
                "The collection is empty: ingest a folder on the Collection page.")
        st.stop()
    labels = {w["id"]: caption(w) for w in matches}
    index = options.index(current) if current in options else 0
    chosen = c2.selectbox(f"Work ({total} matching)", options, index=index,
                          format_func=lambda i: labels.get(i, i), key="patch_work")
    if chosen != st.session_state.get("work_id"):
        st.session_state["work_id"] = chosen
work = ws.work(chosen)

# -- parameters -----------------------------------------------------------------------------
defaults = stored.to_dict()
st.session_state.setdefault("patch_seed", defaults["seed"])
with st.expander("Parameters", expanded=True):
    p1, p2, p3, p4 = st.columns(4)
    patch_size = p1.select_slider("Patch size s (px)", [16, 24, 32, 48, 64, 96, 128],
                                  value=defaults["patch_size"], key="patch_size")
    stride = p1.slider("Stride (px)", 4, 128, value=min(128, defaults["stride"]), step=4,
                       key="patch_stride")
    top = p2.slider("Top fraction kept", 0.01, 1.0, value=float(defaults["top"]), step=0.01,
                    key="patch_top")
    n = p2.slider("Patches drawn n", 1, 12, value=min(12, defaults["n"]), key="patch_n")
    sigma1 = p3.number_input("σ1", 0.5, 32.0, value=float(defaults["sigma1"]), step=0.5,
                             key="patch_sigma1")
    sigma2 = p3.number_input("σ2", 0.5, 64.0, value=float(defaults["sigma2"]), step=0.5,
                             key="patch_sigma2")
    seed = p4.number_input("Seed", 0, 2**31 - 1, step=1, key="patch_seed")
    p4.button("Draw again", icon=":material/casino:", key="patch_redraw", on_click=_redraw,
              help="Another seed: another draw from the same kept windows.")
    q1, q2, q3 = st.columns([2, 2, 3])
    physical = q1.toggle("Physical scale", value=defaults["cm_per_patch"] is not None,
                         key="patch_physical",
                         help="Resample so that one patch covers a fixed size of canvas "
                              "(needs width_cm / height_cm; other works use pixel mode).")
    if physical:
        cm = q2.number_input("cm per patch", 0.5, 100.0,
                             value=float(defaults["cm_per_patch"] or 5.0), step=0.5,
                             key="patch_cm")
        max_physical = q3.number_input(
            "Largest working side (px)", 256, 16384, value=int(defaults["max_physical_side"]),
            step=256, key="patch_max_physical",
            help="A huge canvas is reduced to this (and flagged capped).")
        max_side = defaults["max_side"]
        upscale = defaults["upscale"]
    else:
        cm = None
        max_physical = defaults["max_physical_side"]
        max_side = q2.select_slider("Longest side L (px)", [256, 384, 512, 768, 1024, 1536, 2048],
                                    value=defaults["max_side"] if defaults["max_side"] in
                                    (256, 384, 512, 768, 1024, 1536, 2048) else 1024,
                                    key="patch_max_side")
        upscale = q3.checkbox("Enlarge smaller images to L", value=defaults["upscale"],
                              key="patch_upscale")
try:
    config = PatchConfig(patch_size=patch_size, stride=stride, top=top, n=n, sigma1=sigma1,
                         sigma2=sigma2, seed=int(seed), max_side=max_side, upscale=upscale,
                         cm_per_patch=cm, max_physical_side=int(max_physical))
except ArtExploreError as exc:
    st.error(str(exc))
    st.stop()

# -- run the method on this work -----------------------------------------------------------
try:
    wi = working(str(ws.root), work["id"], work["mtime_ns"], config.to_dict())
    result = run_method(str(ws.root), work["id"], work["mtime_ns"], config.to_dict())
except ArtExploreError as exc:
    st.error(f"This work cannot be read: {exc}")
    st.stop()

h, w = result.work_shape
facts = [f"working image {w} × {h} px (scale {result.scale:.3g})",
         f"{result.window_scores.size} windows, {result.n_kept} kept "
         f"(score ≥ {result.threshold:.1f})"]
if result.physical:
    facts.append(f"{config.patch_size / config.cm_per_patch:.3g} px per cm")
for flag in result.flags:
    facts.append({"no-dimensions": "no width_cm/height_cm: pixel mode",
                  "upscaled": "upscaled", "capped": "physical size capped",
                  "padded": "smaller than a patch: edge-padded"}.get(flag, flag))
st.caption(" · ".join(facts))
if "no-dimensions" in result.flags:
    st.warning("This work has no physical dimensions, so it is shown in pixel mode "
               f"(longest side {config.max_side} px).")

left, right = st.columns([5, 2], gap="medium")
with right:
    layer = st.radio("Colour the painting by", LAYERS, key="patch_layer")
    opacity = st.slider("Layer opacity", 0.0, 1.0, 0.45, 0.05, key="patch_opacity")
    show_region = st.checkbox("Outline the top windows", value=True, key="patch_region")
    fp = ws.arrays.current("patches", "default")
    if fp == config.fingerprint():
        st.success("These parameters are the stored ones: the stage stores exactly these "
                   "patches for this work.", icon=":material/check_circle:")
    else:
        st.info("Live preview: the stored patches use other parameters."
                if fp else "No patches are stored yet.", icon=":material/info:")
        if st.button("Compute for the whole collection", key="patch_compute",
                     help="Runs the patches stage with these parameters as a background job."):
            submit_job(ws, "patches", {"config": config.to_dict(),
                                       "label": f"s={config.patch_size}"}, page="patches")
with left:
    st.plotly_chart(patch_figure(wi.image, result, layer=layer, opacity=opacity,
                                 show_region=show_region),
                    width="stretch", config={"displaylogo": False}, key="patch_figure")

# -- the drawn patches ---------------------------------------------------------------------
st.subheader(f"The {config.n} drawn patches")
model_fp = current_model_fingerprint(ws)
reconstructions = None
if model_fp:
    try:
        reconstructions = _model(str(ws.root), model_fp).reconstruct(result.dog)
    except ArtExploreError as exc:
        st.warning(f"The InfoVAE model cannot be used: {exc}")
patch_strip(result, reconstructions)
info = model_info(ws)
if info:
    st.caption(f"InfoVAE {info['fingerprint']}: trained on {info.get('patches', '?')} patches "
               f"of {info.get('works', '?')} works; reconstructions of the DoG patches above.")
else:
    st.caption("No InfoVAE is trained yet: reconstructions appear once it is.")
    if st.button("Train the InfoVAE", key="patch_train",
                 help="Runs train-local as a background job (minutes on CPU)."):
        submit_job(ws, "train-local", {"label": "from the patch inspector"}, page="patches")
if result.n_distinct < config.n:
    st.caption(f"Only {result.n_distinct} distinct window(s) exist: the draw repeats them.")

# -- the windows the local part of default describes ----------------------------------------
st.subheader("What `default` sees up close")
windows = local_windows(str(ws.root), work["id"], work["mtime_ns"])
st.image(list(windows), width=128, caption=[f"window {k + 1}" for k in range(len(windows))])
st.caption(f"The {len(windows)} windows of {windows.shape[1]} px with the highest mean gradient, "
           "scored as above but at the patch method's default working resolution (longest "
           f"side {PatchConfig().max_side} px, never enlarged), whatever the parameters chosen "
           "above. The local part of the `default` feature set is the backbone's block means "
           "over these windows, averaged; the global part looks at the whole painting. A work "
           "with fewer windows repeats them.")

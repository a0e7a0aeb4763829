"""Neighbour widgets: the cached index and searcher, block-weight sliders, "why similar"."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import streamlit as st
from PIL import Image

from artexplore.features import load_features
from artexplore.features.sets import version
from artexplore.local.patches import draw_outlines, outline_colour
from artexplore.search.aspects import Aspect
from artexplore.search.index import NeighbourIndex, index_version, open_index
from artexplore.search.neighbours import Explanation, Searcher, WorkPatches
from artexplore.store import Workspace

from .gallery import caption
from .text import plain


@st.cache_resource(show_spinner=False, max_entries=8)
def cached_index(workspace: str, name: str, fingerprint: str, version: str
                 ) -> NeighbourIndex | None:
    """The stored FAISS index of a feature set, memory-mapped; None when none is stored.

    Loaded once per (workspace, feature set, fingerprint, index version) and
    shared by every session; never built here (building is the ``index`` job).
    """
    if not version:
        return None
    return open_index(Workspace(workspace), name)


@st.cache_resource(show_spinner=False, max_entries=8)
def cached_searcher(workspace: str, name: str, features_token: str,
                    index_token: str) -> Searcher:
    """Features and index of a feature set, ready for queries (one per version of either)."""
    ws = Workspace(workspace)
    fingerprint = features_token.split(":", 1)[0]
    return Searcher(load_features(ws, name),
                    cached_index(workspace, name, fingerprint, index_token))


def searcher_for(ws: Workspace, name: str) -> Searcher:
    """The cached searcher of a feature set's current version and index."""
    return cached_searcher(str(ws.root), name, version(ws, name).token, index_version(ws, name))


def weight_sliders(name: str, blocks: Sequence[str]) -> dict[str, float]:
    """One slider per block (0–3, 1 = as stored); the weights are kept per feature set."""
    saved = st.session_state.setdefault("neighbour_weights", {}).setdefault(name, {})
    if len(blocks) < 2:
        st.caption(f"This feature set has one block ({', '.join(blocks)}): nothing to weight. "
                   "Fused sets (global, Gram, local…) get one slider per block.")
        return {}

    def reset() -> None:
        for block in blocks:
            st.session_state[f"nb_w_{name}_{block}"] = 1.0
        saved.clear()

    cols = st.columns(len(blocks) + 1)
    weights = {}
    for col, block in zip(cols, blocks, strict=False):
        weights[block] = col.slider(
            block, 0.0, 3.0, value=float(saved.get(block, 1.0)), step=0.1,
            key=f"nb_w_{name}_{block}",
            help=f"Weight of the {block} block in the similarity (1 = as stored).")
    cols[-1].button("Reset weights", on_click=reset, key=f"nb_w_reset_{name}")
    saved.update(weights)
    return weights


def _outlined(ws: Workspace, work_id: str, patches: WorkPatches | None) -> np.ndarray | None:
    """The work's thumbnail with its drawn patches outlined (None without a thumbnail)."""
    thumb = ws.thumbnail_path(work_id)
    if not thumb.exists():
        return None
    with Image.open(thumb) as img:
        rgb = np.asarray(img.convert("RGB"))
    if patches is None or not len(patches.coords):
        return rgb
    return draw_outlines(rgb, patches.coords, patches.size,
                         source_shape=patches.work_shape or rgb.shape[:2])


def _painting(ws: Workspace, work: dict | None, image: np.ndarray | None,
              patches: WorkPatches | None) -> None:
    """A painting with its drawn patches outlined."""
    if work is not None:
        shown = _outlined(ws, work["id"], patches)
        if shown is not None:
            st.image(shown, width="stretch")
        st.caption(plain(caption(work)))
    else:
        st.image(image, width="stretch")
        st.caption("Uploaded image")


def _patch_row(patches: WorkPatches | None, *, outside: bool = False) -> None:
    """A painting's DoG patches, framed in the colours of their outlines."""
    if patches is None:
        st.caption("Patches are sampled for works of the collection only." if outside else
                   "No DoG patches stored for this work.")
        return
    cols = st.columns(max(len(patches.dog), 1), gap="small")
    for k, (col, dog) in enumerate(zip(cols, patches.dog, strict=False)):
        framed = draw_outlines(np.asarray(dog, dtype=np.uint8), np.zeros((1, 2)), dog.shape[0],
                               colours=(outline_colour(k),), thickness=4)
        col.image(framed, width="stretch", caption=f"patch {k + 1}")


def _headline(aspects: Sequence[Aspect]) -> str:
    lead = [a for a in aspects if a.share > 0]
    if not lead:
        return ("No aspect stands out: the two works are about as close as most works of the "
                "collection are to the query, in every respect.")
    parts = [f"**{a.name}** ({a.share:.0%})" for a in lead]
    return "Alike above all in " + parts[0] + (", then " + ", ".join(parts[1:])
                                               if len(parts) > 1 else "") + "."


def explanation_panel(ws: Workspace, explanation: Explanation, *, query_work: dict | None,
                      query_image: np.ndarray | None, other: dict) -> None:
    """The two works with their detail patches outlined, and what made them close, in words."""
    patches = explanation.patches
    left, mid, right = st.columns([2, 3, 2], gap="medium")
    with left:
        _painting(ws, query_work, query_image,
                  patches.get(query_work["id"]) if query_work is not None else None)
    with right:
        _painting(ws, other, None, patches.get(other["id"]))
    with mid:
        st.metric("Similarity", f"{explanation.similarity:.3f}",
                  help="1 = the same painting; the neighbours are ranked by it")
        aspects = explanation.aspects
        st.markdown(_headline(aspects))
        if aspects:
            st.bar_chart({"aspect": [a.name for a in aspects],
                          "share (%)": [round(100 * a.share, 1) for a in aspects]},
                         x="aspect", y="share (%)", sort="-share (%)", horizontal=True,
                         height=60 + 40 * len(aspects), color="#8c2f39")
            st.dataframe([{"aspect": a.name, "how close": a.words(),
                           "share": f"{100 * a.share:.0f} %"}
                          for a in aspects], hide_index=True, width="stretch")
            st.caption("For each aspect the two works are compared with the rest of the "
                       "collection: how much closer than usual they are in it, as a part of "
                       "all the aspects in which they are closer than usual.")
        if len(explanation.blocks) > 1:
            with st.expander("How the search similarity adds up"):
                st.dataframe([{"block": b.block, "weight": b.weight,
                               "part of the similarity": f"{100 * b.share:.1f} %"}
                              for b in explanation.blocks], hide_index=True, width="stretch")
                st.caption("The search adds up the blocks of the feature set, each with its "
                           "weight (the sliders above); this is each block's part of the sum.")
    st.markdown("**Detail patches**")
    st.caption("Where the brushwork is busiest, outlined on each painting above in the colour "
               "of the patch shown here as a difference of Gaussians (bright = fine detail).")
    p1, p2 = st.columns(2, gap="large")
    with p1:
        _patch_row(patches.get(query_work["id"]) if query_work is not None else None,
                   outside=query_work is None)
    with p2:
        _patch_row(patches.get(other["id"]))
    if explanation.patch_note:
        st.info(explanation.patch_note)

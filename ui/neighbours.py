"""Neighbour widgets: the cached index and searcher, block-weight sliders, "why similar"."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import streamlit as st

from artexplore.features import load_features
from artexplore.index import NeighbourIndex, feature_version, index_version, open_index
from artexplore.neighbours import Explanation, Searcher, WorkPatches
from artexplore.store import Workspace

from .gallery import caption, square_thumbnail
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
def cached_searcher(workspace: str, name: str, fingerprint: str, updated_at: str,
                    version: str) -> Searcher:
    """Features and index of a feature set, ready for queries (one per version of either)."""
    ws = Workspace(workspace)
    return Searcher(load_features(ws, name), cached_index(workspace, name, fingerprint, version))


def searcher_for(ws: Workspace, name: str) -> Searcher:
    """The cached searcher of a feature set's current version and index."""
    fp, updated_at = feature_version(ws, name)
    return cached_searcher(str(ws.root), name, fp, updated_at, index_version(ws, name))


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


def _patch_row(patches: WorkPatches | None, label: str) -> None:
    st.markdown(f"**{plain(label)}**")
    if patches is None:
        st.caption("No DoG patches stored for this work.")
        return
    cols = st.columns(max(len(patches.dog), 1), gap="small")
    for col, dog, (r, c), score in zip(cols, patches.dog, patches.coords, patches.scores,
                                       strict=False):
        col.image(np.asarray(dog, dtype=np.uint8), width="stretch", clamp=True,
                  caption=f"{float(score):.1f} @ {int(r)},{int(c)}")


def explanation_panel(ws: Workspace, explanation: Explanation, *, query_work: dict | None,
                      query_image: np.ndarray | None, other: dict) -> None:
    """The two works side by side, each block's share of the similarity, their DoG patches."""
    left, mid, right = st.columns([1, 2, 1], gap="medium")
    with left:
        if query_work is not None:
            thumb = ws.thumbnail_path(query_work["id"])
            if thumb.exists():
                st.image(square_thumbnail(str(thumb)), width="stretch")
            st.caption(plain(caption(query_work)))
        elif query_image is not None:
            st.image(query_image, width="stretch")
            st.caption("Uploaded image")
    with right:
        thumb = ws.thumbnail_path(other["id"])
        if thumb.exists():
            st.image(square_thumbnail(str(thumb)), width="stretch")
        st.caption(plain(caption(other)))
    with mid:
        st.metric("Similarity (cosine)", f"{explanation.similarity:.3f}")
        rows = [{"block": b.block, "weight": b.weight, "block cosine": round(b.cosine, 3),
                 "term": round(b.term, 4), "share": f"{100 * b.share:.1f} %"}
                for b in explanation.blocks]
        st.dataframe(rows, hide_index=True, width="stretch")
        if len(explanation.blocks) > 1:
            st.bar_chart({"share (%)": {b.block: 100 * b.share for b in explanation.blocks}},
                         horizontal=True, height=60 + 36 * len(explanation.blocks), color="#8c2f39")
        st.caption("Each block's term is w·⟨x_b, y_b⟩ / (‖x′‖‖y′‖); the terms add up to the "
                   "similarity, the share is a term divided by the similarity.")
    st.markdown("**Sampled DoG patches** (under each: gradient score @ row, column of the window)")
    p1, p2 = st.columns(2, gap="large")
    with p1:
        if query_work is not None:
            _patch_row(explanation.patches.get(query_work["id"]), caption(query_work))
        else:
            st.markdown("**Uploaded image**")
            st.caption("Patches are sampled for works of the collection only.")
    with p2:
        _patch_row(explanation.patches.get(other["id"]), caption(other))
    if explanation.patch_note:
        st.info(explanation.patch_note)

"""Widgets of the Labels page: metrics of a run, suggestion cards, cached models and maps."""

from __future__ import annotations

from typing import Any

import numpy as np
import streamlit as st

from artexplore.errors import ArtExploreError
from artexplore.labels import suggestions as sugg
from artexplore.labels.plots import confusion_figure
from artexplore.store import Workspace

from .gallery import caption, square_thumbnail


def metrics_block(result: dict[str, Any], *, key: str, what: str = "cross-validated") -> None:
    """Headline figures, left-out classes, per-class table and confusion matrix of a run."""
    m1, m2, m3, m4 = st.columns(4)
    std = result.get("top1_std")
    m1.metric("Top-1 accuracy", f"{result['top1']:.1%}",
              help=f"{what}; ± {std:.1%} across folds" if std is not None else what)
    classes = result["classes"]
    if len(classes) > 3:
        m2.metric("Top-3 accuracy", f"{result['top3']:.1%}")
    else:  # with three classes or fewer, the right one is always among the top three
        m2.metric("Top-3 accuracy", "—", help="Not informative with three classes or fewer")
    m3.metric("Macro F1", f"{result['f1_macro']:.3f}",
              help="F1 averaged over classes, each class counting the same")
    m4.metric("Balanced accuracy", f"{result['balanced_accuracy']:.1%}",
              help="Recall averaged over classes")
    majority = max((r["support"] for r in result["per_class"]), default=0) / max(result["n"], 1)
    st.caption(f"{result['n']} works in {len(classes)} classes"
               f" · always guessing the largest class would be right {majority:.1%} of the time"
               + (f" · macro precision {result['precision_macro']:.3f}, "
                  f"recall {result['recall_macro']:.3f} · weighted F1 {result['f1_weighted']:.3f}"))
    if result.get("excluded"):
        left = ", ".join(f"{c} ({n})" for c, n in result["excluded"].items())
        st.warning(f"Left out for having too few works: {left}", icon=":material/info:")
    left, right = st.columns([2, 3])
    with left:
        st.dataframe(
            [{"label": r["label"], "precision": round(r["precision"], 3),
              "recall": round(r["recall"], 3), "F1": round(r["f1"], 3), "works": r["support"]}
             for r in result["per_class"]],
            hide_index=True, width="stretch", height=min(40 + 35 * len(classes), 640),
            key=f"{key}-per-class")
    with right:
        st.plotly_chart(confusion_figure(result["confusion"], classes), width="stretch",
                        key=f"{key}-confusion")


def suggestion_card(ws: Workspace, rec: dict[str, Any], work: dict[str, Any], *, key: str) -> None:
    """One proposed label: thumbnail, value with confidence, Accept and Reject buttons."""
    thumb = ws.thumbnail_path(rec["work_id"])
    if thumb.exists():
        st.image(square_thumbnail(str(thumb)), width="stretch")
    st.caption(caption(work))
    # Metadata values are text: st.text renders neither HTML nor Markdown.
    st.text(f"{rec['value']} · confidence {rec['confidence']:.0%}")
    alts = ", ".join(str(v) for v, _ in rec["alternatives"][:2])
    if alts:
        st.text(f"else {alts}")
    a, r = st.columns(2)
    if a.button("Accept", key=f"{key}-acc-{rec['id']}", type="primary", width="stretch"):
        try:
            sugg.accept(ws, rec["id"])
        except ArtExploreError as exc:  # another value arrived meanwhile: nothing overwritten
            st.error(str(exc))
            return
        st.toast(f"{rec['label_column']} = {rec['value']} written to {work['path']}")
        st.rerun()
    if r.button("Reject", key=f"{key}-rej-{rec['id']}", width="stretch"):
        sugg.reject(ws, rec["id"])
        st.rerun()


@st.cache_resource(max_entries=4, show_spinner="Loading the model…")
def backbone(name: str, weights: str | None) -> Any:
    """A headless backbone, kept across reruns (never mutated)."""
    from artexplore.labels.models import create_backbone

    return create_backbone(name, weights=weights or None)


@st.cache_data(max_entries=32, show_spinner="Computing where the model looks…")
def activation(root: str, work_id: str, mtime_ns: int, name: str, weights: str | None,
               method: str) -> tuple[np.ndarray, np.ndarray]:
    """A work's image and the backbone's activation map (cached per work, model and method)."""
    from artexplore.labels.saliency import work_activation_map

    return work_activation_map(Workspace(root), work_id, backbone(name, weights), method=method)

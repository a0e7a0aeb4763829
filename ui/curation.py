"""The curation widget of the Map's cluster panel: merge, split, rename, together / apart.

The curator edits a :class:`~artexplore.cluster.curate.Curation` of the run shown
(kept in the session until saved); **Save** stores it as a cluster run of method
``curated`` that lists, exports and feeds ``artexplore learn`` like any other run.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from artexplore.cluster import curate
from artexplore.errors import ArtExploreError
from artexplore.store import Workspace


def curation_panel(ws: Workspace, run_id: str, *, selected: Sequence[str] = (),
                   on_saved: Callable[[str], Any] | None = None,
                   key: str = "curate", run: Any = None) -> str | None:
    """Draw the curation actions for a cluster run.

    Parameters
    ----------
    ws : Workspace
    run_id : str
        The run being curated (a curated run carries on with its names and marks).
    selected : sequence of str
        The works selected on the map (what "together" / "apart" mark).
    on_saved : callable, optional
        Called with the new run's id when **Save** stored one; the page then
        reruns (the Map shows the curated run).
    key : str
        Prefix of the widgets' keys and of the session entry.
    run : ClusterRun, optional
        The run, if the page has it loaded already.

    Returns
    -------
    str or None
        The id of the curated run when **Save** stored one (and no ``on_saved``
        was given), else None.
    """
    state_key = f"{key}_curation"
    cur = st.session_state.get(state_key)
    current = isinstance(cur, curate.Curation) and cur.source == run_id
    # Drawn only when asked for: its forms cost the browser time on every first render.
    opened = st.toggle(f"Curate these clusters ({len(cur.edits)} edits not saved yet)"
                       if current and cur.edits else "Curate these clusters",
                       key=f"{key}_open", help="Merge, split and rename clusters; mark works "
                       "that belong together or apart; save the result as a clustering.")
    if not opened:
        return None
    if not current:
        cur = curate.start(ws, run_id, run)
        st.session_state[state_key] = cur
    sizes = {c: n for c, n in cur.sizes().items() if c >= 0}
    clusters = sorted(sizes)

    def label(c: int) -> str:
        return f"{cur.name(c)} ({sizes.get(c, 0)} works)"

    def apply(action: Callable[..., curate.Curation], *args: Any, **kwargs: Any) -> None:
        try:
            st.session_state[state_key] = action(*args, **kwargs)
        except ArtExploreError as exc:
            st.error(str(exc))
            return
        st.rerun()

    with st.container(border=True):
        t_merge, t_split, t_rename, t_marks = st.tabs(["Merge", "Split", "Rename", "Mark works"])
        with t_merge:
            c1, c2 = st.columns(2)
            a = c1.selectbox("Keep", clusters, format_func=label, key=f"{key}_merge_a")
            b = c2.selectbox("Merge into it", clusters, format_func=label, key=f"{key}_merge_b",
                             index=min(1, len(clusters) - 1))
            if st.button("Merge", key=f"{key}_merge"):
                apply(curate.merge, cur, a, b)
        with t_split:
            c1, c2 = st.columns(2)
            c = c1.selectbox("Cluster", clusters, format_func=label, key=f"{key}_split_c")
            parts = c2.number_input("Parts", 2, 10, 2, key=f"{key}_split_n")
            if st.button("Split by k-means on the features", key=f"{key}_split"):
                try:
                    X = curate.features_of(ws, cur)
                except ArtExploreError as exc:
                    st.error(str(exc))
                else:
                    apply(curate.split, cur, c, X, n_parts=int(parts))
        with t_rename:
            c1, c2 = st.columns(2)
            c = c1.selectbox("Cluster", clusters, format_func=label, key=f"{key}_rename_c")
            name = c2.text_input("Name", key=f"{key}_rename_name", max_chars=80)
            if st.button("Rename", key=f"{key}_rename"):
                apply(curate.rename, cur, c, name)
        with t_marks:
            st.caption(f"{len(selected)} works selected on the map · marked so far: "
                       f"{len(cur.together)} pairs together, {len(cur.apart)} apart")
            c1, c2 = st.columns(2)
            if c1.button("These belong together", key=f"{key}_together",
                         disabled=len(selected) < 2):
                apply(curate.together, cur, list(selected))
            if c2.button("These belong apart", key=f"{key}_apart", disabled=len(selected) < 2):
                apply(curate.apart, cur, list(selected))
        for edit in cur.edits[-5:]:
            st.caption(f"· {edit}")
        c1, c2 = st.columns(2)
        if c1.button("Save as a curated clustering", key=f"{key}_save", type="primary",
                     disabled=not cur.edits):
            try:
                saved = curate.save(ws, cur)
            except ArtExploreError as exc:
                st.error(str(exc))
                return None
            st.session_state.pop(state_key, None)
            st.toast(f"Saved curated clustering {saved}")
            if on_saved is not None:
                on_saved(saved)
                st.rerun()
            return saved
        if c2.button("Discard the edits", key=f"{key}_discard", disabled=not cur.edits):
            st.session_state.pop(state_key, None)
            st.rerun()
    return None

"""The sidebar every page shares: workspace in use, collection counts, jobs."""

from __future__ import annotations

import streamlit as st

from artexplore.errors import ArtExploreError
from artexplore.features import feature_set_names

from .features import device_description
from .jobs import active_jobs_panel
from .paths import allowed_path
from .state import current_workspace


def sidebar() -> None:
    """Draw the sidebar."""
    with st.sidebar:
        st.markdown("### :material/palette: ArtExplore")
        with st.expander("Workspace", expanded=False):
            if st.session_state.pop("_workspace_switched", False):
                st.session_state.pop("workspace_input", None)  # shows the new workspace
            path = st.text_input("Workspace folder", value=st.session_state["workspace"],
                                 key="workspace_input",
                                 help="The folder holding a collection's catalogue.")
            if path != st.session_state["workspace"]:
                try:
                    checked = allowed_path(path)
                except ArtExploreError as exc:
                    st.error(str(exc))
                else:
                    st.session_state["workspace"] = str(checked)
                    st.session_state["work_id"] = None
                    st.query_params["workspace"] = str(checked)
                    st.rerun()
        ws = current_workspace()
        counts = ws.counts()
        st.caption(f"`{ws.root.name}` · {counts.get('ok', 0)} works · "
                   f"{counts.get('missing', 0)} missing · {counts.get('skipped', 0)} skipped")
        names = feature_set_names(ws)
        shown = ", ".join(names[:4]) + (f" +{len(names) - 4} more" if len(names) > 4 else "")
        st.caption(f"Device: {device_description()} · feature sets: {shown or 'none yet'}")
        st.markdown("**Jobs**")
        active_jobs_panel(ws)

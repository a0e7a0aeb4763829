"""ArtExplore: the Streamlit entry point.

Run with ``streamlit run app.py -- --workspace WS`` (the demo workspace by default).
"""

from __future__ import annotations

import streamlit as st

from ui.sidebar import sidebar
from ui.state import go_to_wanted_page, init_session

st.set_page_config(page_title="ArtExplore", page_icon="🎨", layout="wide")
init_session()

PAGES = [
    st.Page("pages/collection.py", title="Collection", icon=":material/photo_library:",
            default=True, url_path="collection"),
    st.Page("pages/map.py", title="Map", icon=":material/scatter_plot:", url_path="map"),
    st.Page("pages/neighbours.py", title="Neighbours", icon=":material/join_inner:",
            url_path="neighbours"),
    st.Page("pages/exhibitions.py", title="Exhibitions", icon=":material/museum:",
            url_path="exhibitions"),
    st.Page("pages/patches.py", title="Patch inspector", icon=":material/grid_view:",
            url_path="patches"),
    st.Page("pages/labels.py", title="Labels", icon=":material/label:", url_path="labels"),
    st.Page("pages/features.py", title="Features", icon=":material/tune:", url_path="features"),
    st.Page("pages/jobs.py", title="Jobs", icon=":material/pending_actions:", url_path="jobs"),
]

navigation = st.navigation(PAGES)
go_to_wanted_page()
sidebar()
navigation.run()

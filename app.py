"""ArtExplore: the Streamlit entry point.

Run with ``streamlit run app.py -- --workspace WS`` (the demo workspace by default).
"""

from __future__ import annotations

import streamlit as st

from ui.sidebar import sidebar
from ui.state import init_session

st.set_page_config(page_title="ArtExplore", page_icon="🎨", layout="wide")
init_session()

PAGES = [
    st.Page("pages/collection.py", title="Collection", icon=":material/photo_library:",
            default=True, url_path="collection"),
    st.Page("pages/features.py", title="Features", icon=":material/tune:", url_path="features"),
    st.Page("pages/jobs.py", title="Jobs", icon=":material/pending_actions:", url_path="jobs"),
]

navigation = st.navigation(PAGES)
sidebar()
navigation.run()

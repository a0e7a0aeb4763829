"""Runs ArtExplore with the map's file routes (coordinates, thumbnail atlases) mounted.

``streamlit run serve.py -- --workspace WS`` (what ``make demo`` does). ``app.py`` is the
Streamlit script itself; run directly, the map is drawn without thumbnails.
"""

import streamlit as st

from ui.atlas_routes import routes

app = st.App("app.py", routes=routes())

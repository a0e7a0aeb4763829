"""Streamlit building blocks shared by the pages (the library never imports streamlit)."""

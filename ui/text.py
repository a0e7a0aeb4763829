"""Metadata is text, not markdown: escaping for Streamlit elements that render markdown.

Titles, artists, file names and every metadata value come from files others wrote.
``st.markdown``, ``st.caption``, ``st.subheader``, ``st.table`` cells, image captions
and widget labels all interpret markdown, where ``![x](http://host/p.png)`` makes
the browser fetch an outside URL. Pass such text through :func:`plain` first (or use
an element that shows text as it is, such as ``st.dataframe`` or ``st.text``).
"""

from __future__ import annotations

import re
from typing import Any

# Every ASCII punctuation character may be backslash-escaped in (GitHub-flavoured)
# markdown; escaping them all leaves no syntax: links, images, emphasis, tables,
# HTML, LaTeX ($) and Streamlit's :colour[...] directives all become text.
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def plain(value: Any) -> str:
    """Text that markdown shows exactly as written, on one line.

    Parameters
    ----------
    value : object
        Any value (None gives an empty string).

    Returns
    -------
    str
        The text with markdown punctuation escaped and line breaks turned into spaces.
    """
    text = "" if value is None else str(value)
    text = " ".join(text.splitlines())
    return _PUNCTUATION.sub(r"\\\1", text)

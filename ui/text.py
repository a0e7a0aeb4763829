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
# GFM turns bare URLs into links after parsing, escapes or not: a zero-width space
# after the scheme's colon (or after "www") keeps them text.
_BARE_URL = re.compile(r"(?i)(\b[a-z][a-z0-9+.-]*:)(?=//)|(\bwww)(?=\.)")


def plain(value: Any) -> str:
    """Text that markdown shows exactly as written, on one line.

    Parameters
    ----------
    value : object
        Any value (None gives an empty string).

    Returns
    -------
    str
        The text with markdown punctuation escaped, line breaks turned into spaces and
        a zero-width space (U+200B) after URL schemes and ``www`` so bare URLs stay text.
    """
    text = "" if value is None else str(value)
    text = " ".join(text.splitlines())
    text = _BARE_URL.sub(lambda m: (m.group(1) or m.group(2)) + "\u200b", text)
    return _PUNCTUATION.sub(r"\\\1", text)


def markdown_table(rows: list[dict[str, Any]]) -> str:
    """A small table as markdown, every header and cell through :func:`plain`.

    ``st.markdown`` of this draws a static table with the page's own text renderer;
    ``st.table`` of the same rows makes the browser load and run Streamlit's Arrow
    decoder (about 0.3 s on the first table of a page), which small tables do not need.

    Parameters
    ----------
    rows : list of dict
        One dict per row; the columns are the keys of the first row, in order.

    Returns
    -------
    str
        A GitHub-flavoured markdown table ("" when there is no row).
    """
    if not rows:
        return ""
    columns = list(rows[0])

    def cell(value: Any) -> str:
        text = plain(value)
        return text if text.strip() else " "

    lines = ["| " + " | ".join(cell(c) for c in columns) + " |",
             "|" + "|".join(" --- " for _ in columns) + "|"]
    lines += ["| " + " | ".join(cell(row.get(c)) for c in columns) + " |" for row in rows]
    return "\n".join(lines)

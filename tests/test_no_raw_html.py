"""No page or widget hands text to the browser as raw HTML (issue 13: stored XSS).

Metadata is text: it is shown with Streamlit's own elements. The one raw-HTML call left is
the Map page's hover script, whose payload is work ids and thumbnail data URIs, never
metadata.
"""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RAW = re.compile(r"unsafe_allow_html\s*=\s*True|\bst\.html\(|components\.html\(")
ALLOWED = {("ui/mapview.py", 'st.html(f"<script>{script}</script>", unsafe_allow_javascript=True)'),
           # the shipped ui/map_click.js, a static file (no data of the collection in it)
           ("ui/mapview.py",
            """st.html(f"<script>{_CLICK_JS.read_text(encoding='utf-8')}</script>",""")}


def test_pages_and_widgets_render_no_raw_html():
    found = []
    for path in sorted([*REPO.glob("pages/*.py"), *REPO.glob("ui/*.py"), REPO / "app.py"]):
        rel = path.relative_to(REPO).as_posix()
        for line in path.read_text(encoding="utf-8").splitlines():
            if RAW.search(line) and (rel, line.strip()) not in ALLOWED:
                found.append(f"{rel}: {line.strip()}")
    assert not found, "raw HTML in the UI:\n" + "\n".join(found)

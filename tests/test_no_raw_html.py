"""No page or widget hands text to the browser as raw HTML (issue 13: stored XSS).

Metadata is text: it is shown with Streamlit's own elements. The map's canvas (a component,
``ui/mapgl``) writes the collection's text with ``textContent`` only: checked below too.
"""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RAW = re.compile(r"unsafe_allow_html\s*=\s*True|\bst\.html\(|components\.html\(")
ALLOWED: set[tuple[str, str]] = set()


def test_pages_and_widgets_render_no_raw_html():
    found = []
    for path in sorted([*REPO.glob("pages/*.py"), *REPO.glob("ui/*.py"), REPO / "app.py"]):
        rel = path.relative_to(REPO).as_posix()
        for line in path.read_text(encoding="utf-8").splitlines():
            if RAW.search(line) and (rel, line.strip()) not in ALLOWED:
                found.append(f"{rel}: {line.strip()}")
    assert not found, "raw HTML in the UI:\n" + "\n".join(found)


def test_the_map_canvas_writes_text_never_as_html():
    source = (REPO / "ui" / "mapgl" / "frontend" / "src" / "main.js").read_text(encoding="utf-8")
    assert "textContent" in source
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write"):
        assert sink not in source, sink

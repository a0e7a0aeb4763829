"""Helpers shared by the benchmarks: data location, machine facts, the results document."""

from __future__ import annotations

import json
import os
import platform
import re
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DOC = REPO / "docs" / "BENCHMARKS.md"
RESULTS = REPO / "bench" / "results"
PEOPLEART = Path(os.environ.get("ARTEXPLORE_PEOPLEART",
                                REPO.parent / "shared" / "data" / "peopleart-pd"))


def machine() -> str:
    """One line describing where the figures were measured."""
    try:
        import torch
        torch_info = f"torch {torch.__version__}, {torch.get_num_threads()} threads"
    except ImportError:  # pragma: no cover
        torch_info = "no torch"
    return (f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}, {torch_info}, {time.strftime('%Y-%m-%d')}")


def peopleart_paths() -> list[Path]:
    """All image files of the peopleart-pd data set, sorted."""
    if not PEOPLEART.is_dir():
        raise SystemExit(f"data not found: {PEOPLEART} (set ARTEXPLORE_PEOPLEART)")
    return sorted(p for p in PEOPLEART.rglob("*.jpg"))


def update_section(name: str, markdown: str) -> None:
    """Replace (or add) the section ``name`` of docs/BENCHMARKS.md.

    A section is delimited by ``<!-- begin:name -->`` and ``<!-- end:name -->`` so each
    benchmark rewrites only its own figures.
    """
    DOC.parent.mkdir(parents=True, exist_ok=True)
    text = DOC.read_text() if DOC.exists() else "# Benchmarks\n\n"
    block = f"<!-- begin:{name} -->\n{markdown.strip()}\n<!-- end:{name} -->"
    pattern = re.compile(rf"<!-- begin:{re.escape(name)} -->.*?<!-- end:{re.escape(name)} -->",
                         re.S)
    text = pattern.sub(lambda _: block, text) if pattern.search(text) else \
        text.rstrip() + "\n\n" + block + "\n"
    DOC.write_text(text)


def save_json(name: str, data: dict[str, Any]) -> Path:
    """Keep the raw figures of a run under bench/results (not committed)."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"{name}.json"
    out.write_text(json.dumps(data, indent=2, default=str))
    return out

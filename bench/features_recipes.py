"""Candidate fused sets measured by ``bench.features_quality`` (JSON-like FusionSpec dicts).

Each reads one or two extractor passes; the parts are selected by glob patterns
on part names (``224/blocks.4/mean``). ``artexplore.features.recipes.DEFAULT_RECIPE``
is measured as well (as ``fused:default``).
"""

from __future__ import annotations

from typing import Any

# One pass of EfficientNet-Lite0 over the whole painting (shorter side 224 px):
# channel mean and std of every block and the pooled features.
LITE0_ALL: dict[str, Any] = {
    "layers": [f"blocks.{i}" for i in range(7)], "statistics": ["mean", "std"],
    "pooled": True, "resize": "full", "sizes": [224], "l2": False,
}
GRAM: dict[str, Any] = {}  # gram:effnet-lite0 with its defaults (blocks 1-3, ssqrt + L2)
POOLED: dict[str, Any] = {}  # effnet-lite0 with its defaults (the model's 224 crop)


def _comp(source: str, options: dict[str, Any], parts: list[str] | None = None, *,
          per_part: bool = False, steps: tuple[str, ...] = ("center", "l2"),
          weight: float = 1.0) -> dict[str, Any]:
    return {"source": source, "options": options, "parts": parts, "per_part": per_part,
            "steps": list(steps), "weight": weight}


def _layers(layers: list[int], stats: str = "mean") -> list[str]:
    return [f"*/blocks.{i}/{stats}" for i in layers]


PW = ("pca:256:0.1", "l2")  # partial whitening: rotate, divide by eigenvalue^0.1

CANDIDATES: list[dict[str, Any]] = [
    {"name": "gram+pooled", "blocks": [
        {"name": "global", "components": [_comp("effnet-lite0", POOLED)]},
        {"name": "gram", "components": [_comp("gram:effnet-lite0", GRAM)]},
    ]},
    {"name": "means-b3-b6-pw", "blocks": [
        {"name": "gram", "components": [
            _comp("stats:effnet-lite0", LITE0_ALL, _layers([3, 4, 5, 6]), per_part=True,
                  steps=PW)]},
    ]},
    {"name": "means-b3-b6-pw+dba", "post": ["dba:10:3"], "blocks": [
        {"name": "gram", "components": [
            _comp("stats:effnet-lite0", LITE0_ALL, _layers([3, 4, 5, 6]), per_part=True,
                  steps=PW)]},
    ]},
    {"name": "meanstd-b3-b6+pooled-pw", "blocks": [
        {"name": "global", "components": [
            _comp("stats:effnet-lite0", LITE0_ALL, ["*/pooled"], steps=PW)]},
        {"name": "gram", "components": [
            _comp("stats:effnet-lite0", LITE0_ALL,
                  _layers([3, 4, 5, 6]) + _layers([3, 4, 5, 6], "std"), per_part=True,
                  steps=PW)]},
    ]},
]

# EfficientNet-Lite2 at its own resolution (260 px), same statistics.
LITE2_ALL: dict[str, Any] = {**LITE0_ALL, "sizes": [260]}

CANDIDATES += [
    {"name": "lite2-means-b3-b6-pw", "blocks": [
        {"name": "gram", "components": [
            _comp("stats:effnet-lite2", LITE2_ALL, _layers([3, 4, 5, 6]), per_part=True,
                  steps=PW)]},
    ]},
    {"name": "lite0+lite2-means-b3-b6-pw", "blocks": [
        {"name": "gram", "components": [
            _comp("stats:effnet-lite0", LITE0_ALL, _layers([3, 4, 5, 6]), per_part=True,
                  steps=PW),
            _comp("stats:effnet-lite2", LITE2_ALL, _layers([3, 4, 5, 6]), per_part=True,
                  steps=PW)]},
    ]},
    {"name": "lite0+lite2-means-b3-b6-pw+dba5x2", "post": ["dba:5:3:2"], "blocks": [
        {"name": "gram", "components": [
            _comp("stats:effnet-lite0", LITE0_ALL, _layers([3, 4, 5, 6]), per_part=True,
                  steps=PW),
            _comp("stats:effnet-lite2", LITE2_ALL, _layers([3, 4, 5, 6]), per_part=True,
                  steps=PW)]},
    ]},
]

"""Recipes of fused feature sets, as JSON-like dicts (see :mod:`artexplore.features.fusion`).

``DEFAULT_RECIPE`` is the feature set named ``default``: the best combination
available offline on the style benchmark (``python -m bench.features_quality``,
figures in ``docs/BENCHMARKS.md``).
"""

from __future__ import annotations

from typing import Any

# One pass of EfficientNet-Lite0 over the whole painting (shorter side 224 px)
# collects the channel statistics of every stage and the pooled features.
LITE0_STATS = {
    "layers": [0, 1, 2, 3, 4], "statistics": ["mean", "std"], "pooled": True,
    "resize": "full", "sizes": [224], "l2": False,
}

DEFAULT_RECIPE: dict[str, Any] = {
    "name": "default",
    "description": "EfficientNet-Lite0 (offline): channel mean/std of the late stages and the "
                   "pooled features, each signed-square-rooted, centred and L2-normalised.",
    "blocks": [
        {"name": "global", "weight": 1.0, "components": [
            {"source": "stats:effnet-lite0", "options": LITE0_STATS,
             "parts": ["*/pooled"], "steps": ["power:0.5", "center", "l2"]},
        ]},
        {"name": "gram", "weight": 1.0, "components": [
            {"source": "stats:effnet-lite0", "options": LITE0_STATS,
             "parts": ["*/blocks.2/*", "*/blocks.4/*", "*/blocks.6/*"], "per_part": True,
             "steps": ["power:0.5", "center", "l2"]},
        ]},
    ],
}

"""Recipes of fused feature sets, as JSON-like dicts (see :mod:`artexplore.features.fusion`).

``DEFAULT_RECIPE`` is the feature set named ``default``: the best combination
available offline on the style benchmark (``python -m bench.features_quality``,
figures in ``docs/BENCHMARKS.md``). It ports the reference recipe of the style
research that preceded this library:

1. per painting: EfficientNet-Lite2 (ImageNet, offline) on the whole painting,
   shorter side 260 px (aspect kept, longer side at most 520 px, no crop), and
   the spatial mean of the outputs of blocks 3, 4, 5 and 6 (88 + 120 + 208 +
   352 channels): first-order style statistics of mid and late layers;
2. on the collection, per block: centre, rotate onto the principal axes (at
   most 256) and divide each by eigenvalue^0.1 ("10 % whitening"), L2; the four
   blocks concatenated (the global part);
3. the local part (issue 15): the same block means over the painting's 8
   highest-gradient 128-px windows, chosen as the patch method chooses them at
   its working resolution (``windows:effnet-lite2``), averaged per painting;
   on the collection centred, L2-normalised, 10 % whitened as one block, L2,
   and placed beside the global part at a fifth of the squared length
   (global part length 2, local 1);
4. diffusion on the collection's mutual k-nearest-neighbour graph (k =
   round(20·sqrt(n/1000)) within [10, 100] for n works: 20 for 1,000; weights
   cos³, alpha = 0.9) as a 100-dimensional spectral embedding, L2-normalised.

Figures: the research reported 0.473 P@10 / 0.513 NMI on the seed-0 draw for
steps 1, 2 and 4; this library reproduces 0.472 / 0.511. The local part raises
them on every protocol measured (seed-0 draw, the held-out draw, the whole
library), by about +0.01 P@10; see ``docs/BENCHMARKS.md``.
"""

from __future__ import annotations

from typing import Any

# One pass of EfficientNet-Lite2, stopped after block 6.
LITE2_MEANS: dict[str, Any] = {
    "layers": ["blocks.3", "blocks.4", "blocks.5", "blocks.6"], "statistics": ["mean"],
    "pooled": False, "resize": "full", "sizes": [260], "max_aspect": 2.0, "l2": False,
}

# The same statistics over the 8 highest-gradient 128-px windows of the patch method.
LITE2_WINDOWS: dict[str, Any] = {
    "layers": ["blocks.3", "blocks.4", "blocks.5", "blocks.6"], "statistics": ["mean"],
    "pooled": False, "resize": "windows", "windows": 8, "sizes": [128], "l2": False,
}

DEFAULT_RECIPE: dict[str, Any] = {
    "name": "default",
    "description": "Style statistics of EfficientNet-Lite2 (offline): mean activations of "
                   "blocks 3-6 over the whole painting (10 % PCA-whitened per block on the "
                   "collection) and over its 8 highest-gradient windows (the local part), "
                   "diffused along the collection's mutual-neighbour graph.",
    "blocks": [
        {"name": "style", "weight": 1.0,
         "steps": ["l2", "diffusion:auto:3:0.9:100", "l2"],
         "components": [
             {"source": "stats:effnet-lite2", "options": LITE2_MEANS, "per_part": True,
              "steps": ["pca:256:0.1", "l2"]},
             {"source": "windows:effnet-lite2", "options": LITE2_WINDOWS,
              "steps": ["center", "l2", "pca:256:0.1", "l2"]},
         ]},
    ],
}


# The default's style block with a colour block beside it: the same neighbours at this
# weight (see docs/BENCHMARKS.md), and a colour similarity that pages can show, or that
# a curator can weigh up.
STYLE_COLOR_RECIPE: dict[str, Any] = {
    "name": "style+color",
    "description": "The default style block and an HSV colour-histogram block (weight 0.35); "
                   "raise the colour weight to bring works of similar palettes together.",
    "blocks": [
        DEFAULT_RECIPE["blocks"][0],
        {"name": "color", "weight": 0.35, "components": [{"source": "color"}]},
    ],
}


# How a work is rendered rather than what it shows or which school it belongs to: the
# local windows of ``default`` alone, centred and L2-normalised, without the diffusion
# (which also links works that share a composition). It needs no extraction of its own:
# ``default`` computes its source. On the depiction protocol
# (``python -m bench.features_quality --depiction``) k-means finds the rendering with
# 0.950 accuracy per object and 0.964 across (``default``: 0.962 / 0.969); where every
# work is there in all 4 renderings (``--same-works``) it keeps 0.926 / 0.964, where
# ``default`` falls to 0.700 / 0.621. On the style protocol it is weaker (0.375 / 0.440
# against 0.481 / 0.521).
TECHNIQUE_RECIPE: dict[str, Any] = {
    "name": "technique",
    "description": "How a work is rendered (medium, handling, line), not its subject: "
                   "EfficientNet-Lite2 block means over its 8 highest-gradient windows, "
                   "centred on the collection; groups drawings, prints and paintings of the "
                   "same subjects apart.",
    "blocks": [
        {"name": "technique", "weight": 1.0, "steps": ["l2"],
         "components": [
             {"source": "windows:effnet-lite2", "options": LITE2_WINDOWS,
              "steps": ["center", "l2"]},
         ]},
    ],
}

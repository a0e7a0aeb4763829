"""Fused feature sets: blocks of stored features, normalised on the collection, weighted, joined.

A fused set is a :class:`FusionSpec`: a list of :class:`Block` (``global``,
``gram``, ``color``, ``local``…), each made of :class:`Component` s that select
stored features (an extractor with its options, optionally only some of its
parts) and pass them through :data:`steps <STEP_HELP>` fitted on the collection
(signed power, centring, L2, PCA with whitening). Each block is centred and
L2-normalised, then multiplied by its weight, and the blocks are concatenated::

    x = [w_global · b_global(x), w_gram · b_gram(x), …]

so the cosine similarity of two works is the weighted mean of their per-block
cosine similarities (``Σ w_b² cos_b / Σ w_b²``), which is what lets a page
re-weight blocks live and explain a similarity block by block.

Definitions are JSON, stored in the workspace (``feature_fusions`` table); the
set named ``default`` falls back to :data:`DEFAULT_FUSION`, the best offline
recipe measured in ``bench/features_quality.py``.
"""

from __future__ import annotations

from .definitions import (
    delete_fusion,
    fusion_names,
    get_fusion,
    save_fusion,
    set_block_weights,
    stored_fusions,
)
from .fit import (
    FittedFusion,
    fit_fusion,
    restore_fusion,
    select_columns,
    source_key,
    stored_block_slices,
)
from .spec import Block, Component, FusionSpec, builtin_fusions
from .steps import (
    DBA,
    POST_HELP,
    STEP_HELP,
    Diffusion,
    Step,
    knn_cosine,
    knn_graph,
    parse_post,
    parse_step,
)

__all__ = [
    "DBA",
    "POST_HELP",
    "STEP_HELP",
    "Block",
    "Component",
    "Diffusion",
    "FittedFusion",
    "FusionSpec",
    "Step",
    "builtin_fusions",
    "delete_fusion",
    "fit_fusion",
    "fusion_names",
    "get_fusion",
    "knn_cosine",
    "knn_graph",
    "parse_post",
    "parse_step",
    "restore_fusion",
    "save_fusion",
    "select_columns",
    "set_block_weights",
    "source_key",
    "stored_block_slices",
    "stored_fusions",
]

"""Global features: the extractor registry, stored feature sets, fusion.

Public entry points: :func:`create_extractor`, :func:`embed`,
:func:`load_features`, :func:`transform_images`; the catalogue of sets (names, the
choice policy, version tokens) is :mod:`artexplore.features.sets`;
and for fused sets :class:`FusionSpec`, :func:`save_fusion`, :func:`set_block_weights`.
"""

from __future__ import annotations

from ..nn.device import available_devices, describe_device, resolve_device
from . import sets
from .base import EXTRACTORS, Extractor, available_extractors, create_extractor, register_extractor
from .compute import FeatureMatrix, embed, fused_ready, load_features, save_features, transform_images
from .fusion import (
    Block,
    Component,
    FusionSpec,
    builtin_fusions,
    delete_fusion,
    fusion_names,
    get_fusion,
    save_fusion,
    set_block_weights,
    stored_fusions,
)
from .sets import DEFAULT, SetVersion
from .sets import names as feature_set_names
from .sets import stored_names as stored_set_names

__all__ = [
    "DEFAULT",
    "EXTRACTORS",
    "Block",
    "Component",
    "Extractor",
    "FeatureMatrix",
    "SetVersion",
    "FusionSpec",
    "available_devices",
    "available_extractors",
    "builtin_fusions",
    "create_extractor",
    "delete_fusion",
    "describe_device",
    "embed",
    "feature_set_names",
    "fused_ready",
    "fusion_names",
    "get_fusion",
    "load_features",
    "register_extractor",
    "resolve_device",
    "save_features",
    "save_fusion",
    "set_block_weights",
    "sets",
    "stored_fusions",
    "stored_set_names",
    "transform_images",
]

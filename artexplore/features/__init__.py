"""Global features: the extractor registry, stored feature sets, fusion.

Public entry points: :func:`create_extractor`, :func:`embed`,
:func:`load_features`, :func:`transform_images`, :func:`feature_set_names`.
"""

from __future__ import annotations

from .base import EXTRACTORS, Extractor, available_extractors, create_extractor, register_extractor
from .store import (
    FeatureMatrix,
    embed,
    feature_set_names,
    load_features,
    save_features,
    transform_images,
)

__all__ = [
    "EXTRACTORS",
    "Extractor",
    "FeatureMatrix",
    "available_extractors",
    "create_extractor",
    "embed",
    "feature_set_names",
    "load_features",
    "register_extractor",
    "save_features",
    "transform_images",
]

"""Imports every module that registers an extractor (add new extractor modules here)."""

from __future__ import annotations

from . import (
    color,  # noqa: F401
    csd,  # noqa: F401
    local_embedding,  # noqa: F401
    neural,  # noqa: F401
)

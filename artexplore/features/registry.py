"""Imports every module that registers an extractor (add new extractor modules here)."""

from __future__ import annotations

from . import color, infovae  # noqa: F401

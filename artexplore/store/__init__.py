"""The collection store: SQLite catalogue, per-work arrays, thumbnails."""

from __future__ import annotations

from .arrays import ArrayStore, StoredArrays
from .catalog import CANONICAL_FIELDS, Catalog, now, row_to_work
from .workspace import WorkQuery, Workspace

__all__ = [
    "CANONICAL_FIELDS",
    "ArrayStore",
    "Catalog",
    "StoredArrays",
    "WorkQuery",
    "Workspace",
    "now",
    "row_to_work",
]

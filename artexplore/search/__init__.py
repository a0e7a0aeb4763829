"""Finding works like a given one: FAISS indexes, neighbour queries, explanations.

- :mod:`.index` — the neighbour index of a feature set: index types (exact, IVF, HNSW)
  as classes in a registry, built, updated and tuned to a recall target.
- :mod:`.neighbours` — "works like this one" for a work or an outside image.
- :mod:`.aspects` — why two works are close, in words (style, colour, local detail).
"""

from __future__ import annotations

from .index import INDEX_TYPES, IndexConfig, IndexType, build_index, index_type, open_index
from .neighbours import Neighbour, Searcher, explain, neighbours, searcher

__all__ = ["INDEX_TYPES", "IndexConfig", "IndexType", "Neighbour", "Searcher", "build_index",
           "explain", "index_type", "neighbours", "open_index", "searcher"]

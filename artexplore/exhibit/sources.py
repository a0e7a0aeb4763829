"""Where the works of an exhibition come from: a cluster, a selection, paths, neighbours.

"More like these" grows an exhibition by the nearest neighbours of the works
already in it (by default each candidate is ranked by its best similarity to any
of them; ``centroid`` ranks by similarity to their mean instead).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import ArtExploreError
from ..store.workspace import Workspace
from .model import Exhibition

GROW_METHODS = ("nearest", "centroid")


def works_of_cluster(ws: Workspace, run: str, cluster: int) -> list[str]:
    """Work ids of one cluster of a stored run, most confident first."""
    from ..cluster import members

    return members(ws, run, int(cluster))


def works_of_selection(ws: Workspace, name: str) -> list[str]:
    """Work ids of a saved selection, in its order (works no longer there are dropped)."""
    from ..store.selections import load_selection

    ids = load_selection(ws, name)
    known = {w["id"] for w in ws.works(status=None, ids=ids)}
    return [w for w in ids if w in known]


def works_of_paths(ws: Workspace, work_paths: Sequence[str]) -> list[str]:
    """Work ids of paths relative to the collection folder (unknown paths are an error)."""
    return ws.ids_of(work_paths)


@dataclass(frozen=True)
class Candidate:
    """A work proposed to grow an exhibition.

    Attributes
    ----------
    work_id, work_path : str
    similarity : float
        Its best similarity to a work of the exhibition (``nearest``) or its
        similarity to their mean (``centroid``).
    near : str or None
        For ``nearest``: the work of the exhibition it is closest to.
    """

    work_id: str
    work_path: str
    similarity: float
    near: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable record."""
        return {"work_id": self.work_id, "work_path": self.work_path,
                "similarity": round(self.similarity, 6), "near": self.near}


def more_like(ws: Workspace, work_ids: Sequence[str], features: Any, n: int, *,
              method: str = "nearest", exclude: Sequence[str] = ()) -> list[Candidate]:
    """The ``n`` works most like a group of works, best first, none of the group.

    Parameters
    ----------
    ws : Workspace
    work_ids : sequence of str
        The group (works without features in the set are ignored).
    features : str or Searcher
        A feature set name, or a :class:`~artexplore.search.neighbours.Searcher` (the app's
        cached one).
    n : int
        At least 1.
    method : {"nearest", "centroid"}
    exclude : sequence of str
        Further works never proposed.

    Returns
    -------
    list of Candidate

    Raises
    ------
    ArtExploreError
        ``n`` below 1, an unknown method, or no work of the group has features.
    """
    from ..search.neighbours import Searcher, searcher

    if n < 1:
        raise ArtExploreError(f"Expected n >= 1, got {n}")
    if method not in GROW_METHODS:
        raise ArtExploreError(f"Unknown method {method!r}; choose one of "
                              f"{', '.join(GROW_METHODS)}")
    s = features if isinstance(features, Searcher) else searcher(ws, features)
    group = [w for w in dict.fromkeys(work_ids)]
    vectors = {}
    for w in group:
        try:
            vectors[w] = s.vector(w)
        except ArtExploreError:
            continue
    if not vectors:
        raise ArtExploreError(f"None of the {len(group)} work(s) has features in "
                              f"{s.features.name!r}; compute them first")
    skip = [*group, *exclude]
    if method == "centroid":
        found = s.search(s.to_space(np.stack(list(vectors.values()))).mean(axis=0), n,
                         exclude=skip, in_space=True)
        return [Candidate(f.work_id, f.work_path, f.similarity) for f in found]
    best: dict[str, Candidate] = {}
    for w, vector in vectors.items():
        for f in s.search(vector, n, exclude=skip):
            if f.work_id not in best or f.similarity > best[f.work_id].similarity:
                best[f.work_id] = Candidate(f.work_id, f.work_path, f.similarity, near=w)
    ranked = sorted(best.values(), key=lambda c: (-c.similarity, c.work_path))
    return ranked[:n]


def grow(ws: Workspace, ex: Exhibition, features: Any, n: int, *, method: str = "nearest",
         section: int | None = None) -> list[Candidate]:
    """Add to an exhibition the ``n`` works most like those already in it.

    Works already in are never proposed. The exhibition is changed in place
    (save it with :func:`save_exhibition`).

    Returns
    -------
    list of Candidate
        The works added, best first.

    Raises
    ------
    ArtExploreError
        An empty exhibition, or see :func:`more_like`.
    """
    if not len(ex):
        raise ArtExploreError(f"Exhibition {ex.id!r} is empty: add a work first, then grow it")
    found = more_like(ws, ex.work_ids, features, n, method=method)
    ex.add([c.work_id for c in found], section=section)
    return found

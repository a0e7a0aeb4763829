"""Ordering an exhibition and proposing its sections, from a feature set of the workspace.

Distances are cosine distances of the works' features, so "a short path" means
that works hung side by side look alike in that feature set. Works without
features in the set keep their place at the end of their section, and the
report says how many there were.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..errors import ArtExploreError
from ..linalg import normalise
from ..store.workspace import Workspace
from .model import Exhibition
from .paths import cosine_distances, gradient_path, path_length, shortest_path

log = logging.getLogger(__name__)

ORDER_METHODS = ("path", "gradient")


@dataclass
class OrderReport:
    """What an ordering did.

    Attributes
    ----------
    method : str
        ``path`` or ``gradient``.
    features : str
        The feature set whose distances were used.
    length_before, length_after : float
        Walk length (sum of the cosine distances of consecutive works with features).
    n_ordered : int
        Works that had features and were placed.
    without_features : list of str
        Work ids left where they were, at the end of their section.
    notes : list of str
    """

    method: str
    features: str
    length_before: float
    length_after: float
    n_ordered: int
    without_features: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable record."""
        return {"method": self.method, "features": self.features,
                "length_before": round(self.length_before, 6),
                "length_after": round(self.length_after, 6), "n_ordered": self.n_ordered,
                "n_without_features": len(self.without_features), "notes": self.notes}


def _vectors(ws: Workspace, features: str, work_ids: Sequence[str]
             ) -> tuple[str, dict[str, np.ndarray], list[str]]:
    from ..features import load_features
    from ..features.sets import choose

    name, note = choose(ws, features, fallback=True)
    fm = load_features(ws, name)
    rows = {str(w): i for i, w in enumerate(np.asarray(fm.ids).astype(str).tolist())}
    vectors = {w: fm.X[rows[w]] for w in work_ids if w in rows}
    return name, vectors, [note] if note else []


def walk_length(ws: Workspace, ex: Exhibition, *, features: str = "default") -> float:
    """Sum of the cosine distances between consecutive works of the walk (with features)."""
    _, vectors, _ = _vectors(ws, features, ex.work_ids)
    return _walk_length([w for w in ex.work_ids if w in vectors], vectors)


def _walk_length(ids: Sequence[str], vectors: dict[str, np.ndarray]) -> float:
    if len(ids) < 2:
        return 0.0
    D = cosine_distances(np.stack([vectors[w] for w in ids]))
    return path_length(D, np.arange(len(ids)))


def order_exhibition(ws: Workspace, ex: Exhibition, *, method: str = "path",
                     features: str = "default", start: str | None = None,
                     end: str | None = None, random_state: int = 0) -> OrderReport:
    """Reorder an exhibition's works in place.

    ``path``: within each section, the shortest walk through its works (exact
    for up to 12 works, 2-opt + Or-opt beyond); each section after the first is
    walked in the direction that starts nearest to where the previous one ended.
    The sections keep their order. ``start`` (``end``) fixes the first (last) work
    of its section.

    ``gradient``: from ``start`` to ``end``, every work is placed by its relative
    position between the two (see :func:`~artexplore.exhibit.paths.gradient_path`);
    with several sections, each section is sorted that way and the sections are
    ordered by their mean position.

    Parameters
    ----------
    ws : Workspace
    ex : Exhibition
        Changed in place; save it with :func:`save_exhibition`.
    method : {"path", "gradient"}
    features : str
        The feature set (the best stored one stands in when it is missing, with a note).
    start, end : str, optional
        Work ids; both required for ``gradient``.
    random_state : int

    Returns
    -------
    OrderReport

    Raises
    ------
    ArtExploreError
        Unknown method, a gradient without two distinct ends, an end that is
        not in the exhibition or has no features.
    """
    if method not in ORDER_METHODS:
        raise ArtExploreError(f"Unknown ordering method {method!r}; choose one of "
                              f"{', '.join(ORDER_METHODS)}")
    name, vectors, notes = _vectors(ws, features, ex.work_ids)
    for label, wid in (("start", start), ("end", end)):
        if wid is None:
            continue
        if wid not in ex:
            raise ArtExploreError(f"The {label} work {wid} is not in exhibition {ex.id!r}")
        if wid not in vectors:
            raise ArtExploreError(f"The {label} work {wid} has no features in {name!r}")
    before = _walk_length([w for w in ex.work_ids if w in vectors], vectors)
    without = [w for w in ex.work_ids if w not in vectors]
    if method == "gradient":
        if start is None or end is None or start == end:
            raise ArtExploreError("A gradient needs two different works: --from and --to")
        _order_gradient(ex, vectors, start, end)
    else:
        _order_path(ex, vectors, start, end, random_state)
    after = _walk_length([w for w in ex.work_ids if w in vectors], vectors)
    if without:
        notes.append(f"{len(without)} work(s) without features in {name!r} were left at the "
                     "end of their section")
    report = OrderReport(method=method, features=name, length_before=before,
                         length_after=after, n_ordered=len(ex) - len(without),
                         without_features=without, notes=notes)
    log.info("exhibition %s: %s order, walk %.3f -> %.3f", ex.id, method, before, after)
    return report


def _order_path(ex: Exhibition, vectors: dict[str, np.ndarray], start: str | None,
                end: str | None, random_state: int) -> None:
    previous_end: np.ndarray | None = None
    order: list[str] = []
    for section in ex.sections:
        ids = [i.work_id for i in section.items if i.work_id in vectors]
        rest = [i.work_id for i in section.items if i.work_id not in vectors]
        if len(ids) >= 2:
            X = np.stack([vectors[w] for w in ids])
            D = cosine_distances(X)
            s = ids.index(start) if start in ids else None
            e = ids.index(end) if end in ids else None
            path = shortest_path(D, start=s, end=e, random_state=random_state)
            if previous_end is not None and s is None and e is None:
                gap = cosine_distances(np.stack([previous_end, X[path[0]], X[path[-1]]]))[0]
                if gap[2] < gap[1]:
                    path = path[::-1]
            ids = [ids[k] for k in path]
        if ids:
            previous_end = vectors[ids[-1]]
        order += ids + rest
    ex.set_order(order)


def _order_gradient(ex: Exhibition, vectors: dict[str, np.ndarray], start: str,
                    end: str) -> None:
    ids = [w for w in ex.work_ids if w in vectors]
    D = cosine_distances(np.stack([vectors[w] for w in ids]))
    path = gradient_path(D, ids.index(start), ids.index(end))
    position = {ids[k]: rank for rank, k in enumerate(path)}
    for section in ex.sections:
        with_pos = [i for i in section.items if i.work_id in position]
        rest = [i for i in section.items if i.work_id not in position]
        section.items = sorted(with_pos, key=lambda i: position[i.work_id]) + rest
    if len(ex.sections) > 1:
        def mean_position(section) -> float:
            ranks = [position[i.work_id] for i in section.items if i.work_id in position]
            return float(np.mean(ranks)) if ranks else np.inf
        ex.sections.sort(key=mean_position)


# -- sections ---------------------------------------------------------------------------------
_TITLE_FIELDS = ("style", "artist", "technique", "decade")


def _field(work: dict[str, Any], name: str) -> str | None:
    if name == "decade":
        year = work.get("year")
        return f"{int(year) // 10 * 10}s" if year is not None else None
    value = work.get(name) or work.get("metadata", {}).get(name)
    if value is None:
        return None
    return str(value).strip() or None


def section_title(works: Sequence[dict[str, Any]], *, context: Sequence[dict[str, Any]] = (),
                  fallback: str = "") -> str:
    """A title for a group of works from what most of them share.

    The field (style, artist, technique, decade) whose most common value covers
    the largest share of the group, preferring values more common in the group
    than in ``context`` (the whole exhibition). At least half must share it.

    Returns
    -------
    str
        E.g. ``"Impressionism"``, ``"Mostly Claude Monet"`` or ``fallback``.
    """
    best: tuple[float, str] | None = None
    n = len(works)
    for name in _TITLE_FIELDS:
        values = Counter(v for v in (_field(w, name) for w in works) if v)
        if not values:
            continue
        value, count = values.most_common(1)[0]
        share = count / n
        base = (sum(1 for w in context if _field(w, name) == value) / len(context)
                if context else 0.0)
        score = share + 0.5 * max(0.0, share - base)
        if share >= 0.5 and (best is None or score > best[0]):
            best = (score, value if share >= 0.8 else f"Mostly {value}")
    return best[1] if best else fallback


def propose_sections(ws: Workspace, ex: Exhibition, *, n_sections: int | None = None,
                     features: str = "default", max_sections: int = 8,
                     random_state: int = 0) -> list[tuple[str, list[str]]]:
    """Sections for an exhibition by sub-clustering its works (nothing is changed).

    k-means on the L2-normalised features of the exhibition's works; without
    ``n_sections``, K from 2 to ``max_sections`` (at most a third of the works)
    with the best silhouette among those whose sections all hold two works or
    more. Sections follow a short path through their centroids, and each is
    titled by :func:`section_title`. Works without features form a last section, "Other works".

    Parameters
    ----------
    ws : Workspace
    ex : Exhibition
    n_sections : int, optional
    features : str
    max_sections : int, default=8
    random_state : int

    Returns
    -------
    list of (str, list of str)
        ``(title, work ids)`` per section, ready for :meth:`Exhibition.set_sections`.

    Raises
    ------
    ArtExploreError
        If ``n_sections`` is below 1 or above the number of works with features.
    """
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score

    name, vectors, _ = _vectors(ws, features, ex.work_ids)
    ids = [w for w in ex.work_ids if w in vectors]
    if n_sections is not None and not 1 <= int(n_sections) <= max(1, len(ids)):
        raise ArtExploreError(f"Expected 1 <= n_sections <= {len(ids)} (works with features "
                              f"in {name!r}), got {n_sections}")
    X = np.stack([vectors[w] for w in ids]) if ids else np.zeros((0, 1))
    X = normalise(X)
    if n_sections is None:
        k_max = min(max_sections, len(ids) // 3)
        best_k, best_score = 1, -np.inf
        for k in range(2, k_max + 1):
            labels = KMeans(k, n_init=10, random_state=random_state).fit_predict(X)
            # A room of one work is no section: skip K that leave one alone.
            if len(set(labels)) < 2 or np.bincount(labels).min() < 2:
                continue
            score = silhouette_score(X, labels, metric="cosine")
            if score > best_score:
                best_k, best_score = k, score
        n_sections = best_k
    labels = (KMeans(int(n_sections), n_init=10, random_state=random_state).fit_predict(X)
              if int(n_sections) > 1 else np.zeros(len(ids), dtype=int))
    groups = [[w for w, lab in zip(ids, labels, strict=True) if lab == c]
              for c in sorted(set(labels.tolist()))]
    if len(groups) > 1:
        centroids = np.stack([X[labels == c].mean(axis=0) for c in sorted(set(labels.tolist()))])
        groups = [groups[k] for k in shortest_path(cosine_distances(centroids))]
    works = {w["id"]: w for w in ws.works(status=None, ids=ex.work_ids)}
    context = list(works.values())
    out, used = [], Counter()
    for k, group in enumerate(groups, start=1):
        title = section_title([works[w] for w in group], context=context,
                              fallback=f"Section {k}")
        used[title] += 1
        if used[title] > 1:
            title = f"{title} ({used[title]})"
        out.append((title, group))
    rest = [w for w in ex.work_ids if w not in vectors]
    if rest:
        out.append(("Other works", rest))
    return out

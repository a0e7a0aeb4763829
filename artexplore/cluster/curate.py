"""Curated clusterings: the curator merges, splits and renames clusters, and marks works.

A :class:`Curation` starts from any stored cluster run (:func:`start`); the
actions — :func:`merge`, :func:`split` (k-means on the features of one
cluster), :func:`rename`, :func:`together`, :func:`apart` — return a new
curation and leave the old one as it was (an undo is keeping the previous one).
:func:`save` stores it as a cluster run of method ``curated`` in the run store
(:mod:`artexplore.cluster.clusterings`): the clusters as the run's arrays, the names,
the marks and the edits in words in its params. It loads, lists, evaluates and
exports (:func:`~artexplore.cluster.clusterings.export_run_csv`) like any other run, and
feeds :func:`~artexplore.features.learn.learn_features` (``--from-run``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import numpy as np

from .. import runs as run_store
from ..config import fingerprint
from ..errors import ArtExploreError
from ..store.workspace import Workspace

METHOD = "curated"


@dataclass(frozen=True)
class Curation:
    """A clustering being curated (not stored until :func:`save`).

    Attributes
    ----------
    source : str
        The run it started from.
    features : str
        The feature set of that run.
    ids : tuple of str
        Work ids.
    labels : tuple of int
        Cluster of each work (``-1``: noise), aligned with ``ids``.
    names : dict of int to str
        Names the curator gave to clusters.
    together, apart : tuple of (str, str)
        Work pairs marked as belonging together / apart.
    edits : tuple of str
        What was done, in words, oldest first.
    """

    source: str
    features: str
    ids: tuple[str, ...]
    labels: tuple[int, ...]
    names: dict[int, str] = field(default_factory=dict)
    together: tuple[tuple[str, str], ...] = ()
    apart: tuple[tuple[str, str], ...] = ()
    edits: tuple[str, ...] = ()

    def clusters(self) -> list[int]:
        """Clusters in use, sorted (``-1`` first when there is noise)."""
        return sorted(set(self.labels))

    def sizes(self) -> dict[int, int]:
        """Works per cluster."""
        values, counts = np.unique(np.asarray(self.labels), return_counts=True)
        return {int(v): int(c) for v, c in zip(values, counts, strict=True)}

    def name(self, cluster: int) -> str:
        """The cluster's name, or ``cluster N``."""
        return self.names.get(int(cluster), f"cluster {int(cluster)}")

    def _check(self, cluster: int) -> int:
        if int(cluster) not in set(self.labels) or int(cluster) < 0:
            shown = ", ".join(str(c) for c in self.clusters() if c >= 0)
            raise ArtExploreError(f"No cluster {cluster}; the clusters are {shown}")
        return int(cluster)

    def _with(self, edit: str, **changes: Any) -> Curation:
        return dataclasses.replace(self, edits=(*self.edits, edit), **changes)


def start(ws: Workspace, run_id: str, run: Any = None) -> Curation:
    """A curation of a stored cluster run (a curated run carries on with its names and marks).

    ``run`` is the run already loaded, if the caller has it (loading one of a million
    works reads the catalogue's ids).

    Raises
    ------
    ArtExploreError
        If there is no such run.
    """
    from .clusterings import load_run

    if run is None or run.id != run_id:
        run = load_run(ws, run_id)
    names, marks, edits = {}, {}, ()
    if run.method == METHOD:
        names = {int(k): str(v) for k, v in (run.params.get("names") or {}).items()}
        marks = run.params.get("marks") or {}
        edits = tuple(run.params.get("edits") or ())
    return Curation(source=run_id, features=run.features,
                    ids=tuple(str(i) for i in run.ids.tolist()),
                    labels=tuple(int(v) for v in run.labels.tolist()), names=names,
                    together=tuple(tuple(p) for p in marks.get("together", [])),
                    apart=tuple(tuple(p) for p in marks.get("apart", [])), edits=edits)


def merge(cur: Curation, a: int, b: int) -> Curation:
    """Put the works of cluster ``b`` into cluster ``a`` (``a`` keeps its name).

    Raises
    ------
    ArtExploreError
        If either cluster does not exist, or they are the same.
    """
    a, b = cur._check(a), cur._check(b)
    if a == b:
        raise ArtExploreError(f"Cannot merge cluster {a} with itself")
    labels = tuple(a if v == b else v for v in cur.labels)
    names = {k: v for k, v in cur.names.items() if k != b}
    return cur._with(f"merged {cur.name(b)} into {cur.name(a)}", labels=labels, names=names)


def split(cur: Curation, cluster: int, X: np.ndarray, *, n_parts: int = 2,
          random_state: int = 0) -> Curation:
    """Split a cluster in ``n_parts`` by k-means on its works' features.

    The first part keeps the cluster's number and name; the others get new numbers.

    Parameters
    ----------
    cur : Curation
    cluster : int
    X : ndarray of shape (n_works, n_features)
        The features of the curation's works, rows aligned with ``cur.ids``
        (see :func:`features_of`).
    n_parts : int, default=2
    random_state : int, default=0

    Raises
    ------
    ArtExploreError
        If the cluster does not exist or has fewer works than parts.
    """
    from sklearn.cluster import KMeans

    from ..linalg import normalise

    cluster = cur._check(cluster)
    X = np.asarray(X)
    if len(X) != len(cur.ids):
        raise ArtExploreError(f"Expected features for the {len(cur.ids)} works of the "
                              f"curation, got {len(X)} rows")
    rows = np.flatnonzero(np.asarray(cur.labels) == cluster)
    if n_parts < 2 or len(rows) < n_parts:
        raise ArtExploreError(f"Cannot split cluster {cluster} of {len(rows)} works into "
                              f"{n_parts} parts")
    parts = KMeans(n_parts, n_init=10, random_state=random_state).fit_predict(
        normalise(X[rows].astype(np.float64)))
    # The largest part keeps the number, so that the name stays with most of the works.
    order = np.argsort(-np.bincount(parts, minlength=n_parts), kind="stable")
    nxt = max(cur.labels) + 1
    new_of = {int(order[0]): cluster} | {int(p): nxt + i for i, p in enumerate(order[1:])}
    labels = np.asarray(cur.labels).copy()
    labels[rows] = [new_of[int(p)] for p in parts]
    made = ", ".join(str(new_of[int(p)]) for p in order[1:])
    return cur._with(f"split {cur.name(cluster)} in {n_parts} (new: {made})",
                     labels=tuple(int(v) for v in labels))


def rename(cur: Curation, cluster: int, name: str) -> Curation:
    """Name a cluster (an empty name removes the name)."""
    cluster = cur._check(cluster)
    clean = " ".join(str(name).split())[:80]
    names = dict(cur.names)
    if clean:
        names[cluster] = clean
    else:
        names.pop(cluster, None)
    return cur._with(f"renamed {cur.name(cluster)} to {clean or 'no name'}", names=names)


def together(cur: Curation, ids: Sequence[str]) -> Curation:
    """Mark works as belonging together (a chain of pairs links them all)."""
    ids = _known(cur, ids)
    pairs = tuple(zip(ids[:-1], ids[1:], strict=True))
    return cur._with(f"marked {len(ids)} works as together",
                     together=_union(cur.together, pairs))


def apart(cur: Curation, ids: Sequence[str]) -> Curation:
    """Mark works as belonging apart (every pair of them)."""
    ids = _known(cur, ids)
    pairs = tuple(combinations(ids, 2))
    return cur._with(f"marked {len(ids)} works as apart", apart=_union(cur.apart, pairs))


def _known(cur: Curation, ids: Sequence[str]) -> list[str]:
    known = set(cur.ids)
    out = list(dict.fromkeys(str(i) for i in ids))
    unknown = [i for i in out if i not in known]
    if unknown:
        raise ArtExploreError(f"{len(unknown)} works are not in the clustering (e.g. "
                              f"{unknown[0]!r})")
    if len(out) < 2:
        raise ArtExploreError("Mark at least two works")
    return out


def _union(old: tuple[tuple[str, str], ...], new: tuple[tuple[str, str], ...]
           ) -> tuple[tuple[str, str], ...]:
    seen = {tuple(sorted(p)) for p in old}
    out = list(old)
    for p in new:
        if tuple(sorted(p)) not in seen:
            seen.add(tuple(sorted(p)))
            out.append(tuple(p))
    return tuple(out)


def features_of(ws: Workspace, cur: Curation) -> np.ndarray:
    """The features of the curation's works (its run's feature set), rows aligned with ``ids``.

    Raises
    ------
    ArtExploreError
        If some work has no features any more.
    """
    from ..features import load_features

    fm = load_features(ws, cur.features)
    row = {str(w): i for i, w in enumerate(fm.ids.tolist())}
    missing = [w for w in cur.ids if w not in row]
    if missing:
        raise ArtExploreError(f"{len(missing)} works of the clustering have no "
                              f"{cur.features!r} features")
    return np.asarray(fm.X)[[row[w] for w in cur.ids]]


def save(ws: Workspace, cur: Curation) -> str:
    """Store the curation as a cluster run of method ``curated``; returns its id.

    Clusters are renumbered 0..K-1 in order (noise stays ``-1``), names follow.
    """
    from ..features.sets import version
    from .clusterings import KIND, RUN_KIND

    labels = np.asarray(cur.labels, dtype=np.int64)
    used = [c for c in sorted(set(labels.tolist())) if c >= 0]
    new = {c: i for i, c in enumerate(used)}
    labels = np.asarray([new.get(int(v), -1) for v in labels], dtype=np.int64)
    names = {str(new[c]): n for c, n in cur.names.items() if c in new}
    k = len(used)
    proba = np.zeros((len(labels), k), dtype=np.float32)
    ok = np.flatnonzero(labels >= 0)
    proba[ok, labels[ok]] = 1.0
    confidence = (labels >= 0).astype(np.float32)
    marks = {"together": [list(p) for p in cur.together], "apart": [list(p) for p in cur.apart]}
    params = {"method": METHOD, "source": cur.source, "names": names, "marks": marks,
              "edits": list(cur.edits)}
    inputs = {f"features:{cur.features}": version(ws, cur.features).fingerprint}
    source = run_store.load(ws, cur.source)
    inputs[f"run:{cur.source}"] = source.key
    key = fingerprint({"params": params, "inputs": inputs, "ids": list(cur.ids),
                       "labels": labels.tolist()})
    run_id = run_store.new_id(METHOD)
    description = (f"K={k} set by the curator from run {cur.source}"
                   + (f" ({'; '.join(cur.edits[-5:])})" if cur.edits else ""))
    ws.arrays.register(KIND, run_id, key, {"run": run_id, "features": cur.features,
                                           "method": METHOD})
    ws.arrays.append(KIND, run_id, key, np.asarray(cur.ids, dtype=str), labels=labels,
                     confidence=confidence, proba=proba)
    run_store.register(
        ws, RUN_KIND, cur.features, params=params, inputs=inputs, key=key, run_id=run_id,
        result={"n_clusters": k, "n_works": len(labels), "n_noise": int((labels < 0).sum()),
                "space": source.result.get("space", "features"), "metrics": {},
                "k_selection": {"k": k, "criterion": "curator", "scores": {},
                                "description": description},
                "notes": [f"curated from {cur.source}"]})
    return run_id

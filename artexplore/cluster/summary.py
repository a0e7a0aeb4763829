"""Why this cluster: sizes, top metadata values, representative and ambiguous works, patches.

For each cluster of a run:

- its size and share of the collection, and the mean confidence of its works;
- the most frequent values of metadata fields (artists, styles…) with their
  *lift* (share in the cluster ÷ share in the collection: 3.0 means three times
  as common here as overall), and the dates (range, median, decades);
- the most representative works: closest (cosine) to the cluster's mean feature
  vector;
- the most ambiguous works: lowest membership of their own cluster, with the
  cluster they nearly joined;
- the most representative DoG patches, when the local-patch stage stored them
  (array kind ``patches``, name ``default``: ``dog`` (n, 5, 64, 64) uint8,
  ``coords`` (n, 5, 2), ``scores`` (n, 5)). A patch is representative when its
  nearest patches in the whole collection come mostly from the same cluster
  (discriminative, in the spirit of Doersch et al.'s "what makes Paris look like
  Paris"), ties broken by the patch's DoG score.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..errors import ArtExploreError
from ..features import load_features
from ..linalg import normalise
from ..local.stage import has_patches, load_patches
from ..store.workspace import Workspace
from .clusterings import ClusterRun

log = logging.getLogger(__name__)

DEFAULT_FIELDS = ("artist", "style", "technique")


@dataclass
class ValueCount:
    """A metadata value in a cluster.

    Attributes
    ----------
    value : str
    count : int
        Works of the cluster with this value.
    share : float
        ``count`` ÷ works of the cluster with a value for the field.
    lift : float
        ``share`` ÷ the value's share in the whole run.
    """

    value: str
    count: int
    share: float
    lift: float


@dataclass
class ClusterSummary:
    """What characterises one cluster (see the module docstring).

    Attributes
    ----------
    cluster : int
        The label (``-1``: noise).
    size : int
    share : float
        Of the works of the run.
    mean_confidence : float
    top : dict of str to list of ValueCount
        Most frequent values per metadata field.
    years : dict or None
        ``min``, ``median``, ``max``, ``n`` (works with a year), ``decades``
        (list of (decade, count), most frequent first).
    representative : list of str
        Work ids closest to the cluster's mean feature vector, closest first.
    ambiguous : list of tuple (str, float, int)
        (work id, confidence, second-choice cluster), least confident first.
    """

    cluster: int
    size: int
    share: float
    mean_confidence: float
    top: dict[str, list[ValueCount]] = field(default_factory=dict)
    years: dict[str, Any] | None = None
    representative: list[str] = field(default_factory=list)
    ambiguous: list[tuple[str, float, int]] = field(default_factory=list)

    @property
    def name(self) -> str:
        """``Cluster 3`` or ``Noise``."""
        return "Noise" if self.cluster < 0 else f"Cluster {self.cluster}"

    def headline(self) -> str:
        """One line: size and the most characteristic values, e.g. for a legend."""
        bits = []
        for values in self.top.values():
            if values and values[0].share >= 0.25:
                bits.append(f"{values[0].value} {values[0].share:.0%}")
        if self.years and self.years.get("median") is not None:
            bits.append(f"c. {int(self.years['median'])}")
        return f"{self.size} works" + (" · " + " · ".join(bits[:3]) if bits else "")


def _feature_rows(ws: Workspace, run: ClusterRun) -> np.ndarray | None:
    """L2-normalised feature vectors aligned with the run, or None if unavailable."""
    try:
        fm = load_features(ws, run.features)
    except ArtExploreError:
        return None
    row = {w: i for i, w in enumerate(fm.ids.tolist())}
    if any(w not in row for w in run.ids.tolist()):
        return None
    X = fm.X[[row[w] for w in run.ids.tolist()]].astype(np.float32)
    return normalise(X)


def _years(values: list[Any]) -> dict[str, Any] | None:
    years = [int(v) for v in values if isinstance(v, int | float) and not np.isnan(v)]
    if not years:
        return None
    decades = Counter(y // 10 * 10 for y in years).most_common()
    return {"min": min(years), "median": float(np.median(years)), "max": max(years),
            "n": len(years), "decades": [(f"{d}s", c) for d, c in decades]}


def summarize_run(ws: Workspace, run: ClusterRun, *, fields: tuple[str, ...] | None = None,
                  n_top: int = 5, n_examples: int = 8,
                  X: np.ndarray | None = None) -> list[ClusterSummary]:
    """Summaries of every cluster of a run, largest first (noise last).

    Parameters
    ----------
    ws : Workspace
    run : ClusterRun
    fields : tuple of str, optional
        Metadata fields to count (by default artist, style and technique, where
        the collection has them).
    n_top : int, default=5
        Values listed per field.
    n_examples : int, default=8
        Representative and ambiguous works listed per cluster.
    X : ndarray of shape (n_works, n_features), optional
        Vectors aligned with the run for the centroids; by default the run's
        feature set, L2-normalised. Without them, the most confident works stand
        in for the representative ones.

    Returns
    -------
    list of ClusterSummary
    """
    available = set(ws.metadata_fields())
    fields = tuple(f for f in (fields or DEFAULT_FIELDS) if f in available)
    ids = [str(i) for i in run.ids.tolist()]
    # One column at a time (no record decoding): a million works stay affordable.
    values = {f: pd.Series(ws.field_column(f, ids), dtype=object).map(
        lambda v: None if v is None or v == "" else str(v)) for f in fields}
    year_values = ws.field_column("year", ids) if "year" in available else [None] * len(ids)
    overall = {f: vals.value_counts() for f, vals in values.items()}
    totals = {f: int(c.sum()) for f, c in overall.items()}
    if X is None:
        X = _feature_rows(ws, run)
    second = run.second_choice()
    n = max(len(run), 1)
    out = []
    for cluster, size in run.sizes().items():
        rows = np.flatnonzero(run.labels == cluster)
        summary = ClusterSummary(cluster=cluster, size=size, share=size / n,
                                 mean_confidence=float(run.confidence[rows].mean()))
        for f in fields:
            counts = values[f].iloc[rows].value_counts()
            known = int(counts.sum())
            summary.top[f] = [
                ValueCount(v, int(c), c / known, (c / known) / (overall[f][v] / totals[f]))
                for v, c in counts.head(n_top).items()] if known else []
        summary.years = _years([year_values[i] for i in rows])
        if X is not None:
            centre = normalise(X[rows].mean(axis=0))[0]
            order = rows[np.argsort(-(X[rows] @ centre), kind="stable")]
        else:
            order = rows[np.argsort(-run.confidence[rows], kind="stable")]
        summary.representative = [str(ids[i]) for i in order[:n_examples]]
        if cluster >= 0:
            amb = rows[np.argsort(run.confidence[rows], kind="stable")][:n_examples]
            summary.ambiguous = [(str(ids[i]), float(run.confidence[i]), int(second[i]))
                                 for i in amb]
        out.append(summary)
    out.sort(key=lambda s: (s.cluster < 0, -s.size, s.cluster))
    return out


# -- patches ------------------------------------------------------------------------------------
@dataclass
class PatchExample:
    """A DoG patch chosen to show what a cluster looks like up close.

    Attributes
    ----------
    work_id : str
    index : int
        Which of the work's patches.
    image : ndarray of shape (64, 64), uint8
        The stored DoG patch.
    coords : ndarray of shape (2,)
        Where the patch was taken (as stored by the patch stage).
    purity : float
        Share of the patch's nearest patches (other works) that come from the cluster.
    lift : float
        ``purity`` ÷ the cluster's share of all patches.
    dog_score : float
        The patch stage's own score.
    work_shape : (int, int) or None
        (height, width) of the working image ``coords`` refer to (None when not stored).
    size : int
        Side of the patch's window in working pixels.
    """

    work_id: str
    index: int
    image: np.ndarray
    coords: np.ndarray
    purity: float
    lift: float
    dog_score: float
    work_shape: tuple[int, int] | None = None
    size: int = 64


def _patch_descriptors(dog: np.ndarray) -> np.ndarray:
    """Zero-mean, unit-norm 16×16 block means of patches (m, h, w) → (m, 256)."""
    m, h, w = dog.shape
    b = max(1, h // 16)
    small = dog[:, : (h // b) * b, : (w // b) * b].astype(np.float32)
    small = small.reshape(m, h // b, b, w // b, b).mean(axis=(2, 4)).reshape(m, -1)
    small -= small.mean(axis=1, keepdims=True)
    return normalise(small, eps=1e-6)


def representative_patches(ws: Workspace, run: ClusterRun, cluster: int, *, n: int = 12,
                           n_neighbors: int = 10, per_work: int = 2,
                           max_reference: int = 30_000,
                           random_state: int = 0) -> list[PatchExample] | None:
    """The DoG patches that best characterise a cluster.

    Parameters
    ----------
    ws : Workspace
    run : ClusterRun
    cluster : int
    n : int, default=12
        Patches returned.
    n_neighbors : int, default=10
        Nearest patches (from other works) examined per patch.
    per_work : int, default=2
        At most this many patches from one work, so the examples vary.
    max_reference : int, default=30000
        Patches of other works compared against, sampled when there are more.
    random_state : int, default=0
        Seed of that sample.

    Returns
    -------
    list of PatchExample, or None
        None when the workspace has no patches (the local-patch stage has not run).
    """
    if not has_patches(ws):
        return None
    stored = load_patches(ws, work_ids=run.ids.tolist())
    if "dog" not in stored.arrays:
        log.warning("stored patches have no 'dog' array")
        return None
    ids, arrays = stored.ids, stored.arrays
    if not len(ids):
        return []
    label_of = dict(zip(run.ids.tolist(), run.labels.tolist(), strict=True))
    dog = np.asarray(arrays["dog"])
    m, per = dog.shape[:2]
    flat = dog.reshape(m * per, *dog.shape[2:])
    work_of = np.repeat(np.arange(m), per)
    labels = np.repeat(np.asarray([label_of[w] for w in ids.tolist()]), per)
    scores = np.asarray(arrays.get("scores", np.zeros((m, per))), dtype=np.float32).reshape(-1)
    coords = np.asarray(arrays.get("coords", np.zeros((m, per, 2)))).reshape(m * per, -1)
    shapes = np.asarray(arrays["work_shape"]) if "work_shape" in arrays else None
    size = int(stored.config.patch_size)
    mine = np.flatnonzero(labels == int(cluster))
    if not len(mine):
        return []
    ref = np.arange(m * per)
    if len(ref) > max_reference:
        ref = np.union1d(np.random.default_rng(random_state).choice(
            ref, max_reference, replace=False), mine)
    desc = _patch_descriptors(flat)
    base_rate = float(np.mean(labels[ref] == int(cluster)))
    purity = np.zeros(len(mine), dtype=np.float32)
    k = min(n_neighbors, len(ref) - per)
    for start in range(0, len(mine), 1024):
        chunk = mine[start:start + 1024]
        sims = desc[chunk] @ desc[ref].T
        # A work's own patches do not vote for it.
        sims[work_of[chunk][:, None] == work_of[ref][None, :]] = -np.inf
        if k <= 0:
            break
        top = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        purity[start:start + len(chunk)] = (labels[ref][top] == int(cluster)).mean(axis=1)
    order = np.lexsort((-scores[mine], -purity))
    chosen: list[PatchExample] = []
    used: Counter[int] = Counter()
    for j in order:
        p = mine[j]
        if used[work_of[p]] >= per_work:
            continue
        used[work_of[p]] += 1
        chosen.append(PatchExample(
            work_id=str(ids[work_of[p]]), index=int(p % per), image=flat[p],
            coords=coords[p], purity=float(purity[j]),
            lift=float(purity[j] / base_rate) if base_rate else 0.0,
            dog_score=float(scores[p]), size=size,
            work_shape=None if shapes is None else tuple(int(v) for v in shapes[work_of[p]])))
        if len(chosen) >= n:
            break
    return chosen

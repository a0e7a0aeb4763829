"""Clustering quality: internal indices and agreement with a metadata column.

Internal indices (no labels needed): silhouette, Calinski–Harabasz, Davies–Bouldin,
computed on the vectors the clustering saw. External measures against any metadata
column (style, artist…): adjusted Rand index, normalised mutual information,
Hungarian-matched accuracy, purity and the contingency table. Works without a value
in the column are left out of the external measures, and the result says how many
were evaluated.

HDBSCAN's noise label (``-1``) is excluded from the internal indices (they are not
defined for "no cluster") and counted as one more cluster in the external measures,
which is what a curator sees on the map.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from scipy.optimize import linear_sum_assignment
from sklearn import metrics as skm

from ..errors import ArtExploreError

NOISE = -1


def contingency(labels_true: Sequence[Any], labels_pred: Sequence[Any]) -> pd.DataFrame:
    """Count table of two labellings.

    Parameters
    ----------
    labels_true : sequence of shape (n_samples,)
        Reference classes (rows), any hashable values.
    labels_pred : sequence of shape (n_samples,)
        Clusters (columns).

    Returns
    -------
    pandas.DataFrame of shape (n_classes, n_clusters)
        Entry ``[c, k]`` counts the samples of class ``c`` in cluster ``k``; rows and
        columns sorted by their labels.
    """
    a = np.asarray(labels_true, dtype=object)
    b = np.asarray(labels_pred, dtype=object)
    if len(a) != len(b):
        raise ArtExploreError(f"labellings differ in length: {len(a)} and {len(b)}")
    rows = sorted(set(a.tolist()), key=_sort_key)
    cols = sorted(set(b.tolist()), key=_sort_key)
    ri = {v: i for i, v in enumerate(rows)}
    ci = {v: i for i, v in enumerate(cols)}
    table = np.zeros((len(rows), len(cols)), dtype=np.int64)
    np.add.at(table, ([ri[v] for v in a.tolist()], [ci[v] for v in b.tolist()]), 1)
    return pd.DataFrame(table, index=pd.Index(rows, name="class"),
                        columns=pd.Index(cols, name="cluster"))


def _sort_key(value: Any) -> tuple[int, Any]:
    # Numbers before text, each in natural order, so cluster 10 follows cluster 9.
    if isinstance(value, int | float | np.integer | np.floating):
        return (0, float(value))
    return (1, str(value))


def hungarian_accuracy(labels_true: Sequence[Any], labels_pred: Sequence[Any]) -> float:
    """Accuracy after the best one-to-one matching of clusters to classes.

    Each cluster is matched to at most one class (and each class to at most one
    cluster) so that the number of correctly matched samples is largest
    (:func:`scipy.optimize.linear_sum_assignment`); unmatched clusters count as wrong.

    Parameters
    ----------
    labels_true, labels_pred : sequence of shape (n_samples,)

    Returns
    -------
    float
        In [0, 1]; 0 for empty input.
    """
    table = contingency(labels_true, labels_pred).to_numpy()
    if table.size == 0:
        return 0.0
    rows, cols = linear_sum_assignment(table, maximize=True)
    return float(table[rows, cols].sum() / table.sum())


def purity(labels_true: Sequence[Any], labels_pred: Sequence[Any]) -> float:
    """Share of samples that belong to the majority class of their cluster.

    Returns
    -------
    float
        In [0, 1]; 0 for empty input.
    """
    table = contingency(labels_true, labels_pred).to_numpy()
    if table.size == 0:
        return 0.0
    return float(table.max(axis=0).sum() / table.sum())


def internal_scores(X: np.ndarray, labels: np.ndarray, *, sample_size: int = 10_000,
                    random_state: int | None = 0) -> dict[str, float | None]:
    """Silhouette, Calinski–Harabasz and Davies–Bouldin of a clustering.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
        The vectors that were clustered.
    labels : ndarray of shape (n_samples,)
        Cluster labels; ``-1`` (noise) is left out.
    sample_size : int, default=10000
        The silhouette is computed on a random sample of this many points when
        there are more (it is quadratic in the number of points).
    random_state : int, optional
        Seed of that sample.

    Returns
    -------
    dict
        ``silhouette`` (higher is better, in [-1, 1]), ``calinski_harabasz``
        (higher is better), ``davies_bouldin`` (lower is better), each None when
        undefined (fewer than two clusters, or a cluster per point), and
        ``n_scored`` (points used, noise excluded).
    """
    labels = np.asarray(labels)
    keep = labels != NOISE
    Xk, lk = np.asarray(X)[keep], labels[keep]
    n_clusters = len(np.unique(lk))
    out: dict[str, float | None] = {"silhouette": None, "calinski_harabasz": None,
                                    "davies_bouldin": None, "n_scored": int(keep.sum())}
    if n_clusters < 2 or n_clusters >= len(lk):
        return out
    sample = sample_size if len(lk) > sample_size else None
    out["silhouette"] = float(skm.silhouette_score(Xk, lk, sample_size=sample,
                                                   random_state=random_state))
    out["calinski_harabasz"] = float(skm.calinski_harabasz_score(Xk, lk))
    out["davies_bouldin"] = float(skm.davies_bouldin_score(Xk, lk))
    return out


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and np.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


def external_scores(labels_true: Sequence[Any], labels_pred: Sequence[Any]) -> dict[str, Any]:
    """Agreement of a clustering with reference classes, on the labelled samples.

    Parameters
    ----------
    labels_true : sequence of shape (n_samples,)
        Reference values; None, NaN and empty strings mean "unknown" and those
        samples are left out.
    labels_pred : sequence of shape (n_samples,)
        Cluster labels.

    Returns
    -------
    dict
        ``ari``, ``nmi`` (arithmetic normalisation, scikit-learn's default),
        ``accuracy`` (Hungarian-matched), ``purity``, ``n_labelled``,
        ``n_unlabelled``, ``n_classes`` and ``n_clusters`` (among the labelled
        samples). Scores are None when no sample is labelled.
    """
    true = np.asarray(labels_true, dtype=object)
    pred = np.asarray(labels_pred, dtype=object)
    if len(true) != len(pred):
        raise ArtExploreError(f"labellings differ in length: {len(true)} and {len(pred)}")
    known = np.fromiter((not _is_missing(v) for v in true.tolist()), dtype=bool, count=len(true))
    t = [str(v) for v in true[known].tolist()]
    p = pred[known].tolist()
    out: dict[str, Any] = {
        "n_labelled": int(known.sum()), "n_unlabelled": int((~known).sum()),
        "n_classes": len(set(t)), "n_clusters": len(set(p)),
        "ari": None, "nmi": None, "accuracy": None, "purity": None,
    }
    if not t:
        return out
    codes_p = np.unique(np.asarray(p, dtype=str), return_inverse=True)[1]
    codes_t = np.unique(np.asarray(t, dtype=str), return_inverse=True)[1]
    out["ari"] = float(skm.adjusted_rand_score(codes_t, codes_p))
    out["nmi"] = float(skm.normalized_mutual_info_score(codes_t, codes_p))
    out["accuracy"] = hungarian_accuracy(t, p)
    out["purity"] = purity(t, p)
    return out

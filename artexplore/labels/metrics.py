"""Classification metrics of a probe or a classifier: top-k accuracy, per-class scores, confusion.

Written out plainly (not delegated to scikit-learn) so that what a curator reads
is defined here: precision of a class is the share of works predicted as that
class that carry it; recall the share of its works predicted as it; F1 their
harmonic mean (0 when both are 0). Macro averages weight classes equally,
weighted averages by their number of works.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from ..errors import ConfigError


def top_k_accuracy(y_true: np.ndarray, proba: np.ndarray, k: int) -> float:
    """Share of rows whose true class is among the ``k`` most probable.

    Parameters
    ----------
    y_true : ndarray of shape (n_samples,), int
        Class indices.
    proba : ndarray of shape (n_samples, n_classes)
        Scores; higher is more likely. Ties are broken towards the lower class index.
    k : int

    Returns
    -------
    float
    """
    y_true = np.asarray(y_true)
    proba = np.asarray(proba, dtype=np.float64)
    if len(y_true) == 0:
        return float("nan")
    k = min(int(k), proba.shape[1])
    order = np.argsort(-proba, axis=1, kind="stable")[:, :k]
    return float(np.mean(np.any(order == y_true[:, None], axis=1)))


def confusion(y_true: np.ndarray, y_pred: np.ndarray, n_classes: int) -> np.ndarray:
    """Confusion matrix: rows are true classes, columns predicted classes.

    Returns
    -------
    ndarray of shape (n_classes, n_classes), int64
    """
    cm = np.zeros((n_classes, n_classes), dtype=np.int64)
    np.add.at(cm, (np.asarray(y_true, dtype=np.int64), np.asarray(y_pred, dtype=np.int64)), 1)
    return cm


def per_class_scores(cm: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Precision, recall, F1 and support of each class from a confusion matrix.

    Returns
    -------
    precision, recall, f1, support : ndarray of shape (n_classes,)
        Precision is 0 for a class never predicted; recall 0 for a class without works.
    """
    cm = np.asarray(cm, dtype=np.float64)
    tp = np.diag(cm)
    predicted = cm.sum(axis=0)
    support = cm.sum(axis=1)
    precision = np.divide(tp, predicted, out=np.zeros_like(tp), where=predicted > 0)
    recall = np.divide(tp, support, out=np.zeros_like(tp), where=support > 0)
    denom = precision + recall
    f1 = np.divide(2 * precision * recall, denom, out=np.zeros_like(tp), where=denom > 0)
    return precision, recall, f1, support.astype(np.int64)


def classification_metrics(y_true: np.ndarray, proba: np.ndarray,
                           classes: Sequence[str]) -> dict[str, Any]:
    """Every figure a probe reports, from out-of-fold scores.

    Parameters
    ----------
    y_true : ndarray of shape (n_samples,), int
        True class indices into ``classes``.
    proba : ndarray of shape (n_samples, n_classes)
        Predicted probabilities (or scores).
    classes : sequence of str
        Class names.

    Returns
    -------
    dict
        ``n``, ``top1``, ``top3``, ``precision_macro``, ``recall_macro``,
        ``f1_macro``, ``precision_weighted``, ``recall_weighted``, ``f1_weighted``,
        ``balanced_accuracy``, ``classes``, ``per_class`` (list of dicts with
        ``label``, ``precision``, ``recall``, ``f1``, ``support``) and
        ``confusion`` (list of lists, rows true, columns predicted).
    """
    y_true = np.asarray(y_true, dtype=np.int64)
    proba = np.asarray(proba, dtype=np.float64)
    n_classes = len(classes)
    if proba.ndim != 2 or proba.shape != (len(y_true), n_classes):
        raise ConfigError(f"proba must have shape ({len(y_true)}, {n_classes}), "
                          f"got {proba.shape}")
    y_pred = np.argmax(proba, axis=1)
    cm = confusion(y_true, y_pred, n_classes)
    precision, recall, f1, support = per_class_scores(cm)
    total = max(int(support.sum()), 1)
    weights = support / total
    present = support > 0
    return {
        "n": int(len(y_true)),
        "top1": top_k_accuracy(y_true, proba, 1),
        "top3": top_k_accuracy(y_true, proba, 3),
        "precision_macro": float(precision[present].mean()) if present.any() else 0.0,
        "recall_macro": float(recall[present].mean()) if present.any() else 0.0,
        "f1_macro": float(f1[present].mean()) if present.any() else 0.0,
        "precision_weighted": float((precision * weights).sum()),
        "recall_weighted": float((recall * weights).sum()),
        "f1_weighted": float((f1 * weights).sum()),
        "balanced_accuracy": float(recall[present].mean()) if present.any() else 0.0,
        "classes": list(classes),
        "per_class": [{"label": c, "precision": float(p), "recall": float(r), "f1": float(f),
                       "support": int(s)}
                      for c, p, r, f, s in zip(classes, precision, recall, f1, support, strict=True)],
        "confusion": cm.tolist(),
    }

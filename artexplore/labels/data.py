"""Label columns of the catalogue, aligned with feature rows or work ids.

A *label column* is any metadata field (canonical such as ``style`` or
``artist``, or a free key of the metadata CSV). A work whose value is empty,
blank or missing is *unlabelled* for that column: it is left out of training
and evaluation, and it is what suggestions are made for.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..errors import ArtExploreError, ConfigError
from ..store.workspace import Workspace

# Fields that are not categories: never offered first as label columns.
NON_CATEGORICAL = ("title", "date", "year", "width_cm", "height_cm")


class LabelError(ArtExploreError):
    """A label column cannot be used (unknown, empty, too few classes)."""


def clean_label(value: Any) -> str | None:
    """A label as text, or None when the value is empty.

    Parameters
    ----------
    value : any
        A metadata value (text, number or None).

    Returns
    -------
    str or None
        The stripped text; None for None, ``""`` and whitespace.
    """
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


def label_columns(ws: Workspace) -> list[str]:
    """Fields usable as label columns, categorical ones first.

    Returns
    -------
    list of str
        ``style``, ``artist``, ``technique``… then free metadata keys, then the
        non-categorical fields (title, date, year, dimensions).
    """
    fields = ws.metadata_fields()
    first = [f for f in fields if f not in NON_CATEGORICAL]
    return first + [f for f in fields if f in NON_CATEGORICAL]


def read_labels(ws: Workspace, ids: Sequence[str], column: str) -> np.ndarray:
    """Labels of some works for one column.

    Parameters
    ----------
    ws : Workspace
    ids : sequence of str
        Work ids (e.g. the rows of a feature set).
    column : str
        A metadata field.

    Returns
    -------
    ndarray of shape (n_works,), dtype object
        The label of each work, None where it is empty.

    Raises
    ------
    LabelError
        If no work of the collection has a value in ``column`` (the message
        lists the fields that do).
    """
    fields = ws.metadata_fields()
    if column not in fields:
        raise LabelError(f"No work has a value in the column {column!r}; "
                         f"columns with values: {', '.join(fields) or '(none)'}")
    by_id = {w["id"]: w for w in ws.works(status=None)}
    out = np.empty(len(ids), dtype=object)
    for i, wid in enumerate(ids):
        work = by_id.get(wid)
        out[i] = None if work is None else clean_label(ws.field_of(work, column))
    return out


def read_groups(ws: Workspace, ids: Sequence[str]) -> np.ndarray:
    """Content hash of each work: identical files share a group.

    Cross-validation keeps a group on one side of every split, so an image
    catalogued twice can never be tested on its own copy.

    Returns
    -------
    ndarray of shape (n_works,), dtype object
    """
    by_id = {w["id"]: w for w in ws.works(status=None)}
    return np.asarray([by_id[w]["sha256"] if w in by_id else w for w in ids], dtype=object)


@dataclass
class ClassFilter:
    """Which classes are used, and which were left out for having too few works.

    Attributes
    ----------
    classes : list of str
        Classes kept, sorted.
    excluded : dict of str to int
        Classes left out → their number of works.
    min_count : int
        The smallest number of works a kept class has to have.
    unlabelled : int
        Works without a label.
    mask : ndarray of shape (n_works,), bool
        Works with a kept label.
    """

    classes: list[str]
    excluded: dict[str, int]
    min_count: int
    unlabelled: int
    mask: np.ndarray
    counts: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable summary."""
        return {"classes": self.classes, "excluded": self.excluded, "min_count": self.min_count,
                "unlabelled": self.unlabelled, "counts": self.counts}


def filter_classes(y: np.ndarray, min_count: int, *, column: str = "label") -> ClassFilter:
    """Keep the classes that have at least ``min_count`` works.

    Parameters
    ----------
    y : ndarray of shape (n_works,), dtype object
        Labels, None for unlabelled works.
    min_count : int
        E.g. the number of cross-validation folds: a class with fewer works
        cannot appear in every test fold.
    column : str
        Name of the column, for messages.

    Returns
    -------
    ClassFilter

    Raises
    ------
    LabelError
        If fewer than two classes are left (the message gives the counts).
    """
    if min_count < 1:
        raise ConfigError(f"min_count must be >= 1, got {min_count}")
    labelled = np.asarray([v is not None for v in y], dtype=bool)
    counts = Counter(v for v in y if v is not None)
    classes = sorted(c for c, n in counts.items() if n >= min_count)
    excluded = {c: n for c, n in sorted(counts.items()) if n < min_count}
    if len(classes) < 2:
        listed = ", ".join(f"{c} ({n})" for c, n in counts.most_common(10)) or "none"
        raise LabelError(
            f"Column {column!r} has {len(classes)} class(es) with at least {min_count} works; "
            f"at least 2 are needed (largest classes: {listed}). Lower the number of folds "
            "or label more works.")
    keep = set(classes)
    mask = np.asarray([v in keep for v in y], dtype=bool) & labelled
    return ClassFilter(classes=classes, excluded=excluded, min_count=min_count,
                       unlabelled=int((~labelled).sum()), mask=mask,
                       counts={c: counts[c] for c in classes})

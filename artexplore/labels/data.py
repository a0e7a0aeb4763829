"""Label columns of the catalogue, aligned with feature rows or work ids.

A *label column* is any metadata field (canonical such as ``style`` or
``artist``, or a free key of the metadata CSV). A work whose value is empty,
blank or missing is *unlabelled* for that column: it is left out of training
and evaluation, and it is what suggestions are made for.
"""

from __future__ import annotations

import re
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


# What a probe needs (stated on the page): at least MIN_CLASSES classes that each hold at
# least MIN_WORKS_PER_CLASS works (and at least one per fold), and together at least
# MIN_KEPT_SHARE of the labelled works; otherwise the probe measures a handful of leftovers.
MIN_CLASSES = 2
MIN_WORKS_PER_CLASS = 5
MIN_KEPT_SHARE = 0.5
# A column whose values are nearly all different (titles, inventory numbers) is free text.
FREE_TEXT_UNIQUE = 0.8
FREE_TEXT_MIN_WORKS = 10
# A column is numeric when this share of its values reads as a year (1889, 1889.0, c. 1650,
# 1620-1625).
NUMERIC_SHARE = 0.9
_YEAR = re.compile(r"^\s*(?:c(?:a|irca)?\.?\s*)?(\d{3,4})(?:\.0+)?(?:\s*[-–/]\s*\d{2,4})?\s*$",
                   re.IGNORECASE)


def parse_year(value: Any) -> int | None:
    """The year a metadata value names (``1889``, ``1889.0``, ``c. 1650``, ``1620-25``), or None."""
    text = clean_label(value)
    if text is None:
        return None
    m = _YEAR.match(text)
    return int(m.group(1)) if m else None


def column_kind(values: Sequence[tuple[str, int]]) -> str:
    """Whether a column's values are categories, years, or free text.

    Parameters
    ----------
    values : sequence of (str, int)
        Distinct values with their number of works (``Workspace.field_values``).

    Returns
    -------
    {"categorical", "numeric", "free-text"}
        ``numeric`` when at least :data:`NUMERIC_SHARE` of the works have a
        year-like value; ``free-text`` when nearly every work has its own value
        (at least :data:`FREE_TEXT_UNIQUE` distinct values per labelled work).
    """
    n = sum(c for _, c in values)
    if not n:
        return "categorical"
    if sum(c for v, c in values if parse_year(v) is not None) >= NUMERIC_SHARE * n:
        return "numeric"
    if n >= FREE_TEXT_MIN_WORKS and len(values) >= FREE_TEXT_UNIQUE * n:
        return "free-text"
    return "categorical"


def label_columns(ws: Workspace) -> list[str]:
    """Fields usable as label columns, categorical ones first.

    Free-text columns (titles, inventory numbers: nearly every value
    different) are not labels and are left out; numeric ones (years) come
    last, since a probe bins them (see :func:`choose_binning`).

    Returns
    -------
    list of str
    """
    kinds = {f: column_kind(ws.field_values(f, limit=1_000_000)) for f in ws.metadata_fields()}
    first = [f for f, k in kinds.items() if k == "categorical" and f not in NON_CATEGORICAL]
    last = [f for f, k in kinds.items() if k != "free-text" and f not in first]
    return first + last


@dataclass(frozen=True)
class Binning:
    """Years grouped into periods of ``width`` years (decades, centuries).

    Attributes
    ----------
    width : int
        10 or 100.
    name : str
        ``decades`` or ``centuries``.
    """

    width: int
    name: str

    def label(self, year: int) -> str:
        """The period of a year, e.g. ``1880–1889``; labels sort in time order."""
        start = year // self.width * self.width
        return f"{start}–{start + self.width - 1}"

    def apply(self, y: np.ndarray) -> np.ndarray:
        """Labels → periods (None where a value is empty or not a year)."""
        out = np.empty(len(y), dtype=object)
        for i, v in enumerate(y):
            year = parse_year(v)
            out[i] = None if year is None else self.label(year)
        return out


BINNINGS = (Binning(10, "decades"), Binning(100, "centuries"))


def choose_binning(years: Sequence[int], min_count: int, *, column: str = "date") -> Binning:
    """Decades or centuries, from the spread of the years.

    Decades are tried first when the central 90 % of the years span at most
    three centuries, else centuries first; a binning is taken when at least
    :data:`MIN_CLASSES` periods hold ``min_count`` works and those periods hold
    at least :data:`MIN_KEPT_SHARE` of the works.

    Raises
    ------
    LabelError
        When neither binning gives enough works per period (the message says
        what each gives).
    """
    years = np.asarray(list(years), dtype=np.int64)
    if not len(years):
        raise LabelError(f"Column {column!r} has no year-like value")
    lo, hi = np.percentile(years, [5, 95])
    order = BINNINGS if hi - lo <= 300 else BINNINGS[::-1]
    tried = []
    for b in order:
        counts = Counter((years // b.width).tolist())
        kept = [n for n in counts.values() if n >= min_count]
        if len(kept) >= MIN_CLASSES and sum(kept) >= MIN_KEPT_SHARE * len(years):
            return b
        tried.append(f"{b.name}: {len(kept)} of {len(counts)} periods have {min_count} works, "
                     f"holding {sum(kept)} of {len(years)}")
    raise LabelError(f"Column {column!r} holds years too spread out or too few to probe even "
                     f"in periods ({'; '.join(tried)}).")


def check_support(cf: ClassFilter, *, column: str = "label") -> None:
    """Refuse a probe whose kept classes hold too few of the labelled works.

    Raises
    ------
    LabelError
        When the classes with at least ``cf.min_count`` works hold fewer than
        :data:`MIN_KEPT_SHARE` of the labelled works.
    """
    kept = sum(cf.counts.values())
    total = kept + sum(cf.excluded.values())
    if kept < MIN_KEPT_SHARE * total:
        raise LabelError(
            f"Column {column!r}: only {len(cf.classes)} of {len(cf.classes) + len(cf.excluded)} "
            f"classes have at least {cf.min_count} works, holding {kept} of {total} labelled "
            f"works; a probe needs classes holding at least {MIN_KEPT_SHARE:.0%} of them. "
            "Group the values into fewer classes or label more works.")


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

"""CSV cells a spreadsheet shows as text: the one formula neutraliser.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
run as a formula by spreadsheets (``=HYPERLINK(...)`` in a file name or a title
becomes a link or worse). Every CSV ArtExplore writes passes its text cells
through :func:`neutralise`, which prefixes such cells with ``'``; numbers are
written as they are (``-1`` is a number, not a formula).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from numbers import Number
from typing import Any, TextIO

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> str:
    """A CSV cell that a spreadsheet shows as text, never runs as a formula.

    Parameters
    ----------
    value : object
        The cell; None becomes an empty cell, numbers (not booleans) stay numbers.

    Returns
    -------
    str
    """
    if value is None:
        return ""
    if isinstance(value, Number) and not isinstance(value, bool):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def write_csv(fh: TextIO, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Write a header and rows, every cell neutralised.

    Parameters
    ----------
    fh : text file
        Open with ``newline=""``.
    header : sequence of str
    rows : iterable of sequences

    Returns
    -------
    int
        Rows written (the header not counted).
    """
    writer = csv.writer(fh, lineterminator="\n")
    writer.writerow([neutralise(h) for h in header])
    n = 0
    for row in rows:
        writer.writerow([neutralise(v) for v in row])
        n += 1
    return n

"""Small array helpers shared by every stage: the one row normalisation and centring.

Every L2 row normalisation of the library and the benchmarks goes through
:func:`normalise`, so that cosine similarity means one thing everywhere
(zero rows stay zero; the dtype is kept).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

# Rows per chunk wherever a collection's rows are read a piece at a time (norms here, the
# fused sets' steps, the probe's rows): the temporaries are a chunk's, not the collection's.
ROW_CHUNK = 16_384


def normalise(X: ArrayLike, *, eps: float = 1e-12, centre: ArrayLike | None = None,
              copy: bool = True) -> np.ndarray:
    """L2-normalise rows; a row with norm below ``eps`` is divided by ``eps`` (zero stays zero).

    Parameters
    ----------
    X : array-like of shape (n_samples, n_features)
        A 1-D input is treated as one row.
    eps : float, default=1e-12
        Floor of the norm.
    centre : array-like of shape (n_features,), optional
        Subtracted from every row first (in the same copy): the rows then are
        directions from the collection's mean, as the neighbour index searches them.
    copy : bool, default=True
        False: normalise ``X`` itself where it is a C-contiguous floating array (a
        step over a collection's rows then needs no second matrix of their size);
        other inputs are still copied.

    Returns
    -------
    ndarray of shape (n_samples, n_features), C-contiguous
        A new array (``X`` itself with ``copy=False`` where it could be), of ``X``'s
        floating dtype (float32 for other inputs).
    """
    X = np.asarray(X)
    dtype = X.dtype if np.issubdtype(X.dtype, np.floating) else np.float32
    if copy:
        X = np.array(X, dtype=dtype, order="C", copy=True, ndmin=2)
    else:
        X = np.atleast_2d(np.ascontiguousarray(X, dtype=dtype))
    if centre is not None:
        X -= np.asarray(centre, dtype=dtype)
    # The floor in float64: in float16 1e-12 would round to zero (and 0 / 0 to NaN).
    # By chunks of rows: each row's norm is the same, the squares are a chunk's.
    for start in range(0, len(X), ROW_CHUNK):
        rows = X[start:start + ROW_CHUNK]
        rows /= np.maximum(np.linalg.norm(rows, axis=1, keepdims=True).astype(np.float64), eps)
    return X


def column_mean(X: ArrayLike) -> np.ndarray:
    """The mean row of ``X`` (accumulated in float64), as float32.

    What the neighbour index centres a feature set on (FiftyOne's similarity
    index does the same): the cosine of directions from the collection's mean
    ranks same-style works higher than the cosine of the raw rows
    (``python -m bench.features_quality --centring``).
    """
    X = np.asarray(X)
    if not len(X):
        return np.zeros(X.shape[1:], dtype=np.float32)
    return X.mean(axis=0, dtype=np.float64).astype(np.float32)


__all__ = ["ROW_CHUNK", "column_mean", "normalise"]

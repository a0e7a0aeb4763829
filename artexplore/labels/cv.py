"""Stratified splits that never put a work (or a copy of its file) on both sides."""

from __future__ import annotations

import numpy as np

from ..errors import ConfigError


def stratified_folds(y: np.ndarray, n_splits: int, *, groups: np.ndarray | None = None,
                     random_state: int | None = 0) -> list[tuple[np.ndarray, np.ndarray]]:
    """Stratified k-fold splits of labelled rows.

    Parameters
    ----------
    y : ndarray of shape (n_samples,)
        Class labels.
    n_splits : int
        Number of folds, >= 2.
    groups : ndarray of shape (n_samples,), optional
        Rows with the same group (e.g. the same image file catalogued twice)
        always fall on the same side of a split.
    random_state : int, optional
        Seed of the shuffle.

    Returns
    -------
    list of (train_index, test_index)
        Index arrays into ``y``; the test parts partition the rows.

    Raises
    ------
    ConfigError
        If ``n_splits`` < 2 or larger than the smallest class.
    """
    from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold

    y = np.asarray(y)
    if n_splits < 2:
        raise ConfigError(f"Cross-validation needs at least 2 folds, got {n_splits}")
    _, counts = np.unique(y, return_counts=True)
    if len(counts) and counts.min() < n_splits:
        raise ConfigError(f"The smallest class has {counts.min()} works, fewer than "
                          f"{n_splits} folds; leave such classes out first")
    X_dummy = np.zeros((len(y), 1))
    if groups is not None:
        _, groups = np.unique(np.asarray([str(g) for g in groups]), return_inverse=True)
    if groups is not None and len(np.unique(groups)) < len(y):
        splitter = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=random_state)
        splits = splitter.split(X_dummy, y, groups)
    else:
        splitter = StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=random_state)
        splits = splitter.split(X_dummy, y)
    return [(np.asarray(tr), np.asarray(te)) for tr, te in splits]


def stratified_three_way(y: np.ndarray, fractions: tuple[float, float, float] = (0.8, 0.1, 0.1), *,
                         random_state: int | None = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A stratified train / validation / test split.

    Parameters
    ----------
    y : ndarray of shape (n_samples,)
    fractions : tuple of three floats
        Shares of train, validation and test; they must sum to 1.
    random_state : int, optional

    Returns
    -------
    train_index, val_index, test_index : ndarray
        Disjoint index arrays covering every row.
    """
    from sklearn.model_selection import train_test_split

    if len(fractions) != 3 or min(fractions) <= 0 or abs(sum(fractions) - 1) > 1e-6:
        raise ConfigError(f"split fractions must be three positive numbers summing to 1, "
                          f"got {fractions}")
    y = np.asarray(y)
    index = np.arange(len(y))
    n_classes = len(np.unique(y))
    n_rest = max(int(round(len(y) * (fractions[1] + fractions[2]))), 2 * n_classes)
    if n_rest >= len(y):
        raise ConfigError(f"{len(y)} works are too few for a stratified "
                          f"{'/'.join(str(round(100 * f)) for f in fractions)} split of "
                          f"{n_classes} classes")
    train, rest = train_test_split(index, test_size=n_rest, stratify=y, random_state=random_state)
    share_test = fractions[2] / (fractions[1] + fractions[2])
    n_test = min(max(int(round(len(rest) * share_test)), n_classes), len(rest) - n_classes)
    val, test = train_test_split(rest, test_size=n_test, stratify=y[rest],
                                 random_state=random_state)
    return np.sort(train), np.sort(val), np.sort(test)

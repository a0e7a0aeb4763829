"""Why two works are close, in a curator's words: style, colour, local detail.

A feature set may hold one block (the ``default`` set is a single ``style``
block) or several (``style+color``). Splitting its similarity into blocks then
says nothing for a single-block set (one block, 100 %). So each *aspect* of
the pair is compared on its own: the feature set's blocks, and the stored sets
that stand for an aspect the set does not have (:data:`ASPECT_SETS`: colour
histograms, the local-detail embedding of DoG patches).

For each aspect, how close the two works are is put against the rest of the
collection: the *percentile* is the share of the collection's works that are
less similar to the query than the neighbour is in that aspect, and the
*standing* is how many standard deviations the pair's similarity lies above
the query's mean similarity to the collection. An aspect's *share* is its
standing (when positive) as a part of the standings of all aspects: what made
the two works closer than usual, and in what proportion.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from ..errors import ArtExploreError
from .index import normalise

if TYPE_CHECKING:
    from ..features import FeatureMatrix

# Stored feature sets that stand for one aspect of a painting.
ASPECT_SETS: dict[str, str] = {"color": "colour", "infovae": "local detail"}
# Block names of feature sets, in words.
BLOCK_WORDS: dict[str, str] = {
    "style": "style", "global": "overall look", "gram": "texture", "color": "colour",
    "colour": "colour", "local": "local detail", "infovae": "local detail",
    "pooled": "overall look",
}


@dataclass(frozen=True)
class Aspect:
    """How close two works are in one aspect.

    Attributes
    ----------
    name : str
        The aspect in words (``style``, ``colour``, ``local detail``…).
    source : str
        Where it was measured: ``block style of default``, ``feature set color``.
    similarity : float
        Cosine of the two works in this aspect.
    percentile : float
        Share (0–1) of the collection's works less similar to the query than
        the neighbour is.
    standing : float
        Standard deviations of the pair's similarity above the query's mean
        similarity to the collection.
    share : float
        The positive standing as a part of all aspects' positive standings (0–1).
    """

    name: str
    source: str
    similarity: float
    percentile: float
    standing: float
    share: float

    def words(self) -> str:
        """The closeness in a sentence fragment: 'closer than 97 % of the collection'."""
        return f"closer than {self.percentile:.0%} of the collection"


def closeness(X: np.ndarray, x: np.ndarray, y: np.ndarray, *, max_rows: int = 20_000,
              random_state: int = 0) -> tuple[float, float, float]:
    """Cosine of ``x`` and ``y``, against the cosines of ``x`` to the rows of ``X``.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
        The collection in one aspect (the query's and the neighbour's own rows
        may be among them: rows pointing the same way as ``x`` or ``y`` are left out).
    x, y : ndarray of shape (n_features,)
    max_rows : int, default=20000
        Compare against a seeded sample of this many rows of a larger
        collection (the percentile is then within about one point).
    random_state : int, default=0
        Seed of that sample.

    Returns
    -------
    similarity : float
    percentile : float
        Share of rows less similar to ``x`` than ``y`` is.
    standing : float
        ``(similarity - mean) / std`` of the rows' similarities (0 when they do not vary).
    """
    X = np.asarray(X, dtype=np.float32)
    if len(X) > max_rows:
        rows = np.random.default_rng(random_state).choice(len(X), max_rows, replace=False)
        X = X[np.sort(rows)]
    xn = normalise(np.asarray(x, dtype=np.float32)[None])[0]
    yn = normalise(np.asarray(y, dtype=np.float32)[None])[0]
    sim = float(xn @ yn)
    # Cosines without a normalised copy of the collection (it may hold a million rows).
    norms = np.linalg.norm(X, axis=1)
    norms[norms == 0] = 1.0
    sims, to_y = (X @ xn) / norms, (X @ yn) / norms
    others = (sims < 1 - 1e-6) & (to_y < 1 - 1e-6)  # not the query, not the neighbour
    sims = sims[others]
    if not len(sims):
        return sim, 0.0, 0.0
    std = float(sims.std())
    return (sim, float(np.mean(sims < sim)),
            (sim - float(sims.mean())) / std if std > 1e-9 else 0.0)


def compare_aspects(spaces: Sequence[tuple[str, str, np.ndarray, np.ndarray, np.ndarray]]
                    ) -> list[Aspect]:
    """Compare two works in several aspects and share out what made them close.

    Parameters
    ----------
    spaces : sequence of (name, source, X, x, y)
        Per aspect: its name in words, where it comes from, the collection's
        rows (n_samples, n_features) and the two works' vectors.

    Returns
    -------
    list of Aspect
        Largest share first.
    """
    measured = [(name, source, *closeness(X, x, y)) for name, source, X, x, y in spaces]
    total = sum(max(0.0, m[4]) for m in measured)
    out = [Aspect(name=name, source=source, similarity=sim, percentile=pct, standing=z,
                  share=max(0.0, z) / total if total > 0 else 0.0)
           for name, source, sim, pct, z in measured]
    return sorted(out, key=lambda a: (-a.share, -a.percentile))


def aspect_spaces(fm: FeatureMatrix, others: Mapping[str, FeatureMatrix], *,
                  work_id: str | None, other_id: str, query: np.ndarray | None = None
                  ) -> list[tuple[str, str, np.ndarray, np.ndarray, np.ndarray]]:
    """The aspects of a pair: the blocks of ``fm``, then the sets of ``others`` it lacks.

    Parameters
    ----------
    fm : FeatureMatrix
        The feature set the neighbours were found with.
    others : dict of str to FeatureMatrix
        Stored aspect sets (keys of :data:`ASPECT_SETS`) that are computed.
    work_id : str or None
        The query work; None for an outside image (then only ``fm`` is used).
    other_id : str
    query : ndarray of shape (n_features,), optional
        The outside image's raw features in ``fm``.

    Returns
    -------
    list of (name, source, X, x, y)
    """
    x_full = fm.X[fm.row(work_id)] if work_id is not None else np.asarray(query)
    y_full = fm.X[fm.row(other_id)]
    spaces = []
    for block, cols in fm.blocks.items():
        spaces.append((BLOCK_WORDS.get(block, block),
                       f"block {block} of {fm.name}" if len(fm.blocks) > 1 else fm.name,
                       fm.X[:, cols], x_full[cols], y_full[cols]))
    have = {s[0] for s in spaces}
    if work_id is None:
        return spaces
    for name, other in others.items():
        word = ASPECT_SETS.get(name, name)
        if word in have or other is fm or other.name == fm.name:
            continue
        try:
            x, y = other.X[other.row(work_id)], other.X[other.row(other_id)]
        except ArtExploreError:  # a work this set has no row for yet
            continue
        spaces.append((word, f"feature set {name}", other.X, x, y))
        have.add(word)
    return spaces

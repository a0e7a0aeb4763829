"""Works like this one: neighbour queries, live block weights and "why similar".

A query is a work of the collection (by id or path) or an outside image, which
is embedded on the fly with the feature set's own extractors. Similarity is the
cosine of directions from the collection's mean row (the centre stored with the
index, :mod:`artexplore.search.index`), for works and queries alike. The stored FAISS
index (:mod:`artexplore.search.index`) answers queries with the feature set as stored;
works added since the index was last updated are searched exactly beside it,
and works that left the collection are filtered out, so results are always
complete.

Block weights
-------------
A feature set may concatenate blocks (``global``, ``gram``, ``local``…). With a
weight ``w_b`` per block, a row ``x`` becomes ``x' = concat_b(sqrt(w_b) * x_b)``
and the similarity is the cosine of the re-weighted rows::

    cos(x', y') = sum_b w_b <x_b, y_b> / (|x'| |y'|)

so each block contributes the term ``w_b <x_b, y_b> / (|x'| |y'|)``; "why
similar" shows each term as a share of the similarity. With all weights 1 this
is the cosine of the stored rows, i.e. what the index serves; other weights are
searched exactly over the whole collection (one matrix product).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ArtExploreError, ConfigError, ImageLoadError
from ..features import FeatureMatrix, feature_set_names, load_features, transform_images
from ..features.loader import QUERY_PLAN
from ..imageio import decode
from ..linalg import column_mean, normalise
from ..local.stage import has_patches, load_patches
from ..store.workspace import Workspace
from .aspects import ASPECT_SETS, Aspect, aspect_spaces, compare_aspects
from .index import NeighbourIndex, build_index, open_index

log = logging.getLogger(__name__)

UPLOAD_MAX_SIDE = 1024


@dataclass(frozen=True)
class Neighbour:
    """One result of a neighbour query.

    Attributes
    ----------
    work_id : str
    work_path : str
        Path relative to the collection folder.
    similarity : float
        Cosine similarity with the query, in [-1, 1].
    rank : int
        1 for the most similar work.
    """

    work_id: str
    work_path: str
    similarity: float
    rank: int

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable record."""
        return {"rank": self.rank, "work_id": self.work_id, "work_path": self.work_path,
                "similarity": round(float(self.similarity), 6)}


# -- block weights -----------------------------------------------------------------------------
def block_weights(blocks: Mapping[str, slice],
                  weights: Mapping[str, float] | None) -> dict[str, float]:
    """Complete and validate block weights (1 for blocks not named).

    Raises
    ------
    ConfigError
        For an unknown block (listing the blocks), a negative weight or all weights 0.
    """
    weights = dict(weights or {})
    unknown = sorted(set(weights) - set(blocks))
    if unknown:
        raise ConfigError(f"Unknown block {unknown[0]!r}; this feature set has the blocks: "
                          f"{', '.join(blocks)}")
    full = {b: float(weights.get(b, 1.0)) for b in blocks}
    bad = [b for b, w in full.items() if not np.isfinite(w) or w < 0]
    if bad:
        raise ConfigError(f"Block weights must be >= 0, got {bad[0]}={full[bad[0]]}")
    if not any(w > 0 for w in full.values()):
        raise ConfigError("At least one block weight must be above 0")
    return full


def is_unweighted(weights: Mapping[str, float] | None) -> bool:
    """Whether weights leave the stored features as they are (all 1)."""
    return not weights or all(float(w) == 1.0 for w in weights.values())


def reweight(X: np.ndarray, blocks: Mapping[str, slice],
             weights: Mapping[str, float], *, centre: np.ndarray | None = None) -> np.ndarray:
    """Scale each block by the square root of its weight and L2-normalise the rows.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
    blocks : dict of str to slice
        Column ranges of the blocks.
    weights : dict of str to float
        One weight per block (see :func:`block_weights`).
    centre : ndarray of shape (n_features,), optional
        Subtracted from the rows first (the search space's centre).

    Returns
    -------
    ndarray of shape (n_samples, n_features), float32
        Rows whose inner products are the weighted cosines.
    """
    Xw = np.array(X, dtype=np.float32, copy=True, ndmin=2)
    if centre is not None:
        Xw -= np.asarray(centre, dtype=np.float32)
    for name, cols in blocks.items():
        w = float(weights.get(name, 1.0))
        if w != 1.0:
            Xw[:, cols] *= np.float32(np.sqrt(w))
    return normalise(Xw)


@dataclass(frozen=True)
class BlockShare:
    """What one block contributes to a similarity.

    Attributes
    ----------
    block : str
    weight : float
    cosine : float
        Cosine of the two works' vectors restricted to this block.
    term : float
        ``w_b <x_b, y_b> / (|x'| |y'|)``: the terms sum to the similarity.
    share : float
        ``term / similarity`` (signed; 0 when the similarity is 0).
    """

    block: str
    weight: float
    cosine: float
    term: float
    share: float


def block_shares(x: np.ndarray, y: np.ndarray, blocks: Mapping[str, slice],
                 weights: Mapping[str, float] | None = None) -> tuple[float, list[BlockShare]]:
    """Decompose the weighted cosine of two feature vectors into block terms.

    Parameters
    ----------
    x, y : ndarray of shape (n_features,)
        Raw (stored) feature vectors.
    blocks : dict of str to slice
    weights : dict of str to float, optional
        1 for every block by default.

    Returns
    -------
    similarity : float
        The weighted cosine; equal to the sum of the terms.
    shares : list of BlockShare
        One per block, in block order (columns outside every block form a block ``other``).
    """
    weights = block_weights(blocks, weights)
    x = np.asarray(x, dtype=np.float64).ravel()
    y = np.asarray(y, dtype=np.float64).ravel()
    spans = dict(blocks)
    covered = np.zeros(len(x), dtype=bool)
    for cols in spans.values():
        covered[cols] = True
    if not covered.all():
        spans["other"] = np.flatnonzero(~covered)
        weights["other"] = 1.0
    nx = np.sqrt(sum(weights[b] * float(x[c] @ x[c]) for b, c in spans.items()))
    ny = np.sqrt(sum(weights[b] * float(y[c] @ y[c]) for b, c in spans.items()))
    denom = nx * ny
    terms = {b: (weights[b] * float(x[c] @ y[c]) / denom if denom > 0 else 0.0)
             for b, c in spans.items()}
    similarity = float(sum(terms.values()))
    shares = []
    for b, c in spans.items():
        bn = float(np.linalg.norm(x[c]) * np.linalg.norm(y[c]))
        shares.append(BlockShare(
            block=b, weight=weights[b], cosine=float(x[c] @ y[c]) / bn if bn > 0 else 0.0,
            term=terms[b], share=terms[b] / similarity if similarity != 0 else 0.0))
    return similarity, shares


# -- queries -------------------------------------------------------------------------------------
def query_image(data: bytes | Path | np.ndarray, *, name: str = "the image") -> np.ndarray:
    """Decode an outside image for a query.

    Parameters
    ----------
    data : bytes, pathlib.Path or ndarray of shape (height, width, 3)
        File content, a file, or an RGB array.
    name : str
        How to call the image in error messages (e.g. the uploaded file's name).

    Returns
    -------
    ndarray of shape (height, width, 3), uint8

    Raises
    ------
    ImageLoadError
        If the file is missing or cannot be decoded; the message names it and says why.
    """
    if isinstance(data, np.ndarray):
        if data.ndim != 3 or data.shape[2] != 3:
            raise ImageLoadError("unsupported-mode",
                                 f"{name} must be an RGB array (h, w, 3), got shape {data.shape}")
        return np.asarray(data, dtype=np.uint8)
    if isinstance(data, Path) and not data.is_file():
        raise ImageLoadError("unreadable", f"{name}: no such file {str(data)!r}")
    try:
        img, _ = decode(data, max_side=UPLOAD_MAX_SIDE)
    except ImageLoadError as exc:
        raise ImageLoadError(exc.reason, f"cannot read {name}: {exc.detail}") from exc
    return np.asarray(img, dtype=np.uint8)


def embed_image(ws: Workspace, features: str | FeatureMatrix, image: bytes | Path | np.ndarray,
                *, name: str = "the image") -> np.ndarray:
    """Features of an outside image in a stored set's space (raw, as stored rows are).

    Returns
    -------
    ndarray of shape (n_features,), float32
    """
    set_name = features if isinstance(features, str) else features.name
    rgb = query_image(image, name=name)
    with QUERY_PLAN.applied():  # one image, answered while the page is drawn: one thread
        return np.asarray(transform_images(ws, set_name, [rgb]), dtype=np.float32)[0]


class Searcher:
    """Neighbour search over one feature set: its stored index plus the works not in it yet.

    Built once per (feature set version, index) and never changed by a search,
    so one instance can serve many queries and threads (the app caches it).

    Parameters
    ----------
    features : FeatureMatrix
        The feature set (rows of the works in the collection).
    index : NeighbourIndex, optional
        The stored index; without one, searches are exact over ``features``.

    Attributes
    ----------
    centre : ndarray of shape (n_features,) or None
        The mean row taken off works and queries before the cosine: the
        index's own, or (without an index) the feature set's mean row, as
        the default :class:`~artexplore.search.index.IndexConfig` builds.
    """

    def __init__(self, features: FeatureMatrix, index: NeighbourIndex | None = None) -> None:
        from .index import IndexConfig

        self.features = features
        if index is not None and index.index.d != features.X.shape[1]:
            log.warning("neighbours: the index of %r has another dimension; searching exactly",
                        features.name)
            index = None
        self.index = index
        if index is not None:
            self.centre = index.centre
        else:
            self.centre = column_mean(features.X) if IndexConfig().centre else None
        ids = np.asarray(features.ids).astype(str)
        self._ids = ids
        self._row = {w: i for i, w in enumerate(ids.tolist())}
        if index is not None:
            self._valid = np.isin(index.ids.astype(str), ids)
            pending = np.flatnonzero(~np.isin(ids, index.ids.astype(str)))
        else:
            self._valid = np.zeros(0, dtype=bool)
            pending = np.arange(len(ids))
        self._pending = pending
        self._n_stale = int((~self._valid).sum())
        self._X_pending = self.to_space(features.X[pending]) if len(pending) else \
            np.zeros((0, features.X.shape[1]), dtype=np.float32)

    def to_space(self, X: np.ndarray) -> np.ndarray:
        """Raw feature rows in the search space: centred on :attr:`centre`, L2-normalised."""
        return normalise(X, centre=self.centre)

    @property
    def n_stale(self) -> int:
        """Indexed works no longer in the collection (filtered from results)."""
        return self._n_stale

    @property
    def n_pending(self) -> int:
        """Works of the feature set not yet in the index (searched exactly)."""
        return len(self._pending) if self.index is not None else 0

    def describe(self) -> str:
        """How queries are answered, for people."""
        if self.index is None:
            return f"exact search over {len(self._ids)} works (no stored index)"
        text = self.index.describe()
        if self.n_pending:
            text += f" · {self.n_pending} newer works searched exactly"
        if self.n_stale:
            text += f" · {self.n_stale} removed works filtered"
        return text

    def vector(self, work_id: str) -> np.ndarray:
        """The stored features of a work.

        Raises
        ------
        ArtExploreError
            If the work has no features in this set.
        """
        row = self._row.get(work_id)
        if row is None:
            raise ArtExploreError(
                f"Work {work_id} has no features in {self.features.name!r} (its file may be "
                "missing or unreadable, or it was added after the features were computed)")
        return np.asarray(self.features.X[row], dtype=np.float32)

    def search(self, query: np.ndarray, k: int = 10, *, exclude: Sequence[str] = (),
               weights: Mapping[str, float] | None = None,
               in_space: bool = False) -> list[Neighbour]:
        """The ``k`` works most similar to a raw feature vector, best first.

        Parameters
        ----------
        query : ndarray of shape (n_features,)
            Raw features (as stored, or from :func:`embed_image`).
        k : int
        exclude : sequence of str
            Work ids never returned (the query work itself).
        weights : dict of str to float, optional
            Block weights; other than all-1 they are searched exactly.
        in_space : bool, default=False
            The query is already in the search space (e.g. a mean of
            :meth:`to_space` rows): it is not centred again.

        Returns
        -------
        list of Neighbour
        """
        if k < 1:
            raise ConfigError(f"k must be >= 1, got {k}")
        query = np.asarray(query, dtype=np.float32).ravel()
        if query.shape[0] != self.features.X.shape[1]:
            raise ArtExploreError(f"query has {query.shape[0]} features, the set "
                                  f"{self.features.name!r} has {self.features.X.shape[1]}")
        excluded = set(exclude)
        full = block_weights(self.features.blocks, weights)  # validates the names and values
        query_centre = None if in_space else self.centre
        if not is_unweighted(full):
            Xw = reweight(self.features.X, self.features.blocks, full, centre=self.centre)
            qw = reweight(query[None], self.features.blocks, full, centre=query_centre)[0]
            return self._top(Xw @ qw, np.arange(len(self._ids)), k, excluded)
        q = normalise(query, centre=query_centre)[0]
        cand_sims = [self._X_pending @ q]
        cand_rows = [self._pending]
        if self.index is not None and len(self.index):
            fetch = k + len(excluded) + self.n_stale
            sims, rows = self.index.search(q[None], fetch)
            sims, rows = sims[0], rows[0]
            keep = rows >= 0
            sims, rows = sims[keep], rows[keep]
            keep = self._valid[rows]
            sims, rows = sims[keep], rows[keep]
            mapped = np.fromiter((self._row[w] for w in self.index.ids[rows].astype(str)),
                                 dtype=np.int64, count=len(rows))
            cand_sims.append(sims)
            cand_rows.append(mapped)
        return self._top(np.concatenate(cand_sims), np.concatenate(cand_rows), k, excluded)

    def _top(self, sims: np.ndarray, rows: np.ndarray, k: int, excluded: set[str]
             ) -> list[Neighbour]:
        order = np.argsort(-sims, kind="stable")
        out: list[Neighbour] = []
        for i in order:
            wid = self._ids[rows[i]]
            if wid in excluded:
                continue
            out.append(Neighbour(work_id=str(wid), work_path=self.features.work_paths[rows[i]],
                                 similarity=float(sims[i]), rank=len(out) + 1))
            if len(out) == k:
                break
        return out


def searcher(ws: Workspace, features: str | FeatureMatrix, *, build: bool = False) -> Searcher:
    """A :class:`Searcher` over a feature set and its stored index.

    Works not in the index yet are searched exactly beside it, so a query never
    needs the index to be current; building it is the ``index`` stage's job
    (:func:`artexplore.jobs.bring_up_to_date` runs it where a command needs it).

    Parameters
    ----------
    ws : Workspace
    features : str or FeatureMatrix
    build : bool, default=False
        Build (or update) the index here first when it is missing or behind the
        features; otherwise search what is stored (exactly if nothing is).
    """
    fm = load_features(ws, features) if isinstance(features, str) else features
    index = open_index(ws, fm.name)
    if build and (index is None or _behind(index, fm)):
        log.info("neighbours: updating the index of %r", fm.name)
        build_index(ws, fm.name)
        index = open_index(ws, fm.name)
    return Searcher(fm, index)


def _behind(index: NeighbourIndex, fm: FeatureMatrix) -> bool:
    return bool(len(fm.ids)) and not np.isin(np.asarray(fm.ids).astype(str),
                                             index.ids.astype(str)).all()


def neighbours(ws: Workspace, features: str | FeatureMatrix | Searcher, *,
               work_id: str | None = None, work_path: str | None = None,
               image: bytes | Path | np.ndarray | None = None, k: int = 10,
               weights: Mapping[str, float] | None = None) -> list[Neighbour]:
    """The works most similar to a work or to an outside image, best first.

    Parameters
    ----------
    ws : Workspace
    features : str, FeatureMatrix or Searcher
        The feature set (a name builds or updates its index when needed; a
        :class:`Searcher` is used as it is).
    work_id, work_path : str, optional
        A work of the collection; it is left out of its own list.
    image : bytes, pathlib.Path or ndarray, optional
        An outside image, embedded with the feature set's extractors.
    k : int, default=10
    weights : dict of str to float, optional
        Block weights (1 for blocks not named).

    Returns
    -------
    list of Neighbour
        At most ``k``, most similar first.

    Raises
    ------
    ArtExploreError
        Not exactly one query; unknown work; a work without features; an
        unreadable image (:class:`ImageLoadError`).
    """
    given = [name for name, v in (("work_id", work_id), ("work_path", work_path),
                                  ("image", image)) if v is not None]
    if len(given) != 1:
        raise ArtExploreError(
            f"Give exactly one query: work_id, work_path or image (got {given or 'none'})")
    s = features if isinstance(features, Searcher) else searcher(ws, features)
    if image is not None:
        name = str(image) if isinstance(image, Path) else "the image"
        query = embed_image(ws, s.features, image, name=name)
        return s.search(query, k, weights=weights)
    if work_path is not None:
        work_id = ws.work_by_path(work_path)["id"]
    return s.search(s.vector(work_id), k, exclude=(work_id,), weights=weights)


# -- why similar -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class WorkPatches:
    """The sampled DoG patches of one work.

    Attributes
    ----------
    dog : ndarray of shape (n_patches, size, size), uint8
    coords : ndarray of shape (n_patches, 2)
        (row, col) of each window's top-left corner at working resolution.
    scores : ndarray of shape (n_patches,)
        Mean gradient magnitude of each window.
    work_shape : (int, int) or None
        (height, width) of the working image the coordinates refer to.
    size : int
        Side of a window in working pixels.
    """

    dog: np.ndarray
    coords: np.ndarray
    scores: np.ndarray
    work_shape: tuple[int, int] | None = None
    size: int = 64


def work_patches(ws: Workspace,
                 work_ids: Sequence[str]) -> tuple[dict[str, WorkPatches], str | None]:
    """The stored DoG patches of some works.

    Returns
    -------
    patches : dict of str to WorkPatches
        For the works that have patches.
    note : str or None
        Why some or all works have none (None when every work has patches).
    """
    if not has_patches(ws):
        return {}, ("No DoG patches are stored in this workspace yet: compute them with "
                    "`artexplore patches --workspace WS` (or from the Patch inspector page).")
    stored = load_patches(ws, work_ids=work_ids)
    ids, arrays = stored.ids, stored.arrays
    if "dog" not in arrays:
        return {}, "The stored patches hold no DoG patches (array 'dog' is missing)."
    out = {}
    for i, wid in enumerate(ids.tolist()):
        n = len(arrays["dog"][i])
        shape = tuple(int(v) for v in arrays["work_shape"][i]) if "work_shape" in arrays \
            else None
        out[wid] = WorkPatches(
            dog=np.asarray(arrays["dog"][i], dtype=np.uint8),
            coords=np.asarray(arrays["coords"][i]) if "coords" in arrays else np.zeros((n, 2)),
            scores=np.asarray(arrays["scores"][i]) if "scores" in arrays else np.zeros(n),
            work_shape=shape, size=int(stored.config.patch_size))
    missing = [w for w in work_ids if w not in out]
    note = None
    if missing:
        paths = ", ".join(ws.paths_of(missing)) if all(len(m) for m in missing) else ""
        note = (f"No DoG patches are stored for {paths or 'this image'} yet: run "
                "`artexplore patches --workspace WS` to compute the missing ones.")
    return out, note


@dataclass
class Explanation:
    """Why two works (or an image and a work) are similar.

    Attributes
    ----------
    similarity : float
        The weighted cosine.
    blocks : list of BlockShare
        Each block's term and share of the similarity.
    patches : dict of str to WorkPatches
        The DoG patches of the works that have them.
    patch_note : str or None
        Why patches are missing, if they are.
    aspects : list of Aspect
        How close the two works are in each aspect (style, colour, local
        detail…) and each aspect's share of what made them close, largest first.
    """

    similarity: float
    blocks: list[BlockShare]
    patches: dict[str, WorkPatches] = field(default_factory=dict)
    patch_note: str | None = None
    aspects: list[Aspect] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable summary (without the patch pixels)."""
        return {"similarity": round(self.similarity, 6),
                "blocks": [{"block": b.block, "weight": b.weight, "cosine": round(b.cosine, 6),
                            "term": round(b.term, 6), "share": round(b.share, 6)}
                           for b in self.blocks],
                "patches": sorted(self.patches), "patch_note": self.patch_note,
                "aspects": [{"aspect": a.name, "source": a.source,
                             "similarity": round(a.similarity, 6),
                             "percentile": round(a.percentile, 4), "share": round(a.share, 4)}
                            for a in self.aspects]}


def explain(ws: Workspace, features: str | FeatureMatrix | Searcher, other_id: str, *,
            work_id: str | None = None, query: np.ndarray | None = None,
            weights: Mapping[str, float] | None = None,
            aspect_sets: Mapping[str, FeatureMatrix] | None = None) -> Explanation:
    """Why a work is a neighbour of the query: aspects, block shares and DoG patches.

    Parameters
    ----------
    ws : Workspace
    features : str, FeatureMatrix or Searcher
    other_id : str
        The neighbour.
    work_id : str, optional
        The query work.
    query : ndarray of shape (n_features,), optional
        The raw features of an outside image (instead of ``work_id``).
    weights : dict of str to float, optional
    aspect_sets : dict of str to FeatureMatrix, optional
        The stored aspect sets (:data:`~artexplore.search.aspects.ASPECT_SETS`) to
        compare the works in besides ``features``; loaded from the workspace
        when not given (pass them to reuse loaded matrices).

    Returns
    -------
    Explanation
    """
    if (work_id is None) == (query is None):
        raise ArtExploreError("Explain needs exactly one query: work_id or query features")
    s = features if isinstance(features, Searcher) else searcher(ws, features)
    fm = s.features
    x = np.asarray(query, dtype=np.float32) if query is not None else fm.X[fm.row(work_id)]
    y = fm.X[fm.row(other_id)]
    # The similarity the neighbour list shows: of directions from the collection's mean.
    centre = 0.0 if s.centre is None else s.centre
    similarity, shares = block_shares(x - centre, y - centre, fm.blocks, weights)
    ids = [other_id] if work_id is None else [work_id, other_id]
    patches, note = work_patches(ws, ids)
    if work_id is None and not note:
        note = "An uploaded image has no stored patches; only the neighbour's are shown."
    if aspect_sets is None:
        names = set(feature_set_names(ws))
        aspect_sets = {n: load_features(ws, n) for n in ASPECT_SETS if n in names}
    aspects = compare_aspects(aspect_spaces(fm, aspect_sets, work_id=work_id, other_id=other_id,
                                            query=None if query is None else x))
    return Explanation(similarity=similarity, blocks=shares, patches=patches, patch_note=note,
                       aspects=aspects)

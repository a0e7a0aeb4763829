"""Synthetic collections of any size, for benchmarks and scale tests.

:func:`synthetic_workspace` makes a real workspace of ``n`` works with the
metadata curators filter and colour by (title, artist, style, date, a free
``department`` field) and a stored feature set, in one of two ways:

- ``images=True``: small generated JPEGs (stripes in a palette of the work's style,
  plus noise) and a metadata CSV are written to a collection folder and go through
  the real :func:`~artexplore.ingest.folder.ingest` and
  :func:`~artexplore.features.embed` of the ``color`` extractor, as a user's would
  (about 1 ms a work on 2 cores: right for tens of thousands);
- ``images=False``: catalogue rows are inserted in batches (``executemany``, one
  transaction per batch) and the feature set ``synthetic`` is stored through the
  workspace's array store: clustered vectors
  (:func:`~artexplore.search.index.make_clustered_vectors`), one cluster per style,
  so that a clustering can be checked against the styles. A million works take
  seconds to a minute. Small generated thumbnails are written only when asked.

The workspace records how it was made (catalogue meta ``synthetic``): asking again
for the same collection in the same folder reuses it.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import json
import logging
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from .config import fingerprint
from .errors import ConfigError, WorkspaceError
from .imageio import encode_jpeg
from .ingest.folder import ID_LENGTH
from .progress import ProgressCallback, null_progress
from .store.catalog import now
from .store.workspace import CATALOG_NAME, Workspace

log = logging.getLogger(__name__)

META_KEY = "synthetic"
FEATURES = "synthetic"  # the stored feature set of collections made without images
DEPARTMENTS = ("Paintings", "Drawings", "Prints", "Photographs")

_BATCH = 50_000


@dataclass(frozen=True)
class SyntheticSpec:
    """What a synthetic collection is made of (recorded in the workspace).

    Parameters
    ----------
    n : int
        Number of works.
    images : bool
        Generated JPEGs through the real ingest and ``color`` features, or catalogue
        rows and stored clustered vectors.
    dim : int
        Dimensions of the stored vectors (``images=False``).
    n_styles : int
        Styles (and clusters of the vectors).
    thumbnails : bool
        Write a small generated thumbnail per work (``images=False``; the ingest
        always makes them).
    image_size : int
        Side of the generated images and thumbnails, in pixels.
    seed : int
    """

    n: int
    images: bool = False
    dim: int = 256
    n_styles: int = 30
    thumbnails: bool = False
    image_size: int = 64
    seed: int = 0

    def __post_init__(self) -> None:
        if self.n < 1:
            raise ConfigError(f"n must be >= 1, got {self.n}")
        if self.n_styles < 1:
            raise ConfigError(f"n_styles must be >= 1, got {self.n_styles}")
        if self.dim < 2:
            raise ConfigError(f"dim must be >= 2, got {self.dim}")
        if not 8 <= self.image_size <= 1024:
            raise ConfigError(f"image_size must be in [8, 1024], got {self.image_size}")


@dataclass
class SyntheticWorkspace:
    """A synthetic collection ready to use.

    Attributes
    ----------
    ws : Workspace
    spec : SyntheticSpec
    features : str
        The stored feature set (``color`` or ``synthetic``).
    seconds : dict of str to float
        Time of each step of this call (``ingest``, ``features``, ``thumbnails``,
        ``images``); empty when the workspace was reused.
    reused : bool
        Whether the workspace was already there.
    """

    ws: Workspace
    spec: SyntheticSpec
    features: str
    seconds: dict[str, float] = field(default_factory=dict)
    reused: bool = False


# -- content ------------------------------------------------------------------------------------
def style_palette(style: int, n_styles: int) -> np.ndarray:
    """Three RGB colours of a style, shape (3, 3), uint8: hues spread around the circle."""
    hue = (style / max(1, n_styles) + np.array([0.0, 0.08, 0.5])) % 1.0
    value = np.array([0.9, 0.6, 0.3])
    # HSV → RGB with saturation 0.8 (vectorised over the three colours).
    k = (np.array([5.0, 3.0, 1.0])[None, :] + hue[:, None] * 6) % 6
    rgb = value[:, None] * (1 - 0.8 * np.clip(np.minimum(k, 4 - k), 0, 1))
    return (rgb * 255).astype(np.uint8)


def synthetic_image(style: int, n_styles: int, rng: np.random.Generator, *,
                    size: int = 64) -> np.ndarray:
    """A small painting-like image of a style: stripes in its palette, plus noise.

    Works of one style share colours and stripe period (so colour features group
    them); the angle, phase and noise differ per work.

    Parameters
    ----------
    style : int
    n_styles : int
    rng : numpy.random.Generator
    size : int, default=64

    Returns
    -------
    ndarray of shape (size, size, 3), uint8
    """
    palette = style_palette(style, n_styles).astype(np.float32)
    period = 4 + (style % 7) * 2
    angle = rng.uniform(0, np.pi)
    yy, xx = _grid(size)
    t = (np.cos(angle) * xx + np.sin(angle) * yy + rng.uniform(0, period)) / period
    band = (np.floor(t).astype(np.int64) % 3)
    img = palette[band]
    img += rng.standard_normal((size, size, 3), dtype=np.float32) * np.float32(12)
    return np.clip(img, 0, 255).astype(np.uint8)


@functools.lru_cache(maxsize=4)
def _grid(size: int) -> np.ndarray:
    return np.mgrid[0:size, 0:size].astype(np.float32)


def synthetic_metadata(styles: np.ndarray, *, seed: int = 0) -> dict[str, list[Any]]:
    """Catalogue fields of synthetic works, one per entry of ``styles``.

    Work ``i`` has path ``NNNN/wNNNNNNN.jpg`` (a folder per 1,000 works, so path
    order is ``i`` order), a title, one of 12 artists of its style, a date whose
    year follows the style (styles succeed each other from 1400) and a free
    ``department`` field.

    Parameters
    ----------
    styles : ndarray of shape (n_works,), int
        The style of each work.
    seed : int

    Returns
    -------
    dict of str to list
        ``path``, ``title``, ``artist``, ``style``, ``date``, ``year``, ``department``.
    """
    rng = np.random.default_rng([seed, 1])
    n = len(styles)
    styles = np.asarray(styles, dtype=np.int64)
    artist_no = rng.integers(0, 12, n)
    years = 1400 + styles * 18 + rng.integers(0, 40, n)
    circa = rng.random(n) < 0.3
    dept = rng.integers(0, len(DEPARTMENTS), n)
    idx = range(n)
    return {
        "path": [f"{i // 1000:04d}/w{i:07d}.jpg" for i in idx],
        "title": [f"Study no. {i}" for i in idx],
        "artist": [f"Painter {s:02d}.{a:02d}" for s, a in zip(styles.tolist(),
                                                                artist_no.tolist(), strict=True)],
        "style": [f"Style {s:02d}" for s in styles.tolist()],
        "date": [f"c. {y}" if c else str(y) for y, c in zip(years.tolist(), circa.tolist(),
                                                             strict=True)],
        "year": years.tolist(),
        "department": [DEPARTMENTS[d] for d in dept.tolist()],
    }


# -- building -----------------------------------------------------------------------------------
def synthetic_workspace(root: Path | str, n: int, *, images: bool = False, dim: int = 256,
                        n_styles: int = 30, thumbnails: bool = False, image_size: int = 64,
                        seed: int = 0, images_dir: Path | str | None = None,
                        progress: ProgressCallback = null_progress) -> SyntheticWorkspace:
    """Make (or reuse) a synthetic collection of ``n`` works in the workspace ``root``.

    Parameters
    ----------
    root : pathlib.Path or str
        The workspace folder: missing or empty, or a synthetic workspace made with
        the same parameters (then reused as it is).
    n : int
        Number of works.
    images : bool, default=False
        Generate JPEGs and ingest them and compute ``color`` features for real
        (see the module docstring), or insert rows and store clustered vectors.
    dim : int, default=256
        Dimensions of the stored vectors (``images=False``).
    n_styles : int, default=30
    thumbnails : bool, default=False
        With ``images=False``, also write a generated thumbnail per work.
    image_size : int, default=64
    seed : int, default=0
    images_dir : pathlib.Path or str, optional
        Where the generated images go (``images=True``); by default the folder
        ``<root>-images`` beside the workspace (the ingest reads a folder outside it).
    progress : callable

    Returns
    -------
    SyntheticWorkspace

    Raises
    ------
    WorkspaceError
        If ``root`` holds something else (another workspace, other files).
    """
    spec = SyntheticSpec(n=int(n), images=bool(images), dim=int(dim), n_styles=int(n_styles),
                         thumbnails=bool(thumbnails), image_size=int(image_size), seed=int(seed))
    root = Path(root).expanduser()
    features = "color" if spec.images else FEATURES
    if (root / CATALOG_NAME).exists():
        ws = Workspace(root)
        recorded = ws.catalog.get_meta(META_KEY)
        if recorded and json.loads(recorded) == asdict(spec):
            log.info("synthetic workspace of %d works reused at %s", spec.n, root)
            return SyntheticWorkspace(ws, spec, features, reused=True)
        raise WorkspaceError(f"{root} holds another workspace; give an empty folder for a "
                             "synthetic collection")
    if root.exists() and any(root.iterdir()):
        raise WorkspaceError(f"{root} is not empty; give an empty folder for a synthetic "
                             "collection")
    ws = Workspace(root, create=True)
    seconds: dict[str, float] = {}
    if spec.images:
        folder = Path(images_dir) if images_dir else root.with_name(root.name + "-images")
        _build_from_images(ws, spec, folder, seconds, progress)
    else:
        _build_from_vectors(ws, spec, seconds, progress)
    ws.catalog.set_meta(META_KEY, json.dumps(asdict(spec)))
    return SyntheticWorkspace(ws, spec, features, seconds=seconds)


def _timed(seconds: dict[str, float], key: str, start: float) -> None:
    seconds[key] = seconds.get(key, 0.0) + time.perf_counter() - start


def _build_from_images(ws: Workspace, spec: SyntheticSpec, folder: Path,
                       seconds: dict[str, float], progress: ProgressCallback) -> None:
    from .features import embed
    from .ingest.folder import ingest

    rng = np.random.default_rng([spec.seed, 2])
    styles = rng.integers(0, spec.n_styles, spec.n)
    meta = synthetic_metadata(styles, seed=spec.seed)
    t = time.perf_counter()
    folder.mkdir(parents=True, exist_ok=True)
    for i, rel in enumerate(meta["path"]):
        if i % 5000 == 0:
            progress(i, spec.n, "generating images")
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        img = synthetic_image(int(styles[i]), spec.n_styles, rng, size=spec.image_size)
        Image.fromarray(img).save(target, format="JPEG", quality=85)
    csv_path = folder.with_name(folder.name + "-metadata.csv")
    with open(csv_path, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        columns = ("path", "title", "artist", "style", "date", "department")
        writer.writerow(columns)
        writer.writerows(zip(*(meta[c] for c in columns), strict=True))
    _timed(seconds, "images", t)
    t = time.perf_counter()
    ingest(ws, folder, metadata=csv_path, progress=progress)
    _timed(seconds, "ingest", t)
    t = time.perf_counter()
    embed(ws, "color", progress=progress)
    _timed(seconds, "features", t)


def _build_from_vectors(ws: Workspace, spec: SyntheticSpec, seconds: dict[str, float],
                        progress: ProgressCallback) -> None:
    from .features.compute import save_features
    from .search.index import make_clustered_vectors

    t = time.perf_counter()
    X, styles = make_clustered_vectors(spec.n, spec.dim, n_clusters=spec.n_styles,
                                       random_state=spec.seed, return_labels=True)
    vectors_s = time.perf_counter() - t
    meta = synthetic_metadata(styles, seed=spec.seed)
    ids = [hashlib.sha256(f"synthetic:{spec.seed}:{i}".encode()).hexdigest()
           for i in range(spec.n)]
    t = time.perf_counter()
    insert_works(ws, ids, meta, image_size=spec.image_size, progress=progress)
    _timed(seconds, "ingest", t)
    if spec.thumbnails:
        t = time.perf_counter()
        rng = np.random.default_rng([spec.seed, 3])
        made: set[Path] = set()
        for i, sha in enumerate(ids):
            if i % 10_000 == 0:
                progress(i, spec.n, "writing thumbnails")
            target = ws.thumbnail_path(sha[:ID_LENGTH])
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            img = synthetic_image(int(styles[i]), spec.n_styles, rng, size=spec.image_size)
            target.write_bytes(encode_jpeg(Image.fromarray(img), quality=80))
        _timed(seconds, "thumbnails", t)
    t = time.perf_counter()
    params = {"name": FEATURES, "dim": spec.dim, "n_clusters": spec.n_styles,
              "seed": spec.seed, "block": "global",
              "made_by": "artexplore.search.index.make_clustered_vectors"}
    save_features(ws, FEATURES, [sha[:ID_LENGTH] for sha in ids], X, params,
                  fingerprint=fingerprint(params))
    ws.arrays.compact("features", FEATURES)
    seconds["features"] = vectors_s + time.perf_counter() - t


def insert_works(ws: Workspace, shas: list[str], meta: dict[str, list[Any]], *,
                 image_size: int = 64, progress: ProgressCallback = null_progress) -> None:
    """Insert catalogue rows of works without reading images, in batches.

    Parameters
    ----------
    ws : Workspace
    shas : list of str
        A sha256 hex digest per work (its id is the first 16 digits, as at ingest).
    meta : dict of str to list
        As made by :func:`synthetic_metadata`; keys beyond the catalogue's columns
        go to the free metadata.
    image_size : int
        The recorded width and height.
    progress : callable
    """
    stamp = now()
    columns = ("title", "artist", "style", "date", "year")
    free = [k for k in meta if k not in (*columns, "path")]
    n = len(shas)
    with ws.catalog.connect() as conn:
        for start in range(0, n, _BATCH):
            progress(start, n, "inserting catalogue rows")
            stop = min(n, start + _BATCH)
            rows = [(shas[i][:ID_LENGTH], meta["path"][i], shas[i], 0, 0, image_size, image_size,
                     "JPEG", "RGB", *(meta[c][i] for c in columns),
                     json.dumps({k: meta[k][i] for k in free}), stamp, stamp)
                    for i in range(start, stop)]
            conn.executemany(
                "INSERT INTO works(id, path, sha256, size_bytes, mtime_ns, width, height, format, "
                "mode, title, artist, style, date, year, metadata, added_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
            conn.commit()
    progress(n, n, "catalogue rows inserted")


def store_source_rows(ws: Workspace, extractor: str, ids: list[str], X: np.ndarray, *,
                      options: dict[str, Any] | None = None,
                      parts: list[tuple[str, int]] | None = None) -> str:
    """Store vectors as the rows an extractor computes, under its own fingerprint.

    Fused sets that read the extractor (``default`` reads ``stats:effnet-lite2``)
    then use these rows as if the model had run: their fit and their placement of
    new works can be measured on collections of any size without images.

    Parameters
    ----------
    ws : Workspace
    extractor : str
        A registry name (``stats:effnet-lite2``, ``color``…); nothing is run.
    ids : list of str
        Work ids, one per row (rows of works already stored are replaced).
    X : ndarray of shape (n_works, n_features)
    options : dict, optional
        The extractor's options, as the fused set's component gives them.
    parts : list of (str, int), optional
        Part names and widths (summing to ``n_features``), as fused sets select
        them; one part ``global`` by default.

    Returns
    -------
    str
        The extractor's fingerprint.

    Raises
    ------
    ConfigError
        If the part widths do not add up to the number of columns.
    """
    from .features.base import create_extractor
    from .features.sets import KIND

    ex = create_extractor(extractor, **(options or {}))
    X = np.asarray(X, dtype=np.float32)
    parts = [(str(n), int(w)) for n, w in (parts or [("global", X.shape[1])])]
    if sum(w for _, w in parts) != X.shape[1]:
        raise ConfigError(f"parts of {extractor!r} add up to {sum(w for _, w in parts)} "
                          f"columns, the rows have {X.shape[1]}")
    fp = ex.fingerprint()
    if ws.arrays.current(KIND, ex.name) != fp:
        ws.arrays.register(KIND, ex.name, fp, {
            "name": ex.name, "options": dict(options or {}), "block": ex.block,
            "fingerprint": fp, "parts": [list(p) for p in parts], "dim": int(X.shape[1]),
            "made_by": "artexplore.synthetic.store_source_rows"})
    ws.arrays.append(KIND, ex.name, fp, ids, X=X)
    return fp

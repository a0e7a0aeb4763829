"""The map's files for the browser: binary coordinates, thumbnail atlases, hover texts.

A map of a million works cannot travel as JSON. For each stored 2-D map this module
writes, once, into ``<workspace>/atlas/<map version>/``:

- ``xy.bin``: the coordinates, float32, x and y interleaved, in the map's row order;
- ``cells.bin``: uint32, the atlas cell of each row. Cells follow a Z-order (Morton)
  curve over the map, so that works close on the map share atlas pages and a zoomed
  view needs few of them;
- ``page-NNNNN.jpg``: atlas pages of :data:`PAGE_CELLS` thumbnails of
  :data:`CELL_PX` pixels (the PixPlot model), each built the first time it is asked for;
- ``text-NNNNN.json``: the titles and artists of :data:`TEXT_ROWS` rows, for hover.

The directory name is the map's version token, so a changed map gets new files and the
browser may cache them for ever. Everything here is plain files and arrays; nothing is
unpickled.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image

from .errors import ArtExploreError
from .imageio import decode, encode_jpeg
from .reduce import MapResult, load_map, map_token
from .store import Workspace

CELL_PX = 64
PAGE_SIDE = 2048
PAGE_CELLS = (PAGE_SIDE // CELL_PX) ** 2  # 1,024 thumbnails a page
TEXT_ROWS = 1024
BACKGROUND = (246, 246, 246)
FILE_NAMES = ("xy.bin", "cells.bin")


@dataclass(frozen=True)
class Atlas:
    """The browser files of one map version.

    Attributes
    ----------
    folder : Path
        Where the files are.
    version : str
        The map's version token (changes when the map changes).
    n : int
        Works on the map.
    bounds : tuple of float
        ``(x_min, x_max, y_min, y_max)`` of the coordinates.
    """

    folder: Path
    version: str
    n: int
    bounds: tuple[float, float, float, float]

    @property
    def n_pages(self) -> int:
        """How many atlas pages the map's thumbnails fill."""
        return -(-self.n // PAGE_CELLS)

    def ids(self) -> np.ndarray:
        """The work ids in the map's row order (read once per folder and process)."""
        return _ids(str(self.folder))


@lru_cache(maxsize=4)
def _ids(folder: str) -> np.ndarray:
    return np.load(Path(folder) / "ids.npy", allow_pickle=False)


def z_order(xy: np.ndarray, bits: int = 16) -> np.ndarray:
    """Rank of each point along a Z-order (Morton) curve over its bounding box.

    Parameters
    ----------
    xy : ndarray of shape (n, 2)
    bits : int
        Quantisation of each axis.

    Returns
    -------
    ndarray of shape (n,), uint32
        ``rank[i]`` is the position of point ``i`` on the curve (a permutation of 0..n-1).
    """
    xy = np.asarray(xy, dtype=np.float64)
    if len(xy) == 0:
        return np.zeros(0, dtype=np.uint32)
    lo, hi = xy.min(axis=0), xy.max(axis=0)
    q = ((xy - lo) / np.maximum(hi - lo, 1e-12) * ((1 << bits) - 1)).astype(np.uint64)

    def spread(v: np.ndarray) -> np.ndarray:
        v = v & 0xFFFF
        v = (v | (v << 8)) & 0x00FF00FF
        v = (v | (v << 4)) & 0x0F0F0F0F
        v = (v | (v << 2)) & 0x33333333
        return (v | (v << 1)) & 0x55555555

    code = spread(q[:, 0]) | (spread(q[:, 1]) << np.uint64(1))
    order = np.argsort(code, kind="stable")
    rank = np.empty(len(xy), dtype=np.uint32)
    rank[order] = np.arange(len(xy), dtype=np.uint32)
    return rank


def atlas_folder(ws: Workspace, version: str) -> Path:
    """The folder of a map version's files (the token hashed into a safe name)."""
    return ws.root / "atlas" / hashlib.sha1(version.encode("utf-8")).hexdigest()[:20]


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def prepare_atlas(ws: Workspace, features: str, result: MapResult | None = None) -> Atlas:
    """Write (or find) the browser files of the current 2-D map of a feature set.

    Only the coordinates, cells and ids are written here (O(n), fast); atlas pages
    and texts are built when first asked for (:func:`atlas_page`, :func:`text_page`).
    The folder is keyed by the map's version and its works, in the row order of
    :func:`artexplore.reduce.load_map`; ``result`` is that map when the caller has
    loaded it already.

    Raises
    ------
    ArtExploreError
        If the feature set has no map.
    """
    version = map_token(ws, features, 2)
    if not version:
        raise ArtExploreError(f"No map of {features!r} yet: compute it first")
    if result is None:
        result = load_map(ws, features)
    ids = np.asarray(result.ids, dtype=str)
    digest = hashlib.sha1("\n".join(ids.tolist()).encode("utf-8")).hexdigest()
    folder = atlas_folder(ws, f"{features}|{version}|{digest}")
    meta = folder / "atlas.json"
    if meta.exists():
        return open_atlas(folder, version)
    xy = np.ascontiguousarray(result.embedding[:, :2], dtype=np.float32)
    folder.mkdir(parents=True, exist_ok=True)
    _write_atomic(folder / "xy.bin", xy.tobytes())
    _write_atomic(folder / "cells.bin", z_order(xy).tobytes())
    tmp = folder / f".ids.{os.getpid()}.npy"
    np.save(tmp, ids, allow_pickle=False)
    os.replace(tmp, folder / "ids.npy")
    bounds = ((float(xy[:, 0].min()), float(xy[:, 0].max()),
               float(xy[:, 1].min()), float(xy[:, 1].max())) if len(xy) else (0.0, 1.0, 0.0, 1.0))
    _write_atomic(meta, json.dumps({"n": len(xy), "bounds": bounds,
                                    "features": features}).encode("utf-8"))
    return Atlas(folder, version, len(xy), bounds)


def open_atlas(folder: Path, version: str = "") -> Atlas:
    """An atlas folder written by :func:`prepare_atlas`."""
    info = json.loads((folder / "atlas.json").read_text(encoding="utf-8"))
    return Atlas(folder, version, int(info["n"]), tuple(info["bounds"]))


def _cell_image(ws: Workspace, work_id: str) -> Image.Image | None:
    path = ws.thumbnail_path(work_id)
    if not path.exists():
        return None
    try:  # thumbnails come with the workspace: read like any image
        img, _ = decode(path, max_side=CELL_PX)
    except ArtExploreError:
        return None
    return img


def atlas_page(ws: Workspace, atlas: Atlas, page: int) -> Path:
    """The file of atlas page ``page``, built from the thumbnails if missing.

    Cell ``c`` of page ``p`` holds the work whose cell number is ``p * PAGE_CELLS + c``,
    at column ``c % 32`` and row ``c // 32``, centred on a light background.
    """
    if not 0 <= page < atlas.n_pages:
        raise ArtExploreError(f"No atlas page {page}: the map has {atlas.n_pages}")
    path = atlas.folder / f"page-{page:05d}.jpg"
    if path.exists():
        return path
    cells = np.frombuffer((atlas.folder / "cells.bin").read_bytes(), dtype=np.uint32)
    ids = atlas.ids()
    rows = np.flatnonzero((cells >= page * PAGE_CELLS) & (cells < (page + 1) * PAGE_CELLS))
    sheet = Image.new("RGB", (PAGE_SIDE, PAGE_SIDE), BACKGROUND)
    per = PAGE_SIDE // CELL_PX
    for row in rows.tolist():
        img = _cell_image(ws, str(ids[row]))
        if img is None:
            continue
        c = int(cells[row]) - page * PAGE_CELLS
        top = (c // per) * CELL_PX + (CELL_PX - img.height) // 2
        left = (c % per) * CELL_PX + (CELL_PX - img.width) // 2
        sheet.paste(img.convert("RGB"), (left, top))
    _write_atomic(path, encode_jpeg(sheet, quality=80))
    return path


def text_page(ws: Workspace, atlas: Atlas, page: int) -> Path:
    """The hover texts (``[title, artist]``) of rows ``page * TEXT_ROWS`` onwards."""
    n_pages = -(-atlas.n // TEXT_ROWS)
    if not 0 <= page < n_pages:
        raise ArtExploreError(f"No text page {page}: the map has {n_pages}")
    path = atlas.folder / f"text-{page:05d}.json"
    if path.exists():
        return path
    ids = atlas.ids()[page * TEXT_ROWS:(page + 1) * TEXT_ROWS].tolist()
    titles = ws.field_column("title", ids)
    artists = ws.field_column("artist", ids)
    paths = ws.paths_of(ids)
    rows = [[str(t) if t not in (None, "") else p.rsplit("/", 1)[-1],
             "" if a is None else str(a)] for t, a, p in zip(titles, artists, paths, strict=True)]
    _write_atomic(path, json.dumps(rows, ensure_ascii=False).encode("utf-8"))
    return path


def thumbnail_of_row(ws: Workspace, atlas: Atlas, row: int) -> Path | None:
    """The thumbnail file of the work at ``row`` of the map (None if it has none)."""
    if not 0 <= row < atlas.n:
        return None
    ids = atlas.ids()
    path = ws.thumbnail_path(str(ids[row]))
    return path if path.exists() else None

"""The patches stage: run the patch method over a collection and store the results.

Incremental and resumable: rows are appended to ``ws.arrays`` (kind ``"patches"``,
name ``"default"``) a batch at a time, each batch written atomically, and works
already stored under the same parameters' fingerprint are skipped. A killed run
loses at most the batch in progress; running it again finishes the rest. The
arrays stored per work are listed in :mod:`artexplore.local.patches`.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ArtExploreError, ImageLoadError
from ..features.distributed import merge_leftovers
from ..imageio import decode
from ..progress import ProgressCallback, null_progress
from ..store.workspace import Workspace
from .patches import PatchConfig, PatchResult, sample_patches, target_shape, work_rng, working_image

log = logging.getLogger(__name__)

KIND = "patches"
NAME = "default"
#: Arrays every stored row has (see :mod:`artexplore.local.patches` for shapes and meaning).
ARRAYS = ("coords", "scores", "dog", "color", "work_shape", "scale", "grid_shape",
          "window_scores", "threshold", "n_kept", "n_distinct", "physical", "flags")


@dataclass
class WorkingImage:
    """A work's image at working resolution and how it was obtained."""

    image: np.ndarray
    scale: float
    physical: bool
    flags: tuple[str, ...] = field(default_factory=tuple)


def current_config(ws: Workspace) -> PatchConfig | None:
    """The parameters of the current stored patches, or None before any run."""
    if ws.arrays.current(KIND, NAME) is None:
        return None
    return PatchConfig.from_dict(ws.arrays.params(KIND, NAME))


def load_working_image(ws: Workspace | None, work: dict[str, Any], config: PatchConfig, *,
                       path: Path | None = None) -> WorkingImage:
    """Decode a work at the working resolution of ``config``.

    JPEGs are decoded at reduced scale when the working image is smaller than
    the file (the target size comes from the full-resolution size, so the result
    does not depend on how the file was decoded).

    Parameters
    ----------
    ws : Workspace or None
    work : dict
        A work record (``ws.work(id)``).
    config : PatchConfig
    path : pathlib.Path, optional
        The image file (``ws.image_path(work)`` by default; a Ray node passes it).

    Returns
    -------
    WorkingImage

    Raises
    ------
    ImageLoadError
        If the file cannot be decoded.
    """
    dims = {"width_cm": work.get("width_cm"), "height_cm": work.get("height_cm")}
    shape, _, _ = target_shape(work["height"], work["width"], config, **dims)
    reduce_to = max(shape) if max(shape) < max(work["height"], work["width"]) else None
    img, info = decode(path if path is not None else ws.image_path(work), max_side=reduce_to)
    rgb = np.asarray(img, dtype=np.uint8)
    image, scale, physical, flags = working_image(
        rgb, config, original_shape=(info.height, info.width), **dims)
    return WorkingImage(image=image, scale=scale, physical=physical, flags=flags)


def patches_of_work(ws: Workspace | None, work: dict[str, Any], config: PatchConfig, *,
                    path: Path | None = None) -> PatchResult:
    """Run the patch method on one work of the workspace (what the stage stores).

    Raises
    ------
    ImageLoadError
        If the file cannot be decoded.
    """
    wi = load_working_image(ws, work, config, path=path)
    return sample_patches(wi.image, config, work_rng(work["id"], config.seed), scale=wi.scale,
                          physical=wi.physical, flags=wi.flags)


def _row(result: PatchResult, grid: int) -> dict[str, np.ndarray]:
    padded = np.full((grid, grid), np.nan, dtype=np.float32)
    gh, gw = result.grid_shape
    padded[:gh, :gw] = result.window_scores
    return {
        "coords": result.coords.astype(np.int32),
        "scores": result.scores.astype(np.float32),
        "dog": result.dog,
        "color": result.color,
        "work_shape": np.asarray(result.work_shape, dtype=np.int32),
        "scale": np.float32(result.scale),
        "grid_shape": np.asarray(result.grid_shape, dtype=np.int32),
        "window_scores": padded,
        "threshold": np.float32(result.threshold),
        "n_kept": np.int32(result.n_kept),
        "n_distinct": np.int32(result.n_distinct),
        "physical": np.bool_(result.physical),
        "flags": np.str_(",".join(result.flags)),
    }


def patch_row(work: dict[str, Any], config: PatchConfig, grid: int,
              path: Path) -> dict[str, np.ndarray] | str:
    """The stored row of one work (:data:`ARRAYS`), or ``"path: reason"`` if unreadable."""
    try:
        return _row(patches_of_work(None, work, config, path=path), grid)
    except ImageLoadError as exc:
        log.warning("cannot read %s for patches: %s", work["path"], exc)
        return f"{work['path']}: {exc}"


def compute_patches(ws: Workspace, config: PatchConfig | None = None, *, batch_size: int = 16,
                    workers: int = 2, progress: ProgressCallback = null_progress,
                    runner: Callable[..., dict[str, Any]] | None = None) -> dict[str, Any]:
    """Compute and store the patches of every work that does not have them yet.

    Parameters
    ----------
    ws : Workspace
    config : PatchConfig, optional
        The parameters (defaults of :class:`PatchConfig` when None). A new
        fingerprint is registered and becomes the current ``patches/default``.
    batch_size : int, default=16
        Works per stored part: at most this much is lost when the run is killed.
    workers : int, default=2
        Decoding threads (Pillow and OpenCV release the GIL).
    progress : callable
    runner : callable, optional
        Computes and stores the missing rows elsewhere
        (:class:`artexplore.features.distributed.RayPatchRunner`); here when None.

    Returns
    -------
    dict
        ``computed``, ``already``, ``failed``, ``works`` (stored in total),
        ``fingerprint``, ``flags`` (count of works per flag, e.g. ``no-dimensions``
        in physical-scale mode), ``failures`` (up to 20 ``path: reason``).
    """
    config = config or PatchConfig()
    if batch_size < 1:
        raise ArtExploreError(f"batch_size must be >= 1, got {batch_size}")
    fp = config.fingerprint()
    if ws.arrays.current(KIND, NAME) != fp:
        ws.arrays.register(KIND, NAME, fp, {**config.to_dict(), "fingerprint": fp,
                                           "max_grid": config.max_grid()})
    done = ws.arrays.done_ids(KIND, NAME, fp)
    # Rows an interrupted Ray job's actors computed but its driver did not merge.
    leftovers = merge_leftovers(ws, KIND, NAME, fp)
    recovered = len(leftovers["rows"] - done)
    works = [w for w in ws.works() if w["id"] not in done | leftovers["ids"]]
    total = len(works)
    grid = config.max_grid()
    computed, failures = 0, []
    progress(0, total, f"patches: {len(done)} already stored")
    extra: dict[str, Any] = {}
    if runner is not None and works:
        extra = runner(ws, works, config, fp, batch_size=batch_size, progress=progress)
        computed = extra.pop("computed")
        failures = [reason for _, reason in extra.pop("failures")]
        extra.pop("failed")
        works = []

    def one(work: dict[str, Any]) -> dict[str, np.ndarray] | str:
        return patch_row(work, config, grid, ws.image_path(work))

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        for start in range(0, len(works), batch_size):
            batch = works[start:start + batch_size]
            rows, ids = [], []
            for work, out in zip(batch, pool.map(one, batch), strict=True):
                if isinstance(out, str):
                    failures.append(out)
                else:
                    rows.append(out)
                    ids.append(work["id"])
            if rows:
                ws.arrays.append(KIND, NAME, fp, ids,
                                 **{k: np.stack([r[k] for r in rows]) for k in ARRAYS})
                computed += len(rows)
            progress(min(start + batch_size, total), total, "patches")
    if computed or recovered:
        ws.arrays.compact(KIND, NAME, fp)
    flags: Counter = Counter()
    stored = 0
    if computed or done or recovered:
        stored_flags = ws.arrays.load(KIND, NAME, fp)["flags"]
        stored = len(stored_flags)
        for text in stored_flags.tolist():
            flags.update(f for f in str(text).split(",") if f)
    return {"computed": computed, "already": len(done), "recovered": recovered,
            "failed": len(failures), "works": stored, "fingerprint": fp, "flags": dict(flags),
            "failures": failures[:20], **extra}


@dataclass
class PatchSet:
    """Stored patches of the collection's works, rows ordered by work path.

    Attributes
    ----------
    ids : ndarray of shape (n_works,)
    work_paths : list of str
    arrays : dict of str to ndarray
        The arrays of :data:`ARRAYS`, first axis aligned with ``ids``.
    config : PatchConfig
    fingerprint : str
    """

    ids: np.ndarray
    work_paths: list[str]
    arrays: dict[str, np.ndarray]
    config: PatchConfig
    fingerprint: str

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, key: str) -> np.ndarray:
        return self.arrays[key]

    def row(self, work_id: str) -> int | None:
        """Row of a work, or None when it has no stored patches."""
        hits = np.flatnonzero(self.ids == work_id)
        return int(hits[0]) if len(hits) else None


def has_patches(ws: Workspace) -> bool:
    """Whether the local-patch stage has stored patches in this workspace."""
    return ws.arrays.current(KIND, NAME) is not None


def load_patches(ws: Workspace, *, fingerprint: str | None = None,
                 status: Sequence[str] = ("ok",),
                 work_ids: Sequence[str] | None = None) -> PatchSet:
    """Load the stored patches aligned to the collection (ordered by work path).

    The one reader of the stored patches (the neighbours' explanation, the
    cluster summaries and the export all read through it).

    Parameters
    ----------
    ws : Workspace
    fingerprint : str, optional
        A specific parameter set; the current one by default.
    status : sequence of str, default=("ok",)
        Work statuses to include (when ``work_ids`` is None).
    work_ids : sequence of str, optional
        Only these works, in this order; works without stored patches are left out.

    Returns
    -------
    PatchSet

    Raises
    ------
    ArtExploreError
        If no patches were computed (the message says how).
    """
    if fingerprint is None and not has_patches(ws):
        raise ArtExploreError(
            f"No patches in {ws.root}; compute them with "
            "`artexplore patches --workspace WS`")
    stored = ws.arrays.load(KIND, NAME, fingerprint)
    if work_ids is None:
        works = ws.works(status=list(status))
        wanted = [w["id"] for w in works]
    else:
        wanted = [str(w) for w in work_ids]
        works = ws.works(status=None, ids=wanted)
    ids, arrays = stored.align(wanted)
    path_of = {w["id"]: w["path"] for w in works}
    return PatchSet(ids=np.asarray(ids, dtype=object),
                    work_paths=[path_of.get(i, "") for i in ids],
                    arrays=arrays, config=PatchConfig.from_dict(stored.params),
                    fingerprint=stored.fingerprint)


def export_patches(ws: Workspace) -> dict[str, np.ndarray]:
    """The arrays of ``artexplore export --patches`` (the CLI contract).

    Returns
    -------
    dict
        ``work_path`` (n,) str, ``coords`` (n, N, 2) int32 — (row, col) of each
        window's top-left corner in working-resolution pixels, ``work_shape`` (n, 2)
        int32 — (height, width) of the working image, ``dog`` (n, N, s, s) uint8.
    """
    ps = load_patches(ws)
    s = ps.config.patch_size
    n = ps.config.n
    if not len(ps):
        return {"work_path": np.asarray([], dtype=str),
                "coords": np.zeros((0, n, 2), dtype=np.int32),
                "work_shape": np.zeros((0, 2), dtype=np.int32),
                "dog": np.zeros((0, n, s, s), dtype=np.uint8)}
    return {"work_path": np.asarray(ps.work_paths, dtype=str),
            "coords": np.asarray(ps["coords"], dtype=np.int32),
            "work_shape": np.asarray(ps["work_shape"], dtype=np.int32),
            "dog": np.asarray(ps["dog"], dtype=np.uint8)}

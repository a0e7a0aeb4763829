"""Heavy per-work stages on a Ray cluster: ``embed`` and ``patches`` as Ray Data pipelines.

The driver (the job's process, on the machine that holds the workspace's
catalogue) splits the work list into blocks; ``map_batches`` runs the
extractor (or the patch method) in a pool of actors (one GPU each where the cluster has GPUs, one
CPU each otherwise), and every batch is written by its actor as a shard
(``npz``, no pickles) to ``WS/shards/<job id>/``, a folder every node must
reach. The driver merges shards into the workspace's array store as they
arrive (that is the job's progress) and deletes them; the catalogue
(``catalog.sqlite``) is only ever opened by the driver.

A driver that dies leaves its shards: the next run of the stage (the job
resumed, or the same command again, on Ray or not) merges them before
computing anything, so only works neither stored nor sharded are computed
again. A running driver holds a lock on its shard folder, which tells its
folder apart from a dead driver's without asking the job machinery.

The per-batch step (:func:`~artexplore.features.compute.embed_items`, and
:func:`~artexplore.local.stage.patch_row` per work) and the decoding
(:class:`~artexplore.features.loader.ImageFiles`) are those of the
single-machine path.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import math
import os
import shutil
import signal
import threading
import uuid
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ArtExploreError, ConfigError
from ..progress import ProgressCallback
from ..store.workspace import Workspace
from .base import Extractor, create_extractor
from .loader import ImageFiles, available_cores
from .sets import KIND

log = logging.getLogger(__name__)

SHARDS = "shards"
WAIT_FOR_ACTORS_S = 600
LOCK = "driver.lock"
CLIENT_ERROR = ("{address}: ray:// addresses need Ray Client (ray[client]), which is not "
                "installed; start the cluster with `ray start --head` and pass "
                "--address HOST:6379 (or auto on a cluster node)")


def check_address(address: str | None) -> str | None:
    """Validate a Ray address: None (a Ray instance on this machine), ``auto`` or ``HOST:PORT``.

    Raises
    ------
    ConfigError
        For ``ray://`` addresses (Ray Client is not installed) or an empty one.
    """
    if address is None:
        return None
    address = address.strip()
    if address.startswith("ray://"):
        raise ConfigError(CLIENT_ERROR.format(address=address))
    if not address:
        raise ConfigError("The Ray address is empty; pass HOST:PORT or auto")
    return address


@dataclass(frozen=True)
class RayOptions:
    """Where and how a job uses Ray.

    Attributes
    ----------
    address : str or None
        ``HOST:PORT`` of a cluster's head (``ray start --head``), ``auto`` on a
        cluster node, or None to start Ray on this machine.
    actors : int or None
        Size of the actor pool; by default one per GPU of the cluster, or one
        per node when it has none.
    num_gpus : float or None
        GPUs per actor; by default 1 when the cluster has GPUs, else 0.
    """

    address: str | None = None
    actors: int | None = None
    num_gpus: float | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "address", check_address(self.address))
        if self.actors is not None and int(self.actors) < 1:
            raise ConfigError(f"actors must be >= 1, got {self.actors}")
        if self.num_gpus is not None and float(self.num_gpus) < 0:
            raise ConfigError(f"num_gpus must be >= 0, got {self.num_gpus}")

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable fields."""
        return {"address": self.address, "actors": self.actors, "num_gpus": self.num_gpus}


def connect(address: str | None) -> None:
    """Join the Ray cluster at ``address`` (or start Ray here) unless already connected."""
    import ray

    if ray.is_initialized():
        return
    main = threading.current_thread() is threading.main_thread()
    handler = signal.getsignal(signal.SIGTERM) if main else None
    try:
        ray.init(address=check_address(address), include_dashboard=False, log_to_driver=False,
                 configure_logging=False)
    except ConnectionError as exc:
        raise ArtExploreError(f"Cannot reach the Ray cluster at {address}: {exc}") from exc
    finally:
        if main and handler is not None:
            # ray.init replaces the SIGTERM handler; a job's cancel must stay a cancel.
            signal.signal(signal.SIGTERM, handler)


def shard_folder(ws: Workspace | Path, job_id: str) -> Path:
    """Where the actors of a job write their shards (must be reachable from every node)."""
    root = ws.root if isinstance(ws, Workspace) else Path(ws)
    return root / SHARDS / job_id


# -- shards ---------------------------------------------------------------------------------------
_ROW = "row."  # prefix of the per-row arrays in a shard file


def write_shard(folder: Path, *, kind: str, name: str, fingerprint: str, ids: Sequence[str],
                arrays: Mapping[str, np.ndarray], failed: Sequence[tuple[str, str]],
                node: str) -> Path:
    """Write one batch's rows for ``ws.arrays`` (kind, name, fingerprint) atomically.

    Parameters
    ----------
    folder : pathlib.Path
    kind, name, fingerprint : str
        Where the driver appends the rows.
    ids : sequence of str
    arrays : mapping of str to ndarray
        First axes aligned with ``ids`` (no object arrays: read without pickle).
    failed : sequence of (str, str)
        Work ids that could not be read, with the reason.
    node : str
        The Ray node id that computed the batch.

    Returns
    -------
    pathlib.Path
        The shard file (written to a temporary name, then renamed).
    """
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / f"shard-{uuid.uuid4().hex}.npz"
    tmp = folder / (final.name + ".tmp")
    with open(tmp, "wb") as fh:
        np.savez(fh, ids=np.asarray(list(ids), dtype=str),
                 failed_ids=np.asarray([k for k, _ in failed], dtype=str),
                 failed_errors=np.asarray([e for _, e in failed], dtype=str),
                 kind=np.asarray(kind), name=np.asarray(name),
                 fingerprint=np.asarray(fingerprint), node=np.asarray(node),
                 **{_ROW + k: np.asarray(v) for k, v in arrays.items()})
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, final)
    return final


def read_shard(path: Path) -> dict[str, Any]:
    """A shard's contents: ``ids``, ``arrays``, ``failed``, ``kind``, ``name``,
    ``fingerprint``, ``node``."""
    with np.load(path, allow_pickle=False) as data:
        return {"ids": data["ids"].tolist(),
                "arrays": {k[len(_ROW):]: data[k] for k in data.files if k.startswith(_ROW)},
                "failed": list(zip(data["failed_ids"].tolist(),
                                   data["failed_errors"].tolist(), strict=True)),
                "kind": str(data["kind"]), "name": str(data["name"]),
                "fingerprint": str(data["fingerprint"]), "node": str(data["node"])}


def merge_shard(ws: Workspace, path: Path) -> dict[str, Any]:
    """Append a shard's rows to the array store, then delete it; returns the shard."""
    shard = read_shard(path)
    if shard["ids"]:
        ws.arrays.append(shard["kind"], shard["name"], shard["fingerprint"], shard["ids"],
                         **shard["arrays"])
    for key, error in shard["failed"]:
        log.warning("cannot read %s for %s: %s", key, shard["kind"], error)
    path.unlink(missing_ok=True)
    return shard


def merge_leftovers(ws: Workspace, kind: str, name: str, fingerprint: str) -> dict[str, Any]:
    """Merge the shards of one stored set left by drivers that are no longer running.

    A running driver holds a lock on its shard folder (:func:`driver_lock`); its
    folder is left alone.

    Returns
    -------
    dict
        ``ids`` (set of the works merged or recorded unreadable), ``rows`` (those
        merged), ``computed``, ``failed``, ``nodes`` (rows per node id).
    """
    out: dict[str, Any] = {"ids": set(), "rows": set(), "computed": 0, "failed": 0, "nodes": {}}
    root = ws.root / SHARDS
    if not root.is_dir():
        return out
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        if _driver_running(folder):
            continue  # a running job merges its own shards
        for path in sorted(folder.glob("shard-*.npz")):
            try:
                with np.load(path, allow_pickle=False) as data:
                    mine = (str(data["kind"]), str(data["name"]), str(data["fingerprint"])) \
                        == (kind, name, fingerprint)
            except (OSError, ValueError, KeyError) as exc:
                log.warning("skipping unreadable shard %s: %s", path, exc)
                continue
            if mine:
                _count(out, merge_shard(ws, path))
        _remove_if_empty(folder)
    return out


@contextlib.contextmanager
def driver_lock(folder: Path) -> Iterator[None]:
    """Hold the lock that marks a shard folder's driver as running (released if it dies)."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / LOCK, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
    (folder / LOCK).unlink(missing_ok=True)


def _driver_running(folder: Path) -> bool:
    try:
        with open(folder / LOCK) as fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            fcntl.flock(fh, fcntl.LOCK_UN)
    except FileNotFoundError:
        pass
    (folder / LOCK).unlink(missing_ok=True)  # left by a driver that died
    return False


def _count(stats: dict[str, Any], shard: dict[str, Any]) -> None:
    stats["rows"].update(shard["ids"])
    stats["ids"].update(shard["ids"])
    stats["ids"].update(k for k, _ in shard["failed"])
    stats["computed"] += len(shard["ids"])
    stats["failed"] += len(shard["failed"])
    stats["nodes"][shard["node"]] = stats["nodes"].get(shard["node"], 0) + len(shard["ids"])


def _remove_if_empty(folder: Path) -> None:
    for tmp in folder.glob("*.tmp"):  # an actor killed mid-write
        tmp.unlink(missing_ok=True)
    if folder.is_dir() and not any(folder.iterdir()):
        shutil.rmtree(folder, ignore_errors=True)


# -- the actors -----------------------------------------------------------------------------------
class EmbedActor:
    """A Ray Data actor: builds the extractor once, then embeds batches of image paths.

    Parameters
    ----------
    name : str
        The extractor's registry name.
    options : dict
        Its options (the device is chosen on the node: ``auto``).
    fingerprint : str
        The fingerprint the driver stores under; a node computing anything else
        (another version of the code or weights) fails loudly.
    folder : str
        The shard folder.
    """

    def __init__(self, name: str, options: dict[str, Any], fingerprint: str,
                 folder: str) -> None:
        import ray

        self.ex = create_extractor(name, **{**options, "device": "auto"})
        if self.ex.fingerprint() != fingerprint:
            raise ArtExploreError(
                f"{name} on this node has fingerprint {self.ex.fingerprint()}, the driver "
                f"{fingerprint}: install the same ArtExplore and weights on every node")
        self.fingerprint = fingerprint
        self.folder = Path(folder)
        self.node = ray.get_runtime_context().get_node_id()
        self.pool = ThreadPoolExecutor(max_workers=min(8, available_cores()))

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        from .compute import embed_items

        files = list(zip(batch["id"].tolist(), batch["path"].tolist(), strict=True))
        data = ImageFiles(files, self.ex.preparer(), self.ex.decode_options())
        # Decoding releases the GIL: threads keep a GPU actor fed without extra processes.
        items = list(self.pool.map(data.__getitem__, range(len(data))))
        ids, X, failed = embed_items(self.ex, items)
        path = write_shard(self.folder, kind=KIND, name=self.ex.name,
                           fingerprint=self.fingerprint, ids=ids, arrays={"X": X},
                           failed=[(i.key, i.error or "") for i in failed], node=self.node)
        return {"shard": np.asarray([str(path)]), "node": np.asarray([self.node]),
                "n": np.asarray([len(files)])}


# -- the runners ----------------------------------------------------------------------------------
def run_on_ray(ws: Workspace, job_id: str, options: RayOptions, *, actor: type,
               actor_kwargs: dict[str, Any], rows: list[dict[str, Any]], batch_size: int,
               what: str, progress: ProgressCallback) -> dict[str, Any]:
    """Run ``actor`` over ``rows`` in a Ray Data actor pool; merge its shards as they come.

    Parameters
    ----------
    ws : Workspace
    job_id : str
        Names the shard folder (``WS/shards/<job id>/``), passed to the actors as ``folder``.
    options : RayOptions
    actor : type
        A callable class taking ``folder`` and ``actor_kwargs``; each call gets a batch
        of ``rows`` (numpy columns), writes one shard and returns ``shard``, ``n``.
    actor_kwargs : dict
    rows : list of dict
        One per work, the same keys each (no None values).
    batch_size : int
    what : str
        For progress messages.
    progress : callable

    Returns
    -------
    dict
        ``computed``, ``failed``, ``failures`` (``(id, reason)``), ``nodes`` (rows per
        Ray node id), ``actors``, ``gpus_per_actor``, ``backend``.
    """
    import ray.data

    total = len(rows)
    stats: dict[str, Any] = {"ids": set(), "rows": set(), "computed": 0, "failed": 0,
                             "nodes": {}, "failures": []}
    progress(0, total, f"{what}: connecting to Ray")
    connect(options.address)
    plan = _plan(options, total, batch_size)
    where = f"{what} on Ray ({plan['actors']} actors, {plan['gpus_per_actor']:g} GPU each)"
    progress(0, total, where)
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    # Start once the whole pool is up (actors spread over the nodes by Ray Data's
    # default SPREAD strategy), so the first actor ready does not take every block.
    context.wait_for_min_actors_s = WAIT_FOR_ACTORS_S
    resources: dict[str, Any] = ({"num_gpus": plan["gpus_per_actor"]}
                                 if plan["gpus_per_actor"] else {"num_cpus": 1})
    folder = shard_folder(ws, job_id)
    # One block per batch, at most two batches queued per actor: work is shared by
    # readiness, and a shard is written (and merged) per batch.
    dataset = ray.data.from_items(rows, override_num_blocks=math.ceil(total / batch_size)
                                  ).map_batches(
        actor, fn_constructor_kwargs={**actor_kwargs, "folder": str(folder)},
        batch_size=batch_size, batch_format="numpy",
        compute=ray.data.ActorPoolStrategy(size=plan["actors"], max_tasks_in_flight_per_actor=2),
        **resources)
    finished = 0
    with driver_lock(folder):
        for row in dataset.iter_rows():
            shard = merge_shard(ws, Path(row["shard"]))
            _count(stats, shard)
            stats["failures"].extend(shard["failed"])
            finished += int(row["n"])
            progress(finished, total, where)
    _remove_if_empty(folder)
    return {"computed": stats["computed"], "failed": stats["failed"],
            "failures": stats["failures"], "nodes": stats["nodes"], "backend": "ray", **plan}


def _plan(options: RayOptions, n_rows: int, batch_size: int) -> dict[str, Any]:
    import ray

    gpus = float(ray.cluster_resources().get("GPU", 0))
    per_actor = options.num_gpus
    if per_actor is None:
        per_actor = 1.0 if gpus >= 1 else 0.0
    nodes = [n for n in ray.nodes() if n.get("Alive")]
    actors = options.actors or (int(gpus // per_actor) if per_actor else len(nodes))
    actors = max(1, min(actors, math.ceil(n_rows / batch_size)))
    return {"actors": actors, "gpus_per_actor": per_actor}


class RayRunner:
    """Computes an embed's missing rows on a Ray cluster (a runner of
    :func:`artexplore.features.embed`).

    Parameters
    ----------
    job_id : str
        The job whose driver this process is (names the shard folder).
    options : RayOptions
    """

    def __init__(self, job_id: str, options: RayOptions | None = None) -> None:
        self.job_id = job_id
        self.options = options or RayOptions()

    def __call__(self, ws: Workspace, ex: Extractor, fp: str, files: list[tuple[str, Any]], *,
                 batch_size: int, num_workers: int | None = None,
                 progress: ProgressCallback) -> dict[str, Any]:
        """Embed ``files`` on the cluster, merging each shard as it arrives.

        (Shards left by an earlier driver were merged by the caller before
        ``files`` was listed.)

        Returns
        -------
        dict
            ``computed``, ``failed``, ``nodes`` (rows per Ray node id), ``actors``,
            ``gpus_per_actor``, ``backend``.
        """
        if type(ex).bind is not Extractor.bind:
            raise ArtExploreError(f"{ex.name} uses a model learned on this workspace and does "
                                  "not run on Ray yet; use the local backend")
        out = run_on_ray(ws, self.job_id, self.options, actor=EmbedActor,
                         actor_kwargs={"name": ex.name, "options": dict(ex.options),
                                       "fingerprint": fp},
                         rows=[{"id": k, "path": str(p)} for k, p in files],
                         batch_size=batch_size, what=ex.name, progress=progress)
        out.pop("failures")
        return out


class PatchActor:
    """A Ray Data actor: the patch method on batches of works (one shard per batch).

    Parameters
    ----------
    config : dict
        The :class:`~artexplore.local.patches.PatchConfig` fields.
    fingerprint : str
    folder : str
        The shard folder.
    """

    def __init__(self, config: dict[str, Any], fingerprint: str, folder: str) -> None:
        import ray

        from ..local.patches import PatchConfig

        self.config = PatchConfig.from_dict(config)
        if self.config.fingerprint() != fingerprint:
            raise ArtExploreError("the patch parameters differ on this node: install the same "
                                  "ArtExplore on every node")
        self.fingerprint = fingerprint
        self.folder = Path(folder)
        self.node = ray.get_runtime_context().get_node_id()
        self.pool = ThreadPoolExecutor(max_workers=min(8, available_cores()))

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        from ..local.stage import ARRAYS, NAME, patch_row
        from ..local.stage import KIND as PATCH_KIND

        works = [{"id": str(batch["id"][i]), "path": str(batch["work_path"][i]),
                  "height": int(batch["height"][i]), "width": int(batch["width"][i]),
                  "width_cm": _optional(batch["width_cm"][i]),
                  "height_cm": _optional(batch["height_cm"][i])}
                 for i in range(len(batch["id"]))]
        paths = [Path(str(p)) for p in batch["path"]]
        grid = self.config.max_grid()
        outs = list(self.pool.map(lambda wp: patch_row(wp[0], self.config, grid, wp[1]),
                                  zip(works, paths, strict=True)))
        good = [(w["id"], o) for w, o in zip(works, outs, strict=True) if not isinstance(o, str)]
        failed = [(w["id"], o) for w, o in zip(works, outs, strict=True) if isinstance(o, str)]
        arrays = {k: np.stack([o[k] for _, o in good]) for k in ARRAYS} if good else {}
        path = write_shard(self.folder, kind=PATCH_KIND, name=NAME, fingerprint=self.fingerprint,
                           ids=[i for i, _ in good], arrays=arrays, failed=failed, node=self.node)
        return {"shard": np.asarray([str(path)]), "node": np.asarray([self.node]),
                "n": np.asarray([len(works)])}


def _optional(value: Any) -> float | None:
    return None if value is None or np.isnan(value) else float(value)


class RayPatchRunner:
    """Computes the patches of works on a Ray cluster (a runner of
    :func:`artexplore.local.compute_patches`).

    Parameters
    ----------
    job_id : str
    options : RayOptions
    """

    def __init__(self, job_id: str, options: RayOptions | None = None) -> None:
        self.job_id = job_id
        self.options = options or RayOptions()

    def __call__(self, ws: Workspace, works: list[dict[str, Any]], config: Any, fp: str, *,
                 batch_size: int, progress: ProgressCallback) -> dict[str, Any]:
        """Patches of ``works`` on the cluster; returns what :func:`run_on_ray` does."""
        def number(v: Any) -> float:
            return float("nan") if v is None else float(v)

        rows = [{"id": w["id"], "path": str(ws.image_path(w)), "work_path": w["path"],
                 "height": int(w["height"]), "width": int(w["width"]),
                 "width_cm": number(w.get("width_cm")), "height_cm": number(w.get("height_cm"))}
                for w in works]
        return run_on_ray(ws, self.job_id, self.options, actor=PatchActor,
                          actor_kwargs={"config": config.to_dict(), "fingerprint": fp},
                          rows=rows, batch_size=batch_size, what="patches", progress=progress)

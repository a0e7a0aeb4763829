"""Decoding images for the extractors in parallel: a torch DataLoader over image files.

Workers decode each file at reduced size (JPEG draft mode) and prepare it for
the model (resize, crop, uint8 tensor) while the main process runs the model
on the previous batch. A file that cannot be read is reported, never fatal.
"""

from __future__ import annotations

import contextlib
import logging
import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ConfigError, ImageLoadError
from ..imageio import decode

log = logging.getLogger(__name__)


def available_cores() -> int:
    """CPU cores this process may use."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, cores or 1)


BUSY_WINDOW_S = 0.25  # how long the machine's CPU time is watched to see what is busy now
_busy_seen: tuple[float, float] | None = None  # (monotonic time, busy cores) of the last look


def busy_cores_now(window: float = BUSY_WINDOW_S) -> float | None:
    """How many of the machine's cores all processes keep busy right now.

    Two reads of ``/proc/stat`` ``window`` seconds apart (the share of CPU time not
    idle, times the cores). Unlike the load average, which follows a minute behind, it
    sees a job that has just ended or just begun. Looked up at most every few seconds.

    Returns
    -------
    float or None
        Busy cores, or None where ``/proc/stat`` cannot be read (not Linux).
    """
    global _busy_seen
    now = time.monotonic()
    if _busy_seen is not None and now - _busy_seen[0] < 5.0:
        return _busy_seen[1]

    def read() -> tuple[int, int]:
        with open("/proc/stat", encoding="ascii") as f:
            values = [int(v) for v in f.readline().split()[1:9]]
        return sum(values), values[3] + values[4]  # all, idle + iowait

    try:
        total0, idle0 = read()
        time.sleep(window)
        total1, idle1 = read()
    except (OSError, ValueError, IndexError):
        return None
    if total1 <= total0:
        return None
    busy = (1 - (idle1 - idle0) / (total1 - total0)) * (os.cpu_count() or 1)
    _busy_seen = (time.monotonic(), busy)
    return busy


def free_cores() -> int:
    """Cores this process may use that other processes are not busy on right now.

    The usable cores (affinity) less the cores the machine keeps busy now
    (:func:`busy_cores_now`; the one-minute load average where that cannot be
    read) beyond the cores outside this process's affinity; at least 1.
    """
    cores = available_cores()
    busy = busy_cores_now()
    if busy is None:
        try:
            busy = os.getloadavg()[0]
        except (AttributeError, OSError):  # not on every platform
            return cores
    idle = (os.cpu_count() or cores) - busy
    return max(1, min(cores, int(idle + 0.5)))


def default_workers() -> int:
    """Loader processes used when not told (see :func:`thread_plan`)."""
    return max(1, min(4, free_cores() // 4))


@dataclass(frozen=True)
class ThreadPlan:
    """How many loader processes decode and how many threads run the model.

    Attributes
    ----------
    workers : int
        Loader worker processes (0: decode in this process).
    threads : int or None
        Intra-op threads of the model; None leaves torch's setting (on a GPU).
    free : int
        The free cores the plan was made for.
    """

    workers: int
    threads: int | None
    free: int

    def __str__(self) -> str:
        model = "" if self.threads is None else \
            f"{self.threads} model thread{'s' * (self.threads != 1)}, "
        return f"{model}{self.workers} loader worker{'s' * (self.workers != 1)}"

    @contextlib.contextmanager
    def applied(self) -> Iterator[None]:
        """Set torch's thread count for the block (restored after)."""
        if self.threads is None:
            yield
            return
        import torch

        before = torch.get_num_threads()
        torch.set_num_threads(self.threads)
        try:
            yield
        finally:
            torch.set_num_threads(before)


# One image embedded while a person waits (an uploaded query): one model thread. The
# process serving the page shares the machine with the browser drawing it; two OpenMP
# threads then spin against each other (on the 2-core demo machine an uploaded query took
# 1.7 s median with 2 threads, 0.8 s with 1: bench/browser.py).
QUERY_PLAN = ThreadPlan(workers=0, threads=1, free=1)


def thread_plan(device: Any, n_files: int, batch_size: int,
                num_workers: int | None = None) -> ThreadPlan:
    """Loader workers and model threads for an embed, from the cores actually free.

    On the CPU the model gets every free core and one loader worker decodes
    ahead (decoding at reduced size costs a fraction of the forward pass; a
    second worker per 4 free cores, at most 4), so a 2-core idle machine runs
    2 model threads and 1 worker. On a busy machine the free cores shrink and
    so does the plan: oversubscribed cores make OpenMP threads spin against
    each other (a 2-thread forward pass was 7× slower than a 1-thread one on a
    busy 2-core machine). On a GPU decoding is the bottleneck: up to 8 workers
    and torch's own thread setting.

    Parameters
    ----------
    device : str or torch.device
        Where the model runs.
    n_files : int
        Images to decode (no workers for less than one batch).
    batch_size : int
    num_workers : int, optional
        Loader workers to use instead of the chosen number.

    Raises
    ------
    ConfigError
        If ``batch_size < 1`` or ``num_workers < 0``.
    """
    free = free_cores()
    on_cpu = getattr(device, "type", str(device)).split(":")[0] == "cpu"
    if num_workers is None:
        num_workers = max(1, min(4, free // 4)) if on_cpu else max(1, min(8, free - 1))
    workers = loader_workers(n_files, batch_size, num_workers)
    threads = max(1, free - max(0, workers - 1)) if on_cpu else None
    return ThreadPlan(workers=workers, threads=threads, free=free)


@contextlib.contextmanager
def model_threads(device: Any, workers: int) -> Iterator[None]:
    """Run the block with the model threads :func:`thread_plan` gives ``workers`` loaders."""
    free = free_cores()
    on_cpu = getattr(device, "type", str(device)).split(":")[0] == "cpu"
    threads = max(1, free - max(0, workers - 1)) if on_cpu else None
    with ThreadPlan(workers, threads, free).applied():
        yield


def loader_workers(n_files: int, batch_size: int, num_workers: int | None) -> int:
    """Worker processes for a job: none when there is less than one batch to decode.

    Raises
    ------
    ConfigError
        If ``batch_size < 1`` or ``num_workers < 0``.
    """
    if batch_size < 1:
        raise ConfigError(f"batch_size must be >= 1, got {batch_size}")
    workers = default_workers() if num_workers is None else int(num_workers)
    if workers < 0:
        raise ConfigError(f"num_workers must be >= 0, got {num_workers}")
    return min(workers, max(0, n_files // batch_size))


@dataclass(frozen=True)
class Item:
    """One decoded and prepared image, or the reason it could not be read."""

    key: str
    value: Any = None
    error: str | None = None


class ImageFiles:
    """A map-style dataset: (key, path) pairs → :class:`Item` (picklable for workers).

    Parameters
    ----------
    files : sequence of (str, pathlib.Path)
        Keys (work ids) and image paths.
    prepare : callable
        Decoded RGB array → model input (an extractor's :meth:`preparer`).
    decode_options : dict
        Keyword arguments of :func:`artexplore.imageio.decode`.
    """

    def __init__(self, files: Sequence[tuple[str, Path]], prepare: Callable[[np.ndarray], Any],
                 decode_options: dict[str, Any]) -> None:
        self.files = list(files)
        self.prepare = prepare
        self.decode_options = dict(decode_options)

    def __len__(self) -> int:
        return len(self.files)

    def __getitem__(self, index: int) -> Item:
        key, path = self.files[index]
        try:
            img, _ = decode(Path(path), **self.decode_options)
            return Item(key, self.prepare(np.asarray(img, dtype=np.uint8)))
        except ImageLoadError as exc:
            return Item(key, error=str(exc))


def _collate(items: list[Item]) -> list[Item]:
    return items


def _init_worker(_: int) -> None:
    # Each worker decodes one image at a time; the cores belong to the model.
    # OpenCV's thread count is left alone: cv2.setNumThreads in a forked child
    # whose parent already ran OpenCV's thread pool waits forever for threads
    # that do not exist in the child (it hung the embed stage).
    import torch

    torch.set_num_threads(1)


def iter_prepared(files: Sequence[tuple[str, Path]], prepare: Callable[[np.ndarray], Any],
                  decode_options: dict[str, Any], *, batch_size: int = 32,
                  num_workers: int | None = None) -> Iterator[list[Item]]:
    """Batches of decoded, prepared images, in the order of ``files``.

    Parameters
    ----------
    files : sequence of (str, pathlib.Path)
    prepare : callable
    decode_options : dict
    batch_size : int, default=32
    num_workers : int, optional
        Decoding processes; :func:`default_workers` when None, 0 decodes in
        this process.

    Yields
    ------
    list of Item
    """
    from torch.utils.data import DataLoader

    workers = loader_workers(len(files), batch_size, num_workers)
    dataset = ImageFiles(files, prepare, decode_options)
    if not len(dataset):
        return
    loader = DataLoader(dataset, batch_size=batch_size, shuffle=False, num_workers=workers,
                        collate_fn=_collate, worker_init_fn=_init_worker if workers else None,
                        prefetch_factor=4 if workers else None,
                        persistent_workers=False)
    yield from loader

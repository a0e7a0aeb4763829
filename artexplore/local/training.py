"""Training the InfoVAE on a collection's patches, storing it, and the local embedding.

Training set
    For every work, the DoG patches of its *kept* windows (the top fraction by
    gradient score, under the workspace's current patch parameters), at most
    ``max_per_work`` of them (drawn ∝ score when there are more), pooled over the
    whole collection and shuffled every epoch.

Stored model
    ``<workspace>/models/infovae/<fingerprint>.pt`` (weights, :meth:`InfoVAE.save`)
    with ``<fingerprint>.json`` beside it (parameters, history, timings); the
    catalogue's meta key ``infovae.current`` names the current one. The fingerprint
    hashes the training parameters, the patch parameters and the trained works, so
    training again with nothing changed reuses the stored model.

Local embedding of a work
    The InfoVAE latent means ``μ`` of the patches of a work, aggregated into one
    vector by :func:`aggregate`. Default ``meanstd``: the mean and the standard
    deviation of ``μ`` over the work's kept windows (2 × 64 = 128-d). The choice was
    measured against the alternatives (see ``bench/local_embedding.py`` and
    ``docs/BENCHMARKS.md``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

from .. import runs
from ..config import fingerprint as _fingerprint
from ..errors import ArtExploreError, ImageLoadError, unknown_name
from ..progress import ProgressCallback, null_progress
from ..store.workspace import Workspace
from .patches import PatchConfig, kept_patches, work_rng
from .stage import current_config, load_working_image

log = logging.getLogger(__name__)

MODEL_DIR = ("models", "infovae")
CURRENT_KEY = "infovae.current"


# -- aggregation -------------------------------------------------------------------------------
def _mean(z: np.ndarray) -> np.ndarray:
    return z.mean(axis=0)


def _meanstd(z: np.ndarray) -> np.ndarray:
    return np.concatenate([z.mean(axis=0), z.std(axis=0)])


def _meanmax(z: np.ndarray) -> np.ndarray:
    return np.concatenate([z.mean(axis=0), z.max(axis=0)])


AGGREGATES: dict[str, tuple[Callable[[np.ndarray], np.ndarray], int]] = {
    "mean": (_mean, 1),
    "meanstd": (_meanstd, 2),
    "meanmax": (_meanmax, 2),
}


def aggregate(latents: np.ndarray, how: str = "meanstd") -> np.ndarray:
    """One vector from the latents of a work's patches.

    Parameters
    ----------
    latents : ndarray of shape (n_patches, latent_dim)
        At least one row.
    how : {"mean", "meanstd", "meanmax"}, default="meanstd"
        ``mean``: the mean (latent_dim); ``meanstd``: mean and standard deviation
        (2 · latent_dim); ``meanmax``: mean and coordinate-wise maximum.

    Returns
    -------
    ndarray of shape (aggregate_dim(how, latent_dim),), float32
    """
    if how not in AGGREGATES:
        raise unknown_name("aggregate", how, AGGREGATES)
    z = np.asarray(latents, dtype=np.float64)
    if z.ndim != 2 or len(z) == 0:
        raise ArtExploreError(f"expected latents of shape (n >= 1, d), got {z.shape}")
    return AGGREGATES[how][0](z).astype(np.float32)


def aggregate_dim(how: str, latent_dim: int) -> int:
    """Length of :func:`aggregate`'s output."""
    if how not in AGGREGATES:
        raise unknown_name("aggregate", how, AGGREGATES)
    return AGGREGATES[how][1] * latent_dim


def content_rng(image: np.ndarray, seed: int) -> np.random.Generator:
    """A generator seeded from an image's pixels and a seed (for images without a work id)."""
    digest = hashlib.sha256(np.ascontiguousarray(image).data).digest()
    return np.random.default_rng(np.random.SeedSequence(
        [int(seed), int.from_bytes(digest[:16], "little")]))


# -- training set ------------------------------------------------------------------------------
def training_patches(ws: Workspace, config: PatchConfig, *, max_per_work: int = 32,
                     workers: int = 2, progress: ProgressCallback = null_progress,
                     ) -> tuple[np.ndarray, list[str]]:
    """DoG patches of the kept windows of every work.

    Parameters
    ----------
    ws : Workspace
    config : PatchConfig
    max_per_work : int, default=32
        Cap per work (drawn ∝ score, seeded by work id and ``config.seed``).
    workers : int, default=2
        Decoding threads.
    progress : callable

    Returns
    -------
    patches : ndarray of shape (n_patches, s, s), uint8
    work_ids : list of str
        The works that gave patches (unreadable files are skipped and logged).
    """
    works = ws.works()
    total = len(works)
    out: list[np.ndarray] = []
    used: list[str] = []

    def one(work: dict[str, Any]) -> np.ndarray | None:
        try:
            wi = load_working_image(ws, work, config)
        except ImageLoadError as exc:
            log.warning("cannot read %s for training: %s", work["path"], exc)
            return None
        dog, _ = kept_patches(wi.image, config, limit=max_per_work,
                              rng=work_rng(work["id"], config.seed))
        return dog

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        for i, (work, dog) in enumerate(zip(works, pool.map(one, works), strict=True)):
            if dog is not None and len(dog):
                out.append(dog)
                used.append(work["id"])
            if i % 8 == 7 or i == total - 1:
                progress(i + 1, total, "collecting patches")
    s = config.patch_size
    patches = np.concatenate(out) if out else np.zeros((0, s, s), dtype=np.uint8)
    return patches, used


# -- stored models -----------------------------------------------------------------------------
def model_path(ws: Workspace, fp: str) -> Path:
    """Where the model of a fingerprint is stored."""
    return ws.path(*MODEL_DIR, f"{fp}.pt")


def current_model_fingerprint(ws: Workspace) -> str | None:
    """The fingerprint of the current trained model, or None."""
    fp = ws.catalog.get_meta(CURRENT_KEY)
    return fp if fp and model_path(ws, fp).is_file() else None


def model_info(ws: Workspace, fp: str | None = None) -> dict[str, Any] | None:
    """What is recorded about a stored model (the current one by default), without torch."""
    fp = fp or current_model_fingerprint(ws)
    if fp is None:
        return None
    meta = model_path(ws, fp).with_suffix(".json")
    return json.loads(meta.read_text()) if meta.is_file() else {"fingerprint": fp}


def load_model(ws: Workspace, fp: str | None = None, *, device: str = "auto",
               n_threads: int | None = None):
    """Load a stored InfoVAE (the current one by default).

    Returns
    -------
    model : InfoVAE
    info : dict
        The model's record (``fingerprint``, ``patch_config``, ``history``…).

    Raises
    ------
    ArtExploreError
        If no model was trained in this workspace (the message says how).
    """
    from .infovae import InfoVAE

    fp = fp or current_model_fingerprint(ws)
    if fp is None or not model_path(ws, fp).is_file():
        which = f"model {fp!r}" if fp else "InfoVAE model"
        raise ArtExploreError(
            f"No trained {which} in {ws.root}; run `artexplore train-local --workspace "
            f"{ws.root}` first")
    model = InfoVAE.load(model_path(ws, fp), device=device, n_threads=n_threads)
    return model, model_info(ws, fp) or {"fingerprint": fp}


def train_local(ws: Workspace, *, epochs: int = 5, seed: int = 0, max_per_work: int = 32,
                batch_size: int = 64, lr: float = 1e-3, weight_decay: float = 1e-4,
                latent_dim: int = 64, alpha: float = 0.0, lambda_mmd: float = 1000.0,
                kernel: str = "imq", channels: Sequence[int] = (32, 64, 128, 256),
                device: str = "auto", n_threads: int | None = None,
                patch_config: PatchConfig | None = None, force: bool = False, workers: int = 2,
                progress: ProgressCallback = null_progress) -> dict[str, Any]:
    """Train the InfoVAE on the collection's kept DoG patches and make it current.

    Parameters
    ----------
    ws : Workspace
    epochs, seed, batch_size, lr, weight_decay, latent_dim, alpha, lambda_mmd, kernel, channels
        See :class:`~artexplore.local.infovae.InfoVAE` (``seed`` is its random_state).
    device, n_threads
        Where it trains (not part of the model's fingerprint).
    max_per_work : int, default=32
        Training patches per work at most.
    patch_config : PatchConfig, optional
        Patch parameters; the workspace's current ones (or the defaults) when None.
    force : bool, default=False
        Train even if a model with the same fingerprint is stored.
    workers : int, default=2
    progress : callable

    Returns
    -------
    dict
        ``model`` (fingerprint), ``patches``, ``works``, ``epochs``, ``loss`` (first and
        last epoch), ``device``, ``seconds``, ``reused``.
    """
    from .infovae import InfoVAE

    config = patch_config or current_config(ws) or PatchConfig()
    estimator = InfoVAE(latent_dim=latent_dim, channels=tuple(channels), alpha=alpha,
                        lambda_mmd=lambda_mmd, kernel=kernel, epochs=epochs, batch_size=batch_size,
                        lr=lr, weight_decay=weight_decay, input_size=64, device=device,
                        n_threads=n_threads, random_state=seed)
    estimator._check_params()
    works = sorted(ws.work_ids())
    if not works:
        raise ArtExploreError(f"The collection in {ws.root} is empty: ingest images first")
    train_params = {k: v for k, v in estimator.get_params().items()
                    if k not in ("device", "n_threads")}
    train_params["channels"] = list(train_params["channels"])
    # Fingerprinted under the parameter's first name, so stored models stay current.
    train_params["lambda_"] = train_params.pop("lambda_mmd")
    fp = _fingerprint({"infovae": train_params, "patches": config.fingerprint(),
                       "max_per_work": max_per_work,
                       "works": hashlib.sha256("\n".join(works).encode()).hexdigest()})
    if not force and model_path(ws, fp).is_file():
        ws.catalog.set_meta(CURRENT_KEY, fp)
        info = model_info(ws, fp) or {}
        return {"model": fp, "reused": True, "patches": info.get("patches"),
                "works": info.get("works"), "epochs": epochs, "device": info.get("device"),
                "seconds": 0.0}
    start = time.monotonic()

    def collecting(done: int, total: int | None = None, message: str = "") -> None:
        progress(done, total, message)

    X, used = training_patches(ws, config, max_per_work=max_per_work, workers=workers,
                               progress=collecting)
    if len(X) < 2:
        raise ArtExploreError(f"Only {len(X)} training patch(es) could be made from {ws.root}")
    estimator.fit(X, progress=progress)
    estimator.save(model_path(ws, fp))
    info = {
        "fingerprint": fp, "params": train_params, "patch_config": config.to_dict(),
        "patch_fingerprint": config.fingerprint(), "max_per_work": max_per_work,
        "patches": int(len(X)), "works": len(used), "device": str(estimator.device_),
        "history": estimator.history_, "fit_seconds": round(estimator.fit_seconds_, 2),
        "seconds": round(time.monotonic() - start, 2),
    }
    model_path(ws, fp).with_suffix(".json").write_text(json.dumps(info, indent=1))
    ws.catalog.set_meta(CURRENT_KEY, fp)
    runs.register(ws, "local-model", "infovae", params=train_params, key=fp,
                  inputs={"arrays:patches/default": str(ws.arrays.current("patches", "default"))},
                  result={k: v for k, v in info.items() if k != "history"})
    hist = estimator.history_
    return {"model": fp, "reused": False, "patches": int(len(X)), "works": len(used),
            "epochs": epochs, "loss_first": round(hist[0]["loss"], 2),
            "loss_last": round(hist[-1]["loss"], 2), "device": str(estimator.device_),
            "seconds": info["seconds"]}


# -- local embedding ---------------------------------------------------------------------------
def image_latents(model: Any, image: np.ndarray, config: PatchConfig, *, max_patches: int = 64,
                  rng: np.random.Generator | None = None) -> np.ndarray:
    """Latent means of the kept windows of one working image.

    Parameters
    ----------
    model : InfoVAE
    image : ndarray of shape (height, width, 3), uint8
        At working resolution.
    config : PatchConfig
    max_patches : int, default=64
        Cap (drawn ∝ score from ``rng``, seeded from the pixels when None).
    rng : numpy.random.Generator, optional

    Returns
    -------
    ndarray of shape (n_kept, latent_dim), float32
    """
    rng = rng if rng is not None else content_rng(image, config.seed)
    dog, _ = kept_patches(image, config, limit=max_patches, rng=rng)
    return model.transform(dog)


def local_embedding(model: Any, images: Sequence[np.ndarray], config: PatchConfig, *,
                    how: str = "meanstd", max_patches: int = 64) -> np.ndarray:
    """Local embedding of images (pixel mode): aggregated latents of their kept windows.

    Parameters
    ----------
    model : InfoVAE
    images : sequence of ndarray of shape (height, width, 3), uint8
        Any resolution; each is brought to the working resolution of ``config``
        (pixel mode: an image alone has no physical size).
    config : PatchConfig
    how : str, default="meanstd"
        See :func:`aggregate`.
    max_patches : int, default=64

    Returns
    -------
    ndarray of shape (n_images, aggregate_dim(how, latent_dim)), float32
    """
    from dataclasses import replace

    from .patches import working_image

    pixel = replace(config, cm_per_patch=None)
    out = np.zeros((len(images), aggregate_dim(how, int(model.latent_dim))), dtype=np.float32)
    for i, rgb in enumerate(images):
        image, *_ = working_image(np.asarray(rgb, dtype=np.uint8), pixel)
        out[i] = aggregate(image_latents(model, image, pixel, max_patches=max_patches), how)
    return out

"""SimCLR fine-tuning of a backbone on the collection itself (the seed's self-supervised step).

Two random views of each painting are pulled together and pushed away from
the other paintings of the batch (NT-Xent loss, Chen et al. 2020) through a
projection head; the backbone learns what distinguishes the paintings of this
collection. The augmentations preserve style: random resized crops of the
painting, horizontal flips and a slight blur, but no strong colour jitter and
no greyscale, because colour *is* style.

The result is a checkpoint of the backbone (safetensors) usable as ``--weights``::

    artexplore finetune --workspace WS --extractor timm:vit_small_patch16_224 \\
        --weights vit_s.safetensors --epochs 20
    artexplore embed --workspace WS --extractor timm:vit_small_patch16_224 \\
        --weights WS/models/simclr-vit_small_patch16_224-e20-s0.safetensors

Meant for a GPU; on a CPU it runs, slowly.
"""

from __future__ import annotations

import json
import logging
import math
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageFilter

from ..errors import ConfigError, ImageLoadError
from ..imageio import decode
from ..nn import (
    EFFNET_NAMES,
    autocast,
    load_backbone,
    resolve_device,
    resolve_precision,
    save_backbone,
    timm_model_name,
)
from ..progress import ProgressCallback, null_progress

log = logging.getLogger(__name__)


# -- augmentations (pure functions of an image and a generator) -----------------------------------
def random_resized_crop(image: np.ndarray, rng: np.random.Generator, size: int, *,
                        scale: tuple[float, float] = (0.3, 1.0),
                        ratio: tuple[float, float] = (3 / 4, 4 / 3)) -> np.ndarray:
    """A random crop of ``scale`` of the area and aspect in ``ratio``, resized to ``size``².

    Parameters
    ----------
    image : ndarray of shape (height, width, 3), uint8
    rng : numpy.random.Generator
    size : int
    scale, ratio : tuple of float

    Returns
    -------
    ndarray of shape (size, size, 3), uint8
    """
    h, w = image.shape[:2]
    area = h * w
    for _ in range(10):
        target = area * rng.uniform(*scale)
        aspect = math.exp(rng.uniform(math.log(ratio[0]), math.log(ratio[1])))
        cw = int(round(math.sqrt(target * aspect)))
        ch = int(round(math.sqrt(target / aspect)))
        if 0 < cw <= w and 0 < ch <= h:
            top = int(rng.integers(0, h - ch + 1))
            left = int(rng.integers(0, w - cw + 1))
            break
    else:  # fall back to the central square-ish crop
        ch, cw = h, w
        top = left = 0
    crop = Image.fromarray(np.ascontiguousarray(image[top:top + ch, left:left + cw]))
    return np.asarray(crop.resize((size, size), Image.Resampling.BICUBIC))


def slight_blur(image: np.ndarray, rng: np.random.Generator, *, p: float = 0.3,
                sigma: tuple[float, float] = (0.1, 1.0)) -> np.ndarray:
    """Gaussian blur with probability ``p`` and a small radius (keeps brushwork recognisable)."""
    if rng.random() >= p:
        return image
    radius = float(rng.uniform(*sigma))
    return np.asarray(Image.fromarray(image).filter(ImageFilter.GaussianBlur(radius)))


def augment(image: np.ndarray, rng: np.random.Generator, size: int, *,
            scale: tuple[float, float] = (0.3, 1.0), blur_p: float = 0.3) -> np.ndarray:
    """One style-preserving view: random resized crop, horizontal flip (p = 0.5), slight blur."""
    view = random_resized_crop(image, rng, size, scale=scale)
    if rng.random() < 0.5:
        view = view[:, ::-1]
    return slight_blur(np.ascontiguousarray(view), rng, p=blur_p)


# -- the loss -------------------------------------------------------------------------------------
def nt_xent(z1: Any, z2: Any, temperature: float = 0.2) -> Any:
    """Normalised-temperature cross-entropy of two batches of paired embeddings.

    Parameters
    ----------
    z1, z2 : torch.Tensor of shape (batch, dim)
        Embeddings of the two views; row i of ``z1`` and of ``z2`` come from the same image.
    temperature : float, default=0.2

    Returns
    -------
    torch.Tensor
        The mean loss over the 2·batch anchors (a scalar).
    """
    import torch
    import torch.nn.functional as F

    n = z1.shape[0]
    z = F.normalize(torch.cat([z1, z2]).float(), dim=1)
    sim = z @ z.T / temperature
    sim.fill_diagonal_(float("-inf"))
    target = torch.cat([torch.arange(n, 2 * n), torch.arange(0, n)]).to(z.device)
    return F.cross_entropy(sim, target)


# -- data -----------------------------------------------------------------------------------------
class _Views:
    """Dataset of two augmented views per image (picklable for loader workers)."""

    def __init__(self, images: Sequence[Any], size: int, seed: int, scale: tuple[float, float],
                 blur_p: float) -> None:
        self.images = list(images)
        self.size = size
        self.seed = seed
        self.scale = scale
        self.blur_p = blur_p
        self.epoch = 0

    def __len__(self) -> int:
        return len(self.images)

    def _image(self, index: int) -> np.ndarray | None:
        item = self.images[index]
        if isinstance(item, np.ndarray):
            return item
        try:
            img, _ = decode(Path(item), short_side=2 * self.size, draft_only=False)
            return np.asarray(img, dtype=np.uint8)
        except ImageLoadError as exc:
            log.warning("simclr: skipping %s: %s", item, exc)
            return None

    def __getitem__(self, index: int) -> Any:
        import torch

        image = self._image(index)
        if image is None:
            return None
        rng = np.random.default_rng([self.seed, self.epoch, index])
        views = [augment(image, rng, self.size, scale=self.scale, blur_p=self.blur_p)
                 for _ in range(2)]
        return tuple(torch.from_numpy(np.ascontiguousarray(v.transpose(2, 0, 1))) for v in views)


def _collate(batch: list[Any]) -> Any:
    import torch

    batch = [b for b in batch if b is not None]
    if len(batch) < 2:
        return None
    return torch.stack([b[0] for b in batch]), torch.stack([b[1] for b in batch])


# -- the estimator --------------------------------------------------------------------------------
@dataclass
class SimCLRHistory:
    """Losses recorded while fitting: per step and per epoch (means)."""

    steps: list[float]
    epochs: list[float]


class SimCLR:
    """Fine-tune a backbone with SimCLR (estimator: ``fit`` then ``save``).

    Parameters
    ----------
    backbone : str, default="effnet-lite0"
        ``effnet-lite0/1/2`` or a timm model name (``timm:`` prefix allowed).
    weights : str, optional
        Starting weights (see :func:`~artexplore.nn.load_backbone`).
    epochs : int, default=10
    batch_size : int, default=64
        At least 2 (the other images of a batch are the negatives).
    lr : float, default=3e-4
        AdamW learning rate of the projection head; the backbone uses ``lr * backbone_lr_scale``.
    backbone_lr_scale : float, default=0.1
    weight_decay : float, default=0.05
    temperature : float, default=0.2
    image_size : int, optional
        Size of the views; the model's input size by default.
    projection_dim, hidden_dim : int, default=128, 512
        The projection head (discarded after training).
    crop_scale : tuple of float, default=(0.3, 1.0)
        Area fraction of the random crops.
    blur_p : float, default=0.3
    device : str, default="auto"
    num_workers : int, default=0
        Loader processes decoding and augmenting images.
    random_state : int, default=0

    Attributes
    ----------
    model_ : torch.nn.Module
        The fine-tuned backbone.
    history_ : SimCLRHistory
    """

    def __init__(self, backbone: str = "effnet-lite0", *, weights: str | None = None,
                 epochs: int = 10, batch_size: int = 64, lr: float = 3e-4,
                 backbone_lr_scale: float = 0.1, weight_decay: float = 0.05,
                 temperature: float = 0.2, image_size: int | None = None,
                 projection_dim: int = 128, hidden_dim: int = 512,
                 crop_scale: tuple[float, float] = (0.3, 1.0), blur_p: float = 0.3,
                 device: str = "auto", num_workers: int = 0, random_state: int = 0) -> None:
        self.backbone = backbone
        self.weights = weights
        self.epochs = epochs
        self.batch_size = batch_size
        self.lr = lr
        self.backbone_lr_scale = backbone_lr_scale
        self.weight_decay = weight_decay
        self.temperature = temperature
        self.image_size = image_size
        self.projection_dim = projection_dim
        self.hidden_dim = hidden_dim
        self.crop_scale = crop_scale
        self.blur_p = blur_p
        self.device = device
        self.num_workers = num_workers
        self.random_state = random_state

    def _check(self, n: int) -> None:
        if self.epochs < 1:
            raise ConfigError(f"epochs must be >= 1, got {self.epochs}")
        if self.batch_size < 2:
            raise ConfigError(f"batch_size must be >= 2 (negatives), got {self.batch_size}")
        if n < 2:
            raise ConfigError(f"SimCLR needs at least 2 images, got {n}")
        if not 0 < self.crop_scale[0] <= self.crop_scale[1] <= 1:
            raise ConfigError("crop_scale must satisfy 0 < low <= high <= 1, "
                              f"got {self.crop_scale}")

    def fit(self, images: Sequence[np.ndarray | Path | str], *,
            progress: ProgressCallback = null_progress) -> SimCLR:
        """Fine-tune on images (arrays, or paths decoded on the fly).

        Parameters
        ----------
        images : sequence of ndarray of shape (height, width, 3) uint8, or paths
        progress : callable
            Called after every step; may raise ``JobCancelled``.

        Returns
        -------
        self
        """
        import torch
        from torch.utils.data import DataLoader

        self._check(len(images))
        device = resolve_device(self.device)
        precision = resolve_precision("auto", device)
        bb = load_backbone(self.backbone, self.weights)
        size = int(self.image_size or bb.data_config["input_size"][-1])
        mean = torch.tensor(bb.data_config["mean"], device=device).view(1, 3, 1, 1)
        std = torch.tensor(bb.data_config["std"], device=device).view(1, 3, 1, 1)
        data = _Views(images, size, self.random_state, tuple(self.crop_scale), self.blur_p)
        batch = min(self.batch_size, len(images))
        order_rng = np.random.default_rng(self.random_state)
        steps, epochs = [], []
        total = self.epochs * max(1, len(images) // batch)
        with torch.random.fork_rng(devices=[device] if device.type == "cuda" else []):
            torch.manual_seed(self.random_state)
            model = bb.model.to(device).train()
            dim = int(model.num_features)
            head = torch.nn.Sequential(
                torch.nn.Linear(dim, self.hidden_dim), torch.nn.BatchNorm1d(self.hidden_dim),
                torch.nn.ReLU(inplace=True), torch.nn.Linear(self.hidden_dim, self.projection_dim),
            ).to(device)
            optimizer = torch.optim.AdamW(
                [{"params": model.parameters(), "lr": self.lr * self.backbone_lr_scale},
                 {"params": head.parameters(), "lr": self.lr}],
                weight_decay=self.weight_decay)
            schedule = torch.optim.lr_scheduler.LambdaLR(
                optimizer, lambda s: 0.5 * (1 + math.cos(math.pi * min(s, total) / total)))
            done = 0
            for epoch in range(self.epochs):
                data.epoch = epoch
                order = order_rng.permutation(len(images)).tolist()
                loader = DataLoader(data, batch_size=batch, sampler=order, drop_last=True,
                                    num_workers=self.num_workers, collate_fn=_collate)
                epoch_losses = []
                for pair in loader:
                    if pair is None:
                        continue
                    v1, v2 = ((v.to(device).float() / 255.0 - mean) / std for v in pair)
                    with autocast(device, precision):
                        z1 = head(model(v1).float())
                        z2 = head(model(v2).float())
                    loss = nt_xent(z1, z2, self.temperature)
                    optimizer.zero_grad(set_to_none=True)
                    loss.backward()
                    torch.nn.utils.clip_grad_norm_(
                        list(model.parameters()) + list(head.parameters()), 3.0)
                    optimizer.step()
                    schedule.step()
                    value = float(loss.detach())
                    if not math.isfinite(value):
                        raise ConfigError(f"SimCLR loss became {value} at epoch {epoch + 1}; "
                                          "lower --lr")
                    steps.append(value)
                    epoch_losses.append(value)
                    done += 1
                    progress(done, total, f"epoch {epoch + 1}/{self.epochs} loss {value:.3f}")
                epochs.append(float(np.mean(epoch_losses)) if epoch_losses else float("nan"))
        self.model_ = model.eval()
        self.data_config_ = dict(bb.data_config)
        self.history_ = SimCLRHistory(steps, epochs)
        return self

    def save(self, path: str | Path) -> Path:
        """Write the fine-tuned backbone as a safetensors file (and a JSON note beside it).

        Returns
        -------
        pathlib.Path
            The checkpoint, usable as ``--weights``.
        """
        path = Path(path)
        note = {"backbone": self.backbone, "start_weights": str(self.weights),
                "epochs": self.epochs, "batch_size": self.batch_size, "lr": self.lr,
                "temperature": self.temperature, "random_state": self.random_state,
                "final_loss": self.history_.epochs[-1] if self.history_.epochs else None}
        save_backbone(self.model_, path, metadata=note)
        path.with_suffix(".json").write_text(json.dumps(
            {**note, "epoch_losses": self.history_.epochs}, indent=1))
        return path


def default_checkpoint(ws_root: Path, backbone: str, epochs: int, seed: int) -> Path:
    """``WS/models/simclr-<backbone>-e<epochs>-s<seed>.safetensors``."""
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", timm_model_name(backbone))
    return Path(ws_root) / "models" / f"simclr-{safe}-e{epochs}-s{seed}.safetensors"


def finetune(ws: Any, extractor: str, *, weights: str | None = None, epochs: int = 10,
             out: Path | None = None, batch_size: int = 64, lr: float = 3e-4,
             device: str = "auto", num_workers: int = 0, random_state: int = 0,
             progress: ProgressCallback = null_progress) -> dict[str, Any]:
    """Fine-tune an extractor's backbone with SimCLR on a workspace's works.

    Parameters
    ----------
    ws : Workspace
    extractor : str
        ``timm:<model>`` or ``effnet-lite0/1/2``.
    weights : str, optional
        Starting weights (required for timm models, as for ``embed``).
    epochs : int, default=10
    out : pathlib.Path, optional
        Checkpoint path; ``WS/models/simclr-<model>-e<epochs>-s<seed>.safetensors`` by default.
    batch_size, lr, device, num_workers, random_state
        See :class:`SimCLR`.
    progress : callable

    Returns
    -------
    dict
        ``checkpoint``, ``extractor`` (the name to embed with ``--weights checkpoint``),
        ``epochs``, ``epoch_losses``, ``works``, ``device``, ``seconds``.
    """
    if extractor.startswith("timm:"):
        backbone = timm_model_name(extractor)
    elif extractor in EFFNET_NAMES:
        backbone = extractor
    else:
        raise ConfigError(f"finetune takes timm:<model> or one of {', '.join(EFFNET_NAMES)}; "
                          f"got {extractor!r}")
    t0 = time.perf_counter()
    paths = [ws.image_path(w) for w in ws.works()]
    model = SimCLR(backbone, weights=weights, epochs=epochs, batch_size=batch_size, lr=lr,
                   device=device, num_workers=num_workers, random_state=random_state)
    model.fit(paths, progress=progress)
    out = Path(out) if out else default_checkpoint(ws.root, backbone, epochs, random_state)
    model.save(out)
    name = backbone if backbone in EFFNET_NAMES else f"timm:{backbone}"
    return {"checkpoint": str(out), "extractor": name, "epochs": epochs,
            "epoch_losses": [round(v, 4) for v in model.history_.epochs], "works": len(paths),
            "device": str(resolve_device(device)), "seconds": round(time.perf_counter() - t0, 1)}

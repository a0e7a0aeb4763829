"""Fine-tuning a timm backbone on a label column.

Three modes, as in the culture classifier this stage comes from:

- ``finetune``: pretrained weights, every layer trained (the backbone at a
  smaller learning rate than the head);
- ``frozen``: pretrained weights kept fixed, only the head trained (transfer
  learning; the backbone's features are computed once);
- ``scratch``: random weights, every layer trained.

The head is three fully connected layers with ReLU. Training is SGD with
momentum and a StepLR or ReduceLROnPlateau schedule on a stratified 80/10/10
split; the epoch with the best validation accuracy is kept and measured on the
test split (top-1, top-3, per-class scores, confusion matrix). The trained
backbone is saved as safetensors with the keys of
``timm.create_model(arch, num_classes=0)``, so ``--weights FILE`` turns it into
a feature extractor; the head is saved next to it (``*.head.safetensors``).
"""

from __future__ import annotations

import copy
import dataclasses
import json
import logging
import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..config import fingerprint
from ..errors import ConfigError
from ..imageio import decode
from ..nn import (
    EFFNET_NAMES,
    Backbone,
    autocast,
    has_packaged_weights,
    resolve_device,
    save_backbone,
)
from ..progress import ProgressCallback, null_progress
from ..store.workspace import Workspace
from .cv import stratified_three_way
from .data import filter_classes, read_labels
from .history import new_run_id, save_run
from .metrics import classification_metrics
from .models import create_backbone

log = logging.getLogger(__name__)

MODES = ("finetune", "frozen", "scratch")
SCHEDULERS = ("step", "plateau")


@dataclass(frozen=True)
class FinetuneConfig:
    """Parameters of fine-tuning.

    Parameters
    ----------
    model : str
        A timm architecture, or ``effnet-lite0`` (offline ImageNet weights).
    mode : {"finetune", "frozen", "scratch"}
    weights : str, optional
        Local pretrained state dict (needed by ``finetune``/``frozen`` for
        models without packaged weights). Never downloaded.
    epochs : int, default=10
    warmup_epochs : int, default=10
        In ``finetune`` mode, epochs of training the head alone on the frozen
        backbone's features first (cheap: the features are computed once).
    batch_size : int, default=16
    lr : float, default=0.03
        Learning rate of the head (and of the whole model in ``scratch`` mode).
    backbone_lr_scale : float, default=0.1
        Backbone learning rate = ``lr * backbone_lr_scale`` in ``finetune`` mode.
    momentum, weight_decay : float
        SGD parameters.
    scheduler : {"step", "plateau"}
        StepLR (``step_size`` epochs, ``gamma``) or ReduceLROnPlateau on the
        validation loss (factor ``gamma``, patience ``patience``).
    step_size : int, default=0
        Epochs between learning-rate drops; 0 means half the epochs (one drop).
    gamma : float, default=0.1
    patience : int, default=2
    head_hidden : tuple of two int, default=(512, 256)
        Widths of the first two of the three fully connected layers.
    dropout : float, default=0.2
        Dropout between the head's layers.
    image_size : int, optional
        Input side; the model's own by default.
    split : tuple of three float, default=(0.8, 0.1, 0.1)
        Train, validation and test shares (stratified).
    min_per_class : int, default=10
        Classes with fewer works are reported and left out.
    device : str, default="auto"
        ``auto`` (CUDA, then MPS, then CPU), ``cuda``, ``mps`` or ``cpu``.
    random_state : int, default=0
        Seed of the split, the initialisation, the augmentation and the batches.
    """

    model: str
    mode: str = "finetune"
    weights: str | None = None
    epochs: int = 10
    warmup_epochs: int = 10
    batch_size: int = 16
    lr: float = 0.03
    backbone_lr_scale: float = 0.1
    momentum: float = 0.9
    weight_decay: float = 1e-4
    scheduler: str = "step"
    step_size: int = 0
    gamma: float = 0.1
    patience: int = 2
    head_hidden: tuple[int, int] = (512, 256)
    dropout: float = 0.2
    image_size: int | None = None
    split: tuple[float, float, float] = (0.8, 0.1, 0.1)
    min_per_class: int = 10
    device: str = "auto"
    random_state: int = 0

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ConfigError(f"Unknown mode {self.mode!r}; choose one of: {', '.join(MODES)}")
        if self.scheduler not in SCHEDULERS:
            raise ConfigError(f"Unknown scheduler {self.scheduler!r}; choose one of: "
                              f"{', '.join(SCHEDULERS)}")
        if self.warmup_epochs < 0:
            raise ConfigError(f"warmup_epochs must be >= 0, got {self.warmup_epochs}")
        if self.epochs < 1 or self.batch_size < 1:
            raise ConfigError(f"epochs and batch_size must be >= 1, got {self.epochs}, "
                              f"{self.batch_size}")
        if self.lr <= 0:
            raise ConfigError(f"lr must be positive, got {self.lr}")
        if len(self.head_hidden) != 2 or min(self.head_hidden) < 1:
            raise ConfigError(f"head_hidden must be two positive widths, got {self.head_hidden}")
        if not 0 <= self.dropout < 1:
            raise ConfigError(f"dropout must be in [0, 1), got {self.dropout}")
        if self.image_size is not None and self.image_size < 16:
            raise ConfigError(f"image_size must be >= 16, got {self.image_size}")
        if self.min_per_class < 3:
            raise ConfigError(f"min_per_class must be >= 3 (one work per split), "
                              f"got {self.min_per_class}")
        if self.weights and not Path(self.weights).expanduser().is_file():
            raise ConfigError(f"Weights file {self.weights!r} does not exist")
        if self.mode != "scratch" and not self.weights and not has_packaged_weights(self.model):
            raise ConfigError(
                f"Mode {self.mode!r} starts from pretrained weights, and {self.model} has no "
                "offline weights: pass a local state dict with --weights FILE (.safetensors or "
                "a torch file; nothing is downloaded), use --mode scratch, or choose "
                f"{', '.join(EFFNET_NAMES)}")

    def fingerprint(self) -> str:
        """Hash of the parameters."""
        return fingerprint(self)


def make_head(in_features: int, n_classes: int, hidden: Sequence[int] = (512, 256),
              dropout: float = 0.2) -> Any:
    """The classification head: three fully connected layers with ReLU between them.

    Returns
    -------
    torch.nn.Sequential
        ``Linear → ReLU → Dropout → Linear → ReLU → Dropout → Linear``.
    """
    from torch import nn

    h1, h2 = hidden
    return nn.Sequential(nn.Linear(in_features, h1), nn.ReLU(), nn.Dropout(dropout),
                         nn.Linear(h1, h2), nn.ReLU(), nn.Dropout(dropout),
                         nn.Linear(h2, n_classes))


def _transforms(backbone: Backbone, image_size: int | None) -> tuple[Any, Any, dict[str, Any]]:
    import timm

    cfg = dict(backbone.data_config)
    if image_size:
        cfg["input_size"] = (3, image_size, image_size)
    common = {"input_size": cfg["input_size"], "interpolation": cfg.get("interpolation", "bicubic"),
              "mean": cfg["mean"], "std": cfg["std"]}
    # Colour is part of a style: no colour jitter; crops keep at least half the picture.
    train = timm.data.create_transform(**common, is_training=True, scale=(0.5, 1.0),
                                       ratio=(3 / 4, 4 / 3), hflip=0.5, color_jitter=None,
                                       auto_augment=None)
    test = timm.data.create_transform(**common, is_training=False,
                                      crop_pct=cfg.get("crop_pct", 0.875))
    return train, test, cfg


class _Images:
    """A torch dataset of PIL images and labels under a transform."""

    def __init__(self, images: Sequence[Any], y: np.ndarray, transform: Any) -> None:
        self.images, self.y, self.transform = images, y, transform

    def __len__(self) -> int:
        return len(self.images)

    def __getitem__(self, i: int) -> tuple[Any, int]:
        return self.transform(self.images[i]), int(self.y[i])


def _loader(images: Sequence[Any], y: np.ndarray, transform: Any, batch_size: int, *,
            shuffle: bool, generator: Any) -> Any:
    from torch.utils.data import DataLoader

    return DataLoader(_Images(images, y, transform), batch_size=batch_size, shuffle=shuffle,
                      generator=generator, num_workers=0, drop_last=False)


def _predict(model: Any, loader: Any, device: Any) -> tuple[np.ndarray, np.ndarray, float]:
    import torch
    import torch.nn.functional as F

    model.eval()
    probs, ys, loss, n = [], [], 0.0, 0
    with torch.no_grad():
        for x, y in loader:
            logits = model(x.to(device)).float()
            loss += float(F.cross_entropy(logits, y.to(device), reduction="sum"))
            n += len(y)
            probs.append(torch.softmax(logits, dim=1).cpu().numpy())
            ys.append(y.numpy())
    return np.concatenate(probs), np.concatenate(ys), loss / max(n, 1)


def train_classifier(images: Sequence[np.ndarray], y: np.ndarray, classes: Sequence[str],
                     config: FinetuneConfig, *,
                     progress: ProgressCallback = null_progress) -> dict[str, Any]:
    """Train backbone + head on images and measure it on the test split.

    Parameters
    ----------
    images : sequence of ndarray of shape (height, width, 3), uint8
        RGB images of any size.
    y : ndarray of shape (n_images,), int
        Class indices into ``classes``.
    classes : sequence of str
    config : FinetuneConfig
    progress : callable
        Receives one step per training batch; raising in it (a cancelled job) stops training.

    Returns
    -------
    dict
        ``backbone`` (the trained headless model, on the CPU), ``head``,
        ``metrics`` (test-split figures of
        :func:`~artexplore.labels.metrics.classification_metrics`), ``history``
        (per-epoch train loss, validation loss and accuracy, learning rate),
        ``best_epoch``, ``split`` (sizes), ``device``, ``weights_id``, ``data_config``.
    """
    import torch
    from PIL import Image
    from torch import nn

    y = np.asarray(y, dtype=np.int64)
    if len(images) != len(y):
        raise ConfigError(f"{len(images)} images but {len(y)} labels")
    device = resolve_device(config.device)
    train_idx, val_idx, test_idx = stratified_three_way(y, config.split,
                                                        random_state=config.random_state)
    pil = [Image.fromarray(np.asarray(im, dtype=np.uint8)) for im in images]
    devices = [device.index or 0] if device.type == "cuda" else []
    with torch.random.fork_rng(devices=devices):
        torch.manual_seed(config.random_state)  # inside fork_rng: the caller's RNG is untouched
        backbone = create_backbone(config.model, weights=config.weights,
                                   pretrained=config.mode != "scratch")
        train_tf, test_tf, data_config = _transforms(backbone, config.image_size)
        head = make_head(backbone.model.num_features, len(classes), config.head_hidden,
                         config.dropout)
        model = nn.Sequential(backbone.model, head).to(device)
        frozen = config.mode == "frozen"
        if frozen:
            for p in backbone.model.parameters():
                p.requires_grad_(False)
        gen = torch.Generator().manual_seed(config.random_state)
        pick = lambda idx: [pil[i] for i in idx]  # noqa: E731
        if frozen:
            # The frozen backbone is a fixed function: embed once, train the head on the features.
            feats = _embed(backbone.model, pick(np.arange(len(pil))), test_tf, config.batch_size,
                           device)
            result = _train_head_on_features(head, feats, y, (train_idx, val_idx, test_idx),
                                             config, device, gen, progress)
        else:
            if config.mode == "finetune" and config.warmup_epochs:
                # Linear probing, then fine-tuning: a trained head sends the backbone useful
                # gradients from the first step, instead of noise that erodes what it knows.
                n = len(train_idx) + len(val_idx)
                feats = np.zeros((len(pil), backbone.model.num_features), dtype=np.float32)
                seen = np.concatenate([train_idx, val_idx])
                feats[seen] = _embed(backbone.model, pick(seen), test_tf, config.batch_size,
                                     device)
                warm = dataclasses.replace(config, epochs=config.warmup_epochs, step_size=0,
                                           scheduler="step")
                _train_head_on_features(
                    head, feats, y, (train_idx, val_idx, val_idx), warm, device, gen,
                    lambda d, t=None, m="": progress(0, None, f"head warm-up ({n} works)"))
            loaders = (
                _loader(pick(train_idx), y[train_idx], train_tf, config.batch_size, shuffle=True,
                        generator=gen),
                _loader(pick(val_idx), y[val_idx], test_tf, config.batch_size, shuffle=False,
                        generator=None),
                _loader(pick(test_idx), y[test_idx], test_tf, config.batch_size, shuffle=False,
                        generator=None))
            result = _train_end_to_end(model, backbone.model, head, loaders, config, device,
                                       progress)
    metrics = classification_metrics(result["test_y"], result["test_proba"], list(classes))
    return {"backbone": backbone.model.cpu().eval(), "head": head.cpu().eval(),
            "metrics": metrics, "history": result["history"], "best_epoch": result["best_epoch"],
            "split": {"train": len(train_idx), "val": len(val_idx), "test": len(test_idx)},
            "device": str(device), "weights_id": backbone.weights_id, "arch": backbone.arch,
            "data_config": {k: (list(v) if isinstance(v, tuple) else v)
                            for k, v in data_config.items()}}


def _optimizer_and_scheduler(params: Any, config: FinetuneConfig) -> tuple[Any, Any]:
    import torch

    opt = torch.optim.SGD(params, lr=config.lr, momentum=config.momentum,
                          weight_decay=config.weight_decay)
    if config.scheduler == "step":
        step = config.step_size or max(1, config.epochs // 2)
        sched = torch.optim.lr_scheduler.StepLR(opt, step_size=step, gamma=config.gamma)
    else:
        sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, mode="min", factor=config.gamma,
                                                           patience=config.patience)
    return opt, sched


def _step_scheduler(sched: Any, val_loss: float) -> None:
    import torch

    if isinstance(sched, torch.optim.lr_scheduler.ReduceLROnPlateau):
        sched.step(val_loss)
    else:
        sched.step()


def _train_end_to_end(model: Any, backbone: Any, head: Any, loaders: tuple[Any, Any, Any],
                      config: FinetuneConfig, device: Any,
                      progress: ProgressCallback) -> dict[str, Any]:
    import torch.nn.functional as F

    train_loader, val_loader, test_loader = loaders
    if config.mode == "finetune":
        groups = [{"params": list(backbone.parameters()), "lr": config.lr * config.backbone_lr_scale},
                  {"params": list(head.parameters()), "lr": config.lr}]
    else:
        groups = [{"params": list(model.parameters()), "lr": config.lr}]
    opt, sched = _optimizer_and_scheduler(groups, config)
    total = config.epochs * len(train_loader)
    history, best, best_acc, best_epoch, step = [], None, -1.0, 0, 0
    for epoch in range(config.epochs):
        model.train()
        running, seen = 0.0, 0
        for x, y in train_loader:
            x, y = x.to(device), y.to(device)
            with autocast(device, "bf16" if device.type == "cuda" else "fp32"):
                logits = model(x)
            loss = F.cross_entropy(logits.float(), y)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            running += float(loss.detach()) * len(y)
            seen += len(y)
            step += 1
            progress(step, total, f"epoch {epoch + 1}/{config.epochs}, loss {running / seen:.3f}")
        val_proba, val_y, val_loss = _predict(model, val_loader, device)
        val_acc = float(np.mean(np.argmax(val_proba, axis=1) == val_y))
        history.append({"epoch": epoch + 1, "train_loss": running / max(seen, 1),
                        "val_loss": val_loss, "val_top1": val_acc,
                        "lr": float(opt.param_groups[-1]["lr"])})
        if val_acc > best_acc:
            best_acc, best_epoch = val_acc, epoch + 1
            best = copy.deepcopy(model.state_dict())
        _step_scheduler(sched, val_loss)
    model.load_state_dict(best)
    test_proba, test_y, _ = _predict(model, test_loader, device)
    return {"history": history, "best_epoch": best_epoch, "test_proba": test_proba,
            "test_y": test_y}


def _embed(backbone: Any, images: Sequence[Any], transform: Any, batch_size: int,
           device: Any) -> np.ndarray:
    import torch

    backbone.eval()
    out = []
    with torch.no_grad():
        for start in range(0, len(images), batch_size):
            x = torch.stack([transform(im) for im in images[start:start + batch_size]])
            out.append(backbone(x.to(device)).float().cpu().numpy())
    return np.concatenate(out)


def _train_head_on_features(head: Any, feats: np.ndarray, y: np.ndarray,
                            splits: tuple[np.ndarray, np.ndarray, np.ndarray],
                            config: FinetuneConfig, device: Any, gen: Any,
                            progress: ProgressCallback) -> dict[str, Any]:
    import torch
    import torch.nn.functional as F

    train_idx, val_idx, test_idx = splits
    X = torch.as_tensor(feats, dtype=torch.float32)
    Y = torch.as_tensor(y, dtype=torch.int64)
    opt, sched = _optimizer_and_scheduler(head.parameters(), config)
    n_batches = math.ceil(len(train_idx) / config.batch_size)
    total = config.epochs * n_batches

    def evaluate(idx: np.ndarray) -> tuple[np.ndarray, float]:
        head.eval()
        with torch.no_grad():
            logits = head(X[idx].to(device)).float()
            loss = float(F.cross_entropy(logits, Y[idx].to(device)))
        return torch.softmax(logits, 1).cpu().numpy(), loss

    history, best, best_acc, best_epoch, step = [], None, -1.0, 0, 0
    for epoch in range(config.epochs):
        head.train()
        order = torch.as_tensor(train_idx)[torch.randperm(len(train_idx), generator=gen)]
        running = 0.0
        for start in range(0, len(order), config.batch_size):
            b = order[start:start + config.batch_size]
            loss = F.cross_entropy(head(X[b].to(device)), Y[b].to(device))
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            running += float(loss.detach()) * len(b)
            step += 1
            progress(step, total, f"epoch {epoch + 1}/{config.epochs} (frozen backbone)")
        val_proba, val_loss = evaluate(val_idx)
        val_acc = float(np.mean(np.argmax(val_proba, axis=1) == y[val_idx]))
        history.append({"epoch": epoch + 1, "train_loss": running / len(train_idx),
                        "val_loss": val_loss, "val_top1": val_acc,
                        "lr": float(opt.param_groups[0]["lr"])})
        if val_acc > best_acc:
            best_acc, best_epoch = val_acc, epoch + 1
            best = copy.deepcopy(head.state_dict())
        _step_scheduler(sched, val_loss)
    head.load_state_dict(best)
    test_proba, _ = evaluate(test_idx)
    return {"history": history, "best_epoch": best_epoch, "test_proba": test_proba,
            "test_y": y[test_idx]}


def _load_images(ws: Workspace, works: Sequence[dict[str, Any]], max_side: int,
                 progress: ProgressCallback) -> tuple[list[np.ndarray], list[int]]:
    from ..errors import ImageLoadError

    images, kept = [], []
    for i, work in enumerate(works):
        try:
            img, _ = decode(ws.image_path(work), max_side=max_side)
            images.append(np.asarray(img, dtype=np.uint8))
            kept.append(i)
        except ImageLoadError as exc:
            log.warning("skipping %s: %s", work["path"], exc)
        if i % 32 == 0:
            progress(i, len(works), "reading images")
    return images, kept


def default_output(ws: Workspace, column: str, config: FinetuneConfig) -> Path:
    """Where a fine-tuned backbone is saved by default (inside the workspace)."""
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in column)
    arch = config.model.replace("/", "_").replace(":", "_")
    return ws.path("models", f"{arch}-{config.mode}-{safe}-{config.fingerprint()[:8]}.safetensors")


def finetune_classifier(ws: Workspace, column: str, config: FinetuneConfig, *,
                        out: Path | None = None,
                        progress: ProgressCallback = null_progress) -> dict[str, Any]:
    """Fine-tune a backbone on a label column of the collection; save it and record the run.

    Parameters
    ----------
    ws : Workspace
    column : str
        The metadata column to predict.
    config : FinetuneConfig
    out : pathlib.Path, optional
        The backbone's safetensors file (default under ``<workspace>/models``).
    progress : callable

    Returns
    -------
    dict
        ``run_id``, ``top1``, ``top3``, ``f1_macro`` and the other test-split
        metrics, ``history``, ``best_epoch``, ``split``, ``excluded``, ``weights``
        (the saved backbone), ``head``, ``model``, ``mode``, ``device``.
    """
    works = ws.works()
    y_all = read_labels(ws, [w["id"] for w in works], column)
    cf = filter_classes(y_all, config.min_per_class, column=column)
    labelled = [w for w, keep in zip(works, cf.mask, strict=True) if keep]
    side = max(64, int((config.image_size or 224) * 1.5))
    images, kept = _load_images(ws, labelled, side, progress)
    index = {c: i for i, c in enumerate(cf.classes)}
    y = np.asarray([index[y_all[cf.mask][i]] for i in kept], dtype=np.int64)
    trained = train_classifier(images, y, cf.classes, config, progress=progress)
    out = Path(out) if out else default_output(ws, column, config)
    meta = {"timm_model": trained["arch"], "label_column": column, "mode": config.mode,
            "classes": json.dumps(cf.classes), "format": "timm state_dict, num_classes=0"}
    save_backbone(trained["backbone"], out, metadata=meta)
    head_path = out.with_name(out.name.removesuffix(".safetensors") + ".head.safetensors")
    save_backbone(trained["head"], head_path, metadata=meta)
    params = {"column": column, **asdict(config)}
    run_id = new_run_id("finetune")
    result = {**trained["metrics"], "model": trained["arch"], "mode": config.mode,
              "column": column, "history": trained["history"],
              "best_epoch": trained["best_epoch"], "split": trained["split"],
              "excluded": cf.excluded, "device": trained["device"],
              "pretrained": trained["weights_id"], "weights": str(out), "head": str(head_path)}
    save_run(ws, "finetune", label_column=column, params=params, metrics=result,
             fingerprint=config.fingerprint(), artifacts={"weights": str(out), "head": str(head_path)},
             run_id=run_id)
    return {**result, "run_id": run_id}

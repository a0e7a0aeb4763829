"""Which torch device runs the models, in which precision, on how many threads.

The one home of device resolution for every torch stage (extractors, SimCLR,
fine-tuning, DeepPainter, InfoVAE, DEC/DCEC). ``auto`` picks CUDA, then Apple's
MPS, then the CPU; ``cpu``, ``cuda``, ``cuda:N`` and ``mps`` are accepted
everywhere. On a GPU the forward pass runs under bf16 autocast (half the memory
traffic, tensor cores); statistics computed from the activations are taken in
float32.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from typing import Any

from ..errors import ConfigError

log = logging.getLogger(__name__)

DEVICE_CHOICES = ("auto", "cpu", "cuda", "mps")
PRECISION_CHOICES = ("auto", "fp32", "bf16")


def _mps_available() -> bool:
    import torch

    backend = getattr(torch.backends, "mps", None)
    return bool(backend is not None and backend.is_available())


def available_devices() -> list[str]:
    """Devices torch can use on this machine, best first (always ends with ``cpu``)."""
    import torch

    found = []
    if torch.cuda.is_available():
        found.append("cuda")
    if _mps_available():
        found.append("mps")
    return [*found, "cpu"]


def resolve_device(device: str | Any = "auto") -> Any:
    """Turn ``auto``/``cpu``/``cuda``/``cuda:1``/``mps`` into a usable ``torch.device``.

    Parameters
    ----------
    device : str or torch.device, default="auto"
        ``auto`` picks CUDA, then MPS, then the CPU.

    Returns
    -------
    torch.device

    Raises
    ------
    ConfigError
        If the name is unknown or the device is not available here (the message
        lists the available ones).
    """
    import torch

    if isinstance(device, torch.device):
        return device
    name = str(device or "auto").lower()
    kind = name.split(":", 1)[0]
    if kind not in DEVICE_CHOICES:
        raise ConfigError(f"Unknown device {device!r}; choose one of: {', '.join(DEVICE_CHOICES)}")
    available = available_devices()
    if kind == "auto":
        log.info("device auto → %s", available[0])
        return torch.device(available[0])
    if kind not in available:
        raise ConfigError(f"Device {device!r} is not available on this machine; "
                          f"available: {', '.join(available)} (or auto)")
    return torch.device(name)


def resolve_precision(precision: str, device: Any) -> str:
    """``auto`` → ``bf16`` on a GPU, ``fp32`` on the CPU.

    Raises
    ------
    ConfigError
        If ``precision`` is not one of ``auto``, ``fp32``, ``bf16``.
    """
    if precision not in PRECISION_CHOICES:
        raise ConfigError(f"Unknown precision {precision!r}; "
                          f"choose one of: {', '.join(PRECISION_CHOICES)}")
    if precision == "auto":
        return "bf16" if device.type in ("cuda", "mps") else "fp32"
    return precision


@contextlib.contextmanager
def autocast(device: Any, precision: str) -> Iterator[None]:
    """bf16 autocast on the given device when ``precision == "bf16"``, nothing otherwise."""
    import torch

    if precision != "bf16":
        yield
        return
    with torch.autocast(device_type=device.type, dtype=torch.bfloat16):
        yield


def describe_device(device: str | Any = "auto") -> str:
    """A short human description, e.g. ``cuda (NVIDIA H100, bf16)`` or ``cpu (2 threads, fp32)``."""
    import torch

    dev = resolve_device(device)
    precision = resolve_precision("auto", dev)
    if dev.type == "cuda":
        index = dev.index if dev.index is not None else torch.cuda.current_device()
        return f"cuda ({torch.cuda.get_device_name(index)}, {precision})"
    if dev.type == "mps":
        return f"mps (Apple GPU, {precision})"
    return f"cpu ({torch.get_num_threads()} threads, {precision})"


@contextlib.contextmanager
def torch_threads(n: int | None) -> Iterator[None]:
    """Use ``n`` intra-op CPU threads inside the block (None or 0: leave torch's setting).

    Small networks run fastest on one thread, and on a busy machine torch's
    spinning worker threads can make them tens of times slower.
    """
    import torch

    if not n:
        yield
        return
    previous = torch.get_num_threads()
    torch.set_num_threads(int(n))
    try:
        yield
    finally:
        torch.set_num_threads(previous)


@contextlib.contextmanager
def seeded(seed: int | None) -> Iterator[None]:
    """Seed torch's global CPU generator inside a forked RNG state (the caller's is untouched)."""
    import torch

    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(0 if seed is None else int(seed))
        yield

"""Frozen configuration dataclasses and the fingerprint that keys stored results."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from typing import Any

from .errors import ConfigError


def fingerprint(obj: Any) -> str:
    """Return a short, stable hash of a configuration.

    Parameters
    ----------
    obj : dataclass instance, mapping or JSON-serialisable value
        The parameters that produced a result.

    Returns
    -------
    str
        The first 16 hex digits of the sha256 of the sorted JSON encoding.
    """
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        obj = {"__type__": type(obj).__name__, **dataclasses.asdict(obj)}
    text = json.dumps(obj, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclasses.dataclass(frozen=True)
class IngestConfig:
    """Parameters of ingestion.

    Parameters
    ----------
    max_pixels : int
        Decompression-bomb limit: images with more pixels are skipped.
    min_side : int
        Images whose shorter side is below this are accepted and flagged ``small``.
    thumb_size : int
        Longest side of the stored thumbnails, in pixels.
    thumb_quality : int
        JPEG quality of the thumbnails.
    workers : int
        Decoding threads (Pillow releases the GIL while it decodes).
    commit_every : int
        Number of files between two commits, i.e. how much a crash can lose.
    """

    max_pixels: int = 250_000_000
    min_side: int = 64
    thumb_size: int = 256
    thumb_quality: int = 85
    workers: int = 2
    commit_every: int = 16

    def __post_init__(self) -> None:
        if self.max_pixels < 1:
            raise ConfigError(f"max_pixels must be positive, got {self.max_pixels}")
        if not 16 <= self.thumb_size <= 2048:
            raise ConfigError(f"thumb_size must be in [16, 2048], got {self.thumb_size}")
        if not 1 <= self.thumb_quality <= 100:
            raise ConfigError(f"thumb_quality must be in [1, 100], got {self.thumb_quality}")
        if self.workers < 1:
            raise ConfigError(f"workers must be >= 1, got {self.workers}")
        if self.commit_every < 1:
            raise ConfigError(f"commit_every must be >= 1, got {self.commit_every}")

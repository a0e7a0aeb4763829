"""IIIF: ingest collections from where museums publish them (Presentation and Image APIs).

- :mod:`.client` — a polite, bounded HTTP client (per-host limit, retries, budgets).
- :mod:`.presentation` — reading Presentation 2.x and 3 manifests and collections.
- :mod:`.ingest` — the ingest stage: manifests become works, incrementally.
"""

from __future__ import annotations

from .client import ClientConfig, FetchError, IIIFClient
from .harvest import IIIFOptions, expand_sources, iiif_sources, ingest_iiif

__all__ = ["ClientConfig", "FetchError", "IIIFClient", "IIIFOptions", "expand_sources",
           "iiif_sources", "ingest_iiif"]

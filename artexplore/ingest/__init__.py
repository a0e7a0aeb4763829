"""Getting a collection in: a folder with its catalogue CSV, or IIIF manifests.

- :mod:`.folder` — scan a folder, decode and thumbnail every image, join the metadata;
  incremental (unchanged files are not read again).
- :mod:`.metadata` — the catalogue CSV: encodings, columns, joins, dimensions.
- :mod:`.iiif` — manifests and collections from a museum's IIIF endpoints.
"""

from __future__ import annotations

from .folder import IngestReport, format_ingest_summary, ingest, scan_folder

__all__ = ["IngestReport", "format_ingest_summary", "ingest", "scan_folder"]

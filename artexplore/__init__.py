"""ArtExplore: discover the stylistic structure of a collection of paintings.

The package is organised as the pipeline runs: ``store`` (the collection),
``imageio`` and ``ingest`` (getting images in), ``local`` (patches, the InfoVAE),
``features`` (extractors, the feature-set catalogue, fusion), ``reduce`` and
``cluster`` (map and clusters), ``search`` (neighbours), ``exhibit`` and ``labels``;
``runs`` (every stored result), ``pipeline`` (the stage graph) and ``jobs`` (where
stages run) hold it together.
"""

from __future__ import annotations

__version__ = "0.1.0"

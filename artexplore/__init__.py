"""ArtExplore: discover the stylistic structure of a collection of paintings.

The package is organised as the pipeline runs: ``store`` (the collection),
``imageio`` and ``ingest`` (getting images in), ``patches`` (local features),
``features`` (global features and fusion), ``reduce``/``cluster``/``metrics``
(map and clusters), ``index`` (neighbours), ``exhibit`` (exhibitions),
``jobs`` (background work) and ``pipeline`` (the order of stages).
"""

from __future__ import annotations

__version__ = "0.1.0"

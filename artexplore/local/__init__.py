"""Local features: the patches stage, the InfoVAE on DoG patches, the local embedding.

- :mod:`artexplore.local.patches` holds the pure functions of the patch method.
- :mod:`.stage` runs it over a collection and stores the patches
  (``ws.arrays`` kind ``"patches"``, name ``"default"``).
- :mod:`.infovae` is the InfoVAE estimator (imports torch; import it directly).
- :mod:`.training` builds the training set, trains and stores the model, and turns
  a work's patches into its local embedding.
"""

from __future__ import annotations

from .stage import (
    ARRAYS,
    KIND,
    NAME,
    PatchSet,
    WorkingImage,
    compute_patches,
    current_config,
    export_patches,
    has_patches,
    load_patches,
    load_working_image,
    patches_of_work,
)

__all__ = [
    "ARRAYS",
    "KIND",
    "NAME",
    "PatchSet",
    "WorkingImage",
    "compute_patches",
    "current_config",
    "export_patches",
    "has_patches",
    "load_patches",
    "load_working_image",
    "patches_of_work",
]

"""The ``infovae`` extractor: the local embedding of a work (block ``local``).

Each image is brought to the working resolution of the patch parameters the model
was trained with (pixel mode: an image alone carries no physical size), its kept
(top-gradient) windows are turned into DoG patches, encoded by the workspace's
trained InfoVAE, and their latent means aggregated (mean and standard deviation:
128-d by default; see :mod:`artexplore.local.training`).

It needs a trained model: ``artexplore train-local --workspace WS`` first, then
``artexplore embed --workspace WS --extractor infovae`` (or
``artexplore.features.embed(ws, "infovae")``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import ArtExploreError, ConfigError
from .base import Extractor, register_extractor

if TYPE_CHECKING:
    from ..store.workspace import Workspace

_OPTIONS = ("model", "aggregate", "max_patches", "device", "n_threads")


class InfoVAEExtractor(Extractor):
    """Aggregated InfoVAE latents of an image's high-gradient DoG patches.

    Parameters
    ----------
    model : str, optional
        The fingerprint of a model stored in the workspace (the current one when
        None), or the path of a model file written by ``InfoVAE.save``.
    aggregate : {"meanstd", "mean", "meanmax"}, default="meanstd"
        How patch latents become one vector.
    max_patches : int, default=64
        Kept windows encoded per image at most (drawn ∝ score when more).
    device : str, default="auto"
    n_threads : int, optional
        CPU threads of torch while encoding (torch's setting when None).
    """

    block = "local"

    def __init__(self, *, model: str | None = None, aggregate: str = "meanstd",
                 max_patches: int = 64, device: str = "auto",
                 n_threads: int | None = None) -> None:
        from ..local.training import AGGREGATES

        if aggregate not in AGGREGATES:
            raise ConfigError(f"Unknown aggregate {aggregate!r}; choose one of: "
                              f"{', '.join(sorted(AGGREGATES))}")
        if int(max_patches) < 1:
            raise ConfigError(f"max_patches must be >= 1, got {max_patches}")
        self.name = "infovae"
        self.options = {"model": model, "aggregate": aggregate,
                        "max_patches": int(max_patches), "n_threads": n_threads}
        self.model = model
        self.aggregate = aggregate
        self.max_patches = int(max_patches)
        self.device = device
        self.n_threads = n_threads
        self.input_size = 1024
        self._model = None
        self._model_fp: str | None = None
        self._patch_config = None

    def bind(self, ws: Workspace | None) -> InfoVAEExtractor:
        """Load the model (from the workspace, or from a file when ``model`` is a path).

        Raises
        ------
        ArtExploreError
            If the workspace has no trained model: run ``artexplore train-local`` first.
        """
        from ..local.infovae import InfoVAE
        from ..local.patches import PatchConfig
        from ..local.training import load_model

        if self.model and Path(self.model).suffix == ".pt":
            path = Path(self.model)
            model = InfoVAE.load(path, device=self.device, n_threads=self.n_threads)
            meta = path.with_suffix(".json")
            info = json.loads(meta.read_text()) if meta.is_file() else {}
            info.setdefault("fingerprint", path.stem)
        elif ws is None:
            raise ArtExploreError("The infovae extractor needs a workspace with a trained model "
                                  "(or model=PATH to a model file)")
        else:
            model, info = load_model(ws, self.model, device=self.device,
                                     n_threads=self.n_threads)
        self._model = model
        self._model_fp = str(info["fingerprint"])
        self._patch_config = PatchConfig.from_dict(info.get("patch_config") or {})
        self.input_size = self._patch_config.max_side
        return self

    def _bound(self):
        if self._model is None:
            raise ArtExploreError(
                "The infovae extractor has no model yet: train one with `artexplore train-local "
                "--workspace WS`, then run `artexplore embed --workspace WS --extractor infovae`")
        return self._model

    @property
    def dim(self) -> int:
        from ..local.training import aggregate_dim

        return aggregate_dim(self.aggregate, int(self._bound().latent_dim))

    def transform(self, images: Sequence[np.ndarray]) -> np.ndarray:
        from ..local.training import local_embedding

        model = self._bound()
        return local_embedding(model, images, self._patch_config, how=self.aggregate,
                               max_patches=self.max_patches)

    def get_config(self) -> dict[str, Any]:
        self._bound()
        return {"name": self.name, "model": self._model_fp, "aggregate": self.aggregate,
                "max_patches": self.max_patches}


@register_extractor("infovae")
def _infovae(arg: str | None = None, **options: Any) -> InfoVAEExtractor:
    # Runtime options that embed passes to every extractor; patches are encoded
    # image by image, so the batch size and precision do not apply here.
    for key in ("batch_size", "precision", "num_workers"):
        options.pop(key, None)
    unknown = sorted(set(options) - set(_OPTIONS))
    if unknown:
        raise ConfigError(f"Unknown option(s) {unknown} for the infovae extractor; "
                          f"choose from: {', '.join(_OPTIONS)}")
    if arg and "model" not in options:
        options["model"] = arg
    return InfoVAEExtractor(**options)

"""The extractor contract and the registry that builds extractors by name.

An extractor turns RGB images into one float32 vector each::

    ex = create_extractor("color")
    X = ex.transform([rgb1, rgb2])          # ndarray (2, ex.dim) float32

Names are ``prefix`` or ``prefix:argument`` (``timm:vit_small_patch16_224``,
``gram:effnet-lite0``); the prefix selects a factory registered with
:func:`register_extractor`, which receives the argument and keyword options.

For fast batch work an extractor splits into two halves: :meth:`Extractor.preparer`
returns a small picklable function (decoded image → model input) that runs in
data-loader worker processes, and :meth:`Extractor.transform_prepared` runs the
model on a batch of prepared inputs. ``transform`` is the two chained.
"""

from __future__ import annotations

import abc
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from ..config import fingerprint
from ..errors import ArtExploreError, ConfigError, unknown_name

if TYPE_CHECKING:
    from ..store.workspace import Workspace

ExtractorFactory = Callable[..., "Extractor"]
EXTRACTORS: dict[str, ExtractorFactory] = {}

# Options that change how fast features are computed, not what they are: kept out of
# fingerprints, so computing on a GPU continues a set started on the CPU.
RUNTIME_OPTIONS = ("device", "precision", "batch_size", "num_workers")


def _identity(image: np.ndarray) -> np.ndarray:
    return image


class Extractor(abc.ABC):
    """Images in, one float32 vector per image out.

    Attributes
    ----------
    name : str
        The registry name that builds an identical extractor (with :attr:`options`).
    options : dict
        JSON-serialisable keyword options that rebuild it: ``create_extractor(name, **options)``.
    input_size : int or None
        Longest image side the extractor needs; images are decoded at about
        this size (reduced JPEG decoding), None for full resolution.
    block : str
        Which fusion block the features belong to (``global``, ``gram``,
        ``local``, ``color``).
    """

    name: str = ""
    input_size: int | None = 256
    block: str = "global"
    options: dict[str, Any]

    @property
    @abc.abstractmethod
    def dim(self) -> int:
        """Length of the feature vectors."""

    @abc.abstractmethod
    def transform(self, images: Sequence[np.ndarray]) -> np.ndarray:
        """Compute features.

        Parameters
        ----------
        images : sequence of ndarray of shape (height, width, 3), uint8
            RGB images of any size.

        Returns
        -------
        ndarray of shape (n_images, dim), float32
        """

    def bind(self, ws: Workspace) -> Extractor:
        """Attach the workspace the extractor works for; returns ``self``.

        A no-op for extractors that need nothing from the collection. Those that use
        something learned on it (the ``infovae`` extractor loads the workspace's trained
        model) override it; :func:`~artexplore.features.embed` and
        :func:`~artexplore.features.transform_images` call it before anything else.
        """
        return self

    # -- batch pipeline ----------------------------------------------------------------------
    def decode_options(self) -> dict[str, Any]:
        """Keyword arguments of :func:`artexplore.imageio.decode` for this extractor."""
        return {"max_side": self.input_size}

    def preparer(self) -> Callable[[np.ndarray], Any]:
        """A picklable function: decoded RGB image → model input (runs in loader workers)."""
        return _identity

    def transform_prepared(self, items: Sequence[Any]) -> np.ndarray:
        """Features of images already passed through :meth:`preparer`."""
        return self.transform(list(items))

    @property
    def parts(self) -> list[tuple[str, int]]:
        """Named column ranges of the output, in order: ``[(part, width), …]``.

        Fusion can select and normalise parts separately (e.g. the channel
        means and standard deviations of each layer).
        """
        return [(self.block, self.dim)]

    @property
    def device_name(self) -> str:
        """The device the extractor computes on (``cpu`` for numpy extractors)."""
        return "cpu"

    # -- identity ----------------------------------------------------------------------------
    def get_config(self) -> dict[str, Any]:
        """Everything that changes the output: keys the stored features."""
        return {"name": self.name}

    def fingerprint(self) -> str:
        """Hash of :meth:`get_config` without the runtime options (device, batch size…)."""
        config = {k: v for k, v in self.get_config().items() if k not in RUNTIME_OPTIONS}
        return fingerprint(config)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.name!r})"


def register_extractor(prefix: str) -> Callable[[ExtractorFactory], ExtractorFactory]:
    """Register a factory ``(argument: str | None, **options) -> Extractor`` under a prefix."""
    def decorate(factory: ExtractorFactory) -> ExtractorFactory:
        EXTRACTORS[prefix] = factory
        return factory
    return decorate


def split_name(name: str) -> tuple[str, str | None]:
    """``"timm:vit_small"`` → ``("timm", "vit_small")``; ``"color"`` → ``("color", None)``."""
    prefix, sep, arg = name.partition(":")
    return prefix, (arg if sep else None)


def create_extractor(name: str, **options: Any) -> Extractor:
    """Build an extractor by registry name.

    Parameters
    ----------
    name : str
        ``prefix`` or ``prefix:argument``.
    **options
        Passed to the factory (``weights``, ``device``, ``batch_size``…).

    Returns
    -------
    Extractor

    Raises
    ------
    UnknownNameError
        Listing the registered prefixes.
    """
    _ensure_registered()
    prefix, arg = split_name(name)
    if prefix not in EXTRACTORS:
        raise unknown_name("extractor", name, EXTRACTORS)
    try:
        return EXTRACTORS[prefix](arg, **options)
    except ArtExploreError:
        raise
    except (TypeError, ValueError) as exc:  # an option of the wrong kind or name
        shown = ", ".join(f"{k}={v!r}" for k, v in sorted(options.items())) or "none"
        raise ConfigError(f"Bad options for extractor {name!r} ({shown}): {exc}") from exc


def available_extractors() -> list[str]:
    """Registered extractor prefixes."""
    _ensure_registered()
    return sorted(EXTRACTORS)


def _ensure_registered() -> None:
    from . import registry  # noqa: F401  (imports the modules that register extractors)

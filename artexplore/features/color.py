"""HSV colour histograms: the colour baseline extractor."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import cv2
import numpy as np

from .base import Extractor, register_extractor


def hsv_histogram(rgb: np.ndarray, bins: tuple[int, int, int] = (12, 4, 4)) -> np.ndarray:
    """Joint hue–saturation–value histogram of an image, L1-normalised.

    Parameters
    ----------
    rgb : ndarray of shape (height, width, 3), uint8
    bins : tuple of int
        Bins of hue, saturation and value.

    Returns
    -------
    ndarray of shape (prod(bins),), float32
        Sums to 1.
    """
    hsv = cv2.cvtColor(np.ascontiguousarray(rgb, dtype=np.uint8), cv2.COLOR_RGB2HSV)
    hist = cv2.calcHist([hsv], [0, 1, 2], None, list(bins), [0, 180, 0, 256, 0, 256])
    hist = hist.ravel().astype(np.float32)
    return hist / max(float(hist.sum()), 1.0)


class ColorHistogram(Extractor):
    """HSV histogram features (square-rooted, so that the dot product is the Hellinger kernel).

    Parameters
    ----------
    bins : tuple of int, default=(12, 4, 4)
    """

    block = "color"
    input_size = 256

    def __init__(self, bins: tuple[int, int, int] = (12, 4, 4)) -> None:
        self.bins = tuple(int(b) for b in bins)
        self.name = "color"
        self.options = {"bins": list(self.bins)}

    @property
    def dim(self) -> int:
        return int(np.prod(self.bins))

    def transform(self, images: Sequence[np.ndarray]) -> np.ndarray:
        out = np.zeros((len(images), self.dim), dtype=np.float32)
        for i, img in enumerate(images):
            out[i] = np.sqrt(hsv_histogram(img, self.bins))
        return out

    def get_config(self) -> dict[str, Any]:
        return {"name": self.name, "bins": list(self.bins)}


@register_extractor("color")
def _color(arg: str | None = None, **options: Any) -> ColorHistogram:
    return ColorHistogram(**{k: v for k, v in options.items() if k == "bins"})

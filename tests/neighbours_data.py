"""Test data for the Neighbours page: the demo collection with colour features, a fused
three-block feature set and DoG patches for most works (written the way the patch stage stores
them: kind ``patches``, name ``default``, arrays ``dog``, ``coords``, ``scores``)."""

from __future__ import annotations

import shutil
from pathlib import Path

import cv2
import numpy as np

from artexplore.features import embed, load_features, save_features
from artexplore.store import Workspace

N_WITHOUT_PATCHES = 4


def _dog_patches(thumb: Path, n: int = 5, size: int = 64) -> tuple[np.ndarray, np.ndarray]:
    """DoG patches (σ 3 and 5, rescaled to 0–255) at fixed windows of a thumbnail."""
    grey = cv2.imread(str(thumb), cv2.IMREAD_GRAYSCALE).astype(np.float32)
    h, w = grey.shape
    rows = np.linspace(0, max(h - size, 0), n).astype(int)
    cols = np.linspace(max(w - size, 0), 0, n).astype(int)
    out = np.zeros((n, size, size), dtype=np.uint8)
    for i, (r, c) in enumerate(zip(rows, cols, strict=True)):
        patch = cv2.resize(grey[r:r + size, c:c + size], (size, size))
        dog = np.abs(cv2.GaussianBlur(patch, (0, 0), 3) - cv2.GaussianBlur(patch, (0, 0), 5))
        span = float(dog.max() - dog.min())
        out[i] = (255 * (dog - dog.min()) / span).astype(np.uint8) if span else 0
    return out, np.stack([rows, cols], axis=1)


def prepare_workspace(source: Path, target: Path) -> Path:
    """Copy an ingested demo workspace and add features and patches to the copy."""
    shutil.copytree(source, target)
    ws = Workspace(target)
    embed(ws, "color")
    color = load_features(ws, "color")
    rng = np.random.default_rng(0)
    X = color.X
    parts = {"global": X, "gram": X @ rng.standard_normal((X.shape[1], 24)),
             "local": np.sqrt(X[:, ::4])}
    blocks, columns, start = {}, [], 0
    for name, part in parts.items():
        part = part - part.mean(axis=0)
        part = part / np.linalg.norm(part, axis=1, keepdims=True)
        columns.append(part.astype(np.float32))
        blocks[name] = [start, start + part.shape[1]]
        start += part.shape[1]
    save_features(ws, "fused", list(color.ids), np.hstack(columns),
                  {"name": "fused", "blocks": blocks}, fingerprint="fused-test-1")
    ids = list(color.ids)[:-N_WITHOUT_PATCHES]
    dogs, coords = zip(*(_dog_patches(ws.thumbnail_path(w)) for w in ids), strict=True)
    ws.arrays.register("patches", "default", "patches-test-1", {"n": 5, "patch_size": 64})
    ws.arrays.append("patches", "default", "patches-test-1", ids, dog=np.stack(dogs),
                     coords=np.stack(coords), scores=rng.uniform(5, 40, (len(ids), 5)))
    return target

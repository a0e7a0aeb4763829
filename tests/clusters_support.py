"""Shared, built-once workspaces for the map and cluster tests.

Building a mapped workspace compiles UMAP's numba kernels (seconds), so it is made
once per test process and reused read-only by the test modules that need it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np

_BUILT: dict[str, Path] = {}


def mapped_demo_workspace(demo_workspace: Path, tmp_path_factory) -> Path:
    """The demo collection with colour features, a 2-D map and two cluster runs.

    Runs: the Bayesian mixture (seed 0), then k-means with K=6 (seed 0), the newest.
    """
    if "demo" in _BUILT:
        return _BUILT["demo"]
    from artexplore.cluster import run_clustering
    from artexplore.features import embed
    from artexplore.reduce import MapConfig, compute_map
    from artexplore.store import Workspace

    root = tmp_path_factory.mktemp("mapped-demo") / "ws"
    shutil.copytree(demo_workspace, root)
    ws = Workspace(root)
    embed(ws, "color")
    compute_map(ws, "color", MapConfig())
    compute_map(ws, "color", MapConfig.for_clustering())  # the space bgmm clusters in
    run_clustering(ws, "color", "bgmm", random_state=0)
    run_clustering(ws, "color", "kmeans", n_clusters=6, random_state=0)  # newest: shown first
    _BUILT["demo"] = root
    return root


def write_patches(ws, ids, striped, *, seed: int = 0) -> None:
    """Store DoG patches in the local-patch stage's format for some works.

    Works flagged in ``striped`` get horizontal stripes, the others noise, so that
    patch neighbourhoods follow that split.
    """
    rng = np.random.default_rng(seed)
    n = len(ids)
    dog = np.zeros((n, 5, 64, 64), dtype=np.uint8)
    yy = np.arange(64)[:, None].repeat(64, 1)
    for i in range(n):
        for j in range(5):
            if striped[i]:
                dog[i, j] = ((yy // (4 + j % 2)) % 2 * 200 + rng.integers(0, 30, (64, 64)))
            else:
                dog[i, j] = rng.integers(0, 256, (64, 64))
    coords = rng.integers(0, 500, (n, 5, 2)).astype(np.int32)
    scores = rng.random((n, 5)).astype(np.float32)
    ws.arrays.register("patches", "default", "test-patches", {"method": "test"})
    ws.arrays.append("patches", "default", "test-patches", list(ids), dog=dog, coords=coords,
                     scores=scores)

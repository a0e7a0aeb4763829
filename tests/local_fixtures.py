"""Workspaces with computed patches (and a tiny trained InfoVAE) for the local-feature tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

TINY_MODEL = {"epochs": 1, "max_per_work": 2, "channels": (4, 8, 8, 8), "latent_dim": 8,
              "batch_size": 64, "device": "cpu", "n_threads": 1}


def demo_copy(source: Path, target: Path) -> Path:
    """A private copy of an ingested demo workspace (tests may write to it)."""
    shutil.copytree(source, target)
    return target


@pytest.fixture(scope="module")
def patched_workspace(demo_workspace, tmp_path_factory) -> Path:
    """The demo collection with patches computed and a tiny InfoVAE trained (module scope)."""
    from artexplore.local import compute_patches
    from artexplore.local.training import train_local
    from artexplore.store import Workspace

    root = demo_copy(demo_workspace, tmp_path_factory.mktemp("patched") / "ws")
    ws = Workspace(root)
    compute_patches(ws)
    train_local(ws, seed=0, **TINY_MODEL)
    return root

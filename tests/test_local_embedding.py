"""train-local, the stored model, and the `infovae` extractor (the local embedding)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from local_fixtures import TINY_MODEL, patched_workspace  # noqa: F401  (fixture)
from typer.testing import CliRunner

from artexplore.cli import app
from artexplore.errors import ArtExploreError
from artexplore.features import create_extractor, embed, load_features, transform_images
from artexplore.imageio import decode
from artexplore.ingest.folder import ingest
from artexplore.local.training import (
    aggregate,
    current_model_fingerprint,
    load_model,
    model_info,
    train_local,
)
from artexplore.store import Workspace

runner = CliRunner()


def test_aggregate_on_known_latents():
    z = np.array([[0.0, 2.0], [2.0, 2.0]])
    assert aggregate(z, "mean").tolist() == [1.0, 2.0]
    assert aggregate(z, "meanstd").tolist() == [1.0, 2.0, 1.0, 0.0]
    assert aggregate(z, "meanmax").tolist() == [1.0, 2.0, 2.0, 2.0]
    with pytest.raises(ArtExploreError, match="meanstd"):
        aggregate(z, "median")
    with pytest.raises(ArtExploreError):
        aggregate(np.zeros((0, 2)), "mean")


def test_embed_infovae_gives_the_local_block(patched_workspace):  # noqa: F811
    ws = Workspace(patched_workspace)
    result = embed(ws, "infovae", options={"n_threads": 1})
    assert result["computed"] == 204 and result["dim"] == 16  # mean + std of 8-d latents
    fm = load_features(ws, "infovae")
    assert fm.X.shape == (204, 16) and np.isfinite(fm.X).all()
    assert "local" in fm.blocks and fm.params["model"] == current_model_fingerprint(ws)
    assert (fm.X[:, 8:] >= 0).all()  # the standard deviations
    assert len(np.unique(fm.X.round(5), axis=0)) > 150  # works are told apart
    again = embed(ws, "infovae", options={"n_threads": 1})
    assert again["computed"] == 0 and again["already"] == 204
    # Outside images land in the same space as the stored rows.
    work = ws.works()[7]
    image = np.asarray(decode(ws.image_path(work), max_side=1024)[0])
    out = transform_images(ws, "infovae", [image])
    np.testing.assert_allclose(out[0], fm.X[fm.row(work["id"])], rtol=1e-4, atol=1e-5)


def test_extractor_needs_a_trained_model(demo_workspace, tmp_path, make_collection):
    folder, meta = make_collection(3)
    ws = Workspace(tmp_path / "empty-model", create=True)
    ingest(ws, folder, metadata=meta)
    with pytest.raises(ArtExploreError, match="artexplore train-local --workspace"):
        embed(ws, "infovae")
    ex = create_extractor("infovae")
    with pytest.raises(ArtExploreError, match="train-local"):
        ex.transform([np.zeros((64, 64, 3), np.uint8)])
    with pytest.raises(ArtExploreError, match="aggregate"):
        create_extractor("infovae", aggregate="median")
    with pytest.raises(ArtExploreError, match="choose from"):
        create_extractor("infovae", weights="x")


def test_model_record_and_reuse(patched_workspace):  # noqa: F811
    ws = Workspace(patched_workspace)
    fp = current_model_fingerprint(ws)
    info = model_info(ws)
    assert info["fingerprint"] == fp and info["patches"] >= 204 and info["works"] == 204
    assert info["patch_fingerprint"] == ws.arrays.current("patches", "default")
    assert len(info["history"]) == 1
    model, _ = load_model(ws, n_threads=1)
    assert model.latent_dim == 8
    again = train_local(ws, seed=0, **TINY_MODEL)
    assert again["reused"] and again["model"] == fp
    other = train_local(ws, seed=1, **TINY_MODEL)
    assert not other["reused"] and other["model"] != fp
    assert current_model_fingerprint(ws) == other["model"]
    train_local(ws, seed=0, **TINY_MODEL)  # back to the first: reused, current again
    assert current_model_fingerprint(ws) == fp


def test_cli_train_local(make_collection, tmp_path):
    folder, meta = make_collection(4)
    ws = Workspace(tmp_path / "ws", create=True)
    ingest(ws, folder, metadata=meta)
    args = ["train-local", "--workspace", str(ws.root), "--epochs", "1", "--max-per-work", "2",
            "--latent-dim", "8", "--threads", "1", "--device", "cpu"]
    out = runner.invoke(app, args)
    assert out.exit_code == 0, out.output
    summary = json.loads(out.output.strip().splitlines()[-1])
    assert summary["patches"] == 8 and summary["works"] == 4 and not summary["reused"]
    assert "trained on 8 patches of 4 works" in out.output
    out = runner.invoke(app, args)
    assert out.exit_code == 0 and "already trained" in out.output
    out = runner.invoke(app, [*args[:3], "--device", "tpu"])
    assert out.exit_code == 1 and "Unknown device 'tpu'" in out.output

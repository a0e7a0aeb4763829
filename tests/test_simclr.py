"""SimCLR fine-tuning: style-preserving views, the NT-Xent loss, a few steps on the CPU."""

from __future__ import annotations

import json

import numpy as np
import pytest
import torch
from typer.testing import CliRunner

from artexplore.cli import app
from artexplore.errors import ConfigError
from artexplore.features import create_extractor
from artexplore.features.simclr import SimCLR, augment, nt_xent, random_resized_crop
from artexplore.ingest.folder import ingest
from artexplore.store import Workspace
from conftest import stripes


@pytest.fixture(autouse=True)
def _one_torch_thread():
    """One intra-op thread: on a small shared machine more threads spin against each other."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def test_views_keep_the_palette_and_are_reproducible():
    img = stripes((120, 160), period=10, colors=((200, 30, 30), (240, 200, 40)))
    a = augment(img, np.random.default_rng(1), 64)
    b = augment(img, np.random.default_rng(1), 64)
    c = augment(img, np.random.default_rng(2), 64)
    assert a.shape == (64, 64, 3) and a.dtype == np.uint8
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)
    # No colour jitter, no greyscale: the view is still red and yellow, not grey.
    r, g, bl = a.reshape(-1, 3).astype(float).mean(0)
    assert r > 190 and bl < 60 and r - bl > 120
    crop = random_resized_crop(img, np.random.default_rng(0), 32, scale=(1.0, 1.0),
                               ratio=(4 / 3, 4 / 3))
    assert crop.shape == (32, 32, 3)


def test_nt_xent_prefers_matching_pairs():
    z = torch.eye(8)[:4] * 5
    matched = nt_xent(z, z.clone(), temperature=0.5)
    shuffled = nt_xent(z, z[[1, 2, 3, 0]], temperature=0.5)
    assert float(matched) < float(shuffled)
    # Known value: pairs identical and orthogonal to every other anchor.
    e = np.exp(1 / 0.5)
    want = -np.log(e / (e + 6 * np.exp(0)))
    assert float(matched) == pytest.approx(want, rel=1e-5)


def _toy_images(n=12):
    palettes = [((200, 30, 30), (240, 200, 40)), ((20, 40, 160), (200, 220, 240)),
                ((30, 120, 40), (220, 230, 180)), ((30, 30, 30), (230, 230, 230))]
    return [stripes((96, 96), period=4 + 3 * (i % 3), angle="vhd"[i % 3],
                    colors=palettes[i % 4]) for i in range(n)]


def test_simclr_runs_on_cpu_and_its_loss_falls(tmp_path):
    import timm
    from safetensors.torch import save_file

    with torch.random.fork_rng():
        torch.manual_seed(0)
        start = timm.create_model("test_vit", pretrained=False, num_classes=0).state_dict()
    weights = tmp_path / "start.safetensors"
    save_file({k: v.contiguous() for k, v in start.items()}, str(weights))

    # Epoch losses are noisy (fresh random views every epoch, 2 steps of 4 images):
    # compare the first three epochs with the last three.
    model = SimCLR("test_vit", weights=str(weights), epochs=12, batch_size=4, lr=5e-4,
                   backbone_lr_scale=0.5, crop_scale=(0.6, 1.0), blur_p=0.0, device="cpu",
                   random_state=0)
    model.fit(_toy_images(8))
    losses = model.history_.epochs
    assert len(model.history_.steps) == 24 and all(np.isfinite(model.history_.steps))
    assert np.mean(losses[-3:]) < 0.8 * np.mean(losses[:3])

    ckpt = model.save(tmp_path / "tuned.safetensors")
    note = json.loads(ckpt.with_suffix(".json").read_text())
    assert note["epochs"] == 12 and len(note["epoch_losses"]) == 12
    img = _toy_images(1)
    tuned = create_extractor("timm:test_vit", weights=str(ckpt), device="cpu").transform(img)
    base = create_extractor("timm:test_vit", weights=str(weights), device="cpu").transform(img)
    assert tuned.shape == base.shape == (1, 64) and not np.allclose(tuned, base)


def test_simclr_refuses_bad_settings():
    with pytest.raises(ConfigError, match="batch_size must be >= 2"):
        SimCLR("test_vit", weights="random", batch_size=1).fit(_toy_images(4))
    with pytest.raises(ConfigError, match="at least 2 images"):
        SimCLR("test_vit", weights="random").fit(_toy_images(1))


def test_finetune_command_writes_a_checkpoint_usable_as_weights(tmp_path, make_collection):
    folder, meta = make_collection(6)
    ws = Workspace(tmp_path / "ws", create=True)
    ingest(ws, folder, metadata=meta)
    runner = CliRunner()
    res = runner.invoke(app, ["finetune", "--workspace", str(ws.root), "--extractor",
                              "timm:test_vit", "--weights", "random", "--epochs", "1",
                              "--batch-size", "3", "--device", "cpu"])
    assert res.exit_code == 0, res.output
    result = json.loads(res.stdout.strip().splitlines()[-1])
    assert result["checkpoint"].endswith("simclr-test_vit-e1-s0.safetensors")
    res = runner.invoke(app, ["embed", "--workspace", str(ws.root), "--extractor",
                              result["extractor"], "--weights", result["checkpoint"]])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout.strip().splitlines()[-1])["computed"] == 6

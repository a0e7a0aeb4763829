"""The one torch toolkit: device names accepted everywhere, checkpoints of both trainers load."""

from __future__ import annotations

import json

import numpy as np
import pytest
from typer.testing import CliRunner

from artexplore.cli import app
from artexplore.errors import ConfigError
from artexplore.features import load_features
from artexplore.ingest.folder import ingest
from artexplore.nn import available_devices, load_backbone, resolve_device, save_backbone
from artexplore.store import Workspace
from conftest import stripes

pytestmark = pytest.mark.usefixtures("one_thread")
torch = pytest.importorskip("torch")


def test_one_device_vocabulary():
    assert resolve_device("auto").type == available_devices()[0]
    assert resolve_device("CPU").type == "cpu"
    assert resolve_device(torch.device("cpu")) == torch.device("cpu")
    with pytest.raises(ConfigError, match="Unknown device 'tpu'; choose one of: auto, cpu, "
                                          "cuda, mps"):
        resolve_device("tpu")
    for name in ("cuda", "cuda:1", "mps"):
        if name.split(":")[0] not in available_devices():
            with pytest.raises(ConfigError, match=f"Device '{name}' is not available"):
                resolve_device(name)


@pytest.mark.parametrize("stage", ["dec", "infovae", "deeppainter"])
def test_every_torch_stage_takes_the_same_names(stage):
    """DEC once refused ``mps`` as an unknown name; now every stage says what the machine has."""
    from artexplore.cluster import DEC
    from artexplore.labels.deeppainter import DeepPainter
    from artexplore.local.infovae import InfoVAE

    missing = next((d for d in ("mps", "cuda") if d not in available_devices()), None)
    if missing is None:
        pytest.skip("this machine has every device")
    rng = np.random.default_rng(0)
    with pytest.raises(ConfigError, match=f"Device '{missing}' is not available"):
        if stage == "dec":
            DEC(2, device=missing, pretrain_iter=1, max_iter=1).fit(rng.random((8, 4)))
        elif stage == "infovae":
            InfoVAE(device=missing, epochs=1).fit(rng.integers(0, 255, (4, 64, 64), np.uint8))
        else:
            images = [stripes(size=(32, 32)) for _ in range(4)]
            DeepPainter(image_size=32, channels=(4, 8), device=missing).fit(images, [0, 1, 0, 1])


def _images(n: int = 6) -> list[np.ndarray]:
    palettes = [((200, 30, 30), (240, 200, 40)), ((20, 40, 160), (200, 220, 240))]
    return [stripes((64, 64), period=3 + 2 * (i % 3), angle="vhd"[i % 3],
                    colors=palettes[i % 2]) for i in range(n)]


@pytest.fixture(scope="module")
def checkpoints(tmp_path_factory):
    """A SimCLR checkpoint and a classifier fine-tuning checkpoint of the same tiny model."""
    from artexplore.features.simclr import SimCLR
    from artexplore.labels.finetune import FinetuneConfig, train_classifier

    folder = tmp_path_factory.mktemp("ckpt")
    simclr = SimCLR("test_resnet", weights="random", epochs=1, batch_size=3, image_size=48,
                    device="cpu", random_state=0).fit(_images())
    simclr_path = simclr.save(folder / "simclr.safetensors")
    config = FinetuneConfig(model="test_resnet", mode="scratch", epochs=1, batch_size=4,
                            image_size=48, min_per_class=3, head_hidden=(8, 8), device="cpu")
    trained = train_classifier(_images(12), np.asarray([0, 1] * 6), ["a", "b"], config)
    classifier_path = save_backbone(trained["backbone"], folder / "classifier.safetensors",
                                    metadata={"timm_model": trained["arch"]})
    return {"simclr": simclr_path, "classifier": classifier_path}


def test_both_trainers_checkpoints_embed_through_weights(checkpoints, tmp_path, make_collection):
    folder, meta = make_collection(6)
    ws = Workspace(tmp_path / "ws", create=True)
    ingest(ws, folder, metadata=meta)
    runner = CliRunner()
    features = {}
    for kind, path in checkpoints.items():
        res = runner.invoke(app, ["embed", "--workspace", str(ws.root), "--extractor",
                                  "timm:test_resnet", "--weights", str(path),
                                  "--batch-size", "3"])
        assert res.exit_code == 0, res.output
        summary = json.loads(res.stdout.strip().splitlines()[-1])
        assert summary["computed"] == 6
        fm = load_features(ws, "timm:test_resnet")
        assert fm.X.shape[0] == 6 and np.isfinite(fm.X).all()
        features[kind] = fm.X.copy()
        # The same file through the library: the same backbone weights.
        loaded = load_backbone("test_resnet", str(path))
        assert loaded.weights_id.startswith("file:") and loaded.arch == "test_resnet"
    assert not np.allclose(features["simclr"], features["classifier"])


def test_a_checkpoint_of_another_model_is_refused_with_the_keys(checkpoints):
    from artexplore.nn import WeightsError

    with pytest.raises(WeightsError, match="do not fit timm model 'test_vit'.*missing"):
        load_backbone("test_vit", str(checkpoints["simclr"]))

"""Fine-tuning, DeepPainter and activation overlays on tiny models and tiny images (CPU)."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.base import clone

from artexplore.errors import ArtExploreError
from artexplore.labels.deeppainter import (
    DeepPainter,
    _build_classifier,
    cross_validate_deeppainter,
    pad_to_square,
)
from artexplore.labels.finetune import FinetuneConfig, make_head, train_classifier
from artexplore.labels.models import create_backbone
from artexplore.labels.saliency import (
    activation_map,
    attention_rollout,
    feature_norm_map,
    overlay,
    preprocess,
    upsample_map,
)
from artexplore.nn import WeightsError, save_backbone
from conftest import stripes

pytestmark = pytest.mark.usefixtures("one_thread")
torch = pytest.importorskip("torch")
timm = pytest.importorskip("timm")

PALETTES = (((200, 30, 30), (250, 220, 200)), ((20, 30, 200), (200, 220, 250)),
            ((20, 160, 40), (210, 250, 200)))


def tiny_images(per_class: int = 8) -> tuple[list[np.ndarray], np.ndarray]:
    images, y = [], []
    for c, colors in enumerate(PALETTES):
        for i in range(per_class):
            images.append(stripes(size=(40 + 3 * i, 52), period=3 + c * 4, angle="vhd"[c],
                                  colors=colors))
            y.append(c)
    return images, np.asarray(y)


@pytest.fixture(scope="module")
def resnet_weights(tmp_path_factory):
    """A 'pretrained' test_resnet state dict saved locally (the loading path of real weights)."""
    from safetensors.torch import save_file

    path = tmp_path_factory.mktemp("w") / "test_resnet.safetensors"
    with torch.random.fork_rng():
        torch.manual_seed(0)
        model = timm.create_model("test_resnet", num_classes=5)  # a full checkpoint, with its head
    save_file(model.state_dict(), str(path))
    return path


# -- fine-tuning ---------------------------------------------------------------------------------
def test_head_is_three_linear_layers_with_relu():
    head = make_head(96, 4, (32, 16))
    kinds = [type(m).__name__ for m in head]
    assert kinds.count("Linear") == 3 and kinds.count("ReLU") == 2
    assert head(torch.zeros(2, 96)).shape == (2, 4)


@pytest.mark.parametrize("mode,scheduler", [("finetune", "step"), ("frozen", "plateau"),
                                            ("scratch", "step")])
def test_finetune_modes_train_and_save_a_loadable_backbone(mode, scheduler, resnet_weights,
                                                           tmp_path):
    from safetensors.torch import load_file

    images, y = tiny_images(8)
    config = FinetuneConfig(model="test_resnet", mode=mode, scheduler=scheduler,
                            weights=None if mode == "scratch" else str(resnet_weights),
                            epochs=2, batch_size=8, image_size=48, min_per_class=3,
                            head_hidden=(32, 16), device="cpu")
    out = train_classifier(images, y, ["red", "blue", "green"], config)
    assert out["split"] == {"train": 18, "val": 3, "test": 3}  # 80/10/10, stratified
    assert len(out["history"]) == 2 and 1 <= out["best_epoch"] <= 2
    m = out["metrics"]
    assert m["n"] == 3 and 0 <= m["top1"] <= m["top3"] <= 1 and len(m["confusion"]) == 3
    assert out["weights_id"].startswith("random" if mode == "scratch" else "file:")
    # Saved with the keys of timm.create_model(name, num_classes=0): loads strictly there.
    path = save_backbone(out["backbone"], tmp_path / "b.safetensors")
    fresh = timm.create_model("test_resnet", num_classes=0)
    fresh.load_state_dict(load_file(str(path)), strict=True)
    if mode == "frozen":  # the backbone was not trained
        before = load_file(str(resnet_weights))
        after = load_file(str(path))
        assert all(torch.equal(after[k], before[k]) for k in after)
    else:
        assert create_backbone("test_resnet", weights=path).weights_id.startswith("file:")


def test_finetune_is_deterministic_for_a_seed(resnet_weights):
    images, y = tiny_images(6)
    config = FinetuneConfig(model="test_resnet", mode="frozen", weights=str(resnet_weights),
                            epochs=3, batch_size=6, image_size=40, min_per_class=3,
                            head_hidden=(16, 8), device="cpu", random_state=3)
    a = train_classifier(images, y, ["r", "b", "g"], config)
    b = train_classifier(images, y, ["r", "b", "g"], config)
    assert [h["train_loss"] for h in a["history"]] == [h["train_loss"] for h in b["history"]]


def test_pretrained_weights_come_only_from_local_files(tmp_path):
    # Pretrained test_resnet weights would have to be downloaded: refused, with the way out.
    with pytest.raises(ArtExploreError, match="no offline weights.*--weights FILE.*scratch"):
        create_backbone("test_resnet")
    with pytest.raises(WeightsError, match="does not exist"):
        create_backbone("test_resnet", weights=tmp_path / "absent.safetensors")
    from safetensors.torch import save_file

    vit = tmp_path / "vit.safetensors"
    save_file(timm.create_model("test_vit", num_classes=0).state_dict(), str(vit))
    with pytest.raises(WeightsError, match="do not fit timm model 'test_resnet'.*missing"):
        create_backbone("test_resnet", weights=vit)
    with pytest.raises(ArtExploreError, match="Unknown timm model 'resnet_nope'"):
        create_backbone("resnet_nope", pretrained=False)
    with pytest.raises(ArtExploreError, match="Unknown mode 'partial'; choose one of: finetune"):
        FinetuneConfig(model="test_resnet", mode="partial")


# -- DeepPainter --------------------------------------------------------------------------------
def test_pad_to_square_keeps_the_whole_image():
    img = np.arange(2 * 5 * 3, dtype=np.uint8).reshape(2, 5, 3) + 1
    sq = pad_to_square(img, fill=0)
    assert sq.shape == (5, 5, 3)
    assert np.array_equal(sq[1:3], img)  # centred, nothing cropped
    assert not sq[0].any() and not sq[3:].any()
    assert pad_to_square(sq) is not sq and np.array_equal(pad_to_square(sq), sq)


def test_deeppainter_cross_validation_fit_predict_and_round_trip(tmp_path):
    images, y = tiny_images(6)
    labels = np.asarray(["red", "blue", "green"])[y]
    params = dict(image_size=32, channels=(8, 16), ae_epochs=2, epochs=8, batch_size=6,
                  hidden=16, device="cpu", random_state=0)
    result = cross_validate_deeppainter(images, labels, n_splits=3, params=params)
    assert result["n"] == 18 and sorted(result["classes"]) == ["blue", "green", "red"]
    assert len(result["fold_top1"]) == 3 and len(result["ae_loss"]) == 2
    assert np.asarray(result["confusion"]).sum() == 18
    assert result["top1"] > 0.5  # three colour classes: far above chance (1/3)
    model = result["model"]
    # The classifier sits on the frozen, pretrained encoder with spatial dropout.
    assert type(_build_classifier(model.code_shape, 3, 16, 0.3)[0]).__name__ == "Dropout2d"
    proba = model.predict_proba(images)
    assert proba.shape == (18, 3) and np.allclose(proba.sum(axis=1), 1, atol=1e-5)
    path = model.save(tmp_path / "dp.pt")
    loaded = DeepPainter.load(path)  # weights_only=True inside
    assert np.allclose(loaded.predict_proba(images), proba, atol=1e-6)
    assert list(loaded.predict(images[:3])) == list(model.predict(images[:3]))


def test_deeppainter_fit_is_an_estimator():
    images, y = tiny_images(4)
    est = DeepPainter(image_size=32, channels=(8, 16), ae_epochs=1, epochs=2, batch_size=6,
                      hidden=8, device="cpu", random_state=1)
    assert est.fit(images, y) is est
    assert list(est.classes_) == [0, 1, 2] and len(est.ae_loss_) == 1
    again = DeepPainter(**est.get_params()).fit(images, y)
    assert np.allclose(again.predict_proba(images), est.predict_proba(images))
    copy = clone(est)  # scikit-learn's contract: the parameters, none of the fitted state
    assert copy.get_params()["epochs"] == 2 and not hasattr(copy, "classes_")
    with pytest.raises(ArtExploreError, match="multiple of 4"):
        DeepPainter(image_size=30, channels=(8, 16)).fit(images, y)


# -- where the model looks ----------------------------------------------------------------------
def test_feature_norm_map_peaks_where_the_features_are_strong():
    f = np.zeros((4, 5, 6))
    f[:, 3, 1] = [3, 0, 4, 0]  # norm 5
    f[1, 0, 0] = 1
    m = feature_norm_map(f)
    assert m.shape == (5, 6) and m[3, 1] == 1.0 and m[0, 0] == pytest.approx(0.2)


def test_attention_rollout_follows_the_class_token():
    n = 1 + 4  # class token + 2×2 patches
    att = np.full((2, n, n), 1e-3)
    att[:, 0, 3] = 1.0  # the class token looks at patch 2 (token 3)
    att /= att.sum(axis=-1, keepdims=True)
    rel = attention_rollout([att, np.tile(np.eye(n), (2, 1, 1))])
    assert rel.shape == (4,) and int(np.argmax(rel)) == 2 and rel.max() == 1.0


@pytest.mark.parametrize("arch,method", [("test_resnet", "auto"), ("test_vit", "rollout"),
                                         ("test_vit", "cls-attention")])
def test_activation_overlay_on_tiny_models(arch, method):
    backbone = create_backbone(arch, pretrained=False)
    rgb = stripes(size=(90, 120))
    x = preprocess(rgb, backbone.data_config, keep_aspect=arch == "test_resnet")
    fused = [getattr(m, "fused_attn", None) for m in backbone.model.modules()]
    m = activation_map(backbone.model, x, method=method)
    assert [getattr(m_, "fused_attn", None) for m_ in backbone.model.modules()] == fused
    assert m.ndim == 2 and m.min() >= 0 and m.max() == pytest.approx(1.0)
    if arch == "test_vit":
        assert m.shape == (10, 10)  # 160 px / patch 16
    up = upsample_map(m, rgb.shape[:2])
    assert up.shape == (90, 120)
    shown = overlay(rgb, up, alpha=0.6)
    assert shown.shape == rgb.shape and shown.dtype == np.uint8
    assert np.array_equal(overlay(rgb, up, alpha=0.0), rgb)  # opacity 0 shows the painting
    assert not np.array_equal(shown, rgb)


def test_overlay_rejects_unknown_colormap_and_cnn_rollout():
    rgb = stripes(size=(20, 20))
    with pytest.raises(ArtExploreError, match="Unknown colormap 'rainbowz'.*inferno"):
        overlay(rgb, np.zeros((2, 2)), colormap="rainbowz")
    backbone = create_backbone("test_resnet", pretrained=False)
    with pytest.raises(ArtExploreError, match="rollout needs a vision transformer"):
        activation_map(backbone.model, torch.zeros(1, 3, 64, 64), method="rollout")

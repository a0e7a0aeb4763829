"""The InfoVAE estimator and its kernel MMD term."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.utils.validation import check_is_fitted

from artexplore.errors import ArtExploreError, ConfigError
from artexplore.local.infovae import InfoVAE, kernel_matrix, mmd
from artexplore.local.patches import PatchConfig, kept_patches
from conftest import noise, stripes

TINY = {"channels": (8, 8, 8, 8), "latent_dim": 8, "batch_size": 32, "device": "cpu",
        "n_threads": 1}


def _mmd_reference(x: np.ndarray, y: np.ndarray, kernel) -> float:
    n, m = len(x), len(y)
    kxx = sum(kernel(x[i], x[j]) for i in range(n) for j in range(n) if i != j) / (n * (n - 1))
    kyy = sum(kernel(y[i], y[j]) for i in range(m) for j in range(m) if i != j) / (m * (m - 1))
    kxy = sum(kernel(a, b) for a in x for b in y) / (n * m)
    return kxx + kyy - 2 * kxy


@pytest.mark.parametrize("name", ["imq", "rbf"])
def test_mmd_equals_the_pairwise_definition(name):
    rng = np.random.default_rng(0)
    x, y = rng.normal(size=(7, 3)), rng.normal(1.0, 1.0, size=(5, 3))
    c = 2.0 * 3

    def k(a, b):
        d = float(((a - b) ** 2).sum())
        return c / (c + d) if name == "imq" else float(np.exp(-d / c))

    got = float(mmd(torch.tensor(x), torch.tensor(y), kernel=name))
    assert got == pytest.approx(_mmd_reference(x, y, k), rel=1e-9)
    km = kernel_matrix(torch.tensor(x), torch.tensor(y), kernel=name)
    assert km.shape == (7, 5) and float(km[0, 0]) == pytest.approx(k(x[0], y[0]))


def test_mmd_is_near_zero_for_equal_distributions_and_grows_with_a_shift():
    g = torch.Generator().manual_seed(0)
    base = torch.randn(400, 8, generator=g)
    same = torch.randn(400, 8, generator=g)
    values = [float(mmd(base, torch.randn(400, 8, generator=g) + shift))
              for shift in (0.5, 1.0, 2.0)]
    assert abs(float(mmd(base, same))) < 0.01
    assert values[0] > 0.02 and values[0] < values[1] < values[2]
    assert float(mmd(base, same)) == pytest.approx(float(mmd(same, base)), abs=1e-7)
    with pytest.raises(ValueError, match="at least 2"):
        mmd(base[:1], same)
    with pytest.raises(ConfigError, match="imq, rbf"):
        mmd(base, same, kernel="linear")


@pytest.fixture(scope="module")
def patches() -> np.ndarray:
    """DoG patches of a few synthetic images: stripes of several periods, noise."""
    cfg = PatchConfig(top=0.5)
    out = []
    for i, period in enumerate((2, 3, 5, 8)):
        out.append(kept_patches(stripes((192, 256), period=period, angle="vhd"[i % 3]), cfg)[0])
        out.append(kept_patches(noise((192, 256), seed=i), cfg)[0])
    return np.concatenate(out)[:96]


def test_architecture_follows_the_seed_method():
    vae = InfoVAE(epochs=1, batch_size=4, device="cpu", n_threads=1, random_state=0)
    vae.fit(np.random.default_rng(0).integers(0, 256, (4, 64, 64), dtype=np.uint8))
    convs = [m for m in vae.network_.encoder if isinstance(m, torch.nn.Conv2d)]
    assert [c.out_channels for c in convs] == [32, 64, 128, 256]
    assert all(c.kernel_size == (3, 3) and c.stride == (2, 2) and c.padding == (1, 1)
               for c in convs)
    kinds = [type(m).__name__ for m in vae.network_.encoder]
    assert kinds[:3] == ["Conv2d", "BatchNorm2d", "LeakyReLU"]
    assert vae.network_.to_mu.out_features == 64 == vae.network_.to_logvar.out_features
    ups = [m for m in vae.network_.decoder if isinstance(m, torch.nn.ConvTranspose2d)]
    assert [u.out_channels for u in ups] == [128, 64, 32, 1]
    Z = vae.transform(np.zeros((3, 64, 64), np.uint8))
    assert Z.shape == (3, 64) and Z.dtype == np.float32
    assert vae.reconstruct(np.zeros((2, 64, 64), np.uint8)).shape == (2, 64, 64)


def test_loss_falls_on_a_small_patch_set(patches):
    vae = InfoVAE(epochs=8, random_state=0, lr=3e-3, **TINY).fit(patches)
    losses = [h["loss"] for h in vae.history_]
    recon = [h["reconstruction"] for h in vae.history_]
    assert losses[-1] < 0.9 * losses[0]
    assert recon[-1] < recon[0]
    assert all(np.isfinite([h["kl"], h["mmd"]]).all() for h in vae.history_)
    trained = vae.score(patches)
    untrained = InfoVAE(epochs=1, lr=1e-9, random_state=1, **TINY).fit(patches).score(patches)
    assert trained > untrained


def test_same_seed_same_model_and_save_load_round_trip(patches, tmp_path):
    a = InfoVAE(epochs=1, random_state=3, **TINY).fit(patches)
    b = InfoVAE(epochs=1, random_state=3, **TINY).fit(patches)
    c = InfoVAE(epochs=1, random_state=4, **TINY).fit(patches)
    np.testing.assert_array_equal(a.transform(patches), b.transform(patches))
    assert not np.allclose(a.transform(patches), c.transform(patches))
    np.testing.assert_allclose(
        InfoVAE(epochs=1, random_state=3, **TINY).fit_transform(patches), a.transform(patches))
    path = a.save(tmp_path / "m.pt")
    loaded = InfoVAE.load(path, device="cpu", n_threads=1)
    np.testing.assert_allclose(loaded.transform(patches), a.transform(patches), atol=1e-6)
    assert loaded.get_params()["channels"] == (8, 8, 8, 8) and loaded.history_ == a.history_
    # weights_only loading: a file holding arbitrary Python objects is refused.
    torch.save({"format": 1, "params": {}, "evil": ArtExploreError("x")}, tmp_path / "bad.pt")
    with pytest.raises(ArtExploreError, match="not a readable InfoVAE model"):
        InfoVAE.load(tmp_path / "bad.pt")
    with pytest.raises(ArtExploreError, match="No InfoVAE model file"):
        InfoVAE.load(tmp_path / "missing.pt")


def test_parameters_and_inputs_are_validated(patches):
    with pytest.raises(ConfigError, match="kernel 'cosine'"):
        InfoVAE(kernel="cosine", **{k: v for k, v in TINY.items()}).fit(patches)
    with pytest.raises(ConfigError, match="input_size"):
        InfoVAE(input_size=60, n_threads=1).fit(patches)
    with pytest.raises(ArtExploreError, match="at least 2 patches"):
        InfoVAE(**TINY).fit(patches[:1])
    with pytest.raises(ArtExploreError, match="not fitted"):
        InfoVAE(n_threads=1).transform(patches)
    # Parameters are not fitted state: an unfitted model with every parameter set is unfitted.
    unfitted = InfoVAE(lambda_mmd=10.0, alpha=0.5, **TINY)
    with pytest.raises(NotFittedError):
        check_is_fitted(unfitted)
    assert clone(unfitted).get_params() == unfitted.get_params()
    with pytest.raises(ArtExploreError, match="shape"):
        InfoVAE(**TINY).fit(np.zeros((4, 64), np.uint8))
    # Patches of another size are resampled to the network's input.
    vae = InfoVAE(epochs=1, random_state=0, **TINY).fit(patches[:, ::2, ::2])
    assert vae.transform(patches[:5, ::2, ::2]).shape == (5, 8)

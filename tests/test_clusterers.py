"""The clustering estimators: scikit-learn contract, determinism, K, DEC and DCEC."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.datasets import make_blobs
from sklearn.metrics import normalized_mutual_info_score as nmi

from artexplore.cluster import (
    DCEC,
    DEC,
    BayesianGMMClusterer,
    KSweep,
    WardClusterer,
    available_methods,
    choose_k,
    create_clusterer,
)
from artexplore.errors import ConfigError, UnknownNameError

VECTOR_METHODS = ["kmeans", "gmm", "bgmm", "hdbscan", "agglomerative"]
SMALL_DEC = {"hidden_dims": (32, 32, 64), "latent_dim": 5, "pretrain_iter": 150,
             "max_iter": 200, "batch_size": 64}


@pytest.fixture(scope="module")
def blobs():
    X, y = make_blobs(240, n_features=6, centers=4, cluster_std=1.2, random_state=3)
    return X.astype(np.float32), y


def _build(method: str, seed: int):
    k = None if method in ("bgmm", "hdbscan") else 4
    options = SMALL_DEC if method == "dec" else {}
    return create_clusterer(method, n_clusters=k, random_state=seed, **options)


@pytest.mark.parametrize("method", [*VECTOR_METHODS, "dec"])
def test_same_seed_same_labels_and_fit_predict_equals_predict(blobs, method):
    X, y = blobs
    a = _build(method, 7).fit(X)
    b = _build(method, 7)
    labels_b = b.fit_predict(X)
    np.testing.assert_array_equal(a.labels_, labels_b)
    np.testing.assert_array_equal(a.predict(X), a.labels_)
    # Soft assignments: one row per work, rows sum to 1 (noise rows to 0).
    assert a.proba_.shape == (len(X), a.n_clusters_)
    sums = a.proba_.sum(axis=1)
    if method == "hdbscan":
        # HDBSCAN's membership strength sits in the work's own column, zeros elsewhere.
        ok = a.labels_ >= 0
        assert ok.sum() > 0.9 * len(X)
        np.testing.assert_allclose(a.proba_[ok, a.labels_[ok]], sums[ok])
        np.testing.assert_allclose(sums[ok], a.hdbscan_.probabilities_[ok], rtol=1e-6)
        assert (sums[ok] > 0).all() and (sums[ok] <= 1 + 1e-6).all()
        assert (sums[~ok] == 0).all()
    else:
        np.testing.assert_allclose(sums, 1.0, atol=1e-4)
    assert a.confidence_.shape == (len(X),) and (a.confidence_ <= 1.0 + 1e-6).all()
    assert nmi(y, a.labels_) > 0.8


def test_confidence_is_low_between_clusters():
    X, _ = make_blobs(200, n_features=2, centers=[[-5, 0], [5, 0]], cluster_std=1.0,
                      random_state=0)
    X = np.vstack([X, [[0.0, 0.0]]])  # a work exactly between the two groups
    model = create_clusterer("kmeans", n_clusters=2, random_state=0).fit(X)
    assert model.confidence_[-1] == pytest.approx(0.5, abs=0.05)
    assert np.median(model.confidence_[:-1]) > 0.8


@pytest.mark.parametrize("k_true", [3, 5])
def test_bayesian_mixture_finds_k_on_separated_blobs(k_true):
    X, y = make_blobs(300, n_features=5, centers=k_true, cluster_std=0.6, center_box=(-10, 10),
                      random_state=1)
    model = BayesianGMMClusterer(max_components=12, random_state=0).fit(X)
    assert model.n_clusters_ == k_true
    assert len(np.unique(model.labels_)) == k_true
    assert nmi(y, model.labels_) > 0.99


def test_sweeps_choose_k_and_say_how(blobs):
    X, _ = blobs
    for base, criterion in (("kmeans", "silhouette"), ("gmm", "bic")):
        model = KSweep(base, k_max=8, random_state=0).fit(X)
        assert model.n_clusters_ == 4
        assert model.selection_.criterion == criterion
        assert sorted(model.selection_.scores) == list(range(2, 9))
        assert "K=4" in model.selection_.describe()
    selection, fitted = choose_k(X, criterion="bic", k_max=6)
    assert selection.k == 4 and fitted.n_clusters_ == 4
    # Without K, kmeans is the sweep.
    assert isinstance(create_clusterer("kmeans"), KSweep)


def test_dec_keeps_or_improves_the_starting_kmeans_nmi():
    X, y = make_blobs(400, n_features=10, centers=4, cluster_std=2.5, random_state=3)
    model = DEC(4, random_state=3, **SMALL_DEC).fit(X)
    start, final = nmi(y, model.init_labels_), nmi(y, model.labels_)
    assert final >= start
    # Fitted state is plain numpy, as for every scikit-learn clusterer.
    assert type(model.cluster_centers_) is np.ndarray
    assert model.cluster_centers_.shape == (4, SMALL_DEC["latent_dim"])
    np.testing.assert_array_equal(model.predict(X), model.labels_)
    assert final > 0.9
    assert model.n_iter_ >= 1


def test_dcec_trains_a_few_steps_on_tiny_images():
    rng = np.random.default_rng(0)
    images = rng.integers(0, 60, (48, 16, 16, 3), dtype=np.uint8)
    images[24:, :, :, 0] += 180  # half the images are red
    images[24:, ::2] = 250  # and striped
    steps = []
    model = DCEC(2, filters=(4, 8, 8), latent_dim=4, pretrain_iter=8, max_iter=6, batch_size=16,
                 device="cpu", n_threads=1, random_state=0)
    model.fit(images, progress=lambda done, total=None, message="": steps.append(message))
    assert np.isfinite(model.pretrain_loss_)
    assert model.proba_.shape == (48, 2)
    assert np.allclose(model.proba_.sum(1), 1.0, atol=1e-5)
    assert model.predict(images).shape == (48,)
    assert model.transform(images[:3]).shape == (3, 4)
    assert any("pretraining" in s for s in steps)
    # The two kinds of images end up apart.
    assert nmi(np.repeat([0, 1], 24), model.labels_) > 0.9
    with pytest.raises(ConfigError, match="multiple of 8"):
        DCEC(2).fit(rng.integers(0, 255, (4, 12, 12, 3), dtype=np.uint8))


def test_ward_large_input_uses_micro_clusters_and_says_so(blobs):
    X, y = blobs
    model = WardClusterer(4, max_samples=100, n_preclusters=40, random_state=0).fit(X)
    assert "micro-clusters" in model.note_
    assert nmi(y, model.labels_) > 0.8


def test_errors_name_the_bad_value_and_the_choices(blobs):
    X, _ = blobs
    with pytest.raises(UnknownNameError, match="kmeans"):
        create_clusterer("spectral")
    with pytest.raises(ConfigError, match="n_clusters = 500"):
        create_clusterer("kmeans", n_clusters=500).fit(X)
    with pytest.raises(ConfigError, match="covariance_type"):
        create_clusterer("gmm", n_clusters=3, covariance_type="round").fit(X)
    assert available_methods()[:7] == ["kmeans", "gmm", "bgmm", "hdbscan", "agglomerative",
                                       "dec", "dcec"]

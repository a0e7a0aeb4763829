"""Fused feature sets: the arithmetic, workspace definitions, weights, outside images."""

from __future__ import annotations

import numpy as np
import pytest

from artexplore.errors import ArtExploreError, ConfigError
from artexplore.features import (
    FusionSpec,
    embed,
    feature_set_names,
    get_fusion,
    load_features,
    save_fusion,
    set_block_weights,
    transform_images,
)
from artexplore.features.fusion import DBA, fit_fusion, knn_cosine, restore_fusion, source_key
from artexplore.imageio import load_rgb
from artexplore.ingest.folder import ingest
from artexplore.store import Workspace


@pytest.fixture(autouse=True)
def _one_torch_thread():
    """One intra-op thread: on a small shared machine more threads spin against each other."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def _spec(**weights) -> FusionSpec:
    return FusionSpec.from_dict({"name": "toy", "blocks": [
        {"name": "global", "weight": weights.get("global", 1.0), "components": [
            {"source": "a", "parts": ["p1"], "steps": ["center", "l2"]}]},
        {"name": "gram", "weight": weights.get("gram", 1.0), "components": [
            {"source": "a", "parts": ["p2", "p3"], "per_part": True,
             "steps": ["power:0.5", "pca:3:0.5"]},
            {"source": "b", "weight": 0.5}]},
    ]})


def _toy_sources(n=30, seed=0):
    rng = np.random.default_rng(seed)
    a = rng.normal(size=(n, 2 + 4 + 5)) + 3.0
    b = rng.normal(size=(n, 6))
    parts = {source_key("a", {}): [("p1", 2), ("p2", 4), ("p3", 5)],
             source_key("b", {}): [("b", 6)]}
    return {source_key("a", {}): a, source_key("b", {}): b}, parts


def test_blocks_are_centred_unit_norm_and_weighted():
    sources, parts = _toy_sources()
    fitted, X = fit_fusion(_spec(), sources, parts)
    s = fitted.block_slices
    assert s["global"] == slice(0, 2) and s["gram"] == slice(2, 2 + 3 + 3 + 6)
    for sl in s.values():
        np.testing.assert_allclose(np.linalg.norm(X[:, sl], axis=1), 1.0, rtol=1e-5)
    # Global block = the centred, normalised first part, by hand.
    a = sources[source_key("a", {})]
    g = a[:, :2] - a[:, :2].mean(0)
    np.testing.assert_allclose(X[:, s["global"]], g / np.linalg.norm(g, axis=1, keepdims=True),
                               rtol=1e-5, atol=1e-6)
    # PCA whitening of a part: decorrelated components with equal variance.
    p2 = fitted.transform(sources, weighted=False)  # same rows as the fit
    np.testing.assert_allclose(p2, X, rtol=1e-5, atol=1e-6)
    white = fitted.steps[(1, 0, 0)][-1].transform(np.sign(a[:, 2:6]) * np.sqrt(np.abs(a[:, 2:6])))
    cov = np.cov(white, rowvar=False)
    np.testing.assert_allclose(cov, np.eye(3), atol=1e-4)


def test_weights_scale_blocks_and_cosine_decomposes():
    sources, parts = _toy_sources()
    fitted, X = fit_fusion(_spec(), sources, parts)
    spec = _spec(gram=0.5)
    Xw = X.copy()
    for block in spec.blocks:
        Xw[:, fitted.block_slices[block.name]] *= block.weight
    i, j = 3, 7
    cos = {b: float(X[i, sl] @ X[j, sl]) for b, sl in fitted.block_slices.items()}
    w = spec.weights
    expected = sum(w[b] ** 2 * cos[b] for b in cos) / sum(v ** 2 for v in w.values())
    got = Xw[i] @ Xw[j] / np.linalg.norm(Xw[i]) / np.linalg.norm(Xw[j])
    assert got == pytest.approx(expected, rel=1e-5)


def test_fitted_state_round_trips():
    sources, parts = _toy_sources()
    fitted, X = fit_fusion(_spec(), sources, parts)
    restored = restore_fusion(_spec(), fitted.state(), parts)
    new, _ = _toy_sources(n=5, seed=1)
    np.testing.assert_allclose(restored.transform(new), fitted.transform(new), rtol=1e-6)
    assert restored.block_slices == fitted.block_slices


def test_dba_known_answer():
    X = np.array([[1.0, 0.0], [0.8, 0.6], [0.0, 1.0]])
    idx, sims = knn_cosine(X, X, 1, exclude_self=True)
    assert idx[:, 0].tolist() == [1, 0, 1]
    out = DBA(1, alpha=1.0).apply(X)[-1]
    want = X[0] + 0.8 * X[1]
    np.testing.assert_allclose(out[0], want / np.linalg.norm(want))
    # An outside copy of a row is augmented as that row was; another row by its neighbour.
    q = DBA(1, alpha=1.0).expand(np.array([[2.0, 0.0], [0.1, 1.0]]), [X])
    np.testing.assert_allclose(q[0], out[0])
    want = np.array([0.1, 1.0]) / np.linalg.norm([0.1, 1.0])
    want = want + (want @ X[2]) * X[2]
    np.testing.assert_allclose(q[1], want / np.linalg.norm(want))


def test_bad_specs_name_the_problem():
    with pytest.raises(ConfigError, match="Unknown fusion step 'pca:x'"):
        FusionSpec.from_dict({"name": "x", "blocks": [{"name": "g", "components": [
            {"source": "color", "steps": ["pca:x"]}]}]})
    with pytest.raises(ConfigError, match="no ':'"):
        FusionSpec.from_dict({"name": "a:b", "blocks": [{"name": "g", "components": [
            {"source": "color"}]}]})
    with pytest.raises(ConfigError, match="has no block 'nope'; blocks: global, gram"):
        _spec().with_weights({"nope": 1.0})


COLOR_SPEC = {"name": "palette", "blocks": [
    {"name": "color", "weight": 1.0, "components": [{"source": "color"}]},
    {"name": "gram", "weight": 1.0, "components": [
        {"source": "color", "options": {"bins": [6, 3, 3]}, "steps": ["power:0.5", "center",
                                                                      "l2"]}]},
], "post": []}


@pytest.fixture
def color_ws(tmp_path, make_collection):
    folder, meta = make_collection(8)
    ws = Workspace(tmp_path / "ws", create=True)
    ingest(ws, folder, metadata=meta)
    save_fusion(ws, FusionSpec.from_dict(COLOR_SPEC))
    return ws


def test_fused_set_in_a_workspace(color_ws):
    ws = color_ws
    with pytest.raises(ArtExploreError, match="needs color"):
        load_features(ws, "palette")
    result = embed(ws, "palette")  # computes both colour sources
    assert result["works"] == 8 and len(result["sources"]) == 2
    assert "palette" in feature_set_names(ws)
    fm = load_features(ws, "palette")
    assert fm.X.shape == (8, 192 + 54) and fm.X.dtype == np.float32
    assert fm.blocks == {"color": slice(0, 192), "gram": slice(192, 246)}
    assert fm.work_paths == sorted(fm.work_paths)

    # Re-weighting is instant (no refit) and stored in the workspace.
    set_block_weights(ws, "palette", {"gram": 0.25})
    fm2 = load_features(ws, "palette")
    assert fm2.weights == {"color": 1.0, "gram": 0.25}
    np.testing.assert_allclose(fm2.X[:, fm2.blocks["gram"]], 0.25 * fm.X[:, fm.blocks["gram"]],
                               rtol=1e-6)
    np.testing.assert_allclose(fm2.X[:, fm2.blocks["color"]], fm.X[:, fm.blocks["color"]])
    assert get_fusion(ws, "palette").weights["gram"] == 0.25
    live = load_features(ws, "palette", weights={"color": 0.0})  # not saved
    assert not live.X[:, live.blocks["color"]].any()
    assert get_fusion(ws, "palette").weights == {"color": 1.0, "gram": 0.25}
    sims = fm2.block_similarity(0, 1)
    assert set(sims) == {"color", "gram"} and all(-1 <= v <= 1 for v in sims.values())

    # Outside images land where the collection's rows are.
    work = ws.work(fm2.ids[2])
    x = transform_images(ws, "palette", [load_rgb(ws.image_path(work))])
    np.testing.assert_allclose(x[0], fm2.X[2], rtol=1e-4, atol=1e-5)


def test_fused_set_with_post_processing_embeds_outside_images(color_ws):
    ws = color_ws
    spec = FusionSpec.from_dict({**COLOR_SPEC, "name": "palette-dba", "post": ["dba:2:3"]})
    save_fusion(ws, spec)
    embed(ws, "palette-dba")
    fm = load_features(ws, "palette-dba")
    np.testing.assert_allclose(np.linalg.norm(fm.X, axis=1), 1.0, rtol=1e-5)
    work = ws.work(fm.ids[0])
    x = transform_images(ws, "palette-dba", [load_rgb(ws.image_path(work))])
    assert int(np.argmax(fm.X @ x[0])) == 0


def test_extractor_names_are_not_fused_names(color_ws):
    with pytest.raises(ConfigError, match="extractor name"):
        save_fusion(color_ws, FusionSpec.from_dict({**COLOR_SPEC, "name": "color"}))


def _dense_diffusion(X, k, gamma, alpha, rank):
    """The diffusion embedding the slow way: loops over pairs, a dense eigendecomposition."""
    F = X / np.linalg.norm(X, axis=1, keepdims=True)
    n = len(F)
    S = F @ F.T
    knn = [set(np.argsort(-np.where(np.eye(n, dtype=bool)[i], -np.inf, S[i]))[:k])
           for i in range(n)]
    W = np.zeros((n, n))
    for i in range(n):
        for j in knn[i]:
            if i in knn[j]:
                W[i, j] = max(S[i, j], 0) ** gamma
    for i in np.flatnonzero(W.sum(1) == 0):  # no mutual neighbour: keep the nearest one
        j = max(knn[i], key=lambda j: S[i, j])
        W[i, j] = W[j, i] = max(W[j, i], max(S[i, j], 1e-12) ** gamma)
    d = W.sum(1)
    A = W / np.sqrt(np.outer(d, d))
    lam, U = np.linalg.eigh(A)
    lam, U = lam[-rank:], U[:, -rank:]
    return (U / (1 - alpha * lam)) @ (U / (1 - alpha * lam)).T


def _clusters(n_per=15, k=3, dim=12, seed=0, spread=0.5):
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(k, dim)) * 2
    X = np.concatenate([c + spread * rng.normal(size=(n_per, dim)) for c in centres])
    return X, np.repeat(np.arange(k), n_per)


def test_diffusion_equals_the_slow_computation_and_extends_to_new_rows():
    from artexplore.features.fusion import Diffusion

    X, y = _clusters()
    step = Diffusion(k=6, gamma=3.0, alpha=0.9, rank=20)
    E = step.fit_transform(X)
    assert E.shape == (45, 20)
    np.testing.assert_allclose(E @ E.T, _dense_diffusion(X, 6, 3.0, 0.9, 20), atol=1e-8)
    # Each work's nearest neighbours in the embedding are of its cluster.
    En = E / np.linalg.norm(E, axis=1, keepdims=True)
    idx, _ = knn_cosine(En, En, 5, exclude_self=True)
    assert (y[idx] == y[:, None]).mean() == 1.0
    # Outside rows: a copy of a work gets that work's row; a new point lands in its cluster.
    np.testing.assert_allclose(step.transform(X[:5] * 3.0), E[:5], atol=1e-8)
    rng = np.random.default_rng(1)
    new = X[[0, 20, 40]] + 0.05 * rng.normal(size=(3, 12))
    Q = step.transform(new)
    Qn = Q / np.linalg.norm(Q, axis=1, keepdims=True)
    assert [int(y[np.argmax(En @ q)]) for q in Qn] == [0, 1, 2]
    # The default neighbourhood grows with the collection (20 for 1,000 works).
    assert [Diffusion.auto_k(n) for n in (45, 1000, 2454, 10 ** 6)] == [10, 20, 31, 100]
    restored = Diffusion(rank=20).load(step.state())
    np.testing.assert_allclose(restored.transform(new), Q, atol=1e-10)


def test_fused_set_with_diffusion_block(color_ws):
    ws = color_ws
    spec = FusionSpec.from_dict({"name": "palette-diffused", "blocks": [
        {"name": "color", "steps": ["l2", "diffusion:3:3:0.9:4", "l2"],
         "components": [{"source": "color", "steps": ["pca:8:0.1", "l2"]}]},
        {"name": "gram", "weight": 0.5, "components": [
            {"source": "color", "options": {"bins": [6, 3, 3]}}]},
    ]})
    save_fusion(ws, spec)
    embed(ws, "palette-diffused")
    fm = load_features(ws, "palette-diffused")
    assert fm.blocks["color"] == slice(0, 4) and fm.X.shape == (8, 4 + 54)
    work = ws.work(fm.ids[3])
    x = transform_images(ws, "palette-diffused", [load_rgb(ws.image_path(work))])
    np.testing.assert_allclose(x[0], fm.X[3], rtol=1e-4, atol=1e-5)


def test_approximate_knn_graph_matches_the_exact_one_on_small_data():
    """The FAISS IVF graph used above 20,000 works, forced on 1,500: the same neighbours
    (recall >= 0.98, tuned on sampled rows) and the same diffusion embedding."""
    from artexplore.features.fusion import Diffusion, knn_graph

    X, y = _clusters(n_per=300, k=5, dim=24, seed=3, spread=1.0)
    F = X / np.linalg.norm(X, axis=1, keepdims=True)
    exact_idx, exact_sims = knn_graph(F, 20, approximate=False)
    idx, sims = knn_graph(F, 20, approximate=True)
    assert idx.shape == exact_idx.shape == (1500, 20)
    assert not (idx == np.arange(1500)[:, None]).any()  # no row is its own neighbour
    recall = np.mean([len(set(a) & set(b)) / 20 for a, b in zip(idx, exact_idx, strict=True)])
    assert recall >= 0.98
    np.testing.assert_allclose(np.sort(sims, 1), np.sort(exact_sims, 1), atol=0.05)

    E = Diffusion(k=20, rank=30, approximate=False).fit_transform(X)
    A = Diffusion(k=20, rank=30, approximate=True).fit_transform(X)
    En, An = (M / np.linalg.norm(M, axis=1, keepdims=True) for M in (E, A))
    near_e, _ = knn_cosine(En, En, 10, exclude_self=True)
    near_a, _ = knn_cosine(An, An, 10, exclude_self=True)
    overlap = np.mean([len(set(a) & set(b)) / 10 for a, b in zip(near_a, near_e, strict=True)])
    assert overlap >= 0.9
    assert (y[near_a] == y[:, None]).mean() == (y[near_e] == y[:, None]).mean() == 1.0

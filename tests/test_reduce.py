"""The map: PCA + UMAP, stored per (feature set, parameters), new works placed by transform."""

from __future__ import annotations

import numpy as np
import pytest

from artexplore.errors import ArtExploreError, ConfigError
from artexplore.features import embed
from artexplore.ingest.folder import ingest
from artexplore.reduce import MapConfig, UMAPReducer, compute_map, load_map, map_status
from artexplore.store import Workspace
from conftest import save, stripes


def test_reducer_is_an_estimator_with_pca_first():
    rng = np.random.default_rng(0)
    X = np.vstack([rng.normal(0, 1, (30, 80)), rng.normal(6, 1, (30, 80))]).astype(np.float32)
    reducer = UMAPReducer(n_neighbors=10, pca_components=20, random_state=0)
    emb = reducer.fit_transform(X)
    assert emb.shape == (60, 2) and emb.dtype == np.float32
    assert reducer.pca_.n_components_ == 20
    again = UMAPReducer(n_neighbors=10, pca_components=20, random_state=0).fit(X).embedding_
    np.testing.assert_allclose(emb, again, atol=1e-5)  # same seed, same map
    # The two groups stay apart on the map, and transform puts new points with theirs.
    centre_a, centre_b = emb[:30].mean(0), emb[30:].mean(0)
    placed = reducer.transform(rng.normal(6, 1, (3, 80)).astype(np.float32))
    assert all(np.linalg.norm(p - centre_b) < np.linalg.norm(p - centre_a) for p in placed)


def test_map_is_cached_and_new_works_are_placed_with_transform(tmp_path, make_collection):
    folder, meta = make_collection(16)
    ws = Workspace(tmp_path / "ws", create=True)
    ingest(ws, folder, metadata=meta)
    embed(ws, "color")
    config = MapConfig(n_neighbors=5, random_state=0)
    first = compute_map(ws, "color", config)
    assert not first.cached and len(first) == 16 and first.fitted.all()
    assert first.embedding.shape == (16, 2)

    again = compute_map(ws, "color", config)
    assert again.cached and again.n_transformed == 0
    np.testing.assert_array_equal(again.embedding, first.embedding)

    # Two works arrive later: they are placed on the stored map, the others do not move.
    for i in range(2):
        save(stripes(period=5 + i, colors=((200, 30, 30), (20, 20, 200))),
             folder / f"late/new_{i}.png")
    ingest(ws, folder, metadata=meta)
    embed(ws, "color")
    assert map_status(ws, "color")["n_unplaced"] == 2
    later = compute_map(ws, "color", config)
    assert later.cached and later.n_transformed == 2 and len(later) == 18
    assert (~later.fitted).sum() == 2
    assert any("placed" in note for note in later.notes)
    old = {w: later.embedding[i] for i, w in enumerate(later.ids.tolist())}
    for i, w in enumerate(first.ids.tolist()):
        np.testing.assert_array_equal(old[w], first.embedding[i])
    assert np.isfinite(later.embedding).all()
    assert map_status(ws, "color") == {"exists": True, "features_changed": False,
                                       "n_unplaced": 0}

    # Other parameters: another stored map; asking for the first again is a cache hit.
    other = compute_map(ws, "color", MapConfig(n_neighbors=8, min_dist=0.3, random_state=0))
    assert not other.cached and other.fingerprint != first.fingerprint
    back = compute_map(ws, "color", config)
    assert back.cached and back.fingerprint == first.fingerprint
    assert load_map(ws, "color").fingerprint == first.fingerprint

    # The ~10-D embedding for clustering is stored beside the picture.
    ten = compute_map(ws, "color", MapConfig.for_clustering(n_neighbors=5))
    assert ten.embedding.shape == (18, 10)
    assert load_map(ws, "color", n_components=2).embedding.shape == (18, 2)


def test_map_errors_are_clear(tmp_path, make_collection):
    folder, meta = make_collection(3)
    ws = Workspace(tmp_path / "ws", create=True)
    ingest(ws, folder, metadata=meta)
    with pytest.raises(ArtExploreError, match="No feature set 'color'"):
        compute_map(ws, "color")
    embed(ws, "color")
    with pytest.raises(ArtExploreError, match="at least 4"):
        compute_map(ws, "color")
    with pytest.raises(ArtExploreError, match="artexplore map"):
        load_map(ws, "color")
    with pytest.raises(ConfigError, match="cosine"):
        MapConfig(metric="hamming")
    with pytest.raises(ConfigError, match="min_dist"):
        MapConfig(min_dist=2.0)

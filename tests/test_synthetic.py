"""Synthetic collections (artexplore.synthetic) and maps fitted on a sample (fit_limit)."""

from __future__ import annotations

import numpy as np
import pytest

from artexplore.cluster.classic import choose_k
from artexplore.errors import ConfigError, WorkspaceError
from artexplore.features import load_features
from artexplore.reduce import (
    MapConfig,
    UMAPReducer,
    compute_map,
    export_map,
    fit_sample,
    import_map,
    load_map,
    map_status,
    stored_map,
)
from artexplore.search.index import make_clustered_vectors
from artexplore.synthetic import FEATURES, synthetic_workspace


def test_vector_collection_has_metadata_features_thumbnails_and_is_reused(tmp_path):
    built = synthetic_workspace(tmp_path / "ws", 600, dim=32, n_styles=6, thumbnails=True)
    ws = built.ws
    assert not built.reused and built.features == FEATURES
    assert ws.counts()["ok"] == 600
    assert {"artist", "title", "date", "style", "year", "department"} <= set(ws.metadata_fields())
    ids, paths = ws.id_paths()
    assert paths == sorted(paths) and len(set(ids)) == 600
    styles = ws.field_column("style", ids)
    assert len(set(styles)) == 6 and None not in styles
    assert set(ws.field_column("department", ids)) <= {"Paintings", "Drawings", "Prints",
                                                       "Photographs"}
    assert ws.thumbnail_path(ids[0]).stat().st_size > 0
    # The vectors are grouped by style: a work's nearest other work shares its style.
    fm = load_features(ws, FEATURES)
    assert fm.X.shape == (600, 32) and list(fm.ids) == ids
    sims = fm.X @ fm.X.T
    np.fill_diagonal(sims, -np.inf)
    nearest = sims.argmax(axis=1)
    same = np.mean([styles[i] == styles[j] for i, j in enumerate(nearest)])
    assert same > 0.9

    again = synthetic_workspace(tmp_path / "ws", 600, dim=32, n_styles=6, thumbnails=True)
    assert again.reused and again.ws.counts()["ok"] == 600
    with pytest.raises(WorkspaceError, match="another workspace"):
        synthetic_workspace(tmp_path / "ws", 700, dim=32)
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "notes.txt").write_text("mine")
    with pytest.raises(WorkspaceError, match="not empty"):
        synthetic_workspace(tmp_path / "full", 10)
    with pytest.raises(ConfigError, match="n must be >= 1"):
        synthetic_workspace(tmp_path / "none", 0)


def test_image_collection_goes_through_the_real_ingest_and_embed(tmp_path):
    built = synthetic_workspace(tmp_path / "ws", 24, images=True, n_styles=4, image_size=32)
    ws = built.ws
    assert built.features == "color" and set(built.seconds) >= {"images", "ingest", "features"}
    assert ws.counts() == {"ok": 24, "skipped": 0}
    work = ws.works()[0]
    assert work["title"] == "Study no. 0" and work["style"].startswith("Style ")
    assert work["metadata"]["department"] and work["year"] >= 1400
    assert ws.thumbnail_path(work["id"]).exists()
    assert load_features(ws, "color").X.shape[0] == 24


def test_map_fitted_on_a_sample_places_every_other_work(tmp_path):
    ws = synthetic_workspace(tmp_path / "ws", 240, dim=16, n_styles=4).ws
    config = MapConfig(n_neighbors=5, fit_limit=80, random_state=0)
    first = compute_map(ws, FEATURES, config)
    assert len(first) == 240 and np.isfinite(first.embedding).all()
    assert first.fitted.sum() == 80 and first.placed_at_fit.sum() == 160
    assert not first.placed_later.any()  # nothing was added after the map was made
    assert any("random sample of 80" in note for note in first.notes)
    assert first.summary()["n_placed_at_fit"] == 160 and first.summary()["fit_limit"] == 80
    assert map_status(ws, FEATURES) == {"exists": True, "features_changed": False,
                                        "n_unplaced": 0}
    # Same seed: the same sample and the same map; the limit is part of the fingerprint.
    again = compute_map(ws, FEATURES, config, refit=True)
    np.testing.assert_array_equal(again.fitted, first.fitted)
    np.testing.assert_allclose(again.embedding, first.embedding, atol=1e-5)
    assert stored_map(ws, FEATURES, MapConfig(n_neighbors=5, fit_limit=None)) is None
    assert stored_map(ws, FEATURES, config).fingerprint == first.fingerprint
    assert not np.array_equal(fit_sample(240, 80, 1), fit_sample(240, 80, 0))
    assert load_map(ws, FEATURES, fingerprint=first.fingerprint).placed_at_fit.sum() == 160
    with pytest.raises(ConfigError, match="fit_limit"):
        MapConfig(fit_limit=2)


def test_transform_puts_training_samples_exactly_on_their_positions():
    X = make_clustered_vectors(400, 24, n_clusters=4, random_state=0)
    reducer = UMAPReducer(n_neighbors=5, pca_components=None, fit_limit=150)
    emb = reducer.fit_transform(X)
    assert emb.shape == (400, 2) and reducer.fitted_.sum() == 150
    np.testing.assert_array_equal(reducer.transform(X[reducer.fitted_]), reducer.embedding_)
    np.testing.assert_array_equal(emb[reducer.fitted_], reducer.embedding_)


def test_k_sweep_on_a_sample_fits_the_chosen_k_on_every_work():
    X, labels = make_clustered_vectors(900, 16, n_clusters=4, random_state=0,
                                       return_labels=True)
    selection, model = choose_k(X, k_max=6, sweep_limit=300, random_state=0)
    assert "random sample of 300 of the 900 works" in selection.describe()
    assert len(model.labels_) == 900 and selection.k == 4


def test_transform_above_the_exact_limit_finds_the_same_places(monkeypatch):
    import artexplore.reduce as reduce

    X = make_clustered_vectors(3000, 24, n_clusters=6, random_state=1)
    rng = np.random.default_rng(0)
    reducer = UMAPReducer(n_neighbors=10, pca_components=None, random_state=0)
    reducer.train_, reducer.pca_, reducer.n_features_in_ = X[:2500], None, 24
    reducer.embedding_ = rng.standard_normal((2500, 2)).astype(np.float32)
    exact = reducer.transform(X[2500:])
    monkeypatch.setattr(reduce, "TRANSFORM_EXACT_MAX", 1000)  # IVF over the 2,500 fitted
    assert reducer._search_index()[2] is not None
    approx = reducer.transform(X[2500:])
    close = np.all(np.abs(approx - exact) < 1e-4, axis=1)
    assert close.mean() > 0.98  # IVF found the same neighbours for (nearly) every work
    np.testing.assert_array_equal(reducer.transform(X[:300]), reducer.embedding_[:300])


def test_a_map_fitted_on_a_sample_is_shipped_whole(tmp_path):
    made = synthetic_workspace(tmp_path / "a", 200, dim=16, n_styles=4).ws
    other = synthetic_workspace(tmp_path / "b", 200, dim=16, n_styles=4).ws
    config = MapConfig(n_neighbors=5, fit_limit=60)
    first = compute_map(made, FEATURES, config)
    assert import_map(other, FEATURES, config, export_map(made, FEATURES, config))
    shipped = stored_map(other, FEATURES, config)
    np.testing.assert_array_equal(shipped.embedding, first.embedding)
    np.testing.assert_array_equal(shipped.fitted, first.fitted)
    assert shipped.placed_at_fit.sum() == 140

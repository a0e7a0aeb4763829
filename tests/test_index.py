"""The neighbour index: exact = brute force, approximate recall, incremental updates, blocks."""

from __future__ import annotations

import numpy as np
import pytest

from artexplore.errors import ArtExploreError, ConfigError, ImageLoadError
from artexplore.features import load_features, save_features
from artexplore.features.sets import choose
from artexplore.ingest.folder import ingest
from artexplore.jobs import run_inline
from artexplore.progress import null_progress
from artexplore.search.index import (
    IndexConfig,
    NeighbourIndex,
    build_index,
    index_info,
    index_type,
    index_version,
    make_clustered_vectors,
    measure_recall,
    normalise,
    open_index,
    recall_at_k,
)
from artexplore.search.neighbours import (
    block_shares,
    explain,
    neighbours,
    query_image,
    reweight,
    searcher,
    work_patches,
)
from artexplore.store import Workspace

BLOCKS = {"global": [0, 16], "gram": [16, 40], "local": [40, 48]}


@pytest.fixture
def small_ws(tmp_path, make_collection):
    """A workspace of 10 ingested works (features are added by each test)."""
    folder, meta = make_collection(10)
    ws = Workspace(tmp_path / "ws", create=True)
    ingest(ws, folder, metadata=meta)
    return ws


def put_features(ws, ids, X, *, name="rand", fingerprint="rand-1"):
    save_features(ws, name, ids, X, {"name": name, "blocks": BLOCKS}, fingerprint=fingerprint)


def brute_force(X, ids, q, k, exclude=(), centre=None):
    """Cosine ranking the slow way, of directions from ``centre`` (the rows' mean by default)."""
    centre = X.mean(axis=0) if centre is None else centre
    Xc, qc = X - centre, q - centre
    Xn = Xc / np.linalg.norm(Xc, axis=1, keepdims=True)
    sims = Xn @ (qc / np.linalg.norm(qc))
    order = [i for i in np.argsort(-sims, kind="stable") if ids[i] not in exclude]
    return [ids[i] for i in order[:k]], sims[order[:k]]


def test_exact_index_equals_brute_force(small_ws):
    ws = small_ws
    ids = ws.work_ids()
    X = np.random.default_rng(0).standard_normal((len(ids), 48)).astype(np.float32)
    put_features(ws, ids, X)
    summary = build_index(ws, "rand")
    assert summary["method"] == "flat" and summary["works"] == 10
    index = open_index(ws, "rand")
    assert index.exact and index.mmapped and index.recall_at_10 == 1.0
    for i, wid in enumerate(ids):
        found = neighbours(ws, "rand", work_id=wid, k=4)
        want_ids, want_sims = brute_force(X, ids, X[i], 4, exclude={wid})
        assert [n.work_id for n in found] == want_ids
        np.testing.assert_allclose([n.similarity for n in found], want_sims, atol=1e-5)
        assert wid not in [n.work_id for n in found]
        assert [n.rank for n in found] == [1, 2, 3, 4]
    by_path = neighbours(ws, "rand", work_path=ws.work(ids[3])["path"], k=4)
    assert [n.work_id for n in by_path] == brute_force(X, ids, X[3], 4, exclude={ids[3]})[0]


def test_flat_index_on_arrays_equals_numpy():
    X = normalise(np.random.default_rng(1).standard_normal((3000, 64)))
    index, _ = index_type("flat").build(X, IndexConfig(), null_progress)
    ni = NeighbourIndex(index=index, ids=np.arange(3000).astype(str),
                        meta={"method": "flat", "feature_fingerprint": "x"})
    Q = X[:20]
    sims, rows = ni.search(Q, 10)
    expect = np.argsort(-(Q @ X.T), axis=1, kind="stable")[:, :10]
    np.testing.assert_array_equal(rows, expect)
    np.testing.assert_allclose(sims, np.take_along_axis(Q @ X.T, expect, 1), atol=1e-5)


def test_approximate_index_recall_at_switch_over_size():
    """At the size where ``auto`` switches to approximate, recall@10 >= 0.95 on clustered data,
    while scanning only a small part of the collection."""
    config = IndexConfig()
    n = config.exact_max + 1
    data = make_clustered_vectors(n + 300, 256, random_state=0)
    X, fresh = data[:n], data[n:]
    method = config.resolve(n)
    assert method != "flat" and config.resolve(config.exact_max) == "flat"
    index, extra = index_type(method).build(X, config, null_progress)
    measured = measure_recall(index, X, method=method, config=config)
    assert measured["recall_at_10"] >= 0.95
    assert measured["breadth"] <= extra["nlist"] // 8  # probes few lists: really approximate

    # Recall on queries that are not in the index, searched as the stored index would.
    ni = NeighbourIndex(index=index, ids=np.arange(n).astype(str),
                        meta={"method": method, "breadth": measured["breadth"],
                              "feature_fingerprint": "x"})
    sims, rows = ni.search(fresh, 10)
    exact = fresh @ X.T
    e_rows = np.argsort(-exact, axis=1)[:, :10]
    e_sims = np.take_along_axis(exact, e_rows, 1)
    assert recall_at_k(sims, rows, e_sims, e_rows) >= 0.95


def test_hnsw_reaches_the_recall_target():
    X = make_clustered_vectors(4000, 64, random_state=2)
    config = IndexConfig(method="hnsw", hnsw_m=16)
    index, _ = index_type("hnsw").build(X, config, null_progress)
    measured = measure_recall(index, X, method="hnsw", config=config)
    assert measured["recall_at_10"] >= 0.95 and measured["breadth"] >= 16


def test_recall_counts_ties_as_found():
    e_rows, e_sims = np.array([[1, 2]]), np.array([[0.9, 0.5]])
    assert recall_at_k(np.array([[0.9, 0.5]]), np.array([[1, 7]]), e_sims, e_rows, k=2) == 1.0
    assert recall_at_k(np.array([[0.9, 0.4]]), np.array([[1, 7]]), e_sims, e_rows, k=2) == 0.5


@pytest.mark.parametrize("method", ["flat", "ivf", "hnsw"])
def test_incremental_add_and_removed_works(small_ws, method):
    ws = small_ws
    ids = ws.work_ids()
    X = np.random.default_rng(3).standard_normal((len(ids), 48)).astype(np.float32)
    config = IndexConfig(method=method, n_recall_queries=3)
    put_features(ws, ids[:7], X[:7])
    first = build_index(ws, "rand", config=config)
    assert first["added"] == 7 and first["rebuilt"] == "no index yet"
    version = index_version(ws, "rand")

    # New works: searched exactly beside the index until it is updated, then appended.
    put_features(ws, ids[7:], X[7:])
    pending = searcher(ws, "rand", build=False)
    assert pending.n_pending == 3
    found = pending.search(X[0], 9, exclude=[ids[0]])
    centre = X[:7].mean(axis=0)  # the index's: the newer works are centred on it too
    assert [n.work_id for n in found] == brute_force(X, ids, X[0], 9, exclude={ids[0]},
                                                     centre=centre)[0]

    update = build_index(ws, "rand")  # keeps the stored configuration
    assert update["added"] == 3 and update["rebuilt"] == "" and update["method"] == method
    assert index_version(ws, "rand") != version
    index = open_index(ws, "rand")
    assert list(index.ids) == [*ids[:7], *ids[7:]] and len(index) == 10
    info = index_info(ws, "rand")  # recall is re-measured on what the index now holds
    assert info["n_rows"] == 10 and 0.0 <= info["recall_at_10"] <= 1.0
    assert build_index(ws, "rand")["added"] == 0  # nothing new: nothing done

    # A work whose file went missing leaves the results without a rebuild.
    with ws.catalog.connect() as conn:
        conn.execute("UPDATE works SET status='missing' WHERE id=?", (ids[5],))
    s = searcher(ws, "rand", build=False)
    assert s.n_stale == 1
    found = neighbours(ws, s, work_id=ids[0], k=9)
    assert ids[5] not in [n.work_id for n in found] and len(found) == 8
    assert build_index(ws, "rand")["stale"] == 1


def test_changed_feature_set_rebuilds(small_ws):
    ws = small_ws
    ids = ws.work_ids()
    rng = np.random.default_rng(4)
    put_features(ws, ids, rng.standard_normal((10, 48)).astype(np.float32))
    build_index(ws, "rand")
    old = open_index(ws, "rand").folder
    Y = rng.standard_normal((10, 48)).astype(np.float32)
    put_features(ws, ids, Y, fingerprint="rand-2")
    assert open_index(ws, "rand") is None  # the stored index belongs to the old features
    assert build_index(ws, "rand")["rebuilt"] == "no index yet"
    assert not old.exists()
    found = neighbours(ws, "rand", work_id=ids[2], k=3)
    assert [n.work_id for n in found] == brute_force(Y, ids, Y[2], 3, exclude={ids[2]})[0]


def test_auto_switches_method_as_the_collection_grows(small_ws):
    ws = small_ws
    ids = ws.work_ids()
    X = np.random.default_rng(5).standard_normal((10, 48)).astype(np.float32)
    config = IndexConfig(exact_max=8, n_recall_queries=3)
    put_features(ws, ids[:8], X[:8])
    assert build_index(ws, "rand", config=config)["method"] == "flat"
    put_features(ws, ids[8:], X[8:])
    grown = build_index(ws, "rand")
    assert grown["method"] == "ivf" and "call for ivf" in grown["rebuilt"]
    assert 0.0 <= open_index(ws, "rand").recall_at_10 <= 1.0


# -- centring --------------------------------------------------------------------------------
def offset_features(seed=11):
    """Ten rows: three groups of directions in a plane, at lengths 0.2 to 5, plus an offset.

    Every row shares a large offset (as non-negative features do). Uncentred, the
    short rows of different groups are the closest to each other; centred on the
    mean, each row's neighbours are its own group (what FiftyOne's centring is for).
    """
    rng = np.random.default_rng(seed)
    group = np.array([0, 1, 2] * 3 + [0])
    lengths = np.array([0.2] * 3 + [1.0] * 3 + [5.0] * 3 + [1.0])
    angles = 2 * np.pi * group / 3
    X = 0.01 * rng.standard_normal((10, 48))
    X[:, 0] += lengths * np.cos(angles)
    X[:, 1] += lengths * np.sin(angles)
    X[:, 5] += 10.0
    return X.astype(np.float32), group


def indexed_offsets(ws, seed):
    """The offset rows stored as the set ``rand`` and indexed; returns (ids, X, group)."""
    ids = ws.work_ids()
    X, group = offset_features(seed=seed)
    put_features(ws, ids, X)
    build_index(ws, "rand")
    return ids, X, group


def test_neighbours_are_ranked_from_the_collection_mean(small_ws):
    ws = small_ws
    ids, X, group = indexed_offsets(ws, 11)
    index = open_index(ws, "rand")
    np.testing.assert_allclose(index.centre, X.mean(axis=0), atol=1e-6)
    assert index_info(ws, "rand")["centred"] is True
    for i, wid in enumerate(ids):
        found = neighbours(ws, "rand", work_id=wid, k=2)
        assert all(group[ids.index(n.work_id)] == group[i] for n in found)
        assert found[0].similarity > 0.5
    # Without centring (an index configuration), the offset decides and the groups mix.
    build_index(ws, "rand", config=IndexConfig(centre=False), rebuild=True)
    assert open_index(ws, "rand").centre is None
    mixed = [n for i, wid in enumerate(ids) for n in neighbours(ws, "rand", work_id=wid, k=2)
             if group[ids.index(n.work_id)] != group[i]]
    assert len(mixed) >= 5
    for i, wid in enumerate(ids[:3]):
        found = neighbours(ws, "rand", work_id=wid, k=4)
        assert [n.work_id for n in found] == brute_force(X, ids, X[i], 4, exclude={wid},
                                                         centre=0.0)[0]


def test_explain_and_group_queries_use_the_centred_similarity(small_ws):
    from artexplore.exhibit.sources import more_like

    ws = small_ws
    ids, X, group = indexed_offsets(ws, 12)
    s = searcher(ws, "rand")
    found = s.search(s.vector(ids[0]), 3, exclude=[ids[0]])
    why = explain(ws, s, found[0].work_id, work_id=ids[0])
    assert why.similarity == pytest.approx(found[0].similarity, abs=1e-5)
    assert sum(b.term for b in why.blocks) == pytest.approx(why.similarity)
    # A group's centroid: the mean of its works' directions from the collection mean.
    grown = more_like(ws, [ids[0], ids[3]], s, 2, method="centroid")
    assert [group[ids.index(c.work_id)] for c in grown] == [0, 0]


def test_an_index_from_before_centring_reads_stale_and_is_rebuilt(small_ws):
    import json

    from artexplore.pipeline import state

    ws = small_ws
    ids, X, _ = indexed_offsets(ws, 13)
    folder = open_index(ws, "rand").folder
    meta = json.loads((folder / "meta.json").read_text())
    for key in ("centred", "n_centred_on"):
        meta.pop(key)
    meta["config"].pop("centre")
    (folder / "meta.json").write_text(json.dumps(meta))
    (folder / "centre.npy").unlink()
    assert state(ws, "index", features="rand").status == "stale"
    summary = build_index(ws, "rand")
    assert "before centring" in summary["rebuilt"]
    assert open_index(ws, "rand").centre is not None


def test_a_centred_index_takes_its_mean_anew_when_the_collection_doubles(small_ws):
    ws = small_ws
    ids = ws.work_ids()
    X, _ = offset_features(seed=14)
    put_features(ws, ids[:4], X[:4])
    build_index(ws, "rand")
    put_features(ws, ids[4:], X[4:])
    grown = build_index(ws, "rand")
    assert "mean" in grown["rebuilt"]
    np.testing.assert_allclose(open_index(ws, "rand").centre, X.mean(axis=0), atol=1e-6)


# -- blocks ---------------------------------------------------------------------------------
def test_block_shares_add_up_to_the_weighted_cosine():
    rng = np.random.default_rng(6)
    x, y = rng.standard_normal(48), rng.standard_normal(48)
    blocks = {b: slice(*s) for b, s in BLOCKS.items()}
    weights = {"global": 2.0, "gram": 0.5, "local": 0.0}
    sim, shares = block_shares(x, y, blocks, weights)
    xw, yw = reweight(np.stack([x, y]), blocks, weights)
    assert sim == pytest.approx(float(xw @ yw), abs=1e-6)
    assert sum(s.term for s in shares) == pytest.approx(sim, abs=1e-9)
    assert sum(s.share for s in shares) == pytest.approx(1.0)
    by = {s.block: s for s in shares}
    assert by["local"].term == 0.0
    g = blocks["gram"]
    assert by["gram"].cosine == pytest.approx(
        x[g] @ y[g] / np.linalg.norm(x[g]) / np.linalg.norm(y[g]))
    # Unit weights: the plain cosine of the stored rows.
    plain, _ = block_shares(x, y, blocks)
    assert plain == pytest.approx(x @ y / np.linalg.norm(x) / np.linalg.norm(y))


def test_weighted_search_equals_brute_force(small_ws):
    ws = small_ws
    ids = ws.work_ids()
    X = np.random.default_rng(7).standard_normal((10, 48)).astype(np.float32)
    put_features(ws, ids, X)
    build_index(ws, "rand")
    only_gram = neighbours(ws, "rand", work_id=ids[1], k=5,
                           weights={"global": 0, "gram": 1, "local": 0})
    G = X[:, 16:40]
    assert [n.work_id for n in only_gram] == brute_force(G, ids, G[1], 5, exclude={ids[1]})[0]
    blocks = load_features(ws, "rand").blocks
    weights = {"global": 3.0, "gram": 1.0, "local": 0.2}
    Xw = reweight(X, blocks, weights, centre=X.mean(axis=0))
    found = neighbours(ws, "rand", work_id=ids[1], k=5, weights=weights)
    want_ids, want_sims = brute_force(Xw, ids, Xw[1], 5, exclude={ids[1]}, centre=0.0)
    assert [n.work_id for n in found] == want_ids
    np.testing.assert_allclose([n.similarity for n in found], want_sims, atol=1e-5)


def test_bad_weights_and_queries_are_refused(small_ws):
    ws = small_ws
    ids = ws.work_ids()
    put_features(ws, ids, np.ones((10, 48), dtype=np.float32))
    with pytest.raises(ConfigError, match="global, gram, local"):
        neighbours(ws, "rand", work_id=ids[0], weights={"texture": 1})
    with pytest.raises(ConfigError, match=">= 0"):
        neighbours(ws, "rand", work_id=ids[0], weights={"gram": -1})
    with pytest.raises(ConfigError, match="above 0"):
        neighbours(ws, "rand", work_id=ids[0], weights={"global": 0, "gram": 0, "local": 0})
    with pytest.raises(ArtExploreError, match="exactly one query"):
        neighbours(ws, "rand", work_id=ids[0], work_path="a/work_00.png")
    with pytest.raises(ArtExploreError, match="No feature set 'nope'.*available: rand"):
        neighbours(ws, "nope", work_id=ids[0])


def test_query_image_errors_name_the_file(tmp_path):
    with pytest.raises(ImageLoadError, match="cannot read upload.jpg: the content is not an"):
        query_image(b"this is not an image", name="upload.jpg")
    with pytest.raises(ImageLoadError, match="no such file"):
        query_image(tmp_path / "absent.png")
    with pytest.raises(ImageLoadError) as info:
        query_image(b"", name="empty.png")
    assert info.value.reason == "empty"


# -- why similar: patches ---------------------------------------------------------------------
def test_explain_shows_patches_side_by_side_or_says_why_not(small_ws):
    ws = small_ws
    ids = ws.work_ids()
    put_features(ws, ids, np.random.default_rng(8).standard_normal((10, 48)).astype(np.float32))
    ex = explain(ws, "rand", ids[1], work_id=ids[0])
    assert ex.patches == {} and "artexplore patches" in ex.patch_note
    assert sum(b.term for b in ex.blocks) == pytest.approx(ex.similarity)

    rng = np.random.default_rng(9)
    dog = rng.integers(0, 256, (9, 5, 64, 64), dtype=np.uint8)
    ws.arrays.register("patches", "default", "p-1", {"n": 5})
    ws.arrays.append("patches", "default", "p-1", ids[:9], dog=dog,
                     coords=rng.integers(0, 500, (9, 5, 2)), scores=rng.random((9, 5)))
    ex = explain(ws, "rand", ids[1], work_id=ids[0])
    assert ex.patch_note is None
    np.testing.assert_array_equal(ex.patches[ids[0]].dog, dog[0])
    np.testing.assert_array_equal(ex.patches[ids[1]].dog, dog[1])
    patches, note = work_patches(ws, [ids[0], ids[9]])
    assert list(patches) == [ids[0]] and ws.work(ids[9])["path"] in note


# -- which set the index job takes -----------------------------------------------------------
def test_index_job_falls_back_to_the_best_stored_set_with_a_note(small_ws):
    ws = small_ws
    with pytest.raises(ArtExploreError, match="No feature set is stored"):
        choose(ws)
    ids = ws.work_ids()
    put_features(ws, ids, np.random.default_rng(10).standard_normal((10, 48)).astype(np.float32))
    save_features(ws, "color", ids, np.ones((10, 4), np.float32), {"name": "color"},
                  fingerprint="c-1")
    record = run_inline(ws, "index", {"features": "default"})
    assert record.result["feature_set"] == "rand"  # three blocks beat the colour baseline
    assert "'default' is not stored" in record.result["note"]
    put_features(ws, ids, np.ones((10, 48), np.float32), name="default", fingerprint="d-1")
    record = run_inline(ws, "index", {"features": "default"})
    assert record.result["feature_set"] == "default" and "note" not in record.result

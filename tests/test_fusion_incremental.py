"""Works added to a fused set are placed on its stored fit instead of refitting it.

The ``default`` set (EfficientNet-Lite2 block means, per-block whitening, diffusion on
the mutual-neighbour graph) is read from synthetic source rows stored under the
extractor's fingerprint (:func:`artexplore.synthetic.store_source_rows`): no image, no CNN.
"""

from __future__ import annotations

import hashlib
import json

import numpy as np
import pytest
from typer.testing import CliRunner

from artexplore import pipeline
from artexplore.cli import app
from artexplore.cluster import list_runs, run_status
from artexplore.features import load_features, sets
from artexplore.features.compute import FUSED_KIND, GROWTH_LIMIT
from artexplore.features.fusion import get_fusion, restore_fusion, source_key
from artexplore.features.recipes import LITE2_MEANS, LITE2_WINDOWS
from artexplore.jobs import run_inline
from artexplore.search.index import index_state, make_clustered_vectors
from artexplore.store import Workspace
from artexplore.synthetic import insert_works, store_source_rows, synthetic_metadata

SOURCE = "stats:effnet-lite2"
PARTS = [("260/blocks.3/mean", 6), ("260/blocks.4/mean", 6), ("260/blocks.5/mean", 8),
         ("260/blocks.6/mean", 8)]
LOCAL = "windows:effnet-lite2"  # the local part: the same statistics over high-gradient windows
LOCAL_PARTS = [(name.replace("260/", "128/"), width) for name, width in PARTS]
N_FIT = 120
N_ALL = 200


class Collection:
    """A workspace whose works arrive in slices, with the ``default`` set's source rows."""

    def __init__(self, root) -> None:
        self.ws = Workspace(root, create=True)
        self.X, self.labels = make_clustered_vectors(N_ALL, sum(w for _, w in PARTS), n_clusters=5,
                                                intrinsic_dim=4, random_state=3,
                                                return_labels=True)
        self.meta = synthetic_metadata(self.labels)
        # The windows see the same styles, less clearly.
        self.L = self.X + 0.5 * np.random.default_rng(4).standard_normal(self.X.shape).astype(
            np.float32) * np.sqrt(np.mean(self.X ** 2, axis=1, keepdims=True))
        self.shas = [hashlib.sha256(f"grow:{i}".encode()).hexdigest() for i in range(N_ALL)]
        self.ids = [s[:16] for s in self.shas]
        self.added = 0

    def add(self, n: int) -> list[str]:
        """Add the next ``n`` works and their source rows; returns their ids."""
        part = slice(self.added, self.added + n)
        insert_works(self.ws, self.shas[part], {k: v[part] for k, v in self.meta.items()})
        store_source_rows(self.ws, SOURCE, self.ids[part], self.X[part], options=LITE2_MEANS,
                          parts=PARTS)
        store_source_rows(self.ws, LOCAL, self.ids[part], self.L[part], options=LITE2_WINDOWS,
                          parts=LOCAL_PARTS)
        self.added += n
        return self.ids[part]

    def remove(self, work_id: str) -> None:
        """What the ingest does when a work's file is gone."""
        with self.ws.catalog.connect() as conn:
            conn.execute("UPDATE works SET status='missing' WHERE id=?", (work_id,))

    def stored(self):
        key = self.ws.arrays.current(FUSED_KIND, "default")
        return key, self.ws.arrays.load(FUSED_KIND, "default", key)

    def model_file(self):
        key = self.ws.arrays.current(FUSED_KIND, "default")
        return self.ws.arrays.folder(FUSED_KIND, "default", key) / "model.npz"


@pytest.fixture
def grown(tmp_path):
    col = Collection(tmp_path / "ws")
    col.add(N_FIT)
    load_features(col.ws, "default")
    return col


def _rows(stored, ids):
    got, arrays = stored.align(ids)
    assert list(got) == list(ids)
    return arrays["X"]


def test_new_works_are_placed_on_the_stored_fit_and_old_rows_do_not_move(grown):
    ws = grown.ws
    key, before = grown.stored()
    model = grown.model_file().read_bytes()
    old = list(before.ids)
    version = sets.version(ws, "default")

    new = grown.add(6)
    # The version's stamp moves (caches, "works not on the map yet"), its fingerprint does not.
    now = sets.version(ws, "default")
    assert now.token != version.token and now.fingerprint == version.fingerprint

    fm = load_features(ws, "default")
    assert len(fm) == N_FIT + 6
    assert ws.arrays.current(FUSED_KIND, "default") == key
    assert grown.model_file().read_bytes() == model
    _, after = grown.stored()
    assert _rows(after, old).tobytes() == _rows(before, old).tobytes()
    # The new rows are the fitted model's transform of their source rows (outside images' path).
    with np.load(grown.model_file(), allow_pickle=False) as data:
        fitted = restore_fusion(get_fusion(ws, "default"), {k: data[k] for k in data.files},
                                {source_key(SOURCE, LITE2_MEANS): PARTS,
                                 source_key(LOCAL, LITE2_WINDOWS): LOCAL_PARTS})
    rows = [grown.ids.index(i) for i in new]
    expected = fitted.transform({source_key(SOURCE, LITE2_MEANS): grown.X[rows],
                                 source_key(LOCAL, LITE2_WINDOWS): grown.L[rows]}, weighted=False)
    np.testing.assert_allclose(_rows(after, new), expected, rtol=1e-6, atol=1e-7)
    assert fm.params["n_fitted"] == N_FIT and fm.params["n_placed_later"] == 6
    assert fm.params["fit"]["placed"] == 6 and not fm.params["fit"]["refitted"]
    params = ws.arrays.params(FUSED_KIND, "default")
    assert (params["n_fitted"], params["n_placed_later"], params["n_works"]) == (N_FIT, 6, 126)
    # Placed rows are where their works belong: their nearest fitted works share their cluster.
    X = fm.X / np.linalg.norm(fm.X, axis=1, keepdims=True)
    label = dict(zip(grown.ids, grown.labels.tolist(), strict=True))
    is_new = np.isin(fm.ids, new)
    nearest = np.argsort(-(X[is_new] @ X[~is_new].T), axis=1)[:, :5]
    near_labels = np.vectorize(label.get)(fm.ids[~is_new][nearest])
    own = np.vectorize(label.get)(fm.ids[is_new])
    assert (near_labels == own[:, None]).mean() >= 0.8
    again = load_features(ws, "default")
    np.testing.assert_array_equal(again.X, fm.X)
    assert again.params["fit"]["placed"] == 0


def test_map_clusters_and_index_of_the_old_works_stay_current(grown):
    from artexplore.reduce import MapConfig, compute_map, map_status

    ws = grown.ws
    config = MapConfig(n_neighbors=5)
    compute_map(ws, "default", config)
    run_inline(ws, "cluster", {"features": "default", "method": "kmeans", "k": 3})
    run_inline(ws, "index", {"features": "default", "fallback": False})
    grown.add(5)
    load_features(ws, "default")
    status = map_status(ws, "default")
    assert not status["features_changed"] and status["n_unplaced"] == 5
    assert pipeline.state(ws, "map", features="default").status == "partial"
    assert run_status(ws, list_runs(ws, features="default")[0].id).current
    assert index_state(ws, "default")[0] == "partial"
    placed = compute_map(ws, "default", config)
    assert placed.cached and placed.n_transformed == 5 and placed.placed_later.sum() == 5
    record = run_inline(ws, "index", {"features": "default", "fallback": False})
    assert record.result["added"] == 5 and not record.result["rebuilt"]
    for stage in ("map", "clusters", "index"):
        assert pipeline.state(ws, stage, features="default").status == "current", stage

    # Growth beyond the bound refits: every row changes, so all three read stale.
    grown.add(int(GROWTH_LIMIT * N_FIT) + 1)
    fm = load_features(ws, "default")
    assert fm.params["fit"]["refitted"] and fm.params["n_placed_later"] == 0
    assert map_status(ws, "default")["features_changed"]
    assert not run_status(ws, list_runs(ws, features="default")[0].id).current
    assert index_state(ws, "default")[0] == "stale"


def test_growth_beyond_the_bound_refits_counting_every_placed_work(grown):
    ws = grown.ws
    key, _ = grown.stored()
    version = sets.version(ws, "default")
    step = int(GROWTH_LIMIT * N_FIT) // 2  # two steps within the bound, the third beyond
    for _ in range(2):
        grown.add(step)
        fm = load_features(ws, "default")
        assert not fm.params["fit"]["refitted"]
    assert fm.params["n_placed_later"] == 2 * step
    assert ws.arrays.current(FUSED_KIND, "default") == key
    grown.add(step)
    fm = load_features(ws, "default")
    assert fm.params["fit"]["refitted"]
    assert fm.params["n_fitted"] == N_FIT + 3 * step and fm.params["n_placed_later"] == 0
    assert ws.arrays.current(FUSED_KIND, "default") != key
    assert sets.version(ws, "default").fingerprint != version.fingerprint


def test_a_removed_work_or_refit_fits_anew(grown):
    from artexplore.features.compute import load_fused

    ws = grown.ws
    spec = get_fusion(ws, "default")
    key, _ = grown.stored()
    # Asking for a refit when nothing was placed keeps the fit (it would be the same).
    assert not load_fused(ws, spec, refit=True).params["fit"]["refitted"]
    assert ws.arrays.current(FUSED_KIND, "default") == key

    grown.add(3)
    refitted = load_fused(ws, spec, refit=True)
    assert refitted.params["fit"]["refitted"] and refitted.params["n_fitted"] == N_FIT + 3
    second = ws.arrays.current(FUSED_KIND, "default")
    assert second != key

    # Placed works that leave again: the works are the first fit's, but the fit is new
    # (its own folder, without the rows of the works that left), and it stays.
    placed = grown.add(2)
    assert not load_features(ws, "default").params["fit"]["refitted"]
    for work_id in [*placed, refitted.ids[0]]:
        grown.remove(work_id)
    after = load_features(ws, "default")
    assert after.params["fit"]["refitted"] and len(after) == N_FIT + 2
    third, stored = grown.stored()
    assert third not in (key, second) and set(stored.ids) == set(after.ids)
    assert not load_features(ws, "default").params["fit"]["refitted"]


def test_cli_embed_reports_placed_works_and_refit(grown):
    runner = CliRunner()
    root = str(grown.ws.root)
    grown.add(4)
    res = runner.invoke(app, ["embed", "--workspace", root])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout.strip().splitlines()[-1])
    assert out["name"] == "default" and out["works"] == N_FIT + 4
    assert (out["n_fitted"], out["n_placed_later"], out["placed"], out["refitted"]) == \
        (N_FIT, 4, 4, False)
    assert "4 added since placed on that fit" in res.stderr
    rows = [json.loads(line) for line in runner.invoke(
        app, ["features", "--workspace", root]).stdout.strip().splitlines()]
    assert {r["name"]: r.get("placed_later") for r in rows}["default"] == 4

    res = runner.invoke(app, ["embed", "--workspace", root, "--refit"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout.strip().splitlines()[-1])
    assert (out["n_fitted"], out["n_placed_later"], out["refitted"]) == (N_FIT + 4, 0, True)


def test_features_page_says_how_many_works_were_placed_on_the_fit(grown):
    """The Features page tells the curator that works were placed on the stored fit, and
    offers to fit the fused sets anew."""
    from streamlit.testing.v1 import AppTest

    grown.add(5)
    load_features(grown.ws, "default")
    at = AppTest.from_file("../app.py", default_timeout=120)
    at.session_state["workspace"] = str(grown.ws.root)
    at.switch_page("pages/features.py").run()
    assert not at.exception
    table = at.dataframe[0].value
    status = table.set_index("feature set").loc["default", "status"]
    assert "5 works placed on its fit since it was made" in status
    assert at.checkbox(key="feat_refit").value is False

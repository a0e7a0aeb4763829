"""Learned feature sets (issue 15): partial labels and curated clusterings teach the metric."""

from __future__ import annotations

import json

import numpy as np
import pytest

from artexplore.errors import ArtExploreError
from conftest import noise, save


def _overlapping(n: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Two classes that differ on 2 of 16 dimensions, drowned in noise on all 16."""
    rng = np.random.default_rng(seed)
    y = np.arange(n) % 2
    X = rng.normal(size=(n, 16)) * 3.0
    X[:, :2] += np.where(y == 0, -2.0, 2.0)[:, None]
    return X + 5.0, y


def _purity(X: np.ndarray, y: np.ndarray, k: int = 10) -> float:
    from artexplore.linalg import normalise

    Z = normalise(X.astype(np.float64))
    S = Z @ Z.T
    np.fill_diagonal(S, -np.inf)
    idx = np.argsort(-S, axis=1)[:, :k]
    return float((y[idx] == y[:, None]).mean())


@pytest.fixture
def toy_ws(tmp_path):
    """60 works, style known for 8 of them, and a stored set `toy` where the styles overlap."""
    from artexplore.config import fingerprint
    from artexplore.features import save_features
    from artexplore.ingest.folder import ingest
    from artexplore.store import Workspace

    folder, meta = tmp_path / "images", tmp_path / "meta.csv"
    keep = {1, 2, 9, 14, 23, 30, 41, 50}
    rows = ["path,title,style"]
    for i in range(60):
        save(noise((24, 32), seed=i), folder / f"work_{i:02d}.png")
        rows.append(f"work_{i:02d}.png,Title {i},{f'style{i % 2}' if i in keep else ''}")
    meta.write_text("\n".join(rows) + "\n")
    ws = Workspace(tmp_path / "ws", create=True)
    ingest(ws, folder, metadata=meta)
    works = ws.works()
    index = [int(w["path"].rsplit("_", 1)[1].split(".")[0]) for w in works]
    X, y = _overlapping(60)
    save_features(ws, "toy", [w["id"] for w in works], X[index], {"name": "toy", "dim": 16},
                  fingerprint=fingerprint({"toy": 1}))
    return ws, np.asarray(y)[index], np.asarray([i in keep for i in index])


def test_learned_set_separates_classes_that_overlap(toy_ws):
    from artexplore.features import load_features
    from artexplore.features.learn import learn_features
    from artexplore.features.sets import names

    ws, y, labelled = toy_ws
    result = learn_features(ws, "toy", label="style")
    assert result.n_labelled == 8 and result.name == "learned-style"
    assert "learned-style" in names(ws)
    raw, learned = load_features(ws, "toy"), load_features(ws, "learned-style")
    assert learned.ids.tolist() == raw.ids.tolist()
    hidden = ~labelled
    before = _purity(raw.X[hidden], y[hidden])
    after = _purity(learned.X[hidden], y[hidden])
    assert after > before + 0.05, (before, after)


def test_learned_set_reads_stale_when_its_source_changes(toy_ws):
    from artexplore.config import fingerprint
    from artexplore.features import save_features
    from artexplore.features.learn import learn_features, learned_status
    from artexplore.pipeline import STALE, state

    ws, _, _ = toy_ws
    learn_features(ws, "toy", label="style", name="taught")
    assert learned_status(ws, "taught").current
    ids = [w["id"] for w in ws.works()]
    save_features(ws, "toy", ids, np.ones((len(ids), 16)), {"name": "toy", "dim": 16},
                  fingerprint=fingerprint({"toy": 2}))
    status = learned_status(ws, "taught")
    assert not status.current and "features:toy" in status.stale
    assert state(ws, "features", features="taught").status == STALE


def test_learning_needs_two_labelled_classes(toy_ws):
    from artexplore.features.learn import GraphMetric, learn_features

    ws, _, _ = toy_ws
    X, _ = _overlapping(20)
    with pytest.raises(ArtExploreError, match="two classes"):
        GraphMetric().fit(X, ["a", "a"] + [None] * 18)
    with pytest.raises(ArtExploreError, match="metadata field"):
        learn_features(ws, "toy", label="nope")
    with pytest.raises(ArtExploreError, match="Nothing to learn from"):
        learn_features(ws, "toy")
    with pytest.raises(ArtExploreError, match="names a computed"):
        learn_features(ws, "toy", label="style", name="toy")


def test_curated_run_round_trip(toy_ws, tmp_path):
    from artexplore.cluster import curate, export_run_csv, list_runs, load_run, run_clustering
    from artexplore.features.learn import learn_features

    ws, _, _ = toy_ws
    base = run_clustering(ws, "toy", "kmeans", n_clusters=4, random_state=0)
    cur = curate.start(ws, base.id)
    cur = curate.merge(cur, 0, 1)
    assert 1 not in cur.clusters() and cur.sizes()[0] == base.sizes()[0] + base.sizes()[1]
    big = max((c for c in cur.clusters()), key=lambda c: cur.sizes()[c])
    cur = curate.split(cur, big, curate.features_of(ws, cur), n_parts=2)
    assert len(cur.clusters()) == 4
    cur = curate.rename(cur, big, "  Blue   period ")
    cur = curate.together(cur, list(cur.ids[:3]))
    cur = curate.apart(cur, [cur.ids[3], cur.ids[4]])
    with pytest.raises(ArtExploreError, match="No cluster 1"):
        curate.merge(cur, 0, 1)
    run_id = curate.save(ws, cur)

    run = load_run(ws, run_id)
    assert run.method == "curated" and run.n_clusters == 4
    assert "Blue period" in run.params["names"].values()
    assert run.params["marks"]["together"] == [list(cur.ids[:2]), list(cur.ids[1:3])]
    assert run.params["marks"]["apart"] == [[cur.ids[3], cur.ids[4]]]
    assert "set by the curator" in run.k_selection["description"]
    assert run_id in [r.id for r in list_runs(ws, features="toy")]
    # the same partition as curated (renumbered)
    by_id = dict(zip(run.ids.tolist(), run.labels.tolist(), strict=True))
    pairs = {(by_id[a], c) for a, c in zip(cur.ids, cur.labels, strict=True)}
    assert len(pairs) == 4
    out = tmp_path / "curated.csv"
    assert export_run_csv(ws, run_id, out) == 60
    assert out.read_text().splitlines()[0] == "work_path,cluster,confidence"
    again = curate.start(ws, run_id)  # a curated run carries on with its names and marks
    assert again.together == cur.together and "Blue period" in again.names.values()
    learned = learn_features(ws, "toy", from_run=run_id, name="from-curated")
    assert learned.n_labelled == 60 and learned.n_classes == 4


def test_learn_cli_prints_name_and_n_labelled(toy_ws):
    from typer.testing import CliRunner

    from artexplore.cli import app

    ws, _, _ = toy_ws
    res = CliRunner().invoke(app, ["learn", "--workspace", str(ws.root), "--features", "toy",
                                   "--label", "style", "--name", "taught"])
    assert res.exit_code == 0, res.output
    payload = json.loads(res.stdout.strip().splitlines()[-1])
    assert payload["name"] == "taught" and payload["n_labelled"] == 8
    bad = CliRunner().invoke(app, ["learn", "--workspace", str(ws.root), "--features", "toy",
                                   "--label", "nope"])
    assert bad.exit_code == 1 and "error:" in bad.output


def _curation_page() -> None:
    import sys

    import streamlit as st

    sys.path.insert(0, st.session_state["repo"])
    from artexplore.store import Workspace
    from ui.curation import curation_panel

    curation_panel(Workspace(st.session_state["ws_root"]), st.session_state["run"],
                   selected=st.session_state.get("selected", []),
                   on_saved=lambda rid: st.session_state.update(saved=rid))


def test_curation_widget_actions(toy_ws):
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    from artexplore.cluster import load_run, run_clustering

    ws, _, _ = toy_ws
    base = run_clustering(ws, "toy", "kmeans", n_clusters=3, random_state=0)
    at = AppTest.from_function(_curation_page, default_timeout=60)
    at.session_state["repo"] = str(Path(__file__).resolve().parents[1])
    at.session_state["ws_root"] = str(ws.root)
    at.session_state["run"] = base.id
    at.session_state["selected"] = list(base.ids[:3])
    at.run()
    assert not at.exception
    assert not [b for b in at.button if b.key == "curate_save"]  # drawn only once opened
    at.toggle(key="curate_open").set_value(True).run()  # the curator opens the tools
    assert at.button(key="curate_save").disabled  # nothing to save yet
    at.selectbox(key="curate_merge_a").set_value(0)
    at.selectbox(key="curate_merge_b").set_value(2)
    at.button(key="curate_merge").click().run()
    assert not at.exception
    assert sorted(at.session_state["curate_curation"].clusters()) == [0, 1]
    at.selectbox(key="curate_rename_c").set_value(1)
    at.text_input(key="curate_rename_name").input("Impasto")
    at.button(key="curate_rename").click().run()
    at.button(key="curate_split").click().run()  # cluster 0 in two
    at.button(key="curate_together").click().run()
    assert not at.exception
    cur = at.session_state["curate_curation"]
    assert len(cur.clusters()) == 3 and len(cur.together) == 2 and len(cur.edits) == 4
    at.button(key="curate_save").click().run()
    assert not at.exception
    saved = load_run(ws, at.session_state["saved"])
    assert saved.method == "curated" and saved.n_clusters == 3
    assert "Impasto" in saved.params["names"].values()

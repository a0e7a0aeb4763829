"""Stored cluster runs, evaluation, comparison, export, summaries, patches and the CLI."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from clusters_support import mapped_demo_workspace, write_patches
from typer.testing import CliRunner

from artexplore import demo
from artexplore.cli import app
from artexplore.cluster import (
    compare_runs,
    evaluate_run,
    export_run_csv,
    list_runs,
    load_run,
    members,
    representative_patches,
    run_clustering,
    summarize_run,
)
from artexplore.cluster.evaluation import external_scores
from artexplore.errors import ArtExploreError
from artexplore.features import embed
from artexplore.ingest.folder import ingest
from artexplore.jobs import list_jobs, run_inline
from artexplore.reduce import MapConfig, compute_map
from artexplore.store import Workspace


@pytest.fixture
def small_ws(tmp_path, make_collection) -> Workspace:
    folder, meta = make_collection(12)
    ws = Workspace(tmp_path / "ws", create=True)
    ingest(ws, folder, metadata=meta)
    embed(ws, "color")
    return ws


@pytest.fixture(scope="module")
def mapped_demo(demo_workspace, tmp_path_factory) -> Path:
    return mapped_demo_workspace(demo_workspace, tmp_path_factory)


def test_run_is_stored_and_loaded_back(small_ws):
    ws = small_ws
    run = run_clustering(ws, "color", "kmeans", n_clusters=3, random_state=0)
    assert run.n_clusters == 3 and len(run) == 12 and not run.cached
    loaded = load_run(ws, run.id)
    np.testing.assert_array_equal(loaded.labels, run.labels)
    np.testing.assert_array_equal(loaded.confidence, run.confidence)
    assert loaded.proba.shape == (12, 3) and loaded.work_paths == sorted(loaded.work_paths)
    assert loaded.method == "kmeans" and loaded.params["random_state"] == 0
    assert set(loaded.metrics) >= {"silhouette", "calinski_harabasz", "davies_bouldin", "space"}
    assert [r.id for r in list_runs(ws)] == [run.id]
    assert [r.id for r in list_runs(ws)] == [run.id]

    # members: only that cluster, most confident first.
    ids = members(ws, run.id, 0)
    rows = [loaded.ids.tolist().index(i) for i in ids]
    assert all(loaded.labels[r] == 0 for r in rows)
    assert list(loaded.confidence[rows]) == sorted(loaded.confidence[rows], reverse=True)
    with pytest.raises(ArtExploreError, match="no cluster 7"):
        members(ws, run.id, 7)

    # Same parameters on the same features: the stored run comes back, no duplicate.
    again = run_clustering(ws, "color", "kmeans", n_clusters=3, random_state=0)
    assert again.cached and again.id == run.id
    fresh = run_clustering(ws, "color", "kmeans", n_clusters=3, random_state=0, reuse=False)
    assert fresh.id != run.id
    np.testing.assert_array_equal(fresh.labels, run.labels)  # same seed, same labels
    assert len(list_runs(ws)) == 2


def test_k_chosen_by_a_sweep_is_recorded(small_ws):
    run = run_clustering(small_ws, "color", "agglomerative", random_state=0)
    assert run.k_selection["criterion"] == "silhouette"
    assert run.k_selection["k"] == run.n_clusters
    assert f"K={run.n_clusters} chosen by highest silhouette" in run.summary()["k_chosen_by"]
    gmm = run_clustering(small_ws, "color", "gmm", random_state=0, k_max=4)
    assert gmm.k_selection["criterion"] == "bic" and sorted(gmm.k_selection["scores"]) == \
        ["2", "3", "4"]


def test_evaluate_only_labelled_works_and_compare(small_ws):
    ws = small_ws
    run = run_clustering(ws, "color", "kmeans", n_clusters=2, random_state=0)
    unlabelled = ws.works()[0]["id"]
    ws.set_metadata(unlabelled, style=None)
    result = evaluate_run(ws, run.id, "style")
    assert result["n_labelled"] == 11 and result["n_unlabelled"] == 1
    assert result["n_clusters"] == 2 and result["run"] == run.id
    styles = {w["id"]: w["style"] for w in ws.works()}
    expected = external_scores([styles[i] for i in run.ids], run.labels)
    for key in ("nmi", "ari", "accuracy", "purity"):
        assert result[key] == pytest.approx(expected[key])
    with pytest.raises(ArtExploreError, match="choose one of: artist"):
        evaluate_run(ws, run.id, "colour")

    other = run_clustering(ws, "color", "agglomerative", n_clusters=3, random_state=0)
    same = compare_runs(ws, run.id, run.id)
    assert same["ari"] == pytest.approx(1.0) and same["n_common"] == 12
    cmp = compare_runs(ws, run.id, other.id)
    assert cmp["contingency"].shape == (2, 3) and cmp["contingency"].to_numpy().sum() == 12


def test_export_csv(small_ws, tmp_path):
    compute_map(small_ws, "color", MapConfig.for_clustering())  # the space hdbscan clusters in
    run = run_clustering(small_ws, "color", "hdbscan", random_state=0,
                         options={"min_cluster_size": 2})
    assert run.space == "umap"  # HDBSCAN's default space: the ~10-D UMAP embedding
    out = tmp_path / "out" / "run.csv"
    assert export_run_csv(small_ws, run.id, out) == 12
    rows = list(csv.DictReader(out.open()))
    assert list(rows[0]) == ["work_path", "cluster", "confidence"]
    assert [r["work_path"] for r in rows] == run.work_paths
    assert [int(r["cluster"]) for r in rows] == run.labels.tolist()


def test_dcec_run_learns_from_thumbnails(small_ws):
    run = run_clustering(small_ws, "color", "dcec", n_clusters=2, image_size=16, options={
        "filters": [4, 8, 8], "latent_dim": 4, "pretrain_iter": 4, "max_iter": 3,
        "batch_size": 8, "device": "cpu", "n_threads": 1})
    assert run.n_clusters == 2 and run.proba.shape == (12, 2)
    assert "16-px thumbnails" in run.metrics["space"]
    assert "ari_to_kmeans_start" in run.metrics


def test_clusters_in_the_umap_space(small_ws):
    # The 10-D map it reads is not computed silently inside the clustering: the cluster
    # job runs it first as a job of its own.
    with pytest.raises(ArtExploreError, match="artexplore map .*--n-components 10"):
        run_clustering(small_ws, "color", "kmeans", n_clusters=2, space="umap")
    record = run_inline(small_ws, "cluster", {"features": "color", "method": "kmeans", "k": 2,
                                              "space": "umap"})
    assert [j.kind for j in list_jobs(small_ws)][:2] == ["map", "cluster"]  # newest first
    run = load_run(small_ws, record.result["run"])
    assert "UMAP 10-D" in run.metrics["space"]
    assert run.space == "umap"


def test_summaries_of_the_demo(mapped_demo):
    ws = Workspace(mapped_demo)
    run = next(load_run(ws, r.id) for r in list_runs(ws) if r.method == "kmeans")
    summaries = summarize_run(ws, run, n_examples=4)
    assert sum(s.size for s in summaries) == 204 and len(summaries) == 6
    assert [s.size for s in summaries] == sorted((s.size for s in summaries), reverse=True)
    for s in summaries:
        member_ids = set(run.members(s.cluster))
        assert set(s.representative) <= member_ids and len(s.representative) == 4
        confidences = [c for _, c, _ in s.ambiguous]
        assert confidences == sorted(confidences)
        assert all(second != s.cluster for _, _, second in s.ambiguous)
        styles = s.top["style"]
        assert styles and sum(v.count for v in styles) <= s.size
        assert styles[0].count == max(v.count for v in styles)
        assert s.years is None or s.years["min"] <= s.years["median"] <= s.years["max"]
        assert s.headline().startswith(f"{s.size} works")
    # Lift: share in the cluster over share in the collection.
    top = summaries[0].top["style"][0]
    overall = sum(1 for w in ws.works() if w["style"] == top.value) / 204
    assert top.lift == pytest.approx(top.share / overall)


def test_representative_patches(mapped_demo, tmp_path):
    root = tmp_path / "ws"
    shutil.copytree(mapped_demo, root)
    ws = Workspace(root)
    run = next(load_run(ws, r.id) for r in list_runs(ws) if r.method == "kmeans")
    assert representative_patches(ws, run, 0) is None  # the patch stage has not run
    target = int(np.bincount(run.labels).argmax())
    write_patches(ws, run.ids.tolist(), run.labels == target)
    patches = representative_patches(ws, run, target, n=6)
    assert len(patches) == 6
    assert all(run.labels[run.ids.tolist().index(p.work_id)] == target for p in patches)
    assert all(p.image.shape == (64, 64) and p.purity > 0.9 for p in patches)
    assert max(sum(p.work_id == q.work_id for q in patches) for p in patches) <= 2
    other = representative_patches(ws, run, (target + 1) % run.n_clusters, n=6)
    assert all(p.purity < 0.9 for p in other)


# -- command line -------------------------------------------------------------------------------
def _json_tail(output: str) -> dict:
    return json.loads(output.strip().splitlines()[-1])


def test_cli_map_cluster_evaluate_export(small_ws, tmp_path):
    runner = CliRunner()
    ws = str(small_ws.root)
    res = runner.invoke(app, ["map", "--workspace", ws, "--features", "color",
                              "--n-neighbors", "5", "--min-dist", "0.1", "--seed", "0"])
    assert res.exit_code == 0, res.output
    out = _json_tail(res.stdout)
    assert out["n_works"] == 12 and out["n_components"] == 2 and not out["cached"]
    res = runner.invoke(app, ["map", "--workspace", ws, "--features", "color",
                              "--n-neighbors", "5"])
    assert _json_tail(res.stdout)["cached"] is True

    res = runner.invoke(app, ["cluster", "--workspace", ws, "--features", "color",
                              "--method", "kmeans", "--seed", "0"])
    assert res.exit_code == 0, res.output
    out = _json_tail(res.stdout)
    assert out["run"] and out["n_clusters"] == out["k_selection"]["k"]
    assert "chosen by highest silhouette" in res.stdout  # said in a line, not only the JSON

    res = runner.invoke(app, ["cluster", "--workspace", ws, "--features", "color",
                              "--method", "gmm", "--k", "3", "--seed", "1"])
    gmm = _json_tail(res.stdout)
    assert gmm["n_clusters"] == 3 and gmm["k_selection"] is None

    res = runner.invoke(app, ["evaluate", "--workspace", ws, "--run", gmm["run"],
                              "--label", "style"])
    assert res.exit_code == 0, res.output
    ev = _json_tail(res.stdout)
    assert {"nmi", "ari", "accuracy", "n_clusters"} <= set(ev) and ev["n_clusters"] == 3
    assert 0.0 <= ev["nmi"] <= 1.0

    target = tmp_path / "clusters.csv"
    res = runner.invoke(app, ["export", "--workspace", ws, "--run", gmm["run"],
                              "--out", str(target)])
    assert res.exit_code == 0, res.output
    assert target.read_text().splitlines()[0] == "work_path,cluster,confidence"
    assert len(target.read_text().splitlines()) == 13

    res = runner.invoke(app, ["info", "--workspace", ws])
    assert set(_json_tail(res.stdout)["cluster_runs"]) == {out["run"], gmm["run"]}


def test_cli_errors(small_ws):
    runner = CliRunner()
    ws = str(small_ws.root)
    res = runner.invoke(app, ["cluster", "--workspace", ws, "--features", "color",
                              "--method", "spectral"])
    assert res.exit_code == 1 and "choose one of: agglomerative" in res.output
    res = runner.invoke(app, ["cluster", "--workspace", ws, "--features", "default",
                              "--method", "kmeans"])
    assert res.exit_code == 1 and "No feature set 'default'" in res.output
    res = runner.invoke(app, ["evaluate", "--workspace", ws, "--run", "nope", "--label", "style"])
    assert res.exit_code == 1 and "No cluster run 'nope'" in res.output
    res = runner.invoke(app, ["export", "--workspace", ws, "--out", "x.csv"])
    assert res.exit_code == 1 and "--run RUN" in res.output


def test_jobs_fall_back_to_the_best_stored_features_and_say_so(small_ws):
    record = run_inline(small_ws, "cluster", {"features": "default", "method": "kmeans",
                                              "k": 2, "fallback": True})
    assert record.result["features"] == "color" and record.result["requested"] == "default"
    assert "'default' is not stored; used 'color'" in record.result["note"]
    assert "'default' is not stored" in " ".join(load_run(small_ws, record.result["run"]).notes)
    with pytest.raises(ArtExploreError, match="No feature set 'default'"):
        run_inline(small_ws, "map", {"features": "default"})


def test_demo_stages_map_and_cluster(tmp_path, make_collection):
    folder, meta = make_collection(10)
    assets = tmp_path / "assets"
    shutil.copytree(folder, assets / "images")
    shutil.copy(meta, assets / "metadata.csv")
    kinds = [kind for _, kind, _ in demo.DEMO_STAGES]
    assert kinds.index("map") < kinds.index("cluster")
    ws = Workspace(tmp_path / "demo", create=True)
    stages = [s for s in demo.DEMO_STAGES
              if s[1] in ("map", "cluster") or s[2].get("extractor") == "color"]
    lines = demo.prepare_demo(ws, assets=assets, stages=stages)
    text = "\n".join(lines)
    assert "map:" in text and "used 'color'" in text
    assert len(list_runs(ws)) == 2

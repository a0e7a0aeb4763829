"""Exhibitions: store round trip, edits, paths against brute force, exports, the CLI contract."""

from __future__ import annotations

import csv
import io
import itertools
import json
import shutil

import numpy as np
import pytest
from typer.testing import CliRunner

from artexplore.cli import app
from artexplore.errors import ArtExploreError
from artexplore.exhibit import (
    create_exhibition,
    delete_exhibition,
    exact_path,
    gradient_path,
    grow,
    heuristic_path,
    list_exhibitions,
    load_exhibition,
    nearest_neighbour_path,
    order_exhibition,
    path_length,
    propose_sections,
    render_export,
    save_exhibition,
    shortest_path,
    two_opt,
)
from artexplore.features import embed
from artexplore.store import Workspace


@pytest.fixture(scope="module")
def color_ws(demo_workspace, tmp_path_factory):
    root = tmp_path_factory.mktemp("exhibit") / "ws"
    shutil.copytree(demo_workspace, root)
    ws = Workspace(root)
    embed(ws, "color", num_workers=0)
    return root


@pytest.fixture
def ws(color_ws, tmp_path):
    root = tmp_path / "ws"
    shutil.copytree(color_ws, root)
    return Workspace(root)


def test_round_trip_and_edits(ws):
    ids = ws.work_ids()[:6]
    ex = create_exhibition(ws, "Blue nocturnes!", ids[:4], description="Night & sea",
                           source={"kind": "works"})
    assert ex.id == "blue-nocturnes"
    assert create_exhibition(ws, "Blue nocturnes", []).id == "blue-nocturnes-2"
    ex.add([ids[0], ids[4]])  # the one already in is skipped
    assert ex.work_ids == ids[:5]
    room = ex.add_section("Second room")
    ex.move_to_section(ids[1], room.id)
    ex.move(ids[0], 1)
    ex.set_note(ids[2], "=HYPERLINK(\"http://x\")")
    save_exhibition(ws, ex)
    back = load_exhibition(ws, ex.id)
    assert back.to_dict()["sections"] == ex.to_dict()["sections"]
    assert back.title == "Blue nocturnes!" and back.description == "Night & sea"
    assert back.work_ids == [ids[2], ids[0], ids[3], ids[4], ids[1]]
    # Down past the end of the first room walks into the next one.
    back.move(ids[4], 1)
    assert back.section_of(ids[4]).title == "Second room"
    back.remove([ids[3]])
    back.remove_section(room.id)
    assert len(back.sections) == 1 and ids[3] not in back
    assert {e["id"] for e in list_exhibitions(ws)} == {"blue-nocturnes", "blue-nocturnes-2"}
    delete_exhibition(ws, ex.id)
    with pytest.raises(ArtExploreError, match="blue-nocturnes-2"):
        load_exhibition(ws, ex.id)
    with pytest.raises(ArtExploreError, match="title"):
        create_exhibition(ws, "  ", ids)
    with pytest.raises(ArtExploreError, match="not in the collection"):
        create_exhibition(ws, "x", ["nope"])


def _plane(n, seed):
    P = np.random.default_rng(seed).random((n, 2))
    return np.linalg.norm(P[:, None] - P[None], axis=-1)


def _brute(D, start=None, end=None):
    n = len(D)
    return min(path_length(D, np.array(p)) for p in itertools.permutations(range(n))
               if (start is None or p[0] == start) and (end is None or p[-1] == end))


@pytest.mark.parametrize("n", [3, 5, 7, 8])
def test_paths_against_brute_force(n):
    for seed in range(8):
        D = _plane(n, seed)
        nn = nearest_neighbour_path(D, 0)
        improved = two_opt(D, nn)
        assert path_length(D, improved) <= path_length(D, nn) + 1e-12
        assert sorted(improved.tolist()) == list(range(n))
        best = _brute(D)
        assert path_length(D, shortest_path(D)) == pytest.approx(best)
        assert path_length(D, exact_path(D)) == pytest.approx(best)
        p = shortest_path(D, start=1, end=0)
        assert p[0] == 1 and p[-1] == 0
        assert path_length(D, p) == pytest.approx(_brute(D, 1, 0))


def test_long_paths_improve_on_the_greedy_tour():
    D = _plane(120, 3)
    p = heuristic_path(D)
    assert sorted(p.tolist()) == list(range(120))
    assert path_length(D, p) < 0.95 * path_length(D, nearest_neighbour_path(D, int(p[0])))
    assert path_length(D, shortest_path(D)) == pytest.approx(path_length(D, p))


def test_gradient_runs_from_one_end_to_the_other():
    x = np.array([0.0, 3.0, 1.0, 4.0, 2.0])
    D = np.abs(x[:, None] - x[None])
    assert gradient_path(D, 0, 3).tolist() == [0, 2, 4, 1, 3]


def test_order_grow_and_sections(ws):
    ids = ws.work_ids()
    ex = create_exhibition(ws, "Walk", ids[::12])
    report = order_exhibition(ws, ex, method="path", features="color")
    assert report.length_after <= report.length_before + 1e-9
    assert sorted(ex.work_ids) == sorted(ids[::12])
    a, b = ex.work_ids[0], ex.work_ids[-1]
    order_exhibition(ws, ex, method="gradient", features="color", start=b, end=a)
    assert ex.work_ids[0] == b and ex.work_ids[-1] == a
    with pytest.raises(ArtExploreError, match="two different"):
        order_exhibition(ws, ex, method="gradient", features="color", start=a, end=a)
    before = set(ex.work_ids)
    added = grow(ws, ex, "color", 5)
    assert len(added) == 5 and not before & {c.work_id for c in added}
    assert len(ex) == len(before) + 5
    sims = [c.similarity for c in added]
    assert sims == sorted(sims, reverse=True)
    groups = propose_sections(ws, ex, n_sections=3, features="color")
    assert len(groups) == 3 and sorted(w for _, g in groups for w in g) == sorted(ex.work_ids)
    ex.set_sections(groups)
    assert [s.title for s in ex.sections] == [t for t, _ in groups]


def test_exports_escape_and_neutralise(ws):
    from iiif_prezi3 import Manifest

    ids = ws.work_ids()[:3]
    ws.set_metadata(ids[0], title="<script>alert(1)</script>")
    ex = create_exhibition(ws, "<script>alert(1)</script>", ids, description="a & b")
    ex.set_note(ids[1], '=HYPERLINK("http://evil","click")')
    ex.add_section("Room <2>")
    ex.move_to_section(ids[2], 2)
    page = render_export(ws, ex, "html")
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert page.count('src="data:image/jpeg;base64,') == 3
    rows = list(csv.DictReader(io.StringIO(render_export(ws, ex, "csv"))))
    assert len(rows) == 3 and rows[1]["note"].startswith("'=HYPERLINK")
    assert [r["work_path"] for r in rows] == ws.paths_of(ids)
    doc = json.loads(render_export(ws, ex, "json"))
    assert [len(s["works"]) for s in doc["sections"]] == [2, 1]
    text = render_export(ws, ex, "iiif")
    manifest = Manifest(**json.loads(text))
    assert len(manifest.items) == 3 and len(manifest.structures) == 2
    body = json.loads(text)["items"][0]["items"][0]["items"][0]["body"]
    assert body["id"].startswith("file://") and body["id"].endswith(
        ws.paths_of([ids[0]])[0].split("/")[-1])
    with pytest.raises(ArtExploreError, match="csv, json, iiif, html"):
        render_export(ws, ex, "pdf")


def test_cli_contract(ws, tmp_path):
    from artexplore.cluster import run_clustering

    runner = CliRunner()
    W = str(ws.root)
    paths = ws.paths_of(ws.work_ids()[:4])

    def call(*args):
        res = runner.invoke(app, ["exhibition", *args])
        return res, (json.loads(res.stdout.strip().splitlines()[-1])
                     if res.exit_code == 0 else None)

    res, out = call("create", "--workspace", W, "--title", "Hand picked", "--works", *paths[:3])
    assert res.exit_code == 0, res.output
    ex_id = out["id"]
    assert out["work_paths"] == paths[:3]
    res, out = call("add", "--workspace", W, "--id", ex_id, "--works", paths[3], paths[0])
    assert out["added"] == [paths[3]] and out["n_works"] == 4
    res, out = call("remove", "--workspace", W, "--id", ex_id, "--works", paths[1])
    assert out["n_works"] == 3
    res, out = call("grow", "--workspace", W, "--id", ex_id, "--features", "color", "-n", "2")
    assert len(out["added"]) == 2 and out["n_works"] == 5
    res, out = call("order", "--workspace", W, "--id", ex_id, "--method", "gradient",
                    "--from", paths[3], "--to", paths[0], "--features", "color")
    assert out["work_paths"][0] == paths[3] and out["work_paths"][-1] == paths[0]
    for fmt in ("csv", "json", "iiif", "html"):
        target = tmp_path / f"x.{fmt}"
        res, out = call("export", "--workspace", W, "--id", ex_id, "--format", fmt,
                        "--out", str(target))
        assert res.exit_code == 0 and target.stat().st_size > 100
    run = run_clustering(ws, "color", "kmeans", n_clusters=3, random_state=0)
    res, out = call("create", "--workspace", W, "--title", "Cluster", "--from-run", run.id,
                    "--cluster", "0")
    assert out["n_works"] == int((run.labels == 0).sum())
    res, _ = call("create", "--workspace", W, "--title", "Bad", "--from-run", run.id)
    assert res.exit_code == 1 and "--cluster" in res.stderr
    res, _ = call("export", "--workspace", W, "--id", "nope", "--format", "csv",
                  "--out", str(tmp_path / "n.csv"))
    assert res.exit_code == 1 and "No exhibition 'nope'" in res.stderr
    res, _ = call("create", "--workspace", W, "--title", "X", "--works", "no/such.jpg")
    assert res.exit_code == 1 and "not in the collection" in res.stderr


def test_selection_source(ws):
    from artexplore.store.selections import save_selection

    save_selection(ws, "picked", ws.work_ids()[5:8])
    res = CliRunner().invoke(app, ["exhibition", "create", "--workspace", str(ws.root),
                                   "--title", "From selection", "--from-selection", "picked"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout.strip().splitlines()[-1])["n_works"] == 3


"""The ``neighbours`` and ``index`` commands: the CLI contract, outside images, bad files."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from artexplore.cli import app
from artexplore.features import embed
from artexplore.ingest.folder import ingest
from artexplore.search.neighbours import neighbours
from artexplore.store import Workspace

runner = CliRunner()


@pytest.fixture
def color_ws(tmp_path, make_collection):
    """Eight synthetic works with colour features."""
    folder, meta = make_collection(8)
    root = tmp_path / "ws"
    ws = Workspace(root, create=True)
    ingest(ws, folder, metadata=meta)
    embed(ws, "color")
    return ws, folder


def invoke(*args):
    result = runner.invoke(app, [str(a) for a in args])
    return result, (result.stdout.strip().splitlines() or [""])[-1]


def test_neighbours_of_a_work_last_line_is_json_best_first(color_ws):
    ws, _ = color_ws
    work = ws.works()[2]
    result, last = invoke("neighbours", "--workspace", ws.root, "--features", "color",
                          "--work", work["path"], "-k", 5)
    assert result.exit_code == 0, result.output
    found = json.loads(last)
    assert len(found) == 5
    assert all({"work_path", "similarity"} <= set(row) for row in found)
    assert work["path"] not in [row["work_path"] for row in found]
    sims = [row["similarity"] for row in found]
    assert sims == sorted(sims, reverse=True)
    expected = neighbours(ws, "color", work_id=work["id"], k=5)
    assert [row["work_path"] for row in found] == [n.work_path for n in expected]
    assert (ws.root / "indexes").is_dir()  # the first query built and stored the index


def test_neighbours_of_an_outside_image(color_ws, tmp_path):
    ws, folder = color_ws
    work = ws.works()[4]
    outside = tmp_path / "elsewhere" / "query.png"
    outside.parent.mkdir()
    shutil.copy(folder / work["path"], outside)
    result, last = invoke("neighbours", "--workspace", ws.root, "--features", "color",
                          "--image", outside, "-k", 3)
    assert result.exit_code == 0, result.output
    found = json.loads(last)
    assert found[0]["work_path"] == work["path"] and found[0]["similarity"] > 0.99
    assert len(found) == 3


@pytest.mark.parametrize("content", [b"GIF89a but then nothing", b"", b"\xff\xd8\xff\xe0 jpeg?"])
def test_a_bad_image_file_is_a_clear_error_with_exit_1(color_ws, tmp_path, content):
    ws, _ = color_ws
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(content)
    result, last = invoke("neighbours", "--workspace", ws.root, "--features", "color",
                          "--image", bad)
    assert result.exit_code == 1
    assert "error:" in result.stderr and str(bad) in result.stderr
    assert "Traceback" not in result.output and last == ""


def test_missing_image_unknown_work_and_two_queries_exit_1(color_ws, tmp_path):
    ws, _ = color_ws
    result, _ = invoke("neighbours", "--workspace", ws.root, "--features", "color",
                       "--image", tmp_path / "absent.png")
    assert result.exit_code == 1 and "not found" in result.stderr
    result, _ = invoke("neighbours", "--workspace", ws.root, "--features", "color",
                       "--work", "no/such.png")
    assert result.exit_code == 1 and "no/such.png" in result.stderr
    result, _ = invoke("neighbours", "--workspace", ws.root, "--features", "color")
    assert result.exit_code == 1 and "exactly one query" in result.stderr
    result, _ = invoke("neighbours", "--workspace", ws.root, "--features", "vit",
                       "--work", ws.works()[0]["path"])
    assert result.exit_code == 1 and "available: color" in result.stderr


def test_index_command_reports_method_and_recall(color_ws):
    ws, _ = color_ws
    result, last = invoke("index", "--workspace", ws.root)
    assert result.exit_code == 0, result.output
    summary = json.loads(last)
    assert summary["feature_set"] == "color" and summary["method"] == "flat"
    assert "'default' is not stored" in summary["note"]
    result, last = invoke("index", "--workspace", ws.root, "--features", "color",
                          "--method", "ivf")
    summary = json.loads(last)
    assert summary["method"] == "ivf" and 0 <= summary["recall_at_10"] <= 1
    result, _ = invoke("index", "--workspace", ws.root, "--features", "color",
                       "--method", "lsh")
    assert result.exit_code == 1 and "flat, hnsw, ivf" in result.stderr

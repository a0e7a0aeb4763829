"""The command line through typer's CliRunner (the contract outside checks rely on)."""

from __future__ import annotations

import json

import numpy as np
from typer.testing import CliRunner

from artexplore.cli import app

runner = CliRunner()


def test_ingest_prints_a_summary_and_exits_0_with_bad_files(tmp_path, make_collection):
    folder, meta = make_collection(3)
    (folder / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really")
    (folder / "empty.png").write_bytes(b"")
    ws = tmp_path / "ws"
    result = runner.invoke(app, ["ingest", str(folder), "--workspace", str(ws),
                                 "--metadata", str(meta), "--map", "artist=artist"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "added 3" in out
    assert "skipped in this run: 2" in out
    assert "empty.png: empty" in out and "broken.jpg:" in out

    again = runner.invoke(app, ["ingest", str(folder), "--workspace", str(ws)])
    assert again.exit_code == 0 and "added 0" in again.stdout and "unchanged 5" in again.stdout


def test_ingest_missing_folder_exits_1_with_message(tmp_path):
    result = runner.invoke(app, ["ingest", str(tmp_path / "absent"), "--workspace",
                                 str(tmp_path / "ws")])
    assert result.exit_code == 1
    assert "Folder not found" in result.stderr


def test_bad_mapping_exits_1(tmp_path, make_collection):
    folder, meta = make_collection(1)
    result = runner.invoke(app, ["ingest", str(folder), "-w", str(tmp_path / "ws"),
                                 "--metadata", str(meta), "--map", "painter"])
    assert result.exit_code == 1 and "expected field=Column" in result.stderr


def test_info_is_one_json_object(tmp_path, make_collection):
    folder, _ = make_collection(2)
    (folder / "junk.txt").write_text("hello")
    ws = tmp_path / "ws"
    runner.invoke(app, ["ingest", str(folder), "--workspace", str(ws)])
    result = runner.invoke(app, ["info", "--workspace", str(ws)])
    assert result.exit_code == 0
    info = json.loads(result.stdout.strip().splitlines()[-1])
    assert info["works"] == 2 and info["skipped"] == 1
    assert info["feature_sets"] == [] and info["cluster_runs"] == []


def test_info_on_missing_workspace_exits_1(tmp_path):
    result = runner.invoke(app, ["info", "--workspace", str(tmp_path / "none")])
    assert result.exit_code == 1 and "No workspace" in result.stderr


def test_export_features_npz(tmp_path, make_collection):
    from artexplore.features import embed
    from artexplore.store import Workspace

    folder, _ = make_collection(3)
    ws = tmp_path / "ws"
    runner.invoke(app, ["ingest", str(folder), "--workspace", str(ws)])
    embed(Workspace(ws), "color")
    out = tmp_path / "f.npz"
    result = runner.invoke(app, ["export", "--workspace", str(ws), "--features", "color",
                                 "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = np.load(out)
    assert data["X"].dtype == np.float32 and data["X"].shape[0] == 3
    assert data["work_path"].tolist() == ["a/work_00.png", "a/work_02.png", "b/work_01.png"]
    missing = runner.invoke(app, ["export", "--workspace", str(ws), "--features", "nope",
                                  "--out", str(out)])
    assert missing.exit_code == 1 and "No feature set 'nope'" in missing.stderr


def test_jobs_list_and_resume(tmp_path, make_collection):
    folder, _ = make_collection(2)
    ws = tmp_path / "ws"
    runner.invoke(app, ["ingest", str(folder), "--workspace", str(ws)])
    listed = json.loads(runner.invoke(app, ["jobs", "list", "-w", str(ws)]).stdout)
    assert listed[0]["kind"] == "ingest" and listed[0]["status"] == "done"
    resumed = runner.invoke(app, ["jobs", "resume", listed[0]["id"], "-w", str(ws)])
    assert resumed.exit_code == 0 and json.loads(resumed.stdout)["status"] == "done"

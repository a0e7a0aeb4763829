"""Hardening (issue 13): hostile and damaged files — workspace files, images, special files.

Each test reproduces a failure found by the probes and checks what a user sees now.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from artexplore.cli import app
from artexplore.store.arrays import ArrayStore
from artexplore.store.catalog import Catalog

runner = CliRunner()


def _store(tmp_path: Path) -> ArrayStore:
    store = ArrayStore(tmp_path / "arrays", Catalog(tmp_path / "catalog.sqlite"))
    store.register("features", "f", "fp1", {})
    return store


def _one_error_line(result) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines()
             if line.strip() and not line.startswith(("device:", "WARNING"))]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


# -- 3: interrupted compaction -------------------------------------------------------------
def test_compaction_killed_midway_leaves_the_set_readable(tmp_path, monkeypatch):
    store = _store(tmp_path)
    store.append("features", "f", "fp1", ["a", "b"], X=np.ones((2, 3)), Y=np.zeros((2, 1)))
    store.append("features", "f", "fp1", ["c"], X=np.full((1, 3), 2.0), Y=np.ones((1, 1)))
    real_save, calls = np.save, []

    def killed(*args, **kwargs):  # the process dies after writing ids.npy and X.npy
        calls.append(args[0])
        if len(calls) == 3:
            raise KeyboardInterrupt
        return real_save(*args, **kwargs)

    monkeypatch.setattr(np, "save", killed)
    with pytest.raises(KeyboardInterrupt):
        store.compact("features", "f")
    monkeypatch.setattr(np, "save", real_save)

    stored = store.load("features", "f")  # was: "parts without 'Y'"
    assert sorted(stored.ids.tolist()) == ["a", "b", "c"]
    assert set(stored.arrays) == {"X", "Y"}
    assert store.done_ids("features", "f", "fp1") == {"a", "b", "c"}

    store.compact("features", "f")
    folder = store.folder("features", "f", "fp1")
    assert [p.name.split("-")[0] for p in store._parts(folder)] == ["merged"]
    leftovers = [p for p in folder.iterdir() if p.name.startswith(".tmp-")]
    assert leftovers, "a recent leftover may be another process's write: kept"
    for p in leftovers:
        os.utime(p, (time.time() - 7200, time.time() - 7200))
    store.append("features", "f", "fp1", ["d"], X=np.ones((1, 3)), Y=np.ones((1, 1)))
    store.compact("features", "f")
    assert not [p for p in folder.iterdir() if p.name.startswith(".tmp-")]
    assert len(store.load("features", "f")) == 4


def test_a_temporary_merged_folder_of_an_older_version_is_not_a_part(tmp_path):
    store = _store(tmp_path)
    store.append("features", "f", "fp1", ["a"], X=np.ones((1, 3)), Y=np.ones((1, 1)))
    left = store.folder("features", "f", "fp1") / "merged-00000000000000000001-abcd1234.tmp"
    left.mkdir()
    np.save(left / "ids.npy", np.asarray(["a"]))
    assert set(store.load("features", "f").arrays) == {"X", "Y"}


def test_newer_parts_win_over_an_older_merged_folder(tmp_path):
    store = _store(tmp_path)
    store.append("features", "f", "fp1", ["a"], X=np.zeros((1, 2)))
    store.compact("features", "f")  # merged folder
    store.append("features", "f", "fp1", ["a"], X=np.ones((1, 2)))  # recomputed later
    assert store.load("features", "f")["X"].tolist() == [[1.0, 1.0]]


# -- 12: truncated arrays and a damaged catalogue ------------------------------------------
def test_truncated_array_is_one_line_and_embed_recomputes_it(labels_workspace):
    ws = str(labels_workspace)
    merged = next(labels_workspace.glob("arrays/features/color/*/merged-*/X.npy"))
    with open(merged, "r+b") as fh:
        fh.truncate(merged.stat().st_size // 2)
    out = str(labels_workspace / "x.npz")
    line = _one_error_line(runner.invoke(app, ["export", "-w", ws, "--features", "color",
                                               "-o", out]))
    assert "is damaged" in line and "artexplore embed" in line
    result = runner.invoke(app, ["embed", "-w", ws, "-e", "color"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["computed"] == 39 and summary["already"] == 0
    assert runner.invoke(app, ["export", "-w", ws, "--features", "color", "-o", out]).exit_code == 0
    assert np.load(out)["X"].shape[0] == 39


def test_truncated_part_file_is_moved_aside_and_recomputed(tmp_path):
    store = _store(tmp_path)
    store.append("features", "f", "fp1", ["a", "b"], X=np.ones((2, 3)))
    part = store.append("features", "f", "fp1", ["c"], X=np.ones((1, 3)))
    part.write_bytes(part.read_bytes()[:100])
    assert store.count("features", "f") == 2  # counting changes nothing
    assert part.exists()
    assert store.done_ids("features", "f", "fp1") == {"a", "b"}  # resuming repairs
    assert not part.exists() and part.with_name("damaged-" + part.name).exists()


def test_damaged_catalogue_is_one_line_and_ingest_rebuilds_it(labels_workspace,
                                                              labels_template):
    ws = str(labels_workspace)
    folder = labels_template.parent / "images"
    meta = labels_template.parent / "metadata.csv"
    db = labels_workspace / "catalog.sqlite"
    for extra in labels_workspace.glob("catalog.sqlite-*"):
        extra.unlink()
    db.write_bytes(os.urandom(4096))
    line = _one_error_line(runner.invoke(app, ["info", "-w", ws]))
    assert "is damaged" in line and "artexplore ingest" in line
    rebuilt = runner.invoke(app, ["ingest", str(folder), "-w", ws, "-m", str(meta)])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert list(labels_workspace.glob("catalog.sqlite.damaged-*"))
    again = runner.invoke(app, ["embed", "-w", ws, "-e", "color"])
    assert json.loads(again.stdout.strip().splitlines()[-1])["already"] == 39


def test_read_only_commands_work_while_another_process_writes(labels_workspace, monkeypatch):
    monkeypatch.setattr(Catalog, "busy_timeout_s", 0.5)
    ws = str(labels_workspace)
    runner.invoke(app, ["cluster", "-w", ws, "-f", "color", "-m", "kmeans", "--k", "3"])
    writer = sqlite3.connect(labels_workspace / "catalog.sqlite", isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    writer.execute("UPDATE meta SET value=value WHERE key='schema_version'")
    try:
        for args in (["info"], ["features"], ["runs"], ["jobs", "list"]):
            result = runner.invoke(app, [*args, "-w", ws])
            assert result.exit_code == 0, (args, result.output)
        out = str(labels_workspace / "x.npz")
        assert runner.invoke(app, ["export", "-w", ws, "--features", "color",
                                   "-o", out]).exit_code == 0
        line = _one_error_line(runner.invoke(app, ["map", "-w", ws, "-f", "color"]))
        assert "locked by another process" in line
    finally:
        writer.execute("ROLLBACK")
        writer.close()

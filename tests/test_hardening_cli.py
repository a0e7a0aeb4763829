"""Hardening (issue 13): the one-line-error contract of the command line.

Every CLI error is one ``error: ...`` line on standard error and exit status 1;
tracebacks belong in the job's record and behind ``--verbose``.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from artexplore.cli import app

runner = CliRunner()


def _one_error_line(result) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()
             and not line.startswith("device:")]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


@pytest.mark.parametrize("sub", [["list"], ["cancel", "nope"], ["resume", "nope"]])
def test_jobs_commands_on_a_missing_workspace_or_job_give_one_line(tmp_path, labels_workspace,
                                                                    sub):
    result = runner.invoke(app, ["jobs", *sub, "-w", str(tmp_path / "absent")])
    assert "No workspace" in _one_error_line(result)
    if len(sub) == 2:
        result = runner.invoke(app, ["jobs", *sub, "-w", str(labels_workspace)])
        assert "No job 'nope'" in _one_error_line(result)


def test_negative_pca_is_one_line_for_map_and_cluster(labels_workspace):
    ws = str(labels_workspace)
    line = _one_error_line(runner.invoke(app, ["map", "-w", ws, "-f", "color", "--pca", "-1"]))
    assert "-1" in line and "pca" in line
    line = _one_error_line(runner.invoke(app, ["cluster", "-w", ws, "-f", "color", "-m", "kmeans",
                                               "--pca", "-1"]))
    assert "pca_components must be >= 0" in line


def test_failed_job_keeps_its_traceback_in_the_record_not_the_terminal(labels_workspace):
    ws = str(labels_workspace)
    runner.invoke(app, ["map", "-w", ws, "-f", "color", "--pca", "-1"])
    jobs = json.loads(runner.invoke(app, ["jobs", "list", "-w", ws]).stdout)
    failed = [j for j in jobs if j["kind"] == "map"][0]
    assert failed["status"] == "failed" and "pca_components" in failed["error"][0]
    verbose = runner.invoke(app, ["--verbose", "map", "-w", ws, "-f", "color", "--pca", "-1"])
    assert verbose.exit_code == 1 and "Traceback" in verbose.stderr


def test_bad_extractor_option_is_one_line(labels_workspace):
    line = _one_error_line(runner.invoke(app, ["embed", "-w", str(labels_workspace), "-e",
                                               "color", "-o", "bins=notjson"]))
    assert "Bad options for extractor 'color'" in line and "notjson" in line


def test_ingest_into_a_file_named_as_workspace_is_one_line(tmp_path, make_collection):
    folder, _ = make_collection(1)
    target = tmp_path / "afile"
    target.write_text("not a folder")
    line = _one_error_line(runner.invoke(app, ["ingest", str(folder), "--workspace",
                                               str(target)]))
    assert "is a file, not a workspace folder" in line
    assert target.read_text() == "not a folder"


def test_an_unexpected_exception_is_one_line_and_its_traceback_needs_verbose(monkeypatch,
                                                                            labels_workspace):
    import artexplore.info as info

    def broken(ws):
        raise RuntimeError("something inside broke\nsecond line")

    monkeypatch.setattr(info, "workspace_info", broken)
    line = _one_error_line(runner.invoke(app, ["info", "-w", str(labels_workspace)]))
    assert "RuntimeError: something inside broke second line" in line
    verbose = runner.invoke(app, ["--verbose", "info", "-w", str(labels_workspace)])
    assert verbose.exit_code == 1 and "Traceback" in verbose.stderr

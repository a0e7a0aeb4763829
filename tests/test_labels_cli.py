"""The label commands through CliRunner: probe, finetune-classifier, deeppainter."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from artexplore.cli import app
from artexplore.labels import list_suggestions
from artexplore.store import Workspace

pytestmark = pytest.mark.usefixtures("one_thread")

runner = CliRunner()


def last_json(output: str) -> dict:
    return json.loads(output.strip().splitlines()[-1])


def test_probe_prints_metrics_and_ends_with_json(labels_workspace):
    result = runner.invoke(app, ["probe", "--workspace", str(labels_workspace), "--features",
                                 "color", "--label", "style", "--folds", "5"])
    assert result.exit_code == 0, result.output
    out = last_json(result.stdout)
    assert {"top1", "top3", "f1_macro"} <= set(out)
    assert out["top1"] > 0.9 and out["top3"] == 1.0 and out["n_folds"] == 5
    assert out["excluded"] == {"Rare": 3} and out["suggestions"] == 6
    assert "left out (too few works): Rare (3)" in result.stdout
    assert len(list_suggestions(Workspace(labels_workspace), "style")) == 6


def test_probe_default_is_ten_folds_and_mlp_works(labels_workspace):
    result = runner.invoke(app, ["probe", "-w", str(labels_workspace), "--features", "color",
                                 "--label", "style", "--classifier", "mlp", "--no-suggest"])
    assert result.exit_code == 0, result.output
    out = last_json(result.stdout)
    assert out["n_folds"] == 10 and out["classifier"] == "mlp" and out["suggestions"] == 0
    assert out["n"] == 30 and out["top1"] > 0.8
    assert list_suggestions(Workspace(labels_workspace), "style") == []
    # Every artist has 6 works or fewer: not enough for 10 folds, and the message says so.
    result = runner.invoke(app, ["probe", "-w", str(labels_workspace), "--features", "color",
                                 "--label", "artist"])
    assert result.exit_code == 1 and "Lower the number of folds" in result.stderr


@pytest.mark.parametrize("args,message", [
    (["--features", "color", "--label", "culture"], "No work has a value in the column 'culture'"),
    (["--features", "gram", "--label", "style"], "No feature set 'gram'"),
    (["--features", "color", "--label", "style", "--folds", "1"], "n_folds must be >= 2"),
    (["--features", "color", "--label", "style", "--classifier", "svm"],
     "Unknown probe classifier 'svm'"),
])
def test_probe_bad_input_exits_1_with_a_message(labels_workspace, args, message):
    result = runner.invoke(app, ["probe", "--workspace", str(labels_workspace), *args])
    assert result.exit_code == 1
    assert message in result.stderr


def test_finetune_classifier_trains_saves_and_reports(labels_workspace, tmp_path):
    out_file = tmp_path / "ft.safetensors"
    result = runner.invoke(app, [
        "finetune-classifier", "--workspace", str(labels_workspace), "--label", "style",
        "--model", "test_resnet", "--mode", "scratch", "--epochs", "1", "--out", str(out_file),
        "--image-size", "32", "--batch-size", "16", "--min-per-class", "10", "--device", "cpu"])
    assert result.exit_code == 0, result.output
    out = last_json(result.stdout)
    assert {"top1", "top3", "f1_macro"} <= set(out) and out["mode"] == "scratch"
    assert out["split"] == {"train": 24, "val": 3, "test": 3}
    assert out["weights"] == str(out_file) and out_file.exists()
    assert out_file.with_name("ft.head.safetensors").exists()
    from artexplore.labels.models import create_backbone

    assert create_backbone("test_resnet", weights=out_file).weights_id.startswith("file:")


def test_finetune_without_local_weights_is_refused_before_training(labels_workspace):
    result = runner.invoke(app, ["finetune-classifier", "--workspace", str(labels_workspace),
                                 "--label", "style", "--model", "test_resnet", "--epochs", "1"])
    assert result.exit_code == 1
    assert "--weights FILE" in result.stderr and "nothing is downloaded" in result.stderr


def test_deeppainter_cross_validates_and_ends_with_json(labels_workspace):
    result = runner.invoke(app, [
        "deeppainter", "--workspace", str(labels_workspace), "--label", "style", "--folds", "3",
        "--epochs", "3", "--ae-epochs", "1", "--image-size", "32", "--device", "cpu"])
    assert result.exit_code == 0, result.output
    out = last_json(result.stdout)
    assert {"top1", "top3", "f1_macro", "precision_macro", "recall_macro", "confusion"} <= set(out)
    assert out["n"] == 33 and out["n_folds"] == 3  # 3 folds: the 3 Rare works are enough
    assert out["pretrain_images"] == 39  # every work, labelled or not, for the autoencoder
    assert "Rare" in out["classes"] and out["excluded"] == {}


def test_probe_min_count_leaves_out_more_classes(labels_workspace):
    args = ["probe", "-w", str(labels_workspace), "--features", "color", "--label", "style",
            "--folds", "3", "--no-suggest"]
    # Whatever the folds, a class needs 5 works (MIN_WORKS_PER_CLASS): Rare (3) is left out.
    default = last_json(runner.invoke(app, args).stdout)
    assert default["excluded"] == {"Rare": 3} and default["n"] == 30
    too_many = runner.invoke(app, [*args, "--min-count", "11"])
    assert too_many.exit_code == 1
    assert "0 class(es) with at least 11 works" in too_many.output

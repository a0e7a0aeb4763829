"""Commands for labels: probe, finetune-classifier, deeppainter.

Each ends with one JSON line holding its metrics (``top1``, ``top3``, ``f1_macro``…).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from ..jobs import run_inline
from .common import WorkspaceOption, command, open_workspace, print_json, progress_bar


def _print_metrics(result: dict[str, Any], what: str) -> None:
    typer.echo(f"{what}: top-1 {result['top1']:.3f}, top-3 {result['top3']:.3f}, "
               f"macro F1 {result['f1_macro']:.3f} "
               f"(precision {result['precision_macro']:.3f}, recall {result['recall_macro']:.3f}) "
               f"on {result['n']} works, {len(result['classes'])} classes")
    if result.get("excluded"):
        left = ", ".join(f"{c} ({n})" for c, n in result["excluded"].items())
        typer.echo(f"left out (too few works): {left}")
    width = max(len(c) for c in result["classes"])
    for row in result.get("per_class", []):
        typer.echo(f"  {row['label']:<{width}}  P {row['precision']:.2f}  R {row['recall']:.2f}  "
                   f"F1 {row['f1']:.2f}  n {row['support']}")


@command("probe")
def probe_command(
    workspace: Path = WorkspaceOption,
    features: str = typer.Option(..., "--features", help="A stored feature set (color, default…)."),
    label: str = typer.Option(..., "--label", help="The metadata column to predict."),
    folds: int = typer.Option(10, "--folds", help="Stratified cross-validation folds."),
    classifier: str = typer.Option("logreg", "--classifier", help="logreg or mlp."),
    c: float = typer.Option(0.1, "--C", help="Inverse regularisation of the logistic regression."),
    min_count: int = typer.Option(0, "--min-count",
                                  help="Leave out classes with fewer works (at least --folds)."),
    seed: int = typer.Option(0, "--seed", help="Seed of the fold shuffle."),
    suggest: bool = typer.Option(True, "--suggest/--no-suggest",
                                 help="Propose labels for works whose label is empty."),
) -> None:
    """Cross-validate a classifier of a label column on a feature set; suggest missing labels."""
    from ..labels.probe import ProbeConfig

    ProbeConfig(classifier=classifier, n_folds=folds, C=c, min_count=min_count,
                random_state=seed)  # validate early
    ws = open_workspace(workspace)
    params = {"features": features, "column": label, "classifier": classifier, "n_folds": folds,
              "C": c, "min_count": min_count, "random_state": seed, "suggest": suggest,
              "label": f"{label} ← {features}"}
    with progress_bar("probe") as bar:
        record = run_inline(ws, "probe", params, on_progress=bar)
    result = record.result or {}
    _print_metrics(result, f"{label} from {features} ({classifier}, {folds}-fold)")
    if suggest:
        typer.echo(f"suggestions for works without {label}: {result.get('suggestions', 0)} "
                   "(accept or reject them on the Labels page)")
    print_json(result)


@command("finetune-classifier")
def finetune_command(
    workspace: Path = WorkspaceOption,
    label: str = typer.Option(..., "--label", help="The metadata column to predict."),
    model: str = typer.Option(..., "--model", help="timm architecture, or effnet-lite0."),
    weights: Path | None = typer.Option(None, "--weights",
                                        help="Local pretrained state dict (never downloaded)."),
    mode: str = typer.Option("finetune", "--mode", help="finetune, frozen or scratch."),
    epochs: int = typer.Option(10, "--epochs"),
    out: Path | None = typer.Option(None, "--out", help="Where to save the trained backbone "
                                    "(.safetensors; usable with --weights)."),
    batch_size: int = typer.Option(16, "--batch-size"),
    lr: float = typer.Option(0.03, "--lr"),
    scheduler: str = typer.Option("step", "--scheduler", help="step or plateau."),
    image_size: int | None = typer.Option(None, "--image-size", help="Input side (model's own)."),
    min_per_class: int = typer.Option(10, "--min-per-class"),
    device: str = typer.Option("auto", "--device", help="auto, cuda, mps or cpu."),
    seed: int = typer.Option(0, "--seed"),
) -> None:
    """Fine-tune (or train frozen / from scratch) a timm backbone on a label column."""
    from ..labels.finetune import FinetuneConfig

    options = {"model": model, "mode": mode, "weights": str(weights) if weights else None,
               "epochs": epochs, "batch_size": batch_size, "lr": lr, "scheduler": scheduler,
               "image_size": image_size, "min_per_class": min_per_class, "device": device,
               "random_state": seed}
    FinetuneConfig(**options)  # validate before opening anything
    ws = open_workspace(workspace)
    params = {**options, "column": label, "out": str(out) if out else None,
              "label": f"{label} ← {model} ({mode})"}
    with progress_bar("finetune") as bar:
        record = run_inline(ws, "finetune-classifier", params, on_progress=bar)
    result = record.result or {}
    typer.echo(f"{model} ({mode}) on {label}: test top-1 {result['top1']:.3f}, "
               f"top-3 {result['top3']:.3f}, macro F1 {result['f1_macro']:.3f} "
               f"(split {result['split']}, best epoch {result['best_epoch']}, {result['device']})")
    typer.echo(f"backbone saved to {result['weights']} (use it with --weights)")
    print_json(result)


@command("deeppainter")
def deeppainter_command(
    workspace: Path = WorkspaceOption,
    label: str = typer.Option(..., "--label", help="The metadata column to predict."),
    folds: int = typer.Option(10, "--folds", help="Stratified cross-validation folds."),
    epochs: int = typer.Option(40, "--epochs", help="Classifier epochs."),
    ae_epochs: int = typer.Option(30, "--ae-epochs", help="Autoencoder pretraining epochs."),
    image_size: int = typer.Option(128, "--image-size", help="Side of the padded square input."),
    batch_size: int = typer.Option(32, "--batch-size"),
    device: str = typer.Option("auto", "--device", help="auto, cuda, mps or cpu."),
    seed: int = typer.Option(0, "--seed"),
    out: Path | None = typer.Option(None, "--out", help="Where to save the model (.pt)."),
) -> None:
    """Pretrain a convolutional autoencoder on the collection, then cross-validate its classifier."""
    from ..labels.deeppainter import DeepPainter

    DeepPainter(image_size=image_size, epochs=epochs, ae_epochs=ae_epochs,
                batch_size=batch_size)._validate()
    ws = open_workspace(workspace)
    params = {"column": label, "n_folds": folds, "epochs": epochs, "ae_epochs": ae_epochs,
              "image_size": image_size, "batch_size": batch_size, "device": device,
              "random_state": seed, "out": str(out) if out else None,
              "label": f"{label} ← DeepPainter"}
    with progress_bar("deeppainter") as bar:
        record = run_inline(ws, "deeppainter", params, on_progress=bar)
    result = record.result or {}
    typer.echo(f"DeepPainter on {label}, {folds}-fold: top-1 {result['top1']:.3f}, "
               f"top-3 {result['top3']:.3f}, macro F1 {result['f1_macro']:.3f}, "
               f"precision {result['precision_macro']:.3f}, recall {result['recall_macro']:.3f}")
    typer.echo(f"model saved to {result['model_path']}")
    print_json(result)

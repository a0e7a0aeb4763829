"""Commands of the local features: ``patches`` and ``train-local``."""

from __future__ import annotations

from pathlib import Path

import typer

from ..jobs import run_inline
from ..local.patches import PatchConfig
from .common import WorkspaceOption, command, open_workspace, print_json, progress_bar
from .features import ActorsOption, AddressOption, BackendOption, GpusPerActorOption, run_stage


@command("patches")
def patches_command(
    workspace: Path = WorkspaceOption,
    patch_size: int = typer.Option(64, help="Window and patch side s (working pixels)."),
    stride: int = typer.Option(32, help="Step between windows (32 = 50 % overlap)."),
    top: float = typer.Option(0.1, help="Fraction of windows kept by gradient score."),
    n: int = typer.Option(5, "--n", help="Patches drawn per work (∝ score)."),
    sigma1: float = typer.Option(3.0, help="σ1 of the difference of Gaussians."),
    sigma2: float = typer.Option(5.0, help="σ2 of the difference of Gaussians."),
    seed: int = typer.Option(0, help="Seed of the draw (combined with each work id)."),
    max_side: int = typer.Option(1024, help="Pixel mode: longest side L of the working image."),
    upscale: bool = typer.Option(False, help="Pixel mode: also enlarge smaller images to L."),
    cm_per_patch: float | None = typer.Option(
        None, help="Physical-scale mode: centimetres per patch (uses width_cm/height_cm; "
                   "works without them fall back to pixel mode and are flagged)."),
    batch_size: int = typer.Option(16, help="Works per stored batch (lost at most on a kill)."),
    workers: int = typer.Option(2, help="Decoding threads."),
    backend: str = BackendOption,
    address: str | None = AddressOption,
    actors: int | None = ActorsOption,
    gpus_per_actor: float | None = GpusPerActorOption,
) -> None:
    """Pick the high-gradient patches of every work and store their DoG (resumable).

    The last line printed is a JSON summary.
    """
    config = PatchConfig(patch_size=patch_size, stride=stride, top=top, n=n, sigma1=sigma1,
                         sigma2=sigma2, seed=seed, max_side=max_side, upscale=upscale,
                         cm_per_patch=cm_per_patch)
    ws = open_workspace(workspace)
    params = {"config": config.to_dict(), "batch_size": batch_size, "workers": workers,
              "label": f"s={patch_size} seed={seed}"}
    result = run_stage(ws, "patches", params, backend=backend, address=address, actors=actors,
                       num_gpus=gpus_per_actor)
    typer.echo(f"patches: {result.get('computed', 0)} computed, {result.get('already', 0)} "
               f"already stored, {result.get('failed', 0)} failed "
               f"({result.get('works', 0)} works, parameters {result.get('fingerprint')})")
    for flag, count in sorted((result.get("flags") or {}).items()):
        typer.echo(f"  {count} work(s) flagged {flag}")
    print_json(result)


@command("train-local")
def train_local_command(
    workspace: Path = WorkspaceOption,
    epochs: int = typer.Option(5, help="Training epochs."),
    seed: int = typer.Option(0, help="Seed of the weights, shuffling and noise."),
    max_per_work: int = typer.Option(32, help="Training patches per work at most."),
    batch_size: int = typer.Option(64, help="Patches per optimisation step."),
    lr: float = typer.Option(1e-3, help="AdamW learning rate."),
    weight_decay: float = typer.Option(1e-4, help="AdamW weight decay."),
    latent_dim: int = typer.Option(64, help="Latent dimensions."),
    alpha: float = typer.Option(0.0, help="InfoVAE α (KL weight 1 − α)."),
    lambda_: float = typer.Option(1000.0, "--lambda", help="InfoVAE λ (MMD weight α + λ − 1)."),
    device: str = typer.Option("auto", help="auto (CUDA, else MPS, else CPU), cpu, cuda, mps."),
    threads: int | None = typer.Option(
        None, help="CPU threads of torch (default: torch's; 1 is fastest on a busy machine)."),
    force: bool = typer.Option(False, help="Train again even if this model is stored."),
) -> None:
    """Train the InfoVAE on the collection's top DoG patches (the `infovae` extractor uses it).

    Uses the workspace's current patch parameters (see `artexplore patches`), or the
    defaults. The last line printed is a JSON summary.
    """
    ws = open_workspace(workspace)
    params = {"epochs": epochs, "seed": seed, "max_per_work": max_per_work,
              "batch_size": batch_size, "lr": lr, "weight_decay": weight_decay,
              "latent_dim": latent_dim, "alpha": alpha, "lambda_mmd": lambda_, "device": device,
              "n_threads": threads, "force": force, "label": f"{epochs} epochs"}
    with progress_bar("train-local") as bar:
        record = run_inline(ws, "train-local", params, on_progress=bar)
    result = record.result or {}
    if result.get("reused"):
        typer.echo(f"train-local: model {result.get('model')} already trained with these "
                   "parameters (use --force to train again)")
    else:
        typer.echo(f"train-local: model {result.get('model')} trained on {result.get('patches')} "
                   f"patches of {result.get('works')} works in {result.get('seconds')} s on "
                   f"{result.get('device')} (loss {result.get('loss_first')} → "
                   f"{result.get('loss_last')})")
    print_json(result)

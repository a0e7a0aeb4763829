"""Feature commands: ``embed``, ``finetune``, ``features`` (list), ``fuse`` (fused sets).

``artexplore embed --workspace WS`` computes everything the ``default`` feature
set needs; ``--extractor NAME`` one extractor (or a fused set's sources).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer

from ..errors import ArtExploreError, ConfigError
from ..jobs import run_inline
from ..store.workspace import Workspace
from .common import WorkspaceOption, command, open_workspace, print_json, progress_bar, stderr


def _parse_value(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def parse_options(items: list[str] | None) -> dict[str, Any]:
    """``["sizes=[224,384]", "flip=true"]`` → ``{"sizes": [224, 384], "flip": True}``."""
    out = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise ConfigError(f"Options are KEY=VALUE (VALUE in JSON or plain text), got {item!r}")
        out[key.strip().replace("-", "_")] = _parse_value(value.strip())
    return out


BackendOption = typer.Option(
    "local", "--backend", help="local (this machine, in this process) or ray (a driver process "
                               "here that runs the per-work computation on a Ray cluster).")
AddressOption = typer.Option(
    None, "--address", help="With --backend ray: the head's HOST:6379 (`ray start --head`) "
                            "or auto; default: start Ray on this machine.")
ActorsOption = typer.Option(None, "--actors", min=1,
                            help="With --backend ray: actor pool size "
                                 "(default: one per GPU, else one per node).")
GpusPerActorOption = typer.Option(None, "--gpus-per-actor", min=0.0,
                                  help="With --backend ray: default 1 when the cluster has "
                                       "GPUs, else 0.")


def run_stage(ws: Workspace, kind: str, params: dict[str, Any], *, backend: str,
              address: str | None, actors: int | None, num_gpus: float | None
              ) -> dict[str, Any]:
    """Run a stage's job here (``local``) or through the ``ray`` backend, with a progress bar.

    On Ray the job's driver is a detached process: Ctrl-C leaves it running.

    Raises
    ------
    ConfigError
        For an unknown backend, Ray options without ``ray``, a ``ray://`` address.
    ArtExploreError
        If the Ray job did not finish (its status and first error line).
    """
    from .. import jobs
    from ..features.distributed import RayOptions

    if backend == "local":
        if address is not None or actors is not None or num_gpus is not None:
            raise ConfigError("--address, --actors and --gpus-per-actor need --backend ray")
        with progress_bar(f"{kind} {params.get('label', '')}") as bar:
            return run_inline(ws, kind, params, on_progress=bar).result or {}
    if backend != "ray":
        raise ConfigError(f"Unknown backend {backend!r}; choose one of: local, ray")
    RayOptions(address=address, actors=actors, num_gpus=num_gpus)  # one-line errors, no job
    job_id = jobs.submit(ws, kind, params, backend="ray", address=address, actors=actors,
                         num_gpus=num_gpus)
    stderr.print(f"job {job_id}: driver on this machine, actors on Ray "
                 f"({address or 'a local Ray instance'}); Ctrl-C leaves it running")
    try:
        with progress_bar(f"{kind} {params.get('label', '')} on Ray") as bar:
            rec = jobs.wait(ws, job_id, poll=0.5, on_progress=bar)
    except KeyboardInterrupt:
        stderr.print(f"job {job_id} keeps running; follow it with `artexplore jobs list "
                     f"--workspace {ws.root}`")
        raise typer.Exit(130) from None
    if rec.status != "done":
        reason = (rec.error or "").strip().splitlines()[:1]
        raise ArtExploreError(f"job {job_id} {rec.status}" + (f": {reason[0]}" if reason else "")
                              + f" (log: {jobs.job_log_path(ws, job_id)})")
    return rec.result or {}


@command("embed")
def embed_command(
    workspace: Path = WorkspaceOption,
    extractor: str | None = typer.Option(
        None, "--extractor", "-e",
        help="Extractor (color, effnet-lite0, gram:effnet-lite0, stats:effnet-lite0, "
             "timm:MODEL, csd) or fused set; default: everything the 'default' set needs."),
    weights: str | None = typer.Option(
        None, "--weights", help="Local weights file (.safetensors/.pth); 'hub' downloads the "
                                "named timm model when online; 'random' for a baseline."),
    batch_size: int = typer.Option(32, "--batch-size", "-b", min=1),
    device: str = typer.Option("auto", "--device", help="auto (cuda, then mps, then cpu), "
                                                        "cpu, cuda or mps."),
    precision: str = typer.Option("auto", "--precision", help="auto (bf16 on a GPU), fp32, bf16."),
    workers: int | None = typer.Option(None, "--workers", min=0,
                                       help="Decoding processes (default: cores - 1, at most 4)."),
    option: list[str] | None = typer.Option(
        None, "--option", "-o", help="Extractor option KEY=VALUE (JSON values), repeatable, "
                                     "e.g. -o sizes=[224,384] -o flip=true."),
    backend: str = BackendOption,
    address: str | None = AddressOption,
    actors: int | None = ActorsOption,
    gpus_per_actor: float | None = GpusPerActorOption,
    refit: bool = typer.Option(
        False, "--refit", help="For a fused set (the default one too): fit it anew on every "
                               "work instead of placing the works added since on its stored "
                               "fit (done while they stay a small share of the fitted ones)."),
) -> None:
    """Compute a feature set for the works that do not have it yet (incremental, resumable).

    The last line of standard output is a JSON summary.
    """
    from ..features.loader import ThreadPlan

    ws = open_workspace(workspace)
    options = parse_options(option)
    options.update(device=device, precision=precision)
    if weights is not None:
        options["weights"] = weights
    params = {"extractor": extractor, "options": options, "batch_size": batch_size,
              "num_workers": workers, "label": extractor or "default"}
    if refit:
        params["refit"] = True
    result = run_stage(ws, "embed", params, backend=backend, address=address, actors=actors,
                       num_gpus=gpus_per_actor)
    first = (result.get("sources") or [result])[0]
    if first.get("backend") == "ray":
        actors, nodes = first["actors"], len(first["nodes"])
        where = f"{actors} Ray actor{'s' * (actors != 1)} on {nodes} node{'s' * (nodes != 1)}"
    elif "threads" in first:
        where = str(ThreadPlan(first["loader_workers"], first["threads"], 0))
    else:
        where = "nothing to compute"
    stderr.print(f"device: {result['device']} ({where})")
    stderr.print(f"{result['name']}: {result['computed']} computed, {result['already']} already "
                 f"stored, {result['failed']} unreadable; {result['dim']} dimensions "
                 f"on {result['device']}")
    if "n_fitted" in result:
        later = result["n_placed_later"]
        stderr.print(f"{result['name']}: {'fitted anew' if result['refitted'] else 'fitted'} "
                     f"on {result['n_fitted']} works"
                     + (f", {later} added since placed on that fit (--refit fits them in)"
                        if later else ""))
    print_json(result)


@command("finetune")
def finetune_command(
    workspace: Path = WorkspaceOption,
    extractor: str = typer.Option(..., "--extractor", "-e",
                                  help="timm:MODEL or effnet-lite0/1/2 (the backbone to tune)."),
    weights: str | None = typer.Option(None, "--weights",
                                       help="Starting weights (local file; required for timm)."),
    epochs: int = typer.Option(10, "--epochs", min=1),
    out: Path | None = typer.Option(None, "--out", "-o",
                                    help="Checkpoint to write (default WS/models/simclr-…)."),
    batch_size: int = typer.Option(64, "--batch-size", "-b", min=2),
    lr: float = typer.Option(3e-4, "--lr", min=0.0),
    device: str = typer.Option("auto", "--device"),
    workers: int = typer.Option(0, "--workers", min=0),
    seed: int = typer.Option(0, "--seed"),
) -> None:
    """Fine-tune a backbone on the collection with SimCLR; writes a checkpoint usable as --weights.

    The last line of standard output is a JSON summary with the checkpoint path.
    """
    from ..features import describe_device

    ws = open_workspace(workspace)
    stderr.print(f"device: {describe_device(device)}")
    params = {"extractor": extractor, "weights": weights, "epochs": epochs,
              "out": str(out) if out else None, "batch_size": batch_size, "lr": lr,
              "device": device, "num_workers": workers, "seed": seed, "label": extractor}
    with progress_bar(f"finetune {extractor}") as bar:
        result = run_inline(ws, "finetune", params, on_progress=bar).result or {}
    stderr.print(f"wrote {result['checkpoint']}; use it with: artexplore embed --workspace "
                 f"{workspace} --extractor {result['extractor']} --weights {result['checkpoint']}")
    print_json(result)


@command("features")
def features_command(workspace: Path = WorkspaceOption) -> None:
    """List the feature sets of a workspace (stored and fused) as JSON lines."""
    from ..features.overview import feature_sets_overview

    ws = open_workspace(workspace)
    for row in feature_sets_overview(ws):
        print_json(row)


@command("fuse")
def fuse_command(
    workspace: Path = WorkspaceOption,
    name: str = typer.Option("default", "--name", "-n", help="The fused set."),
    weight: list[str] | None = typer.Option(None, "--weight",
                                            help="BLOCK=WEIGHT, repeatable (e.g. gram=0.5)."),
    spec: Path | None = typer.Option(None, "--from", help="Define the set from a JSON file "
                                                          "(a FusionSpec: name, blocks, post)."),
    reset: bool = typer.Option(False, "--reset",
                               help="Forget the workspace's definition (default: built-in)."),
) -> None:
    """Define a fused feature set or change its block weights; prints its definition (JSON)."""
    from ..features import FusionSpec, delete_fusion, get_fusion, save_fusion, set_block_weights

    ws = open_workspace(workspace)
    if reset:
        delete_fusion(ws, name)
    if spec is not None:
        data = json.loads(Path(spec).read_text())
        data.setdefault("name", name)
        save_fusion(ws, FusionSpec.from_dict(data))
        name = data["name"]
    if weight:
        weights = {}
        for item in weight:
            block, sep, value = item.partition("=")
            try:
                weights[block] = float(value)
            except ValueError:
                sep = ""
            if not sep:
                raise ConfigError(f"--weight takes BLOCK=NUMBER, got {item!r}")
        set_block_weights(ws, name, weights)
    current = get_fusion(ws, name)
    if current is None:
        raise ConfigError(f"No fused set {name!r}; define it with --from FILE.json")
    print_json(current.to_dict())

"""Commands for the collection: ingest, info, demo."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from .. import demo, info
from ..config import IngestConfig
from ..imageio import DEFAULT_MAX_PIXELS
from ..ingest.folder import format_ingest_summary
from ..ingest.metadata import parse_mapping
from ..jobs import run_inline
from .common import WorkspaceOption, command, open_workspace, print_json, progress_bar


@command("ingest")
def ingest_command(
    folder: Path = typer.Argument(..., help="Folder of images (searched recursively)."),
    workspace: Path = WorkspaceOption,
    metadata: Path | None = typer.Option(None, "--metadata", "-m",
                                         help="CSV joined by relative path or file name."),
    map_: str | None = typer.Option(None, "--map",
                                    help="Column mapping, e.g. artist=Painter,date=Year."),
    max_pixels: int = typer.Option(DEFAULT_MAX_PIXELS, help="Skip images with more pixels."),
    thumb_size: int = typer.Option(256, help="Longest side of thumbnails."),
    workers: int = typer.Option(2, help="Decoding threads."),
    relocate: bool = typer.Option(False, help="Accept a new folder for a moved collection."),
    json_out: bool = typer.Option(False, "--json", help="Also print the summary as JSON."),
) -> None:
    """Ingest a folder of images (and optional metadata) into a workspace."""
    from ..errors import WorkspaceError

    if not folder.is_dir():
        raise WorkspaceError(f"Folder not found: {folder}")
    mapping = parse_mapping(map_)
    IngestConfig(max_pixels=max_pixels, thumb_size=thumb_size, workers=workers)  # validate early
    ws = open_workspace(workspace, create=True)
    params = {"folder": str(folder.resolve()), "metadata": str(metadata) if metadata else None,
              "mapping": mapping, "config": {"max_pixels": max_pixels,
                                             "thumb_size": thumb_size, "workers": workers},
              "relocate": relocate, "label": folder.name}
    with progress_bar("ingest") as bar:
        record = run_inline(ws, "ingest", params, on_progress=bar)
    result = record.result or {}
    typer.echo(f"Ingested {folder} into {ws.root}")
    for line in format_ingest_summary(result):
        typer.echo(line)
    if json_out:
        print_json(result)


@command("info")
def info_command(workspace: Path = WorkspaceOption) -> None:
    """Print a JSON summary of a workspace (works, skipped, feature sets, cluster runs)."""
    ws = open_workspace(workspace)
    print_json(info.workspace_info(ws))


@command("demo")
def demo_command(
    workspace: Path = WorkspaceOption,
    assets: Path | None = typer.Option(None, help="Demo collection folder (the bundled one)."),
) -> None:
    """Prepare the bundled demo collection: ingest it and compute what the app shows."""
    ws = open_workspace(workspace, create=True)

    def said(line: str) -> None:  # one line per stage as it ends, also when piped to a file
        typer.echo(line)
        sys.stdout.flush()

    with progress_bar("demo") as bar:
        demo.prepare_demo(ws, assets=assets, progress=bar, on_stage=said)

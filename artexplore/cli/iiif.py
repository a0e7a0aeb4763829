"""``artexplore ingest-iiif``: a collection from where a museum publishes it."""

from __future__ import annotations

from pathlib import Path

import typer

from ..ingest.folder import format_ingest_summary
from ..ingest.metadata import parse_mapping
from ..jobs import run_inline
from .common import WorkspaceOption, command, open_workspace, print_json, progress_bar


@command("ingest-iiif")
def ingest_iiif_command(
    sources: list[str] = typer.Argument(..., help="IIIF manifest or collection (URL or file), "
                                                  "or a text file listing them one per line."),
    workspace: Path = WorkspaceOption,
    size: int = typer.Option(1024, help="Longest side of the images fetched, in pixels."),
    limit: int | None = typer.Option(None, help="At most this many manifests."),
    canvas: int = typer.Option(0, help="Which canvas of each manifest (1 = the first; "
                                       "0 = the first that paints an image)."),
    map_: str | None = typer.Option(None, "--map",
                                    help="Metadata label mapping, e.g. artist=Künstler."),
    workers: int = typer.Option(4, help="Manifests fetched at the same time."),
    per_host: int = typer.Option(2, help="Requests at the same time to one server."),
    timeout: float = typer.Option(20.0, help="Seconds to wait for a server."),
    retries: int = typer.Option(2, help="Retries after a timeout or a server error."),
    max_pixels: int = typer.Option(100_000_000, help="Skip images with more pixels."),
    json_out: bool = typer.Option(False, "--json", help="Also print the summary as JSON."),
) -> None:
    """Ingest IIIF manifests or collections (Presentation 2.x or 3) into a workspace."""
    from ..ingest.iiif import ClientConfig, IIIFOptions, expand_sources

    options = IIIFOptions(size=size, canvas=canvas, limit=limit, workers=workers)
    client = ClientConfig(timeout=timeout, deadline=max(120.0, timeout), retries=retries,
                          per_host=per_host, max_pixels=max_pixels)
    mapping = parse_mapping(map_)
    resolved = expand_sources(sources)  # validates files before anything is created
    ws = open_workspace(workspace, create=True)
    params = {"sources": resolved, "size": options.size, "canvas": options.canvas,
              "limit": options.limit, "workers": options.workers, "client": client.to_dict(),
              "mapping": mapping, "label": resolved[0][-60:] if resolved else "iiif"}
    with progress_bar("ingest-iiif") as bar:
        record = run_inline(ws, "ingest-iiif", params, on_progress=bar)
    result = record.result or {}
    typer.echo(f"Ingested {len(resolved)} IIIF source(s) into {ws.root}: "
               f"{result.get('manifests', 0)} manifests, {result.get('requests', 0)} requests")
    for line in format_ingest_summary(result):
        typer.echo(line)
    if json_out:
        print_json(result)

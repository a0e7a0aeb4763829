"""Commands for exhibitions: ``artexplore exhibition create|add|remove|grow|order|export|…``.

Contract (each command's last line is one JSON object):

- ``exhibition create --workspace WS --title TITLE (--works WORK_PATH ... | --from-run RUN
  --cluster C | --from-selection NAME)`` → at least ``id``.
- ``exhibition add|remove --workspace WS --id ID --works WORK_PATH ...``
- ``exhibition grow --workspace WS --id ID --features NAME -n N``
- ``exhibition order --workspace WS --id ID --method path|gradient [--from WORK_PATH
  --to WORK_PATH]``
- ``exhibition export --workspace WS --id ID --format csv|json|iiif|html --out FILE``

``--works`` takes one or more work paths (``--works a.jpg b.jpg`` or repeated).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from ..errors import ArtExploreError
from ..exhibit import (
    EXPORT_FORMATS,
    ExportOptions,
    create_exhibition,
    delete_exhibition,
    export_exhibition,
    grow,
    list_exhibitions,
    load_exhibition,
    order_exhibition,
    propose_sections,
    save_exhibition,
    works_of_cluster,
    works_of_selection,
)
from ..exhibit.export import SUFFIXES
from ..jobs import bring_up_to_date
from ..store.workspace import Workspace
from .common import WorkspaceOption, app, command, open_workspace, output_path, print_json

exhibition_app = typer.Typer(help="Build, sequence and export thematic exhibitions.",
                             no_args_is_help=True)
app.add_typer(exhibition_app, name="exhibition")

IdOption = typer.Option(..., "--id", help="The exhibition id (see `exhibition list`).")
WorksOption = typer.Option(None, "--works", help="Work paths relative to the collection "
                           "folder (one or more).")
MoreWorks = typer.Argument(None, hidden=True, help="More work paths after --works.")


def _work_paths(works: list[str] | None, more: list[str] | None, *,
                required_for: str | None = None) -> list[str]:
    if more and not works:
        raise ArtExploreError(f"Unexpected argument(s) {more[:3]}: name works with --works")
    paths = [*(works or []), *(more or [])]
    if required_for and not paths:
        raise ArtExploreError(f"Name the works to {required_for} with --works WORK_PATH ...")
    return paths


def _summary(ws: Workspace, ex: Any, **extra: Any) -> dict[str, Any]:
    paths = ws.paths_of(ex.work_ids) if len(ex) else []
    return {"id": ex.id, "title": ex.title, "n_works": len(ex),
            "sections": [{"title": s.title, "n_works": len(s.items)} for s in ex.sections],
            **extra, "work_paths": paths}


@command("create", group=exhibition_app)
def create_command(
    workspace: Path = WorkspaceOption,
    title: str = typer.Option(..., "--title", help="The exhibition's title."),
    works: list[str] | None = WorksOption,
    more: list[str] | None = MoreWorks,
    from_run: str | None = typer.Option(None, "--from-run", help="A cluster run id."),
    cluster: int | None = typer.Option(None, "--cluster", help="A cluster of --from-run."),
    from_selection: str | None = typer.Option(None, "--from-selection",
                                              help="A saved selection's name."),
    description: str = typer.Option("", "--description", help="An introduction."),
) -> None:
    """Create an exhibition from works, a cluster or a selection (last line: JSON with `id`)."""
    ws = open_workspace(workspace)
    paths = _work_paths(works, more)
    given = [name for name, on in (("--works", bool(paths)), ("--from-run", from_run is not None),
                                   ("--from-selection", from_selection is not None)) if on]
    if len(given) > 1:
        raise ArtExploreError(f"Give one source of works, not {' and '.join(given)}")
    if from_run is not None:
        if cluster is None:
            raise ArtExploreError("--from-run needs --cluster C (see `artexplore runs`)")
        ids = works_of_cluster(ws, from_run, cluster)
        source = {"kind": "cluster", "run": from_run, "cluster": int(cluster)}
    elif cluster is not None:
        raise ArtExploreError("--cluster needs --from-run RUN")
    elif from_selection is not None:
        ids = works_of_selection(ws, from_selection)
        source = {"kind": "selection", "name": from_selection}
    else:
        ids = ws.ids_of(paths)
        source = {"kind": "works"} if paths else {"kind": "empty"}
    ex = create_exhibition(ws, title, ids, description=description, source=source)
    typer.echo(f"created exhibition {ex.id!r} with {len(ex)} works", err=True)
    print_json(_summary(ws, ex))


@command("add", group=exhibition_app)
def add_command(
    workspace: Path = WorkspaceOption,
    exhibition_id: str = IdOption,
    works: list[str] | None = WorksOption,
    more: list[str] | None = MoreWorks,
    section: int | None = typer.Option(None, "--section", help="Section id (the last one)."),
) -> None:
    """Add works (those already in are skipped)."""
    ws = open_workspace(workspace)
    paths = _work_paths(works, more, required_for="add")
    ex = load_exhibition(ws, exhibition_id)
    added = ex.add(ws.ids_of(paths), section=section)
    save_exhibition(ws, ex)
    print_json(_summary(ws, ex, added=ws.paths_of(added)))


@command("remove", group=exhibition_app)
def remove_command(
    workspace: Path = WorkspaceOption,
    exhibition_id: str = IdOption,
    works: list[str] | None = WorksOption,
    more: list[str] | None = MoreWorks,
) -> None:
    """Remove works from an exhibition (they stay in the collection)."""
    ws = open_workspace(workspace)
    paths = _work_paths(works, more, required_for="remove")
    ex = load_exhibition(ws, exhibition_id)
    removed = ex.remove(ws.ids_of(paths))
    save_exhibition(ws, ex)
    print_json(_summary(ws, ex, removed=ws.paths_of(removed)))


@command("grow", group=exhibition_app)
def grow_command(
    workspace: Path = WorkspaceOption,
    exhibition_id: str = IdOption,
    features: str = typer.Option("default", "--features", "-f", help="The feature set."),
    n: int = typer.Option(5, "-n", "--n", min=1, help="Works to add."),
    method: str = typer.Option("nearest", "--method",
                               help="nearest (best similarity to any work in) or centroid."),
    section: int | None = typer.Option(None, "--section", help="Section id (the last one)."),
) -> None:
    """Grow an exhibition by the nearest neighbours of its works ("more like these")."""
    ws = open_workspace(workspace)
    ex = load_exhibition(ws, exhibition_id)
    bring_up_to_date(ws, "index", {"features": features, "fallback": False, "label": features})
    found = grow(ws, ex, features, n, method=method, section=section)
    save_exhibition(ws, ex)
    near = {c.near for c in found if c.near}
    paths = dict(zip(near, ws.paths_of(near), strict=True)) if near else {}
    print_json(_summary(ws, ex, features=features, added=[
        {"work_path": c.work_path, "similarity": round(c.similarity, 6),
         "near": paths.get(c.near)} for c in found]))


@command("order", group=exhibition_app)
def order_command(
    workspace: Path = WorkspaceOption,
    exhibition_id: str = IdOption,
    method: str = typer.Option("path", "--method", help="path or gradient."),
    start: str | None = typer.Option(None, "--from", help="First work (a work path)."),
    end: str | None = typer.Option(None, "--to", help="Last work (a work path)."),
    features: str = typer.Option("default", "--features", "-f",
                                 help="Feature set whose distances are used."),
    seed: int = typer.Option(0, "--seed", help="Random seed of the long-path heuristic."),
) -> None:
    """Order the works as a short visual path, or as a gradient between two works."""
    ws = open_workspace(workspace)
    ex = load_exhibition(ws, exhibition_id)
    first = ws.work_by_path(start)["id"] if start else None
    last = ws.work_by_path(end)["id"] if end else None
    report = order_exhibition(ws, ex, method=method, features=features, start=first, end=last,
                              random_state=seed)
    save_exhibition(ws, ex)
    for note in report.notes:
        typer.echo(f"note: {note}", err=True)
    typer.echo(f"walk length {report.length_before:.3f} -> {report.length_after:.3f} "
               f"({report.features})", err=True)
    print_json(_summary(ws, ex, **report.to_dict()))


@command("sections", group=exhibition_app)
def sections_command(
    workspace: Path = WorkspaceOption,
    exhibition_id: str = IdOption,
    n: int | None = typer.Option(None, "-n", "--n", help="Number of sections (chosen by "
                                 "silhouette when omitted)."),
    features: str = typer.Option("default", "--features", "-f", help="The feature set."),
    apply: bool = typer.Option(False, "--apply", help="Replace the sections (then order "
                               "each as a path); otherwise only print the proposal."),
) -> None:
    """Propose sections by sub-clustering the works."""
    ws = open_workspace(workspace)
    ex = load_exhibition(ws, exhibition_id)
    groups = propose_sections(ws, ex, n_sections=n, features=features)
    proposal = [{"title": t, "work_paths": ws.paths_of(ids)} for t, ids in groups]
    if apply:
        ex.set_sections(groups)
        order_exhibition(ws, ex, method="path", features=features)
        save_exhibition(ws, ex)
    print_json({"id": ex.id, "applied": apply, "sections": proposal})


@command("export", group=exhibition_app)
def export_command(
    workspace: Path = WorkspaceOption,
    exhibition_id: str = IdOption,
    fmt: str = typer.Option(..., "--format", help="csv, json, iiif or html."),
    out: str = typer.Option(..., "--out", "-o", help="The file to write, or a folder "
                            "(DIR/) to write it into under a default name."),
    base_url: str | None = typer.Option(None, "--base-url", help="IIIF: where the images are "
                                        "served (default: the collection folder, file://)."),
    manifest_url: str | None = typer.Option(None, "--manifest-url", help="IIIF: manifest id."),
    image_side: int = typer.Option(480, "--image-side", help="HTML: embedded image size (px)."),
) -> None:
    """Export an exhibition as a CSV checklist, JSON, a IIIF manifest or an HTML catalogue."""
    if fmt not in EXPORT_FORMATS:
        raise ArtExploreError(f"Unknown format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    ws = open_workspace(workspace)
    ex = load_exhibition(ws, exhibition_id)
    options = ExportOptions(base_url=base_url, manifest_url=manifest_url, image_side=image_side)
    target = output_path(out, f"{ex.id}{SUFFIXES[fmt]}")
    written = export_exhibition(ws, ex, fmt, target, options)
    print_json({"id": ex.id, "format": fmt, "out": str(written), "n_works": len(ex),
                "bytes": written.stat().st_size})


@command("list", group=exhibition_app)
def list_command(workspace: Path = WorkspaceOption) -> None:
    """List the exhibitions, newest first (one JSON line)."""
    print_json(list_exhibitions(open_workspace(workspace)))


@command("show", group=exhibition_app)
def show_command(workspace: Path = WorkspaceOption, exhibition_id: str = IdOption) -> None:
    """Print one exhibition: sections, works in walk order and notes (one JSON line)."""
    ws = open_workspace(workspace)
    ex = load_exhibition(ws, exhibition_id)
    record = ex.to_dict()
    for section in record["sections"]:
        ids = [i["work_id"] for i in section["items"]]
        for item, path in zip(section["items"], ws.paths_of(ids), strict=True):
            item["work_path"] = path
    print_json(record)


@command("note", group=exhibition_app)
def note_command(
    workspace: Path = WorkspaceOption,
    exhibition_id: str = IdOption,
    work: str = typer.Option(..., "--work", help="The work (its path)."),
    text: str = typer.Option(..., "--text", help="The curator's note ('' clears it)."),
) -> None:
    """Set the curator's note of a work in an exhibition."""
    ws = open_workspace(workspace)
    ex = load_exhibition(ws, exhibition_id)
    ex.set_note(ws.work_by_path(work)["id"], text)
    save_exhibition(ws, ex)
    print_json({"id": ex.id, "work_path": work, "note": text})


@command("delete", group=exhibition_app)
def delete_command(workspace: Path = WorkspaceOption, exhibition_id: str = IdOption) -> None:
    """Delete an exhibition (its works stay in the collection)."""
    ws = open_workspace(workspace)
    load_exhibition(ws, exhibition_id)  # a clear error for an unknown id
    delete_exhibition(ws, exhibition_id)
    print_json({"id": exhibition_id, "deleted": True})

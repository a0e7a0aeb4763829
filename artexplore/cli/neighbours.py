"""Commands for neighbours: ``neighbours`` (works like this one) and ``index`` (build it).

Contract: ``artexplore neighbours --workspace WS --features NAME (--work WORK_PATH |
--image FILE) [-k 10]`` ends with one JSON line: a list of objects with at least
``work_path`` and ``similarity``, best first, without the query work.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import typer

from ..errors import ArtExploreError
from ..jobs import bring_up_to_date, run_inline
from ..search.index import IndexConfig
from ..search.neighbours import neighbours
from .common import WorkspaceOption, command, open_workspace, print_json, progress_bar


@command("neighbours")
def neighbours_command(
    workspace: Path = WorkspaceOption,
    features: str = typer.Option("default", "--features", "-f", help="The feature set."),
    work: str | None = typer.Option(None, "--work",
                                    help="Query work: its path relative to the collection."),
    image: Path | None = typer.Option(None, "--image",
                                      help="Query image file from outside the collection."),
    k: int = typer.Option(10, "-k", "--k", min=1, help="Number of neighbours."),
    weight: list[str] = typer.Option(
        [], "--weight", help="Block weight, e.g. --weight gram=2 (repeatable; 1 by default)."),
) -> None:
    """Works most similar to a work or to an outside image (last line: JSON list)."""
    if (work is None) == (image is None):
        raise ArtExploreError("Give exactly one query: --work WORK_PATH or --image FILE")
    ws = open_workspace(workspace)
    weights = _parse_weights(weight)
    bring_up_to_date(ws, "index", {"features": features, "fallback": False, "label": features})
    if image is not None:
        if not image.is_file():
            raise ArtExploreError(f"Image file not found: {image}")
        found = neighbours(ws, features, image=image, k=k, weights=weights)
    else:
        found = neighbours(ws, features, work_path=work, k=k, weights=weights)
    by_id = {w["id"]: w for w in ws.works(status=None, ids=[n.work_id for n in found])}
    print_json([{**n.to_dict(), "title": by_id[n.work_id].get("title"),
                 "artist": by_id[n.work_id].get("artist")} for n in found])


def _parse_weights(items: list[str]) -> dict[str, float]:
    weights = {}
    for item in items:
        name, sep, value = item.partition("=")
        try:
            weights[name.strip()] = float(value)
        except ValueError:
            sep = ""
        if not sep:
            raise ArtExploreError(f"--weight takes BLOCK=NUMBER, got {item!r}")
    return weights


@command("index")
def index_command(
    workspace: Path = WorkspaceOption,
    features: str = typer.Option("default", "--features", "-f",
                                 help="The feature set (the best stored one if absent)."),
    method: str = typer.Option("auto", help="auto, flat (exact), ivf or hnsw."),
    exact_max: int = typer.Option(IndexConfig.exact_max,
                                  help="auto: exact up to this many works."),
    recall_target: float = typer.Option(IndexConfig.recall_target,
                                        help="Recall@10 the approximate search is tuned to."),
    rebuild: bool = typer.Option(False, help="Build from scratch."),
) -> None:
    """Build or update the neighbour index of a feature set (last line: JSON summary)."""
    ws = open_workspace(workspace)
    config = IndexConfig(method=method, exact_max=exact_max, recall_target=recall_target)
    params = {"features": features, "fallback": features == "default",
              "config": dataclasses.asdict(config), "rebuild": rebuild, "label": features}
    with progress_bar("index") as bar:
        result = run_inline(ws, "index", params, on_progress=bar).result or {}
    if result.get("note"):
        typer.echo(f"note: {result['note']}", err=True)
    print_json(result)

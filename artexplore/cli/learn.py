"""The ``learn`` command: a feature set taught by the curator's labels or curated clusters."""

from __future__ import annotations

from pathlib import Path

import typer

from ..errors import ArtExploreError
from ..features.sets import choose
from ..jobs import run_inline
from .common import WorkspaceOption, command, open_workspace, print_json, progress_bar


@command("learn")
def learn_command(
    workspace: Path = WorkspaceOption,
    features: str = typer.Option("default", "--features", "-f",
                                 help="The feature set to learn from."),
    label: str | None = typer.Option(None, "--label", "-l",
                                     help="A metadata column that some works have, e.g. style."),
    from_run: str | None = typer.Option(None, "--from-run",
                                        help="A (curated) cluster run: its clusters and marks."),
    name: str | None = typer.Option(None, "--name", help="Name of the learned set "
                                    "(learned-LABEL by default)."),
) -> None:
    """Learn a feature set from partial labels or a curated clustering (last line JSON:
    name, n_labelled)."""
    if label is None and from_run is None:
        raise ArtExploreError("Give --label COLUMN or --from-run RUN to learn from")
    ws = open_workspace(workspace)
    choose(ws, features, fallback=False)
    params = {"features": features, "column": label, "from_run": from_run, "name": name,
              "label": f"learn {features} from {label or from_run}"}
    with progress_bar("learn") as bar:
        record = run_inline(ws, "learn", params, on_progress=bar)
    result = record.result or {}
    typer.echo(f"learned {result.get('name')} from {features}: {result.get('n_labelled')} "
               f"labelled works, {result.get('n_pseudo')} pseudo-labelled, "
               f"{result.get('n_classes')} classes")
    print_json(result)

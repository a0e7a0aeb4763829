"""The ``export`` command: stored results to files for other tools.

One command, one option per kind of result (the CLI contract):

- ``--features NAME --out FILE.npz``: arrays ``X`` (n, d) float32 and ``work_path`` (n,).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import typer

from ..errors import ArtExploreError
from ..features import load_features
from .common import WorkspaceOption, command, open_workspace


@command("export")
def export_command(
    workspace: Path = WorkspaceOption,
    out: Path = typer.Option(..., "--out", "-o", help="The file to write."),
    features: str | None = typer.Option(None, "--features", help="Export a feature set (.npz)."),
) -> None:
    """Export a feature set (and, see the options, other stored results)."""
    ws = open_workspace(workspace)
    chosen = [name for name, value in (("--features", features),) if value]
    if len(chosen) != 1:
        raise ArtExploreError("Choose exactly one thing to export: --features NAME")
    out.parent.mkdir(parents=True, exist_ok=True)
    if features:
        fm = load_features(ws, features)
        np.savez(out, X=fm.X.astype(np.float32), work_path=np.asarray(fm.work_paths, dtype=str))
        typer.echo(f"wrote {out}: {fm.X.shape[0]} works × {fm.X.shape[1]} features ({features})")

"""The ``export`` command: stored results to files for other tools.

One command, one option per kind of result (the CLI contract):

- ``--features NAME --out FILE.npz``: arrays ``X`` (n, d) float32 and ``work_path`` (n,).
- ``--patches --out FILE.npz``: arrays ``work_path`` (n,), ``coords`` (n, 5, 2) int32 —
  (row, col) of each drawn window's top-left corner in working-resolution pixels,
  ``work_shape`` (n, 2) int32 — (height, width) of the working image, and ``dog``
  (n, 5, 64, 64) uint8 (with the default parameters: 5 patches of 64 pixels).
- ``--run RUN --out FILE.csv``: a cluster run, columns ``work_path,cluster,confidence``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import typer

from ..errors import ArtExploreError
from ..features import load_features
from ..local import export_patches
from .common import WorkspaceOption, command, open_workspace, output_path


@command("export")
def export_command(
    workspace: Path = WorkspaceOption,
    out: str = typer.Option(..., "--out", "-o", help="The file to write, or a folder "
                            "(DIR/) to write it into under a default name."),
    features: str | None = typer.Option(None, "--features", help="Export a feature set (.npz)."),
    patches: bool = typer.Option(False, "--patches",
                                 help="Export the stored patches: coordinates and DoG (.npz)."),
    run: str | None = typer.Option(None, "--run", help="Export a cluster run (.csv)."),
) -> None:
    """Export a feature set or the patches (.npz), or a cluster run (.csv)."""
    ws = open_workspace(workspace)
    chosen = [name for name, value in (("--features", features), ("--patches", patches),
                                       ("--run", run)) if value]
    if len(chosen) != 1:
        raise ArtExploreError(
            "Choose exactly one thing to export: --features NAME, --patches or --run RUN")
    default = ("patches.npz" if patches else f"{features}.npz" if features else f"{run}.csv")
    out = output_path(out, default)
    if patches:
        arrays = export_patches(ws)
        np.savez(out, **arrays)
        n, k = arrays["coords"].shape[:2]
        typer.echo(f"wrote {out}: {n} works × {k} patches (work_path, coords, work_shape, dog)")
    if features:
        fm = load_features(ws, features)
        np.savez(out, X=fm.X.astype(np.float32), work_path=np.asarray(fm.work_paths, dtype=str))
        typer.echo(f"wrote {out}: {fm.X.shape[0]} works × {fm.X.shape[1]} features ({features})")
    if run:
        from ..cluster import export_run_csv

        n = export_run_csv(ws, run, out)
        typer.echo(f"wrote {out}: {n} works of cluster run {run}")

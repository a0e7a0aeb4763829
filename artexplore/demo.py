"""The bundled demo collection: ingest it and run every stage the app shows.

Each stage runs as a recorded job (:func:`artexplore.jobs.run_inline`) and is
incremental, so preparing the demo again costs seconds. The order follows the
stage graph of :mod:`artexplore.pipeline`.
"""

from __future__ import annotations

import json
import logging
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from .jobs import run_inline
from .progress import ProgressCallback, null_progress
from .store.workspace import Workspace

log = logging.getLogger(__name__)

DEMO_ASSETS = Path(__file__).resolve().parents[1] / "assets" / "demo"
# Results shipped with the demo so that preparing it takes about a minute, not four: the
# trained InfoVAE (torch state dict, read with weights_only=True) and the maps of `default`
# (plain arrays, read with allow_pickle=False). Each is used only when it fits the workspace
# (same works, same feature version); otherwise the stage computes its own.
PRECOMPUTED = "precomputed"


# Stages of the demo after ingest: (label, job kind, parameters). Later stages append here.
DEMO_STAGES: list[tuple[str, str, dict[str, Any]]] = [
    # Every extractor the ``default`` feature set needs (offline EfficientNet-Lite2), then
    # the colour histograms of the ``style+color`` set.
    ("features", "embed", {"extractor": "default"}),
    ("colour features", "embed", {"extractor": "color"}),
    # Local features: patches (~2 s), the InfoVAE (~1 min of CPU), the local embedding.
    ("patches", "patches", {}),
    ("local model", "train-local", {"n_threads": 1}),
    ("local embedding", "embed", {"extractor": "infovae", "options": {"n_threads": 1}}),
    # The map and two clusterings of `default` (else the best stored set, said in the result).
    ("map", "map", {"features": "default", "fallback": True}),
    ("clusters (k-means, K chosen)", "cluster",
     {"features": "default", "method": "kmeans", "fallback": True}),
    ("clusters (Bayesian mixture)", "cluster",
     {"features": "default", "method": "bgmm", "fallback": True}),
    # After every embedding stage: indexes `default`, else the best stored set (with a note).
    ("neighbour index", "index", {"features": "default"}),
    # Labels: a 10-fold probe of the style column on the preferred stored feature set.
    ("style probe", "probe", {"column": "style", "n_folds": 10}),
]


def prepare_demo(ws: Workspace, *, assets: Path | None = None,
                 progress: ProgressCallback = null_progress,
                 stages: list[tuple[str, str, dict[str, Any]]] | None = None,
                 on_stage: Callable[[str], None] | None = None) -> list[str]:
    """Ingest the bundled demo collection and run the stages the app shows.

    Parameters
    ----------
    ws : Workspace
    assets : pathlib.Path, optional
        The demo folder (``images/`` and ``metadata.csv``); the bundled one by default.
    progress : callable
        Progress callback.
    stages : list, optional
        Stages to run after ingest; :data:`DEMO_STAGES` by default.
    on_stage : callable, optional
        Called with each summary line as soon as its stage ends (``stage k of n``
        first), so that a long preparation is never silent.

    Returns
    -------
    list of str
        One summary line per stage.
    """
    from .ingest.folder import format_ingest_summary

    assets = Path(assets) if assets else DEMO_ASSETS
    params = {"folder": str((assets / "images").resolve()),
              "metadata": str((assets / "metadata.csv").resolve()), "label": "demo"}
    todo = [("ingest", "ingest", params), *(DEMO_STAGES if stages is None else stages)]
    shipped = assets / PRECOMPUTED
    lines = []
    for k, (label, kind, stage_params) in enumerate(todo, 1):
        if kind == "train-local":
            _seed_local_model(ws, shipped)
        elif kind in ("map", "cluster"):
            _seed_maps(ws, shipped)
        def staged(done: int, total: int | None = None, message: str = "",
                   _prefix: str = f"stage {k} of {len(todo)}, {label}") -> None:
            progress(done, total, f"{_prefix}: {message}" if message else _prefix)

        start = time.monotonic()
        record = run_inline(ws, kind, {"label": label, **stage_params}, on_progress=staged)
        summary = format_ingest_summary(record.result or {})[0] if kind == "ingest" \
            else _short(record.result)
        line = (f"stage {k} of {len(todo)} · {label}: {summary} "
                f"({time.monotonic() - start:.0f} s)")
        log.info(line)
        if on_stage is not None:
            on_stage(line)
        lines.append(line)
    return lines


def _short(result: dict[str, Any] | None) -> str:
    if not result:
        return "done"
    return ", ".join(f"{k} {v}" for k, v in result.items()
                     if isinstance(v, int | float | str) and not isinstance(v, bool))[:200]


def _demo_map_configs() -> list[Any]:
    from .reduce import MapConfig

    return [MapConfig(), MapConfig.for_clustering()]


def _seed_local_model(ws: Workspace, shipped: Path) -> None:
    """Put the shipped InfoVAE where ``train-local`` finds it (it is used only if the
    fingerprint ``train-local`` computes for this collection is the shipped one)."""
    from .local.training import model_path

    manifest = shipped / "infovae.json"
    if not manifest.is_file():
        return
    fp = json.loads(manifest.read_text())["fingerprint"]
    target = model_path(ws, fp)
    if not target.exists():
        shutil.copyfile(shipped / "infovae.pt", target)
        shutil.copyfile(manifest, target.with_suffix(".json"))


def _seed_maps(ws: Workspace, shipped: Path) -> None:
    """Store the shipped maps of ``default`` when they fit (see :func:`artexplore.reduce.import_map`)."""
    from .reduce import import_map, map_name, stored_map

    for config in _demo_map_configs():
        path = shipped / f"map-{map_name('default', config.n_components).replace('@', '-')}.npz"
        if not path.is_file() or stored_map(ws, "default", config) is not None:
            continue
        with np.load(path, allow_pickle=False) as data:
            arrays = {k: data[k] for k in data.files}
        if import_map(ws, "default", config, arrays):
            log.info("demo: used the shipped %s", path.name)


def _half_precision_copy(source: Path, target: Path) -> None:
    """Copy a torch checkpoint with its float weights in float16 (half the size: the
    demo's InfoVAE ships under 5 MB; loading casts the weights back to float32)."""
    import torch

    payload = torch.load(source, map_location="cpu", weights_only=True)
    payload["state_dict"] = {k: v.half() if v.is_floating_point() else v
                             for k, v in payload["state_dict"].items()}
    payload["history"] = []
    torch.save(payload, target)


def bake(ws: Workspace, assets: Path = DEMO_ASSETS) -> list[Path]:
    """Write the results shipped with the demo from a prepared demo workspace.

    Returns
    -------
    list of pathlib.Path
        The files written under ``assets/precomputed``.
    """
    from .local.training import current_model_fingerprint, model_path
    from .reduce import export_map, map_name

    out = assets / PRECOMPUTED
    out.mkdir(parents=True, exist_ok=True)
    written = []
    fp = current_model_fingerprint(ws)
    if fp is not None:
        _half_precision_copy(model_path(ws, fp), out / "infovae.pt")
        info = json.loads(model_path(ws, fp).with_suffix(".json").read_text())
        info.pop("history", None)
        (out / "infovae.json").write_text(json.dumps(info, indent=1))
        written += [out / "infovae.pt", out / "infovae.json"]
    for config in _demo_map_configs():
        path = out / f"map-{map_name('default', config.n_components).replace('@', '-')}.npz"
        np.savez_compressed(path, **export_map(ws, "default", config))
        written.append(path)
    return written


if __name__ == "__main__":  # python -m artexplore.demo bake WS
    import sys

    if len(sys.argv) != 3 or sys.argv[1] != "bake":
        raise SystemExit("usage: python -m artexplore.demo bake PREPARED_DEMO_WORKSPACE")
    for written in bake(Workspace(sys.argv[2])):
        print(written)

"""Throughput of feature extraction: end to end from JPEG files against the bare model.

For each extractor, in the same run and with the same batch size and threads:

- **end to end**: ``artexplore.features.embed`` into a fresh workspace: JPEG
  draft decoding and resizing in loader workers, the model, the statistics,
  storing the rows (images/s);
- **model + statistics** on ready tensors: ``transform_prepared`` on inputs
  prepared beforehand (the extractor's whole compute, no I/O);
- **bare forward** on ready tensors: the backbone's ``forward_features`` only,
  on the same normalised batches.

The ratios end-to-end / ready are what the data pipeline costs (aim: ≥ 0.9 on
a CPU). ``python -m bench.features_throughput [--quick] [--n N] [--device D]``;
``--plans`` compares the model-thread / loader-worker plans on the CPU instead.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from .features_quality import RESULTS, find_data


def _files(data: Path, n: int) -> list[Path]:
    files = sorted(p for p in data.rglob("*.jpg"))
    rng = np.random.default_rng(0)
    return [files[i] for i in sorted(rng.choice(len(files), min(n, len(files)), replace=False))]


def _workspace(files: list[Path], root: Path) -> Any:
    from artexplore.ingest.folder import ingest
    from artexplore.store import Workspace

    folder = root / "images"
    for i, f in enumerate(files):
        link = folder / f"{i:05d}-{f.name}"
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(f.resolve())
    ws = Workspace(root / "ws", create=True)
    ingest(ws, folder)
    return ws


def measure(name: str, options: dict[str, Any], files: list[Path], *, batch_size: int,
            device: str, workers: int | None, repeats: int = 2) -> dict[str, Any]:
    """Images/s end to end, on ready tensors (model + statistics) and bare forward."""
    import torch

    from artexplore.features import create_extractor, embed
    from artexplore.features.loader import loader_workers, model_threads
    from artexplore.imageio import decode

    ex = create_extractor(name, device=device, batch_size=batch_size, **options)
    ex.loaded  # noqa: B018  (model built outside the timings)
    prepare = ex.preparer()
    n_workers = loader_workers(len(files), batch_size, workers)
    ready = [prepare(np.asarray(decode(f, **ex.decode_options())[0])) for f in files]
    out: dict[str, Any] = {"extractor": name, "options": options, "n": len(files),
                           "batch_size": batch_size, "workers": n_workers,
                           "device": ex.device_name}
    with model_threads(ex.device, n_workers):
        out["threads"] = torch.get_num_threads()
        ex.transform_prepared(ready[:batch_size])  # warm-up
        best_e2e = best_ready = best_bare = 0.0
        for _ in range(repeats):
            with tempfile.TemporaryDirectory() as tmp:
                ws = _workspace(files, Path(tmp))
                t0 = time.perf_counter()
                result = embed(ws, ex, batch_size=batch_size, num_workers=workers)
                e2e = result["computed"] / (time.perf_counter() - t0)
            t0 = time.perf_counter()
            for start in range(0, len(ready), batch_size):
                ex.transform_prepared(ready[start:start + batch_size])
            ready_rate = len(ready) / (time.perf_counter() - t0)
            bare_rate = _bare(ex, ready, batch_size)
            best_e2e, best_ready = max(best_e2e, e2e), max(best_ready, ready_rate)
            best_bare = max(best_bare, bare_rate)
    out.update(e2e_images_per_s=round(best_e2e, 2), ready_images_per_s=round(best_ready, 2),
               bare_images_per_s=round(best_bare, 2),
               ratio_e2e_to_ready=round(best_e2e / best_ready, 3),
               ratio_e2e_to_bare=round(best_e2e / best_bare, 3))
    return out


def _bare(ex: Any, ready: list[Any], batch_size: int) -> float:
    """The backbone's forward_features alone on the same batches (normalised on the device)."""
    import torch

    model = ex.loaded["model"]
    mean, std = (torch.tensor(v, device=ex.device).view(1, 3, 1, 1) for v in ex._mean_std())
    groups: dict[tuple, list[int]] = {}
    for i, item in enumerate(ready):
        groups.setdefault(tuple(tuple(t.shape) for t in item), []).append(i)
    batches = []
    for rows in groups.values():
        for start in range(0, len(rows), batch_size):
            chunk = rows[start:start + batch_size]
            for k in range(len(ready[chunk[0]])):
                x = torch.stack([ready[i][k] for i in chunk]).to(ex.device)
                batches.append((x.float() / 255.0 - mean) / std)
    from artexplore.nn import autocast

    t0 = time.perf_counter()
    with torch.inference_mode(), autocast(ex.device, ex.precision):
        for x in batches:
            model.forward_features(x)
    return len(ready) / (time.perf_counter() - t0)


def compare_plans(files: list[Path], *, batch_size: int, repeats: int) -> dict[str, Any]:
    """End-to-end ``effnet-lite0`` embed under three thread plans, interleaved, best of repeats.

    - ``before``: the model got the cores the loader workers left (1 thread and 1 worker
      on 2 cores: what ArtExplore did before the thread plan);
    - ``chosen``: :func:`artexplore.features.loader.thread_plan` on this machine now (from
      the free cores: the load average counts);
    - ``peer``: 2 model threads and 1 decoding worker (how FiftyOne ran the same model).
    """
    from unittest import mock

    from artexplore.features import compute as store_module
    from artexplore.features import create_extractor, embed
    from artexplore.features.loader import ThreadPlan, available_cores, free_cores, thread_plan

    cores = available_cores()
    plans = {"before": ThreadPlan(1, max(1, cores - 1), cores),
             "chosen": thread_plan("cpu", len(files), batch_size),
             "peer": ThreadPlan(1, 2, cores)}
    ex = create_extractor("effnet-lite0", device="cpu", batch_size=batch_size)
    ex.loaded  # noqa: B018  (model built outside the timings)
    best = dict.fromkeys(plans, 0.0)
    for _ in range(repeats):
        for name, plan in plans.items():
            with tempfile.TemporaryDirectory() as tmp, \
                    mock.patch.object(store_module, "thread_plan", lambda *a, p=plan, **k: p):
                ws = _workspace(files, Path(tmp))
                t0 = time.perf_counter()
                result = embed(ws, ex, batch_size=batch_size)
                best[name] = max(best[name], result["computed"] / (time.perf_counter() - t0))
    return {"case": "thread plans, effnet-lite0 end to end", "n": len(files),
            "cores": cores, "free_cores": free_cores(), "load_1min": round(os.getloadavg()[0], 2),
            "plans": {k: str(v) for k, v in plans.items()},
            "images_per_s": {k: round(v, 2) for k, v in best.items()},
            "ratio_chosen_to_before": round(best["chosen"] / best["before"], 3),
            "ratio_peer_to_before": round(best["peer"] / best["before"], 3)}


CASES = [
    ("effnet-lite0", {}),                       # pooled, the model's 224 crop: fixed-size batches
    ("default source", None),                  # what `default` computes
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--n", type=int, default=None, help="number of images (default 192)")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--device", default="auto")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--data", default=None)
    parser.add_argument("--model", default=None, help="also measure timm:MODEL (random weights)")
    parser.add_argument("--plans", action="store_true",
                        help="only compare thread plans (before / chosen / 2+1 like the peer)")
    args = parser.parse_args(argv)
    from artexplore.features import builtin_fusions

    files = _files(find_data(args.data), args.n or (48 if args.quick else 192))
    if args.plans:
        r = compare_plans(files, batch_size=args.batch_size, repeats=1 if args.quick else 3)
        print(json.dumps(r), flush=True)
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "features_thread_plans.json").write_text(json.dumps(r, indent=1))
        return 0
    cases = []
    for name, options in CASES:
        if options is None:
            for source, opts in builtin_fusions()["default"].sources():
                cases.append((source, opts))
        else:
            cases.append((name, options))
    if args.model:
        cases.append((f"timm:{args.model}", {"weights": "random"}))
    results = []
    for name, options in cases:
        r = measure(name, options, files, batch_size=args.batch_size, device=args.device,
                    workers=args.workers, repeats=1 if args.quick else 3)
        results.append(r)
        print(json.dumps(r), flush=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "features_throughput.json").write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

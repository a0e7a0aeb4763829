"""How to turn a work's patch latents into its local embedding: the alternatives, measured.

Run ``python -m bench.local_embedding [--quick] [--data DIR --per-style N]``. On a
labelled collection (the bundled demo by default: 204 works, 12 styles; or a
balanced subset of a folder with ``labels.csv``), it ingests the works into a
temporary workspace, computes the patches, trains the InfoVAE with the defaults of
``artexplore train-local`` and compares, by style kNN@10 precision (leave-one-out,
cosine distance after standardising every column), these per-work vectors:

- the default ``meanstd`` of the latent means of the kept (top-gradient) windows;
- ``mean`` and ``meanmax`` of the same latents;
- ``mean`` / ``meanstd`` of the latents of the 5 drawn (stored) patches only;
- ``meanstd`` of an untrained network of the same architecture (does training matter?);
- the HSV colour histogram (the colour baseline, for scale) and chance.

Results go to ``docs/BENCHMARKS.md`` (section "Local embedding (InfoVAE)") and
``bench/results/local_embedding.json``.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import tempfile
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SECTION = "## Local embedding (InfoVAE)"


def knn_precision(X: np.ndarray, labels: list[str], k: int = 10) -> float:
    """Mean fraction of the k nearest neighbours (cosine, standardised columns) sharing a label."""
    from sklearn.neighbors import NearestNeighbors

    X = np.asarray(X, dtype=np.float64)
    X = (X - X.mean(0)) / np.maximum(X.std(0), 1e-12)
    nn = NearestNeighbors(n_neighbors=k + 1, metric="cosine").fit(X)
    _, idx = nn.kneighbors(X)
    y = np.asarray(labels)
    hits = [(y[row[1:]] == y[i]).mean() for i, row in enumerate(idx)]
    return float(np.mean(hits))


def chance(labels: list[str], k: int = 10) -> float:
    """Expected kNN precision of random neighbours."""
    n = len(labels)
    return float(sum(c * (c - 1) for c in Counter(labels).values()) / (n * (n - 1)))


def _subset(data: Path, per_style: int, seed: int) -> tuple[Path, Path]:
    rows = list(csv.DictReader(open(data / "labels.csv", newline="")))
    rng = np.random.default_rng(seed)
    by_style: dict[str, list[dict]] = {}
    for row in rows:
        by_style.setdefault(row["style"], []).append(row)
    chosen = []
    for style in sorted(by_style):
        group = by_style[style]
        if len(group) >= per_style:
            chosen += [group[i] for i in sorted(rng.choice(len(group), per_style, replace=False))]
    folder = Path(tempfile.mkdtemp(prefix="local-bench-"))
    for row in chosen:
        target = folder / "images" / row["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(data / row["path"], target)
    meta = folder / "labels.csv"
    with open(meta, "w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(chosen)
    return folder / "images", meta


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=None,
                        help="A folder with labels.csv (path, style); the demo by default.")
    parser.add_argument("--per-style", type=int, default=20)
    parser.add_argument("--quick", action="store_true", help="2 epochs instead of 5.")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--lambda", dest="lambda_", type=float, default=1000.0,
                        help="InfoVAE λ (the train-local default is 1000).")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args(argv)

    from artexplore.features import create_extractor
    from artexplore.imageio import decode
    from artexplore.ingest.folder import ingest
    from artexplore.local import compute_patches, load_patches
    from artexplore.local.infovae import InfoVAE
    from artexplore.local.patches import PatchConfig, kept_patches, work_rng, working_image
    from artexplore.local.training import aggregate, load_model, train_local
    from artexplore.store import Workspace

    if args.data is None:
        demo = ROOT / "assets" / "demo"
        images, meta = demo / "images", demo / "metadata.csv"
        name = "demo collection (204 works, 12 styles)"
    else:
        images, meta = _subset(args.data, args.per_style, args.seed)
        name = f"{args.data.name}, {args.per_style} works per style"
    ws = Workspace(Path(tempfile.mkdtemp(prefix="local-bench-ws-")), create=True)
    ingest(ws, images, metadata=meta)
    works = ws.works()
    labels = [w["style"] for w in works]
    epochs = 2 if args.quick else 5
    t0 = time.monotonic()
    compute_patches(ws)
    train = train_local(ws, epochs=epochs, seed=args.seed, n_threads=args.threads, device="cpu",
                        lambda_mmd=args.lambda_)
    train_seconds = time.monotonic() - t0
    model, _ = load_model(ws, n_threads=args.threads, device="cpu")
    untrained = InfoVAE(epochs=1, lr=1e-12, n_threads=args.threads, device="cpu",
                        random_state=args.seed + 1)
    config = PatchConfig()
    kept_latents, kept_untrained = [], []
    for work in works:
        rgb = np.asarray(decode(ws.image_path(work), max_side=config.max_side)[0])
        image, *_ = working_image(rgb, config)
        dog, _ = kept_patches(image, config, limit=64, rng=work_rng(work["id"], config.seed))
        kept_latents.append(model.transform(dog))
        kept_untrained.append(dog)
    # The untrained baseline: same architecture, weights from initialisation (BatchNorm
    # statistics from one pass at a learning rate of ~0).
    untrained.fit(np.concatenate(kept_untrained[:50]))
    kept_untrained = [untrained.transform(d) for d in kept_untrained]
    ps = load_patches(ws)
    drawn = [model.transform(ps["dog"][ps.row(w["id"])]) for w in works]
    colour = create_extractor("color").transform(
        [np.asarray(decode(ws.image_path(w), max_side=256)[0]) for w in works])

    variants = {
        "kept windows, meanstd (default, 128-d)": [aggregate(z, "meanstd") for z in kept_latents],
        "kept windows, mean (64-d)": [aggregate(z, "mean") for z in kept_latents],
        "kept windows, meanmax (128-d)": [aggregate(z, "meanmax") for z in kept_latents],
        "5 drawn patches, mean (64-d)": [aggregate(z, "mean") for z in drawn],
        "5 drawn patches, meanstd (128-d)": [aggregate(z, "meanstd") for z in drawn],
        "untrained network, kept windows, meanstd": [aggregate(z, "meanstd")
                                                     for z in kept_untrained],
        "HSV colour histogram (baseline)": list(colour),
    }
    results = {key: knn_precision(np.stack(v), labels) for key, v in variants.items()}
    results["chance"] = chance(labels)
    if args.lambda_ != 1000.0:
        name += f", λ = {args.lambda_:g}"
    report = {"collection": name, "works": len(works), "styles": len(set(labels)),
              "epochs": epochs, "seed": args.seed, "lambda": args.lambda_,
              "patches": train["patches"],
              "train_seconds": round(train_seconds, 1), "knn10_precision": results}
    out = ROOT / "bench" / "results" / "local_embedding.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=1))
    if not args.no_write:
        _write(report, args)
    print(json.dumps(report, indent=1))
    return report


def _write(report: dict, args: argparse.Namespace) -> None:
    """Replace (or add) this collection's subsection of the section in docs/BENCHMARKS.md."""
    command = (f"python -m bench.local_embedding{' --quick' if args.quick else ''}"
               + (f" --data {args.data} --per-style {args.per_style}" if args.data else "")
               + (f" --lambda {args.lambda_:g}" if args.lambda_ != 1000.0 else ""))
    sub = f"### {report['collection']}"
    lines = [
        sub, "",
        f"`{command}`: InfoVAE trained with the `train-local` defaults"
        f"{'' if report['lambda'] == 1000.0 else ' except λ'} ({report['epochs']} "
        f"epochs, seed {report['seed']}, λ = {report['lambda']:g}, {report['patches']} kept "
        "DoG patches; patches + "
        f"training took {report['train_seconds']} s on the shared CPU). Style kNN@10 "
        "precision, leave-one-out, cosine on standardised columns:", "",
        "| per-work vector | kNN@10 style precision |", "|---|---|",
        *[f"| {key} | {value:.3f} |" for key, value in report["knn10_precision"].items()],
        "",
    ]
    intro = [SECTION, "",
             "The local embedding of a work aggregates the InfoVAE latent means of its DoG "
             "patches. Alternatives measured on labelled collections "
             "(`bench/local_embedding.py`):", ""]
    doc = ROOT / "docs" / "BENCHMARKS.md"
    doc.parent.mkdir(exist_ok=True)
    text = doc.read_text() if doc.exists() else "# Benchmarks\n"
    if SECTION not in text:
        text = text.rstrip("\n") + "\n\n" + "\n".join(intro)
    start = text.index(SECTION)
    end = text.find("\n## ", start + len(SECTION))
    end = len(text) if end == -1 else end + 1
    section = text[start:end].rstrip("\n") + "\n"
    if sub in section:
        a = section.index(sub)
        b = section.find("\n### ", a + len(sub))
        b = len(section) if b == -1 else b + 1
        section = section[:a] + "\n".join(lines) + section[b:]
    else:
        section = section + "\n" + "\n".join(lines)
    rest = text[end:]
    doc.write_text(text[:start] + section.rstrip("\n") + "\n" + ("\n" + rest if rest else ""))


if __name__ == "__main__":
    main()

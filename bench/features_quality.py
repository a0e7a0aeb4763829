"""Style quality of the feature sets on peopleart-pd (the protocol of the features issue).

Protocol: the 25 styles with at least 40 works; style names sorted;
``rng = numpy.random.default_rng(0)``; for each style in order, its paths sorted,
``rng.choice(paths, 40, replace=False)``: 1,000 works. For each feature set:

- kNN@10 style precision: for every work, the share of its 10 nearest other
  works (cosine) that have its style, averaged;
- NMI of ``KMeans(25, n_init=10, random_state=0)`` on the L2-normalised rows
  (in the order of the draw: k-means depends on it, by about ±0.01 NMI)
  against the style labels.

The labels are used only here. Everything runs through the library: the drawn
works are ingested into a workspace (``bench/results/features-ws``, reused by
later runs), each extractor is computed with ``embed`` (incremental), fused
candidates are :class:`~artexplore.features.FusionSpec` s loaded with
``load_features`` exactly as the app does.

Run ``python -m bench.features_quality`` (``--quick``: 8 works per style and a
few sets; ``--only NAME`` to restrict). Results: ``bench/results/features_quality.json``
and a markdown table on standard output.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from artexplore.linalg import normalise

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results"
MIN_WORKS = 40
PER_STYLE = 40

# Reference figures of the issue (plain code on the same protocol).
REFERENCE = {
    "color": (0.18, 0.25),
    "effnet-lite0": (0.32, 0.40),
    "gram:effnet-lite0": (0.38, 0.40),
    "fused:gram+pooled": (0.39, 0.43),
    "timm:vit_small_patch16_224 (random)": (0.11, 0.20),
}


def find_data(explicit: str | None = None) -> Path:
    """The peopleart-pd folder: ``--data``, ``$ARTEXPLORE_BENCH_DATA``, or ``../shared/data``."""
    candidates = [explicit, os.environ.get("ARTEXPLORE_BENCH_DATA"),
                  REPO.parent / "shared" / "data" / "peopleart-pd",
                  REPO.parents[1] / "shared" / "data" / "peopleart-pd"]
    for c in candidates:
        if c and (Path(c) / "labels.csv").exists():
            return Path(c)
    raise SystemExit("peopleart-pd not found: pass --data DIR (the folder with labels.csv)")


def draw(labels_csv: Path, *, per_style: int = PER_STYLE, min_works: int = MIN_WORKS,
         seed: int = 0) -> tuple[list[str], list[str]]:
    """The protocol's draw: (paths, styles), ``per_style`` works of each style with enough."""
    import pandas as pd

    df = pd.read_csv(labels_csv)
    counts = df["style"].value_counts()
    styles = sorted(counts[counts >= min_works].index)
    rng = np.random.default_rng(seed)
    paths, labels = [], []
    for style in styles:
        pool = sorted(df.loc[df["style"] == style, "path"])
        chosen = rng.choice(pool, per_style, replace=False)
        paths += [str(p) for p in chosen]
        labels += [style] * per_style
    return paths, labels


def draw_disjoint(labels_csv: Path, *, per_style: int = PER_STYLE, min_works: int = MIN_WORKS,
                  seed: int = 1) -> tuple[list[str], list[str]]:
    """A held-out check draw: works outside the seed-0 draw, ``default_rng(1)``, only the
    styles that still have ``per_style`` such works (13 styles on peopleart-pd)."""
    import pandas as pd

    df = pd.read_csv(labels_csv)
    used = set(draw(labels_csv, per_style=per_style, min_works=min_works)[0])
    counts = df["style"].value_counts()
    styles = sorted(counts[counts >= min_works].index)
    rng = np.random.default_rng(seed)
    paths, labels = [], []
    for style in styles:
        pool = sorted(p for p in df.loc[df["style"] == style, "path"] if p not in used)
        if len(pool) < per_style:
            continue
        paths += [str(p) for p in rng.choice(pool, per_style, replace=False)]
        labels += [style] * per_style
    return paths, labels


def l2n(X: np.ndarray) -> np.ndarray:
    return normalise(np.asarray(X, dtype=np.float64))


def knn_precision(X: np.ndarray, labels: list[str], k: int = 10) -> float:
    """Leave-one-out share of the k nearest neighbours (cosine) with the same label."""
    X = l2n(X)
    y = np.asarray(labels)
    S = X @ X.T
    np.fill_diagonal(S, -np.inf)
    idx = np.argpartition(-S, k, axis=1)[:, :k]
    return float((y[idx] == y[:, None]).mean())


def kmeans_nmi(X: np.ndarray, labels: list[str], n_clusters: int) -> float:
    """NMI of k-means clusters of the L2-normalised rows against the labels."""
    from sklearn.cluster import KMeans
    from sklearn.metrics import normalized_mutual_info_score

    pred = KMeans(n_clusters, n_init=10, random_state=0).fit_predict(l2n(X))
    return float(normalized_mutual_info_score(labels, pred))


def bench_workspace(data: Path, paths: list[str], labels: list[str], root: Path) -> Any:
    """A workspace holding exactly the drawn works (symlinks), reused when the draw is the same."""
    from artexplore.ingest.folder import ingest
    from artexplore.store import Workspace

    folder = root / "images"
    meta = root / "labels.csv"
    key = json.dumps(paths)
    stamp = root / "draw.json"
    if stamp.exists() and stamp.read_text() == key and (root / "ws").exists():
        return Workspace(root / "ws")
    if root.exists():
        import shutil

        shutil.rmtree(root)
    for p in paths:
        link = folder / p
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to((data / p).resolve())
    rows = ["path,style"] + [f'"{p}",{s}' for p, s in zip(paths, labels, strict=True)]
    meta.write_text("\n".join(rows) + "\n")
    ws = Workspace(root / "ws", create=True)
    ingest(ws, folder, metadata=meta)
    stamp.write_text(key)
    return ws


# -- what is measured ----------------------------------------------------------------------------
def extractor_sets() -> list[tuple[str, str, dict[str, Any]]]:
    """(label, extractor, options) of the single extractors measured."""
    return [
        ("color", "color", {}),
        ("effnet-lite0", "effnet-lite0", {}),
        ("gram:effnet-lite0", "gram:effnet-lite0", {}),
        ("stats:effnet-lite0", "stats:effnet-lite0", {}),
        ("timm:vit_small_patch16_224 (random)", "timm:vit_small_patch16_224",
         {"weights": "random"}),
    ]


def fusion_candidates() -> list[Any]:
    """Fused sets measured (FusionSpec): candidates, then the built-in ones (``default``…)."""
    from artexplore.features import FusionSpec, builtin_fusions

    from .features_recipes import CANDIDATES

    out = [FusionSpec.from_dict(c) for c in CANDIDATES]
    return out + list(builtin_fusions().values())


def evaluate(ws: Any, spec: Any, paths: list[str], labels: list[str]) -> dict[str, Any]:
    """Evaluate a fused set (a FusionSpec) loaded exactly as ``load_features`` does."""
    from artexplore.features.compute import load_fused

    fm = load_fused(ws, spec)
    style_of = dict(zip(paths, labels, strict=True))
    row_of = {p: i for i, p in enumerate(fm.work_paths)}
    rows = [row_of[p] for p in paths if p in row_of]  # the draw's order (k-means depends on it)
    X = fm.X[rows]
    y = [style_of[fm.work_paths[i]] for i in rows]
    t0 = time.perf_counter()
    result = {"p10": knn_precision(X, y), "nmi": kmeans_nmi(X, y, len(set(y))),
              "dim": int(X.shape[1]), "n": len(rows)}
    result["eval_s"] = round(time.perf_counter() - t0, 1)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="8 works per style, few sets")
    parser.add_argument("--data", default=None, help="peopleart-pd folder")
    parser.add_argument("--only", nargs="*", default=None, help="labels to run (substrings)")
    parser.add_argument("--skip-extractors", action="store_true",
                        help="measure only fused sets")
    parser.add_argument("--draw", choices=("seed0", "disjoint"), default="seed0",
                        help="the protocol's draw, or the held-out check draw of 13 styles")
    parser.add_argument("--library", action="store_true",
                        help="ingest all 2,454 works (fused sets fitted on the whole library) "
                             "and evaluate the rows of the draw")
    parser.add_argument("--learned", action="store_true",
                        help="the learned sets: 10 %% of the labels kept, scored on the other "
                             "90 %% against default (bench/features_learned.py)")
    parser.add_argument("--learned-more", action="store_true",
                        help="what else was tried for the learned sets: richer inputs, a trained "
                             "projection, propagation variants, more labels "
                             "(bench/features_learned_more.py)")
    parser.add_argument("--centring", action="store_true",
                        help="each set's neighbour space with and without centring")
    parser.add_argument("--grain", action="store_true",
                        help="K and NMI of the clusterers that find K, before/after issue 15")
    parser.add_argument("--probe", action="store_true",
                        help="style probe top-1 on default's rows and on what the probe fits")
    parser.add_argument("--depiction", action="store_true",
                        help="seed 000's Table I protocol on 4 depictions of 7 groups of works "
                             "made here (bench/features_depiction.py)")
    parser.add_argument("--same-works", action="store_true",
                        help="with --depiction: the stress variant, every work of an object in "
                             "all 4 depictions (105 works), not other works in each")
    parser.add_argument("--grain-scale", type=int, default=None, metavar="N",
                        help="the same on N overlapping synthetic works (30 styles), no images")
    args = parser.parse_args(argv)
    if args.grain_scale:
        from . import features_learned

        features_learned.save(features_learned.grain_at_scale(args.grain_scale),
                              RESULTS / f"features_grain_{args.grain_scale}.json")
        return 0
    logging.basicConfig(level=logging.WARNING)
    from artexplore.features import create_extractor, embed

    data = find_data(args.data)
    if args.depiction:
        from . import features_depiction, features_learned

        style_draw = draw(data / "labels.csv")
        style_ws = bench_workspace(data, *style_draw, RESULTS / "features-ws")
        tag = "-same-works" if args.same_works else ""
        out_file = RESULTS / f"features_depiction{tag.replace('-', '_')}.json"
        kept = json.loads(out_file.read_text()) if args.only and out_file.exists() else {}
        kept.update(features_depiction.run(data, RESULTS / f"features-ws-depiction{tag}",
                                           only=args.only, distinct=not args.same_works,
                                           style_ws=style_ws, style_draw=style_draw))
        features_learned.save(kept, out_file)
        return 0
    per_style = 8 if args.quick else PER_STYLE
    if args.draw == "disjoint":
        paths, labels = draw_disjoint(data / "labels.csv", per_style=per_style)
    else:
        paths, labels = draw(data / "labels.csv", per_style=per_style)
    suffix = ("-quick" if args.quick else "") + ("-disjoint" if args.draw == "disjoint" else "")
    if args.library:
        import pandas as pd

        everything = pd.read_csv(data / "labels.csv")
        ws = bench_workspace(data, [str(p) for p in everything["path"]],
                             [str(s) for s in everything["style"]], RESULTS / "features-ws-library")
        suffix += "-library"
    else:
        ws = bench_workspace(data, paths, labels, RESULTS / f"features-ws{suffix}")

    if args.learned or args.learned_more or args.centring or args.grain or args.probe:
        from artexplore.features import builtin_fusions

        _embed_spec(ws, builtin_fusions()["default"])
        if args.learned:
            from . import features_learned

            features_learned.save(features_learned.run(ws, paths, labels, only=args.only))
        if args.learned_more:
            from . import features_learned, features_learned_more

            features_learned.save(features_learned_more.run(ws, paths, labels),
                                  RESULTS / "features_learned_more.json")
        if args.centring:
            from . import features_learned

            features_learned.save(features_learned.centring(ws, paths, labels),
                                  RESULTS / "features_centring.json")
        if args.probe:
            from . import features_learned

            features_learned.save(features_learned.probe_inputs(ws, paths, labels),
                                  RESULTS / f"features_probe{suffix.replace('-', '_')}.json")
        if args.grain:
            from . import features_learned

            features_learned.save(features_learned.grain(ws, paths, labels),
                                  RESULTS / "features_grain.json")
        return 0

    def wanted(label: str) -> bool:
        return not args.only or any(o in label for o in args.only)

    results: dict[str, Any] = {}
    out_file = RESULTS / f"features_quality{suffix.replace('-', '_')}.json"
    if out_file.exists():
        results = json.loads(out_file.read_text())
    todo: list[tuple[str, Any]] = []
    if not args.skip_extractors:
        sets = extractor_sets()[:3] if args.quick else extractor_sets()
        for label, name, options in sets:
            if wanted(label):
                todo.append((label, (name, options)))
    for spec in fusion_candidates()[: 2 if args.quick else None]:
        label = "fused:" + spec.name
        if wanted(label):
            todo.append((label, spec))
    for label, what in todo:
        t0 = time.perf_counter()
        if isinstance(what, tuple):
            name, options = what
            ex = create_extractor(name, **options)
            summary = embed(ws, ex)
            res = evaluate_version(ws, ex, paths, labels)
        else:
            summary = _embed_spec(ws, what)
            res = evaluate(ws, what, paths, labels)
        res["seconds"] = round(time.perf_counter() - t0, 1)
        res["computed"] = summary.get("computed", 0)
        results[label] = res
        print(f"{label:48s} P@10 {res['p10']:.3f}  NMI {res['nmi']:.3f}  d={res['dim']}",
              flush=True)
        out_file.parent.mkdir(parents=True, exist_ok=True)
        out_file.write_text(json.dumps(results, indent=1, sort_keys=True))
    print(markdown_table(results))
    return 0


def evaluate_version(ws: Any, ex: Any, paths: list[str], labels: list[str]) -> dict[str, Any]:
    """Evaluate the stored set of an extractor (by fingerprint, current or not)."""
    stored = ws.arrays.load("features", ex.name, ex.fingerprint())
    path_of = {w["id"]: w["path"] for w in ws.works()}
    style_of = dict(zip(paths, labels, strict=True))
    row_of = {path_of.get(wid): i for i, wid in enumerate(stored.ids.tolist())}
    keep = [row_of[p] for p in paths if p in row_of]  # the draw's order
    X = np.asarray(stored.arrays["X"])[keep]
    y = [style_of[path_of[stored.ids[i]]] for i in keep]
    return {"p10": knn_precision(X, y), "nmi": kmeans_nmi(X, y, len(set(y))),
            "dim": int(X.shape[1]), "n": len(keep)}


def _embed_spec(ws: Any, spec: Any) -> dict[str, Any]:
    from artexplore.features import create_extractor, embed

    computed = 0
    for source, options in spec.sources():
        computed += embed(ws, create_extractor(source, **options))["computed"]
    return {"computed": computed}


def markdown_table(results: dict[str, Any]) -> str:
    lines = ["| feature set | dims | kNN@10 style precision | k-means NMI "
             "| reference (P@10, NMI) |", "|---|---|---|---|---|"]
    for label, r in results.items():
        ref = REFERENCE.get(label)
        ref_text = f"{ref[0]:.2f}, {ref[1]:.2f}" if ref else ""
        lines.append(f"| {label} | {r['dim']} | {r['p10']:.3f} | {r['nmi']:.3f} | {ref_text} |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())

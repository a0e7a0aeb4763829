"""The curator teaches the metric: learned sets on the development protocol (issue 15).

Protocol: the seed-0 draw of :mod:`bench.features_quality` (peopleart-pd, 25 styles
× 40). For each of three masks (``default_rng(seed)``, seed 0, 1, 2) the style of
a random 10 % of the works is kept and the other 90 % are hidden; a
:class:`~artexplore.features.learn.GraphMetric` is fitted on all 1,000 works with
the kept labels, and kNN@10 style precision and k-means NMI (K = 25) are scored
**on the hidden 90 % only** (neighbours and clusters among the hidden works),
against the unsupervised ``default`` on the same works. Figures are the mean
over the three masks.

The ``default`` rows of the draw are computed once (``python -m
bench.features_quality --only fused:default``) and cached in
``bench/results/default_cache.npz``; every variant reads the cache.
Run ``python -m bench.features_quality --learned``.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import numpy as np

from .features_quality import RESULTS, kmeans_nmi, knn_precision

CACHE = RESULTS / "default_cache.npz"
SEEDS = (0, 1, 2)
SHARE = 0.10

# (label, GraphMetric keyword arguments, rows learned from); None: default itself.
# "diffused": default's rows; "before": its rows before the diffusion step (what
# artexplore.features.learn.learn_features uses), the labels spreading on default's graph.
VARIANTS: list[tuple[str, dict[str, Any] | None, str]] = [
    ("default (unsupervised)", None, "diffused"),
    ("shrinkage LDA on the 10 % (of default)", {"weights": (0.0, 1.0, 0.0), "confidence": 0.0,
                                                "alpha": 0.0, "diffusion": False}, "diffused"),
    ("default + shrinkage LDA on the 10 %", {"weights": (1.0, 1.0, 0.0), "confidence": 0.0,
                                             "alpha": 0.0, "diffusion": False}, "diffused"),
    ("label spreading: default + soft label", {"weights": (1.0, 0.0, 1.0),
                                               "diffusion": False}, "diffused"),
    ("default + LDA on 10 % + 50 % pseudo + soft label", {"confidence": 0.5,
                                                          "diffusion": False}, "diffused"),
    ("same, re-diffused, learned on default", {}, "diffused"),
    ("learned: before diffusion, LDA + 90 % pseudo, diffused + soft label", {}, "before"),
    ("same without the soft label", {"weights": (1.0, 1.0, 0.0)}, "before"),
    ("same with 50 % pseudo-labels", {"confidence": 0.5}, "before"),
    ("same without pseudo-labels", {"confidence": 0.0}, "before"),
]


def cached_default(ws: Any, paths: list[str], labels: list[str]
                   ) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """The ``default`` rows of the draw (draw order) and its rows before diffusion,
    computed once and cached."""
    if CACHE.exists():
        data = np.load(CACHE, allow_pickle=False)
        if data["paths"].tolist() == paths and "before" in data.files:
            return np.asarray(data["X"]), np.asarray(data["before"]), \
                [str(s) for s in data["y"]]
    from artexplore.features.learn import source_rows

    before, fm = source_rows(ws, "default")
    row = {p: i for i, p in enumerate(fm.work_paths)}
    take = [row[p] for p in paths]
    X, B = np.asarray(fm.X)[take], np.asarray(before.X)[take]
    np.savez(CACHE, X=X, before=B, y=np.asarray(labels), paths=np.asarray(paths))
    return X, B, list(labels)


def label_masks(n: int, share: float = SHARE) -> list[np.ndarray]:
    """The kept-label masks of the protocol: a random ``share`` of the ``n`` works,
    ``default_rng(seed)`` for each seed of :data:`SEEDS`."""
    masks = []
    for seed in SEEDS:
        rng = np.random.default_rng(seed)
        keep = np.zeros(n, dtype=bool)
        keep[rng.permutation(n)[: int(round(share * n))]] = True
        masks.append(keep)
    return masks


def hidden_scores(X: np.ndarray, y: np.ndarray, hidden: np.ndarray) -> tuple[float, float]:
    """kNN@10 precision and k-means NMI among the hidden works only."""
    Xh, yh = X[hidden], y[hidden].tolist()
    return knn_precision(Xh, yh), kmeans_nmi(Xh, yh, len(set(yh)))


def run(ws: Any, paths: list[str], labels: list[str], *, only: list[str] | None = None
        ) -> dict[str, Any]:
    """Score every variant; returns ``{label: {p10, nmi, gain_p10, gain_nmi, …}}``."""
    from artexplore.features.learn import GraphMetric

    X, before, y_list = cached_default(ws, paths, labels)
    y = np.asarray(y_list, dtype=object)
    masks = label_masks(len(y))
    out: dict[str, Any] = {}
    base = None
    for label, kwargs, rows in VARIANTS:
        if only and kwargs is not None and not any(o in label for o in only):
            continue
        t0 = time.perf_counter()
        p10s, nmis = [], []
        for keep in masks:
            if kwargs is None:
                Z = X
            else:
                source, graph = (X, None) if rows == "diffused" else (before, X)
                Z = GraphMetric(**kwargs).fit(source, np.where(keep, y, None),
                                              graph=graph).embedding_
            p, n = hidden_scores(Z, y, ~keep)
            p10s.append(p)
            nmis.append(n)
        res = {"p10": float(np.mean(p10s)), "nmi": float(np.mean(nmis)),
               "p10_masks": p10s, "nmi_masks": nmis, "dim": int(Z.shape[1]),
               "labelled": int(masks[0].sum()), "seconds": round(time.perf_counter() - t0, 1)}
        if base is None:
            base = res
        res["gain_p10"] = res["p10"] - base["p10"]
        res["gain_nmi"] = res["nmi"] - base["nmi"]
        out[label] = res
        print(f"{label:48s} P@10 {res['p10']:.3f} ({res['gain_p10']:+.3f})  "
              f"NMI {res['nmi']:.3f} ({res['gain_nmi']:+.3f})", flush=True)
    return out


def save(results: dict[str, Any], out: Path = RESULTS / "features_learned.json") -> None:
    """Write the results next to the other benchmark outputs."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1, sort_keys=True))


def centring(ws: Any, paths: list[str], labels: list[str],
             sets: tuple[str, ...] = ("color", "stats:effnet-lite2", "default")
             ) -> dict[str, Any]:
    """kNN@10 and NMI of each set's rows as stored (cosine) and centred first (issue 15, 3).

    Centred: the collection mean is subtracted before the L2 normalisation. Sets
    not stored in the bench workspace are computed with ``embed`` (the colour
    histogram takes seconds; ``stats:effnet-lite2`` is ``default``'s source).
    """
    from artexplore.features import create_extractor, embed, load_features
    from artexplore.features.fusion import builtin_fusions

    out: dict[str, Any] = {}
    style_of = dict(zip(paths, labels, strict=True))
    for name in sets:
        if name not in builtin_fusions():
            opts = builtin_fusions()["default"].sources()[0][1] if name == "stats:effnet-lite2" \
                else {}
            embed(ws, create_extractor(name, **opts))
        fm = load_features(ws, name)
        row = {p: i for i, p in enumerate(fm.work_paths)}
        keep = [row[p] for p in paths if p in row]
        X = np.asarray(fm.X, dtype=np.float64)[keep]
        y = [style_of[fm.work_paths[i]] for i in keep]
        plain = (knn_precision(X, y), kmeans_nmi(X, y, len(set(y))))
        Xc = X - X.mean(0)
        centred = (knn_precision(Xc, y), kmeans_nmi(Xc, y, len(set(y))))
        served = index_precision(ws, name, style_of)
        out[name] = {"p10": plain[0], "nmi": plain[1], "p10_centred": centred[0],
                     "nmi_centred": centred[1], "p10_index": served, "dim": int(X.shape[1]),
                     "n": len(keep)}
        print(f"{name:24s} P@10 {plain[0]:.3f} -> {centred[0]:.3f} (index {served:.3f})  "
              f"NMI {plain[1]:.3f} -> {centred[1]:.3f}", flush=True)
    return out


def index_precision(ws: Any, name: str, style_of: dict[str, str], k: int = 10) -> float:
    """kNN@10 of the neighbours the app serves: the stored index, through ``Searcher``.

    Every drawn work is a query; its ``k`` results (itself left out) are scored
    against its style. The index is built (or rebuilt) with today's configuration.
    """
    from artexplore.search.index import build_index
    from artexplore.search.neighbours import searcher

    build_index(ws, name)
    s = searcher(ws, name)
    fm = s.features
    shares = []
    for row, path in enumerate(fm.work_paths):
        if path not in style_of:
            continue
        found = s.search(fm.X[row], k, exclude=[str(fm.ids[row])])
        shares.append(np.mean([style_of.get(n.work_path) == style_of[path] for n in found]))
    return float(np.mean(shares))


def grain(ws: Any, paths: list[str], labels: list[str]) -> dict[str, Any]:
    """K and agreement with the styles of the clusterers that find K (issue 15, 4).

    Through :func:`~artexplore.cluster.run_clustering` on ``default`` (k-means with
    K swept in the PCA-50 space, the Bayesian mixture in the 10-D UMAP space), with
    the library's defaults and with the caps of before (k-means K ≤ 30, where the
    highest silhouette was the bound K=30; mixture ≤ 20).
    """
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    from artexplore.cluster import run_clustering
    from artexplore.reduce import MapConfig, compute_map

    compute_map(ws, "default", MapConfig.for_clustering())
    style_of = dict(zip(paths, labels, strict=True))
    out: dict[str, Any] = {}
    for label, method, kwargs in [
            ("k-means, K=30: the old sweep's choice, its bound", "kmeans", {"n_clusters": 30}),
            ("k-means, K swept 2..30 by the new rule", "kmeans", {"k_max": 30}),
            ("k-means, K swept (now)", "kmeans", {}),
            ("bgmm, at most 20 components (before)", "bgmm", {"options": {"max_components": 20}}),
            ("bgmm (now)", "bgmm", {}),
            ("hdbscan (min_cluster_size 1 % = 10)", "hdbscan", {})]:
        run = run_clustering(ws, "default", method, random_state=0, reuse=False, **kwargs)
        y = [style_of[p] for p in run.work_paths]
        out[label] = {"k": run.n_clusters, "noise": run.n_noise,
                      "nmi": normalized_mutual_info_score(y, run.labels),
                      "ari": adjusted_rand_score(y, run.labels),
                      "k_chosen_by": (run.k_selection or {}).get("description")}
        r = out[label]
        print(f"{label:40s} K={r['k']:3d} NMI {r['nmi']:.3f} ARI {r['ari']:.3f}  "
              f"{r['k_chosen_by'] or ''}", flush=True)
    return out


def grain_at_scale(n: int = 100_000, seed: int = 0) -> dict[str, Any]:
    """K of the clusterers that find it on ``n`` overlapping synthetic works (issue 15, 4).

    30 styles of clustered 256-d vectors whose styles overlap as painting styles do
    (``make_clustered_vectors(noise=5, spread=2)``: precision@10 of the raw rows about
    0.42, `default`'s is 0.48), L2-normalised, PCA-50, the clustering space's 10-D UMAP
    (``min_dist`` 0), then HDBSCAN and the Bayesian mixture with the library's caps.
    """
    from sklearn.decomposition import PCA
    from sklearn.metrics import normalized_mutual_info_score

    from artexplore.cluster import create_clusterer
    from artexplore.linalg import normalise
    from artexplore.reduce import UMAPReducer
    from artexplore.search.index import make_clustered_vectors

    X, y = make_clustered_vectors(n, 256, n_clusters=30, noise=5.0, spread=2.0,
                                  random_state=seed, return_labels=True)
    Xn = normalise(X)
    sims = Xn[:2000] @ Xn.T
    sims[np.arange(2000), np.arange(2000)] = -np.inf
    top = np.argpartition(-sims, 10, axis=1)[:, :10]
    out: dict[str, Any] = {"n": n, "styles": 30, "raw_p10": float((y[top] == y[:2000, None]).mean())}
    t0 = time.perf_counter()
    Z = PCA(50, svd_solver="randomized", random_state=seed).fit_transform(Xn).astype(np.float32)
    E = UMAPReducer(n_components=10, min_dist=0.0, pca_components=None,
                    random_state=seed).fit_transform(Z)
    out["umap_seconds"] = round(time.perf_counter() - t0, 1)
    for label, method, options in [("hdbscan (library default)", "hdbscan", {}),
                                   ("hdbscan, min_samples 10", "hdbscan", {"min_samples": 10}),
                                   ("bgmm (library default)", "bgmm", {})]:
        t0 = time.perf_counter()
        model = create_clusterer(method, random_state=seed, **options).fit(E)
        labels = model.labels_
        ok = labels >= 0
        out[label] = {"k": int(model.n_clusters_), "noise": int((~ok).sum()),
                      "nmi": float(normalized_mutual_info_score(y, labels)),
                      "nmi_clustered": float(normalized_mutual_info_score(y[ok], labels[ok])),
                      "seconds": round(time.perf_counter() - t0, 1)}
        r = out[label]
        print(f"{label:28s} K={r['k']:3d} noise {r['noise']:6d} NMI {r['nmi']:.3f} "
              f"(clustered works {r['nmi_clustered']:.3f}) {r['seconds']:.0f} s", flush=True)
    return out


def probe_inputs(ws: Any, paths: list[str], labels: list[str]) -> dict[str, Any]:
    """Top-1 of the style probe (10-fold logistic regression, ``ProbeConfig()``) on
    ``default``'s rows alone and on what the probe now fits (``probe_rows``: the rows
    and the rows before the diffusion), with the same folds."""
    from artexplore.features import load_features
    from artexplore.labels.probe import ProbeConfig, cross_validate, probe_rows

    style_of = dict(zip(paths, labels, strict=True))
    out: dict[str, Any] = {}
    used = load_features(ws, "default")
    for label, fm in (("default's rows", (used.X,)),
                      ("rows + rows before the diffusion", probe_rows(ws, "default").parts)):
        keep = [i for i, p in enumerate(used.work_paths) if p in style_of]
        classes = sorted({style_of[used.work_paths[i]] for i in keep})
        y = np.asarray([classes.index(style_of[used.work_paths[i]]) for i in keep])
        X = np.hstack([np.asarray(part)[keep] for part in fm])
        cv = cross_validate(X, y, ProbeConfig())
        top1 = float(np.mean(cv["proba"].argmax(1) == y))
        out[label] = {"top1": top1, "dim": int(X.shape[1]), "n": len(keep)}
        print(f"{label:36s} top-1 {top1:.3f} ({X.shape[1]} dims, {len(keep)} works)",
              flush=True)
    return out

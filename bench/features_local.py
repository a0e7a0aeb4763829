"""The local branch, measured (issue 15, point 1): backbone block statistics of the
high-gradient windows, per work, alone and fused with ``default``.

Small protocol (CPU time): the first 8 works of each style in the seed-0 draw of
:mod:`bench.features_quality` (200 works, 25 styles). For each work, the working
image of the patch method (longest side 1,024 px), its windows of 128 px (stride
64) scored by mean Sobel magnitude, and the ``n`` best are cropped in colour at
that resolution; each crop is described by the ``default`` backbone's block means
(``stats:effnet-lite2``, blocks 3–6, the crop at its own 128 px), and the crops
are averaged per work. Blocks are centred and L2-normalised per part on the
collection. kNN@10 and k-means NMI (K = 25) on the 200 works: ``default`` (rows
of the 1,000-work fit), local alone, and ``[√(1−w)·default, √w·local]``.

Run ``python -m bench.features_local`` (after ``--learned`` made the cache).

``--full``: the development protocol itself (all 1,000 works of the seed-0 draw),
with up to 8 windows per work, each window's descriptor kept
(``bench/results/local_windows.npz``, resumable), and three encodings of a
work's windows: the mean of its 4 and of its 8 best windows, and VLAD (Jégou et
al. 2010) — the window descriptors reduced by PCA to 64 dimensions, their
residuals to a 16-word k-means vocabulary summed per word, signed square root,
per-word (intra) and global L2 normalisation, then PCA-whitened to 256
dimensions as ``default``'s blocks are. Each alone and fused with ``default``
(the 1,000-work fit) at several weights.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

import numpy as np

from .features_quality import RESULTS, find_data, kmeans_nmi, knn_precision

PER_STYLE = 8
N_WINDOWS = 4
SIZE = 128


def windows(rgb: np.ndarray, n: int = N_WINDOWS, size: int = SIZE) -> list[np.ndarray]:
    """The ``n`` highest-gradient colour windows of a work's working image (the library's
    :func:`~artexplore.local.patches.best_windows`, what ``windows:`` extractors see)."""
    from artexplore.local.patches import best_windows

    return list(best_windows(rgb, n, size))


def main() -> int:
    from artexplore.features import builtin_fusions, create_extractor
    from artexplore.imageio import load_rgb
    from artexplore.linalg import normalise

    data = find_data(None)
    cache = np.load(RESULTS / "default_cache.npz", allow_pickle=False)
    paths, y_all, G_all = cache["paths"].tolist(), cache["y"], cache["X"]
    take = [i for s in sorted(set(y_all.tolist()))
            for i in np.flatnonzero(y_all == s)[:PER_STYLE]]
    y = y_all[take].tolist()
    G = np.asarray(G_all)[take].astype(np.float64)
    options = dict(builtin_fusions()["default"].sources()[0][1])
    options.update(sizes=[SIZE])
    ex = create_extractor("stats:effnet-lite2", **options)
    t0 = time.perf_counter()
    rows = []
    for i in take:
        crops = windows(load_rgb(data / paths[i]))
        rows.append(np.asarray(ex.transform(crops), dtype=np.float64).mean(0))
    L = np.vstack(rows)
    seconds = time.perf_counter() - t0
    bounds = np.cumsum([0] + [width for _, width in ex.parts])
    L = np.hstack([normalise(L[:, a:b] - L[:, a:b].mean(0))
                   for a, b in zip(bounds[:-1], bounds[1:], strict=True)])
    out = {"n": len(take), "local_seconds": round(seconds, 1),
           "global": (knn_precision(G, y), kmeans_nmi(G, y, 25)),
           "local": (knn_precision(L, y), kmeans_nmi(L, y, 25))}
    Gn, Ln = normalise(G), normalise(L)
    for w in (0.1, 0.2, 0.35, 0.5):
        F = np.hstack([np.sqrt(1 - w) * Gn, np.sqrt(w) * Ln])
        out[f"fused w={w}"] = (knn_precision(F, y), kmeans_nmi(F, y, 25))
    for k, v in out.items():
        print(k, v if not isinstance(v, tuple) else f"P@10 {v[0]:.3f} NMI {v[1]:.3f}",
              flush=True)
    (RESULTS / "features_local.json").write_text(json.dumps(out, indent=1))
    return 0


WINDOWS_FULL = 8


def window_descriptors(paths: list[str], n: int = WINDOWS_FULL, size: int = SIZE, *,
                       tag: str = "") -> tuple[np.ndarray, np.ndarray]:
    """Descriptors of each work's ``n`` best windows, cached and resumable.

    Returns
    -------
    D : ndarray of shape (n_windows, 768)
        Block means 3–6 of each window (``default``'s backbone, the window at 128 px).
    owner : ndarray of shape (n_windows,)
        The index (in ``paths``) of the work each window comes from; the windows of a
        work are in score order.
    """
    from artexplore.features import builtin_fusions, create_extractor
    from artexplore.imageio import load_rgb

    data = find_data(None)
    cache_file = RESULTS / f"local_windows_{n}x{size}{'_' + tag if tag else ''}.npz"
    done_D: list[np.ndarray] = []
    done_owner: list[np.ndarray] = []
    start = 0
    if cache_file.exists():
        cached = np.load(cache_file, allow_pickle=False)
        if cached["paths"].tolist() == paths[: len(cached["paths"])]:
            done_D, done_owner = [cached["D"]], [cached["owner"]]
            start = len(cached["paths"])
    options = dict(builtin_fusions()["default"].sources()[0][1])
    options.update(sizes=[size])
    ex = create_extractor("stats:effnet-lite2", **options)
    t0 = time.perf_counter()
    for i in range(start, len(paths)):
        crops = windows(load_rgb(data / paths[i]), n=n, size=size)
        done_D.append(np.asarray(ex.transform(crops), dtype=np.float32))
        done_owner.append(np.full(len(crops), i, dtype=np.int32))
        if (i + 1) % 50 == 0 or i + 1 == len(paths):
            D, owner = np.concatenate(done_D), np.concatenate(done_owner)
            done_D, done_owner = [D], [owner]
            np.savez(cache_file, D=D, owner=owner, paths=np.asarray(paths[: i + 1]))
            print(f"{i + 1}/{len(paths)} works, {time.perf_counter() - t0:.0f} s", flush=True)
    return np.concatenate(done_D), np.concatenate(done_owner)


def per_part(L: np.ndarray, parts: list[int]) -> np.ndarray:
    """Each part centred and L2-normalised, then the whole row."""
    from artexplore.linalg import normalise

    bounds = np.cumsum([0, *parts])
    return normalise(np.hstack([normalise(L[:, a:b] - L[:, a:b].mean(0))
                                for a, b in zip(bounds[:-1], bounds[1:], strict=True)]))


def whiten(X: np.ndarray, dims: int = 256, power: float = 0.1) -> np.ndarray:
    """Centred, onto ``dims`` principal axes divided by eigenvalue^power, L2-normalised
    (``default``'s per-block whitening)."""
    from artexplore.linalg import normalise

    Xc = X - X.mean(0)
    U, S, Vt = np.linalg.svd(Xc, full_matrices=False)
    k = min(dims, len(S))
    return normalise((Xc @ Vt[:k].T) / np.maximum(S[:k] ** 2, 1e-12) ** power)


def vlad(D: np.ndarray, owner: np.ndarray, n_works: int, *, words: int = 16,
         dims: int = 64, seed: int = 0) -> np.ndarray:
    """VLAD of each work's window descriptors (see the module's docstring)."""
    from sklearn.cluster import KMeans
    from sklearn.decomposition import PCA

    from artexplore.linalg import normalise

    Z = PCA(dims, random_state=seed).fit_transform(normalise(D - D.mean(0)))
    km = KMeans(words, n_init=4, random_state=seed).fit(Z)
    R = Z - km.cluster_centers_[km.labels_]
    V = np.zeros((n_works, words, dims))
    np.add.at(V, (owner, km.labels_), R)
    V = np.sign(V) * np.sqrt(np.abs(V))
    V = normalise(V.reshape(n_works * words, dims))  # per word ("intra"), then the whole
    return normalise(V.reshape(n_works, -1))


def draw_rows(which: str) -> tuple[list[str], list[str], np.ndarray, np.ndarray]:
    """A draw of :mod:`bench.features_quality` and its ``default`` rows, after and before
    the diffusion, from the bench workspace of that draw (made when missing)."""
    from artexplore.features import load_features
    from artexplore.features.fusion import builtin_fusions
    from artexplore.features.learn import source_rows

    from .features_quality import _embed_spec, bench_workspace, draw, draw_disjoint

    data = find_data(None)
    if which == "disjoint":
        paths, labels = draw_disjoint(data / "labels.csv")
        ws = bench_workspace(data, paths, labels, RESULTS / "features-ws-disjoint")
    elif which == "library":
        import pandas as pd

        everything = pd.read_csv(data / "labels.csv")
        paths = [str(p) for p in everything["path"]]
        labels = [str(s) for s in everything["style"]]
        ws = bench_workspace(data, paths, labels, RESULTS / "features-ws-library")
    else:
        paths, labels = draw(data / "labels.csv")
        ws = bench_workspace(data, paths, labels, RESULTS / "features-ws")
    _embed_spec(ws, builtin_fusions()["default"])
    fm = load_features(ws, "default")
    before, _ = source_rows(ws, "default")
    row = {p: i for i, p in enumerate(fm.work_paths)}
    keep = [i for i, p in enumerate(paths) if p in row]  # unreadable files have no row
    paths, labels = [paths[i] for i in keep], [labels[i] for i in keep]
    take = [row[p] for p in paths]
    return (paths, labels, np.asarray(fm.X, dtype=np.float64)[take],
            np.asarray(before.X, dtype=np.float64)[take])


def full(n_windows: int = WINDOWS_FULL, size: int = SIZE, which: str = "seed0") -> int:
    """The local branch on a whole draw: three encodings, alone and fused with ``default``
    after its diffusion and before it (as a fifth block of the rows it diffuses)."""
    from artexplore.features import builtin_fusions, create_extractor
    from artexplore.features.fusion.steps import Diffusion
    from artexplore.linalg import normalise

    paths, y, G, B = draw_rows(which)
    G, B = normalise(G), normalise(B)
    t0 = time.perf_counter()
    D, owner = window_descriptors(paths, n_windows, size, tag="" if which == "seed0" else which)
    seconds = time.perf_counter() - t0
    options = dict(builtin_fusions()["default"].sources()[0][1])
    parts = [int(width) for _, width in create_extractor("stats:effnet-lite2", **options).parts]
    rank = np.zeros(len(owner), dtype=int)  # each window's place in its work's score order
    for i in range(len(paths)):
        rows = np.flatnonzero(owner == i)
        rank[rows] = np.arange(len(rows))
    encodings = {}
    for n in sorted({4, 8, n_windows}):
        keep = rank < n
        M = np.zeros((len(paths), D.shape[1]))
        np.add.at(M, owner[keep], D[keep])
        M /= np.maximum(np.bincount(owner[keep], minlength=len(paths)), 1)[:, None]
        encodings[f"mean of {n} windows"] = per_part(M, parts)
        encodings[f"mean of {n} windows, whitened"] = whiten(per_part(M, parts))
    encodings[f"VLAD 16×64 of {n_windows} windows, whitened"] = whiten(vlad(D, owner, len(paths)))
    k = len(set(y))
    out: dict[str, Any] = {"draw": which, "n": len(paths), "windows": int(len(D)),
                           "window_size": size, "window_seconds": round(seconds, 1),
                           "default": (knn_precision(G, y), kmeans_nmi(G, y, k))}
    print(f"default                               P@10 {out['default'][0]:.3f} "
          f"NMI {out['default'][1]:.3f}", flush=True)
    for name, L in encodings.items():
        out[name] = (knn_precision(L, y), kmeans_nmi(L, y, k))
        print(f"{name:38s} P@10 {out[name][0]:.3f} NMI {out[name][1]:.3f}", flush=True)
        for w in (0.1, 0.2, 0.35):
            F = np.hstack([np.sqrt(1 - w) * G, np.sqrt(w) * normalise(L)])
            key = f"default + {name} at {w}"
            out[key] = (knn_precision(F, y), kmeans_nmi(F, y, k))
            Z = Diffusion().fit_transform(
                normalise(np.hstack([np.sqrt(1 - w) * B, np.sqrt(w) * normalise(L)])))
            key_before = f"default's rows + {name} at {w}, diffused"
            out[key_before] = (knn_precision(Z, y), kmeans_nmi(Z, y, k))
            print(f"  at {w:<4} after diffusion P@10 {out[key][0]:.3f} NMI {out[key][1]:.3f}"
                  f" · before it P@10 {out[key_before][0]:.3f} NMI {out[key_before][1]:.3f}",
                  flush=True)
    suffix = "" if which == "seed0" else f"_{which}"
    (RESULTS / f"features_local_full_{n_windows}x{size}{suffix}.json").write_text(
        json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    if "--full" in sys.argv[1:]:
        import argparse

        parser = argparse.ArgumentParser()
        parser.add_argument("--full", action="store_true")
        parser.add_argument("--windows", type=int, default=WINDOWS_FULL)
        parser.add_argument("--size", type=int, default=SIZE)
        parser.add_argument("--draw", choices=("seed0", "disjoint", "library"), default="seed0")
        args = parser.parse_args()
        sys.exit(full(args.windows, args.size, args.draw))
    sys.exit(main())

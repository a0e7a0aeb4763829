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
"""

from __future__ import annotations

import json
import sys
import time

import numpy as np

from .features_quality import RESULTS, find_data, kmeans_nmi, knn_precision

PER_STYLE = 8
N_WINDOWS = 4
SIZE = 128


def windows(rgb: np.ndarray, n: int = N_WINDOWS, size: int = SIZE) -> list[np.ndarray]:
    """The ``n`` highest-gradient colour windows of a work's working image."""
    from artexplore.local.patches import PatchConfig, luminance, sobel_magnitude, window_scores, working_image

    config = PatchConfig(patch_size=size, stride=size // 2)
    image = working_image(rgb, config)[0]
    if min(image.shape[:2]) < size:
        return [image]
    scores = window_scores(sobel_magnitude(luminance(image)), size, size // 2)
    best = np.argsort(-scores.ravel(), kind="stable")[:n]
    gw = scores.shape[1]
    return [image[(i // gw) * (size // 2):(i // gw) * (size // 2) + size,
                  (i % gw) * (size // 2):(i % gw) * (size // 2) + size] for i in best]


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


if __name__ == "__main__":
    sys.exit(main())

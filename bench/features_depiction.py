"""A depiction protocol in the manner of seed 000's Table I, built from public data on this machine.

Seed 000's Table I clusters a depiction-style set (the same 7 objects drawn in 4
depictions) with k-means and scores the accuracy of the clusters against the
depiction: within each object (K = 4 on that object's images) and across
objects (K = 4 on every image). The data set it used is not on this machine, so
this protocol makes one from peopleart-pd:

- **7 objects**: 7 styles drawn with ``default_rng(0)`` (style names sorted) among
  those with at least 60 works, 60 works of each (sorted paths, ``rng.choice``).
  An object's works share their school's subject matter and look, which the
  features must see past;
- **4 depictions**, each of 15 other works of the object (the drawn works in
  turn), as the original shows other instances of an object in each depiction;
  all re-encoded the same way (JPEG quality 92, the source's size):

  * ``painting``: the work itself;
  * ``pencil``: OpenCV's pencil sketch (grey);
  * ``watercolour``: OpenCV's stylisation (edge-preserving smoothing);
  * ``cartoon``: flattened colours (4 levels a channel after an edge-preserving
    filter) with dark outlines from an adaptive threshold.

420 images in all. Accuracy is the share of images whose k-means cluster
(``KMeans(4, n_init=10, random_state=0)`` on the L2-normalised rows) maps to their
depiction under the best one-to-one matching (Hungarian). Fused sets are fitted on
these 420 images, as a user's collection would be.

A stress variant (``--same-works``): 15 works of each of 7 styles with at least
40, every work in all 4 depictions, so each work's renderings share its exact
composition (a painting and prints after it).

Run ``python -m bench.features_quality --depiction [--same-works]``. Results:
``bench/results/features_depiction[_same_works].json``.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import numpy as np

N_OBJECTS = 7
PER_OBJECT = 15
DEPICTIONS = ("painting", "pencil", "watercolour", "cartoon")


def draw_objects(labels_csv: Path, *, n_objects: int = N_OBJECTS, per_object: int = PER_OBJECT,
                 min_works: int = 40, seed: int = 0) -> list[tuple[str, str]]:
    """(path, object) of the source works: ``per_object`` works of ``n_objects`` styles."""
    import pandas as pd

    df = pd.read_csv(labels_csv)
    counts = df["style"].value_counts()
    styles = sorted(counts[counts >= min_works].index)
    rng = np.random.default_rng(seed)
    chosen_styles = sorted(rng.choice(styles, n_objects, replace=False))
    out = []
    for style in chosen_styles:
        pool = sorted(df.loc[df["style"] == style, "path"])
        out += [(str(p), str(style)) for p in rng.choice(pool, per_object, replace=False)]
    return out


def depict(bgr: np.ndarray, depiction: str) -> np.ndarray:
    """One depiction of a BGR uint8 image (deterministic)."""
    import cv2

    if depiction == "painting":
        return bgr
    if depiction == "pencil":
        grey, _ = cv2.pencilSketch(bgr, sigma_s=60, sigma_r=0.07, shade_factor=0.05)
        return cv2.cvtColor(grey, cv2.COLOR_GRAY2BGR)
    if depiction == "watercolour":
        return cv2.stylization(bgr, sigma_s=60, sigma_r=0.45)
    if depiction == "cartoon":
        smooth = cv2.edgePreservingFilter(bgr, flags=cv2.RECURS_FILTER, sigma_s=40,
                                          sigma_r=0.4)
        flat = (smooth // 64) * 64 + 32
        grey = cv2.medianBlur(cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY), 5)
        edges = cv2.adaptiveThreshold(grey, 255, cv2.ADAPTIVE_THRESH_MEAN_C,
                                      cv2.THRESH_BINARY, 9, 4)
        return cv2.bitwise_and(flat.astype(np.uint8), flat.astype(np.uint8), mask=edges)
    raise ValueError(f"unknown depiction {depiction!r}")


def build_collection(data: Path, root: Path, *, distinct: bool = True
                     ) -> tuple[Any, list[str], list[str], list[str]]:
    """The 420 depicted images in a workspace (rebuilt only when the draw changes).

    ``distinct``: each depiction of an object is made from other works of it (60 works
    of each of 7 styles with at least 60, every work rendered once, the 4 depictions in
    turn), as the original set shows other instances of an object in each depiction;
    otherwise every work is rendered in all 4.

    Returns
    -------
    (Workspace, paths, depictions, objects), paths relative to the images folder, in
    a fixed order (object, work, depiction).
    """
    import cv2

    from artexplore.ingest.folder import ingest
    from artexplore.store import Workspace

    rows = []
    if distinct:
        sources = draw_objects(data / "labels.csv", per_object=PER_OBJECT * len(DEPICTIONS),
                               min_works=PER_OBJECT * len(DEPICTIONS))
        for i, (path, obj) in enumerate(sources):
            dep = DEPICTIONS[i % len(DEPICTIONS)]
            rows.append((f"{dep}/{obj}-{i:03d}.jpg", dep, obj, path))
    else:
        sources = draw_objects(data / "labels.csv")
        for i, (path, obj) in enumerate(sources):
            for dep in DEPICTIONS:
                rows.append((f"{dep}/{obj}-{i:03d}.jpg", dep, obj, path))
    key = json.dumps([r[3] for r in rows])
    stamp = root / "draw.json"
    if not (stamp.exists() and stamp.read_text() == key and (root / "ws").exists()):
        if root.exists():
            import shutil

            shutil.rmtree(root)
        folder = root / "images"
        for rel, dep, _obj, src in rows:
            out = folder / rel
            out.parent.mkdir(parents=True, exist_ok=True)
            bgr = cv2.imread(str(data / src), cv2.IMREAD_COLOR)
            if bgr is None:
                raise SystemExit(f"cannot read {data / src}")
            cv2.imwrite(str(out), depict(bgr, dep), [cv2.IMWRITE_JPEG_QUALITY, 92])
        meta = ["path,depiction,object"] + [f"{r[0]},{r[1]},{r[2]}" for r in rows]
        (root / "labels.csv").write_text("\n".join(meta) + "\n")
        ws = Workspace(root / "ws", create=True)
        ingest(ws, folder, metadata=root / "labels.csv")
        stamp.write_text(key)
    ws = Workspace(root / "ws")
    return ws, [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows]


def cluster_accuracy(X: np.ndarray, labels: list[str], n_clusters: int) -> float:
    """Accuracy of ``KMeans(n_clusters)`` on the L2-normalised rows under the best
    one-to-one matching of clusters to labels."""
    from sklearn.cluster import KMeans

    from artexplore.cluster.evaluation import hungarian_accuracy

    from .features_quality import l2n

    pred = KMeans(n_clusters, n_init=10, random_state=0).fit_predict(l2n(X))
    return hungarian_accuracy(labels, pred)


def scores(X: np.ndarray, depictions: list[str], objects: list[str]) -> dict[str, Any]:
    """Per-object and across-object k-means accuracy against the depiction."""
    dep = np.asarray(depictions)
    obj = np.asarray(objects)
    per = {}
    for o in sorted(set(objects)):
        rows = np.flatnonzero(obj == o)
        per[o] = cluster_accuracy(X[rows], dep[rows].tolist(), len(DEPICTIONS))
    return {"per_object": float(np.mean(list(per.values()))),
            "across": cluster_accuracy(X, depictions, len(DEPICTIONS)),
            "each_object": per, "dim": int(X.shape[1]), "n": len(depictions)}


def ablations() -> list[Any]:
    """``default`` taken apart (FusionSpec): what in it finds the rendering, what loses it."""
    import copy

    from artexplore.features import FusionSpec
    from artexplore.features.recipes import DEFAULT_RECIPE

    def variant(name: str, *, steps: list[str] | None = None, comps: list[int] | None = None,
                local_steps: list[str] | None = None, beside: float | None = None) -> Any:
        recipe = copy.deepcopy(DEFAULT_RECIPE)
        recipe["name"] = name
        block = recipe["blocks"][0]
        if local_steps is not None:
            block["components"][1]["steps"] = local_steps
        if comps is not None:
            block["components"] = [block["components"][i] for i in comps]
        if beside is not None:  # the rows before the diffusion as a second block
            before = copy.deepcopy(block)
            before.update(name="before-diffusion", steps=["l2"], weight=beside)
            recipe["blocks"].append(before)
        if steps is not None:
            block["steps"] = steps
        return FusionSpec.from_dict(recipe)

    return [
        variant("default-no-diffusion", steps=["l2"]),
        variant("global", comps=[0]),
        variant("global-no-diffusion", comps=[0], steps=["l2"]),
        variant("local-no-diffusion", comps=[1], steps=["l2"]),
        variant("local", comps=[1]),
        variant("default+before-1", beside=1.0),
        variant("default+before-0.5", beside=0.5),
        variant("default-k5", steps=["l2", "diffusion:5:3:0.9:100", "l2"]),
        variant("default-alpha0.5", steps=["l2", "diffusion:auto:3:0.5:100", "l2"]),
    ]


def run(data: Path, root: Path, *, only: list[str] | None = None, distinct: bool = True,
        style_ws: Any = None, style_draw: tuple[list[str], list[str]] | None = None
        ) -> dict[str, Any]:
    """Measure the single extractors, the fused sets of ``features_quality`` and the
    ablations of ``default`` here; the fused sets also on the style protocol when
    ``style_ws`` (its workspace) and ``style_draw`` (paths, styles) are given."""
    from artexplore.features import create_extractor, embed
    from artexplore.features.compute import load_fused

    from .features_quality import _embed_spec, evaluate, extractor_sets, fusion_candidates

    ws, paths, depictions, objects = build_collection(data, root, distinct=distinct)
    path_of = {w["id"]: w["path"] for w in ws.works()}
    order = {p: i for i, p in enumerate(paths)}
    results: dict[str, Any] = {}

    def rows_for(ids: list[str]) -> tuple[np.ndarray, np.ndarray]:
        pos = np.array([order[path_of[w]] for w in ids])
        keep = np.argsort(pos)
        return keep, pos[keep]

    todo: list[tuple[str, Any]] = [(lbl, (n, o)) for lbl, n, o in extractor_sets()
                                   if "random" not in lbl]
    todo += [("fused:" + s.name, s) for s in fusion_candidates()]
    todo += [("ablation:" + s.name, s) for s in ablations()]
    for label, what in todo:
        if only and not any(o in label for o in only):
            continue
        t0 = time.perf_counter()
        if isinstance(what, tuple):
            ex = create_extractor(what[0], **what[1])
            embed(ws, ex)
            stored = ws.arrays.load("features", ex.name, ex.fingerprint())
            ids, X = stored.ids.tolist(), np.asarray(stored.arrays["X"])
        else:
            _embed_spec(ws, what)
            fm = load_fused(ws, what)
            ids, X = list(fm.ids), np.asarray(fm.X)
        keep, pos = rows_for(ids)
        if len(pos) != len(paths):
            raise SystemExit(f"{label}: {len(pos)} of {len(paths)} images have rows")
        res = scores(X[keep], [depictions[i] for i in pos], [objects[i] for i in pos])
        res["seconds"] = round(time.perf_counter() - t0, 1)
        if style_ws is not None and style_draw is not None and not isinstance(what, tuple):
            _embed_spec(style_ws, what)
            res["style"] = evaluate(style_ws, what, *style_draw)
        results[label] = res
        style = res.get("style")
        print(f"{label:52s} per object {res['per_object']:.3f}  across {res['across']:.3f}"
              f"  d={res['dim']}" + (f"  style P@10 {style['p10']:.3f} NMI {style['nmi']:.3f}"
                                     if style else ""), flush=True)
    return results

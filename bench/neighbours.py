"""Neighbour index benchmark: query latency (p50, p99) and recall@10, exact against approximate.

Synthetic clustered 768-d vectors (:func:`artexplore.search.index.make_clustered_vectors`: one
cluster per 1,000 vectors, each a 16-dimensional subspace around a unit centre plus
isotropic noise, rows L2-normalised) at 10k, 100k and 1M vectors. For each size, the
exact index (``IndexFlatIP``) and the approximate ones are built with the library's own
builders and configuration; the approximate search breadth is tuned at build time by
:func:`artexplore.search.index.measure_recall`, exactly as ``artexplore index`` does. Queries are
fresh vectors of the same distribution (not in the index), searched one at a time for
latency (k = 10, as the page and the CLI do) and as one batch for recall against exact.
Latencies are reported as measured and as a ratio of the exact index's in the same run.

Run: ``python -m bench.neighbours`` (10k, 100k, 1M) or ``--quick`` (10k, 100k); the
figures go to ``docs/BENCHMARKS.md`` (section ``neighbours``) and ``bench/results/``.
"""

from __future__ import annotations

import argparse
import gc
import json
import tempfile
import time
from pathlib import Path

import numpy as np

from artexplore.progress import null_progress
from artexplore.search.index import (
    IndexConfig,
    NeighbourIndex,
    index_type,
    make_clustered_vectors,
    measure_recall,
    recall_at_k,
)
from bench.common import RESULTS, machine, save_json, update_section

SECTION = "## Neighbours: FAISS index, exact against approximate (issue 6)"
DIM = 768
K = 10


def _latencies(index: NeighbourIndex, Q: np.ndarray, threads: int) -> np.ndarray:
    import faiss

    out = np.empty(len(Q))
    before = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(threads)
    try:
        index.search(Q[:1], K)  # warm up (page faults of a mapped file, thread pool)
        for i, q in enumerate(Q):
            t = time.perf_counter()
            index.search(q[None], K)
            out[i] = time.perf_counter() - t
    finally:
        faiss.omp_set_num_threads(before)
    return out * 1e3


def _wrap(index, method: str, breadth: int | None, n: int) -> NeighbourIndex:
    return NeighbourIndex(index=index, ids=np.arange(n).astype(str),
                          meta={"method": method, "breadth": breadth, "feature_fingerprint": "-"})


def run_size(n: int, methods: list[str], *, n_queries: int, n_exact_latency: int,
             config: IndexConfig, mmap: bool, threads: int) -> list[dict]:
    """Build every index of one size and measure it; returns one row per index."""
    import faiss

    t = time.perf_counter()
    data = make_clustered_vectors(n + n_queries, DIM, random_state=0)
    X, Q = data[:n], np.ascontiguousarray(data[n:])
    print(f"n={n}: data in {time.perf_counter() - t:.1f} s", flush=True)
    rows = []

    t = time.perf_counter()
    flat, _ = index_type("flat").build(X, config, null_progress)
    build = time.perf_counter() - t
    exact = _wrap(flat, "flat", None, n)
    lat = _latencies(exact, Q[:n_exact_latency], threads)
    e_sims, e_rows = exact.search(Q, K)
    ref = {"p50": float(np.percentile(lat, 50)), "p99": float(np.percentile(lat, 99))}
    rows.append({"n": n, "method": "flat (exact)", "build_s": build, "tune_s": 0.0,
                 "p50_ms": ref["p50"], "p99_ms": ref["p99"], "latency_queries": len(lat),
                 "recall_at_10": 1.0, "breadth": None})
    print(f"  flat: p50 {ref['p50']:.2f} ms p99 {ref['p99']:.2f} ms", flush=True)
    del flat, exact
    gc.collect()

    for method in methods:
        t = time.perf_counter()
        index, extra = index_type(method).build(X, config, null_progress)
        build = time.perf_counter() - t
        t = time.perf_counter()
        tuned = measure_recall(index, X, method=method, config=config)
        tune = time.perf_counter() - t
        variants = [("", index)]
        tmp = None
        if mmap:
            tmp = Path(tempfile.mkdtemp()) / "index.faiss"
            faiss.write_index(index, str(tmp))
            variants.append((", memory-mapped", faiss.read_index(str(tmp), index_type(method).mmap_flag())))
        for suffix, idx in variants:
            ni = _wrap(idx, method, tuned["breadth"], n)
            lat = _latencies(ni, Q, threads)
            sims, found = ni.search(Q, K)
            recall = recall_at_k(sims, found, e_sims, e_rows, k=K)
            name = {"ivf": "IVF-Flat", "hnsw": "HNSW-Flat"}[method] + suffix
            row = {"n": n, "method": name, "build_s": build, "tune_s": tune,
                   "p50_ms": float(np.percentile(lat, 50)),
                   "p99_ms": float(np.percentile(lat, 99)), "latency_queries": len(lat),
                   "recall_at_10": recall, "recall_at_build": tuned["recall_at_10"],
                   "breadth": tuned["breadth"], **extra}
            rows.append(row)
            print(f"  {name}: build {build:.1f} s, tune {tune:.1f} s, p50 {row['p50_ms']:.3f} ms, "
                  f"p99 {row['p99_ms']:.3f} ms, recall@10 {recall:.3f} "
                  f"(build-time {tuned['recall_at_10']:.3f}, breadth {tuned['breadth']})",
                  flush=True)
        del index, variants
        if tmp is not None:
            tmp.unlink(missing_ok=True)
            tmp.parent.rmdir()
        gc.collect()
    for row in rows:
        row["p50_ratio"] = row["p50_ms"] / ref["p50"]
        row["p99_ratio"] = row["p99_ms"] / ref["p99"]
    return rows


def render(rows: list[dict], meta: dict) -> str:
    """The markdown section."""
    lines = [
        SECTION,
        "",
        "`python -m bench.neighbours` (`--quick`: 10k and 100k only). Synthetic clustered "
        f"{DIM}-d vectors (`artexplore.search.index.make_clustered_vectors`: a cluster per 1,000 "
        "vectors, each varying in a 16-d subspace around a unit centre, plus isotropic "
        "noise; L2-normalised). Each index is built by the library's own builders with the "
        "default `IndexConfig` (IVF: `2·√n` lists trained by 10 k-means iterations on 40 "
        "vectors per list; HNSW: M = 32, efConstruction = 40); the search breadth (`nprobe`, "
        "`efSearch`) is the one tuned at build time to reach recall@10 ≥ 0.95 (+0.015 margin) "
        f"on the indexed works. Queries: {meta['n_queries']} fresh vectors of the same "
        "distribution, one at a time (k = 10), for latency; one batch against the exact "
        "index for recall@10. Latency ratio = this index's latency / the exact index's "
        "latency at the same size in the same run (lower is faster).",
        "",
        f"Machine: {meta['machine']}; the machine is shared, so "
        "absolute milliseconds vary between runs — compare the ratios. Queries run with "
        f"{meta['threads']} OpenMP thread(s) (builds use every core): on this loaded 2-core "
        "machine, two OpenMP threads made one exact 10k query ~15× slower than one thread "
        "(spinning threads competing with other processes), which would hide the indexes' "
        "own costs.",
        "",
        "| vectors | index | build (s) | p50 (ms) | p99 (ms) | p50 ratio | p99 ratio "
        "| recall@10 | breadth |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        breadth = "—" if r["breadth"] is None else (
            f"nprobe {r['breadth']} / {r['nlist']}" if "nlist" in r else f"efSearch {r['breadth']}")
        lines.append(
            f"| {r['n']:,} | {r['method']} | {r['build_s']:.1f} | {r['p50_ms']:.3f} | "
            f"{r['p99_ms']:.3f} | {r['p50_ratio']:.3f} | {r['p99_ratio']:.3f} | "
            f"{r['recall_at_10']:.3f} | {breadth} |")
    lines += [
        "",
        "Exact latencies use " + ", ".join(
            f"{r['latency_queries']} queries at {r['n']:,}" for r in rows
            if r["method"].startswith("flat")) + " (a full scan per query); approximate ones "
        f"use all {meta['n_queries']}. Build times exclude the recall tuning, which adds "
        "the exact search of 400 sampled works. `auto` keeps the exact index up to "
        f"{IndexConfig().exact_max:,} works (`IndexConfig.exact_max`) and builds IVF-Flat above.",
        "",
    ]
    lines += _notes(rows)
    return "\n".join(lines)


def _notes(rows: list[dict]) -> list[str]:
    """What the figures say, computed from them."""
    by = {(r["n"], r["method"]): r for r in rows}
    notes, pairs = [], []
    for n in sorted({r["n"] for r in rows}):
        ivf, hnsw = by.get((n, "IVF-Flat")), by.get((n, "HNSW-Flat"))
        if ivf and hnsw:
            pairs.append(
                f"at {n:,} vectors it built {hnsw['build_s'] / ivf['build_s']:.1f}× faster "
                f"(recall@10 {ivf['recall_at_10']:.3f} against {hnsw['recall_at_10']:.3f}, "
                f"p50 ratio {ivf['p50_ratio']:.3f} against {hnsw['p50_ratio']:.3f})")
    if pairs:
        notes.append("- IVF-Flat against HNSW: " + "; ".join(pairs) + ". IVF-Flat is the "
                     "default approximate index: cheaper to build on few cores, deterministic "
                     "for a seed, and its lists map from disk.")
    largest = max(r["n"] for r in rows)
    ivf = by.get((largest, "IVF-Flat"))
    if ivf:
        notes.append(
            f"- At {largest:,} vectors a query takes {ivf['p50_ratio']:.4f}× the exact scan's time "
            f"at the median ({1 / ivf['p50_ratio']:.0f}× faster) with recall@10 "
            f"{ivf['recall_at_10']:.3f}.")
    notes += [
        "- The synthetic clusters are well separated, so a few lists reach the recall target; "
        "real embeddings overlap more and the tuned `nprobe` grows accordingly (it is tuned on "
        "each collection at build time, and the recall reached is stored with the index and "
        "shown on the Neighbours page).",
        "- p99 latencies on this shared 2-core machine (load average about 10 during the run) "
        "are dominated by the scheduler (time slices of several ms), not by the index; the "
        "p50 ratios are the stable figures. Memory-mapped indexes pay page-cache lookups "
        "(IVF lists are read through FAISS's on-disk lists) and start without reading the "
        "file: the app's cached index costs no load time or private memory.",
        "",
    ]
    return notes


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10k and 100k only.")
    parser.add_argument("--sizes", default=None, help="Comma-separated sizes (overrides).")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--hnsw-max", type=int, default=100_000,
                        help="Also benchmark HNSW up to this size (its build is the slowest).")
    parser.add_argument("--no-mmap", action="store_true", help="Skip the memory-mapped runs.")
    parser.add_argument("--threads", type=int, default=1,
                        help="OpenMP threads per query (builds use all cores).")
    parser.add_argument("--no-write", action="store_true", help="Do not update the docs.")
    parser.add_argument("--render", action="store_true",
                        help="Only rewrite the docs section from bench/results/neighbours.json.")
    args = parser.parse_args(argv)
    if args.render:
        saved = json.loads((RESULTS / "neighbours.json").read_text())
        update_section("neighbours", render(saved["rows"], saved["meta"]))
        return
    sizes = ([int(s) for s in args.sizes.split(",")] if args.sizes else
             [10_000, 100_000] if args.quick else [10_000, 100_000, 1_000_000])
    config = IndexConfig()
    rows = []
    for n in sizes:
        methods = ["ivf"] + (["hnsw"] if n <= args.hnsw_max else [])
        rows += run_size(n, methods, n_queries=args.queries,
                         n_exact_latency=args.queries if n <= 100_000 else 50,
                         config=config, mmap=not args.no_mmap, threads=args.threads)
    meta = {"machine": f"{machine()}, faiss {__import__('faiss').__version__}",
            "n_queries": args.queries, "sizes": sizes, "threads": args.threads}
    save_json("neighbours", {"meta": meta, "rows": rows})
    text = render(rows, meta)
    print(text)
    if not args.no_write:
        update_section("neighbours", text)


if __name__ == "__main__":
    main()

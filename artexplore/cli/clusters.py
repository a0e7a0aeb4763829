"""Commands for the map and the clusters: map, cluster, evaluate, runs."""

from __future__ import annotations

import logging
from pathlib import Path

import typer

from ..cluster import available_methods, list_runs
from ..features.sets import choose
from ..jobs import run_inline
from ..reduce import METRICS, MapConfig
from .common import WorkspaceOption, command, open_workspace, print_json, progress_bar

log = logging.getLogger("artexplore.cli")
_MAP = MapConfig()  # the map's defaults, from their one home


@command("map")
def map_command(
    workspace: Path = WorkspaceOption,
    features: str = typer.Option(..., "--features", "-f", help="The feature set to map."),
    n_neighbors: int = typer.Option(_MAP.n_neighbors, help="UMAP neighbourhood size."),
    min_dist: float = typer.Option(_MAP.min_dist, help="UMAP minimum distance (0 to 1)."),
    metric: str = typer.Option(_MAP.metric, help=f"{', '.join(METRICS)}."),
    n_components: int = typer.Option(_MAP.n_components,
                                     help="2 for the picture, ~10 for clustering."),
    pca: int = typer.Option(_MAP.pca_components or 0,
                            help="PCA dimensions before UMAP (0: none)."),
    seed: int = typer.Option(_MAP.random_state, help="Random seed."),
    fit_limit: int = typer.Option(_MAP.fit_limit or 0, help="Fit UMAP on a random sample of "
                                  "at most this many works and place the others on it "
                                  "(0: fit on every work)."),
    refit: bool = typer.Option(False, help="Recompute even if the map is stored."),
) -> None:
    """Compute the UMAP map of a feature set (stored; works added later are placed on it)."""
    ws = open_workspace(workspace)
    choose(ws, features, fallback=False)  # fail early, with the stored names
    params = {"features": features, "n_neighbors": n_neighbors, "min_dist": min_dist,
              "metric": metric, "n_components": n_components, "pca_components": pca or None,
              "seed": seed, "fit_limit": fit_limit or None, "refit": refit, "label": features}
    with progress_bar("map") as bar:
        record = run_inline(ws, "map", params, on_progress=bar)
    result = record.result or {}
    how = "reused the stored map" if result.get("cached") else "computed the map"
    typer.echo(f"{how} of {features}: {result.get('n_works')} works, "
               f"{result.get('n_components')}-D"
               + (f", {result['n_transformed']} new works placed with transform"
                  if result.get("n_transformed") else ""))
    for note in result.get("notes", []):
        typer.echo(f"note: {note}")
    print_json(result)


@command("cluster")
def cluster_command(
    workspace: Path = WorkspaceOption,
    features: str = typer.Option(..., "--features", "-f", help="The feature set to cluster."),
    method: str = typer.Option(..., "--method", "-m",
                               help="kmeans, gmm, bgmm, hdbscan, agglomerative, dec or dcec."),
    k: int | None = typer.Option(None, "--k", help="Number of clusters; chosen by a sweep when "
                                 "omitted (bgmm: upper bound; hdbscan: ignored)."),
    seed: int = typer.Option(0, "--seed", help="Random seed."),
    space: str | None = typer.Option(None, help="features (PCA of the features) or umap (the "
                                     "~10-D UMAP embedding); by default umap for hdbscan and "
                                     "bgmm, features otherwise."),
    pca: int = typer.Option(50, help="PCA dimensions of the feature space (0: none)."),
    criterion: str | None = typer.Option(None, help="K sweep criterion: silhouette or bic."),
    k_max: int | None = typer.Option(None, help="Largest K of the sweep."),
    min_cluster_size: int | None = typer.Option(None, help="HDBSCAN smallest cluster."),
    pretrain_iter: int | None = typer.Option(None, help="DEC/DCEC autoencoder steps."),
    max_iter: int | None = typer.Option(None, help="DEC/DCEC self-training steps."),
    image_size: int = typer.Option(64, help="DCEC image side (multiple of 8)."),
    new: bool = typer.Option(False, help="Make a new run even if an identical one is stored."),
) -> None:
    """Cluster the works of a feature set; the last line is JSON with `run` and `n_clusters`."""
    from ..errors import unknown_name

    if method not in available_methods():
        raise unknown_name("clustering method", method, available_methods())
    ws = open_workspace(workspace)
    choose(ws, features, fallback=False)
    options = {}
    if min_cluster_size is not None:
        options["min_cluster_size"] = min_cluster_size
    if pretrain_iter is not None:
        options["pretrain_iter"] = pretrain_iter
    if max_iter is not None:
        options["max_iter"] = max_iter
    params = {"features": features, "method": method, "k": k, "seed": seed, "space": space,
              "pca_components": pca or None, "criterion": criterion, "k_max": k_max,
              "image_size": image_size, "options": options, "label": f"{method} {features}",
              "reuse": not new}
    with progress_bar(f"cluster {method}") as bar:
        record = run_inline(ws, "cluster", params, on_progress=bar)
    result = record.result or {}
    if result.get("k_chosen_by"):
        message = f"{method}: {result['k_chosen_by']}"
        log.warning(message)
        typer.echo(message)
    typer.echo(f"run {result.get('run')}: {result.get('n_clusters')} clusters of "
               f"{result.get('n_works')} works"
               + (f", {result['n_noise']} noise" if result.get("n_noise") else "")
               + (" (stored run reused)" if result.get("cached") else ""))
    for note in result.get("notes", []):
        typer.echo(f"note: {note}")
    print_json(result)


@command("evaluate")
def evaluate_command(
    workspace: Path = WorkspaceOption,
    run: str = typer.Option(..., "--run", "-r", help="A cluster run id."),
    label: str = typer.Option(..., "--label", "-l", help="A metadata column, e.g. style."),
) -> None:
    """Score a cluster run against a metadata column (last line JSON: nmi, ari, accuracy…)."""
    from ..cluster import evaluate_run

    ws = open_workspace(workspace)
    result = evaluate_run(ws, run, label)
    typer.echo(f"{run} against {label}: {result['n_labelled']} of {result['n_works']} works "
               f"have a value ({result['n_classes']} classes, {result['n_clusters']} clusters)")
    print_json(result)


@command("runs")
def runs_command(
    workspace: Path = WorkspaceOption,
    features: str | None = typer.Option(None, "--features", "-f", help="Only this feature set."),
    kind: str = typer.Option("cluster", "--kind",
                             help="cluster (the default), map, index, fusion, probe, finetune, "
                                  "deeppainter, local-model, or all."),
) -> None:
    """List stored runs, newest first (one JSON line); cluster runs by default.

    With ``--kind`` other than cluster, each row is ``id``, ``kind``, ``name``,
    ``created_at`` and ``status`` (``current``, or what changed since the run was made).
    """
    from .. import runs as run_store

    ws = open_workspace(workspace)
    if kind != "cluster":
        rows = []
        for run in run_store.list_runs(ws, None if kind == "all" else kind, name=features):
            status = run_store.status(ws, run)
            rows.append({"id": run.id, "kind": run.kind, "name": run.name,
                         "created_at": run.created_at,
                         "status": "current" if status.current else status.describe()})
        print_json(rows)
        return
    print_json([{"run": r.id, "features": r.features, "method": r.method,
                 "n_clusters": r.n_clusters, "n_works": r.n_works, "space": r.space,
                 "created_at": r.created_at, "k_selection": (r.k_selection or {}).get(
                     "description"), "silhouette": r.metrics.get("silhouette")}
                for r in list_runs(ws, features=features)])

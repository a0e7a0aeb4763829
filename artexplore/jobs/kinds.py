"""The standard job kinds: one thin function per pipeline stage.

Each function turns the job's JSON parameters into a call of the library
function of its stage, passing the job context as the progress callback, and
returns a JSON-serialisable summary. Stages are incremental, so a resumed job
only does what is left.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..store.workspace import Workspace
from .core import JobContext, register_job


@register_job("ingest")
def ingest_job(ws: Workspace, params: dict[str, Any], ctx: JobContext) -> dict[str, Any]:
    """Ingest a folder: ``{"folder", "metadata"?, "mapping"?, "config"?, "relocate"?}``."""
    from ..config import IngestConfig
    from ..ingest.folder import ingest

    report = ingest(
        ws, Path(params["folder"]),
        metadata=Path(params["metadata"]) if params.get("metadata") else None,
        mapping=params.get("mapping") or None,
        config=IngestConfig(**(params.get("config") or {})),
        relocate=bool(params.get("relocate", False)),
        progress=ctx,
    )
    return report.to_dict()


@register_job("ingest-iiif")
def ingest_iiif_job(ws: Workspace, params: dict[str, Any], ctx: JobContext) -> dict[str, Any]:
    """Ingest IIIF manifests or collections: ``{"sources", "size"?, "canvas"?, "limit"?,
    "workers"?, "client"?: ClientConfig fields, "config"?: IngestConfig fields, "mapping"?}``."""
    from ..config import IngestConfig
    from ..ingest.iiif import ClientConfig, IIIFOptions, ingest_iiif

    options = IIIFOptions(size=int(params.get("size", 1024)), canvas=int(params.get("canvas", 0)),
                          limit=params.get("limit"), workers=int(params.get("workers", 4)))
    return ingest_iiif(ws, params["sources"], options=options,
                       client_config=ClientConfig(**(params.get("client") or {})),
                       config=IngestConfig(**(params.get("config") or {})),
                       mapping=params.get("mapping") or None, progress=ctx)


@register_job("embed")
def embed_job(ws: Workspace, params: dict[str, Any], ctx: JobContext) -> dict[str, Any]:
    """Compute a feature set: ``{"extractor"?, "options"?, "batch_size"?, "num_workers"?,
    "refit"?}`` (``refit``: fit a fused set anew instead of placing new works on its fit).

    Without ``extractor`` (or with a fused set's name) every source of the
    ``default`` (or named) fused set is computed. A job launched on the ``ray``
    backend computes on the Ray cluster (:class:`~artexplore.features.distributed.RayRunner`).
    """
    from ..features import embed
    from .backends import ray_options
    from .core import get_job

    runner = None
    if get_job(ws, ctx.job_id).backend == "ray":
        from ..features.distributed import RayOptions, RayRunner

        runner = RayRunner(ctx.job_id, ray_options(ws, ctx.job_id) or RayOptions())
    return embed(ws, params.get("extractor") or None,
                 batch_size=int(params.get("batch_size", 32)),
                 options=params.get("options") or {},
                 num_workers=params.get("num_workers"), progress=ctx, runner=runner,
                 refit=bool(params.get("refit", False)))


@register_job("index")
def index_job(ws: Workspace, params: dict[str, Any], ctx: JobContext) -> dict[str, Any]:
    """Build or update the neighbour index: ``{"features"?, "config"?, "rebuild"?}``.

    Without ``features`` (or when the named set is not stored and ``fallback`` is true,
    the default) the best stored set is indexed and the result says so in ``note``.
    """
    from ..features.sets import choose
    from ..search.index import IndexConfig, build_index

    name, note = choose(ws, params.get("features") or "default",
                        fallback=bool(params.get("fallback", True)))
    config = IndexConfig(**params["config"]) if params.get("config") else None
    result = build_index(ws, name, config=config, rebuild=bool(params.get("rebuild", False)),
                         progress=ctx)
    return {"note": note, **result} if note else result
# -- labels (issue 8) --------------------------------------------------------------------------
@register_job("probe")
def probe_job(ws: Workspace, params: dict[str, Any], ctx: JobContext) -> dict[str, Any]:
    """Probe a label column: ``{"column", "features"?, "classifier"?, "n_folds"?, "C"?, "suggest"?}``.

    Without ``features`` the preferred stored set is used (``default`` first);
    with none stored, the job ends with ``skipped``.
    """
    from ..features.sets import ranked
    from ..labels.probe import ProbeConfig, run_probe, summary

    features = params.get("features") or next(iter(ranked(ws)), None)
    if features is None:
        return {"skipped": "no feature set stored yet"}
    fields = ProbeConfig.__dataclass_fields__
    config = ProbeConfig(**{k: v for k, v in params.items() if k in fields})
    result = run_probe(ws, features, params["column"], config,
                       suggest=bool(params.get("suggest", True)), progress=ctx)
    return summary(result)


@register_job("finetune-classifier")
def finetune_classifier_job(ws: Workspace, params: dict[str, Any], ctx: JobContext) -> dict[str, Any]:
    """Fine-tune a backbone on a label column: ``{"column", "model", "mode"?, "weights"?,
    "epochs"?, "out"?, …}`` (any field of :class:`~artexplore.labels.finetune.FinetuneConfig`)."""
    from ..labels.finetune import FinetuneConfig, finetune_classifier

    fields = FinetuneConfig.__dataclass_fields__
    options = {k: (tuple(v) if isinstance(v, list) else v) for k, v in params.items()
               if k in fields}
    result = finetune_classifier(ws, params["column"], FinetuneConfig(**options),
                                 out=Path(params["out"]) if params.get("out") else None,
                                 progress=ctx)
    return result


@register_job("deeppainter")
def deeppainter_job(ws: Workspace, params: dict[str, Any], ctx: JobContext) -> dict[str, Any]:
    """DeepPainter on a label column: ``{"column", "n_folds"?, "epochs"?, "ae_epochs"?,
    "image_size"?, "batch_size"?, "device"?, "random_state"?, "out"?}``."""
    from ..labels.deeppainter import run_deeppainter

    keys = ("epochs", "ae_epochs", "image_size", "batch_size", "lr", "hidden", "dropout",
            "device", "random_state")
    result = run_deeppainter(ws, params["column"], n_folds=int(params.get("n_folds", 10)),
                             params={k: params[k] for k in keys if k in params},
                             out=Path(params["out"]) if params.get("out") else None, progress=ctx)
    return result
@register_job("patches")
def patches_job(ws: Workspace, params: dict[str, Any], ctx: JobContext) -> dict[str, Any]:
    """Pick and store patches: ``{"config"?: PatchConfig fields, "batch_size"?, "workers"?}``.

    A job launched on the ``ray`` backend computes on the Ray cluster
    (:class:`~artexplore.features.distributed.RayPatchRunner`).
    """
    from ..local import compute_patches
    from ..local.patches import PatchConfig
    from .backends import ray_options
    from .core import get_job

    runner = None
    if get_job(ws, ctx.job_id).backend == "ray":
        from ..features.distributed import RayOptions, RayPatchRunner

        runner = RayPatchRunner(ctx.job_id, ray_options(ws, ctx.job_id) or RayOptions())
    return compute_patches(ws, PatchConfig.from_dict(params.get("config") or {}),
                           batch_size=int(params.get("batch_size", 16)),
                           workers=int(params.get("workers", 2)), progress=ctx, runner=runner)


@register_job("train-local")
def train_local_job(ws: Workspace, params: dict[str, Any], ctx: JobContext) -> dict[str, Any]:
    """Train the InfoVAE: keyword arguments of :func:`artexplore.local.training.train_local`."""
    from ..local.training import train_local

    names = ("epochs", "seed", "max_per_work", "batch_size", "lr", "weight_decay", "latent_dim",
             "alpha", "lambda_mmd", "kernel", "channels", "device", "n_threads", "force",
             "workers")
    params = {"lambda_mmd": params["lambda_"], **params} if "lambda_" in params else params
    return train_local(ws, **{k: params[k] for k in names if k in params}, progress=ctx)
@register_job("map")
def map_job(ws: Workspace, params: dict[str, Any], ctx: JobContext) -> dict[str, Any]:
    """Compute the map of a feature set: ``{"features", "n_neighbors"?, "min_dist"?,
    "metric"?, "n_components"?, "pca_components"?, "seed"?, "refit"?, "fallback"?}``.

    With ``fallback`` true, a missing feature set is replaced by the best stored
    one, and the result says so (``requested``, ``notes``).
    """
    from ..features.sets import choose
    from ..reduce import MapConfig, compute_map

    features, note = choose(ws, params.get("features", "default"),
                            fallback=bool(params.get("fallback", False)))
    default = MapConfig()
    config = MapConfig(
        n_components=int(params.get("n_components", default.n_components)),
        n_neighbors=int(params.get("n_neighbors", default.n_neighbors)),
        min_dist=float(params.get("min_dist", default.min_dist)),
        metric=str(params.get("metric", default.metric)),
        pca_components=params.get("pca_components", default.pca_components),
        random_state=int(params.get("seed", default.random_state)),
        fit_limit=params.get("fit_limit", default.fit_limit))
    result = compute_map(ws, features, config, refit=bool(params.get("refit", False)),
                         progress=ctx)
    summary = result.summary()
    if note:  # first, so that one-line summaries (the demo's) show it
        summary = {"note": note, "requested": params.get("features"), **summary,
                   "notes": [note, *summary["notes"]]}
    return summary


@register_job("cluster")
def cluster_job(ws: Workspace, params: dict[str, Any], ctx: JobContext) -> dict[str, Any]:
    """Cluster a feature set: ``{"features", "method", "k"?, "seed"?, "space"?,
    "pca_components"?, "criterion"?, "k_min"?, "k_max"?, "image_size"?, "options"?,
    "fallback"?}``; returns the run's summary (``run``, ``n_clusters``…)."""
    from ..cluster import run_clustering
    from ..cluster.clusterings import DEFAULT_SPACE
    from ..features.sets import choose

    features, note = choose(ws, params.get("features", "default"),
                            fallback=bool(params.get("fallback", False)))
    if (params.get("space") or DEFAULT_SPACE.get(params["method"], "features")) == "umap":
        _ensure_umap_space(ws, features, int(params.get("seed", 0)), ctx)
    k = params.get("k")
    run = run_clustering(
        ws, features, params["method"], n_clusters=None if k in (None, "", 0) else int(k),
        random_state=int(params.get("seed", 0)), space=params.get("space") or None,
        pca_components=params.get("pca_components", 50), criterion=params.get("criterion"),
        k_min=params.get("k_min"), k_max=params.get("k_max"),
        image_size=int(params.get("image_size", 64)), options=params.get("options") or {},
        reuse=bool(params.get("reuse", True)), notes=[note] if note else None, progress=ctx)
    summary = run.summary()
    if note:
        summary = {"note": note, "requested": params.get("features"), **summary}
    return summary


def _ensure_umap_space(ws: Workspace, features: str, seed: int, ctx: JobContext) -> None:
    """Run the ~10-D map that clustering in the UMAP space reads, as a job of its own,
    when it is not stored or does not place every work yet."""
    import dataclasses

    from ..cluster.clusterings import umap_space_config
    from ..features.sets import row_ids
    from ..reduce import stored_map
    from .core import run_inline

    config = umap_space_config(seed)
    stored = stored_map(ws, features, config)
    if stored is not None and row_ids(ws, features) <= set(stored.ids.tolist()):
        return
    values = dataclasses.asdict(config)
    values["seed"] = values.pop("random_state")
    run_inline(ws, "map", {"features": features, **values,
                           "label": f"{features} ({config.n_components}-D, for clustering)"},
               on_progress=ctx)


@register_job("finetune")
def finetune_job(ws: Workspace, params: dict[str, Any], ctx: JobContext) -> dict[str, Any]:
    """SimCLR fine-tuning: ``{"extractor", "weights"?, "epochs"?, "batch_size"?, "lr"?,
    "device"?, "num_workers"?, "seed"?, "out"?}``."""
    from ..features.simclr import finetune

    return finetune(ws, params["extractor"], weights=params.get("weights"),
                    epochs=int(params.get("epochs", 10)),
                    out=Path(params["out"]) if params.get("out") else None,
                    batch_size=int(params.get("batch_size", 64)),
                    lr=float(params.get("lr", 3e-4)), device=params.get("device", "auto"),
                    num_workers=int(params.get("num_workers") or 0),
                    random_state=int(params.get("seed", 0)), progress=ctx)


@register_job("learn")
def learn_job(ws: Workspace, params: dict[str, Any], ctx: JobContext) -> dict[str, Any]:
    """Learn a feature set from the curator: ``{"features"?, "column"?, "from_run"?, "name"?,
    "options"?: GraphMetric arguments}`` (``column``: the label column; ``label`` is the
    job's title); returns ``name``, ``n_labelled``, ``run``…"""
    from ..features.learn import learn_features

    return learn_features(ws, params.get("features") or "default", label=params.get("column"),
                          from_run=params.get("from_run"), name=params.get("name"),
                          params=params.get("options") or {}, progress=ctx).to_dict()


@register_job("exhibition-grow")
def exhibition_grow_job(ws: Workspace, params: dict[str, Any], ctx: JobContext) -> dict[str, Any]:
    """Grow an exhibition by the nearest neighbours of its works: ``{"id", "features", "n",
    "method"?, "section"?}``; the neighbour index is brought up to date first, as a job of
    its own (what may take long at scale, which is why this is a job and not a click)."""
    from ..exhibit import grow, load_exhibition, save_exhibition
    from .core import bring_up_to_date

    features = params["features"]
    bring_up_to_date(ws, "index", {"features": features, "fallback": False, "label": features},
                     on_progress=ctx)
    ex = load_exhibition(ws, params["id"])
    found = grow(ws, ex, features, int(params.get("n", 5)),
                 method=params.get("method", "nearest"), section=params.get("section"))
    save_exhibition(ws, ex)
    return {"exhibition": ex.id, "added": len(found),
            "works": [c.work_path for c in found]}

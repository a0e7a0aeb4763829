"""The declared stage graph: stage → inputs → job kind, and what is missing or stale.

This module is the one place that knows the order of the stages::

    ingest ─┬─ patches ── local-model ── (infovae features)
            └─ features ─┬─ map ── clusters (in UMAP space)
                         ├─ clusters
                         ├─ index ── neighbours, exhibitions "more like these"
                         └─ probe

Each :class:`Stage` names the stages it reads, the job kind that computes it
(:mod:`artexplore.jobs`) and the command that does it from a terminal.
:func:`state` says whether one stage is missing, stale, partial or current for
a feature set; :func:`missing` walks the graph upstream of a target and returns
what must run first, in order: the pages' banners come from it
(``ui.features.stage_banner``), and :func:`artexplore.jobs.bring_up_to_date` asks
it before a command needs a stage (the index before a neighbours query), running
that stage as a job of its own (recorded, resumable) instead of computing it
silently inside another one. :data:`STAGES` is the order a scheduler reads.

The library modules of the stages never import this module; it imports them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .store.workspace import Workspace

MISSING, STALE, PARTIAL, CURRENT = "missing", "stale", "partial", "current"


@dataclass(frozen=True)
class Stage:
    """One stage of the pipeline.

    Attributes
    ----------
    name : str
    job_kind : str
        The job kind that computes it.
    inputs : tuple of str
        The stages it reads.
    command : str
        How to run it from a terminal (``WS``, ``NAME`` stand for the workspace
        and the feature set).
    what : str
        What it makes, in words.
    """

    name: str
    job_kind: str
    inputs: tuple[str, ...]
    command: str
    what: str


STAGES: dict[str, Stage] = {s.name: s for s in (
    Stage("ingest", "ingest", (), "artexplore ingest FOLDER --workspace WS",
          "the collection's catalogue and thumbnails"),
    Stage("patches", "patches", ("ingest",), "artexplore patches --workspace WS",
          "the local detail patches of every work"),
    Stage("local-model", "train-local", ("patches",), "artexplore train-local --workspace WS",
          "the local model (InfoVAE) learned on the patches"),
    Stage("features", "embed", ("ingest",), "artexplore embed --workspace WS --extractor NAME",
          "a feature set"),
    Stage("map", "map", ("features",), "artexplore map --workspace WS --features NAME",
          "the map of a feature set"),
    Stage("clusters", "cluster", ("features",),
          "artexplore cluster --workspace WS --features NAME --method kmeans",
          "a clustering of a feature set"),
    Stage("index", "index", ("features",), "artexplore index --workspace WS --features NAME",
          "the neighbour index of a feature set"),
    Stage("probe", "probe", ("features",),
          "artexplore probe --workspace WS --features NAME --label COLUMN",
          "a label probe"),
)}

# What each page and command reads, upstream stages included by :func:`missing`.
TARGETS: dict[str, tuple[str, ...]] = {
    "collection": ("ingest",),
    "map": ("map",),
    "clusters": ("features",),
    "neighbours": ("features",),
    "exhibitions": ("ingest",),
    "patches": ("patches",),
    "labels": ("features",),
    "features": ("ingest",),
}


@dataclass(frozen=True)
class StageState:
    """Where a stage stands for a workspace (and a feature set).

    Attributes
    ----------
    stage : str
    status : {"missing", "stale", "partial", "current"}
        ``partial``: usable, but some works are not covered yet; ``stale``: made
        from inputs that changed since.
    detail : str
        A sentence for a person.
    command : str
        The command that brings it up to date.
    """

    stage: str
    status: str
    detail: str
    command: str

    @property
    def usable(self) -> bool:
        """Whether what is stored can be shown (current, partial or stale)."""
        return self.status != MISSING

    def message(self) -> str:
        """``detail``, then what to run."""
        return f"{self.detail}: run `{self.command}`"


def _command(stage: str, features: str | None) -> str:
    text = STAGES[stage].command
    if features is not None:
        text = text.replace("NAME", features)
    return text


def state(ws: Workspace, stage: str, *, features: str | None = None,
          n_components: int = 2) -> StageState:
    """Where one stage stands.

    Parameters
    ----------
    ws : Workspace
    stage : str
        A name of :data:`STAGES`.
    features : str, optional
        The feature set, for the stages made from one (the best usable one by default).
    n_components : int, default=2
        For ``map``: 2 for the picture, 10 for clustering.

    Returns
    -------
    StageState
    """
    if stage not in STAGES:
        from .errors import unknown_name

        raise unknown_name("stage", stage, STAGES)
    if stage in ("map", "clusters", "index", "probe", "features") and features is None:
        from .features.sets import ranked

        features = next(iter(ranked(ws)), "default")
    cmd = _command(stage, features)

    def made(status: str, detail: str) -> StageState:
        return StageState(stage, status, detail, cmd)

    n_works = ws.counts().get("ok", 0)
    if stage == "ingest":
        return made(CURRENT, f"{n_works} works") if n_works else \
            made(MISSING, "The collection has no works yet")
    if stage == "patches":
        from .local.stage import KIND, NAME

        fp = ws.arrays.current(KIND, NAME)
        if fp is None:
            return made(MISSING, "No local patches are computed yet")
        n = ws.arrays.count(KIND, NAME, fp)
        return made(PARTIAL, f"Patches of {n} of {n_works} works") if n < n_works else \
            made(CURRENT, f"Patches of all {n} works")
    if stage == "local-model":
        from .local.training import current_model_fingerprint

        return made(CURRENT, "The local model is trained") if current_model_fingerprint(ws) \
            else made(MISSING, "The local model (InfoVAE) is not trained yet")
    from .features.sets import names, row_ids

    usable = names(ws)
    if features not in usable:
        return made(MISSING, f"The feature set {features!r} is not computed yet" if usable
                    else "The collection has no features yet (maps, clusters, neighbours and "
                         "probes are made from them)")
    if stage == "features":
        from .features.learn import learned_status

        learned = learned_status(ws, features)
        if learned is not None:  # a learned set is brought up to date by learning again
            cmd = f"artexplore learn --workspace WS --name {features} …"
            if not learned.current:
                return made(STALE, f"The learned set {features!r} is out of date "
                                   f"({learned.describe()})")
        n = len(row_ids(ws, features))
        return made(PARTIAL, f"{features!r} covers {n} of {n_works} works") if n < n_works \
            else made(CURRENT, f"{features!r} covers all {n} works")
    if stage == "map":
        from .reduce import map_status

        st = map_status(ws, features, n_components)
        if not st["exists"]:
            return made(MISSING, f"No map of {features!r} yet")
        if st["features_changed"]:
            return made(STALE, f"The features of {features!r} changed since the map was made")
        if st["n_unplaced"]:
            return made(PARTIAL, f"{st['n_unplaced']} works of {features!r} are not on the "
                                 "map yet")
        return made(CURRENT, f"The map of {features!r} is up to date")
    if stage == "clusters":
        from .cluster import list_runs, run_status

        found = list_runs(ws, features=features)
        if not found:
            return made(MISSING, f"No clustering of {features!r} yet")
        status = run_status(ws, found[0].id)
        return made(CURRENT, f"Clustering {found[0].id} is up to date") if status.current else \
            made(STALE, f"Clustering {found[0].id} is out of date ({status.describe()})")
    if stage == "index":
        from .search.index import index_state

        status, detail = index_state(ws, features)
        return made(status, detail)
    from .labels.history import list_runs as label_runs

    found = label_runs(ws, "probe", feature_set=features, limit=1)
    return made(CURRENT, f"Probe {found[0]['id']}") if found else \
        made(MISSING, f"No label probe on {features!r} yet")


def upstream(stage: str) -> list[str]:
    """The stages a stage reads, transitively, in pipeline order, itself last."""
    order: list[str] = []

    def visit(name: str) -> None:
        for dep in STAGES[name].inputs:
            visit(dep)
        if name not in order:
            order.append(name)

    visit(stage)
    return order


def missing(ws: Workspace, target: str, **kwargs: Any) -> list[StageState]:
    """What must run before a page or a stage can show its result, in order.

    Parameters
    ----------
    ws : Workspace
    target : str
        A page (:data:`TARGETS`) or a stage (:data:`STAGES`).
    **kwargs
        ``features``, ``n_components`` (see :func:`state`).

    Returns
    -------
    list of StageState
        The missing or stale stages upstream of the target (itself included),
        the first one first; empty when everything is usable and current.
    """
    stages = TARGETS.get(target, (target,) if target in STAGES else None)
    if stages is None:
        from .errors import unknown_name

        raise unknown_name("page or stage", target, [*TARGETS, *STAGES])
    out: list[StageState] = []
    seen: set[str] = set()
    for top in stages:
        for name in upstream(top):
            if name in seen:
                continue
            seen.add(name)
            st = state(ws, name, **kwargs)
            if st.status in (MISSING, STALE):
                out.append(st)
                if st.status == MISSING:
                    return out  # later stages cannot be judged before this one exists
    return out

"""Clustering: the estimators, the choice of K, stored runs and cluster summaries.

Estimators (scikit-learn contract, ``random_state``, soft assignments in
``proba_``): :class:`KMeansClusterer`, :class:`GMMClusterer`,
:class:`BayesianGMMClusterer`, :class:`HDBSCANClusterer`, :class:`WardClusterer`,
:class:`KSweep`, :class:`DEC`, :class:`DCEC`, built by name with
:func:`create_clusterer`. Runs: :func:`run_clustering`, :func:`list_runs`,
:func:`load_run`, :func:`members`, :func:`evaluate_run`, :func:`compare_runs`.
Summaries: :func:`summarize_run`, :func:`representative_patches`.
"""

from __future__ import annotations

from .base import (
    CLUSTERERS,
    IMAGE_METHODS,
    NEEDS_K,
    SoftClusterer,
    available_methods,
    create_clusterer,
    register_clusterer,
)
from .classic import (
    BayesianGMMClusterer,
    GMMClusterer,
    HDBSCANClusterer,
    KMeansClusterer,
    KSelection,
    KSweep,
    WardClusterer,
    choose_k,
)
from .clusterings import (
    ClusterRun,
    RunInfo,
    clustering_space,
    compare_runs,
    delete_run,
    evaluate_run,
    export_run_csv,
    field_values,
    label_contingency,
    list_runs,
    load_run,
    members,
    run_clustering,
    run_info,
    run_status,
)
from .dcec import DCEC, thumbnail_images
from .dec import DEC
from .summary import (
    ClusterSummary,
    PatchExample,
    ValueCount,
    has_patches,
    representative_patches,
    summarize_run,
)

__all__ = [
    "CLUSTERERS",
    "DCEC",
    "DEC",
    "IMAGE_METHODS",
    "NEEDS_K",
    "BayesianGMMClusterer",
    "ClusterRun",
    "ClusterSummary",
    "GMMClusterer",
    "HDBSCANClusterer",
    "KMeansClusterer",
    "KSelection",
    "KSweep",
    "PatchExample",
    "RunInfo",
    "SoftClusterer",
    "ValueCount",
    "WardClusterer",
    "available_methods",
    "choose_k",
    "clustering_space",
    "compare_runs",
    "create_clusterer",
    "delete_run",
    "evaluate_run",
    "export_run_csv",
    "field_values",
    "has_patches",
    "label_contingency",
    "list_runs",
    "load_run",
    "members",
    "register_clusterer",
    "representative_patches",
    "run_clustering",
    "run_info",
    "run_status",
    "summarize_run",
    "thumbnail_images",
]

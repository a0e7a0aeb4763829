"""Labels: how well the images support a catalogue's labels, and suggestions where they are missing.

- :mod:`.probe` — logistic-regression / MLP probes on stored features, stratified k-fold CV.
- :mod:`.suggestions` — proposed labels for unlabelled works, accepted or rejected by a curator.
- :mod:`.finetune` — fine-tuning a timm backbone (fine-tune, frozen, scratch) on a label column.
- :mod:`.deeppainter` — autoencoder-pretrained classifier, k-fold CV.
- :mod:`.labelmap` — label centroids, distances, force-directed graph, chord diagram data.
- :mod:`.saliency` — where the model looks: activation maps and overlays.
- :mod:`.plots` — the plotly figures of all of the above.

Heavy dependencies (torch, timm, scikit-learn) are imported when used.
"""

from __future__ import annotations

from .data import LabelError, clean_label, filter_classes, label_columns, read_labels
from .deeppainter import DeepPainter, cross_validate_deeppainter, pad_to_square, run_deeppainter
from .finetune import FinetuneConfig, finetune_classifier, make_head, train_classifier
from .history import get_run, list_runs
from .labelmap import LabelMap, build_label_map, label_map, normalised_similarity
from .metrics import classification_metrics, top_k_accuracy
from .probe import ProbeConfig, available_classifiers, cross_validate, run_probe, runs_inline
from .saliency import activation_map, overlay, upsample_map, work_activation_map
from .suggestions import (
    accept,
    accept_many,
    list_suggestions,
    propose,
    provenance,
    reject,
    undo_accept,
)

__all__ = [
    "DeepPainter",
    "FinetuneConfig",
    "LabelError",
    "LabelMap",
    "ProbeConfig",
    "accept",
    "accept_many",
    "activation_map",
    "available_classifiers",
    "build_label_map",
    "classification_metrics",
    "clean_label",
    "cross_validate",
    "cross_validate_deeppainter",
    "filter_classes",
    "finetune_classifier",
    "get_run",
    "label_columns",
    "label_map",
    "list_runs",
    "list_suggestions",
    "make_head",
    "normalised_similarity",
    "overlay",
    "pad_to_square",
    "propose",
    "provenance",
    "read_labels",
    "reject",
    "run_deeppainter",
    "run_probe",
    "runs_inline",
    "top_k_accuracy",
    "train_classifier",
    "undo_accept",
    "upsample_map",
    "work_activation_map",
]

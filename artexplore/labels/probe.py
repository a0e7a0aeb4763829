"""Classifier probes: how well a stored feature set supports a label column.

A probe trains a simple classifier (logistic regression or a one-hidden-layer
MLP, on standardised features) to predict a metadata column from a feature
set, and measures it by stratified k-fold cross-validation: top-1 and top-3
accuracy, precision, recall and F1 per class and averaged, and a confusion
matrix. Classes with fewer works than folds are reported and left out. The
out-of-fold predictions also point at works whose label the features
disagree with, and a model fitted on every labelled work suggests labels for
the works whose label is empty (see :mod:`artexplore.labels.suggestions`).
"""

from __future__ import annotations

import logging
import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from ..config import fingerprint
from ..errors import ConfigError, unknown_name
from ..linalg import ROW_CHUNK
from ..progress import ProgressCallback, null_progress
from ..store.workspace import Workspace
from .cv import stratified_folds
from .data import (
    MIN_WORKS_PER_CLASS,
    LabelError,
    check_support,
    choose_binning,
    column_kind,
    filter_classes,
    parse_year,
    read_groups,
    read_labels,
)
from .history import new_run_id, save_run
from .metrics import classification_metrics
from .suggestions import Prediction, propose

log = logging.getLogger(__name__)

ClassifierFactory = Callable[["ProbeConfig"], Any]
CLASSIFIERS: dict[str, ClassifierFactory] = {}
# Above this many multiply-adds per fit (works × features × classes), the page runs a
# logistic-regression probe as a background job instead of inline.
INLINE_BUDGET = 2.5e7


def register_classifier(name: str) -> Callable[[ClassifierFactory], ClassifierFactory]:
    """Register a factory ``(ProbeConfig) -> scikit-learn classifier`` under a name.

    A probe gives the classifier float32 rows that are its own copy (a fold's rows,
    every labelled row): a pipeline whose first step is a scaler may scale them in place.
    """
    def decorate(factory: ClassifierFactory) -> ClassifierFactory:
        CLASSIFIERS[name] = factory
        return factory
    return decorate


@dataclass(frozen=True)
class ProbeConfig:
    """Parameters of a probe.

    Parameters
    ----------
    classifier : {"logreg", "mlp"}
        Logistic regression, or an MLP with one hidden layer.
    n_folds : int, default=10
        Folds of the stratified cross-validation; classes with fewer works
        are left out.
    C : float, default=0.1
        Inverse L2 regularisation of the logistic regression.
    hidden : int, default=256
        Hidden units of the MLP.
    alpha : float, default=1e-2
        L2 penalty of the MLP.
    max_iter : int, default=1000
        Iterations of the logistic-regression solver.
    epochs : int, default=200
        Iterations of the MLP's L-BFGS solver.
    class_weight : {None, "balanced"}
        Weigh classes inversely to their size (logistic regression).
    min_count : int, default=0
        Leave out classes with fewer works than this (at least ``n_folds``
        and :data:`~artexplore.labels.data.MIN_WORKS_PER_CLASS` works are
        always needed).
    random_state : int, default=0
        Seed of the fold shuffle and the MLP.
    """

    classifier: str = "logreg"
    n_folds: int = 10
    C: float = 0.1
    hidden: int = 256
    alpha: float = 1e-2
    max_iter: int = 1000
    epochs: int = 200
    class_weight: str | None = None
    min_count: int = 0
    random_state: int = 0

    def __post_init__(self) -> None:
        if self.classifier not in CLASSIFIERS:
            raise unknown_name("probe classifier", self.classifier, CLASSIFIERS)
        if self.n_folds < 2:
            raise ConfigError(f"n_folds must be >= 2, got {self.n_folds}")
        if self.C <= 0:
            raise ConfigError(f"C must be positive, got {self.C}")
        if min(self.hidden, self.max_iter, self.epochs) < 1:
            raise ConfigError(f"hidden, max_iter and epochs must be >= 1, got {self.hidden}, "
                              f"{self.max_iter}, {self.epochs}")
        if self.min_count < 0:
            raise ConfigError(f"min_count must be >= 0, got {self.min_count}")
        if self.class_weight not in (None, "balanced"):
            raise ConfigError(f"class_weight must be None or 'balanced', got {self.class_weight!r}")

    def fingerprint(self) -> str:
        """Hash of the parameters."""
        return fingerprint(self)

    @property
    def min_class_size(self) -> int:
        """Smallest number of works a class needs to be kept."""
        return max(self.n_folds, self.min_count, MIN_WORKS_PER_CLASS)

    def make_classifier(self) -> Any:
        """A fresh, unfitted scikit-learn classifier for this configuration."""
        return CLASSIFIERS[self.classifier](self)


def _chunked_scaler() -> Any:
    """A :class:`~sklearn.preprocessing.StandardScaler` that learns its statistics a chunk
    of rows at a time.

    ``StandardScaler.fit`` makes a float64 temporary of the whole matrix to compute the
    variance: twice the float32 rows it is given, 8 GB for a million works of
    ``default``. Fitted by chunks (``partial_fit``) the temporary is a chunk's; the
    statistics are the same (within float rounding).
    """
    from sklearn.preprocessing import StandardScaler

    class ChunkedStandardScaler(StandardScaler):
        def fit(self, X: Any, y: Any = None, sample_weight: Any = None) -> Any:
            if sample_weight is not None or len(X) <= ROW_CHUNK:
                return super().fit(X, y, sample_weight)
            super().fit(X[:ROW_CHUNK])
            for start in range(ROW_CHUNK, len(X), ROW_CHUNK):
                self.partial_fit(X[start:start + ROW_CHUNK])
            return self

    return ChunkedStandardScaler()


@register_classifier("logreg")
def _logreg(cfg: ProbeConfig) -> Any:
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    return make_pipeline(_chunked_scaler(), LogisticRegression(
        C=cfg.C, max_iter=cfg.max_iter, class_weight=cfg.class_weight))


@register_classifier("mlp")
def _mlp(cfg: ProbeConfig) -> Any:
    from sklearn.neural_network import MLPClassifier
    from sklearn.pipeline import make_pipeline

    # Full-batch L-BFGS: on collections of hundreds to a few thousand works it converges in
    # far less time than Adam's mini-batch epochs, and needs no learning rate.
    return make_pipeline(_chunked_scaler(), MLPClassifier(
        hidden_layer_sizes=(cfg.hidden,), alpha=cfg.alpha, solver="lbfgs", max_iter=cfg.epochs,
        random_state=cfg.random_state))


def available_classifiers() -> list[str]:
    """Names of the registered probe classifiers."""
    return sorted(CLASSIFIERS)


def gather_rows(parts: tuple[Any, ...], rows: np.ndarray) -> np.ndarray:
    """The given rows of row-aligned matrices set side by side, as a new float32 array.

    Copied a chunk of rows at a time, so the only array made is the result (what a
    probe's classifier is given, and may scale in place).
    """
    rows = np.asarray(rows, dtype=np.int64)
    out = np.empty((len(rows), sum(int(np.shape(p)[1]) for p in parts)), dtype=np.float32)
    col = 0
    for part in parts:
        width = int(np.shape(part)[1])
        for start in range(0, len(rows), ROW_CHUNK):
            chunk = rows[start:start + ROW_CHUNK]
            out[start:start + len(chunk), col:col + width] = part[chunk]
        col += width
    return out


def _in_place(clf: Any) -> Any:
    """Let a pipeline's first step (the scaler) overwrite the rows it is given.

    Only for rows the probe copied for this classifier alone.
    """
    steps = getattr(clf, "steps", None)
    if steps and "copy" in steps[0][1].get_params():
        steps[0][1].set_params(copy=False)
    return clf


def _fit(clf: Any, X: np.ndarray, y: np.ndarray) -> Any:
    from sklearn.exceptions import ConvergenceWarning

    with warnings.catch_warnings():
        # A probe that stops at max_iter is still a fair measure; the log says so once.
        warnings.simplefilter("ignore", ConvergenceWarning)
        return clf.fit(X, y)


def _proba(clf: Any, X: np.ndarray, n_classes: int) -> np.ndarray:
    """Probabilities over all classes (a fold's training part may lack none, but be safe)."""
    p = clf.predict_proba(X)
    out = np.zeros((len(X), n_classes))
    out[:, np.asarray(clf.classes_, dtype=np.int64)] = p
    return out


def cross_validate(X: np.ndarray, y: np.ndarray, config: ProbeConfig, *,
                   groups: np.ndarray | None = None,
                   progress: ProgressCallback = null_progress) -> dict[str, Any]:
    """Out-of-fold probabilities of a probe by stratified k-fold cross-validation.

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
    y : ndarray of shape (n_samples,), int
        Class indices; every class must have at least ``config.n_folds`` rows.
    config : ProbeConfig
    groups : ndarray of shape (n_samples,), optional
        Rows of one group never fall on both sides of a fold.
    progress : callable

    Returns
    -------
    dict
        ``proba`` (n_samples, n_classes) out-of-fold probabilities, ``folds``
        (list of (train_index, test_index)), ``fold_top1`` (accuracy per fold).
    """
    y = np.asarray(y, dtype=np.int64)
    n_classes = int(y.max()) + 1
    folds = stratified_folds(y, config.n_folds, groups=groups, random_state=config.random_state)
    proba = np.zeros((len(y), n_classes))
    fold_top1 = []
    for i, (train, test) in enumerate(folds):
        progress(i, len(folds), f"{config.classifier}: fold {i + 1} of {len(folds)}")
        if np.intersect1d(train, test).size:  # stratified_folds guarantees this; never trust silently
            raise RuntimeError("a row is in both the training and the test part of a fold")
        # The fold's rows are copied once and scaled in place.
        clf = _fit(_in_place(config.make_classifier()), gather_rows((X,), train), y[train])
        proba[test] = _proba(clf, gather_rows((X,), test), n_classes)
        fold_top1.append(float(np.mean(np.argmax(proba[test], axis=1) == y[test])))
    progress(len(folds), len(folds), f"{config.classifier}: cross-validation done")
    return {"proba": proba, "folds": folds, "fold_top1": fold_top1}


def fit_predict_unlabelled(X_train: np.ndarray, y_train: np.ndarray, X_new: np.ndarray,
                           config: ProbeConfig, *, overwrite: bool = False) -> np.ndarray:
    """Fit the probe on every labelled row and predict probabilities for new rows.

    Parameters
    ----------
    X_train, y_train, X_new : ndarray
    config : ProbeConfig
    overwrite : bool, default=False
        ``X_train`` and ``X_new`` may be scaled in place when they are C-ordered
        float32 (no copy of them is made; the caller no longer needs them).

    Returns
    -------
    ndarray of shape (n_new, n_classes)
    """
    n_classes = int(np.max(y_train)) + 1
    if len(X_new) == 0:
        return np.zeros((0, n_classes))

    def own(X: np.ndarray) -> np.ndarray:
        if overwrite and X.dtype == np.float32 and X.flags.c_contiguous:
            return X
        return gather_rows((X,), np.arange(len(X)))

    clf = _fit(_in_place(config.make_classifier()), own(X_train), y_train)
    return _proba(clf, own(X_new), n_classes)


def calibrated_confidence(proba: np.ndarray, y: np.ndarray, top: np.ndarray) -> np.ndarray:
    """The chance that a probe's top class is right, learned from held-out works.

    An isotonic (increasing) fit of "was the top class right" on the top
    probability of out-of-fold predictions groups held-out works into levels
    of raw probability; a new prediction's confidence is the share of held-out
    works of its level that were predicted right, with one right and one wrong
    added (Laplace), so that a few held-out works never give certainty.

    Parameters
    ----------
    proba : ndarray of shape (n_samples, n_classes)
        Out-of-fold probabilities.
    y : ndarray of shape (n_samples,)
        True class indices.
    top : ndarray of shape (n_new,)
        Top probabilities of new predictions (same model, fitted on all works).

    Returns
    -------
    ndarray of shape (n_new,)
        Calibrated confidences in (0, 1).
    """
    from sklearn.isotonic import IsotonicRegression

    if len(top) == 0:  # every work is labelled: nothing to suggest
        return np.zeros(0)
    held = proba.max(axis=1)
    right = (np.argmax(proba, axis=1) == y).astype(np.float64)
    iso = IsotonicRegression(y_min=0.0, y_max=1.0, increasing=True,
                             out_of_bounds="clip").fit(held, right)
    levels = iso.predict(held)
    out = np.empty(len(top))
    for i, level in enumerate(iso.predict(np.asarray(top, dtype=np.float64))):
        same = np.isclose(levels, level)
        out[i] = (right[same].sum() + 1.0) / (same.sum() + 2.0)
    return out


def _top(proba_row: np.ndarray, classes: list[str], k: int = 3) -> list[tuple[str, float]]:
    order = np.argsort(-proba_row, kind="stable")[:k]
    return [(classes[j], float(proba_row[j])) for j in order]


def default_feature_set(ws: Workspace) -> str | None:
    """The stored feature set a probe uses when none is named.

    The fused ``default`` set when it exists, then any learned set, then the
    colour baseline; None when no feature set is stored.
    """
    from ..features import feature_set_names

    names = feature_set_names(ws)
    for name in ("default", *[n for n in names if n not in ("default", "color")], "color"):
        if name in names:
            return name
    return None


SUMMARY_KEYS = ("run_id", "features", "column", "classifier", "n_folds", "n", "top1", "top3",
                "top1_std", "f1_macro", "precision_macro", "recall_macro", "f1_weighted",
                "balanced_accuracy", "classes", "excluded", "unlabelled", "suggestions",
                "per_class", "confusion", "column_kind", "binning", "min_class_size",
                "suggest_note")


def summary(result: dict[str, Any]) -> dict[str, Any]:
    """The JSON-sized part of a probe result (without the list of disagreements)."""
    return {k: result[k] for k in SUMMARY_KEYS if k in result}


def runs_inline(n_works: int, n_features: int, n_classes: int, config: ProbeConfig) -> bool:
    """Whether a probe is quick enough (about a second) to run inside a page render."""
    return config.classifier == "logreg" and n_works * n_features * n_classes <= INLINE_BUDGET


@dataclass
class ProbeRows:
    """The rows a probe of a feature set fits, taken by work (never all at once).

    ``parts`` are row-aligned matrices set side by side: a probe takes the rows of its
    labelled works, and those of its unlabelled works, each once, so no copy of every
    work's rows is ever made beside them.

    Attributes
    ----------
    ids : ndarray of str
        The works, aligned with every part.
    work_paths : list of str
    parts : tuple of ndarray
    inputs : str
        ``"rows"`` or ``"rows + rows before the diffusion"`` (for the record).
    """

    ids: np.ndarray
    work_paths: list[str]
    parts: tuple[Any, ...]
    inputs: str

    @property
    def n_features(self) -> int:
        """Width of the rows taken."""
        return sum(int(np.shape(p)[1]) for p in self.parts)

    def take(self, rows: np.ndarray) -> np.ndarray:
        """The given works' rows, the parts side by side, as a new float32 array."""
        return gather_rows(self.parts, rows)


def probe_rows(ws: Workspace, features: str) -> ProbeRows:
    """The rows a probe of a feature set fits, and how they were made (for the record).

    A fused set whose blocks end in a diffusion (``default``) gives its diffused rows
    with its rows before the diffusion beside them: the diffusion smooths each work
    towards its neighbourhood, which helps neighbours and clusters, and the rows
    before it keep what a classifier can still separate (top-1 +3.7 to +4.3 points on
    four style protocols, docs/BENCHMARKS.md). Any other set gives its own rows.
    """
    from ..features.learn import source_rows

    before, used = source_rows(ws, features)
    if before is used:
        return ProbeRows(used.ids, used.work_paths, (used.X,), "rows")
    return ProbeRows(used.ids, used.work_paths, (used.X, before.X),
                     "rows + rows before the diffusion")


def run_probe(ws: Workspace, features: str, column: str, config: ProbeConfig = ProbeConfig(), *,
              suggest: bool = True, progress: ProgressCallback = null_progress) -> dict[str, Any]:
    """Probe a label column with a stored feature set; store the run and the suggestions.

    Parameters
    ----------
    ws : Workspace
    features : str
        A stored feature set (any name: ``color``, ``default``, ``timm:…``).
    column : str
        The metadata column to predict.
    config : ProbeConfig
    suggest : bool, default=True
        Fit on every labelled work and propose labels for the works whose
        label is empty.
    progress : callable

    Returns
    -------
    dict
        The metrics of :func:`artexplore.labels.metrics.classification_metrics`
        plus ``run_id``, ``features``, ``column``, ``classifier``, ``n_folds``,
        ``fold_top1``, ``excluded`` (class → works), ``unlabelled``,
        ``suggestions`` (number proposed) and ``disagreements`` (labelled works
        whose out-of-fold prediction differs, most confident first).

    Raises
    ------
    ArtExploreError
        Unknown feature set, empty column, fewer than two classes with enough works.
    """
    source = probe_rows(ws, features)
    ids, work_paths, inputs, n_features = (source.ids, source.work_paths, source.inputs,
                                           source.n_features)
    y_all = read_labels(ws, ids.tolist(), column)
    labelled = Counter(v for v in y_all if v is not None)
    kind = column_kind(list(labelled.items()))
    binning = None
    if kind == "free-text":
        raise LabelError(
            f"Column {column!r} is free text ({len(labelled)} different values for "
            f"{sum(labelled.values())} works), not a label: probe a column whose values are "
            "shared by many works (style, artist, technique…)")
    if kind == "numeric":
        years = [parse_year(v) for v in y_all if v is not None]
        binning = choose_binning([y for y in years if y is not None], config.min_class_size,
                                 column=column)
        y_all = binning.apply(y_all)
        log.info("probe %s: numeric column binned into %s", column, binning.name)
    cf = filter_classes(y_all, config.min_class_size, column=column)
    check_support(cf, column=column)
    if cf.excluded:
        log.info("probe %s: left out classes with fewer than %d works: %s", column,
                 config.min_class_size, cf.excluded)
    index = {c: i for i, c in enumerate(cf.classes)}
    rows = np.flatnonzero(cf.mask)
    y = np.asarray([index[v] for v in y_all[rows]], dtype=np.int64)
    if suggest and binning is not None:
        # A period is not a date: writing "1880–1889" into a date field would lose the field's
        # meaning, so a binned column only gets its measure.
        suggest, suggest_note = False, (f"No suggestions: {column!r} holds years, probed as "
                                        f"{binning.name}, and a period is not a {column}.")
    else:
        suggest_note = None
    unl = np.flatnonzero(np.asarray([v is None for v in y_all])) if suggest else rows[:0]
    # Each row is taken once (float32, what the classifier is given); the sources go.
    X, X_new = source.take(rows), source.take(unl)
    del source
    groups = read_groups(ws, ids[rows].tolist())
    n_steps = config.n_folds + (1 if suggest else 0)
    cv = cross_validate(X, y, config, groups=groups,
                        progress=lambda d, t=None, m="": progress(d, n_steps, m))
    metrics = classification_metrics(y, cv["proba"], cf.classes)

    pred = np.argmax(cv["proba"], axis=1)
    wrong = np.flatnonzero(pred != y)
    wrong = wrong[np.argsort(-cv["proba"][wrong, pred[wrong]], kind="stable")]
    disagreements = [{"work_id": str(ids[rows[i]]), "work_path": work_paths[rows[i]],
                      "label": cf.classes[y[i]], "predicted": cf.classes[pred[i]],
                      "confidence": float(cv["proba"][i, pred[i]])} for i in wrong[:100]]

    predictions: list[Prediction] = []
    if suggest:
        progress(config.n_folds, n_steps, "fitting on every labelled work for suggestions")
        proba_new = fit_predict_unlabelled(X, y, X_new, config, overwrite=True)
        del X, X_new
        calibrated = calibrated_confidence(cv["proba"], y, proba_new.max(axis=1))
        for r, p, conf in zip(unl, proba_new, calibrated, strict=True):
            top = _top(p, cf.classes)
            predictions.append(Prediction(str(ids[r]), top[0][0], float(conf),
                                          tuple(top[1:])))
    params = {"features": features, "column": column, **asdict(config)}
    result = {
        **metrics, "features": features, "column": column, "classifier": config.classifier,
        "n_folds": config.n_folds, "fold_top1": cv["fold_top1"],
        "top1_std": float(np.std(cv["fold_top1"])), "excluded": cf.excluded,
        "unlabelled": cf.unlabelled, "n_features": n_features, "inputs": inputs,
        "disagreements": disagreements, "column_kind": kind,
        "binning": binning.name if binning else None, "min_class_size": config.min_class_size,
        "suggest_note": suggest_note,
    }
    run_id = new_run_id("probe")
    n_suggested = propose(ws, column, predictions, model=config.classifier, feature_set=features,
                          run_id=run_id) if suggest else 0
    result["suggestions"] = n_suggested
    save_run(ws, "probe", label_column=column, feature_set=features, params=params,
             metrics=result, fingerprint=fingerprint(params), run_id=run_id)
    progress(n_steps, n_steps, f"top-1 {metrics['top1']:.3f}, {n_suggested} suggestions")
    return {**result, "run_id": run_id}

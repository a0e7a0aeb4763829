"""Classic clusterers on feature vectors: k-means, Gaussian mixtures, HDBSCAN, Ward.

Also the choice of K: :func:`choose_k` sweeps K and keeps the best by the
silhouette (k-means) or by the BIC (Gaussian mixture); :class:`KSweep` is that
sweep as an estimator, which is what ``kmeans`` and ``gmm`` become when no
``n_clusters`` is given.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sklearn.base import clone
from sklearn.cluster import HDBSCAN, AgglomerativeClustering, KMeans, MiniBatchKMeans
from sklearn.metrics import silhouette_score
from sklearn.mixture import BayesianGaussianMixture, GaussianMixture
from sklearn.neighbors import NearestNeighbors
from sklearn.utils.validation import check_array, check_is_fitted, validate_data

from ..errors import ConfigError
from ..progress import ProgressCallback, null_progress
from .base import (
    SoftClusterer,
    centres_of,
    centroid_scale,
    compact_labels,
    register_clusterer,
    student_t,
)

log = logging.getLogger(__name__)
_FLOATS = [np.float64, np.float32]


def _new_samples(estimator: Any, X: Any) -> np.ndarray:
    """Check samples given to a fitted clusterer (same number of features as in ``fit``)."""
    return validate_data(estimator, X, dtype=_FLOATS, reset=False)

COVARIANCE_TYPES = ("full", "tied", "diag", "spherical")
CRITERIA = ("silhouette", "bic")


def _check_k(n_clusters: int | None, n_samples: int, name: str) -> int:
    if n_clusters is None or int(n_clusters) < 1:
        raise ConfigError(f"{name} needs n_clusters >= 1, got {n_clusters}")
    if int(n_clusters) > n_samples:
        raise ConfigError(f"Expected n_samples >= n_clusters but got n_clusters = "
                          f"{n_clusters}, n_samples = {n_samples}")
    return int(n_clusters)


def _check_covariance(covariance_type: str) -> None:
    if covariance_type not in COVARIANCE_TYPES:
        raise ConfigError(f"Unknown covariance_type {covariance_type!r}; choose one of: "
                          f"{', '.join(COVARIANCE_TYPES)}")


class KMeansClusterer(SoftClusterer):
    """k-means with soft assignments (Student's t kernel on centre distances).

    Parameters
    ----------
    n_clusters : int, default=8
    n_init : int, default=10
        Restarts of k-means++; the lowest inertia wins.
    max_iter : int, default=300
    random_state : int, optional
    init : "k-means++" or ndarray of shape (n_clusters, n_features), default="k-means++"
        Starting centres (then one run: ``n_init`` is ignored), e.g. those found
        on a sample of the same data.

    Attributes
    ----------
    labels_ : ndarray of shape (n_samples,)
    cluster_centers_ : ndarray of shape (n_clusters, n_features)
    proba_ : ndarray of shape (n_samples, n_clusters)
    inertia_ : float
    """

    def __init__(self, n_clusters: int = 8, *, n_init: int = 10, max_iter: int = 300,
                 random_state: int | None = 0, init: str | np.ndarray = "k-means++") -> None:
        self.n_clusters = n_clusters
        self.n_init = n_init
        self.max_iter = max_iter
        self.random_state = random_state
        self.init = init

    def fit(self, X: np.ndarray, y: Any = None) -> KMeansClusterer:
        """Fit on ``X`` of shape (n_samples, n_features)."""
        X = validate_data(self, X, dtype=_FLOATS)
        k = _check_k(self.n_clusters, len(X), "k-means")
        given = not isinstance(self.init, str)
        init = np.asarray(self.init, dtype=X.dtype) if given else self.init
        self.kmeans_ = KMeans(n_clusters=k, init=init, n_init=1 if given else self.n_init,
                              max_iter=self.max_iter, random_state=self.random_state).fit(X)
        self.labels_ = self.kmeans_.labels_.astype(np.int64)
        self.cluster_centers_ = self.kmeans_.cluster_centers_
        self.inertia_ = float(self.kmeans_.inertia_)
        self.n_iter_ = int(self.kmeans_.n_iter_)
        self.n_clusters_ = k
        self.scale_ = centroid_scale(X, self.labels_, self.cluster_centers_)
        self.proba_ = student_t(X, self.cluster_centers_, scale=self.scale_)
        return self

    def predict(self, X: np.ndarray) -> np.ndarray:
        """Nearest centre of each sample."""
        check_is_fitted(self, "kmeans_")
        return self.kmeans_.predict(_new_samples(self, X)).astype(np.int64)

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """Soft assignment of each sample, shape (n_samples, n_clusters)."""
        check_is_fitted(self, "kmeans_")
        return student_t(_new_samples(self, X), self.cluster_centers_,
                         scale=self.scale_)


class GMMClusterer(SoftClusterer):
    """Gaussian mixture; its posterior probabilities are the soft assignments.

    Parameters
    ----------
    n_clusters : int, default=8
    covariance_type : {"diag", "full", "tied", "spherical"}, default="diag"
        "diag" suits the tens of PCA dimensions clustering usually runs on.
    n_init : int, default=3
    max_iter : int, default=300
    reg_covar : float, default=1e-5
    random_state : int, optional
    """

    def __init__(self, n_clusters: int = 8, *, covariance_type: str = "diag", n_init: int = 3,
                 max_iter: int = 300, reg_covar: float = 1e-5,
                 random_state: int | None = 0) -> None:
        self.n_clusters = n_clusters
        self.covariance_type = covariance_type
        self.n_init = n_init
        self.max_iter = max_iter
        self.reg_covar = reg_covar
        self.random_state = random_state

    def fit(self, X: np.ndarray, y: Any = None) -> GMMClusterer:
        """Fit on ``X`` of shape (n_samples, n_features)."""
        X = validate_data(self, X, dtype=_FLOATS)
        k = _check_k(self.n_clusters, len(X), "A Gaussian mixture")
        _check_covariance(self.covariance_type)
        self.gmm_ = GaussianMixture(n_components=k, covariance_type=self.covariance_type,
                                    n_init=self.n_init, max_iter=self.max_iter,
                                    reg_covar=self.reg_covar,
                                    random_state=self.random_state).fit(X)
        self.proba_ = self.gmm_.predict_proba(X).astype(np.float32)
        self.labels_ = np.argmax(self.proba_, axis=1).astype(np.int64)
        self.n_clusters_ = k
        self.bic_ = float(self.gmm_.bic(X))
        self.n_iter_ = int(self.gmm_.n_iter_)
        return self

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """Posterior probability of each component, shape (n_samples, n_clusters)."""
        check_is_fitted(self, "gmm_")
        return self.gmm_.predict_proba(_new_samples(self, X)) \
            .astype(np.float32)


class BayesianGMMClusterer(SoftClusterer):
    """Bayesian Gaussian mixture with a Dirichlet-process prior: it chooses K itself.

    The mixture starts with ``max_components`` components; the stick-breaking
    prior drives the weights of the unneeded ones towards zero. The clusters are
    the components that win at least one work, renumbered 0..K-1.

    Parameters
    ----------
    max_components : int, optional
        Upper bound on K; by default ``2·sqrt(n)`` clipped to [20, 100] for n works
        (:func:`default_max_components`: 63 for 1,000 works). A cap of 20 made the
        mixture stop at 20 clusters on 1,000 works of 25 styles; with 63 it finds 35
        (docs/BENCHMARKS.md).
    weight_concentration_prior : float, default=0.01
        Concentration of the Dirichlet process: smaller values favour fewer clusters.
    covariance_type : {"diag", "full", "tied", "spherical"}, default="diag"
    max_iter : int, default=500
    n_init : int, default=1
    random_state : int, optional

    Attributes
    ----------
    n_clusters_ : int
        The number of clusters found.
    components_ : ndarray of shape (n_clusters_,)
        The mixture component behind each cluster.
    """

    def __init__(self, max_components: int | None = None, *,
                 weight_concentration_prior: float = 0.01,
                 covariance_type: str = "diag", max_iter: int = 500, n_init: int = 1,
                 random_state: int | None = 0) -> None:
        self.max_components = max_components
        self.weight_concentration_prior = weight_concentration_prior
        self.covariance_type = covariance_type
        self.max_iter = max_iter
        self.n_init = n_init
        self.random_state = random_state

    def fit(self, X: np.ndarray, y: Any = None) -> BayesianGMMClusterer:
        """Fit on ``X`` of shape (n_samples, n_features)."""
        X = validate_data(self, X, dtype=_FLOATS)
        _check_covariance(self.covariance_type)
        cap = default_max_components(len(X)) if self.max_components is None \
            else int(self.max_components)
        m = min(cap, len(X))
        if m < 1:
            raise ConfigError(f"max_components must be >= 1, got {self.max_components}")
        self.bgmm_ = BayesianGaussianMixture(
            n_components=m, weight_concentration_prior_type="dirichlet_process",
            weight_concentration_prior=self.weight_concentration_prior,
            covariance_type=self.covariance_type, max_iter=self.max_iter, n_init=self.n_init,
            random_state=self.random_state).fit(X)
        self.n_iter_ = int(self.bgmm_.n_iter_)
        raw = self.bgmm_.predict_proba(X)
        self.components_ = np.unique(np.argmax(raw, axis=1))
        self.n_clusters_ = len(self.components_)
        how = (f"at most {m} components: 2·√n for {len(X)} works, within [20, 100]"
               if self.max_components is None else f"at most {m} components, as asked")
        self.selection_ = KSelection(
            k=self.n_clusters_, criterion="dirichlet-process", text=(
                f"K={self.n_clusters_} found by the Bayesian mixture itself ({how})"
                + ("; it used every component: a larger cap may find more"
                   if self.n_clusters_ >= m else "")))
        self.proba_ = self._restrict(raw)
        self.labels_ = np.argmax(self.proba_, axis=1).astype(np.int64)
        return self

    def _restrict(self, raw: np.ndarray) -> np.ndarray:
        p = raw[:, self.components_]
        return (p / np.maximum(p.sum(1, keepdims=True), 1e-300)).astype(np.float32)

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """Posterior over the clusters found, shape (n_samples, n_clusters_)."""
        check_is_fitted(self, "bgmm_")
        return self._restrict(self.bgmm_.predict_proba(
            _new_samples(self, X)))


class _NearestTrainingPoint:
    """New samples take the label and assignment of their nearest training sample."""

    def _fit_neighbours(self, X: np.ndarray) -> None:
        self.nn_ = NearestNeighbors(n_neighbors=1).fit(X)

    def _nearest(self, X: np.ndarray) -> np.ndarray:
        return self.nn_.kneighbors(_new_samples(self, X),
                                   return_distance=False)[:, 0]


class HDBSCANClusterer(_NearestTrainingPoint, SoftClusterer):
    """HDBSCAN (:class:`sklearn.cluster.HDBSCAN`): density clusters, K found, noise kept.

    Works in no dense region get the label ``-1`` (noise). The soft assignment
    of a work is HDBSCAN's membership strength in its own cluster. New samples
    take the label of their nearest training sample (an approximation: HDBSCAN
    has no native ``predict``).

    Parameters
    ----------
    min_cluster_size : int, optional
        Smallest group that counts as a cluster; by default 1% of the works
        (at least 5, at most 100).
    min_samples : int, optional
        Neighbourhood for core distances (``min_cluster_size`` by default).
    cluster_selection_method : {"eom", "leaf"}, default="eom"
    random_state : int, optional
        Unused (HDBSCAN is deterministic); kept for the common contract.
    """

    def __init__(self, min_cluster_size: int | None = None, *, min_samples: int | None = None,
                 cluster_selection_method: str = "eom",
                 random_state: int | None = 0) -> None:
        self.min_cluster_size = min_cluster_size
        self.min_samples = min_samples
        self.cluster_selection_method = cluster_selection_method
        self.random_state = random_state

    def fit(self, X: np.ndarray, y: Any = None) -> HDBSCANClusterer:
        """Fit on ``X`` of shape (n_samples, n_features)."""
        X = validate_data(self, X, dtype=_FLOATS)
        size = self.min_cluster_size or int(min(100, max(5, len(X) // 100)))
        if size < 2:
            raise ConfigError(f"min_cluster_size must be >= 2, got {size}")
        if self.cluster_selection_method not in ("eom", "leaf"):
            raise ConfigError(f"Unknown cluster_selection_method "
                              f"{self.cluster_selection_method!r}; choose one of: eom, leaf")
        self.min_cluster_size_ = size
        self.hdbscan_ = HDBSCAN(min_cluster_size=size, min_samples=self.min_samples,
                                cluster_selection_method=self.cluster_selection_method,
                                copy=True).fit(X)
        self.labels_, _ = compact_labels(self.hdbscan_.labels_)
        self.n_clusters_ = int(self.labels_.max() + 1) if (self.labels_ >= 0).any() else 0
        self.proba_ = np.zeros((len(X), self.n_clusters_), dtype=np.float32)
        ok = np.flatnonzero(self.labels_ >= 0)
        self.proba_[ok, self.labels_[ok]] = self.hdbscan_.probabilities_[ok]
        self._fit_neighbours(X)
        return self

    def predict(self, X: np.ndarray) -> np.ndarray:
        """Label of the nearest training sample (noise stays noise)."""
        check_is_fitted(self, "hdbscan_")
        return self.labels_[self._nearest(X)]

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """Assignment of the nearest training sample, shape (n_samples, n_clusters_)."""
        check_is_fitted(self, "hdbscan_")
        return self.proba_[self._nearest(X)]


class WardClusterer(_NearestTrainingPoint, SoftClusterer):
    """Agglomerative clustering with Ward linkage.

    Ward's tree needs memory quadratic in the number of works, so above
    ``max_samples`` works the works are first grouped into ``n_preclusters``
    k-means micro-clusters and Ward merges those (logged and recorded in ``note_``).
    Soft assignments use a Student's t kernel on the distance to cluster means;
    new samples take the label of their nearest training sample.

    Parameters
    ----------
    n_clusters : int, default=8
    max_samples : int, default=20000
    n_preclusters : int, default=2000
    random_state : int, optional
        Seed of the micro-clustering (Ward itself is deterministic).
    """

    def __init__(self, n_clusters: int = 8, *, max_samples: int = 20_000,
                 n_preclusters: int = 2000, random_state: int | None = 0) -> None:
        self.n_clusters = n_clusters
        self.max_samples = max_samples
        self.n_preclusters = n_preclusters
        self.random_state = random_state

    def fit(self, X: np.ndarray, y: Any = None) -> WardClusterer:
        """Fit on ``X`` of shape (n_samples, n_features)."""
        X = validate_data(self, X, dtype=_FLOATS)
        k = _check_k(self.n_clusters, len(X), "Agglomerative clustering")
        self.note_ = ""
        if len(X) > self.max_samples:
            m = max(k, min(int(self.n_preclusters), len(X)))
            self.note_ = (f"{len(X)} works > max_samples={self.max_samples}: Ward merged "
                          f"{m} k-means micro-clusters")
            log.info("agglomerative: %s", self.note_)
            pre = MiniBatchKMeans(n_clusters=m, random_state=self.random_state, n_init=3,
                                  batch_size=4096).fit(X)
            ward = AgglomerativeClustering(n_clusters=k, linkage="ward").fit(pre.cluster_centers_)
            labels = ward.labels_[pre.labels_]
        else:
            labels = AgglomerativeClustering(n_clusters=k, linkage="ward").fit(X).labels_
        self.labels_, _ = compact_labels(labels)
        self.n_clusters_ = int(self.labels_.max() + 1)
        self.cluster_centers_ = centres_of(X, self.labels_, self.n_clusters_)
        self.scale_ = centroid_scale(X, self.labels_, self.cluster_centers_)
        self.proba_ = student_t(X, self.cluster_centers_, scale=self.scale_)
        self._fit_neighbours(X)
        return self

    def predict(self, X: np.ndarray) -> np.ndarray:
        """Label of the nearest training sample."""
        check_is_fitted(self, "labels_")
        return self.labels_[self._nearest(X)]

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """Student's t assignment to the cluster means, shape (n_samples, n_clusters_)."""
        check_is_fitted(self, "labels_")
        return student_t(_new_samples(self, X), self.cluster_centers_,
                         scale=self.scale_)


# -- choosing K -------------------------------------------------------------------------------
@dataclass
class KSelection:
    """The outcome of a sweep over K.

    Attributes
    ----------
    k : int
        The chosen number of clusters.
    criterion : str
        ``silhouette`` (k-means, highest wins) or ``bic`` (Gaussian mixture, lowest wins).
    scores : dict of int to float
        The criterion for every K tried.
    """

    k: int
    criterion: str
    scores: dict[int, float] = field(default_factory=dict)
    text: str = ""

    def describe(self) -> str:
        """One sentence saying which K was chosen and how (``text`` when set)."""
        if self.text or not self.scores:
            return self.text or f"K={self.k} ({self.criterion})"
        best = "highest" if self.criterion == "silhouette" else "lowest"
        ks = sorted(self.scores)
        model = "k-means" if self.criterion == "silhouette" else "Gaussian mixture"
        return (f"K={self.k} chosen by {best} {self.criterion} of {model} over "
                f"K={ks[0]}..{ks[-1]} ({self.criterion} {self.scores[self.k]:.4g})")

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable form."""
        return {"k": self.k, "criterion": self.criterion,
                "scores": {str(k): float(v) for k, v in sorted(self.scores.items())},
                "description": self.describe()}


def default_k_range(n_samples: int) -> tuple[int, int]:
    """K tried by default: 2 to ``2·sqrt(n)`` (at least 30, at most 150 and n/5).

    A fixed cap of 30 was the K chosen on the demo (204 works) and the dev protocol
    (1,000 works of 25 styles): the silhouette kept rising up to it.
    """
    return 2, int(max(2, min(150, n_samples // 5, max(30, round(2 * np.sqrt(n_samples))))))


# K is the smallest K within this share of the sweep's score range from the best,
# when the best lies at the end of the range (see :func:`_pick_k`).
PLATEAU = 0.10


def default_max_components(n_samples: int) -> int:
    """The Bayesian mixture's default cap: ``2·sqrt(n)`` within [20, 100]."""
    return int(min(100, max(20, round(2 * np.sqrt(n_samples)))))


def k_grid(lo: int, hi: int, *, max_points: int = 24) -> list[int]:
    """The K tried in ``[lo, hi]``: every K, or a geometric grid of about ``max_points``."""
    if hi - lo + 1 <= max_points:
        return list(range(lo, hi + 1))
    return sorted({int(round(k)) for k in np.geomspace(lo, hi, max_points)})


# The K sweep of a larger collection runs on a seeded random sample of this many works
# (two dozen clusterings, each with restarts: 1,000,000 works would take hours on 2 cores).
SWEEP_LIMIT = 20_000


def choose_k(X: np.ndarray, *, criterion: str = "silhouette", k_min: int | None = None,
             k_max: int | None = None, random_state: int | None = 0,
             covariance_type: str = "diag", sample_size: int = 5000,
             sweep_limit: int | None = SWEEP_LIMIT, refit: bool = True,
             progress: ProgressCallback = null_progress) -> tuple[KSelection, SoftClusterer]:
    """Sweep K and keep the best clustering.

    The range of K follows the number of samples; with more than ``sweep_limit``
    samples the sweep runs on a seeded random sample of that many, and the
    chosen K is then fitted on every sample (``refit``).

    Parameters
    ----------
    X : ndarray of shape (n_samples, n_features)
    criterion : {"silhouette", "bic"}, default="silhouette"
        ``silhouette``: k-means for each K, highest silhouette wins;
        ``bic``: Gaussian mixture for each K, lowest Bayesian information criterion wins.
    k_min, k_max : int, optional
        The range of K (see :func:`default_k_range`).
    random_state : int, optional
    covariance_type : str, default="diag"
        Of the Gaussian mixtures (``bic``).
    sample_size : int, default=5000
        Silhouettes on a sample of this many points when there are more.
    sweep_limit : int or None, default=SWEEP_LIMIT
        Sweep on a sample of at most this many points (None: on all).
    refit : bool, default=True
        When the sweep ran on a sample, fit the chosen K on all of ``X``; when False
        the returned model is the sample's (for callers that fit their own).
    progress : callable

    Returns
    -------
    selection : KSelection
    model : SoftClusterer
        The fitted clusterer at the chosen K.
    """
    if criterion not in CRITERIA:
        raise ConfigError(f"Unknown criterion {criterion!r}; choose one of: {', '.join(CRITERIA)}")
    X = check_array(X, dtype=[np.float64, np.float32])
    n_all = len(X)
    lo, hi = default_k_range(n_all)
    lo, hi = int(k_min or lo), int(k_max or hi)
    hi = min(hi, n_all - 1)
    X_all, sampled = X, sweep_limit is not None and n_all > int(sweep_limit)
    if sampled:
        rows = np.sort(np.random.default_rng(random_state).choice(
            n_all, int(sweep_limit), replace=False))
        X = X[rows]
        hi = min(hi, len(X) - 1)
    if lo < 2 or hi < lo:
        raise ConfigError(f"Cannot sweep K in [{lo}, {hi}] for {len(X)} works (need 2 <= k_min "
                          "<= k_max < number of works)")
    scores: dict[int, float] = {}
    models: dict[int, SoftClusterer] = {}
    grid = k_grid(lo, hi)
    for i, k in enumerate(grid):
        progress(i, len(grid), f"choosing K: {criterion} at K={k}")
        if criterion == "bic":
            model: SoftClusterer = GMMClusterer(k, covariance_type=covariance_type, n_init=1,
                                                random_state=random_state).fit(X)
            score = model.bic_
        else:
            model = KMeansClusterer(k, n_init=4, random_state=random_state).fit(X)
            if len(np.unique(model.labels_)) < 2:
                continue
            sample = sample_size if len(X) > sample_size else None
            score = float(silhouette_score(X, model.labels_, sample_size=sample,
                                           random_state=random_state))
        scores[k] = float(score)
        models[k] = model
    progress(len(grid), len(grid), "K chosen")
    if not models:
        raise ConfigError("No K in the sweep gave two or more clusters")
    best_k, text = _pick_k(scores, criterion)
    best_model = models[best_k]
    if sampled:
        text += (f"; swept on a random sample of {len(X):,} of the {n_all:,} works, the chosen "
                 "K fitted on all")
        if refit:
            best_model = refit_on_all(best_model, X_all)
    selection = KSelection(k=best_k, criterion=criterion, scores=scores, text=text)
    log.info("%s", selection.describe())
    return selection, best_model


def refit_on_all(model: SoftClusterer, X: np.ndarray) -> SoftClusterer:
    """Fit a clusterer chosen on a sample again on every sample of ``X``.

    k-means starts from the sample's centres (one run instead of ``n_init``
    k-means++ seedings, which cost minutes at a million works); other methods are
    fitted anew with the same parameters.
    """
    if isinstance(model, KMeansClusterer):
        return clone(model).set_params(init=model.cluster_centers_).fit(X)
    return clone(model).fit(X)


def _pick_k(scores: dict[int, float], criterion: str) -> tuple[int, str]:
    """K from a sweep, and the sentence that says how.

    The best score wins when it is a real peak; when the best lies in the last
    fifth of the range (the curve still rises, or is flat, at the end: more,
    smaller clusters keep scoring a little better), the smallest K whose score
    is within :data:`PLATEAU` of the best is taken instead, so that K is not
    simply the range's bound (on the dev protocol, 1,000 works of 25 styles, the
    silhouette of k-means rises to 0.38 at K=47..63 and the rule gives K=35).
    """
    ks = sorted(scores)
    sign = -1.0 if criterion == "bic" else 1.0
    vals = [sign * scores[k] for k in ks]
    i_best = int(np.argmax(vals))
    model = "k-means" if criterion == "silhouette" else "Gaussian mixture"
    best = "highest" if criterion == "silhouette" else "lowest"
    span = f"{model} over K={ks[0]}..{ks[-1]}"
    if i_best < len(ks) - max(1, len(ks) // 5) or len(ks) < 3:
        k = ks[i_best]
        return k, f"K={k} chosen by {best} {criterion} of {span} ({criterion} {scores[k]:.4g})"
    lo_v, hi_v = min(vals), vals[i_best]
    reach = hi_v - PLATEAU * (hi_v - lo_v)
    k = next(kk for kk, v in zip(ks, vals, strict=True) if v >= reach)
    return k, (f"K={k}: the smallest K whose {criterion} comes within "
               f"{PLATEAU:.0%} of the {best} ({criterion} {scores[k]:.4g}; the {best}, "
               f"{scores[ks[i_best]]:.4g}, is at K={ks[i_best]}, near the end of {span}, "
               "where more, smaller clusters score only a little better)")


class KSweep(SoftClusterer):
    """k-means or a Gaussian mixture with K chosen by a sweep (see :func:`choose_k`).

    Parameters
    ----------
    base : {"kmeans", "gmm"}, default="kmeans"
    criterion : {"silhouette", "bic"}, optional
        ``silhouette`` for k-means and ``bic`` for the mixture by default.
    k_min, k_max : int, optional
    covariance_type : str, default="diag"
    random_state : int, optional

    Attributes
    ----------
    selection_ : KSelection
    estimator_ : SoftClusterer
        The fitted clusterer at the chosen K.
    n_clusters_ : int
    """

    def __init__(self, base: str = "kmeans", *, criterion: str | None = None,
                 k_min: int | None = None, k_max: int | None = None,
                 covariance_type: str = "diag", random_state: int | None = 0) -> None:
        self.base = base
        self.criterion = criterion
        self.k_min = k_min
        self.k_max = k_max
        self.covariance_type = covariance_type
        self.random_state = random_state

    def fit(self, X: np.ndarray, y: Any = None) -> KSweep:
        """Sweep K on ``X`` of shape (n_samples, n_features) and keep the best model."""
        if self.base not in ("kmeans", "gmm"):
            raise ConfigError(f"Unknown base {self.base!r}; choose one of: kmeans, gmm")
        criterion = self.criterion or ("bic" if self.base == "gmm" else "silhouette")
        self.selection_, model = choose_k(X, criterion=criterion, k_min=self.k_min,
                                          k_max=self.k_max, random_state=self.random_state,
                                          covariance_type=self.covariance_type)
        if (self.base == "gmm") != isinstance(model, GMMClusterer):
            k = self.selection_.k
            model = (GMMClusterer(k, covariance_type=self.covariance_type,
                                  random_state=self.random_state) if self.base == "gmm"
                     else KMeansClusterer(k, random_state=self.random_state)).fit(X)
        self.estimator_ = model
        self.labels_ = model.labels_
        self.proba_ = model.proba_
        self.n_clusters_ = self.selection_.k
        return self

    def predict(self, X: np.ndarray) -> np.ndarray:
        """Cluster of each sample by the chosen model."""
        check_is_fitted(self, "estimator_")
        return self.estimator_.predict(X)

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """Soft assignment by the chosen model."""
        check_is_fitted(self, "estimator_")
        return self.estimator_.predict_proba(X)


# -- registry --------------------------------------------------------------------------------
@register_clusterer("kmeans")
def _kmeans(n_clusters: int | None = None, random_state: int | None = 0,
            **options: Any) -> SoftClusterer:
    if n_clusters is None:
        return KSweep("kmeans", random_state=random_state, **options)
    return KMeansClusterer(n_clusters, random_state=random_state, **options)


@register_clusterer("gmm")
def _gmm(n_clusters: int | None = None, random_state: int | None = 0,
         **options: Any) -> SoftClusterer:
    if n_clusters is None:
        return KSweep("gmm", random_state=random_state, **options)
    return GMMClusterer(n_clusters, random_state=random_state, **options)


@register_clusterer("bgmm", needs_k=False)
def _bgmm(n_clusters: int | None = None, random_state: int | None = 0,
          **options: Any) -> SoftClusterer:
    # A given K is the upper bound of the Dirichlet-process mixture.
    if n_clusters is not None:
        options.setdefault("max_components", n_clusters)
    return BayesianGMMClusterer(random_state=random_state, **options)


@register_clusterer("hdbscan", needs_k=False)
def _hdbscan(n_clusters: int | None = None, random_state: int | None = 0,
             **options: Any) -> SoftClusterer:
    return HDBSCANClusterer(random_state=random_state, **options)


@register_clusterer("agglomerative")
def _agglomerative(n_clusters: int | None = None, random_state: int | None = 0,
                   **options: Any) -> SoftClusterer:
    if n_clusters is None:
        raise ConfigError("agglomerative needs n_clusters (run_clustering chooses it by a sweep)")
    return WardClusterer(n_clusters, random_state=random_state, **options)

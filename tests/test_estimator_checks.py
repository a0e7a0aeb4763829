"""scikit-learn's own estimator checks on the vector clusterers and the UMAP reducer.

Small instances keep the checks fast (k-means with 2 restarts, UMAP with 5
neighbours and no PCA); only checks that cannot hold for a method are expected
to fail, each with its reason.
"""

from __future__ import annotations

from sklearn.utils.estimator_checks import parametrize_with_checks

from artexplore.cluster.classic import (
    BayesianGMMClusterer,
    GMMClusterer,
    HDBSCANClusterer,
    KMeansClusterer,
    WardClusterer,
)
from artexplore.reduce import UMAPReducer

ESTIMATORS = [
    KMeansClusterer(3, n_init=2),
    GMMClusterer(3, n_init=1),
    BayesianGMMClusterer(max_components=4),
    HDBSCANClusterer(min_cluster_size=5),
    WardClusterer(3),
    UMAPReducer(n_components=2, n_neighbors=5, pca_components=None),
]


# Every check applies to every estimator, UMAPReducer included: it places new points
# row by row (the weighted mean of their nearest training points' positions).
@parametrize_with_checks(ESTIMATORS)
def test_sklearn_contract(estimator, check):
    check(estimator)

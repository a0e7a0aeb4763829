"""The steps of a fused set's blocks, fitted on the collection: power, centring, L2, PCA,
scaling, diffusion on the k-nearest-neighbour graph; and the DBA post-processing."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from ...errors import ConfigError
from ...linalg import ROW_CHUNK, normalise

STEP_HELP = {
    "power:P": "signed power sign(x)·|x|^P, element-wise (0.5: signed square root)",
    "center": "subtract the collection mean",
    "l2": "divide each row by its L2 norm",
    "pca:N[:BETA]": "project on the N leading principal components of the collection and "
                    "divide by eigenvalue^BETA (BETA=0.5, the default, whitens; 0 only rotates)",
    "scale:S": "multiply by S",
    "diffusion:K[:GAMMA[:ALPHA[:RANK]]]":
        "diffusion on the collection's mutual K-nearest-neighbour graph (weights cos^GAMMA, "
        "default auto:3:0.9:100; K=auto is round(20·sqrt(n/1000)) within [10, 100] for n works) "
        "as a spectral embedding: the RANK leading eigenvectors U of the normalised affinity, "
        "scaled by 1/(1 - ALPHA·eigenvalue); outside images by Nyström",
}


# -- steps ----------------------------------------------------------------------------------------
class Step:
    """One fitted transformation of a matrix (scikit-learn style: fit, transform, state)."""

    def fit(self, X: np.ndarray) -> Step:
        return self

    def transform(self, X: np.ndarray) -> np.ndarray:  # pragma: no cover - abstract
        raise NotImplementedError

    def fit_transform(self, X: np.ndarray) -> np.ndarray:
        """Fit on the collection and return its transformed rows."""
        return self.fit(X).transform(X)

    def transform_owned(self, X: np.ndarray) -> np.ndarray:
        """``transform`` of rows nobody else holds: a step that changes each value on
        its own (centre, L2, scale) changes them in place instead of copying them."""
        return self.transform(X)

    def state(self) -> dict[str, np.ndarray]:
        """Fitted arrays (saved with a fused set)."""
        return {}

    def load(self, arrays: Mapping[str, np.ndarray]) -> Step:
        """Restore fitted arrays."""
        return self


class Power(Step):
    def __init__(self, p: float) -> None:
        self.p = p

    def transform(self, X: np.ndarray) -> np.ndarray:
        return np.sign(X) * np.abs(X) ** self.p


class Center(Step):
    def fit(self, X: np.ndarray) -> Center:
        self.mean_ = X.mean(0)
        return self

    def transform(self, X: np.ndarray) -> np.ndarray:
        return X - self.mean_

    def transform_owned(self, X: np.ndarray) -> np.ndarray:
        if X.dtype != np.result_type(X, self.mean_) or not X.flags.writeable:
            return self.transform(X)
        X -= self.mean_
        return X

    def state(self) -> dict[str, np.ndarray]:
        return {"mean": self.mean_}

    def load(self, arrays: Mapping[str, np.ndarray]) -> Center:
        self.mean_ = np.asarray(arrays["mean"])
        return self


class L2(Step):
    def transform(self, X: np.ndarray) -> np.ndarray:
        return normalise(X)

    def transform_owned(self, X: np.ndarray) -> np.ndarray:
        return normalise(X, copy=not X.flags.writeable)


class Scale(Step):
    def __init__(self, s: float) -> None:
        self.s = s

    def transform(self, X: np.ndarray) -> np.ndarray:
        return X * self.s

    def transform_owned(self, X: np.ndarray) -> np.ndarray:
        if X.dtype != np.result_type(X, self.s) or not X.flags.writeable:
            return self.transform(X)
        X *= self.s
        return X


class PCA(Step):
    """Centre, project on the leading components, divide by eigenvalue^beta.

    Fitted on the covariance matrix (features × features), accumulated a chunk of
    rows at a time: the memory is that of a chunk, not of the collection (a thin
    SVD of the centred rows held three matrices of the collection's size, 18 GB
    for a million works of 768 features). Each component's sign is fixed (its
    largest coordinate positive), so a fit is the same on every machine.
    """

    def __init__(self, n_components: int, beta: float = 0.5) -> None:
        self.n_components = n_components
        self.beta = beta

    def fit(self, X: np.ndarray) -> PCA:
        n, d = np.shape(X)
        self.mean_ = np.asarray(X).mean(0, dtype=np.float64)
        cov = np.zeros((d, d))
        for start in range(0, n, ROW_CHUNK):
            Xc = np.asarray(X[start:start + ROW_CHUNK], dtype=np.float64) - self.mean_
            cov += Xc.T @ Xc
        eig, V = np.linalg.eigh(cov / max(n - 1, 1))
        eig, V = np.clip(eig[::-1], 0, None), V[:, ::-1].T
        # Directions without variance (fewer works than dimensions) are dropped, not amplified.
        rank = int(np.sum(eig > 1e-9 * max(float(eig[0]), 1e-300))) if len(eig) else 0
        k = max(1, min(self.n_components, rank or 1))
        components = V[:k]
        peak = np.argmax(np.abs(components), axis=1)
        components *= np.sign(components[np.arange(k), peak])[:, None]
        self.components_ = components
        floor = 1e-6 * max(float(eig[0]), 1e-12)
        self.scale_ = (eig[:k] + floor) ** (-self.beta)
        return self

    def transform(self, X: np.ndarray) -> np.ndarray:
        out = np.empty((len(X), len(self.components_)))
        for start in range(0, len(X), ROW_CHUNK):
            rows = np.asarray(X[start:start + ROW_CHUNK], dtype=np.float64)
            out[start:start + len(rows)] = ((rows - self.mean_) @ self.components_.T) * self.scale_
        return out

    def state(self) -> dict[str, np.ndarray]:
        return {"mean": self.mean_, "components": self.components_, "scale": self.scale_}

    def load(self, arrays: Mapping[str, np.ndarray]) -> PCA:
        self.mean_ = np.asarray(arrays["mean"])
        self.components_ = np.asarray(arrays["components"])
        self.scale_ = np.asarray(arrays["scale"])
        return self


class Diffusion(Step):
    """Diffusion on the collection's mutual kNN graph, as a spectral embedding.

    The works form a graph (each linked to its ``k`` nearest neighbours by cosine
    when the link is mutual, weight ``max(cos, 0)^gamma``; a work without mutual
    neighbour keeps its nearest one). With ``A = D^-1/2 W D^-1/2``, the diffusion
    ``(I - alpha A)^-1`` spreads similarity along dense regions of the collection
    (Zhou et al. 2004; Iscen et al. 2017); its leading ``rank`` eigenvectors ``U``
    scaled by ``1 / (1 - alpha λ)`` give rows whose dot products approximate
    ``(I - alpha A)^-2``. Outside images are placed by the Nyström extension
    ``u = A(x, ·) U / λ`` over their mutual neighbours in the collection; an
    image identical to a work gets that work's row.

    Parameters
    ----------
    k : int, optional
        Neighbours per work; by default ``round(20·sqrt(n/1000))`` clipped to
        [10, 100] for a collection of n works (20 for 1,000 works, 31 for 2,454):
        larger collections need wider neighbourhoods.
    gamma : float, default=3.0
    alpha : float, default=0.9
    rank : int, default=100
    approximate : bool, optional
        Build the kNN graph with FAISS IVF (see :func:`knn_graph`); by default
        above :data:`APPROXIMATE_FROM` works, exact below.
    """

    def __init__(self, k: int | None = None, gamma: float = 3.0, alpha: float = 0.9,
                 rank: int = 100, approximate: bool | None = None) -> None:
        if (k is not None and k < 1) or rank < 1 or not 0 < alpha < 1:
            raise ConfigError(f"diffusion needs k >= 1, rank >= 1 and 0 < alpha < 1; got k={k}, "
                              f"rank={rank}, alpha={alpha}")
        self.k, self.gamma, self.alpha, self.rank = k, gamma, alpha, rank
        self.approximate = approximate

    @staticmethod
    def auto_k(n: int) -> int:
        """The neighbourhood size for n works: round(20·sqrt(n/1000)) within [10, 100]."""
        return int(min(100, max(10, round(20 * math.sqrt(n / 1000)))))

    def _graph(self, F: np.ndarray) -> tuple[Any, np.ndarray, np.ndarray]:
        from scipy import sparse

        n = len(F)
        k = max(1, min(self.k_, n - 1))
        idx, sims = knn_graph(F, k, approximate=self.approximate)
        rows = np.repeat(np.arange(n), k)
        W = sparse.csr_matrix((np.clip(sims, 0, None).ravel() ** self.gamma,
                               (rows, idx.ravel())), shape=(n, n))
        W = W.minimum(W.T).tocsr()
        degree = np.asarray(W.sum(1)).ravel()
        lonely = np.flatnonzero(degree <= 0)
        if len(lonely):  # no mutual neighbour: keep the nearest one, both ways
            w = np.clip(sims[lonely, 0], 1e-12, None) ** self.gamma
            E = sparse.csr_matrix((w, (lonely, idx[lonely, 0])), shape=(n, n))
            W = W.maximum(E).maximum(E.T).tocsr()
            degree = np.asarray(W.sum(1)).ravel()
        degree = np.where(degree > 0, degree, 1.0)
        return W, degree, sims[:, -1]

    def fit(self, X: np.ndarray) -> Diffusion:
        from scipy import sparse

        # Rounded to float32 once, as stored: outside images then see the same numbers.
        # Normalised a chunk at a time: at a million works a float64 copy is 7 GB.
        F = np.empty(np.shape(X), dtype=np.float32)
        for start in range(0, len(F), ROW_CHUNK):
            F[start:start + ROW_CHUNK] = normalise(
                np.asarray(X[start:start + ROW_CHUNK], dtype=np.float64))
        n = len(F)
        if n < 3:
            raise ConfigError(f"diffusion needs at least 3 works, got {n}")
        self.k_ = self.k if self.k is not None else self.auto_k(n)
        W, degree, kth = self._graph(F)
        Dm = sparse.diags(1 / np.sqrt(degree))
        A = (Dm @ W @ Dm).tocsr()
        r = max(1, min(self.rank, n - 2))
        if n <= 4000:
            lam, U = np.linalg.eigh(A.toarray())
            lam, U = lam[-r:], U[:, -r:]
        else:
            from scipy.sparse.linalg import eigsh

            lam, U = eigsh(A, k=r, which="LA", v0=np.ones(n))
        self.features_ = F
        self.kth_ = kth
        self.degree_ = degree
        self.eigenvalues_ = lam
        self.eigenvectors_ = U
        self.embedding_ = U / (1 - self.alpha * lam)
        return self

    def fit_transform(self, X: np.ndarray) -> np.ndarray:
        return self.fit(X).embedding_.copy()  # the chain's own: later steps may change it

    def transform(self, X: np.ndarray) -> np.ndarray:
        F = self.features_
        Q = normalise(np.asarray(X, dtype=np.float64)).astype(np.float32).astype(np.float64)
        k = max(1, min(self.k_, len(F) - 1))
        idx, sims = _knn_by_blocks(Q, F, k + 1)
        same = sims[:, 0] >= 1 - 1e-6  # the image is a work of the collection
        idx = np.where(same[:, None], idx[:, 1:], idx[:, :-1])
        sims = np.where(same[:, None], sims[:, 1:], sims[:, :-1])
        w = np.clip(sims, 0, None) ** self.gamma
        w = np.where(sims >= self.kth_[idx] - 1e-7, w, 0.0)  # mutual links only
        lonely = w.sum(1) <= 0
        w[lonely, 0] = np.clip(sims[lonely, 0], 1e-12, None) ** self.gamma
        d = np.where(w.sum(1) > 0, w.sum(1), 1.0)
        a = w / np.sqrt(d[:, None] * self.degree_[idx])
        lam = self.eigenvalues_
        safe = np.where(np.abs(lam) > 1e-8, lam, np.inf)
        u = np.einsum("nk,nkr->nr", a, self.eigenvectors_[idx]) / safe
        return u / (1 - self.alpha * lam)

    def state(self) -> dict[str, np.ndarray]:
        return {"features": self.features_, "kth": self.kth_, "degree": self.degree_,
                "eigenvalues": self.eigenvalues_, "eigenvectors": self.eigenvectors_,
                "k": np.asarray(self.k_)}

    def load(self, arrays: Mapping[str, np.ndarray]) -> Diffusion:
        self.features_ = np.asarray(arrays["features"])
        self.kth_ = np.asarray(arrays["kth"])
        self.degree_ = np.asarray(arrays["degree"])
        self.eigenvalues_ = np.asarray(arrays["eigenvalues"])
        self.eigenvectors_ = np.asarray(arrays["eigenvectors"])
        self.k_ = int(arrays["k"])
        self.embedding_ = self.eigenvectors_ / (1 - self.alpha * self.eigenvalues_)
        return self


def parse_step(text: str) -> Step:
    """Build a step from its text (see :data:`STEP_HELP`).

    Raises
    ------
    ConfigError
        Naming the bad step and listing the valid forms.
    """
    name, *args = str(text).split(":")
    try:
        if name == "power" and len(args) == 1:
            return Power(float(args[0]))
        if name == "center" and not args:
            return Center()
        if name == "l2" and not args:
            return L2()
        if name == "scale" and len(args) == 1:
            return Scale(float(args[0]))
        if name == "diffusion" and len(args) <= 4:
            k = None if not args or args[0] == "auto" else int(args[0])
            rest = [float(v) for v in args[1:]] + [3.0, 0.9, 100][len(args[1:]):]
            return Diffusion(k, rest[0], rest[1], int(rest[2]))
        if name == "pca" and len(args) in (1, 2):
            n = int(args[0])
            if n < 1:
                raise ValueError(n)
            return PCA(n, float(args[1]) if len(args) == 2 else 0.5)
    except ValueError:
        pass
    raise ConfigError(f"Unknown fusion step {text!r}; use one of: {', '.join(STEP_HELP)}")


POST_HELP = {
    "dba:K[:ALPHA[:ITERS]]": "database-side augmentation: each row becomes the L2-normalised "
                             "sum of itself and its K nearest neighbours (cosine), weighted by "
                             "similarity^ALPHA (default 3), repeated ITERS times (default 1)",
}


def knn_cosine(Q: np.ndarray, X: np.ndarray, k: int, *, exclude_self: bool = False,
               chunk: int = 2048) -> tuple[np.ndarray, np.ndarray]:
    """The ``k`` nearest rows of ``X`` to each row of ``Q`` by cosine (chunked, exact).

    Parameters
    ----------
    Q : ndarray of shape (n_queries, n_features), L2-normalised rows
    X : ndarray of shape (n_rows, n_features), L2-normalised rows
    k : int
    exclude_self : bool, default=False
        ``Q`` is ``X``: leave each row out of its own neighbours.

    Returns
    -------
    index : ndarray of shape (n_queries, k), int
        Nearest first.
    similarity : ndarray of shape (n_queries, k), float
    """
    k = min(k, len(X) - (1 if exclude_self else 0))
    index = np.zeros((len(Q), max(k, 0)), dtype=np.int64)
    sims = np.zeros((len(Q), max(k, 0)), dtype=np.float64)
    if k <= 0:
        return index, sims
    for start in range(0, len(Q), chunk):
        S = Q[start:start + chunk] @ X.T
        if exclude_self:
            rows = np.arange(S.shape[0])
            S[rows, start + rows] = -np.inf
        top = np.argpartition(-S, k - 1, axis=1)[:, :k]
        top_s = np.take_along_axis(S, top, 1)
        order = np.argsort(-top_s, axis=1, kind="stable")
        index[start:start + chunk] = np.take_along_axis(top, order, 1)
        sims[start:start + chunk] = np.take_along_axis(top_s, order, 1)
    return index, sims


def _knn_by_blocks(Q: np.ndarray, X: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """:func:`knn_cosine` of float64 queries against float32 rows, in float64, reading
    ``X`` a block of rows at a time (a float64 copy of a million works' rows is 7 GB;
    an outside image needs only its neighbours)."""
    index = np.zeros((len(Q), 0), dtype=np.int64)
    sims = np.zeros((len(Q), 0))
    for start in range(0, len(X), ROW_CHUNK):
        block = np.asarray(X[start:start + ROW_CHUNK], dtype=np.float64)
        i, s = knn_cosine(Q, block, k)
        index = np.concatenate([index, i + start], axis=1)
        sims = np.concatenate([sims, s], axis=1)
        if index.shape[1] > k:  # keep the k best so far (stable: earlier rows first on ties)
            order = np.argsort(-sims, axis=1, kind="stable")[:, :k]
            index, sims = np.take_along_axis(index, order, 1), np.take_along_axis(sims, order, 1)
    return index, sims


APPROXIMATE_FROM = 20_000  # rows; the switch-over of the neighbour index's ``auto`` too
GRAPH_RECALL = 0.98


def knn_graph(X: np.ndarray, k: int, *, approximate: bool | None = None,
              recall_target: float = GRAPH_RECALL, random_state: int = 0
              ) -> tuple[np.ndarray, np.ndarray]:
    """Each row's ``k`` nearest other rows by cosine: the kNN graph of a collection.

    Exact (chunked, O(n²), in float64) up to :data:`APPROXIMATE_FROM` rows; above, a FAISS IVF
    index (the neighbour index's builder, lists trained with ``random_state``)
    searched with the smallest ``nprobe`` whose recall@k against exact search,
    measured on sampled rows, reaches ``recall_target``.

    Parameters
    ----------
    X : ndarray of shape (n_rows, n_features), L2-normalised rows
    k : int
    approximate : bool, optional
        Force one method; by size when None.
    recall_target : float, default=0.98
    random_state : int, default=0

    Returns
    -------
    index : ndarray of shape (n_rows, k), int
        Nearest first; a row with fewer than ``k`` neighbours found points to
        itself with similarity 0 in the missing places.
    similarity : ndarray of shape (n_rows, k), float
    """
    n = len(X)
    if approximate is None:
        approximate = n > APPROXIMATE_FROM
    k = min(k, n - 1)
    if not approximate or k <= 0:
        X64 = np.asarray(X, dtype=np.float64)
        return knn_cosine(X64, X64, k, exclude_self=True)
    from ...progress import null_progress
    from ...search.index import IndexConfig, index_type, measure_recall

    X32 = np.ascontiguousarray(X, dtype=np.float32)
    config = IndexConfig(method="ivf", recall_target=recall_target, random_state=random_state)
    index, _ = index_type("ivf").build(X32, config, null_progress)
    index.nprobe = int(measure_recall(index, X32, method="ivf", config=config, k=k)["breadth"])
    sims, found = index.search(X32, k + 1)
    rows = np.arange(n)[:, None]
    missing = found < 0
    found, sims = np.where(missing, rows, found), np.where(missing, 0.0, sims)
    # Move each row's own entry last (or drop the last one when it is absent).
    order = np.argsort(found == rows, axis=1, kind="stable")[:, :k]
    return (np.take_along_axis(found, order, 1).astype(np.int64),
            np.take_along_axis(sims, order, 1).astype(np.float64))


class DBA:
    """Database-side augmentation (Arandjelović & Zisserman 2012; αQE of Radenović et al.).

    Each row is replaced by the normalised similarity-weighted sum of itself and
    its ``k`` nearest neighbours, which pulls works of a coherent group together.
    Outside images are expanded with their neighbours in the collection.
    """

    def __init__(self, k: int, alpha: float = 3.0, iters: int = 1) -> None:
        if k < 1 or iters < 1:
            raise ConfigError(f"dba needs k >= 1 and iters >= 1, got k={k}, iters={iters}")
        self.k, self.alpha, self.iters = k, alpha, iters

    def _weights(self, sims: np.ndarray) -> np.ndarray:
        return np.clip(sims, 0, None) ** self.alpha

    def apply(self, X: np.ndarray) -> list[np.ndarray]:
        """Augment a collection; returns the matrices of every iteration, the last is the result."""
        mats = [normalise(np.asarray(X, dtype=np.float64))]
        for _ in range(self.iters):
            cur = mats[-1]
            idx, sims = knn_cosine(cur, cur, self.k, exclude_self=True)
            w = self._weights(sims)
            mats.append(normalise(cur + np.einsum("nk,nkd->nd", w, cur[idx])))
        return mats

    def expand(self, Q: np.ndarray, mats: Sequence[np.ndarray]) -> np.ndarray:
        """Augment outside rows with neighbours in the collection's matrices.

        A row identical to a work of the collection is augmented exactly as that
        work was (the work itself does not count as its neighbour).
        """
        cur = normalise(np.asarray(Q, dtype=np.float64))
        for it in range(self.iters):
            base = mats[it]
            idx, sims = knn_cosine(cur, base, self.k + 1)
            same = sims[:, 0] >= 1 - 1e-6
            idx = np.where(same[:, None], idx[:, 1:], idx[:, :-1])
            sims = np.where(same[:, None], sims[:, 1:], sims[:, :-1])
            w = self._weights(sims)
            cur = normalise(cur + np.einsum("nk,nkd->nd", w, base[idx]))
        return cur


def parse_post(text: str) -> DBA:
    """Build a post-processing step from its text (see :data:`POST_HELP`)."""
    name, *args = str(text).split(":")
    try:
        if name == "dba" and 1 <= len(args) <= 3:
            return DBA(int(args[0]), float(args[1]) if len(args) > 1 else 3.0,
                       int(args[2]) if len(args) > 2 else 1)
    except ValueError:
        pass
    raise ConfigError(f"Unknown post-processing {text!r}; use one of: {', '.join(POST_HELP)}")


def _fit_steps(steps: Sequence[str], X: np.ndarray, *, owned: bool = False
               ) -> tuple[list[Step], np.ndarray]:
    """Fit the steps in turn; ``owned``: ``X`` is the caller's to give away (no one
    else reads it), so the steps may change it in place. Each step's output is the
    chain's own, so the later steps may change theirs."""
    fitted = []
    for text in steps:
        step = parse_step(text)
        if owned and type(step).fit_transform is Step.fit_transform:
            X = step.fit(X).transform_owned(X)
        else:
            X = step.fit_transform(X)
        owned = True
        fitted.append(step)
    return fitted, X


def _apply_steps(fitted: Sequence[Step], X: np.ndarray, *, owned: bool = False) -> np.ndarray:
    """Apply fitted steps in turn (``owned``: as for :func:`_fit_steps`)."""
    for step in fitted:
        X = step.transform_owned(X) if owned else step.transform(X)
        owned = True
    return X



"""The curator teaches the metric, second round: what else was tried (issue 15, point 2).

Same protocol as :mod:`bench.features_learned` (seed-0 draw, 10 % of the styles kept
by ``default_rng(seed)`` for seeds 0, 1, 2, scores among the hidden 90 % only, mean
of the three masks), for the ideas tried after the shipped
:class:`~artexplore.features.learn.GraphMetric`:

- **richer inputs**: the learner fed with more of the backbone's statistics than
  ``default``'s four block means (block means 2-6; means and standard deviations
  of blocks 3-6; block means 3-6 and the final 1x1 convolution's), each part
  whitened as ``default``'s are (PCA-256, eigenvalue^0.1, L2), loaded as a fused
  set through the library;
- **a trained projection**: a linear map to 64 dimensions trained (torch, CPU)
  with a supervised contrastive loss on the labelled works and the confident
  spread labels, plus a neighbour-consistency (InfoNCE) term on every work's
  ``default`` neighbours; its number of epochs is chosen by an inner split of
  the labelled 10 % (one work per style held out), never by the hidden labels;
- **label propagation variants**: the graph of ``default`` and the rows before
  its diffusion together; the weights of the LDA and soft-label blocks;
- **the labels' worth**: the shipped learner at 20, 30 and 50 % kept labels, and
  how well seven ways of predicting the hidden styles from the kept ones do.

Run ``python -m bench.features_quality --learned-more`` (about 5 minutes on 2 cores);
results in ``bench/results/features_learned_more.json``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from artexplore.linalg import normalise

from .features_learned import SHARE, cached_default, hidden_scores, label_masks

# Part patterns of the richer inputs (EfficientNet-Lite2, one pass at 260 px, as default's).
RICH_OPTIONS: dict[str, Any] = {
    "layers": ["blocks.2", "blocks.3", "blocks.4", "blocks.5", "blocks.6", "conv_head"],
    "statistics": ["mean", "std"], "pooled": False, "resize": "full", "sizes": [260],
    "max_aspect": 2.0, "l2": False,
}
RICH_INPUTS: dict[str, list[str]] = {
    "block means 2-6": [f"*/blocks.{b}/mean" for b in range(2, 7)],
    "block means and std 3-6": [f"*/blocks.{b}/{s}" for b in range(3, 7) for s in ("mean", "std")],
    "block means 3-6 + conv_head mean": [f"*/blocks.{b}/mean" for b in range(3, 7)]
    + ["*/conv_head/mean"],
}


def rich_rows(ws: Any, paths: list[str], patterns: list[str]) -> np.ndarray:
    """Rows (draw order) of the richer statistics selected by ``patterns``, each part
    whitened like ``default``'s, through a :class:`~artexplore.features.FusionSpec`."""
    from artexplore.features import FusionSpec, create_extractor, embed
    from artexplore.features.compute import load_fused

    embed(ws, create_extractor("stats:effnet-lite2", **RICH_OPTIONS))
    spec = FusionSpec.from_dict({"name": "rich", "blocks": [{
        "name": "rich", "steps": ["l2"], "components": [{
            "source": "stats:effnet-lite2", "options": RICH_OPTIONS, "parts": patterns,
            "per_part": True, "steps": ["pca:256:0.1", "l2"]}]}]})
    fm = load_fused(ws, spec)
    row = {p: i for i, p in enumerate(fm.work_paths)}
    return np.asarray(fm.X, dtype=np.float64)[[row[p] for p in paths]]


# -- a trained projection ------------------------------------------------------------------------
def supcon_projection(H: np.ndarray, target: np.ndarray, weight: np.ndarray,
                      neighbours: np.ndarray, *, epochs: int | Sequence[int], dim: int = 64,
                      tau: float = 0.1, lam: float = 0.5, random_state: int = 0
                      ) -> np.ndarray | list[np.ndarray]:
    """Train a linear projection and return the projected rows (L2-normalised).

    Parameters
    ----------
    H : ndarray of shape (n_samples, n_features)
        Centred, L2-normalised rows.
    target : ndarray of shape (n_samples,)
        Class codes; ``-1`` where a row takes no part in the supervised term.
    weight : ndarray of shape (n_samples,)
        Weight of each row in the supervised term (1 for a kept label, less for
        a spread one).
    neighbours : ndarray of shape (n_samples, k)
        Each row's graph neighbours: one of them, drawn at each epoch, is its
        positive in the neighbour-consistency term (the other rows its negatives).
    epochs : int or sequence of int
        Full-batch Adam steps; for a sequence, the rows after each of those
        numbers of steps, from one training.

    Returns
    -------
    ndarray of shape (n_samples, dim), or a list of them
    """
    import torch
    import torch.nn.functional as tf

    gen = torch.Generator().manual_seed(random_state)
    torch.manual_seed(random_state)
    Ht = torch.tensor(H, dtype=torch.float32)
    net = torch.nn.Linear(H.shape[1], dim)
    opt = torch.optim.Adam(net.parameters(), lr=1e-3, weight_decay=1e-4)
    use = torch.tensor(np.flatnonzero(target >= 0))
    t = torch.tensor(target[target >= 0])
    w = torch.tensor(weight[target >= 0], dtype=torch.float32)
    nb = torch.tensor(neighbours)
    n = len(H)
    stops = sorted({int(e) for e in np.atleast_1d(epochs)})
    snapshots = []
    for step in range(1, stops[-1] + 1):
        opt.zero_grad()
        E = tf.normalize(net(Ht), dim=1)
        Eu = E[use]
        S = Eu @ Eu.T / tau - torch.eye(len(use)) * 1e9
        pos = (t[:, None] == t[None, :]).float() - torch.eye(len(use))
        pw = pos * w[None, :]
        logp = S - torch.logsumexp(S, 1, keepdim=True)
        sup = -(logp * pw).sum(1) / pw.sum(1).clamp(min=1e-9)
        ok = pos.sum(1) > 0
        loss = (sup[ok] * w[ok]).sum() / w[ok].sum()
        if lam:
            j = nb[torch.arange(n), torch.randint(0, nb.shape[1], (n,), generator=gen)]
            S2 = E @ E.T / tau - torch.eye(n) * 1e9
            loss = loss + lam * -(S2 - torch.logsumexp(S2, 1, keepdim=True))[
                torch.arange(n), j].mean()
        loss.backward()
        opt.step()
        if step in stops:
            with torch.no_grad():
                snapshots.append(tf.normalize(net(Ht), dim=1).numpy().astype(np.float64))
    return snapshots[-1] if np.ndim(epochs) == 0 else [snapshots[stops.index(int(e))]
                                                       for e in epochs]


def _pseudo_targets(model: Any, codes: np.ndarray, keep: np.ndarray, confidence: float = 0.9
                    ) -> tuple[np.ndarray, np.ndarray]:
    """Kept labels plus the most confident spread labels (as GraphMetric chooses them)."""
    F = model.soft_labels_
    top2 = np.sort(F, axis=1)[:, -2:]
    margin = np.where(keep, -np.inf, top2[:, 1] - top2[:, 0])
    pseudo = np.zeros(len(F), dtype=bool)
    pseudo[np.argsort(-margin, kind="stable")[: int(round(confidence * (~keep).sum()))]] = True
    pseudo &= np.isfinite(margin)
    target = np.where(keep, codes, np.where(pseudo, F.argmax(1), -1))
    return target, np.where(keep, 1.0, 0.5)


def inner_epochs(H: np.ndarray, codes: np.ndarray, keep: np.ndarray, neighbours: np.ndarray,
                 graph: np.ndarray, *, candidates: tuple[int, ...] = (10, 25, 50, 100, 200)
                 ) -> int:
    """The number of epochs that best predicts held-out kept labels (one per style).

    The held-out works' labels are hidden from the spreading and the projection;
    each is predicted by the nearest class mean of the other kept works in the
    projected space. Only the kept labels are read.
    """
    from artexplore.features.learn import GraphMetric

    rng = np.random.default_rng(0)
    inner = np.zeros(len(keep), dtype=bool)
    for c in np.unique(codes[keep]):
        rows = np.flatnonzero(keep & (codes == c))
        if len(rows) > 1:
            inner[rng.choice(rows)] = True
    train = keep & ~inner
    model = GraphMetric().fit(H, [str(c) if t else None for c, t in zip(codes, train, strict=True)],
                              graph=graph)
    code_of = {str(c): i for i, c in enumerate(model.classes_)}
    local = np.array([code_of.get(str(c), -1) for c in codes])
    target, weight = _pseudo_targets(model, local, train)
    Z = normalise(H - H.mean(0))
    best, best_acc = candidates[0], -1.0
    runs = supcon_projection(Z, target, weight, neighbours, epochs=candidates)
    for epochs, E in zip(candidates, runs, strict=True):
        classes = np.unique(local[train])
        means = normalise(np.stack([E[train & (local == c)].mean(0) for c in classes]))
        pred = classes[(E[inner] @ means.T).argmax(1)]
        acc = float((pred == local[inner]).mean())
        if acc > best_acc:
            best, best_acc = epochs, acc
    return best


# -- label prediction: how much the kept labels say about the hidden ones ------------------------
def label_accuracy(X: np.ndarray, before: np.ndarray, codes: np.ndarray, keep: np.ndarray
                   ) -> dict[str, float]:
    """Share of the hidden works whose style each predictor gets right."""
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression

    from artexplore.features.fusion import knn_cosine

    n, n_classes = len(codes), int(codes.max()) + 1
    Zx, Zb = normalise(X - X.mean(0)), normalise(before - before.mean(0))

    def propagation(G: np.ndarray, balanced: bool, k: int = 10, alpha: float = 0.9
                    ) -> np.ndarray:
        idx, sims = knn_cosine(G, G, k, exclude_self=True)
        W = sparse.csr_matrix((np.clip(sims, 0, None).ravel() ** 3,
                               (np.repeat(np.arange(n), k), idx.ravel())), shape=(n, n))
        W = W.maximum(W.T)
        d = np.asarray(W.sum(1)).ravel()
        Dm = sparse.diags(1 / np.sqrt(np.where(d > 0, d, 1.0)))
        S = (Dm @ W @ Dm).tocsr()
        Y = np.zeros((n, n_classes))
        Y[np.flatnonzero(keep), codes[keep]] = 1.0
        if balanced:
            Y /= np.maximum(Y.sum(0, keepdims=True), 1.0)
        F = Y.copy()
        for _ in range(50):
            F = alpha * (S @ F) + (1 - alpha) * Y
        return F / np.maximum(F.sum(1, keepdims=True), 1e-12)

    def prototypes(Z: np.ndarray, kappa: float = 20.0) -> np.ndarray:
        C = normalise(np.stack([Z[keep & (codes == c)].mean(0) for c in range(n_classes)]))
        L = kappa * Z @ C.T
        P = np.exp(L - L.max(1, keepdims=True))
        return P / P.sum(1, keepdims=True)

    def seeded_kmeans(Z: np.ndarray, iterations: int = 5, kappa: float = 20.0) -> np.ndarray:
        Yl = np.zeros((n, n_classes))
        Yl[np.flatnonzero(keep), codes[keep]] = 1.0
        C = normalise(Yl[keep].T @ Z[keep])
        for _ in range(iterations + 1):
            L = kappa * Z @ C.T
            P = np.exp(L - L.max(1, keepdims=True))
            P /= P.sum(1, keepdims=True)
            P[keep] = Yl[keep]
            C = normalise(P.T @ Z)
        return P

    both = normalise(np.hstack([Zx, Zb]))
    found = {
        "spreading on default's graph (shipped)": propagation(Zx, False),
        "spreading, class-balanced, graph of default + rows before diffusion":
            propagation(both, True),
        "nearest class mean in default": prototypes(Zx),
        "nearest class mean in the rows before diffusion": prototypes(Zb),
        "logistic regression in default": LogisticRegression(C=10, max_iter=3000).fit(
            Zx[keep], codes[keep]).predict_proba(Zx),
        "seeded soft k-means in default (5 rounds)": seeded_kmeans(Zx),
    }
    found["ensemble: the two spreadings + the two class means"] = sum(
        found[k] for k in list(found)[:4])
    return {k: float((P[~keep].argmax(1) == codes[~keep]).mean()) for k, P in found.items()}


# -- the run -------------------------------------------------------------------------------------
def run(ws: Any, paths: list[str], labels: list[str]) -> dict[str, Any]:
    """Score every variant; returns ``{section: {label: result}}``."""
    from artexplore.features.fusion import Diffusion, knn_cosine
    from artexplore.features.learn import GraphMetric

    X, before, y_list = cached_default(ws, paths, labels)
    y = np.asarray(y_list, dtype=object)
    classes = sorted(set(y_list))
    codes = np.array([classes.index(s) for s in y_list])
    masks = label_masks(len(y))
    out: dict[str, Any] = {}

    def score(section: str, label: str, learn: Callable[[np.ndarray], np.ndarray],
              masks: list[np.ndarray] = masks) -> dict[str, Any]:
        t0 = time.perf_counter()
        base = [hidden_scores(X, y, ~keep) for keep in masks]
        got = [hidden_scores(learn(keep), y, ~keep) for keep in masks]
        res = {"p10": float(np.mean([g[0] for g in got])),
               "nmi": float(np.mean([g[1] for g in got])),
               "p10_default": float(np.mean([b[0] for b in base])),
               "nmi_default": float(np.mean([b[1] for b in base])),
               "p10_masks": [g[0] for g in got], "nmi_masks": [g[1] for g in got],
               "labelled": int(masks[0].sum()), "seconds": round(time.perf_counter() - t0, 1)}
        res["gain_p10"] = res["p10"] - res["p10_default"]
        res["gain_nmi"] = res["nmi"] - res["nmi_default"]
        out.setdefault(section, {})[label] = res
        print(f"{label:60s} P@10 {res['p10']:.3f} ({res['gain_p10']:+.3f})  "
              f"NMI {res['nmi']:.3f} ({res['gain_nmi']:+.3f})  {res['seconds']}s", flush=True)
        return res

    def kept(keep: np.ndarray) -> np.ndarray:
        return np.where(keep, y, None)

    score("shipped", "learned (shipped GraphMetric)",
          lambda keep: GraphMetric().fit(before, kept(keep), graph=X).embedding_)

    for label, patterns in RICH_INPUTS.items():
        R = rich_rows(ws, paths, patterns)
        score("richer inputs", f"GraphMetric on {label} ({R.shape[1]} dims)",
              lambda keep, R=R: GraphMetric().fit(R, kept(keep), graph=X).embedding_)

    neighbours = knn_cosine(normalise(X - X.mean(0)), normalise(X - X.mean(0)), 10,
                            exclude_self=True)[0]
    Zb = normalise(before - before.mean(0))
    chosen: list[int] = []
    projected: dict[bytes, tuple[Any, np.ndarray]] = {}

    def projection(keep: np.ndarray, diffused: bool) -> np.ndarray:
        if keep.tobytes() not in projected:
            model = GraphMetric().fit(before, kept(keep), graph=X)
            code_of = {str(c): i for i, c in enumerate(model.classes_)}
            local = np.array([code_of[str(s)] for s in y])
            epochs = inner_epochs(before, local, keep, neighbours, X)
            chosen.append(epochs)
            target, weight = _pseudo_targets(model, local, keep)
            projected[keep.tobytes()] = (model, supcon_projection(
                Zb, target, weight, neighbours, epochs=epochs))
        model, E = projected[keep.tobytes()]
        if not diffused:
            return E
        M = normalise(Diffusion().fit_transform(normalise(np.hstack([Zb, E]))))
        return normalise(np.hstack([M, model.soft_labels_ / model.scales_[2]]))

    score("trained projection", "SupCon + neighbour InfoNCE, linear 64-d, alone",
          lambda keep: projection(keep, False))
    score("trained projection", "same, with the rows before diffusion, diffused + soft label",
          lambda keep: projection(keep, True))
    out["trained projection"]["epochs chosen by the inner split"] = chosen

    both = np.hstack([normalise(X - X.mean(0)), Zb])
    score("propagation", "labels spread on the graph of default + rows before diffusion",
          lambda keep: GraphMetric().fit(before, kept(keep), graph=both).embedding_)
    for w_lda, w_soft in ((0.5, 0.5), (2.0, 1.0), (1.0, 0.5), (1.0, 2.0), (1.0, 4.0)):
        score("propagation", f"block weights: LDA {w_lda}, soft label {w_soft}",
              lambda keep, w=(1.0, w_lda, w_soft): GraphMetric(weights=w).fit(
                  before, kept(keep), graph=X).embedding_)

    for share in (0.2, 0.3, 0.5):
        score("label share", f"shipped GraphMetric, {share:.0%} of the labels kept",
              lambda keep: GraphMetric().fit(before, kept(keep), graph=X).embedding_,
              masks=label_masks(len(y), share))

    acc = [label_accuracy(X, before, codes, keep) for keep in masks]
    out["label accuracy"] = {k: float(np.mean([a[k] for a in acc])) for k in acc[0]}
    for k, v in out["label accuracy"].items():
        print(f"label accuracy, {k:70s} {v:.3f}", flush=True)
    out["share"] = SHARE
    return out

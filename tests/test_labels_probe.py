"""Probes: leak-free cross-validation, metrics against hand-computed values, suggestions."""

from __future__ import annotations

import numpy as np
import pytest

from artexplore.errors import ArtExploreError
from artexplore.labels import suggestions as sugg
from artexplore.labels.cv import stratified_folds, stratified_three_way
from artexplore.labels.data import LabelError, filter_classes, read_labels
from artexplore.labels.history import list_runs
from artexplore.labels.metrics import classification_metrics, top_k_accuracy
from artexplore.labels.probe import CLASSIFIERS, ProbeConfig, cross_validate, run_probe
from artexplore.store import Workspace

pytestmark = pytest.mark.usefixtures("one_thread")


# -- cross-validation never leaks ---------------------------------------------------------------
def test_folds_partition_the_works_and_keep_duplicates_together():
    y = np.repeat([0, 1, 2], [20, 15, 12])
    groups = np.arange(len(y)).astype(object)
    groups[[3, 7]] = "same-file"  # one image catalogued twice (both class 0)
    groups[[21, 25, 30]] = "other-file"
    folds = stratified_folds(y, 5, groups=groups, random_state=1)
    seen = np.concatenate([te for _, te in folds])
    assert sorted(seen.tolist()) == list(range(len(y)))  # every work tested exactly once
    for train, test in folds:
        assert not set(train) & set(test)
        assert len(train) + len(test) == len(y)
        assert not set(groups[train]) & set(groups[test])  # a file never on both sides
        assert set(y[test]) == {0, 1, 2}  # stratified: every class in every test fold


def test_cross_validation_does_not_let_a_memorising_classifier_see_test_works(monkeypatch):
    """A 1-nearest-neighbour classifier scores 100 % on works it was trained on; on random
    features and random labels it can only be right by chance when the folds do not leak."""
    from sklearn.neighbors import KNeighborsClassifier

    monkeypatch.setitem(CLASSIFIERS, "memorise", lambda cfg: KNeighborsClassifier(n_neighbors=1))
    rng = np.random.default_rng(0)
    X = rng.normal(size=(200, 32)).astype(np.float32)
    y = rng.integers(0, 4, 200)
    clf = KNeighborsClassifier(n_neighbors=1).fit(X, y)
    assert np.mean(clf.predict(X) == y) == 1.0  # what a leak would give
    cv = cross_validate(X, y, ProbeConfig(classifier="memorise", n_folds=10))
    top1 = np.mean(np.argmax(cv["proba"], axis=1) == y)
    assert top1 < 0.45  # chance is 0.25


def test_fitting_for_suggestions_scales_the_callers_rows_only_when_allowed():
    """The probe copies each row once and lets the scaler work in place: a caller's own
    matrix stays as it was unless it hands it over (``overwrite``)."""
    from artexplore.labels.probe import fit_predict_unlabelled

    rng = np.random.default_rng(1)
    y = np.repeat([0, 1], 20)
    X = (rng.normal(size=(40, 6)) + 3 * y[:, None]).astype(np.float32)
    X_new = np.vstack([X[:2], X[-2:]]) + 0.01
    kept, kept_new = X.copy(), X_new.copy()
    proba = fit_predict_unlabelled(X, y, X_new, ProbeConfig())
    np.testing.assert_array_equal(X, kept)
    np.testing.assert_array_equal(X_new, kept_new)
    assert proba.argmax(1).tolist() == [0, 0, 1, 1]
    again = fit_predict_unlabelled(X, y, X_new, ProbeConfig(), overwrite=True)
    np.testing.assert_allclose(again, proba)
    assert not np.allclose(X, kept)  # handed over: scaled in place, no copy made


def test_too_few_folds_and_small_classes_are_refused():
    with pytest.raises(ArtExploreError, match="at least 2 folds"):
        stratified_folds(np.array([0, 0, 1, 1]), 1)
    with pytest.raises(ArtExploreError, match="smallest class has 2 works"):
        stratified_folds(np.array([0, 0, 0, 1, 1]), 3)


def test_three_way_split_is_disjoint_stratified_and_80_10_10():
    y = np.repeat(np.arange(5), 20)
    train, val, test = stratified_three_way(y, random_state=0)
    assert len(set(train) | set(val) | set(test)) == 100
    assert not (set(train) & set(val) or set(train) & set(test) or set(val) & set(test))
    assert (len(train), len(val), len(test)) == (80, 10, 10)
    assert set(y[test]) == set(range(5)) and set(y[val]) == set(range(5))


# -- metrics against values computed by hand --------------------------------------------------
def test_metrics_match_hand_computed_values():
    classes = ["a", "b", "c", "d"]
    y_true = np.array([0, 0, 0, 1, 1, 2, 2, 3])
    proba = np.array([           # rank of the true class
        [0.7, 0.1, 0.15, 0.05],   # a → a, 1st
        [0.3, 0.5, 0.15, 0.05],   # a → b, 2nd
        [0.05, 0.15, 0.3, 0.5],   # a → d, 4th: not in the top 3
        [0.1, 0.6, 0.2, 0.1],     # b → b, 1st
        [0.6, 0.3, 0.05, 0.05],   # b → a, 2nd
        [0.1, 0.1, 0.7, 0.1],     # c → c, 1st
        [0.3, 0.2, 0.4, 0.1],     # c → c, 1st
        [0.4, 0.1, 0.2, 0.3],     # d → a, 2nd
    ])
    m = classification_metrics(y_true, proba, classes)
    # confusion: rows true, columns predicted
    assert m["confusion"] == [[1, 1, 0, 1], [1, 1, 0, 0], [0, 0, 2, 0], [1, 0, 0, 0]]
    assert m["top1"] == pytest.approx(4 / 8)
    assert m["top3"] == pytest.approx(7 / 8)
    # precision a = 1/3, b = 1/2, c = 2/2, d = 0/1; recall a = 1/3, b = 1/2, c = 1, d = 0
    per = {r["label"]: r for r in m["per_class"]}
    assert per["a"]["precision"] == pytest.approx(1 / 3) and per["a"]["recall"] == pytest.approx(1 / 3)
    assert per["b"]["f1"] == pytest.approx(0.5)
    assert per["c"]["f1"] == pytest.approx(1.0)
    assert per["d"]["precision"] == 0 and per["d"]["f1"] == 0
    assert m["f1_macro"] == pytest.approx((1 / 3 + 0.5 + 1.0 + 0.0) / 4)
    assert m["precision_macro"] == pytest.approx((1 / 3 + 1 / 2 + 1 + 0) / 4)
    assert m["f1_weighted"] == pytest.approx((3 * 1 / 3 + 2 * 0.5 + 2 * 1.0 + 1 * 0.0) / 8)
    assert [r["support"] for r in m["per_class"]] == [3, 2, 2, 1]
    assert top_k_accuracy(y_true, proba, 2) == pytest.approx(7 / 8)


def test_filter_classes_reports_and_leaves_out_small_classes():
    y = np.array(["x"] * 10 + ["y"] * 12 + ["z"] * 3 + [None, None], dtype=object)
    cf = filter_classes(y, 10)
    assert cf.classes == ["x", "y"] and cf.excluded == {"z": 3} and cf.unlabelled == 2
    assert cf.mask.sum() == 22
    with pytest.raises(LabelError, match="at least 2 are needed"):
        filter_classes(y, 11)


# -- probe on a workspace, suggestions ---------------------------------------------------------
def test_probe_reports_metrics_and_suggests_only_for_unlabelled_works(labels_workspace):
    ws = Workspace(labels_workspace)
    result = run_probe(ws, "color", "style", ProbeConfig(n_folds=10))
    assert result["classes"] == ["Blue", "Green", "Red"]
    assert result["excluded"] == {"Rare": 3}  # 3 works < 10 folds: reported, left out
    assert result["n"] == 30 and result["unlabelled"] == 6
    assert result["top1"] > 0.9  # colour separates the colour styles
    assert result["top3"] == 1.0
    assert list_runs(ws, "probe")[0]["id"] == result["run_id"]

    open_ = sugg.list_suggestions(ws, "style")
    unlabelled = {w["id"] for w in ws.works() if not w["style"]}
    assert len(unlabelled) == 6 and result["suggestions"] == 6
    assert {s["work_id"] for s in open_} == unlabelled  # never for a labelled work
    by_path = {s["work_path"]: s for s in open_}
    assert by_path["Red/red_10.png"]["value"] == "Red"
    assert by_path["Blue/blue_11.png"]["value"] == "Blue"
    assert all(0 < s["confidence"] <= 1 for s in open_)


def test_accepting_writes_only_empty_fields_and_keeps_provenance(labels_workspace):
    ws = Workspace(labels_workspace)
    run_probe(ws, "color", "style", ProbeConfig(n_folds=5))
    open_ = {s["work_path"]: s for s in sugg.list_suggestions(ws, "style")}
    red, blue, green = (open_[p] for p in ("Red/red_10.png", "Blue/blue_10.png",
                                            "Green/green_10.png"))
    sugg.accept(ws, red["id"])
    work = ws.work(red["work_id"])
    assert work["style"] == "Red"
    prov = sugg.provenance(ws, red["work_id"], "style")
    assert prov[0]["model"] == "logreg" and prov[0]["feature_set"] == "color"
    assert prov[0]["previous_value"] is None and prov[0]["decided_at"]

    # A curator typed another value meanwhile: accepting must not overwrite it silently.
    ws.set_metadata(blue["work_id"], style="Cerulean")
    with pytest.raises(LabelError, match="already has style='Cerulean'"):
        sugg.accept(ws, blue["id"])
    assert ws.work(blue["work_id"])["style"] == "Cerulean"
    sugg.accept(ws, blue["id"], overwrite=True)  # explicitly confirmed
    assert ws.work(blue["work_id"])["style"] == "Blue"
    assert sugg.get_suggestion(ws, blue["id"])["previous_value"] == "Cerulean"

    # Rejected: metadata untouched, and the value is not proposed again by the next probe.
    sugg.reject(ws, green["id"])
    assert not ws.work(green["work_id"])["style"]
    run_probe(ws, "color", "style", ProbeConfig(n_folds=5))
    again = sugg.list_suggestions(ws, "style")
    assert green["work_id"] not in {s["work_id"] for s in again if s["value"] == "Green"}
    assert red["work_id"] not in {s["work_id"] for s in again}  # labelled now
    with pytest.raises(LabelError, match="already accepted"):
        sugg.reject(ws, red["id"])


def test_probe_on_unknown_column_or_feature_set_says_what_exists(labels_workspace):
    ws = Workspace(labels_workspace)
    with pytest.raises(LabelError, match="columns with values: .*style"):
        run_probe(ws, "color", "culture")
    with pytest.raises(ArtExploreError, match="No feature set 'gram'.*color"):
        run_probe(ws, "gram", "style")
    with pytest.raises(ArtExploreError, match="Unknown probe classifier 'svm'; choose one of: .*logreg"):
        ProbeConfig(classifier="svm")


def test_labels_read_as_text_with_empty_values_missing(labels_workspace):
    ws = Workspace(labels_workspace)
    ids = [w["id"] for w in ws.works()]
    y = read_labels(ws, ids, "style")
    assert sum(v is None for v in y) == 6
    assert set(v for v in y if v) == {"Red", "Blue", "Green", "Rare"}


def test_probe_job_uses_the_preferred_feature_set_or_skips(labels_workspace, tmp_path,
                                                           make_collection):
    from artexplore.ingest.folder import ingest
    from artexplore.jobs import run_inline

    record = run_inline(Workspace(labels_workspace), "probe", {"column": "style", "n_folds": 5,
                                                              "label": "demo stage"})
    assert record.status == "done" and record.result["features"] == "color"
    assert record.result["n_folds"] == 5 and "disagreements" not in record.result

    folder, meta = make_collection(4)
    bare = Workspace(tmp_path / "bare", create=True)
    ingest(bare, folder, metadata=meta)
    record = run_inline(bare, "probe", {"column": "style"})
    assert record.status == "done" and record.result == {"skipped": "no feature set stored yet"}


def test_probe_of_a_fully_labelled_column_suggests_nothing_and_does_not_fail(labels_workspace):
    # The demo's style column labels every work: the probe must still report its metrics.
    ws = Workspace(labels_workspace)
    for work in ws.works():
        if not work["style"]:
            ws.set_metadata(work["id"], style="Blue")
    result = run_probe(ws, "color", "style", ProbeConfig(n_folds=10))
    assert result["unlabelled"] == 0 and result["suggestions"] == 0
    assert result["top1"] > 0.8


def test_a_diffused_fused_set_is_probed_with_its_rows_before_the_diffusion(tmp_path):
    """``default``'s diffusion smooths each work towards its neighbours; its probe also sees
    the rows before it (what a classifier can still separate)."""
    import hashlib

    from artexplore.features import load_features
    from artexplore.features.recipes import LITE2_MEANS, LITE2_WINDOWS
    from artexplore.labels.probe import probe_rows
    from artexplore.search.index import make_clustered_vectors
    from artexplore.synthetic import insert_works, store_source_rows, synthetic_metadata

    ws = Workspace(tmp_path / "ws", create=True)
    n = 120
    X, styles = make_clustered_vectors(n, 28, n_clusters=4, intrinsic_dim=4, random_state=5,
                                       return_labels=True)
    shas = [hashlib.sha256(f"probe:{i}".encode()).hexdigest() for i in range(n)]
    ids = [s[:16] for s in shas]
    insert_works(ws, shas, synthetic_metadata(styles))
    parts = [("260/blocks.3/mean", 6), ("260/blocks.4/mean", 6), ("260/blocks.5/mean", 8),
             ("260/blocks.6/mean", 8)]
    store_source_rows(ws, "stats:effnet-lite2", ids, X, options=LITE2_MEANS, parts=parts)
    store_source_rows(ws, "windows:effnet-lite2", ids, X[::-1].copy(), options=LITE2_WINDOWS,
                      parts=[(name.replace("260/", "128/"), w) for name, w in parts])
    used = load_features(ws, "default")
    source = probe_rows(ws, "default")
    assert source.inputs == "rows + rows before the diffusion"
    assert list(source.ids) == list(used.ids)
    assert source.n_features > used.X.shape[1]
    some = np.asarray([7, 0, 119, 7])  # any works, in any order, taken as asked
    rows = source.take(some)
    assert rows.dtype == np.float32 and rows.shape == (4, source.n_features)
    np.testing.assert_allclose(rows[:, :used.X.shape[1]], np.asarray(used.X)[some], rtol=1e-6)
    result = run_probe(ws, "default", "style", ProbeConfig(n_folds=3), suggest=False)
    assert result["inputs"] == source.inputs and result["n_features"] == source.n_features
    # A stored (not diffused) set is probed with its own rows.
    assert probe_rows(ws, "stats:effnet-lite2").inputs == "rows"

"""Which columns a probe accepts: years binned, free text refused, minimums, calibrated
confidence, bulk acceptance with undo, categorical confusion axes."""

from __future__ import annotations

import numpy as np
import pytest

from artexplore.labels import accept_many, label_columns, list_suggestions, undo_accept
from artexplore.labels.data import (
    LabelError,
    check_support,
    choose_binning,
    column_kind,
    filter_classes,
    parse_year,
)
from artexplore.labels.plots import confusion_figure
from artexplore.labels.probe import ProbeConfig, calibrated_confidence, run_probe
from artexplore.store import Workspace

pytestmark = pytest.mark.usefixtures("one_thread")

# The colour "styles" of the labels fixture painted in three periods, each work its own year.
PERIOD = {"Red": 1880, "Blue": 1820, "Green": 1850, "Rare": 1790}


def dated(ws: Workspace) -> None:
    for i, work in enumerate(ws.works()):
        style = work["path"].split("/")[0]
        ws.set_metadata(work["id"], date=str(PERIOD[style] + i % 10))


def test_years_are_read_and_columns_are_told_apart():
    assert [parse_year(v) for v in ("1889", "1889.0", "c. 1650", "1620-1625", "ca 1500",
                                    "Ukiyo-e", "", None, "12345")] == \
        [1889, 1889, 1650, 1620, 1500, None, None, None, None]
    assert column_kind([(str(1800 + i), 3) for i in range(60)]) == "numeric"
    assert column_kind([(f"Title {i}", 1) for i in range(40)]) == "free-text"
    assert column_kind([("Baroque", 30), ("Ukiyo-e", 12), ("Cubism", 9)]) == "categorical"


def test_binning_follows_the_spread_and_refuses_with_a_reason():
    decades = choose_binning([1880 + i % 30 for i in range(60)], 10)
    assert decades.name == "decades" and decades.label(1889) == "1880–1889"
    centuries = choose_binning([1300 + 7 * i for i in range(100)], 10)
    assert centuries.name == "centuries" and centuries.label(1650) == "1600–1699"
    with pytest.raises(LabelError, match="too spread out or too few"):
        choose_binning([1000 + 97 * i for i in range(12)], 10)


def test_a_probe_refuses_classes_that_hold_few_of_the_labelled_works():
    y = np.asarray(["A"] * 10 + ["B"] * 10 + [f"v{i}" for i in range(57)], dtype=object)
    cf = filter_classes(y, 10)
    with pytest.raises(LabelError, match="only 2 of 59 classes have at least 10 works, "
                                         "holding 20 of 77 labelled works"):
        check_support(cf, column="date")


def test_numeric_column_is_probed_in_periods_without_suggestions(labels_workspace):
    ws = Workspace(labels_workspace)
    dated(ws)
    assert label_columns(ws)[-1] == "date"  # offered, after the categorical columns
    result = run_probe(ws, "color", "date", ProbeConfig(n_folds=5))
    assert result["binning"] == "decades"
    assert result["classes"] == ["1820–1829", "1850–1859", "1880–1889"]
    assert result["excluded"] == {"1790–1799": 3}
    assert result["top1"] > 0.9
    assert result["suggestions"] == 0 and "a period is not a date" in result["suggest_note"]
    fig = confusion_figure(result["confusion"], result["classes"])
    assert fig.layout.xaxis.type == "category" and fig.layout.yaxis.type == "category"


def test_title_like_columns_are_not_labels(labels_workspace):
    ws = Workspace(labels_workspace)
    assert "title" not in label_columns(ws)  # 39 works, 39 titles
    with pytest.raises(LabelError, match="'title' is free text"):
        run_probe(ws, "color", "title", ProbeConfig(n_folds=5))


def test_confidence_is_calibrated_on_held_out_works():
    rng = np.random.default_rng(0)
    # Held-out top probabilities near 0.9, right only half of the time: an overconfident model.
    proba = np.column_stack([np.full(200, 0.9), np.full(200, 0.1)])
    y = (rng.random(200) < 0.5).astype(int)
    conf = calibrated_confidence(proba, y, np.asarray([0.9]))
    assert conf[0] == pytest.approx((np.sum(y == 0) + 1) / 202)
    # Every held-out work right: close to, never exactly, certain.
    assert 0.95 < calibrated_confidence(proba, np.zeros(200, int), np.asarray([0.9]))[0] < 1


def test_suggestion_confidence_is_below_certainty(labels_workspace):
    ws = Workspace(labels_workspace)
    run_probe(ws, "color", "style", ProbeConfig(n_folds=5))
    confidences = [s["confidence"] for s in list_suggestions(ws, "style")]
    assert len(confidences) == 6 and all(0.5 < c < 1 for c in confidences)


def test_bulk_acceptance_is_undone(labels_workspace):
    ws = Workspace(labels_workspace)
    run_probe(ws, "color", "style", ProbeConfig(n_folds=5))
    open_ = list_suggestions(ws, "style")
    ws.set_metadata(open_[0]["work_id"], style="Rare")  # labelled meanwhile: left alone
    written, kept = accept_many(ws, [s["id"] for s in open_])
    assert kept == [open_[0]["id"]] and len(written) == 5
    assert all(ws.work(s["work_id"])["style"] == s["value"] for s in open_[1:])
    assert undo_accept(ws, written) == 5
    assert all(not ws.work(s["work_id"])["style"] for s in open_[1:])
    assert ws.work(open_[0]["work_id"])["style"] == "Rare"
    assert {s["id"] for s in list_suggestions(ws, "style")} == set(written)

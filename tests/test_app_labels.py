"""The Labels page through Streamlit's AppTest."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from artexplore import jobs
from artexplore.labels import list_runs, list_suggestions
from artexplore.store import Workspace

APP = str(Path(__file__).resolve().parents[1] / "app.py")
pytestmark = pytest.mark.usefixtures("one_thread")


def labels_page(workspace: Path, **state) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.session_state["workspace"] = str(workspace)
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    at.switch_page("pages/labels.py")
    at.run()
    assert not at.exception, at.exception
    return at


def section(at: AppTest, name: str) -> AppTest:
    at.radio(key="labels_section").set_value(name).run()
    assert not at.exception, at.exception
    return at


def test_probe_runs_inline_and_shows_metrics(labels_workspace):
    at = labels_page(labels_workspace)
    assert at.title[0].value == "Labels"
    assert at.selectbox(key="labels_column").value == "style"
    assert at.selectbox(key="labels_features").value == "color"
    assert "33 labelled works in 4 classes, 6 without a value" in " ".join(
        c.value for c in at.caption)
    assert "No probe of **style** on **color** yet" in " ".join(i.value for i in at.info)

    at.button[0].click().run()  # the form's "Run probe" (logistic regression: inline)
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert float(metrics["Top-1 accuracy"].rstrip("%")) > 90
    assert metrics["Top-3 accuracy"] == "—"  # three classes: always among the top three
    assert "always guessing the largest class would be right 33.3% of the time" in " ".join(
        c.value for c in at.caption)
    assert any("Left out for having too few works: Rare (3)" in w.value for w in at.warning)
    per_class = at.dataframe[0].value
    assert per_class["label"].tolist() == ["Blue", "Green", "Red"]
    assert len(list_suggestions(Workspace(labels_workspace), "style")) == 6


def test_slow_probe_runs_as_a_job_and_its_result_shows_up(labels_workspace, monkeypatch):
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS"):  # the worker process: one thread
        monkeypatch.setenv(var, "1")
    ws = Workspace(labels_workspace)
    at = labels_page(labels_workspace)
    at.radio(key="probe_classifier").set_value("mlp")
    at.number_input(key="probe_folds").set_value(3)
    at.button[0].click().run()
    assert not at.exception
    submitted = [r for r in jobs.list_jobs(ws) if r.kind == "probe"]
    assert len(submitted) == 1 and submitted[0].params["classifier"] == "mlp"
    record = jobs.wait(ws, submitted[0].id, timeout=120)
    assert record.status == "done", record.error
    at.run()
    assert at.selectbox(key="probe_run").value == record.result["run_id"]
    assert {m.label for m in at.metric} >= {"Top-1 accuracy", "Macro F1"}


def test_suggestions_accept_and_reject(labels_workspace):
    from artexplore.labels import ProbeConfig, run_probe

    ws = Workspace(labels_workspace)
    run_probe(ws, "color", "style", ProbeConfig(n_folds=5))
    at = section(labels_page(labels_workspace), "Suggestions")
    accept = [b for b in at.button if b.label == "Accept"]
    reject = [b for b in at.button if b.label == "Reject"]
    assert len(accept) == 6 and len(reject) == 6
    first = list_suggestions(ws, "style")[0]  # most confident first, as on the page
    accept[0].click().run()
    assert not at.exception
    assert ws.work(first["work_id"])["style"] == first["value"]
    assert len([b for b in at.button if b.label == "Accept"]) == 5
    second = list_suggestions(ws, "style")[0]
    [b for b in at.button if b.label == "Reject"][0].click().run()
    assert not ws.work(second["work_id"])["style"]
    assert len(list_suggestions(ws, "style")) == 4
    assert at.expander[-1].label == "Decided suggestions (2)"

    at.slider(key="sugg_min").set_value(1.0).run()
    assert not [b for b in at.button if b.label == "Accept"]


def test_label_map_draws_graph_and_chord(labels_template):
    at = section(labels_page(labels_template), "Label map")
    charts = at.get("plotly_chart")
    assert len(charts) == 2
    assert "4 labels of **style**" in " ".join(c.value for c in at.caption)
    at.selectbox(key="map_layout").set_value("spring").run()
    at.selectbox(key="map_metric").set_value("cosine").run()
    assert not at.exception and len(at.get("plotly_chart")) == 2


def test_where_the_model_looks_overlays_the_current_work(labels_template):
    ws = Workspace(labels_template)
    work = ws.works()[5]
    at = section(labels_page(labels_template, work_id=work["id"]), "Where the model looks")
    assert at.selectbox(key="look_work").value == work["id"]
    images = at.get("image")
    assert len(images) == 2  # the painting and the overlay (EfficientNet-Lite0, offline)
    at.selectbox(key="look_method").set_value("rollout").run()
    assert at.error and "rollout needs a vision transformer" in at.error[0].value


def test_finetune_and_deeppainter_results_and_validation(labels_workspace):
    from artexplore.labels import FinetuneConfig, finetune_classifier, run_deeppainter

    ws = Workspace(labels_workspace)
    finetune_classifier(ws, "style", FinetuneConfig(
        model="test_resnet", mode="scratch", epochs=2, image_size=32, batch_size=16,
        device="cpu"))
    run_deeppainter(ws, "style", n_folds=3, params={"image_size": 32, "ae_epochs": 1,
                                                    "epochs": 2, "device": "cpu"})
    at = section(labels_page(labels_workspace), "Fine-tuning")
    table = at.dataframe[0].value
    assert table["model"].tolist() == ["test_resnet"] and table["mode"].tolist() == ["scratch"]
    assert len(at.get("plotly_chart")) == 2  # confusion matrix and training curves
    assert "--extractor timm:test_resnet --weights" in at.code[0].value

    at.text_input(key="ft_model").set_value("test_resnet")
    at.selectbox(key="ft_mode").set_value("finetune")
    [b for b in at.button if b.label == "Start fine-tuning"][0].click().run()
    assert at.error and "no offline weights" in at.error[0].value
    assert not [r for r in jobs.list_jobs(ws) if r.kind == "finetune-classifier"]

    section(at, "DeepPainter")
    assert {m.label for m in at.metric} >= {"Top-1 accuracy", "Top-3 accuracy"}
    assert "Autoencoder pretrained on 39 paintings" in " ".join(c.value for c in at.caption)
    assert len(list_runs(ws, "deeppainter")) == 1


def test_a_new_probe_result_replaces_the_previous_one(labels_workspace):
    at = labels_page(labels_workspace)
    at.button[0].click().run()  # 10-fold, inline
    first = at.selectbox(key="probe_run").value
    at.number_input(key="probe_folds").set_value(5)
    at.button[0].click().run()
    assert not at.exception
    newest = list_runs(Workspace(labels_workspace), "probe")[0]
    assert newest["id"] != first and newest["params"]["n_folds"] == 5
    assert at.selectbox(key="probe_run").value == newest["id"]
    assert f"{newest['metrics']['top1']:.1%}" == at.metric[0].value


def test_numeric_column_is_probed_in_decades_and_free_text_is_not_offered(labels_workspace):
    ws = Workspace(labels_workspace)
    for i, work in enumerate(ws.works()):
        start = {"Red": 1880, "Blue": 1820, "Green": 1850, "Rare": 1790}[work["path"][:work[
            "path"].index("/")]]
        ws.set_metadata(work["id"], date=str(start + i % 10))
    at = labels_page(labels_workspace)
    assert "title" not in at.selectbox(key="labels_column").options
    at.selectbox(key="labels_column").set_value("date").run()
    at.number_input(key="probe_folds").set_value(5)
    at.button[0].click().run()
    assert not at.exception
    assert any("probed as decades" in i.value for i in at.info)
    assert any("distinct years (probed in decades or centuries)" in c.value for c in at.caption)
    assert at.dataframe[0].value["label"].tolist() == ["1820–1829", "1850–1859", "1880–1889"]
    assert any("a period is not a date" in c.value for c in at.caption)
    assert any("at least 2 classes of at least 5 works each" in c.value for c in at.caption)


def test_bulk_acceptance_shows_what_it_writes_and_can_be_undone(labels_workspace):
    from artexplore.labels import ProbeConfig, run_probe

    ws = Workspace(labels_workspace)
    run_probe(ws, "color", "style", ProbeConfig(n_folds=5))
    open_ = list_suggestions(ws, "style")
    at = section(labels_page(labels_workspace), "Suggestions")
    assert any("held-out top-1 accuracy" in c.value for c in at.caption)
    threshold = sorted(s["confidence"] for s in open_)[2]  # the 4 most confident
    at.slider(key="sugg_bulk_min").set_value(round(threshold - 0.005, 2)).run()
    expected = [s for s in open_ if s["confidence"] >= round(threshold - 0.005, 2)]
    preview = at.dataframe[0].value  # the preview (nothing is decided yet)
    assert preview["work"].tolist() == [s["work_path"] for s in expected]
    assert preview["style"].tolist() == [s["value"] for s in expected]
    at.button(key="sugg_accept_all").click().run()
    assert not at.exception
    assert all(ws.work(s["work_id"])["style"] == s["value"] for s in expected)
    at.button(key="sugg_undo_button").click().run()
    assert not at.exception
    assert all(not ws.work(s["work_id"])["style"] for s in open_)
    assert len(list_suggestions(ws, "style")) == len(open_)

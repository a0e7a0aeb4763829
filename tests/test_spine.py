"""The spine: one feature-set catalogue and version token, one run store, one stage graph.

The bug these tests guard against: maps and cluster runs of a *fused* set were keyed by
a version that fused sets do not have, so changing a fused set's block weights left a
stale map that answered ``"cached": true``.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from artexplore import pipeline, runs
from artexplore.cli import app
from artexplore.cluster import list_runs, run_status
from artexplore.features import FusionSpec, embed, save_fusion, set_block_weights, sets
from artexplore.ingest.folder import ingest
from artexplore.jobs import list_jobs, run_inline
from artexplore.reduce import MapConfig, compute_map, map_status
from artexplore.search.index import index_state
from artexplore.store import Workspace
from conftest import save, stripes

PALETTE = {"name": "palette", "blocks": [
    {"name": "color", "weight": 1.0, "components": [{"source": "color"}]},
    {"name": "coarse", "weight": 1.0, "components": [
        {"source": "color", "options": {"bins": [6, 3, 3]}}]},
], "post": []}
ROOT = Path(__file__).resolve().parents[1]


def _json_tail(text: str):
    return json.loads(text.strip().splitlines()[-1])


@pytest.fixture
def fused_ws(tmp_path, make_collection):
    folder, meta = make_collection(14)
    ws = Workspace(tmp_path / "ws", create=True)
    ingest(ws, folder, metadata=meta)
    save_fusion(ws, FusionSpec.from_dict(PALETTE))
    embed(ws, "palette")
    return ws, folder, meta


def test_changing_a_fused_sets_weights_makes_map_clusters_and_index_stale(fused_ws):
    ws, folder, meta = fused_ws
    config = MapConfig(n_neighbors=5)
    first = compute_map(ws, "palette", config)
    run_inline(ws, "cluster", {"features": "palette", "method": "kmeans", "k": 3})
    run_inline(ws, "index", {"features": "palette", "fallback": False})
    for stage in ("map", "clusters", "index"):
        assert pipeline.state(ws, stage, features="palette").status == "current", stage
    assert pipeline.missing(ws, "map", features="palette") == []

    before = sets.version(ws, "palette")
    set_block_weights(ws, "palette", {"color": 2.0})
    after = sets.version(ws, "palette")
    assert after.fingerprint != before.fingerprint and after.fused

    # Every result made from the old weights now reads stale, in the library and the graph.
    assert map_status(ws, "palette")["features_changed"]
    assert not run_status(ws, list_runs(ws, features="palette")[0].id).current
    assert index_state(ws, "palette")[0] == "stale"
    assert [s.stage for s in pipeline.missing(ws, "map", features="palette")] == ["map"]
    for stage in ("map", "clusters", "index"):
        assert pipeline.state(ws, stage, features="palette").status == "stale", stage

    # ... and is recomputed, not answered from the cache.
    second = compute_map(ws, "palette", config)
    assert not second.cached and second.fingerprint != first.fingerprint
    record = run_inline(ws, "cluster", {"features": "palette", "method": "kmeans", "k": 3})
    assert not record.result["cached"]
    record = run_inline(ws, "index", {"features": "palette", "fallback": False})
    assert record.result["rebuilt"]
    for stage in ("map", "clusters", "index"):
        assert pipeline.state(ws, stage, features="palette").status == "current", stage

    # New works are offered for placement on the fused set's map, then placed (one work:
    # within GROWTH_LIMIT of 14, the fused set places it on its fit, no row moves).
    for i in range(1):
        save(stripes(period=7 + i, colors=((210, 40, 40), (30, 30, 190))), folder / f"new/n{i}.png")
    ingest(ws, folder, metadata=meta)
    embed(ws, "palette")
    assert map_status(ws, "palette")["n_unplaced"] == 1
    assert pipeline.state(ws, "map", features="palette").status == "partial"
    placed = compute_map(ws, "palette", config)
    assert placed.cached and placed.n_transformed == 1 and len(placed) == 15
    assert map_status(ws, "palette")["n_unplaced"] == 0


def test_cli_map_reports_a_weight_change_and_fuse_takes_w(fused_ws):
    ws, _, _ = fused_ws
    runner = CliRunner()
    args = ["map", "--workspace", str(ws.root), "--features", "palette", "--n-neighbors", "5"]
    first = _json_tail(runner.invoke(app, args).stdout)
    again = _json_tail(runner.invoke(app, args).stdout)
    assert again["cached"] and again["fingerprint"] == first["fingerprint"]
    res = runner.invoke(app, ["fuse", "-w", str(ws.root), "--name", "palette",
                              "--weight", "coarse=2"])
    assert res.exit_code == 0, res.output
    assert {b["name"]: b["weight"] for b in _json_tail(res.stdout)["blocks"]}["coarse"] == 2.0
    changed = _json_tail(runner.invoke(app, args).stdout)
    assert changed["cached"] is False and changed["fingerprint"] != first["fingerprint"]


def test_cli_stages_are_recorded_jobs_with_kinds_that_name_them(tmp_path, make_collection):
    folder, meta = make_collection(6)
    ws_path = tmp_path / "ws"
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(folder), "--workspace", str(ws_path),
                               "--metadata", str(meta)]).exit_code == 0
    res = runner.invoke(app, ["embed", "--workspace", str(ws_path), "--extractor", "color"])
    assert res.exit_code == 0, res.output
    assert _json_tail(res.stdout)["computed"] == 6
    res = runner.invoke(app, ["index", "--workspace", str(ws_path), "--features", "color"])
    assert res.exit_code == 0, res.output
    listed = _json_tail(runner.invoke(app, ["jobs", "list", "--workspace",
                                            str(ws_path)]).stdout)
    assert [j["kind"] for j in listed] == ["index", "embed", "ingest"]
    assert all(j["status"] == "done" for j in listed)
    # One id format for jobs and runs: <kind>-<yyyymmdd-HHMMSS>-<6 hex>.
    assert all(j["id"].startswith(j["kind"] + "-") and len(j["id"].split("-")[-1]) == 6
               for j in listed)

    res = runner.invoke(app, ["jobs", "cancel", "NO-SUCH", "--workspace", str(ws_path)])
    assert res.exit_code == 1
    assert res.stderr.strip().splitlines() == [f"error: No job 'NO-SUCH' in {ws_path}"]


def test_an_identical_running_job_is_joined_not_repeated(tmp_path, make_collection):
    folder, meta = make_collection(4)
    ws = Workspace(tmp_path / "ws", create=True)
    ingest(ws, folder, metadata=meta)
    params = {"extractor": "color", "label": "color"}
    first = run_inline(ws, "embed", params)
    # Pretend the first is still running (another terminal): the second joins it.
    with ws.catalog.connect() as conn:
        conn.execute("UPDATE jobs SET status='running', pid=NULL, host='elsewhere', "
                     "heartbeat_at=? WHERE id=?", (first.heartbeat_at, first.id))
    import threading

    def finish() -> None:
        with ws.catalog.connect() as conn:
            conn.execute("UPDATE jobs SET status='done' WHERE id=?", (first.id,))

    threading.Timer(0.5, finish).start()
    joined = run_inline(ws, "embed", params)
    assert joined.id == first.id
    assert [j.kind for j in list_jobs(ws)] == ["embed"]  # one job, not two


def test_run_store_round_trip_and_status(fused_ws):
    ws, _, _ = fused_ws
    fp = sets.version(ws, "palette").fingerprint
    run = runs.register(ws, "probe", "style", params={"C": 1.0},
                        inputs={"features:palette": fp}, result={"top1": 0.5})
    back = runs.load(ws, run.id)
    assert (back.kind, back.name, back.params, back.result) == ("probe", "style", {"C": 1.0},
                                                                {"top1": 0.5})
    assert runs.find(ws, "probe", run.key).id == run.id
    assert runs.status(ws, back).current
    set_block_weights(ws, "palette", {"color": 0.5})
    status = runs.status(ws, back)
    assert not status.current and status.stale == ("features:palette",)
    with pytest.raises(Exception, match="No cluster run"):
        runs.load(ws, run.id, kind="cluster")


def test_the_map_model_is_plain_arrays_and_a_replaced_file_runs_nothing(fused_ws, tmp_path):
    ws, folder, meta = fused_ws
    compute_map(ws, "palette", MapConfig(n_neighbors=5))
    models = list((ws.root / "arrays" / "map").rglob("model.npz"))
    assert len(models) == 1 and not list(ws.root.rglob("*.pkl"))
    with np.load(models[0], allow_pickle=False) as data:
        assert set(data.files) >= {"train", "embedding"}
    # A hostile replacement (a pickled object array) is refused, never executed.
    marker = tmp_path / "pwned"
    evil = np.array([_Evil(str(marker))], dtype=object)
    np.savez(models[0].with_suffix(".tmp.npz"), train=evil, embedding=evil)
    models[0].with_suffix(".tmp.npz").replace(models[0])
    save(stripes(period=9, colors=((10, 200, 10), (200, 10, 200))), folder / "new/x.png")
    ingest(ws, folder, metadata=meta)
    embed(ws, "palette")
    with pytest.raises(Exception, match="map model"):
        compute_map(ws, "palette", MapConfig(n_neighbors=5))
    assert not marker.exists()


class _Evil:
    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self):
        return (Path(self.path).touch, ())


def _imports(path: Path, package: str) -> set[str]:
    """Modules of the package that a module imports (relative and absolute, lazy included)."""
    tree = ast.parse(path.read_text())
    here = path.relative_to(ROOT).with_suffix("").parts
    if here[-1] == "__init__":
        here = here[:-1]
        base = list(here)
    else:
        base = list(here[:-1])
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                parts = base[:len(base) - node.level + 1]
                mod = ".".join([*parts, *(node.module.split(".") if node.module else [])])
            else:
                mod = node.module or ""
            for alias in node.names:
                out.add(f"{mod}.{alias.name}")
                out.add(mod)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return {m for m in out if m.split(".")[0] == package}


def test_no_import_circle_runs_through_jobs_or_the_pipeline():
    modules = {}
    for path in (ROOT / "artexplore").rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path
    def node(mod: str) -> str:  # the jobs package is one node: its modules belong together
        return "artexplore.jobs" if mod.startswith("artexplore.jobs") else mod

    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        edges = {node(m) for m in _imports(path, "artexplore") if m in modules}
        graph.setdefault(node(name), set()).update(edges - {node(name)})

    def reaches(start: str, goal_prefix: str) -> bool:
        seen, todo = set(), list(graph[node(start)])
        while todo:
            mod = todo.pop()
            if mod.startswith(goal_prefix):
                return True
            if mod not in seen:
                seen.add(mod)
                todo.extend(graph.get(mod, ()))
        return False

    assert not reaches("artexplore.pipeline", "artexplore.jobs")
    assert not reaches("artexplore.pipeline", "artexplore.pipeline")
    assert not reaches("artexplore.jobs", "artexplore.jobs")
    # The stage libraries never import the graph or the job machinery above them.
    stages = ("features", "cluster", "reduce", "index", "local", "labels", "store", "exhibit",
              "neighbours", "runs")
    for name in modules:
        if name.split(".")[1:2] and name.split(".")[1] in stages:
            assert not reaches(name, "artexplore.jobs"), name
            assert not reaches(name, "artexplore.pipeline"), name
            assert not reaches(name, "artexplore.demo"), name


def test_a_shipped_map_is_used_only_where_it_fits(fused_ws, tmp_path):
    from artexplore.reduce import export_map, import_map, stored_map

    ws, folder, meta = fused_ws
    config = MapConfig(n_neighbors=5)
    made = compute_map(ws, "palette", config)
    arrays = export_map(ws, "palette", config)
    # Another workspace of the same collection and features takes it as it is ...
    other = Workspace(tmp_path / "other", create=True)
    ingest(other, folder, metadata=meta)
    save_fusion(other, FusionSpec.from_dict(PALETTE))
    embed(other, "palette")
    assert import_map(other, "palette", config, arrays)
    shipped = stored_map(other, "palette", config)
    np.testing.assert_array_equal(shipped.embedding, made.embedding)
    assert compute_map(other, "palette", config).cached
    # ... and one whose features are another version refuses it.
    set_block_weights(other, "palette", {"color": 3.0})
    assert not import_map(other, "palette", config, arrays)


def test_every_module_of_the_library_imports():
    import importlib
    import pkgutil

    import artexplore

    broken = []
    for info in pkgutil.walk_packages(artexplore.__path__, "artexplore."):
        if info.name.endswith("__main__"):
            continue
        try:
            importlib.import_module(info.name)
        except Exception as exc:
            broken.append(f"{info.name}: {exc}")
    assert not broken


def test_workspace_state_token_changes_with_every_stage(tmp_path):
    """Pages cache what they derive from the whole workspace by this token: it must
    change when works, arrays, runs or fused definitions change, and only then."""
    folder = tmp_path / "img"
    for i in range(6):
        save(stripes(size=(70, 90), period=4 + i, angle="vh"[i % 2]), folder / f"w{i}.png")
    ws = Workspace(tmp_path / "ws", create=True)
    seen = [ws.state_token()]
    ingest(ws, folder)
    seen.append(ws.state_token())
    assert seen[-1] == ws.state_token()  # nothing changed: the same token
    ws.set_metadata(ws.work_ids()[0], style="Cubism")
    seen.append(ws.state_token())
    embed(ws, "color")
    seen.append(ws.state_token())
    runs.register(ws, "map", "color", key="k", inputs={}, params={})
    seen.append(ws.state_token())
    save_fusion(ws, FusionSpec.from_dict(PALETTE))
    seen.append(ws.state_token())
    assert len(set(seen)) == len(seen)

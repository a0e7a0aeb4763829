"""The Map page through Streamlit's AppTest."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from clusters_support import mapped_demo_workspace
from sklearn.metrics import normalized_mutual_info_score
from streamlit.testing.v1 import AppTest

from artexplore import jobs
from artexplore.cluster import list_runs, load_run
from artexplore.features import embed
from artexplore.store import Workspace
from artexplore.store.selections import list_selections, load_selection

APP = str(Path(__file__).resolve().parents[1] / "app.py")


@pytest.fixture(scope="module")
def mapped_demo(demo_workspace, tmp_path_factory) -> Path:
    return mapped_demo_workspace(demo_workspace, tmp_path_factory)


def map_page(workspace: Path, **state) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    at.session_state["workspace"] = str(workspace)
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    at.switch_page("pages/map.py")
    at.run()
    return at


def metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def test_map_with_clusters_metrics_and_summaries(mapped_demo):
    at = map_page(mapped_demo)
    assert not at.exception
    assert at.title[0].value == "Map"
    ws = Workspace(mapped_demo)
    runs = list_runs(ws, features="color")
    assert at.selectbox(key="map_run").options == [r.label for r in runs]
    newest = runs[0]
    assert metric(at, "Clusters") == str(newest.n_clusters)
    # Scored against the style column: the NMI of the run's labels, computed here directly.
    run = load_run(ws, newest.id)
    works = {w["id"]: w for w in ws.works()}
    style = [ws.field_of(works[i], "style") for i in run.ids]
    expected = normalized_mutual_info_score(style, run.labels)
    assert 0.0 < expected < 1.0
    assert float(metric(at, "NMI")) == pytest.approx(expected, abs=6e-4)  # shown to 3 decimals
    assert metric(at, "Evaluated") == "204/204"
    # The overview table has one row per cluster, and "why this cluster" lists values.
    overview = next(m.value for m in at.markdown if "mean confidence" in m.value)
    rows = [line.split("|")[1:-1] for line in overview.splitlines()[2:]]
    assert len(rows) == newest.n_clusters
    assert sum(int(r[1]) for r in rows) == 204  # the "works" column
    assert "Most representative works" not in " ".join(m.value for m in at.markdown)
    at.toggle(key="map_cluster_works").set_value(True).run()  # drawn once asked for
    assert "Most representative works" in " ".join(m.value for m in at.markdown)
    assert any("No DoG patches" in i.value for i in at.info)

    # Colour by a metadata field instead of the clusters.
    at.selectbox(key="map_colour").set_value("style").run()
    assert not at.exception

    assert newest.method == "kmeans" and metric(at, "Clusters") == "6"
    # The other clustering, and the comparison of the two.
    bgmm = next(r for r in runs if r.method == "bgmm")
    at.selectbox(key="map_run").set_value(bgmm.id).run()
    assert metric(at, "Clusters") == str(bgmm.n_clusters)
    # The comparison is computed only when its tab is open.
    assert not any(m.label == "Works in both" for m in at.metric)
    at.session_state["map_tab"] = "Compare clusterings"
    at.run()
    assert not at.exception
    assert 0.0 <= float(metric(at, "ARI")) <= 1.0
    assert metric(at, "Works in both") == "204"

    # The forms of the other tabs are drawn when their tab is opened, not before.
    assert not [s for s in at.selectbox if s.key == "map_new_method"]
    at.session_state["map_tab"] = "New clustering"
    at.run()
    assert "kmeans" in at.selectbox(key="map_new_method").options
    assert not [s for s in at.slider if s.key == "map_nn"]
    at.session_state["map_tab"] = "Map settings"
    at.run()
    assert not at.exception and at.slider(key="map_nn").value >= 2


def test_selection_gallery_is_saved_as_a_named_selection(mapped_demo, tmp_path):
    root = tmp_path / "ws"
    shutil.copytree(mapped_demo, root)
    ws = Workspace(root)
    chosen = [w["id"] for w in ws.works()[:5]]
    at = map_page(root, map_selected_ids=chosen)
    assert not at.exception
    assert "**5 selected works**" in [m.value for m in at.markdown]
    at.text_input(key="map_selection_name").set_value("five firsts")
    at.button(key="map_save_selection").click().run()
    assert not at.exception
    assert "five firsts" in list_selections(ws)
    assert load_selection(ws, "five firsts") == chosen
    assert at.session_state["selection"] == chosen
    assert at.session_state["selection_name"] == "five firsts"

    # Deleting a clustering: the other one is shown.
    runs = [r.id for r in list_runs(ws)]
    at.button(key="map_delete_run").click().run()
    assert not at.exception
    assert [r.id for r in list_runs(ws)] == runs[1:]
    assert at.selectbox(key="map_run").value == runs[1]

    # A selection without a name is refused with a message, nothing saved.
    at.text_input(key="map_selection_name").set_value("  ")
    at.button(key="map_save_selection").click().run()
    assert at.error and "needs a name" in at.error[0].value


def test_clicking_a_work_opens_its_detail(mapped_demo):
    ws = Workspace(mapped_demo)
    work = ws.works()[3]
    at = map_page(mapped_demo, map_selected_ids=[work["id"]])
    assert not at.exception
    assert any(work["title"][:20] in m.value for m in at.markdown)
    at.button(key="map_open_detail").click().run()
    assert not at.exception
    assert at.session_state["work_id"] == work["id"]
    assert at.title[0].value == "Collection"


def test_page_without_features_says_what_to_do(demo_workspace):
    at = map_page(demo_workspace)
    assert not at.exception
    assert "no features yet" in at.info[0].value


def test_map_and_clustering_run_as_jobs(demo_workspace, tmp_path):
    root = tmp_path / "ws"
    shutil.copytree(demo_workspace, root)
    ws = Workspace(root)
    embed(ws, "color")
    at = map_page(root)
    assert not at.exception
    assert "No map of **color** yet" in at.info[0].value
    at.button(key="map_compute").click().run()
    job = jobs.list_jobs(ws)[0]
    assert job.kind == "map" and job.params["features"] == "color"
    jobs.cancel(ws, job.id)  # the map itself is tested elsewhere; do not leave work running
    assert not jobs.wait(ws, job.id, timeout=60).active
    assert at.session_state["jobs_pending_map"] == [job.id]


# -- the curator's walkthrough (issue 14) -----------------------------------------------------
def canvas(at: AppTest) -> dict:
    """The map canvas's arguments: the JSON ones, and the binary ones as arrays."""
    import json

    import numpy as np

    proto = at.get("component_instance")[0].proto
    args = json.loads(proto.json_args)
    for special in proto.special_args:
        if special.WhichOneof("value") == "bytes":
            dtype = np.uint8 if special.key in ("codes", "membership") else np.uint32
            if special.key == "codes" and args.get("codes_wide"):
                dtype = np.uint16
            args[special.key] = np.frombuffer(special.bytes, dtype=dtype)
    return args


def test_box_drag_mode_draws_the_map(mapped_demo):
    at = map_page(mapped_demo)
    at.radio(key="map_drag").set_value("box").run()
    assert not at.exception
    assert canvas(at)["mode"] == "box"


def test_saved_selection_and_cluster_are_ringed_on_the_map(mapped_demo, tmp_path):
    from artexplore.cluster import load_run
    from artexplore.store.selections import save_selection

    root = tmp_path / "ws"
    shutil.copytree(mapped_demo, root)
    ws = Workspace(root)
    chosen = [w["id"] for w in ws.works()[:7]]
    save_selection(ws, "seven", chosen)
    at = map_page(root)
    assert len(canvas(at)["marked"]) == 0
    at.selectbox(key="map_show_selection").set_value("seven")
    at.button(key="map_show_selection_go").click().run()
    assert not at.exception
    ids = Workspace(root).works()
    ringed = canvas(at)["marked"]
    from ui.mapview import map_version, points_table
    table = points_table(str(root), "color", map_version(ws, "color"), None)
    assert sorted(table["id"].to_numpy()[ringed]) == sorted(chosen) and len(ids) == 204
    assert any("Ringed: selection “seven” · 7 works" in c.value for c in at.caption)

    cluster = at.selectbox(key="map_cluster_detail").value
    run = load_run(ws, at.selectbox(key="map_run").value)
    at.button(key="map_select_cluster").click().run()
    assert not at.exception
    assert len(canvas(at)["marked"]) == len(run.members(cluster))
    assert any(f"Ringed: cluster {cluster} ·" in c.value for c in at.caption)
    assert metric(at, "Selected works") == str(len(run.members(cluster)))


def test_clusters_have_distinct_colours_and_whole_words():
    import pandas as pd

    from ui.mapview import NOISE_COLOUR, colouring, legend_name

    k = 24
    df = pd.DataFrame({"cluster": [i % k for i in range(4 * k)], "confidence": 0.9})
    colours = colouring(df, "cluster", {i: "Hieronymus Bosch 41% · Northern Renaissance "
                                           "41% · c. 1500" for i in range(k)})
    assert len(set(colours.palette)) == k  # no two clusters drawn alike
    assert list(colours.codes[:k]) == list(range(k))
    first = colours.palette[:12]
    assert NOISE_COLOUR not in first
    rgb = [tuple(int(c[i:i + 2], 16) for i in (1, 3, 5)) for c in first]
    closest = min(sum((a - b) ** 2 for a, b in zip(p, q, strict=True)) ** 0.5
                  for n, p in enumerate(rgb) for q in rgb[n + 1:])
    assert closest > 40  # no two of 12 colours nearly alike
    for entry in colours.legend:
        assert len(entry["name"]) <= 48 and entry["name"].endswith(" …")
    assert legend_name("0 · 12 works · Cubo-Futurism 41% · Kazimir Malevich", 30) == \
        "0 · 12 works · Cubo-Futurism …"


def test_a_field_with_many_values_is_coloured_by_its_top_values():
    import pandas as pd

    from ui.mapview import MAX_COLOURED, OTHER_COLOUR, colouring

    # 30 styles (the case) each get a colour of their own; beyond 40, "other".
    styles = [f"style {i % 30}" for i in range(600)]
    colours = colouring(pd.DataFrame({"style": styles}), "style")
    assert len(colours.legend) == 30 and OTHER_COLOUR not in colours.palette
    many = [f"artist {i % 55}" for i in range(1100)] + [None] * 7
    colours = colouring(pd.DataFrame({"artist": many}), "artist")
    names = [e["name"] for e in colours.legend]
    assert len(names) == MAX_COLOURED + 2
    assert names[-2] == f"other ({55 - MAX_COLOURED} values) · {(55 - MAX_COLOURED) * 20}"
    assert names[-1] == "(unknown) · 7"
    assert sum(e["count"] for e in colours.legend) == len(many)


def test_density_contours_surround_each_group():
    import numpy as np
    import pandas as pd

    from ui.mapview import colouring, density_contours

    rng = np.random.default_rng(0)
    a = rng.normal((0, 0), 0.5, size=(300, 2))
    b = rng.normal((6, 3), 0.5, size=(300, 2))
    xy = np.vstack([a, b])
    df = pd.DataFrame({"x": xy[:, 0], "y": xy[:, 1], "style": ["a"] * 300 + ["b"] * 300})
    colours = colouring(df, "style")
    found = density_contours(df, colours)
    assert len(found) == 2
    for entry, centre in zip(found, [(0, 0), (6, 3)], strict=True):
        path = np.asarray(max(entry["paths"], key=len))
        assert np.linalg.norm(path.mean(axis=0) - centre) < 0.5  # around its group
        assert 0.3 < np.abs(path - centre).max() < 2.5  # encloses the dense half, no more


def test_work_panel_memberships_and_colour_choices(mapped_demo):
    from artexplore.cluster import list_runs, load_run
    from ui.mapview import membership_text

    ws = Workspace(mapped_demo)
    undated = next(w for w in ws.works() if not w.get("date"))
    bgmm = next(r for r in list_runs(ws) if r.method == "bgmm")
    at = map_page(mapped_demo, map_selected_ids=[undated["id"]], map_run=bgmm.id,
                  map_cluster_works=True)
    assert not at.exception
    captions = " ".join(c.value for c in at.caption)
    assert "nan" not in captions and "date:" not in captions
    run = load_run(ws, bgmm.id)
    own = float(run.confidence[run.ids.tolist().index(undated["id"])])
    assert f"membership {membership_text(own)}" in captions
    # "Colour by" offers the year, not the same thing again as the date.
    options = at.selectbox(key="map_colour").options
    assert "year" in options and "date" not in options
    # The most ambiguous works show their real membership, not a rounded 1.00.
    notes = [c.value for c in at.caption if "else cluster" in c.value]
    assert notes and not any("1.00" in n for n in notes)
    assert membership_text(0.99971) == "99.97 %" and membership_text(0.5) == "50 %"


def test_selection_is_described_by_the_run_it_was_made_on(mapped_demo):
    from artexplore.cluster import list_runs, load_run

    ws = Workspace(mapped_demo)
    kmeans, bgmm = (next(r for r in list_runs(ws) if r.method == m) for m in ("kmeans", "bgmm"))
    run = load_run(ws, kmeans.id)
    at = map_page(mapped_demo, map_run=kmeans.id)
    at.button(key="map_select_cluster").click().run()
    cluster = at.selectbox(key="map_cluster_detail").value
    n = len(run.members(cluster))
    assert f"By cluster: {cluster} ({n})" in " ".join(c.value for c in at.caption)
    # Another clustering is shown: the selection is still described by the one it came from.
    at.selectbox(key="map_run").set_value(bgmm.id).run()
    assert not at.exception
    text = next(c.value for c in at.caption if "By cluster" in c.value)
    assert "it was made on" in text and f"{cluster} ({n})" in text


def test_how_k_was_chosen_is_said_in_words_without_an_empty_chart(mapped_demo):
    ws = Workspace(mapped_demo)
    bgmm = next(r for r in list_runs(ws) if r.method == "bgmm")
    assert bgmm.k_selection and not bgmm.k_selection.get("scores")  # found by the mixture
    at = map_page(mapped_demo, map_run=bgmm.id)
    assert not at.exception
    said = [c.value for c in at.caption if c.value.startswith("K: ")]
    assert said == [f"K: {bgmm.k_selection['description']}"]
    assert not any(e.label.startswith("K: ") for e in at.expander)  # no chart of no scores


def test_any_value_of_a_field_can_be_found_and_ringed(mapped_demo):
    """Beyond the coloured top values, a search box rings the works of any value."""
    ws = Workspace(mapped_demo)
    at = map_page(mapped_demo)
    at.selectbox(key="map_colour").set_value("artist").run()
    assert not at.exception
    box = at.selectbox(key="map_find_artist")
    artists = [ws.field_of(w, "artist") for w in ws.works()]
    rare = min(set(a for a in artists if a), key=lambda a: (artists.count(a), a))
    assert f"{rare} (1)" in box.options  # with its count
    box.set_value(rare).run()
    assert not at.exception
    assert sorted(at.session_state["map_selected_ids"]) == sorted(
        w["id"] for w in ws.works() if ws.field_of(w, "artist") == rare)
    assert len(canvas(at)["marked"]) == artists.count(rare)
    assert any(f"Ringed: artist “{rare}”" in c.value for c in at.caption)

"""The workspace store: catalogue queries, array storage, fingerprints."""

from __future__ import annotations

import json
import threading

import numpy as np
import pytest

from artexplore.config import IngestConfig, fingerprint
from artexplore.errors import ArtExploreError, ConfigError, WorkspaceError
from artexplore.ingest.folder import ingest
from artexplore.store import WorkQuery, Workspace


def test_fingerprint_is_stable_and_sensitive():
    assert fingerprint(IngestConfig()) == fingerprint(IngestConfig())
    assert fingerprint(IngestConfig()) != fingerprint(IngestConfig(thumb_size=128))
    assert fingerprint({"a": 1, "b": 2}) == fingerprint({"b": 2, "a": 1})


def test_config_validation_names_the_bad_value():
    with pytest.raises(ConfigError, match="thumb_size must be in"):
        IngestConfig(thumb_size=4)


def test_missing_workspace_is_an_error_unless_created(tmp_path):
    with pytest.raises(WorkspaceError, match="No workspace"):
        Workspace(tmp_path / "nope")
    ws = Workspace(tmp_path / "new", create=True)
    assert (ws.root / "catalog.sqlite").exists()
    assert Workspace(tmp_path / "new").root == ws.root


def test_array_store_round_trip_and_newest_row_wins(tmp_path):
    ws = Workspace(tmp_path, create=True)
    store = ws.arrays
    store.register("features", "demo", "fp1", {"p": 1})
    store.append("features", "demo", "fp1", ["a", "b"], X=np.array([[1.0, 0.0], [0.0, 1.0]]))
    store.append("features", "demo", "fp1", ["c", "a"], X=np.array([[2.0, 2.0], [9.0, 9.0]]))
    got = store.load("features", "demo")
    assert sorted(got.ids.tolist()) == ["a", "b", "c"]
    rows = dict(zip(got.ids.tolist(), got["X"].tolist(), strict=True))
    assert rows["a"] == [9.0, 9.0]  # the later part supersedes the earlier row
    assert store.done_ids("features", "demo", "fp1") == {"a", "b", "c"}
    assert store.params("features", "demo") == {"p": 1}

    store.compact("features", "demo")
    parts = list(store.folder("features", "demo", "fp1").iterdir())
    assert [p.name.startswith("merged-") for p in parts if p.name != "params.json"] == [True]
    again = store.load("features", "demo")
    assert isinstance(again["X"], np.memmap)
    present, arrays = again.align(["c", "zzz", "a"])
    assert present.tolist() == ["c", "a"]
    assert arrays["X"].tolist() == [[2.0, 2.0], [9.0, 9.0]]
    # Without a copy where every stored row is wanted in its stored order (a fit reads
    # its sources so), a copy otherwise: the stored file is never handed out to change.
    in_order = again.ids.tolist()
    assert again.align(in_order, copy=False)[1]["X"] is again["X"]
    shuffled = again.align(in_order[::-1], copy=False)[1]["X"]
    assert not isinstance(shuffled, np.memmap) and shuffled.tolist() == again["X"][::-1].tolist()
    assert not np.shares_memory(again.align(in_order)[1]["X"], again["X"])


def test_array_store_versions_by_fingerprint(tmp_path):
    ws = Workspace(tmp_path, create=True)
    ws.arrays.register("features", "f", "v1", {"k": 1})
    ws.arrays.append("features", "f", "v1", ["a"], X=np.ones((1, 2)))
    ws.arrays.register("features", "f", "v2", {"k": 2})
    assert ws.arrays.current("features", "f") == "v2"
    assert len(ws.arrays.load("features", "f")) == 0  # the new version starts empty
    assert len(ws.arrays.load("features", "f", "v1")) == 1  # the old one is kept (a cache)
    ws.arrays.register("features", "f", "v1", {"k": 1})
    assert ws.arrays.current("features", "f") == "v1"
    assert ws.arrays.names("features") == ["f"]


def test_array_store_rejects_misaligned_rows(tmp_path):
    ws = Workspace(tmp_path, create=True)
    ws.arrays.register("k", "n", "f", {})
    with pytest.raises(ValueError, match="3 rows but 2 ids"):
        ws.arrays.append("k", "n", "f", ["a", "b"], X=np.zeros((3, 1)))
    with pytest.raises(ArtExploreError, match="No features named 'other'"):
        ws.arrays.load("features", "other")


def test_names_with_odd_characters_get_distinct_folders(tmp_path):
    ws = Workspace(tmp_path, create=True)
    a = ws.arrays.folder("features", "timm:vit/b", "x")
    b = ws.arrays.folder("features", "timm_vit_b", "x")
    assert a != b and ":" not in a.name and "/" not in a.parent.name


def test_search_filters_and_paging(tmp_path, make_collection):
    folder, meta = make_collection(6)
    ws = Workspace(tmp_path / "ws", create=True)
    ingest(ws, folder, metadata=meta)
    works, total = ws.search(WorkQuery(fields=(("style", ("style0",)),)))
    assert total == 3 and {w["style"] for w in works} == {"style0"}
    works, total = ws.search(WorkQuery(text="title 4"))
    assert total == 1 and works[0]["title"] == "Title 4"
    page, total = ws.search(limit=2, offset=2, order_by="year")
    assert total == 6 and [w["year"] for w in page] == [1802, 1803]
    assert ws.field_values("artist")[0] == ("Artist 0", 2)
    assert ws.metadata_fields()[:4] == ["artist", "title", "date", "style"]


def test_free_metadata_fields_are_searchable(tmp_path, make_collection):
    folder, _ = make_collection(3)
    meta = tmp_path / "m.csv"
    meta.write_text("file,Painter,Museum\na/work_00.png,X,Louvre\nb/work_01.png,Y,Prado\n")
    ws = Workspace(tmp_path / "ws", create=True)
    ingest(ws, folder, metadata=meta)
    works, total = ws.search(WorkQuery(fields=(("Museum", ("Prado",)),)))
    assert total == 1 and works[0]["path"] == "b/work_01.png"
    assert works[0]["artist"] == "Y"  # Painter is a synonym of artist
    assert "Museum" in ws.metadata_fields()


def test_catalog_is_safe_across_threads(tmp_path):
    ws = Workspace(tmp_path, create=True)
    errors = []

    def writer(i: int) -> None:
        try:
            for j in range(20):
                ws.catalog.set_meta(f"k{i}", json.dumps(j))
        except Exception as exc:  # pragma: no cover - would fail the test below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert [ws.catalog.get_meta(f"k{i}") for i in range(4)] == ["19"] * 4

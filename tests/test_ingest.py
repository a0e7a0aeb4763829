"""Ingestion: idempotent re-ingest, changes, awkward files, metadata joins."""

from __future__ import annotations

import io
import os
import unicodedata

import numpy as np
import pytest
from PIL import Image

from artexplore.config import IngestConfig
from artexplore.errors import JobCancelled, MetadataError, WorkspaceError
from artexplore.ingest.folder import ingest, scan_folder
from artexplore.ingest.metadata import parse_dimensions, parse_mapping, parse_year, read_metadata
from artexplore.store import Workspace
from conftest import noise, save, stripes


@pytest.fixture
def ws(tmp_path):
    return Workspace(tmp_path / "ws", create=True)


def test_reingest_is_idempotent_and_incremental(ws, make_collection, tmp_path):
    folder, meta = make_collection(4)
    first = ingest(ws, folder, metadata=meta)
    assert (first.added, first.skipped_total, first.works_total) == (4, 0, 4)
    ids = {w["path"]: w["id"] for w in ws.works()}
    assert all(ws.thumbnail_path(i).exists() for i in ids.values())

    again = ingest(ws, folder, metadata=meta)
    assert (again.added, again.updated, again.unchanged, again.missing) == (0, 0, 4, 0)
    assert {w["path"]: w["id"] for w in ws.works()} == ids  # stable ids, no duplicates

    # A new file, a changed file, a removed file.
    save(noise(seed=5), folder / "a" / "new.png")
    save(noise(seed=6), folder / "a" / "work_00.png")
    os.remove(folder / "b" / "work_01.png")
    third = ingest(ws, folder, metadata=meta)
    assert (third.added, third.updated, third.missing, third.unchanged) == (1, 1, 1, 2)
    now = {w["path"]: w for w in ws.works(status=None)}
    assert now["a/work_00.png"]["id"] != ids["a/work_00.png"]
    assert now["a/work_00.png"]["title"] == "Title 0"  # metadata survives a content change
    assert now["b/work_01.png"]["status"] == "missing"
    assert len(ws.works()) == 4


def test_moved_file_keeps_its_id_and_metadata(ws, make_collection):
    folder, meta = make_collection(3)
    ingest(ws, folder, metadata=meta)
    before = ws.work_by_path("a/work_02.png")
    (folder / "c").mkdir()
    os.rename(folder / "a" / "work_02.png", folder / "c" / "renamed.png")
    report = ingest(ws, folder)
    assert report.moved == 1 and report.added == 0
    after = ws.work_by_path("c/renamed.png")
    assert after["id"] == before["id"] and after["title"] == "Title 2"


def test_duplicate_content_is_skipped_with_reason(ws, make_collection):
    folder, _ = make_collection(2)
    (folder / "copy.png").write_bytes((folder / "a" / "work_00.png").read_bytes())
    report = ingest(ws, folder)
    assert report.added == 2
    assert report.skipped["copy.png"][0] == "duplicate"
    assert "a/work_00.png" in report.skipped["copy.png"][1]


def _jpeg(arr: np.ndarray) -> bytes:
    buf = io.BytesIO()
    Image.fromarray(arr).save(buf, format="JPEG", quality=90)
    return buf.getvalue()


def build_awkward_corpus(folder):
    """One file per awkward case of the issue; returns {relative path: expected outcome}."""
    folder.mkdir(parents=True)
    expect = {}
    save(stripes(), folder / "plain.jpg")
    expect["plain.jpg"] = "ok"
    img = Image.fromarray(stripes((40, 80)))
    exif = Image.Exif()
    exif[0x0112] = 8
    img.save(folder / "exif rotated.jpg", exif=exif)
    expect["exif rotated.jpg"] = "ok"
    Image.new("P", (70, 70), 3).save(folder / "palette.png")
    expect["palette.png"] = "ok"
    Image.new("LA", (70, 70), (100, 128)).save(folder / "grey_alpha.png")
    expect["grey_alpha.png"] = "ok"
    Image.new("RGBA", (70, 70), (10, 20, 30, 0)).save(folder / "alpha.png")
    expect["alpha.png"] = "ok"
    Image.new("CMYK", (70, 70), (0, 255, 255, 0)).save(folder / "cmyk.jpg")
    expect["cmyk.jpg"] = "ok"
    Image.fromarray(np.full((70, 70), 40000, np.uint16)).save(folder / "sixteen.png")
    expect["sixteen.png"] = "ok"
    Image.new("L", (70, 70), 9).save(folder / "grey.tif")
    expect["grey.tif"] = "ok"
    frames = [Image.new("RGB", (70, 70), c) for c in ("red", "blue")]
    frames[0].save(folder / "anim.gif", save_all=True, append_images=frames[1:])
    expect["anim.gif"] = "ok"
    (folder / "png_named.jpg").write_bytes(_png(Image.fromarray(noise((70, 70), seed=3))))
    expect["png_named.jpg"] = "ok"
    save(noise((20, 30), seed=4), folder / "tiny.png")
    expect["tiny.png"] = "ok"
    save(noise((200, 200), seed=7), folder / "giant.png")
    expect["giant.png"] = "too-large"
    (folder / "zero.jpg").write_bytes(b"")
    expect["zero.jpg"] = "empty"
    data = _jpeg(noise((150, 150), seed=8))
    (folder / "truncated.jpg").write_bytes(data[: len(data) // 3])
    expect["truncated.jpg"] = "truncated"
    (folder / "notes.jpg").write_text("not an image at all")
    expect["notes.jpg"] = "not-an-image"
    name = unicodedata.normalize("NFC", "Tête à tête — 浮世絵 1.png")
    save(noise((70, 70), seed=9), folder / "sub dir" / name)
    expect[f"sub dir/{name}"] = "ok"
    os.symlink(folder, folder / "sub dir" / "loop")  # a symbolic link loop
    return expect


def _png(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    return buf.getvalue()


def test_awkward_corpus_loads_or_skips_each_file_as_specified(ws, tmp_path):
    folder = tmp_path / "awkward"
    expect = build_awkward_corpus(folder)
    report = ingest(ws, folder, config=IngestConfig(max_pixels=30_000))
    works = {w["path"]: w for w in ws.works()}
    skipped = {s["path"]: s for s in ws.skipped()}
    for rel, outcome in expect.items():
        if outcome == "ok":
            assert rel in works, f"{rel} should be ingested"
            assert ws.thumbnail_path(works[rel]["id"]).exists()
        else:
            assert skipped[rel]["reason"] == outcome, rel
            assert skipped[rel]["detail"], rel
    assert set(works) | set(skipped) == set(expect)  # the loop was not followed twice
    assert "small" in works["tiny.png"]["flags"]
    assert "animated" in works["anim.gif"]["flags"]
    assert "extension-mismatch" in works["png_named.jpg"]["flags"]
    assert works["png_named.jpg"]["format"] == "PNG"
    assert (works["exif rotated.jpg"]["width"], works["exif rotated.jpg"]["height"]) == (40, 80)
    thumb = np.asarray(Image.open(ws.thumbnail_path(works["alpha.png"]["id"])))
    assert thumb.mean() > 240  # transparent pixels became white
    assert report.to_dict()["skipped_reasons"] == {
        "empty": 1, "not-an-image": 1, "too-large": 1, "truncated": 1}

    # Skipped files are not re-read while unchanged; a fixed file is picked up.
    again = ingest(ws, folder, config=IngestConfig(max_pixels=30_000))
    assert again.skipped == {} and again.unchanged == len(expect)
    save(noise((60, 60), seed=11), folder / "zero.jpg", format="JPEG")
    fixed = ingest(ws, folder, config=IngestConfig(max_pixels=30_000))
    assert fixed.added == 1 and "zero.jpg" not in {s["path"] for s in ws.skipped()}


def test_scan_terminates_on_symlink_loops(tmp_path):
    (tmp_path / "x" / "y").mkdir(parents=True)
    save(stripes(), tmp_path / "x" / "y" / "a.png")
    os.symlink(tmp_path / "x", tmp_path / "x" / "y" / "back")
    os.symlink(tmp_path / "x" / "y", tmp_path / "x" / "again")
    assert scan_folder(tmp_path / "x") == ["again/a.png"] or \
        scan_folder(tmp_path / "x") == ["y/a.png"]


def test_missing_folder_and_other_collection(ws, tmp_path, make_collection):
    with pytest.raises(WorkspaceError, match="Folder not found"):
        ingest(ws, tmp_path / "nope")
    folder, _ = make_collection(1)
    ingest(ws, folder)
    other = tmp_path / "other"
    other.mkdir()
    with pytest.raises(WorkspaceError, match="--relocate"):
        ingest(ws, other)


def test_cancel_keeps_finished_batches(ws, make_collection):
    folder, _ = make_collection(8)
    calls = []

    def progress(done, total=None, message=""):
        calls.append(done)
        if done >= 2 and len(calls) > 1:
            raise JobCancelled("stop")

    with pytest.raises(JobCancelled):
        ingest(ws, folder, config=IngestConfig(commit_every=2, workers=1), progress=progress)
    kept = len(ws.works())
    assert 2 <= kept < 8
    report = ingest(ws, folder)
    assert report.added == 8 - kept and len(ws.works()) == 8


# -- metadata --------------------------------------------------------------------------------
def test_metadata_join_by_path_then_file_name_and_mapping(ws, make_collection, tmp_path):
    folder, _ = make_collection(4)
    meta = tmp_path / "catalogue.csv"
    meta.write_text(
        "Image;Maker;Year;Dimensions;Collection\n"
        "a/work_00.png;Anker;c. 1866;73 x 92 cm;Bern\n"
        "work_01.png;Hiroshige;1835;;\n"          # joined by file name
        "elsewhere/work_02.png;Nobody;1900;;\n"    # a different path, joined by unique name
        "ghost.png;Ghost;1;;\n",                   # no such file
        encoding="cp1252")
    report = ingest(ws, folder, metadata=meta, mapping=parse_mapping("path=Image,artist=Maker"))
    assert report.metadata_joined == 3 and report.metadata_unmatched == 1
    w0 = ws.work_by_path("a/work_00.png")
    assert (w0["artist"], w0["date"], w0["year"]) == ("Anker", "c. 1866", 1866)
    assert (w0["height_cm"], w0["width_cm"]) == (73.0, 92.0)
    assert w0["metadata"] == {"Dimensions": "73 x 92 cm", "Collection": "Bern"}
    assert ws.work_by_path("b/work_01.png")["artist"] == "Hiroshige"
    assert ws.work_by_path("b/work_03.png")["artist"] is None


def test_metadata_errors_are_clear(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("Name,Painter\nx,y\n")
    with pytest.raises(MetadataError, match="no path column"):
        read_metadata(bad)
    with pytest.raises(MetadataError, match="'Nope'.*not in the CSV"):
        read_metadata(bad, {"path": "Nope"})
    with pytest.raises(MetadataError, match="Unknown field 'colour'"):
        parse_mapping("colour=Paint")
    with pytest.raises(MetadataError, match="not found"):
        read_metadata(tmp_path / "absent.csv")


@pytest.mark.parametrize("text, expected", [
    ("73 x 92 cm", (73.0, 92.0)), ("73,5 × 60", (73.5, 60.0)), ("300 x 200 mm", (30.0, 20.0)),
    ("10 x 20 in", (25.4, 50.8)), ("unknown", None), ("", None),
])
def test_parse_dimensions(text, expected):
    got = parse_dimensions(text)
    assert got == expected if expected is None else got == pytest.approx(expected)


@pytest.mark.parametrize("text, year", [("1889", 1889), ("c. 1889–90", 1889), ("circa 950 AD", 950),
                                        ("n.d.", None), (None, None)])
def test_parse_year(text, year):
    assert parse_year(text) == year

"""Ingest from IIIF against a site served on loopback by the test (no network)."""

from __future__ import annotations

import json
import time

import pytest
from typer.testing import CliRunner

from artexplore.cli import app
from artexplore.imageio import load_rgb
from artexplore.ingest.iiif import ClientConfig, FetchError, IIIFOptions, ingest_iiif
from artexplore.ingest.iiif.presentation import (
    ImageRef,
    catalogue_record,
    describe,
    image_request,
    level0_size,
    pick_image,
    text_of,
)
from artexplore.store import Workspace
from tests.iiif_site import Site, build_site, serve

# Short limits so that the hanging source costs about a second.
FAST = ClientConfig(timeout=0.5, deadline=5, retries=1, backoff=0.05, max_pixels=1_000_000)


@pytest.fixture
def site():
    with serve(Site()) as s:
        s.urls = build_site(s)
        yield s


def _by_manifest(ws: Workspace) -> dict[str, dict]:
    return {w["metadata"]["iiif_manifest"]: w for w in ws.works()}


def test_collection_ingest_good_and_hostile_sources(site, tmp_path):
    ws = Workspace(tmp_path / "ws", create=True)
    urls = site.urls
    start = time.monotonic()
    result = ingest_iiif(ws, [urls["collection"]], options=IIIFOptions(size=400),
                         client_config=FAST)
    assert time.monotonic() - start < 20  # the hanging server did not hold the run
    assert result["manifests"] == 9 and result["added"] == 3

    works = _by_manifest(ws)
    assert set(works) == {urls["p3"], urls["p21"], urls["static"]}
    a = works[urls["p3"]]
    assert (a["title"], a["artist"], a["date"], a["year"]) == (
        "The Starry Night", "Vincent van Gogh", "1889", 1889)
    assert a["technique"] == "Oil on canvas"
    assert (a["height_cm"], a["width_cm"]) == (73.7, 92.1)
    assert a["metadata"]["Accession number"] == "472.1941"
    assert a["metadata"]["summary"] == "A night sky over Saint-Rémy."
    assert a["metadata"]["attribution"] == "Test Museum"
    assert a["metadata"]["iiif_service"] == site.url("/img/a")
    assert a["metadata"]["iiif_canvas"] == site.url("/m/p3/canvas/1")
    # Level 0: the largest listed size within 400 px, asked for by its own URL.
    assert (a["width"], a["height"]) == (300, 200)
    assert site.count("/img/a/full/300,200/0/default.jpg", 200) == 1

    b = works[urls["p21"]]  # Presentation 2.1 inside a nested 2.x collection
    assert (b["title"], b["artist"], b["technique"], b["style"]) == (
        "Portrait of a Lady", "Rembrandt", "Oil on panel", "Baroque")
    assert (b["date"], b["year"]) == ("1632-01-01", 1632)
    assert (b["width"], b["height"]) == (250, 300)
    assert site.count("/img/b/full/250,/0/default.jpg", 200) == 1
    c = works[urls["static"]]
    assert (c["width"], c["height"], c["artist"]) == (400, 300, "Unknown")

    for work in works.values():  # the images live in the workspace and read like any other
        path = ws.image_path(work)
        assert path.is_relative_to(ws.root) and path.is_file()
        assert load_rgb(path).shape[:2] == (work["height"], work["width"])
        assert ws.thumbnail_path(work["id"]).is_file()

    skipped = {s["path"]: s["reason"] for s in ws.skipped()}
    assert skipped == {urls["noimage"]: "no-image", urls["huge"]: "too-large",
                       urls["html"]: "not-json", urls["missing"]: "http-404",
                       urls["hang"]: "timeout", urls["loop"]: "redirect-loop",
                       "file:///etc/passwd": "bad-url"}  # a collection never reads a file
    details = {s["path"]: s["detail"] for s in ws.skipped()}
    assert "1,000,000" in details[urls["huge"]] and "text/html" in details[urls["html"]]

    # A re-run fetches nothing new: good manifests answer 304, no image is asked for.
    before = len(site.log)
    again = ingest_iiif(ws, [urls["collection"]], options=IIIFOptions(size=400),
                        client_config=FAST)
    second = site.log[before:]
    assert again["added"] == 0 and again["updated"] == 0 and again["unchanged"] == 5
    assert not [p for p, _ in second if p.startswith(("/img/", "/static/"))]
    good = {"/collection.json", "/sub.json", "/m/p3.json", "/m/p21.json", "/m/static.json",
            "/m/noimage.json", "/m/huge.json"}
    assert {s for p, s in second if p in good} == {304}
    assert len(ws.works()) == 3


def test_changed_manifest_updates_metadata_without_refetching_the_image(site, tmp_path):
    ws = Workspace(tmp_path / "ws", create=True)
    ingest_iiif(ws, [site.urls["p3"]], options=IIIFOptions(size=400), client_config=FAST)
    doc = json.loads(site.files["/m/p3.json"][0])
    doc["label"] = {"en": ["The Starry Night (1889)"]}
    site.add_json("/m/p3.json", doc)
    before = len(site.log)
    result = ingest_iiif(ws, [site.urls["p3"]], options=IIIFOptions(size=400),
                         client_config=FAST)
    assert result["added"] == 0
    assert ws.works()[0]["title"] == "The Starry Night (1889)"
    assert [p for p, _ in site.log[before:]] == ["/m/p3.json", "/img/a/info.json"]
    # A new size asks for the image again.
    result = ingest_iiif(ws, [site.urls["p3"]], options=IIIFOptions(size=700),
                         client_config=FAST)
    assert result["updated"] == 1 and ws.works()[0]["width"] == 600


def test_limit_and_source_list_file(site, tmp_path):
    (tmp_path / "a manifest.json").write_bytes(site.files["/m/p21.json"][0])
    listing = tmp_path / "sources.txt"
    listing.write_text(f"# three manifests\n{site.urls['static']}\n\n{site.urls['p3']}\n"
                       "a manifest.json\n")
    ws = Workspace(tmp_path / "ws", create=True)
    result = ingest_iiif(ws, [listing], options=IIIFOptions(size=400, limit=1),
                         client_config=FAST)
    assert result["manifests"] == 1 and result["added"] == 1
    assert ws.works()[0]["metadata"]["iiif_manifest"] == site.urls["static"]
    result = ingest_iiif(ws, [listing], options=IIIFOptions(size=400), client_config=FAST)
    assert result["manifests"] == 3 and result["added"] == 2 and result["unchanged"] == 1
    assert {w["title"] for w in ws.works()} == {"Study", "The Starry Night",
                                                "Portrait of a Lady"}


def test_cancelled_ingest_resumes_where_it_stopped(site, tmp_path):
    from artexplore.errors import JobCancelled

    def cancel_after_first(done, total=None, message=""):
        if total and done == 1:
            raise JobCancelled("cancelled")

    ws = Workspace(tmp_path / "ws", create=True)
    sources = [site.urls[k] for k in ("p3", "p21", "static")]
    with pytest.raises(JobCancelled):
        ingest_iiif(ws, sources, options=IIIFOptions(size=400, workers=1),
                    client_config=FAST, progress=cancel_after_first)
    assert len(ws.works()) == 1  # what was done is kept
    before = len(site.log)
    result = ingest_iiif(ws, sources, options=IIIFOptions(size=400), client_config=FAST)
    assert (result["added"], result["unchanged"]) == (2, 1)
    second = site.log[before:]
    assert ("/m/p3.json", 304) in second and not [p for p, _ in second if p.startswith("/img/a/")]


def test_per_host_limit_and_retry_with_backoff(site, tmp_path):
    from dataclasses import replace

    site.delay = 0.1
    site.fail_once.add("/m/static.json")
    ws = Workspace(tmp_path / "ws", create=True)
    polite = replace(FAST, per_host=2, retries=2)
    result = ingest_iiif(ws, [site.urls[k] for k in ("p3", "p21", "static")],
                         options=IIIFOptions(size=400, workers=6), client_config=polite)
    assert result["added"] == 3 and result["skipped"] == 0
    assert site.max_inflight == 2  # concurrent, but never more than 2 at once on one host
    assert [s for p, s in site.log if p == "/m/static.json"] == [503, 200]


def test_folder_reingest_keeps_iiif_works(site, tmp_path, make_collection):
    from artexplore.ingest.folder import ingest

    folder, _ = make_collection(2)
    ws = Workspace(tmp_path / "ws", create=True)
    ingest(ws, folder)
    ingest_iiif(ws, [site.urls["p3"], site.urls["missing"]], options=IIIFOptions(size=400),
                client_config=FAST)
    ingest(ws, folder)
    assert ws.counts()["ok"] == 3 and ws.counts().get("missing", 0) == 0
    assert [s["path"] for s in ws.skipped()] == [site.urls["missing"]]
    # Later stages read the fetched image like any file.
    from artexplore.features import embed

    embed(ws, "color", num_workers=0)
    from artexplore.features import load_features

    assert len(load_features(ws, "color").ids) == 3


def test_cli_ingest_iiif_runs_as_a_job(site, tmp_path):
    from artexplore import jobs

    runner = CliRunner()
    ws = tmp_path / "ws"
    result = runner.invoke(app, ["ingest-iiif", site.urls["p21"], "--workspace", str(ws),
                                 "--size", "400", "--timeout", "2", "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["added"] == 1 and summary["manifests"] == 1
    records = jobs.list_jobs(Workspace(ws))
    assert [(r.kind, r.status) for r in records] == [("ingest-iiif", "done")]

    bad = runner.invoke(app, ["ingest-iiif", str(tmp_path / "absent.json"), "-w", str(ws)])
    assert bad.exit_code == 1
    assert bad.stderr.strip().startswith("error: IIIF source not found")
    assert len(bad.stderr.strip().splitlines()) == 1


def test_presentation_helpers():
    assert text_of({"fr": ["Nuit"], "en": ["Night", "Sky"]}) == "Night; Sky"
    assert text_of([{"@value": "Nacht", "@language": "de"}], "en") == "Nacht"
    assert text_of("<b>bold</b> &amp; plain") == "bold & plain"
    assert level0_size({"sizes": [{"width": 100, "height": 50}, {"width": 800, "height": 400},
                                  {"width": 2000, "height": 1000}]}, 1024) == (800, 400)
    assert level0_size({"sizes": [{"width": 2000, "height": 1000}]}, 512) == (2000, 1000)
    level2 = ImageRef("c", service_id="https://x/iiif/1", service_version=3, service_level=2)
    assert image_request(level2, 1024)[0] == "https://x/iiif/1/full/!1024,1024/0/default.jpg"
    small = ImageRef("c", width=600, height=400, service_id="https://x/i", service_version=2,
                     service_level=2)
    assert image_request(small, 1024)[0] == "https://x/i/full/full/0/default.jpg"
    desc = describe({"type": "Manifest", "label": {"en": ["X"]}, "metadata": [
        {"label": {"en": ["Maker"]}, "value": {"en": ["A"]}},
        {"label": {"en": ["Maker"]}, "value": {"en": ["B"]}},
        {"label": {"en": ["Measurements"]}, "value": {"en": ["10 x 20 in"]}}]})
    two = {"type": "Manifest", "items": [
        {"id": "c1", "type": "Canvas", "items": []},
        {"id": "c2", "type": "Canvas", "items": [{"type": "AnnotationPage", "items": [
            {"type": "Annotation", "motivation": "painting",
             "body": {"id": "https://x/2.jpg", "type": "Image"}}]}]}]}
    assert pick_image(two).canvas_id == "c2"
    with pytest.raises(FetchError, match="canvas number 1 paints no image"):
        pick_image(two, 0)
    with pytest.raises(FetchError, match="has 2 canvases"):
        pick_image(two, 2)
    record = catalogue_record(desc)
    assert record["artist"] == "A; B" and record["title"] == "X"
    assert (record["height_cm"], record["width_cm"]) == (25.4, 50.8)


def test_exhibition_of_iiif_works_points_back_to_the_museum(site, tmp_path):
    import html
    from html.parser import HTMLParser

    from iiif_prezi3 import Manifest

    from artexplore.exhibit import create_exhibition, render_export

    ws = Workspace(tmp_path / "ws", create=True)
    ingest_iiif(ws, [site.urls["collection"]], options=IIIFOptions(size=400),
                client_config=FAST)
    works = _by_manifest(ws)
    ids = [works[site.urls[k]]["id"] for k in ("p3", "p21", "static")]
    hostile = "<img src=x onerror=alert(1)>"
    ws.set_metadata(ids[2], title="<b>bold</b>", artist=hostile)
    ex = create_exhibition(ws, "From the museum", ids)

    text = render_export(ws, ex, "iiif")
    manifest = Manifest(**json.loads(text))  # loads back through iiif-prezi3
    assert len(manifest.items) == 3
    doc = json.loads(text)
    bodies = [c["items"][0]["items"][0]["body"] for c in doc["items"]]
    assert bodies[0]["service"] == [{"id": site.url("/img/a"), "type": "ImageService3",
                                     "profile": "level0"}]
    assert bodies[0]["id"] == site.url("/img/a/full/max/0/default.jpg")
    assert (bodies[0]["width"], bodies[0]["height"]) == (1200, 800)  # the original's size
    assert bodies[1]["service"] == [{"@id": site.url("/img/b"), "@type": "ImageService2",
                                     "profile": "http://iiif.io/api/image/2/level0.json"}]
    assert bodies[2]["id"] == site.url("/static/c.jpg") and "service" not in bodies[2]
    assert doc["items"][0]["partOf"] == [{"id": site.urls["p3"], "type": "Manifest"}]
    first = {m["label"]["en"][0]: m["value"]["en"][0] for m in doc["items"][0]["metadata"]}
    assert first["source"] == "https://museum.example/objects/472"

    # Issue 13, point 10: a value that looks like HTML is shown as text.
    third = doc["items"][2]
    label = third["label"]["en"][0]
    assert not label.startswith("<") and html.unescape(label) == "<b>bold</b>"
    artist = {m["label"]["en"][0]: m["value"]["en"][0] for m in third["metadata"]}["artist"]
    assert artist.startswith("<span>") and artist.endswith("</span>")
    tags = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag, attrs):
            tags.append(tag)

        def handle_data(self, data):
            tags.append(("text", data))

    Tags().feed(artist)
    assert tags == ["span", ("text", hostile)]

    page = render_export(ws, ex, "html")
    assert 'href="https://museum.example/objects/472"' in page
    assert f'href="{site.urls["p21"]}"' in page
    assert "<img src=x" not in page and page.count('src="data:image/jpeg;base64,') == 3

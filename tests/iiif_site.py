"""A small IIIF site served on loopback for the tests: a level-0 static Image API tree,
Presentation 2.1 and 3 manifests, collections of them, and hostile answers."""

from __future__ import annotations

import hashlib
import io
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import numpy as np
from PIL import Image

P3 = "http://iiif.io/api/presentation/3/context.json"
P2 = "http://iiif.io/api/presentation/2/context.json"


def jpeg(width: int, height: int, seed: int) -> bytes:
    """A JPEG of smooth random colour (distinct per seed)."""
    rng = np.random.default_rng(seed)
    small = rng.integers(0, 256, size=(4, 4, 3), dtype=np.uint8)
    img = Image.fromarray(small).resize((width, height), Image.Resampling.BILINEAR)
    buf = io.BytesIO()
    img.save(buf, format="JPEG", quality=85)
    return buf.getvalue()


@dataclass
class Site:
    """The resources (path → body, content type), redirects, and the request log."""

    base: str = ""
    files: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)
    log: list[tuple[str, int]] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)
    delay: float = 0.0  # seconds each answer waits (to see concurrency)
    fail_once: set[str] = field(default_factory=set)  # paths that answer 503 the first time
    inflight: int = 0
    max_inflight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add_json(self, path: str, doc: dict) -> None:
        self.files[path] = (json.dumps(doc).encode(), "application/ld+json")

    def url(self, path: str) -> str:
        return self.base + path

    def level0_tree(self, path: str, width: int, height: int, version: int, seed: int,
                    scales: tuple[int, ...] = (8, 4, 2)) -> None:
        """info.json and the sized JPEGs of a static (level 0) Image API service."""
        sizes = [(width // s, height // s) for s in scales]
        if version == 3:
            info = {"@context": "http://iiif.io/api/image/3/context.json",
                    "id": self.url(path), "type": "ImageService3", "protocol":
                    "http://iiif.io/api/image", "profile": "level0", "width": width,
                    "height": height, "sizes": [{"width": w, "height": h} for w, h in sizes]}
        else:
            info = {"@context": "http://iiif.io/api/image/2/context.json",
                    "@id": self.url(path), "protocol": "http://iiif.io/api/image",
                    "profile": ["http://iiif.io/api/image/2/level0.json"], "width": width,
                    "height": height, "sizes": [{"width": w, "height": h} for w, h in sizes]}
        self.add_json(f"{path}/info.json", info)
        for w, h in sizes:
            region = f"{w},{h}" if version == 3 else f"{w},"
            self.files[f"{path}/full/{region}/0/default.jpg"] = (jpeg(w, h, seed), "image/jpeg")

    def count(self, prefix: str = "", status: int | None = None) -> int:
        return sum(1 for p, s in self.log if p.startswith(prefix) and (status is None
                                                                          or s == status))


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # quiet
            pass

        def _send(self, status: int, body: bytes = b"", ctype: str = "text/plain",
                  headers: dict[str, str] | None = None) -> None:
            site.log.append((self.path, status))
            self.send_response(status)
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            if status != 304:
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if status != 304:
                self.wfile.write(body)

        def do_GET(self) -> None:
            with site.lock:
                site.inflight += 1
                site.max_inflight = max(site.max_inflight, site.inflight)
            try:
                if site.delay:
                    time.sleep(site.delay)
                self._get()
            finally:
                with site.lock:
                    site.inflight -= 1

        def _get(self) -> None:
            path = self.path
            if path in site.fail_once:
                site.fail_once.discard(path)
                self._send(503, b"busy", headers={"Retry-After": "0"})
                return
            if path.startswith("/hang"):
                site.log.append((path, 0))
                site.release.wait(30)
                return
            if path in site.redirects:
                self._send(302, headers={"Location": site.redirects[path]})
                return
            if path == "/html":
                self._send(200, b"<!DOCTYPE html><html><body>Not found</body></html>",
                           "text/html")
                return
            if path not in site.files:
                self._send(404, b"not found")
                return
            body, ctype = site.files[path]
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self._send(304, headers={"ETag": etag})
                return
            self._send(200, body, ctype, {"ETag": etag})

    return Handler


@contextmanager
def serve(site: Site) -> Iterator[Site]:
    """Serve a site on 127.0.0.1 (a free port) while the block runs."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.release.set()
        server.shutdown()
        server.server_close()


def canvas3(site: Site, name: str, body: dict, width: int, height: int) -> dict:
    cid = site.url(f"/m/{name}/canvas/1")
    return {"id": cid, "type": "Canvas", "width": width, "height": height, "items": [
        {"id": f"{cid}/page", "type": "AnnotationPage", "items": [
            {"id": f"{cid}/anno", "type": "Annotation", "motivation": "painting",
             "target": cid, "body": body}]}]}


def build_site(site: Site) -> dict[str, str]:
    """Fill the site with good and hostile sources; returns their URLs by name.

    Call after :func:`serve` has set ``site.base``.
    """
    site.level0_tree("/img/a", 1200, 800, 3, seed=1)
    site.level0_tree("/img/b", 1000, 1200, 2, seed=2)
    site.files["/static/c.jpg"] = (jpeg(400, 300, 3), "image/jpeg")
    site.files["/static/huge.jpg"] = (jpeg(1300, 1000, 4), "image/jpeg")

    # Presentation 3, level-0 service, metadata a museum would give.
    body_a = {"id": site.url("/img/a/full/max/0/default.jpg"), "type": "Image",
              "format": "image/jpeg", "width": 1200, "height": 800,
              "service": [{"id": site.url("/img/a"), "type": "ImageService3",
                           "profile": "level0"}]}
    site.add_json("/m/p3.json", {
        "@context": P3, "id": site.url("/m/p3.json"), "type": "Manifest",
        "label": {"en": ["The Starry Night"], "fr": ["La Nuit étoilée"]},
        "metadata": [
            {"label": {"en": ["Artist"]}, "value": {"none": ["<span>Vincent van Gogh</span>"]}},
            {"label": {"en": ["Date"]}, "value": {"en": ["1889"]}},
            {"label": {"en": ["Medium"]}, "value": {"en": ["Oil on canvas"]}},
            {"label": {"en": ["Dimensions"]}, "value": {"en": ["73.7 x 92.1 cm"]}},
            {"label": {"en": ["Accession number"]}, "value": {"none": ["472.1941"]}}],
        "summary": {"en": ["A night sky over Saint-Rémy."]},
        "requiredStatement": {"label": {"en": ["Attribution"]},
                              "value": {"en": ["Test Museum"]}},
        "rights": "http://creativecommons.org/publicdomain/mark/1.0/",
        "homepage": [{"id": "https://museum.example/objects/472", "type": "Text",
                      "label": {"en": ["Object page"]}}],
        "items": [canvas3(site, "p3", body_a, 1200, 800)]})

    # Presentation 2.1, level-0 service (Image API 2), a navDate instead of a date.
    cid = site.url("/m/p21/canvas/1")
    site.add_json("/m/p21.json", {
        "@context": P2, "@id": site.url("/m/p21.json"), "@type": "sc:Manifest",
        "label": "Portrait of a Lady", "navDate": "1632-01-01T00:00:00Z",
        "metadata": [{"label": "Creator", "value": [{"@value": "Rembrandt", "@language": "en"},
                                                    {"@value": "Rembrandt van Rijn",
                                                     "@language": "nl"}]},
                     {"label": "Technique", "value": "Oil on panel"},
                     {"label": "Style", "value": "Baroque"}],
        "description": "A portrait.", "attribution": "Old Museum",
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "sequences": [{"@type": "sc:Sequence", "canvases": [{
            "@id": cid, "@type": "sc:Canvas", "width": 1000, "height": 1200,
            "images": [{"@type": "oa:Annotation", "motivation": "sc:painting", "on": cid,
                        "resource": {"@id": site.url("/img/b/full/full/0/default.jpg"),
                                     "@type": "dctypes:Image", "format": "image/jpeg",
                                     "width": 1000, "height": 1200,
                                     "service": {"@context":
                                                 "http://iiif.io/api/image/2/context.json",
                                                 "@id": site.url("/img/b"),
                                                 "profile": "http://iiif.io/api/image/2/"
                                                            "level0.json"}}}]}]}]})

    # Presentation 3 with a static image (no service).
    body_c = {"id": site.url("/static/c.jpg"), "type": "Image", "format": "image/jpeg",
              "width": 400, "height": 300}
    site.add_json("/m/static.json", {
        "@context": P3, "id": site.url("/m/static.json"), "type": "Manifest",
        "label": {"none": ["Study"]},
        "metadata": [{"label": {"en": ["Artist"]}, "value": {"en": ["Unknown"]}}],
        "items": [canvas3(site, "static", body_c, 400, 300)]})

    # Hostile or useless sources.
    site.add_json("/m/noimage.json", {"@context": P3, "id": site.url("/m/noimage.json"),
                                      "type": "Manifest", "label": {"en": ["Empty"]},
                                      "items": []})
    body_h = {"id": site.url("/static/huge.jpg"), "type": "Image", "format": "image/jpeg"}
    site.add_json("/m/huge.json", {"@context": P3, "id": site.url("/m/huge.json"),
                                   "type": "Manifest", "label": {"en": ["Huge"]},
                                   "items": [canvas3(site, "huge", body_h, 1300, 1000)]})
    site.redirects["/m/loop1.json"] = "/m/loop2.json"
    site.redirects["/m/loop2.json"] = "/m/loop1.json"

    def ref(path: str, kind: str = "Manifest") -> dict:
        return {"id": site.url(path), "type": kind, "label": {"none": [path]}}

    site.add_json("/sub.json", {"@context": P2, "@id": site.url("/sub.json"),
                                "@type": "sc:Collection", "label": "Older paintings",
                                "manifests": [{"@id": site.url("/m/p21.json"),
                                               "@type": "sc:Manifest", "label": "Portrait"}]})
    site.add_json("/collection.json", {
        "@context": P3, "id": site.url("/collection.json"), "type": "Collection",
        "label": {"en": ["Test collection"]},
        "items": [ref("/m/p3.json"), ref("/sub.json", "Collection"), ref("/m/static.json"),
                  ref("/m/noimage.json"), ref("/m/huge.json"), ref("/html", "Manifest"),
                  ref("/m/missing.json"), ref("/hang.json"), ref("/m/loop1.json"),
                  {"id": "file:///etc/passwd", "type": "Manifest"}]})
    return {name: site.url(path) for name, path in {
        "collection": "/collection.json", "p3": "/m/p3.json", "p21": "/m/p21.json",
        "static": "/m/static.json", "noimage": "/m/noimage.json", "huge": "/m/huge.json",
        "html": "/html", "missing": "/m/missing.json", "hang": "/hang.json",
        "loop": "/m/loop1.json"}.items()}

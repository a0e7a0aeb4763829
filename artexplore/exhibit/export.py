"""Exporting an exhibition: CSV checklist, JSON, IIIF Presentation 3 manifest, HTML catalogue.

- **CSV**: one row per work in walk order. A cell that a spreadsheet would run
  as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
  return) is prefixed with ``'`` so it is shown as text.
- **JSON**: the exhibition with its sections, notes and the works' metadata.
- **IIIF**: a Presentation 3 manifest built with ``iiif-prezi3``: one canvas per
  work, sized as the image, painting the image file at ``base_url`` + its work
  path; a work that came from IIIF paints the museum's own image, with its Image
  API service (deep zoom in Mirador or Universal Viewer), and is ``partOf`` its
  source manifest; one range per section. Labels and values are text: one that a
  viewer would read as HTML is escaped.
- **HTML**: one self-contained printable file: images embedded as JPEG data URIs,
  every string from the catalogue HTML-escaped, works from IIIF linked to their source.
"""

from __future__ import annotations

import base64
import csv
import html
import io
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from ..csvsafe import neutralise
from ..errors import ArtExploreError
from ..store.catalog import CANONICAL_FIELDS, now
from ..store.workspace import Workspace
from .model import Exhibition

log = logging.getLogger(__name__)

EXPORT_FORMATS = ("csv", "json", "iiif", "html")
SUFFIXES = {"csv": ".csv", "json": ".json", "iiif": ".json", "html": ".html"}
MIME = {"csv": "text/csv", "json": "application/json", "iiif": "application/ld+json",
        "html": "text/html"}
CSV_COLUMNS = ("number", "section", "title", "artist", "date", "style", "technique",
               "width_cm", "height_cm", "work_path", "note", "status")
_IMAGE_MIME = {"JPEG": "image/jpeg", "PNG": "image/png", "TIFF": "image/tiff",
               "WEBP": "image/webp", "GIF": "image/gif", "BMP": "image/bmp"}


@dataclass(frozen=True)
class ExportOptions:
    """Settings of the exports.

    Parameters
    ----------
    base_url : str, optional
        Where the image files are served; a work's image is ``base_url`` + its
        work path (URL-quoted). By default the collection folder as a ``file://`` URL.
    manifest_url : str, optional
        The manifest's own id (IIIF); by default ``base_url`` +
        ``exhibitions/<id>/manifest.json``.
    image_side : int, default=480
        Longest side of the images embedded in the HTML catalogue (pixels).
    language : str, default="en"
        Language of the IIIF labels.
    """

    base_url: str | None = None
    manifest_url: str | None = None
    image_side: int = 480
    language: str = "en"

    def __post_init__(self) -> None:
        if not 32 <= int(self.image_side) <= 4096:
            raise ArtExploreError(f"image_side must be in [32, 4096], got {self.image_side}")


def _works(ws: Workspace, ex: Exhibition) -> dict[str, dict[str, Any]]:
    works = {w["id"]: w for w in ws.works(status=None, ids=ex.work_ids)}
    lost = [w for w in ex.work_ids if w not in works]
    if lost:
        raise ArtExploreError(f"{len(lost)} work(s) of exhibition {ex.id!r} are no longer in "
                              f"the catalogue, e.g. {lost[:3]}")
    return works


def _entries(ws: Workspace, ex: Exhibition,
             works: dict[str, dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """One record per work in walk order: number, section, metadata, note."""
    works = _works(ws, ex) if works is None else works
    out, number = [], 0
    for section in ex.sections:
        for item in section.items:
            number += 1
            w = works[item.work_id]
            entry = {"number": number, "section": section.title, "section_id": section.id,
                     "work_id": w["id"], "work_path": w["path"], "note": item.note,
                     "status": w["status"], "width": w["width"], "height": w["height"],
                     "format": w["format"], "year": w.get("year")}
            for name in CANONICAL_FIELDS:
                entry[name] = w.get(name)
            entry["title"] = w.get("title") or w["path"].rsplit("/", 1)[-1]
            if not entry.get("date") and w.get("year") is not None:
                entry["date"] = str(w["year"])
            entry["metadata"] = w.get("metadata", {})
            out.append(entry)
    return out


# -- CSV ------------------------------------------------------------------------------------------
def to_csv(ws: Workspace, ex: Exhibition) -> str:
    """The checklist as CSV text (UTF-8, header row, formulas neutralised)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for e in _entries(ws, ex):
        writer.writerow([neutralise(_cell(e, c)) for c in CSV_COLUMNS])
    return buf.getvalue()


def _cell(entry: dict[str, Any], column: str) -> Any:
    value = entry.get(column)
    if isinstance(value, float):
        return f"{value:g}"
    return value


# -- JSON -----------------------------------------------------------------------------------------
def to_json(ws: Workspace, ex: Exhibition) -> str:
    """The exhibition, its sections, notes and works' metadata as indented JSON."""
    entries = _entries(ws, ex)
    by_section: dict[int, list[dict[str, Any]]] = {}
    for e in entries:
        record = {k: e[k] for k in ("number", "work_id", "work_path", "title", "artist",
                                    "date", "year", "style", "technique", "width_cm",
                                    "height_cm", "width", "height", "status", "note")}
        record["metadata"] = e["metadata"]
        by_section.setdefault(e["section_id"], []).append(record)
    doc = {
        "id": ex.id, "title": ex.title, "description": ex.description,
        "created_at": ex.created_at, "updated_at": ex.updated_at, "exported_at": now(),
        "source": ex.source, "n_works": len(entries),
        "sections": [{"title": s.title, "text": s.text, "works": by_section.get(s.id, [])}
                     for s in ex.sections],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2)


# -- IIIF -----------------------------------------------------------------------------------------
def _base_url(ws: Workspace, options: ExportOptions) -> str:
    if options.base_url:
        base = options.base_url
    elif ws.source_root is not None:
        base = ws.source_root.resolve().as_uri()
    else:
        raise ArtExploreError("The workspace has no collection folder: give a base URL")
    return base if base.endswith("/") else base + "/"


def image_url(base_url: str, work_path: str) -> str:
    """The URL of a work's image: the base URL joined with the URL-quoted work path."""
    base = base_url if base_url.endswith("/") else base_url + "/"
    return base + quote(work_path.replace("\\", "/"), safe="/")


def iiif_label(text: Any) -> str:
    """A label as IIIF text: one a viewer could read as HTML (``<…>``) is escaped.

    Presentation 3 labels carry no HTML, but viewers differ; escaping the rare
    label that looks like markup keeps every viewer showing text.
    """
    value = "" if text is None else str(text)
    stripped = value.strip()
    return html.escape(value, quote=False) if stripped.startswith("<") or (
        stripped.endswith(">") and "<" in stripped) else value


def iiif_value(text: Any) -> str:
    """A metadata value or summary as IIIF text that every viewer shows as typed.

    Presentation 3 reads a value that starts with ``<`` and ends with ``>`` as
    HTML. A value holding ``<`` is therefore written as HTML whose text is the
    value: ``<span>`` + the escaped value + ``</span>``; other values stay plain.
    """
    value = "" if text is None else str(text)
    return f"<span>{html.escape(value, quote=False)}</span>" if "<" in value else value


def _iiif_body(source: dict[str, Any], work: dict[str, Any]) -> dict[str, Any]:
    """The painting annotation's body of a work that came from IIIF: the museum's image."""
    from iiif_prezi3 import ServiceV2, ServiceV3

    width = int(source.get("full_width") or work["width"])
    height = int(source.get("full_height") or work["height"])
    service_id = source.get("service_id")
    if not service_id:
        return {"image_url": source["image_url"], "format": "image/jpeg",
                "width": width, "height": height}
    level = source.get("service_level")
    level = 0 if level is None else int(level)
    if source.get("service_type") == "ImageService2":
        service = ServiceV2(id=service_id, type="ImageService2",
                            profile=f"http://iiif.io/api/image/2/level{level}.json")
        full = "full"
    else:
        service = ServiceV3(id=service_id, type="ImageService3", profile=f"level{level}")
        full = "max"
    return {"image_url": f"{service_id}/full/{full}/0/default.jpg", "format": "image/jpeg",
            "width": width, "height": height, "service": [service]}


def to_iiif(ws: Workspace, ex: Exhibition, options: ExportOptions = ExportOptions()) -> str:
    """A IIIF Presentation 3 manifest (JSON-LD text) with one canvas per work.

    Works ingested from IIIF paint their original image and its Image API
    service and name their source manifest (``partOf``); other works paint the
    file at ``options.base_url`` + their work path.

    Raises
    ------
    ArtExploreError
        If a URL is not valid for IIIF (the message names it), or when works
        from a folder need a base URL and the workspace has no folder.
    """
    from iiif_prezi3 import KeyValueString, Manifest, config

    from ..ingest.iiif import iiif_sources

    lang = options.language
    config.configs["helpers.auto_fields.AutoLang"].auto_lang = lang
    works = _works(ws, ex)
    entries = _entries(ws, ex, works)
    sources = iiif_sources(ws, [e["work_id"] for e in entries])
    local = [e for e in entries if e["work_id"] not in sources]
    base = _base_url(ws, options) if local else None  # works from a folder need it
    if options.manifest_url:
        manifest_id = options.manifest_url
    else:  # a collection only from IIIF may have no folder: the workspace names it
        home = _base_url(ws, options) if options.base_url or ws.source_root is not None \
            else ws.root.as_uri() + "/"
        manifest_id = f"{home}exhibitions/{quote(ex.id)}/manifest.json"
    root = manifest_id.rsplit("/", 1)[0]

    def label(text: str) -> dict[str, list[str]]:
        return {lang: [iiif_label(text)]}

    def value(text: str) -> dict[str, list[str]]:
        return {lang: [iiif_value(text)]}

    try:
        manifest = Manifest(id=manifest_id, label=label(ex.title))
        if ex.description:
            manifest.summary = value(ex.description)
        canvases: dict[int, list[Any]] = {}
        for e in entries:
            cid = f"{root}/canvas/{e['number']}"
            source = sources.get(e["work_id"])
            if source is not None:
                body = _iiif_body(source, works[e["work_id"]])
            else:
                body = {"image_url": image_url(base or "", e["work_path"]),
                        "format": _IMAGE_MIME.get(str(e["format"]).upper(), "image/jpeg"),
                        "width": int(e["width"]), "height": int(e["height"])}
            canvas = manifest.make_canvas(id=cid, label=label(e["title"]),
                                          width=body["width"], height=body["height"])
            fields = [(name, e.get(name)) for name in ("artist", "date", "style", "technique")]
            if e.get("width_cm") and e.get("height_cm"):
                fields.append(("dimensions", f"{e['height_cm']:g} × {e['width_cm']:g} cm"))
            if source is not None:
                fields.append(("source", source.get("homepage") or source["manifest_id"]))
            else:
                fields.append(("work path", e["work_path"]))
            if e["section"]:
                fields.append(("section", e["section"]))
            canvas.metadata = [KeyValueString(label=label(k), value=value(str(v)))
                               for k, v in fields if v not in (None, "")]
            if e["note"]:
                canvas.summary = value(e["note"])
            if source is not None:
                canvas.partOf = [{"id": source["manifest_id"] or source["url"],
                                  "type": "Manifest"}]
            canvas.add_image(anno_page_id=f"{cid}/page", anno_id=f"{cid}/image", **body)
            canvases.setdefault(e["section_id"], []).append(canvas)
        if ex.has_sections:
            for k, section in enumerate(ex.sections, start=1):
                members = canvases.get(section.id, [])
                if not members:
                    continue
                rng = manifest.make_range(id=f"{root}/range/{k}",
                                          label=label(section.title or f"Section {k}"))
                for canvas in members:
                    rng.add_item(canvas)
        return manifest.json(indent=2, ensure_ascii=False)
    except ValueError as exc:  # pydantic's validation errors derive from ValueError
        raise ArtExploreError(f"Cannot build a IIIF manifest: {exc}") from exc


# -- HTML -----------------------------------------------------------------------------------------
_CSS = """
:root { --ink: #1f2328; --muted: #59636e; --rule: #d8dee4; }
* { box-sizing: border-box; }
body { font-family: Georgia, 'Times New Roman', serif; color: var(--ink); margin: 0 auto;
       max-width: 60rem; padding: 2rem 1.5rem; line-height: 1.45; }
header { border-bottom: 2px solid var(--ink); margin-bottom: 2rem; padding-bottom: 1rem; }
h1 { font-size: 2.2rem; margin: 0 0 .4rem; }
h2 { font-size: 1.5rem; margin: 2.5rem 0 .5rem; border-bottom: 1px solid var(--rule); }
.meta, .caption .small { color: var(--muted); font-size: .9rem; }
.intro { white-space: pre-wrap; }
.work { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.2fr); gap: 1.5rem;
        padding: 1.2rem 0; border-bottom: 1px solid var(--rule); break-inside: avoid;
        page-break-inside: avoid; }
.work img { width: 100%; height: auto; display: block; background: #f3f4f6; }
.number { font-weight: bold; color: var(--muted); }
.caption h3 { margin: .1rem 0 .3rem; font-size: 1.2rem; }
.note { margin-top: .6rem; white-space: pre-wrap; }
.missing { color: #a40e26; }
footer { margin-top: 2rem; color: var(--muted); font-size: .8rem; }
@media print { body { max-width: none; padding: 0; } h2 { break-before: page; }
               h2:first-of-type { break-before: auto; } a { color: inherit; } }
"""


def _e(value: Any) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _embedded_image(ws: Workspace, work: dict[str, Any], side: int) -> str | None:
    from PIL import Image

    from ..imageio import encode_jpeg, load_rgb

    try:
        rgb = load_rgb(ws.image_path(work), max_side=side)
        img = Image.fromarray(rgb)
    except (ArtExploreError, OSError) as exc:
        thumb = ws.thumbnail_path(work["id"])
        if not thumb.exists():
            log.warning("html export: no image for %s (%s)", work["path"], exc)
            return None
        with Image.open(thumb) as t:
            img = t.convert("RGB")
    if max(img.size) > side:
        img.thumbnail((side, side))
    return "data:image/jpeg;base64," + base64.b64encode(encode_jpeg(img, quality=82)).decode()


def _source_link(source: dict[str, Any] | None) -> str | None:
    """The web address a work from IIIF links to: its object page, else its manifest."""
    if not source:
        return None
    for url in (source.get("homepage"), source.get("manifest_id"), source.get("url")):
        if url and str(url).startswith(("https://", "http://")):
            return str(url)
    return None


def to_html(ws: Workspace, ex: Exhibition, options: ExportOptions = ExportOptions()) -> str:
    """A self-contained, printable HTML catalogue of the exhibition."""
    from ..ingest.iiif import iiif_sources

    works = _works(ws, ex)
    entries = _entries(ws, ex, works)
    sources = iiif_sources(ws, list(works))
    parts = [
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(ex.title)}</title>", f"<style>{_CSS}</style>", "</head>", "<body>",
        "<header>", f"<h1>{_e(ex.title)}</h1>",
        f'<div class="meta">{len(entries)} works'
        + (f" in {len(ex.sections)} sections" if ex.has_sections else "") + "</div>",
    ]
    if ex.description:
        parts.append(f'<p class="intro">{_e(ex.description)}</p>')
    parts.append("</header>")
    by_section: dict[int, list[dict[str, Any]]] = {}
    for e in entries:
        by_section.setdefault(e["section_id"], []).append(e)
    for k, section in enumerate(ex.sections, start=1):
        members = by_section.get(section.id, [])
        if ex.has_sections:
            parts.append(f'<section><h2>{_e(section.title or f"Section {k}")}</h2>')
            if section.text:
                parts.append(f'<p class="intro">{_e(section.text)}</p>')
        else:
            parts.append("<section>")
        for e in members:
            src = _embedded_image(ws, works[e["work_id"]], int(options.image_side))
            image = (f'<img src="{src}" alt="{_e(e["title"])}">' if src
                     else '<div class="missing">image not available</div>')
            lines = [f'<span class="number">{e["number"]}.</span>',
                     f"<h3>{_e(e['title'])}</h3>"]
            who = ", ".join(_e(v) for v in (e.get("artist"), e.get("date")) if v)
            if who:
                lines.append(f"<div>{who}</div>")
            small = [str(v) for v in (e.get("technique"), e.get("style")) if v]
            if e.get("width_cm") and e.get("height_cm"):
                small.append(f"{e['height_cm']:g} × {e['width_cm']:g} cm")
            if small:
                lines.append(f'<div class="small">{_e(" · ".join(small))}</div>')
            if e["status"] != "ok":
                lines.append('<div class="missing">file missing from the collection</div>')
            if e["note"]:
                lines.append(f'<div class="note">{_e(e["note"])}</div>')
            link = _source_link(sources.get(e["work_id"]))
            if link:
                lines.append(f'<div class="small"><a href="{_e(link)}" rel="noopener '
                             f'noreferrer">Source: {_e(urlsplit(link).netloc)}</a></div>')
            parts.append(f'<article class="work"><div>{image}</div>'
                         f'<div class="caption">{"".join(lines)}</div></article>')
        parts.append("</section>")
    parts += [f"<footer>Exported from ArtExplore on {_e(now()[:10])}.</footer>",
              "</body>", "</html>"]
    return "\n".join(parts)


# -- one entry point --------------------------------------------------------------------------------
def render_export(ws: Workspace, ex: Exhibition, fmt: str,
                  options: ExportOptions = ExportOptions()) -> str:
    """The text of one export format.

    Raises
    ------
    ArtExploreError
        For an unknown format (the message lists the formats).
    """
    if fmt == "csv":
        return to_csv(ws, ex)
    if fmt == "json":
        return to_json(ws, ex)
    if fmt == "iiif":
        return to_iiif(ws, ex, options)
    if fmt == "html":
        return to_html(ws, ex, options)
    raise ArtExploreError(f"Unknown export format {fmt!r}; choose one of "
                          f"{', '.join(EXPORT_FORMATS)}")


def export_exhibition(ws: Workspace, ex: Exhibition, fmt: str, out: Path,
                      options: ExportOptions = ExportOptions()) -> Path:
    """Write one export to a file (written whole to a temporary file, then renamed).

    Returns
    -------
    pathlib.Path
        The file written.
    """
    text = render_export(ws, ex, fmt, options)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".part")
    # CSV with a byte-order mark, so spreadsheet programs read it as UTF-8.
    tmp.write_text(text, encoding="utf-8-sig" if fmt == "csv" else "utf-8")
    tmp.replace(out)
    return out

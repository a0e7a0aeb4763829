"""Reading IIIF Presentation 2.x and 3 documents: collections, manifests, canvases, images.

Pure functions of parsed JSON: which members a collection lists, which image a
canvas paints (an Image API service or a static resource), which URL asks that
service for the size the pipeline needs, and how a manifest's descriptive
properties become the catalogue's fields (through the metadata CSV's column
mapping, :mod:`artexplore.ingest.metadata`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from ..metadata import PATH_FIELD, MetadataTable, parse_year, resolve_columns
from .client import FetchError

MAX_TEXT = 5000  # characters kept of one metadata value
MAX_PAIRS = 200  # metadata pairs kept of one manifest
_LEVEL_RE = re.compile(r"level\s*([012])", re.IGNORECASE)
_TAG_RE = re.compile(r"<\s*[a-zA-Z/!]")
_SOURCE_KEY = "\x00source"  # the synthetic path column handed to the CSV mapping


# -- documents --------------------------------------------------------------------------------
def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _id(obj: Any) -> str | None:
    if isinstance(obj, str):
        return obj
    if isinstance(obj, Mapping):
        value = obj.get("id") or obj.get("@id")
        return value if isinstance(value, str) else None
    return None


def _type(obj: Any) -> str:
    if not isinstance(obj, Mapping):
        return ""
    value = obj.get("type") or obj.get("@type") or ""
    if isinstance(value, list):
        value = value[0] if value else ""
    return str(value).split(":")[-1]  # "sc:Manifest" → "Manifest"


def kind_of(doc: Any) -> str:
    """``"manifest"``, ``"collection"`` or ``""`` for anything else."""
    kind = _type(doc).lower()
    return kind if kind in ("manifest", "collection") else ""


def version_of(doc: Mapping[str, Any]) -> int:
    """The Presentation API version of a document (2 or 3)."""
    contexts = " ".join(str(c) for c in _as_list(doc.get("@context")))
    if "presentation/2" in contexts or "@type" in doc and "type" not in doc:
        return 2
    return 3


@dataclass(frozen=True)
class Member:
    """A member listed by a collection.

    Attributes
    ----------
    id : str
        Its URL.
    kind : str
        ``"manifest"`` or ``"collection"``.
    document : dict, optional
        The member itself when the collection embeds it whole.
    """

    id: str
    kind: str
    document: dict[str, Any] | None = None


def collection_members(doc: Mapping[str, Any]) -> list[Member]:
    """The manifests and sub-collections a collection lists, in order.

    Presentation 3 lists them in ``items``; 2.x in ``manifests``,
    ``collections`` and ``members``.
    """
    entries: list[Any] = []
    if version_of(doc) == 2:
        for key in ("collections", "manifests", "members"):
            entries += _as_list(doc.get(key))
    else:
        entries = _as_list(doc.get("items"))
    out, seen = [], set()
    for entry in entries:
        mid, kind = _id(entry), kind_of(entry)
        if not mid or not kind or mid in seen:
            continue
        seen.add(mid)
        whole = isinstance(entry, Mapping) and kind == "manifest" and (
            "items" in entry or "sequences" in entry)
        out.append(Member(mid, kind, dict(entry) if whole else None))
    return out


# -- text -------------------------------------------------------------------------------------
class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("br", "p"):
            self.parts.append(" ")


def plain_text(text: str) -> str:
    """The text of a value that may hold the simple HTML IIIF allows (tags dropped)."""
    if _TAG_RE.search(text):
        parser = _Text()
        parser.feed(text)
        parser.close()
        text = "".join(parser.parts)
    return " ".join(text.split())[:MAX_TEXT]


def text_of(value: Any, language: str = "en") -> str | None:
    """The text of a label or value: a string, a 2.x ``@value`` list or a 3 language map.

    The wanted language comes first, then ``none``, then any; several values of
    one language are joined with ``"; "``.
    """
    if value is None:
        return None
    if isinstance(value, str):
        return plain_text(value) or None
    if isinstance(value, list):
        if all(isinstance(v, Mapping) and "@value" in v for v in value) and value:
            chosen = [v for v in value if str(v.get("@language", "")).startswith(language)]
            value = chosen or value
            texts = [text_of(v.get("@value"), language) for v in value]
        else:
            texts = [text_of(v, language) for v in value]
        joined = "; ".join(t for t in texts if t)
        return joined or None
    if isinstance(value, Mapping):
        if "@value" in value:
            return text_of(value["@value"], language)
        if not value:
            return None
        for key in (language, "none", "en"):
            if key in value:
                return text_of(value[key], language)
        return text_of(next(iter(value.values())), language)
    return plain_text(str(value)) or None


# -- images -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class ImageRef:
    """The image a canvas paints.

    Attributes
    ----------
    canvas_id : str
    canvas_width, canvas_height : int or None
    image_id : str or None
        The static image resource (the annotation body).
    width, height : int or None
        Its declared size.
    service_id : str or None
        The Image API service, without ``/info.json``.
    service_version : int or None
        2 or 3.
    service_level : int or None
        Compliance level 0, 1 or 2 (None when not declared).
    """

    canvas_id: str
    canvas_width: int | None = None
    canvas_height: int | None = None
    image_id: str | None = None
    width: int | None = None
    height: int | None = None
    service_id: str | None = None
    service_version: int | None = None
    service_level: int | None = None

    @property
    def service_type(self) -> str | None:
        """``ImageService2`` or ``ImageService3``."""
        return f"ImageService{self.service_version}" if self.service_id else None

    @property
    def full_size(self) -> tuple[int, int] | None:
        """Declared full size of the image, else of the canvas."""
        if self.width and self.height:
            return self.width, self.height
        if self.canvas_width and self.canvas_height:
            return self.canvas_width, self.canvas_height
        return None


def _int(value: Any) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None


def _service(body: Mapping[str, Any]) -> tuple[str | None, int | None, int | None]:
    for service in _as_list(body.get("service")):
        sid = _id(service)
        if not sid or not isinstance(service, Mapping):
            continue
        stype = _type(service)
        contexts = " ".join(str(c) for c in _as_list(service.get("@context")))
        profiles = " ".join(str(p) for p in _as_list(service.get("profile"))
                            if isinstance(p, str))
        if stype == "ImageService3" or "image/3" in contexts:
            version = 3
        elif stype in ("ImageService2", "ImageService1") or "image/2" in contexts \
                or "image/2" in profiles:
            version = 2
        else:
            continue  # an auth, search or other non-image service
        match = _LEVEL_RE.search(profiles)
        sid = sid.rstrip("/")
        sid = sid.removesuffix("/info.json")
        return sid, version, int(match.group(1)) if match else None
    return None, None, None


def _body(body: Any) -> Mapping[str, Any] | None:
    if isinstance(body, list):
        body = body[0] if body else None
    if isinstance(body, Mapping) and _type(body) == "Choice":
        items = _as_list(body.get("items")) or _as_list(body.get("default"))
        body = items[0] if items else None
    return body if isinstance(body, Mapping) else None


def _image_of(canvas: Mapping[str, Any], version: int) -> ImageRef | None:
    cid = _id(canvas) or ""
    if version == 2:
        annotations = _as_list(canvas.get("images"))
        bodies = [a.get("resource") for a in annotations if isinstance(a, Mapping)]
    else:
        bodies = []
        for page in _as_list(canvas.get("items")):
            if not isinstance(page, Mapping):
                continue
            for anno in _as_list(page.get("items")):
                if isinstance(anno, Mapping) and anno.get("motivation", "painting") in (
                        "painting", ["painting"]):
                    bodies.append(anno.get("body"))
    for raw in bodies:
        body = _body(raw)
        if body is None:
            continue
        service, sversion, level = _service(body)
        image_id = _id(body)
        if _type(body) not in ("Image", "dctypes:Image", "") and service is None:
            continue  # sound, video, text
        if not image_id and not service:
            continue
        return ImageRef(canvas_id=cid, canvas_width=_int(canvas.get("width")),
                        canvas_height=_int(canvas.get("height")), image_id=image_id,
                        width=_int(body.get("width")), height=_int(body.get("height")),
                        service_id=service, service_version=sversion, service_level=level)
    return None


def canvases(doc: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The canvases of a manifest, in order (2.x: of its first sequence)."""
    if version_of(doc) == 2:
        sequences = _as_list(doc.get("sequences"))
        first = sequences[0] if sequences and isinstance(sequences[0], Mapping) else {}
        items = _as_list(first.get("canvases"))
    else:
        items = _as_list(doc.get("items"))
    return [c for c in items if isinstance(c, Mapping) and _type(c) == "Canvas"]


def pick_image(doc: Mapping[str, Any], canvas: int | None = None) -> ImageRef:
    """The image of a canvas: the one at index ``canvas``, else the first that paints one.

    Raises
    ------
    FetchError
        ``no-image`` when the manifest has no such canvas or it paints no image.
    """
    version = version_of(doc)
    items = canvases(doc)
    if canvas is not None:
        if not 0 <= canvas < len(items):
            raise FetchError("no-image", f"the manifest has {len(items)} canvases, "
                                         f"not a canvas number {canvas + 1}")
        found = _image_of(items[canvas], version)
        if found is None:
            raise FetchError("no-image", f"canvas number {canvas + 1} paints no image")
    else:
        found = next((ref for ref in (_image_of(c, version) for c in items) if ref), None)
    if found is None:
        raise FetchError("no-image", f"no canvas of the manifest paints an image "
                                     f"({len(items)} canvases)")
    return found


def level0_size(info: Mapping[str, Any], size: int) -> tuple[int, int] | None:
    """The largest listed size of a level-0 service whose longest side is ≤ ``size``.

    When every listed size is larger, the smallest; None when none is listed
    (then only the full image can be asked for).
    """
    sizes = [(w, h) for w, h in ((_int(s.get("width")), _int(s.get("height")))
                                 for s in _as_list(info.get("sizes")) if isinstance(s, Mapping))
             if w and h]
    if not sizes:
        return None
    fitting = [s for s in sizes if max(s) <= size]
    if fitting:
        return max(fitting, key=lambda s: s[0] * s[1])
    return min(sizes, key=lambda s: s[0] * s[1])


def image_request(ref: ImageRef, size: int, info: Mapping[str, Any] | None = None
                  ) -> tuple[str, tuple[int, int] | None]:
    """The URL that fetches the image at about ``size`` pixels on its longest side.

    Parameters
    ----------
    ref : ImageRef
    size : int
        Longest side wanted.
    info : dict, optional
        The service's ``info.json`` (needed for level 0: its ``sizes``).

    Returns
    -------
    url : str
    expected : (width, height) or None
        The size the answer should have, when known (checked against the pixel
        budget before downloading).
    """
    if ref.service_id is None:
        if not ref.image_id:
            raise FetchError("no-image", f"canvas {ref.canvas_id} has no image URL")
        return ref.image_id, (ref.width, ref.height) if ref.width and ref.height else None
    base, full = ref.service_id, "max" if ref.service_version == 3 else "full"
    if info is not None:
        level = _LEVEL_RE.search(" ".join(str(p) for p in _as_list(info.get("profile"))
                                          if isinstance(p, str)))
        level_n = int(level.group(1)) if level else ref.service_level
        declared = (_int(info.get("width")), _int(info.get("height")))
    else:
        level_n, declared = ref.service_level, (ref.width, ref.height)
    dims = declared if declared[0] and declared[1] else None
    if level_n == 0:
        chosen = level0_size(info or {}, size)
        if chosen is None:
            return f"{base}/full/{full}/0/default.jpg", dims
        w, h = chosen
        region = f"{w},{h}" if ref.service_version == 3 else f"{w},"
        return f"{base}/full/{region}/0/default.jpg", chosen
    if dims and max(dims) <= size:
        return f"{base}/full/{full}/0/default.jpg", dims
    if dims and level_n == 1:  # level 1 need not support "!w,h"
        scale = size / max(dims)
        w, h = max(1, round(dims[0] * scale)), max(1, round(dims[1] * scale))
        region = f"{w},{h}" if ref.service_version == 3 else f"{w},"
        return f"{base}/full/{region}/0/default.jpg", (w, h)
    return f"{base}/full/!{size},{size}/0/default.jpg", None


# -- descriptive properties --------------------------------------------------------------------
@dataclass
class Description:
    """What a manifest says about its object, as text.

    Attributes
    ----------
    label : str or None
    pairs : list of (str, str)
        The ``metadata`` pairs, in order.
    summary, attribution, rights, nav_date, homepage : str or None
    """

    label: str | None = None
    pairs: list[tuple[str, str]] = field(default_factory=list)
    summary: str | None = None
    attribution: str | None = None
    rights: str | None = None
    nav_date: str | None = None
    homepage: str | None = None


def describe(doc: Mapping[str, Any], language: str = "en") -> Description:
    """The descriptive properties of a manifest (2.x names mapped onto 3's)."""
    out = Description(label=text_of(doc.get("label"), language))
    for pair in _as_list(doc.get("metadata"))[:MAX_PAIRS]:
        if not isinstance(pair, Mapping):
            continue
        key, value = text_of(pair.get("label"), language), text_of(pair.get("value"), language)
        if key and value:
            out.pairs.append((key, value))
    out.summary = text_of(doc.get("summary", doc.get("description")), language)
    required = doc.get("requiredStatement")
    if isinstance(required, Mapping):
        out.attribution = text_of(required.get("value"), language)
    else:
        out.attribution = text_of(doc.get("attribution"), language)
    rights = doc.get("rights", doc.get("license"))
    out.rights = text_of(rights[0] if isinstance(rights, list) and rights else rights)
    nav = doc.get("navDate")
    out.nav_date = str(nav)[:40] if isinstance(nav, str) else None
    for key in ("homepage", "related"):
        link = next((_id(h) for h in _as_list(doc.get(key)) if _id(h)), None)
        if link and link.startswith(("http://", "https://")):
            out.homepage = link
            break
    return out


def catalogue_record(desc: Description, mapping: Mapping[str, str] | None = None
                     ) -> dict[str, Any]:
    """Map a manifest's description onto the catalogue's fields, as a metadata CSV row would.

    The metadata pairs are the row's columns (repeated labels joined with ``"; "``),
    matched to artist, title, date, style, technique and dimensions by
    :func:`artexplore.ingest.metadata.resolve_columns`; the manifest's ``label`` is the
    title and ``navDate`` the date when the pairs give none; ``summary``,
    ``requiredStatement`` and ``rights`` are kept as free metadata
    (``summary``, ``attribution``, ``rights``).

    Parameters
    ----------
    desc : Description
    mapping : mapping of str to str, optional
        Canonical field → metadata label, overriding automatic matching (labels
        absent from this manifest are ignored).

    Returns
    -------
    dict
        The canonical fields, ``year`` and ``metadata``.
    """
    row: dict[str, str] = {}
    for key, value in desc.pairs:
        row[key] = f"{row[key]}; {value}" if key in row else value
    lower = {k.strip().lower() for k in row}
    wanted = {f: c for f, c in (mapping or {}).items()
              if f != PATH_FIELD and c.strip().lower() in lower}
    header = [*row, _SOURCE_KEY]
    columns = resolve_columns(header, {**wanted, PATH_FIELD: _SOURCE_KEY})
    record = MetadataTable(columns=columns).record({**row, _SOURCE_KEY: "-"})
    if not record.get("title") and desc.label:
        record["title"] = desc.label
    if not record.get("date") and desc.nav_date:
        record["date"] = desc.nav_date[:10]
    record["year"] = parse_year(record.get("date"))
    free = record["metadata"]
    for key, value in (("summary", desc.summary), ("attribution", desc.attribution),
                       ("rights", desc.rights)):
        if value and key not in free:
            free[key] = value
    return record

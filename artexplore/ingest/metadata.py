"""Metadata CSV: reading, column mapping, joining rows to image files.

A row is joined to an image by its path relative to the ingested folder, or, when
no path matches, by its file name if that name is unique in the file. Columns
map onto the canonical fields (artist, title, date, style, technique, width_cm,
height_cm) automatically by name and common synonyms, or by an explicit mapping
``canonical=Column``; every other column is kept as free metadata.
"""

from __future__ import annotations

import codecs
import csv
import io
import logging
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from ..errors import MetadataError
from ..store.catalog import CANONICAL_FIELDS

log = logging.getLogger(__name__)

PATH_FIELD = "path"
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "path": ("path", "work_path", "file", "filename", "file_name", "image", "relative_path",
             "filepath", "file_path"),
    "artist": ("artist", "painter", "creator", "author", "artist_name", "maker"),
    "title": ("title", "name", "work_title"),
    "date": ("date", "year", "dated", "creation_date", "date_created"),
    "style": ("style", "movement", "school"),
    "technique": ("technique", "medium", "materials", "material"),
    "width_cm": ("width_cm", "width"),
    "height_cm": ("height_cm", "height"),
}
_DIMENSIONS = ("dimensions", "size", "dimension", "measurements")
_NUMBER = r"(\d+(?:[.,]\d+)?)"
_DIM_RE = re.compile(_NUMBER + r"\s*(?:cm)?\s*[x×X*]\s*" + _NUMBER + r"\s*(cm|mm|in|inches|m)?")
_UNIT_TO_CM = {"cm": 1.0, "mm": 0.1, "in": 2.54, "inches": 2.54, "m": 100.0, None: 1.0}
_YEAR_RE = re.compile(r"(?<!\d)(\d{3,4})(?!\d)")


def normalise_path(path: str) -> str:
    """Canonical form of a relative path: forward slashes, NFC Unicode, no ``./``."""
    text = unicodedata.normalize("NFC", path.strip().replace("\\", "/"))
    parts = [p for p in PurePosixPath(text).parts if p not in (".", "")]
    return "/".join(parts)


def parse_mapping(text: str | None) -> dict[str, str]:
    """Parse ``artist=Painter,date=Year`` into ``{"artist": "Painter", "date": "Year"}``.

    Raises
    ------
    MetadataError
        On a malformed entry or an unknown canonical field.
    """
    if not text:
        return {}
    mapping = {}
    for item in text.split(","):
        if not item.strip():
            continue
        if "=" not in item:
            raise MetadataError(f"Bad mapping entry {item!r}: expected field=Column")
        key, column = (s.strip() for s in item.split("=", 1))
        allowed = (PATH_FIELD, *CANONICAL_FIELDS)
        if key not in allowed:
            raise MetadataError(
                f"Unknown field {key!r} in mapping; choose among: {', '.join(allowed)}")
        mapping[key] = column
    return mapping


def parse_float(value: Any) -> float | None:
    """A number from text such as ``"73,5"`` or ``"73.5 cm"``; None when absent."""
    if value is None:
        return None
    match = re.search(_NUMBER, str(value))
    if not match:
        return None
    return float(match.group(1).replace(",", "."))


def parse_year(value: Any) -> int | None:
    """The first 3–4 digit year in a date string (``"c. 1889–90"`` → 1889)."""
    if value is None:
        return None
    match = _YEAR_RE.search(str(value))
    return int(match.group(1)) if match else None


def parse_dimensions(text: Any) -> tuple[float, float] | None:
    """Height and width in cm from ``"73 x 92 cm"`` (museum order: height × width).

    Returns
    -------
    (height_cm, width_cm) or None
    """
    if not text:
        return None
    match = _DIM_RE.search(str(text))
    if not match:
        return None
    unit = (match.group(3) or "cm").lower()
    factor = _UNIT_TO_CM.get(unit, 1.0)
    h = float(match.group(1).replace(",", ".")) * factor
    w = float(match.group(2).replace(",", ".")) * factor
    return h, w


@dataclass
class MetadataTable:
    """Rows of a metadata CSV ready to be joined to files.

    Attributes
    ----------
    columns : dict of str to str
        Canonical field → CSV column used for it.
    by_path : dict of str to dict
        Normalised relative path → row (CSV column → value).
    by_name : dict of str to dict
        File name → row, only for names that occur once.
    ambiguous_names : set of str
        File names that occur in several rows (cannot be joined by name).
    n_rows : int
        Rows with a path.
    encoding : str
        The text encoding the file was read with.
    notes : list of str
        What was renamed or dropped while reading (duplicate or empty column
        names, rows with more or fewer cells than the header), one sentence each.
    """

    columns: dict[str, str]
    by_path: dict[str, dict[str, str]] = field(default_factory=dict)
    by_name: dict[str, dict[str, str]] = field(default_factory=dict)
    ambiguous_names: set[str] = field(default_factory=set)
    n_rows: int = 0
    encoding: str = "utf-8"
    notes: list[str] = field(default_factory=list)

    def lookup(self, rel_path: str) -> dict[str, str] | None:
        """The row for a file, by relative path first, then by unique file name."""
        key = normalise_path(rel_path)
        row = self.by_path.get(key)
        if row is None:
            row = self.by_name.get(PurePosixPath(key).name)
        return row

    def record(self, row: Mapping[str, str]) -> dict[str, Any]:
        """Turn a CSV row into canonical fields plus free ``metadata``.

        Returns
        -------
        dict
            Keys: the canonical fields, ``year`` and ``metadata`` (other columns).
        """
        used = set(self.columns.values())
        out: dict[str, Any] = {f: None for f in CANONICAL_FIELDS}
        for fname, column in self.columns.items():
            if fname == PATH_FIELD:
                continue
            value = _clean(row.get(column))
            if fname in ("width_cm", "height_cm"):
                value = parse_float(value)
            out[fname] = value
        if out["width_cm"] is None or out["height_cm"] is None:
            for column in row:
                if column.strip().lower() in _DIMENSIONS:
                    dims = parse_dimensions(row[column])
                    if dims:
                        out["height_cm"] = out["height_cm"] or dims[0]
                        out["width_cm"] = out["width_cm"] or dims[1]
        out["year"] = parse_year(out["date"])
        out["metadata"] = {c: v for c, v in ((c, _clean(row[c])) for c in row)
                           if c not in used and v is not None and c}
        return out


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
# Encodings of several bytes per character: when the detector finds one, it is used;
# a single-byte guess (cp1250, mac_roman…) yields to Windows-1252 when that decodes,
# the usual encoding of a Western spreadsheet export.
_MULTI_BYTE = ("utf_16", "utf_32", "shift_jis", "cp932", "euc_jp", "iso2022_jp", "gb2312",
               "gbk", "gb18030", "big5", "big5hkscs", "cp950", "euc_kr", "cp949", "johab",
               "hz", "utf_7")
FIELD_LIMIT = 256 << 20  # largest CSV cell read (Python's default is 128 KB)


def detect_encoding(raw: bytes) -> str:
    """The text encoding of a CSV file's bytes.

    A byte-order mark decides first (UTF-8, UTF-16, UTF-32); then many NUL bytes
    mean UTF-16 without a mark (NUL is valid UTF-8, so this comes before); then strict UTF-8;
    then ``charset-normalizer``'s best guess when it is a multi-byte encoding
    (Shift-JIS, GB18030, Big5…); then Windows-1252, and Latin-1,
    which decodes anything.

    Parameters
    ----------
    raw : bytes

    Returns
    -------
    str
        A Python codec name.
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return encoding
    sample = raw[:1 << 16]
    if sample.count(0) > len(sample) // 8:  # UTF-16 without a mark: NULs in ASCII's place
        odd = sample[1::2].count(0)
        encoding = "utf-16-le" if odd >= sample[0::2].count(0) else "utf-16-be"
        try:
            raw.decode(encoding)
            return encoding
        except UnicodeDecodeError:
            pass
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:1 << 20]).best()
    guess = codecs.lookup(best.encoding).name.replace("-", "_") if best is not None else None
    if guess is not None and guess in _MULTI_BYTE:
        try:
            raw.decode(guess)
            return guess
        except UnicodeDecodeError:
            pass
    try:
        raw.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return guess if guess is not None else "latin-1"


def _read_text(path: Path) -> tuple[str, str]:
    raw = path.read_bytes()
    encoding = detect_encoding(raw)
    try:
        return raw.decode(encoding), encoding
    except UnicodeDecodeError:  # a wrong guess late in a big file
        return raw.decode("latin-1"), "latin-1"


def resolve_columns(header: list[str], mapping: Mapping[str, str]) -> dict[str, str]:
    """Choose the CSV column of each canonical field.

    Explicit mapping entries win; others are found by case-insensitive name and
    synonyms. Raises :class:`MetadataError` when a mapped column is absent or
    when no path column can be found.
    """
    lower = {h.strip().lower(): h for h in header}
    columns: dict[str, str] = {}
    for fname, column in mapping.items():
        if column not in header:
            match = lower.get(column.strip().lower())
            if match is None:
                raise MetadataError(
                    f"Column {column!r} (mapped to {fname}) is not in the CSV; "
                    f"columns are: {', '.join(header)}")
            column = match
        columns[fname] = column
    taken = set(columns.values())
    for fname, synonyms in _SYNONYMS.items():
        if fname in columns:
            continue
        for synonym in synonyms:
            column = lower.get(synonym)
            if column is not None and column not in taken:
                columns[fname] = column
                taken.add(column)
                break
    if PATH_FIELD not in columns:
        shown = ", ".join(repr(h) for h in header[:12]) + (" …" if len(header) > 12 else "")
        raise MetadataError(
            "The metadata CSV has no path column (looked for: "
            f"{', '.join(_SYNONYMS['path'])}; found: {shown or 'no columns'}); "
            "map one with --map path=COLUMN")
    return columns


def read_metadata(path: Path, mapping: Mapping[str, str] | None = None) -> MetadataTable:
    """Read a metadata CSV (comma, semicolon or tab separated; encoding detected).

    Duplicate and empty column names are renamed (``style (2)``, ``column 5``),
    cells beyond the header are dropped and missing ones read as empty; each of
    these is reported in :attr:`MetadataTable.notes`, never silent.

    Parameters
    ----------
    path : pathlib.Path
        The CSV file.
    mapping : mapping of str to str, optional
        Canonical field → CSV column, overriding automatic matching.

    Returns
    -------
    MetadataTable

    Raises
    ------
    MetadataError
        If the file is missing, empty, not CSV, or has no usable path column.
    """
    path = Path(path)
    if not path.is_file():
        raise MetadataError(f"Metadata file not found: {path}")
    text, encoding = _read_text(path)
    if not text.strip():
        raise MetadataError(f"Metadata file is empty: {path}")
    try:
        dialect = csv.Sniffer().sniff(text[:8192], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    if csv.field_size_limit() < FIELD_LIMIT:
        csv.field_size_limit(FIELD_LIMIT)
    notes: list[str] = []
    reader = csv.reader(io.StringIO(text), dialect=dialect)
    try:
        header = _unique_header(next(reader, []), notes)
        columns = resolve_columns(header, mapping or {})
        table = MetadataTable(columns=columns, encoding=encoding, notes=notes)
        names: dict[str, int] = {}
        longer, shorter = [], []
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > len(header):
                longer.append(reader.line_num)
            elif len(cells) < len(header):
                shorter.append(reader.line_num)
            row = dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=False))
            rel = _clean(row.get(columns[PATH_FIELD]))
            if rel is None:
                continue
            key = normalise_path(rel)
            table.by_path[key] = row
            name = PurePosixPath(key).name
            names[name] = names.get(name, 0) + 1
            table.by_name[name] = row
            table.n_rows += 1
    except csv.Error as exc:
        raise MetadataError(f"{path} is not a readable CSV file (line {reader.line_num}: "
                            f"{exc})") from exc
    if longer:
        notes.append(f"{len(longer)} rows have more cells than the {len(header)} columns of "
                     f"the header; the extra cells were dropped ({_lines(longer)})")
    if shorter:
        notes.append(f"{len(shorter)} rows have fewer cells than the {len(header)} columns of "
                     f"the header; the missing ones are empty ({_lines(shorter)})")
    table.ambiguous_names = {n for n, c in names.items() if c > 1}
    for name in table.ambiguous_names:
        del table.by_name[name]
    if table.ambiguous_names:
        log.info("%d file names occur in several metadata rows; those join by path only",
                 len(table.ambiguous_names))
    for note in notes:
        log.warning("metadata %s: %s", path.name, note)
    return table


def _unique_header(header: list[str], notes: list[str]) -> list[str]:
    """Column names made unique: empty ones named by position, repeats numbered."""
    out: list[str] = []
    seen: set[str] = set()
    for i, raw in enumerate(header):
        name = raw if raw.strip() else f"column {i + 1}"
        if not raw.strip():
            notes.append(f"column {i + 1} has no name; it is called {name!r}")
        if name in seen:
            n = 2
            while f"{name} ({n})" in seen:
                n += 1
            notes.append(f"column {i + 1} repeats the name {name!r}; it is called "
                         f"{name + f' ({n})'!r}")
            name = f"{name} ({n})"
        seen.add(name)
        out.append(name)
    return out


def _lines(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:5])
    more = f" and {len(numbers) - 5} more" if len(numbers) > 5 else ""
    return f"line{'s' if len(numbers) > 1 else ''} {shown}{more}"

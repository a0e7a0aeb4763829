"""Hardening (issue 13): hostile metadata — markdown, spreadsheet formulas, odd CSV files,
search text and column names, and where exports land.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from artexplore.cli import app
from artexplore.ingest.folder import ingest
from artexplore.ingest.metadata import read_metadata
from artexplore.store import WorkQuery, Workspace

runner = CliRunner()
REPO = Path(__file__).resolve().parents[1]
HOSTILE_TITLE = "![x](http://outside.example/p.png) *bold* <b>tag</b> | :red[red] $x$"


# -- 8: metadata is text, not markdown -------------------------------------------------------
@pytest.mark.parametrize("text", [HOSTILE_TITLE, "[link](https://outside.example)",
                                  "# heading\n- item", "a_b_c \\ back `code` ~~s~~ &amp;"])
def test_plain_text_renders_as_itself_in_markdown(text):
    from markdown_it import MarkdownIt

    from ui.text import plain

    rendered = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(plain(text))
    assert "<img" not in rendered and "<a " not in rendered and "<h1" not in rendered
    assert "<em>" not in rendered and "<code>" not in rendered and "<b>" not in rendered
    import html
    import re

    shown = html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip()
    assert shown.replace("\u200b", "") == " ".join(text.splitlines())
    assert "://" not in shown  # a bare URL is not turned into a link (GFM autolinks)


def test_collection_detail_shows_a_hostile_title_as_text(labels_workspace):
    from streamlit.testing.v1 import AppTest

    ws = Workspace(labels_workspace)
    work = ws.works()[0]
    ws.set_metadata(work["id"], title=HOSTILE_TITLE, **{"![y](http://outside.example/k)": "v"})
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=60)
    at.session_state["workspace"] = str(labels_workspace)
    at.session_state["work_id"] = work["id"]
    at.run()
    assert not at.exception
    subheader = at.subheader[0].value
    assert subheader.startswith("\\!\\[x\\]\\(http\\:") and "](http" not in subheader
    cells = [str(v) for t in at.table for v in t.value.to_numpy().ravel()]
    assert not [c for c in cells if "](http" in c or c.startswith("![")]


# -- 9: every CSV goes through the formula neutraliser ----------------------------------------
def test_exported_cluster_run_neutralises_formula_file_names(tmp_path, make_collection):
    from artexplore.features import embed

    folder, _ = make_collection(4)
    (folder / "a" / "work_00.png").rename(folder / '=HYPERLINK("http:x","y").png')
    ws = tmp_path / "ws"
    assert runner.invoke(app, ["ingest", str(folder), "-w", str(ws)]).exit_code == 0
    embed(Workspace(ws), "color")
    made = runner.invoke(app, ["cluster", "-w", str(ws), "-f", "color", "-m", "kmeans",
                               "--k", "2"])
    run = json.loads(made.stdout.strip().splitlines()[-1])["run"]
    out = tmp_path / "run.csv"
    assert runner.invoke(app, ["export", "-w", str(ws), "--run", run, "-o", str(out)]).exit_code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    paths = [r["work_path"] for r in rows]
    assert "'=HYPERLINK(\"http:x\",\"y\").png" in paths
    assert not [p for p in paths if p.startswith(("=", "+", "-", "@"))]
    assert {r["cluster"] for r in rows} <= {"0", "1"}


def test_the_neutraliser_is_shared_and_keeps_numbers():
    from artexplore import csvsafe
    from artexplore.exhibit import export

    assert export.neutralise is csvsafe.neutralise
    assert csvsafe.neutralise('=HYPERLINK("x")') == "'=HYPERLINK(\"x\")"
    assert csvsafe.neutralise("-1+2") == "'-1+2" and csvsafe.neutralise(-1) == "-1"
    assert csvsafe.neutralise(None) == "" and csvsafe.neutralise("@SUM(A1)") == "'@SUM(A1)"
    buf = io.StringIO()
    csvsafe.write_csv(buf, ["a", "b"], [["+cmd", 2.5]])
    assert buf.getvalue() == "a,b\n'+cmd,2.5\n"


def test_exhibition_csv_formula_file_name_is_neutralised(tmp_path, make_collection):
    from artexplore.exhibit import create_exhibition, render_export

    folder, _ = make_collection(2)
    (folder / "a" / "work_00.png").rename(folder / "a" / "@SUM(1).png")
    ws = Workspace(tmp_path / "ws", create=True)
    ingest(ws, folder)
    ex = create_exhibition(ws, "t", ws.work_ids())
    ws.set_metadata(ws.work_ids()[0], title="=1+1")
    rows = list(csv.DictReader(io.StringIO(render_export(ws, ex, "csv"))))
    assert not [v for r in rows for v in r.values() if v and v.startswith(("=", "+", "@"))]


# -- 11: metadata CSV encodings, duplicates, ragged rows, huge fields -------------------------
def _csv(tmp_path: Path, text: str, encoding: str) -> Path:
    path = tmp_path / f"meta-{encoding}.csv"
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["shift_jis", "utf-16", "utf-16-le", "cp1252", "utf-8"])
def test_metadata_encodings_are_detected(tmp_path, encoding):
    if encoding in ("shift_jis",):
        rows = ["path,artist,title"] + [
            f"img_{i}.png,葛飾北斎,富嶽三十六景 神奈川沖浪裏 第{i}図" for i in range(20)]
        artist, title0 = "葛飾北斎", "富嶽三十六景 神奈川沖浪裏 第0図"
    else:
        rows = ["path,artist,title"] + [f"img_{i}.png,Gérôme,Étude {i} — «café»"
                                         for i in range(5)]
        artist, title0 = "Gérôme", "Étude 0 — «café»"
    table = read_metadata(_csv(tmp_path, "\n".join(rows) + "\n", encoding))
    row = table.lookup("img_0.png")
    assert row is not None, "the path column was not found"
    assert row["artist"] == artist and row["title"] == title0


def test_duplicate_columns_and_ragged_rows_are_reported(tmp_path, make_collection):
    folder, _ = make_collection(3)
    meta = tmp_path / "m.csv"
    meta.write_text("path,style,style,,note\n"
                    "a/work_00.png,Cubism,Fauvism,x,n0\n"
                    "b/work_01.png,Dada,Pop,y,n1,EXTRA,MORE\n"
                    "a/work_02.png,Op\n")
    ws = Workspace(tmp_path / "ws", create=True)
    report = ingest(ws, folder, metadata=meta)
    notes = " | ".join(report.metadata_notes)
    assert "repeats the name 'style'" in notes and "'style (2)'" in notes
    assert "column 4 has no name" in notes
    assert "1 rows have more cells" in notes and "line 3" in notes
    assert "1 rows have fewer cells" in notes and "line 4" in notes
    w0 = ws.work_by_path("a/work_00.png")
    assert w0["style"] == "Cubism" and w0["metadata"]["style (2)"] == "Fauvism"
    assert w0["metadata"]["column 4"] == "x"
    from artexplore.ingest.folder import format_ingest_summary

    assert any("repeats the name" in line for line in format_ingest_summary(report.to_dict()))


def test_a_one_megabyte_field_is_read(tmp_path, make_collection):
    folder, _ = make_collection(1)
    meta = tmp_path / "m.csv"
    meta.write_text(f'path,title,notes\na/work_00.png,T,"{"x" * 1_100_000}"\n')
    result = runner.invoke(app, ["ingest", str(folder), "-w", str(tmp_path / "ws"),
                                 "-m", str(meta)])
    assert result.exit_code == 0, result.output
    work = Workspace(tmp_path / "ws").work_by_path("a/work_00.png")
    assert len(work["metadata"]["notes"]) == 1_100_000


def test_no_path_column_names_the_columns_found(tmp_path):
    from artexplore.errors import MetadataError

    meta = tmp_path / "m.csv"
    meta.write_text("file name;painter\nx.png;A\n")
    with pytest.raises(MetadataError, match="found: 'file name', 'painter'"):
        read_metadata(meta)


# -- 12: search text and column names ---------------------------------------------------------
@pytest.fixture
def search_ws(tmp_path, make_collection) -> Workspace:
    folder, _ = make_collection(4)
    ws = Workspace(tmp_path / "ws", create=True)
    ingest(ws, folder)
    ids = ws.work_ids()
    ws.set_metadata(ids[0], title="100% pure", **{'a "quoted" column': "yes",
                                                   "back\\slash": "b"})
    ws.set_metadata(ids[1], title="1000 pure", **{'a "quoted" column': "no"})
    ws.set_metadata(ids[2], title="a_b", **{"it's": "x"})
    ws.set_metadata(ids[3], title="axb")
    return ws


def test_text_search_treats_percent_and_underscore_as_characters(search_ws):
    found, total = search_ws.search(WorkQuery(text="100%"))
    assert total == 1 and found[0]["title"] == "100% pure"
    found, total = search_ws.search(WorkQuery(text="a_b"))
    assert total == 1 and found[0]["title"] == "a_b"
    assert search_ws.search(WorkQuery(text="%"))[1] == 1
    assert search_ws.search(WorkQuery(text="\\"))[1] == 0


def test_columns_named_with_quotes_or_backslashes_can_be_filtered(search_ws):
    for column, value in (('a "quoted" column', "yes"), ("back\\slash", "b"), ("it's", "x")):
        assert column in search_ws.metadata_fields()
        assert (value, 1) in search_ws.field_values(column)
        found, total = search_ws.search(WorkQuery(fields=((column, (value,)),)))
        assert total == 1 and search_ws.field_of(found[0], column) == value
        ordered, _ = search_ws.search(order_by=column)
        assert search_ws.field_of(ordered[0], column) is not None


# -- 12: export --out DIR/ --------------------------------------------------------------------
def test_export_into_a_folder_writes_inside_it(tmp_path, labels_workspace):
    import numpy as np

    ws = str(labels_workspace)
    folder = tmp_path / "exports"
    result = runner.invoke(app, ["export", "-w", ws, "--features", "color",
                                 "--out", f"{folder}/"])
    assert result.exit_code == 0, result.output
    assert np.load(folder / "color.npz")["X"].shape[0] == 39
    assert not (tmp_path / "exports.npz").exists()
    again = runner.invoke(app, ["export", "-w", ws, "--features", "color", "--out", str(folder)])
    assert again.exit_code == 0 and "color.npz" in again.stdout


@pytest.mark.browser
def test_a_markdown_image_in_a_title_fetches_nothing_in_the_browser(browser, streamlit_server,
                                                                    labels_workspace):
    from conftest import screenshot, wait_for_app

    ws = Workspace(labels_workspace)
    first = ws.works()[0]  # the first thumbnail of the Collection page (sorted by path)
    ws.set_metadata(first["id"], title="![x](http://outside.example/p.png) **bold** <b>t</b>",
                    artist="[click](http://outside.example/)")
    with streamlit_server(labels_workspace) as server:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        outside = []
        page.on("request", lambda r: outside.append(r.url) if "outside.example" in r.url
                else None)
        page.goto(server.url)
        wait_for_app(page)
        page.get_by_role("button", name="Details").first.click()
        page.get_by_role("button", name="← Back to the collection").wait_for(timeout=30_000)
        wait_for_app(page)
        page.get_by_text("**bold**").first.wait_for(timeout=30_000)
        screenshot(page, "hardening-markdown-title")
        hrefs = page.eval_on_selector_all("a[href], img[src]",
                                          "els => els.map(e => e.href || e.src)")
        assert not [h for h in hrefs if "outside.example" in h]
        assert outside == []
        assert page.locator("[data-testid='stException']").count() == 0


def test_markdown_table_keeps_hostile_cells_as_text():
    """A small table drawn as markdown: one row per work, each cell exactly its text."""
    import html
    import re

    from markdown_it import MarkdownIt

    from ui.text import markdown_table

    rows = [{"artist": HOSTILE_TITLE, "works": 3}, {"artist": "a|b\nc", "works": None}]
    rendered = MarkdownIt("commonmark").enable(["table"]).render(markdown_table(rows))
    assert "<img" not in rendered and "<a " not in rendered and "<b>" not in rendered
    cells = [html.unescape(re.sub(r"<[^>]+>", "", c)).replace("\u200b", "").strip()
             for c in re.findall(r"<td[^>]*>(.*?)</td>", rendered)]
    assert cells == [HOSTILE_TITLE, "3", "a|b c", ""]
    assert markdown_table([]) == ""

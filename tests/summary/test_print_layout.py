"""How the minutes and releases fall on paper: numbering, page ends, the last page.

Given the example meeting and every meeting of tests/summary/data (each kind
an office records), written as a reader gets them, read back page by
page as search and copy see them (``pdftotext -layout``, or python-docx).
"""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path

import pytest

from eventdesk import paths
from eventdesk.store import EventStore
from eventdesk.store.interchange import import_file
from eventdesk.summary import write_summary

DATA = Path(__file__).parent / "data"
SOURCES = {"example": paths.sample_meeting(), **{p.stem: p for p in sorted(DATA.glob("*.json"))}}


@pytest.fixture(scope="module")
def stores(tmp_path_factory) -> dict[str, Path]:
    """Each meeting imported once into a database of its own."""
    folder = tmp_path_factory.mktemp("layout")
    made = {}
    for name, source in SOURCES.items():
        made[name] = folder / f"{name}.sqlite3"
        with EventStore.open(made[name]) as store:
            import_file(store, source)
    return made


def write(stores: dict[str, Path], name: str, out: Path, **kw) -> Path:
    with EventStore.open(stores[name]) as store:
        (row,) = store.meetings.list()
        write_summary(store, row.id, kw.pop("template", "minutes"), out, **kw)
    return out


SECTION = re.compile(r"^\s*(\d+)\. ")


def _section_numbers(lines: list[str], heading: str) -> list[int]:
    """The numbers of the sections under ``heading`` (the agenda above it numbers its own)."""
    start = next(n for n, line in enumerate(lines) if line.strip() == heading)
    return [int(m.group(1)) for line in lines[start:] if (m := SECTION.match(line))]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", ["cohost", "participant"])
def test_sections_are_numbered_without_gaps(stores, tmp_path, name, lang):
    """A session with nothing to print under it leaves no gap ("1.", "3.") in the PDF or Word."""
    from docx import Document

    from tests.tools import pdftotext_pages

    heading = "致辞与报告" if lang == "zh" else "Speeches and presentations"
    pdf = write(stores, name, tmp_path / "m.pdf", lang=lang)
    lines = "\n".join(pdftotext_pages(pdf)).splitlines()
    numbers = _section_numbers(lines, heading)
    assert numbers == list(range(1, len(numbers) + 1)) and numbers

    docx = write(stores, name, tmp_path / "m.docx", lang=lang)
    paragraphs = [p.text for p in Document(str(docx)).paragraphs]
    assert _section_numbers(paragraphs, heading) == numbers


def _headings(html: Path) -> set[str]:
    source = html.read_text(encoding="utf-8")
    found = re.findall(r"<h[1-3][^>]*>(.*?)</h[1-3]>", source, flags=re.S)
    return {" ".join(htmllib.unescape(re.sub(r"<[^>]+>", "", h)).split()) for h in found}


def _body(page: str) -> list[str]:
    """The page's lines of text without the running header (its first line)."""
    return [line.strip() for line in page.splitlines() if line.strip()][1:]


@pytest.mark.slow  # some 70 PDFs, a few seconds each on a loaded machine
@pytest.mark.parametrize("size", ["A4", "Letter"])
@pytest.mark.parametrize("lang", ["en", "zh", "zh-Hant", "both"])
@pytest.mark.parametrize("template", ["news", "minutes"])
@pytest.mark.parametrize("name", list(SOURCES))
def test_pages_end_where_a_reader_expects(stores, tmp_path, name, template, lang, size):
    """No heading at a page's foot, no page but the last with fewer than three lines,
    no empty last page ("2 / 2" alone), and no line printed on two pages."""
    from tests.tools import pdftotext_pages

    pdf = write(stores, name, tmp_path / "s.pdf", template=template, lang=lang, page_size=size)
    headings = _headings(write(stores, name, tmp_path / "s.html", template=template, lang=lang))
    pages = [_body(p) for p in pdftotext_pages(pdf)]
    with open(pdf, "rb") as f:
        from pypdf import PdfReader

        assert len(PdfReader(f).pages) == len(pages)  # pdftotext drops no empty page at the end
    assert pages[-1], f"the last of {len(pages)} pages is empty"
    for n, lines in enumerate(pages[:-1], 1):
        assert len(lines) >= 3, f"page {n} of {len(pages)} holds only {lines}"
        last = lines[-1]
        ends_heading = [h for h in headings if last == h or (len(last) > 4 and h.startswith(last))]
        assert not ends_heading, f"page {n} ends with the heading {last!r}"
        twice = [line for line in lines[-3:] if line in pages[n][:3] and len(line) > 20]
        assert not twice, f"pages {n} and {n + 1} both show {twice}"


# -- Word ---------------------------------------------------------------------------------


def _grid(table) -> list[int]:
    from docx.oxml.ns import qn

    return [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("name", ["example", "visited", "cohost"])
def test_word_tables_leave_out_empty_columns_and_share_widths(stores, tmp_path, name, lang):
    """An empty column (负责人、完成日期, 涉及) is left out whatever its heading's language, a
    column with something in it never; the attendee tables of the sides share their widths."""
    from docx import Document

    docx = write(stores, name, tmp_path / "m.docx", lang=lang)
    tables = Document(str(docx)).tables
    for table in tables:
        heads = [c.text for c in table.rows[0].cells]
        for col, head in enumerate(heads[1:], 1):
            below = [r.cells[col].text.strip() for r in table.rows[1:] if len(r.cells) > col]
            if len(set(heads)) == len(heads):  # no row merged across: a column of its own
                assert any(below), f"{head!r} is printed with nothing under it"
    decisions = [t for t in tables if t.rows[0].cells[0].text in ("Kind", "类别")]
    assert decisions
    heads = [c.text for c in decisions[0].rows[0].cells]
    assert "负责人、完成日期" not in heads and "Owner, due" not in heads
    assert heads[:2] in (["Kind", "Decision"], ["类别", "内容"])

    attendees = [t for t in tables if t.rows[0].cells[0].text in ("Name", "姓名")]
    assert len(attendees) >= 2
    assert len({tuple(_grid(t)) for t in attendees}) == 1, [_grid(t) for t in attendees]


@pytest.mark.parametrize(("lang", "language"), [("en", "en-US"), ("zh", "zh-CN")])
def test_word_document_is_marked_in_its_language(stores, tmp_path, lang, language):
    """Word and LibreOffice take the language from the styles' run defaults."""
    import zipfile

    from docx import Document
    from docx.oxml.ns import qn

    docx = write(stores, "visited", tmp_path / "m.docx", lang=lang)
    styles = Document(str(docx)).styles.element
    (default,) = styles.findall(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}")
    (mark,) = default.findall(qn("w:lang"))
    assert mark.get(qn("w:val")) == language
    assert mark.get(qn("w:eastAsia")) == "zh-CN"
    assert Document(str(docx)).core_properties.language == language
    assert b"<dc:language>" + language.encode() in zipfile.ZipFile(docx).read("docProps/core.xml")


def test_traditional_chinese_word_document_is_marked_zh_tw():
    """The document's script decides: a traditional text is zh-TW (or zh-HK)."""
    from docx import Document

    from eventdesk.summary.docx_style import document_language
    from eventdesk.summary.view import Page

    doc = Document()
    doc.add_paragraph("香港浸會大學代表團訪問臺灣國立政治大學")
    assert document_language(doc, Page("meeting", "", lang="zh")) == ("zh-TW", "zh-TW")
    assert document_language(doc, Page("meeting", "", lang="en")) == ("en-US", "zh-TW")


def test_word_tables_as_libreoffice_prints_them(stores, tmp_path):
    """LibreOffice prints no empty column and no attendee's name broken over two lines."""
    from tests.summary.test_kinds import attendee_names
    from tests.tools import pdftotext_pages, soffice_convert

    files = [
        write(stores, name, tmp_path / f"{name}-{lang}.docx", lang=lang)
        for name in ("visited", "cohost")
        for lang in ("en", "zh")
    ]
    example = write(stores, "example", tmp_path / "example-en.docx")
    printed = soffice_convert([*files, example], "pdf", tmp_path / "out", tmp_path / "profile")
    # The agenda's items stay on one page (its last item opened page 2 alone).
    agenda = [p for p in pdftotext_pages(printed[-1]) if "Agenda" in p]
    assert len(agenda) == 1 and "3. Exchange symposium" in agenda[0]
    for docx, pdf in zip(files, printed, strict=False):
        text = "\n".join(pdftotext_pages(pdf))
        lines = [" ".join(line.split()) for line in text.splitlines()]
        kind = next(line for line in lines if line.startswith(("Kind ", "类别 ")))
        assert "Owner" not in kind and "负责人" not in kind, f"{docx.name}: {kind!r}"
        if docx.stem.startswith("visited"):  # no decision there concerns a party
            assert kind in ("Kind Decision", "类别 内容"), f"{docx.name}: {kind!r}"
        for latin in attendee_names(docx.stem.split("-")[0], "en"):
            assert any(latin in line for line in lines), f"{docx.name}: {latin} is broken"


@pytest.mark.parametrize(("lang", "language"), [("en", "en-US"), ("zh", "zh-CN")])
def test_pdf_is_marked_in_its_language(stores, tmp_path, lang, language):
    """The catalog's /Lang, which screen readers and a reader's fonts go by; poppler
    still reads the file without a complaint."""
    import subprocess

    from pypdf import PdfReader

    from tests.tools import need

    pdf = write(stores, "visited", tmp_path / "s.pdf", template="news", lang=lang)
    assert PdfReader(str(pdf)).trailer["/Root"]["/Lang"] == language
    text = subprocess.run(
        [need("pdftotext"), str(pdf), "-"], capture_output=True, text=True, encoding="utf-8"
    )
    assert text.returncode == 0 and not text.stderr.strip(), text.stderr
    assert ("延世大学" if lang == "zh" else "Yonsei University") in text.stdout


@pytest.mark.parametrize(("lang", "heading"), [("en", "Concerns"), ("zh", "涉及")])
def test_pdf_minutes_print_the_concerns_column_only_when_something_is_in_it(
    stores, tmp_path, lang, heading
):
    """As Word does: a visit's agreements concern no party, a co-hosted meeting's do."""
    from tests.tools import pdftotext_pages

    for name, printed in (("visited", False), ("cohost", True)):
        pdf = write(stores, name, tmp_path / f"{name}.pdf", lang=lang)
        text = "\n".join(pdftotext_pages(pdf))
        assert (heading in text) == printed, name

"""The Word documents as Word reads them: fonts, language, tables, header, properties.

Read straight from the .docx (python-docx and its XML): what Word and
LibreOffice decide from. ``tests/summary/test_office_rendering.py`` checks
what LibreOffice then prints.
"""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime, timedelta

import pytest
from docx import Document
from docx.oxml.ns import qn

from eventdesk.summary import write_course_register, write_period_report, write_summary
from eventdesk.summary.chinese import chinese_language

THEME = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")


@pytest.fixture
def minutes(sample_store, meeting_id, tmp_path):
    path = tmp_path / "minutes.docx"
    write_summary(sample_store, meeting_id, "minutes", path)
    return path


@pytest.fixture
def news(sample_store, meeting_id, tmp_path):
    path = tmp_path / "news.docx"
    write_summary(sample_store, meeting_id, "news", path)
    return path


def test_styles_name_only_arial_and_yahei(minutes):
    styles = zipfile.ZipFile(minutes).read("word/styles.xml").decode()
    assert not any(attr in styles for attr in THEME)
    doc = Document(str(minutes))
    for name in ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Caption"):
        fonts = doc.styles[name].element.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        assert fonts is not None, name
        assert fonts.get(qn("w:ascii")) == "Arial" and fonts.get(qn("w:hAnsi")) == "Arial"
        assert fonts.get(qn("w:eastAsia")) == "Microsoft YaHei"
    subtitle = doc.styles["Subtitle"]
    assert not subtitle.font.italic
    assert str(subtitle.font.color.rgb) == "444444"
    assert subtitle.element.find(f"{qn('w:rPr')}/{qn('w:spacing')}") is None
    for name in ("Title", "Heading 1", "Heading 2"):  # kept with what follows
        assert doc.styles[name].paragraph_format.keep_with_next, name


def test_chinese_runs_carry_their_language(news):
    doc = Document(str(news))
    runs = [r for p in doc.paragraphs for r in p.runs if "丁晓东" in r.text or "沪港" in r.text]
    assert runs
    for run in runs:
        lang = run._r.find(f"{qn('w:rPr')}/{qn('w:lang')}")
        assert lang is not None and lang.get(qn("w:eastAsia")) == "zh-CN", run.text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("丁晓东", "zh-CN"),
        ("2021年沪港大学联盟年会", "zh-CN"),
        ("香港浸會大學", "zh-TW"),
        ("衞炳江", "zh-HK"),
        ("上海", "zh-CN"),
    ],
)
def test_simplified_and_traditional_told_apart(text, language):
    assert chinese_language(text) == language


def _rows(table):
    return table._tbl.findall(qn("w:tr"))


def test_tables_rows_whole_headings_repeat_and_columns_fit(minutes):
    doc = Document(str(minutes))
    tables = [t for t in doc.tables if len(_rows(t)) > 1]
    for table in tables:
        for tr in _rows(table):
            assert tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None
    grids = [t for t in tables if t.rows[0].cells[0].text == "Name"]
    assert grids
    for table in grids:
        assert _rows(table)[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
        widths = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert len(set(widths)) > 1  # from content, not equal
        assert widths[2] > widths[3]  # "Title" wider than "Role"


def test_same_columns_as_the_pdf_and_the_count_on_its_own(minutes):
    doc = Document(str(minutes))
    headings = {c.text for t in doc.tables for c in t.rows[0].cells}
    assert "Kind" in headings and "Owner, due" not in headings and "Teachers" not in headings
    text = " ".join(c.text for t in doc.tables for r in t.rows for c in r.cells)
    assert "Count: 10 students (free places)" in text
    assert "(count:" not in text


def _header_tab_and_runs(path):
    doc = Document(str(path))
    section = doc.sections[0]
    (paragraph,) = section.header.paragraphs
    tabs = paragraph._p.pPr.find(qn("w:tabs"))
    right = [t for t in tabs if t.get(qn("w:val")) == "right"]
    width = (section.page_width - section.left_margin - section.right_margin) / 635
    return int(right[0].get(qn("w:pos"))), round(width), paragraph


@pytest.mark.parametrize("kind", ["minutes", "courses", "report"])
def test_header_page_number_at_the_right_margin(sample_store, meeting_id, tmp_path, kind):
    path = tmp_path / f"{kind}.docx"
    if kind == "minutes":
        write_summary(sample_store, meeting_id, "minutes", path)
    elif kind == "courses":
        write_course_register(sample_store, path)
    else:
        write_period_report(sample_store, None, None, path=path)
    tab, width, paragraph = _header_tab_and_runs(path)
    assert tab == width
    if kind == "courses":
        assert width > 14000  # landscape: 257 mm of text
    fields = [r for r in paragraph._p.findall(qn("w:r")) if r.find(qn("w:instrText")) is not None]
    assert [r.find(qn("w:instrText")).text.strip() for r in fields] == ["PAGE", "NUMPAGES"]
    for run in paragraph._p.findall(qn("w:r")):  # one part of a field a run, as Word writes
        parts = [c for c in run if c.tag != qn("w:rPr")]
        assert len(parts) == 1 or not any(c.tag == qn("w:fldChar") for c in parts)
    for run in paragraph._p.findall(qn("w:r")):
        size = run.find(f"{qn('w:rPr')}/{qn('w:sz')}")
        assert size is not None and size.get(qn("w:val")) == "17"  # 8.5 pt, as the header


def test_properties_are_the_documents_own(news):
    props = Document(str(news)).core_properties
    assert props.title.startswith("USST participated in the annual meeting")
    assert props.subject.startswith("News release: Annual Meeting and Exchange Symposium")
    assert props.author == "University of Shanghai for Science and Technology"
    now = datetime.now(UTC)
    assert now - props.created < timedelta(minutes=5)
    assert now - props.modified < timedelta(minutes=5)
    parts = zipfile.ZipFile(news)
    names = parts.namelist()
    assert not any("thumbnail" in n for n in names)
    everything = b"".join(parts.read(n) for n in names if n.startswith("docProps/"))
    assert b"python-docx" not in everything and b"Macintosh" not in everything


def test_photos_have_alt_text(news):
    xml = zipfile.ZipFile(news).read("word/document.xml").decode()
    assert xml.count('descr="') == 3
    assert 'descr="Online group photo at the opening ceremony' in xml

"""The Word documents as LibreOffice prints them (``soffice --headless --convert-to pdf``).

Given the example meeting, and a large one (sixty courses, forty guests with
long titles), when their DOCX files are opened and printed by LibreOffice,
then: each fact is in the text, the pages are as many as expected and the
register is landscape, the Latin text is in Arial's metric twin (Liberation
Sans) with no theme font (DejaVu for Calibri/Cambria), no table row is split
over two pages and the register's heading row is on every page.

LibreOffice starts slowly: every document is converted in one run, shared by
the module's tests.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from eventdesk import paths
from eventdesk.store import EventStore
from eventdesk.store.interchange import import_file
from eventdesk.summary import write_course_register, write_period_report, write_summary
from tests.summary.conftest import squash_pdf
from tests.summary.test_news_release import FACTS, OUR_PEOPLE
from tests.tools import need, pdffonts, pdftotext_pages, soffice_convert

SAMPLE = paths.sample_meeting()
COURSES, GUESTS = 60, 40


def _large_meeting(path: Path) -> Path:
    """The example meeting with many courses and guests, to make tables run over pages."""
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    meeting = data["meetings"][0]
    for n in range(COURSES):
        meeting["courses"].append(
            {
                **meeting["courses"][0],
                "id": f"course-big-{n}",
                "title": f"Alpha{n} national conditions, culture and history of Shanghai and "
                f"Hong Kong, with field studies Omega{n}",
                "teachers": f"Teacher{n}",
            }
        )
    for n in range(GUESTS):
        data["people"].append(
            {
                **data["people"][0],
                "id": f"person-big-{n}",
                "family_name": f"Guest{n}",
                "given_name": "Visitor",
                "name_zh": "",
            }
        )
        meeting["attendees"].append(
            {
                "id": f"att-big-{n}",
                "person": f"person-big-{n}",
                "title": f"Principal Assistant Secretary (Higher Education) of the Bureau of "
                f"Long Titles and Other Matters Zeta{n}",
                "title_zh": "",
                "organisation": "org-usst",
                "capacity": "",
                "capacity_zh": "",
                "role": "guest",
                "side": "other",
            }
        )
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, Path]:
    """Every DOCX of the example and the large meeting, as LibreOffice's PDFs, by name."""
    root = tmp_path_factory.mktemp("office")
    (root / "userdata").mkdir()
    docx: dict[str, Path] = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(paths, "data_dir", lambda: root / "userdata")
        for name, source in (("example", SAMPLE), ("large", _large_meeting(root / "l.json"))):
            store = EventStore.open(root / f"{name}.sqlite3")
            try:
                import_file(store, source)
                (row,) = store.meetings.list()
                for template in ("news", "minutes"):
                    docx[f"{name}-{template}"] = root / f"{name}-{template}.docx"
                    write_summary(store, row.id, template, docx[f"{name}-{template}"])
                docx[f"{name}-report"] = root / f"{name}-report.docx"
                write_period_report(store, None, None, path=docx[f"{name}-report"])
                docx[f"{name}-courses"] = root / f"{name}-courses.docx"
                write_course_register(store, docx[f"{name}-courses"])
            finally:
                store.close()
    pdfs = soffice_convert(list(docx.values()), "pdf", root / "pdf", root / "profile")
    return dict(zip(docx, pdfs, strict=True))


def _pages(pdf: Path) -> list[str]:
    """Each page's words; a line broken after a hyphen ("Shanghai-" / "Hong Kong") joined."""
    return [squash_pdf(re.sub(r"(?<=\w-)\n\s*", "", p)) for p in pdftotext_pages(pdf)]


@pytest.mark.parametrize("fact", FACTS + OUR_PEOPLE)
def test_every_fact_of_the_release_in_libreoffices_print(printed, fact):
    assert squash_pdf(fact) in " ".join(_pages(printed["example-news"]))


def test_the_minutes_name_everyone_and_the_count(printed):
    text = " ".join(_pages(printed["example-minutes"]))
    for fact in (
        "LAI Tze-kin",
        "Principal Assistant Secretary (Higher Education)",
        "CHENG Danhong",
        "成旦红",
        "Count: 10 students (free places)",
        "Hong Kong Baptist University",
    ):
        assert squash_pdf(fact) in text
    assert "(count:" not in text


def test_page_counts_and_paper(printed):
    from pypdf import PdfReader

    assert len(_pages(printed["example-news"])) <= 3
    assert len(_pages(printed["example-minutes"])) <= 5
    assert len(_pages(printed["example-report"])) == 1
    assert len(_pages(printed["example-courses"])) == 1
    box = PdfReader(str(printed["example-courses"])).pages[0].mediabox
    assert box.width > box.height  # the register is landscape
    box = PdfReader(str(printed["example-minutes"])).pages[0].mediabox
    assert box.width < box.height


@pytest.mark.parametrize("name", ["example-news", "example-minutes", "example-courses"])
def test_fonts_are_the_ones_the_styles_name(printed, name):
    fonts = pdffonts(printed[name])
    latin = {f for f in fonts if f.startswith("LiberationSans")}
    assert "LiberationSans" in latin and "LiberationSans-Bold" in latin  # Arial, bold headings
    theme_faces = {f for f in fonts if re.match(r"DejaVu|Carlito|Caladea|OpenSymbol", f)}
    assert not theme_faces, f"{name} prints in {theme_faces}: a theme font won"
    if name != "example-courses":
        assert fonts - latin, "the Chinese text has a CJK face"


def test_no_row_is_split_over_a_page(printed):
    courses = _pages(printed["large-courses"])
    minutes = _pages(printed["large-minutes"])
    assert len(courses) >= 3 and len(minutes) >= 4
    for n in range(COURSES):
        (page,) = [p for p in courses if f"Alpha{n} " in p]
        assert f"Omega{n}" in page and f"Teacher{n}" in page, f"course {n} split"
    for n in range(GUESTS):
        (page,) = [p for p in minutes if f"GUEST{n} " in p]
        assert f"Zeta{n}" in page, f"guest {n}'s row split"
    # The issue's own example: the attendees table's row, not "...Secretary (Higher" alone.
    page = next(p for p in _pages(printed["example-minutes"]) if "LAI Tze-kin" in p)
    assert "Secretary (Higher" in page and "Education)" in page  # the title may wrap in its cell


def test_heading_rows_repeat_on_every_page(printed):
    pages = _pages(printed["large-courses"])
    for n, page in enumerate(pages, 1):
        assert "Year Course Institution Programme Teachers Status Announced at" in page, n


def _header_words(pdf: Path) -> tuple[float, list[tuple[float, float, float, str]]]:
    """The page's width and the words of its first line: (x max, top, height, text)."""
    out = subprocess.run(
        [need("pdftotext"), "-bbox", "-f", "1", "-l", "1", str(pdf), "-"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    ).stdout
    width = float(re.search(r'<page width="([\d.]+)"', out).group(1))
    words = [
        (float(x1), float(y0), float(y1) - float(y0), text)
        for _, y0, x1, y1, text in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
            out,
        )
    ]
    top = min(w[1] for w in words)
    return width, [w for w in words if abs(w[1] - top) < 3]


@pytest.mark.parametrize("name", ["example-news", "example-courses"])
def test_page_number_at_the_right_margin_in_the_headers_type(printed, name):
    width, line = _header_words(printed[name])
    *title, number = line
    assert re.search(r"1/\d+$", "".join(w[3] for w in line[-3:])), line  # "1 / 3"
    margin = 20 / 25.4 * 72  # the templates' 20 mm
    assert number[0] > width - margin - 3, f"the page number ends at {number[0]} of {width}"
    assert abs(number[2] - title[0][2]) < 0.5, "the page number is bigger than the header"

"""The page-end rules of summary/pagination.py, on documents made to break where each rule bites.

A QTextDocument of filler paragraphs pushes what is tested to the foot of the
first page, at every line's height of offset, so each rule is met wherever the
page end falls; the pages are then read back from the laid-out document.
"""

from __future__ import annotations

import pytest

from eventdesk.summary import pagination
from eventdesk.summary.qt_app import ensure_gui_app

LINE = "A line of filler text that fills most of one line"
LONG = " ".join(["Words of a paragraph that runs over several lines of the page."] * 6)


def _document(html: str, lines_per_page: int = 20):
    ensure_gui_app()
    from PySide6.QtCore import QSizeF
    from PySide6.QtGui import QFont, QFontMetricsF, QTextDocument

    doc = QTextDocument()
    font = QFont()
    font.setPointSize(10)
    doc.setDefaultFont(font)
    doc.setHtml(html)
    doc.setPageSize(QSizeF(400, QFontMetricsF(font).lineSpacing() * lines_per_page))
    return doc


def _fillers(n: int) -> str:
    return "".join(f"<p style='margin:0'>{LINE[:20]} {k}</p>" for k in range(n))


def _pages_of(doc, kind: str) -> list[int]:
    return [u.page for u in pagination.measure(doc).units if u.kind == kind]


@pytest.mark.parametrize("before", range(12, 22))
def test_a_heading_keeps_two_lines_under_it(before):
    doc = _document(_fillers(before) + f"<h2>Background</h2><p>{LONG}</p>")
    pagination.mend(doc)
    units = pagination.measure(doc).units
    (n,) = [k for k, u in enumerate(units) if u.kind == "heading"]
    assert units[n + 1].page == units[n + 2].page == units[n].page


@pytest.mark.parametrize("before", range(12, 22))
def test_a_paragraph_leaves_two_lines_on_each_side_of_a_break(before):
    doc = _document(_fillers(before) + f"<p>{LONG}</p>" + _fillers(3))
    pagination.mend(doc)
    units = [u for u in pagination.measure(doc).units if u.kind == "line"]
    long = [u for u in units if "filler" not in u.block.text()]
    per_page = {}
    for u in long:
        per_page[u.page] = per_page.get(u.page, 0) + 1
    assert all(count >= 2 for count in per_page.values()), per_page
    for u in long:  # every block of it on one page: no line is drawn on two
        assert len({v.page for v in long if v.block == u.block}) == 1


@pytest.mark.parametrize("before", range(10, 22))
def test_a_short_table_leaves_no_row_alone_on_the_next_page(before):
    rows = "".join(f"<tr><td>Row {n}</td><td>text</td></tr>" for n in range(3))
    table = (
        f"<table border='1'><thead><tr><th>Kind</th><th>Decision</th></tr></thead>{rows}</table>"
    )
    doc = _document(_fillers(before) + "<h2>Decisions</h2>" + table)
    pagination.mend(doc)
    assert len(set(_pages_of(doc, "row"))) == 1


def test_no_last_page_for_a_tables_bottom_margin_alone():
    for before in range(10, 22):
        rows = "".join(f"<tr><td>Row {n}</td></tr>" for n in range(4))
        doc = _document(_fillers(before) + f"<table style='margin-bottom:40px'>{rows}</table>")
        pagination.mend(doc)
        last = max(u.page for u in pagination.measure(doc).units)
        assert pagination.page_count(doc) == last + 1

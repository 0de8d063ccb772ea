"""Word tables that print as the PDF's: rows whole, headings repeated, columns that fit.

Part of the finish of a rendered DOCX (:mod:`eventdesk.summary.docx_style`).
Word and LibreOffice split a row over two pages unless told not to, repeat no
heading row unless told to, and docxtpl leaves every column as wide as the
template's; the PDF does none of that, so neither should the Word file.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

#: Columns the PDF prints only when some row has something in them.
OPTIONAL_COLUMNS = {"Teachers", "Owner, due"}


def leading_child(parent: Any, tag: str) -> Any:
    """``parent``'s ``tag`` child, made as its first child if missing.

    Word's schema puts a properties element (``w:rPr``, ``w:tcPr``) and the first
    of its own children (``w:rFonts``, ``w:tcW``) first, so that is where a new one goes.
    """
    child = parent.find(qn(tag))
    if child is None:
        child = OxmlElement(tag)
        parent.insert(0, child)
    return child


def finish_table(tbl: Any, width_twips: int) -> None:
    drop_empty_optional_columns(tbl)
    keep_rows_whole(tbl)
    widths_from_content(tbl, width_twips)


def _cells(tr: Any) -> list[Any]:
    return tr.findall(qn("w:tc"))


def _span(tc: Any) -> int:
    span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
    return int(span.get(qn("w:val"))) if span is not None else 1


def _text(el: Any) -> str:
    return "".join(t.text or "" for t in el.iter(qn("w:t"))).strip()


def _grid(tbl: Any) -> list[Any]:
    grid = tbl.find(qn("w:tblGrid"))
    return grid.findall(qn("w:gridCol")) if grid is not None else []


def drop_empty_optional_columns(tbl: Any) -> None:
    """Leave out a "Teachers" or "Owner, due" column that has nothing in any row."""
    rows = tbl.findall(qn("w:tr"))
    if len(rows) < 2:
        return
    heads = [_text(tc) for tc in _cells(rows[0])]
    if any(_span(tc) != 1 for tc in _cells(rows[0])):
        return
    for col in reversed(range(len(heads))):
        if heads[col] not in OPTIONAL_COLUMNS:
            continue
        simple = [_cells(tr) for tr in rows[1:] if len(_cells(tr)) == len(heads)]
        if any(_text(cells[col]) for cells in simple):
            continue
        for tr in rows:
            cells = _cells(tr)
            if len(cells) == len(heads):
                tr.remove(cells[col])
            else:  # a merged row (an organisation's name across the table)
                _narrow_span(tr, col)
        grid = _grid(tbl)
        if col < len(grid):
            grid[col].getparent().remove(grid[col])
        heads.pop(col)


def _narrow_span(tr: Any, col: int) -> None:
    start = 0
    for tc in _cells(tr):
        span = _span(tc)
        if start <= col < start + span and span > 1:
            tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}").set(qn("w:val"), str(span - 1))
            return
        start += span


def keep_rows_whole(tbl: Any) -> None:
    """No row splits over a page; a first row of bold headings repeats on each page."""
    rows = tbl.findall(qn("w:tr"))
    for n, tr in enumerate(rows):
        trpr = tr.find(qn("w:trPr"))
        if trpr is None:
            trpr = OxmlElement("w:trPr")
            tblpr_ex = tr.find(qn("w:tblPrEx"))
            if tblpr_ex is not None:
                tblpr_ex.addnext(trpr)
            else:
                tr.insert(0, trpr)
        if trpr.find(qn("w:cantSplit")) is None:
            trpr.insert(0, OxmlElement("w:cantSplit"))
        if (
            n == 0
            and len(rows) > 1
            and _is_heading_row(tr)
            and trpr.find(qn("w:tblHeader")) is None
        ):
            trpr.append(OxmlElement("w:tblHeader"))


def _is_heading_row(tr: Any) -> bool:
    runs = [r for r in tr.iter(qn("w:r")) if _text(r)]
    return bool(runs) and all(r.find(f"{qn('w:rPr')}/{qn('w:b')}") is not None for r in runs)


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


_CHAR = 130  # twips a character of 10.5 pt Arial takes at most on average, bold headings included
_PAD = 230  # the cell's left and right margins and a little air


def _share(total: int, least: list[int], most: list[int]) -> list[int]:
    """Widths summing to ``total``: each column its longest word, then the rest of the
    room shared after how much more each would take to fit its longest line."""
    if sum(least) >= total:
        return [int(total * x / sum(least)) for x in least]
    more = [max(m - x, 0) for x, m in zip(least, most, strict=True)]
    room = total - sum(least)
    if sum(more) == 0:
        return [x + room // len(least) for x in least]
    if sum(more) <= room:  # everything fits on one line: spread what is left likewise
        extra = room - sum(more)
        return [
            m + int(extra * m / sum(most))
            for m in (x + y for x, y in zip(least, more, strict=True))
        ]
    return [x + int(room * y / sum(more)) for x, y in zip(least, more, strict=True)]


def widths_from_content(tbl: Any, width_twips: int) -> None:
    """Give each column a share of the text width after what its cells hold."""
    rows = tbl.findall(qn("w:tr"))
    grid = _grid(tbl)
    columns = len(grid)
    if not rows or columns < 2:
        return
    wants = [0] * columns  # the longest paragraph, in character widths
    words = [0] * columns  # the longest word: narrower, and it breaks mid-word
    for tr in rows:
        col = 0
        for tc in _cells(tr):
            span = _span(tc)
            if span == 1 and col < columns:
                for para in tc.iter(qn("w:p")):
                    text = _text(para)
                    wants[col] = max(wants[col], _display_width(text))
                    longest = max((_display_width(w) for w in text.split()), default=0)
                    words[col] = max(words[col], min(longest, 30))
            col += span
    twips = _share(
        width_twips, [_CHAR * w + _PAD for w in words], [_CHAR * w + _PAD for w in wants]
    )
    for n, col in enumerate(grid):
        col.set(qn("w:w"), str(twips[n]))
    tblpr = tbl.find(qn("w:tblPr"))
    if tblpr is not None:
        tblw = tblpr.find(qn("w:tblW"))
        if tblw is None:
            tblw = OxmlElement("w:tblW")
            tblpr.append(tblw)
        tblw.set(qn("w:w"), str(sum(twips)))
        tblw.set(qn("w:type"), "dxa")
    for tr in rows:
        col = 0
        for tc in _cells(tr):
            span = _span(tc)
            tcw = leading_child(leading_child(tc, "w:tcPr"), "w:tcW")
            tcw.set(qn("w:w"), str(sum(twips[col : col + span])))
            tcw.set(qn("w:type"), "dxa")
            col += span

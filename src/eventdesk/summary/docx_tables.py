"""Word tables that print as the PDF's: rows whole, headings repeated, columns that fit.

Part of the finish of a rendered DOCX (:mod:`eventdesk.summary.docx_style`).
Word and LibreOffice split a row over two pages unless told not to, repeat no
heading row unless told to, and docxtpl leaves every column as wide as the
template's; the PDF does none of that, so neither should the Word file.

Tables with the same heading row (the attendee table of each side) are one
kind: a column is left out only when it is empty in all of them, and they
share one set of column widths, so a name wraps alike in each and the columns
line up from one table to the next. Whether a column is empty is read from
its cells, not its heading, so the rule holds in every language and template.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn


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


def finish_tables(tables: list[Any], width_twips: int) -> None:
    """Finish the ``w:tbl`` elements of one document, each kind of table alike."""
    for kind in kinds(tables):
        drop_empty_columns(kind)
    for tbl in tables:
        keep_rows_whole(tbl)
    for kind in kinds(tables):
        widths_from_content(kind, width_twips)


def kinds(tables: list[Any]) -> list[list[Any]]:
    """The tables grouped by their heading row's texts; a table without one is alone."""
    groups: dict[Any, list[Any]] = {}
    for n, tbl in enumerate(tables):
        rows = tbl.findall(qn("w:tr"))
        key: Any = n
        if len(rows) > 1 and _is_heading_row(rows[0]):
            key = tuple(_text(tc) for tc in _cells(rows[0]))
        groups.setdefault(key, []).append(tbl)
    return list(groups.values())


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


def drop_empty_columns(tables: list[Any]) -> None:
    """Leave out each column with nothing in any row below the heading, in all ``tables``.

    Only tables with a heading row of single cells; never the first column,
    and two columns are always left.
    """
    heads = [_cells(tbl.findall(qn("w:tr"))[0]) for tbl in tables]
    if not all(len(tbl.findall(qn("w:tr"))) > 1 for tbl in tables):
        return
    if any(_span(tc) != 1 for cells in heads for tc in cells):
        return
    columns = len(heads[0])
    for col in reversed(range(1, columns)):
        if columns < 3 or any(_column_has_text(tbl, col, columns) for tbl in tables):
            continue
        for tbl in tables:
            _drop_column(tbl, col, columns)
        columns -= 1


def _column_has_text(tbl: Any, col: int, columns: int) -> bool:
    rows = tbl.findall(qn("w:tr"))[1:]
    return any(_text(_cells(tr)[col]) for tr in rows if len(_cells(tr)) == columns)


def _drop_column(tbl: Any, col: int, columns: int) -> None:
    for tr in tbl.findall(qn("w:tr")):
        cells = _cells(tr)
        if len(cells) == columns:
            tr.remove(cells[col])
        else:  # a merged row (an organisation's name across the table)
            _narrow_span(tr, col)
    grid = _grid(tbl)
    if col < len(grid):
        grid[col].getparent().remove(grid[col])


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
    # Not all fit: a column narrow enough (names, roles) gets its whole line, so a
    # name never wraps for want of a little room; the long ones share the rest.
    widths = list(least)
    settled: set[int] = set()
    for n in sorted(range(len(most)), key=lambda k: most[k]):
        open_ = [k for k in range(len(most)) if k not in settled]
        left = total - sum(widths[k] for k in settled)
        if most[n] <= left / len(open_) or most[n] <= least[n]:
            widths[n] = max(most[n], least[n])
            settled.add(n)
    rest = [k for k in range(len(most)) if k not in settled]
    if not rest:
        return widths
    room = total - sum(widths[k] for k in settled) - sum(least[k] for k in rest)
    more_rest = sum(more[k] for k in rest)
    for k in rest:
        widths[k] = least[k] + int(room * more[k] / more_rest) if more_rest else least[k]
    return widths


def widths_from_content(tables: list[Any], width_twips: int) -> None:
    """Give each column a share of the text width after what its cells hold in ``tables``.

    The tables of one kind get one set of widths, from all their cells.
    """
    columns = len(_grid(tables[0]))
    if columns < 2 or any(len(_grid(tbl)) != columns for tbl in tables):
        if len(tables) > 1:  # not one kind after all: each its own widths
            for tbl in tables:
                widths_from_content([tbl], width_twips)
        return
    rows = [tr for tbl in tables for tr in tbl.findall(qn("w:tr"))]
    if not rows:
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
    for tbl in tables:
        _set_widths(tbl, twips)


def _set_widths(tbl: Any, twips: list[int]) -> None:
    for n, col in enumerate(_grid(tbl)):
        col.set(qn("w:w"), str(twips[n]))
    tblpr = tbl.find(qn("w:tblPr"))
    if tblpr is not None:
        tblw = tblpr.find(qn("w:tblW"))
        if tblw is None:
            tblw = OxmlElement("w:tblW")
            tblpr.append(tblw)
        tblw.set(qn("w:w"), str(sum(twips)))
        tblw.set(qn("w:type"), "dxa")
    for tr in tbl.findall(qn("w:tr")):
        col = 0
        for tc in _cells(tr):
            span = _span(tc)
            tcw = leading_child(leading_child(tc, "w:tcPr"), "w:tcW")
            tcw.set(qn("w:w"), str(sum(twips[col : col + span])))
            tcw.set(qn("w:type"), "dxa")
            col += span

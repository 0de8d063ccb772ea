"""Page breaks Qt's text document does not make by itself, and the pages it does not need.

Why this exists: ``QTextDocument`` lays a document out in pages, but it knows
no "keep with next", no widows or orphans, and it counts a page for the
bottom margin of the last table. Left alone it printed a heading at a page's
foot with its text on the next ("议程", "Background"), a page with one line of
a section, and a last page holding nothing but "2 / 2". And
``QTextLayout::draw`` draws, for a paragraph that runs over a page break, the
last line above the clip as well as those inside it: hidden behind the
running header, but a PDF keeps the text of what is clipped, so search and
copy would find the line twice.

So the laid-out document is mended before it is painted, one fault at a time
from the top (a break moves only what is below it), until none is left:

* a paragraph that runs over a page end is cut there into two blocks, the
  second starting the next page, so no block is painted on two pages; it
  leaves at least two lines on each page, or moves to the next page whole;
* a table leaves more than its heading row and one row at a page's foot, and
  a short table does not leave its last row alone on the next page (a longer
  one may: Qt moves no row of a table by itself, only a cell's text);
* a heading (with the headings directly above it: "Attendees" with "Our
  delegation") keeps the first two lines of what follows it on its page;
* a page before the last has at least three lines: it takes lines from the
  foot of the page before it when it would have fewer.

:func:`page_count` then counts the pages up to the last one with something on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Lines a heading keeps under it, and lines of a paragraph left at either side of a break.
KEEP = 2
#: A table of at most this many rows above a page end moves whole rather than leave its
#: last row alone on the next page.
SMALL_TABLE = 4
#: Lines of text every page but the last holds at least.
FULL_PAGE = 3
#: A guard against a loop: far more mends than any summary needs.
MOST_MENDS = 400
#: The block state (CSS ``-qt-user-state``) of a bilingual document's second half's first
#: block: its pages carry that half's running header (templates.follow_with sets it, pdf.paint
#: reads it). Not an anchor: an anchor's character sets its first letter apart in the PDF's
#: text, and a reader's copy said "U SST, PolyU and UM co-hosted".
SECOND_HALF = 2418


@dataclass
class Unit:
    """One line of a paragraph, or one row of a table, where it is on the page."""

    top: float
    bottom: float
    page: int
    #: The top-level block or table it belongs to (a block's number or a table's first position).
    owner: int
    kind: str  # "heading", "line", "item" (of a list), "row"
    block: Any = None  # the paragraph or list item, for "line", "item" and "heading"
    table: Any = None  # for "row"
    line: int = 0  # its number in its paragraph, or its row in the table
    weight: int = 1  # a row as tall as a photo counts as two lines


@dataclass
class Flow:
    """The document's units in reading order, and the page height they were measured with."""

    units: list[Unit] = field(default_factory=list)
    height: float = 1.0

    def on_page(self, page: int) -> list[Unit]:
        return [u for u in self.units if u.page == page]


def _page(y: float, height: float) -> int:
    return max(0, int(y // height))


def _line_tops(layout: Any, block: Any) -> list[tuple[float, float]]:
    """Each line's top and bottom in the document.

    The block's rectangle starts where its layout is placed; Qt moves a line
    that would cross a page end down by giving it a larger ``y`` inside the
    layout, so a line's top is the rectangle's top plus its own ``y`` (not
    measured from the layout's first line, which may itself have moved).
    """
    lines = block.layout()
    top = layout.blockBoundingRect(block).top()
    out = []
    for n in range(lines.lineCount()):
        line = lines.lineAt(n)
        out.append((top + line.y(), top + line.y() + line.height()))
    return out


def _blocks_of(frame: Any) -> list[Any]:
    blocks = []
    it = frame.begin()
    while not it.atEnd():
        if it.currentFrame() is not None:
            blocks.extend(_blocks_of(it.currentFrame()))
        elif it.currentBlock().isValid():
            blocks.append(it.currentBlock())
        it += 1
    return blocks


def measure(doc: Any) -> Flow:
    """Lay ``doc`` out and list its units (empty blocks left out)."""
    from PySide6.QtGui import QFontMetricsF, QTextTable

    doc.pageCount()  # lays the document out
    layout = doc.documentLayout()
    height = doc.pageSize().height()
    spacing = QFontMetricsF(doc.defaultFont(), layout.paintDevice()).lineSpacing()
    flow = Flow(height=height)
    it = doc.rootFrame().begin()
    while not it.atEnd():
        frame, block = it.currentFrame(), it.currentBlock()
        if frame is not None:
            flow.units.extend(_rows(layout, frame, height, spacing, QTextTable))
        elif block.isValid() and block.length() > 1:
            heading = block.blockFormat().headingLevel() > 0
            kind = "heading" if heading else ("item" if block.textList() else "line")
            for n, (top, bottom) in enumerate(_line_tops(layout, block)):
                flow.units.append(
                    Unit(top, bottom, _page(top, height), block.blockNumber(), kind, block, line=n)
                )
        it += 1
    return flow


def _rows(layout: Any, frame: Any, height: float, spacing: float, table_type: Any) -> list[Unit]:
    """A table's rows as units (a frame that is no table is one unit)."""
    owner = -1 - frame.firstPosition()
    cells: dict[int, list[Any]] = {}
    if isinstance(frame, table_type):
        for row in range(frame.rows()):
            for col in range(frame.columns()):
                cell = frame.cellAt(row, col)
                if cell.row() == row and cell.column() == col:
                    it = cell.begin()
                    while not it.atEnd():
                        if it.currentBlock().isValid():
                            cells.setdefault(row, []).append(it.currentBlock())
                        it += 1
    else:
        cells[0] = _blocks_of(frame)
    units = []
    for row, blocks in sorted(cells.items()):
        spans = [span for b in blocks for span in _line_tops(layout, b)]
        if not spans:
            continue
        top = min(t for t, _ in spans)
        bottom = max(b for _, b in spans)
        weight = 2 if bottom - top > 2.5 * spacing else 1
        units.append(
            Unit(
                top, bottom, _page(top, height), owner, "row", table=frame, line=row, weight=weight
            )
        )
    return units


def page_of_state(doc: Any, state: int) -> int | None:
    """The page the first block in ``state`` (its ``userState``) starts on, None if none is."""
    block = doc.begin()
    while block.isValid():
        if block.userState() == state:
            top = doc.documentLayout().blockBoundingRect(block).top()
            return _page(top, doc.pageSize().height())
        block = block.next()
    return None


def page_count(doc: Any) -> int:
    """The pages up to the last with something on it (not one for a table's bottom margin)."""
    flow = measure(doc)
    if not flow.units:
        return 1
    last = max(_page(u.bottom - 1, flow.height) for u in flow.units)
    return max(1, min(doc.pageCount(), last + 1))


# -- the mends ---------------------------------------------------------------------------


def _break_before_block(block: Any) -> None:
    from PySide6.QtGui import QTextCursor, QTextFormat

    fmt = block.blockFormat()
    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    QTextCursor(block).setBlockFormat(fmt)


def _break_before_table(table: Any) -> None:
    from PySide6.QtGui import QTextFormat

    fmt = table.format()
    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    table.setFormat(fmt)


def _break_before(unit: Unit) -> None:
    if unit.kind == "row":
        _break_before_table(unit.table)
    else:
        _break_before_block(unit.block)


def _no_break_between(doc: Any, prev: Unit, nxt: Unit) -> bool:
    """Let what starts at ``nxt`` follow on from ``prev``'s page, if a break put a page between.

    A bilingual document starts its English half on a new page; when the Chinese half
    ended in a table at the page's foot, the table's margin below it took a page of its
    own and the break then a third: a blank page between the halves. The margin goes
    first; a break with nothing but empty paragraphs before it goes next.
    """
    from PySide6.QtGui import QTextCursor, QTextFormat

    if prev.kind == "row" and prev.table.format().bottomMargin() > 0:
        fmt = prev.table.format()  # its margin below took the page between
        fmt.setBottomMargin(0)
        prev.table.setFormat(fmt)
        return True
    never = QTextFormat.PageBreakFlag.PageBreak_Auto
    after = prev.table.lastPosition() if prev.kind == "row" else prev.block.position()
    until = nxt.table.firstPosition() if nxt.kind == "row" else nxt.block.position()
    changed = False
    block = doc.findBlock(after).next()
    while block.isValid() and block.position() <= until:
        fmt = block.blockFormat()
        if fmt.pageBreakPolicy() != never:
            fmt.setPageBreakPolicy(never)
            QTextCursor(block).setBlockFormat(fmt)
            changed = True
        table = QTextCursor(block).currentTable()
        if table is not None and table.format().pageBreakPolicy() != never:
            tfmt = table.format()
            tfmt.setPageBreakPolicy(never)
            table.setFormat(tfmt)
            changed = True
        block = block.next()
    return changed


def _split(doc: Any, block: Any, line: int) -> None:
    """Cut ``block`` before its line ``line``; the second part starts a new page.

    A line that begins after a line break (``<br>``, U+2028) loses the break,
    or the first part would end in an empty line on the next page.
    """
    from PySide6.QtGui import QTextCursor, QTextFormat

    position = block.position() + block.layout().lineAt(line).textStart()
    cursor = QTextCursor(doc)
    cursor.setPosition(position)
    if position > block.position() and doc.characterAt(position - 1) == "\u2028":
        cursor.deletePreviousChar()
    fmt = block.blockFormat()
    fmt.setTopMargin(0)
    fmt.setTextIndent(0)
    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    cursor.insertBlock(fmt)


class _Mender:
    """Finds the first fault from the top and mends it."""

    def __init__(self, doc: Any):
        self.doc = doc
        self.flow = measure(doc)
        self.units = self.flow.units

    def first_on_page(self, index: int) -> bool:
        return index == 0 or self.units[index - 1].page < self.units[index].page

    def start_of(self, index: int) -> int:
        """The first unit of the block or table ``index`` is in."""
        while index > 0 and self.units[index - 1].owner == self.units[index].owner:
            index -= 1
        return index

    def heading_run(self, index: int) -> int:
        """The first of the headings directly above ``index`` (a heading itself), with it."""
        start = self.start_of(index)
        while start > 0 and self.units[start - 1].kind == "heading":
            start = self.start_of(start - 1)
        return start

    def move(self, index: int) -> bool:
        """Start the next page with the unit ``index``'s block or table (with its headings)."""
        start = self.start_of(index)
        if start > 0 and self.units[start - 1].kind == "heading":
            start = self.heading_run(start - 1)
        if self.first_on_page(start):
            return False
        _break_before(self.units[start])
        return True

    def mend_one(self) -> bool:
        """Mend the first fault; False when there is none left that can be mended."""
        units = self.units
        for i in range(1, len(units)):
            if units[i].page > units[i - 1].page + 1 and _no_break_between(
                self.doc, units[i - 1], units[i]
            ):
                return True  # a break after a page that ended full left one with nothing on it
            if units[i].page > units[i - 1].page and self.mend_break(i):
                return True
        return self.mend_short_page()

    def mend_break(self, i: int) -> bool:
        """Mend the page end between ``units[i - 1]`` and ``units[i]``, if it needs it."""
        units = self.units
        prev, nxt = units[i - 1], units[i]
        if prev.owner == nxt.owner and prev.kind == "line":
            return self.mend_paragraph(i)
        if prev.owner == nxt.owner and prev.kind == "item":
            return self.move(i)  # a list item moves whole
        if prev.owner == nxt.owner and prev.kind == "row":
            start = self.start_of(i - 1)
            if i - start <= KEEP:  # the heading row and one more at most: the table moves
                return self.move(start)
            end = i
            while end < len(units) and units[end].owner == nxt.owner:
                end += 1
            if end - i < KEEP and i - start <= SMALL_TABLE:  # its last row alone: all go
                return self.move(start)
        if prev.kind == "heading":
            return self.move(i - 1)
        # A heading keeps the first lines of what follows it on its page.
        if nxt.kind != "heading":
            kept = 0
            j = i - 1
            while j >= 0 and units[j].kind != "heading" and units[j].page == prev.page:
                kept += units[j].weight
                j -= 1
            heading = j >= 0 and units[j].kind == "heading" and units[j].page == prev.page
            if heading and kept < KEEP:
                return self.move(j)
        return False

    def mend_paragraph(self, i: int) -> bool:
        """A paragraph over a page end: cut it, leaving two lines or more on each side."""
        units = self.units
        start = self.start_of(i - 1)
        end = i
        while end < len(units) and units[end].owner == units[i].owner:
            end += 1
        need = max(0, KEEP - (end - i))  # lines the next page takes from this one
        if (i - need) - start < KEEP:
            return self.move(start)
        _split(self.doc, units[i].block, units[i - need].line)
        return True

    def mend_short_page(self) -> bool:
        """A page before the last with fewer than three lines takes lines from the page above."""
        units = self.units
        for page in range(1, units[-1].page if units else 0):
            here = [n for n, u in enumerate(units) if u.page == page]
            have = sum(units[n].weight for n in here)
            if not here or have >= FULL_PAGE:
                continue
            first = here[0]
            want = max(FULL_PAGE - have, KEEP)
            above = [n for n in range(first) if units[n].page == page - 1]
            if len(above) < FULL_PAGE + want:
                continue  # the page above would be short instead
            take = first - want
            moved = units[take:first]
            start = self.start_of(take)
            if all(u.kind == "line" and u.owner == moved[0].owner for u in moved) and (
                take - start >= KEEP
            ):
                _split(self.doc, units[take].block, units[take].line)
                return True
            if self.move(take):
                return True
        return False


def mend(doc: Any) -> int:
    """Mend ``doc``'s page ends until none is left to mend; return how many mends it took."""
    for n in range(MOST_MENDS):
        if not _Mender(doc).mend_one():
            return n
    return MOST_MENDS

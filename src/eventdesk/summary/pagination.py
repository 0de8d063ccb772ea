"""Page breaks Qt's text document does not make by itself: headings kept with what follows,
and paragraphs cut where a page ends.

Why this exists: ``QTextDocument`` lays a document out in pages, but

* it has no "keep with next": a heading can end a page while its text starts
  the next one ("Others" alone at the foot of page 1 of the minutes); and
* ``QTextLayout::draw`` draws, for a paragraph that runs over a page break,
  the last line above the clip as well as those inside it. That line is
  hidden behind the running header, but a PDF keeps the text of what is
  clipped: search and copy find the line twice.

Both are mended in the laid-out document before it is painted: a heading
whose next block starts on a later page gets a page break before it (with
the headings directly above it, so "Attendees" stays with "Our delegation"),
and a paragraph that runs over a page break is split there into two blocks,
the second starting a new page, so that no block is painted on two pages.
"""

from __future__ import annotations

from typing import Any


def _page(y: float, page_height: float) -> int:
    return int(y // page_height)


def _is_heading(block: Any) -> bool:
    return block.isValid() and block.blockFormat().headingLevel() > 0


def _first_line_top(layout: Any, block: Any) -> float:
    rect = layout.blockBoundingRect(block)
    lines = block.layout()
    if lines.lineCount() == 0:
        return rect.top()
    return rect.top() - lines.boundingRect().top() + lines.lineAt(0).y()


def _break_before(block: Any) -> None:
    from PySide6.QtGui import QTextCursor, QTextFormat

    cursor = QTextCursor(block)
    fmt = block.blockFormat()
    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    cursor.setBlockFormat(fmt)


def keep_headings_with_next(doc: Any) -> int:
    """Move each heading that ends a page to the next one; return how many were moved.

    One pass down the document: a break changes nothing above it, so the
    scan goes on from the heading it moved.
    """
    layout = doc.documentLayout()
    height = doc.pageSize().height()
    moved = 0
    doc.pageCount()  # lays the document out
    block = doc.begin()
    while block.isValid():
        following = block.next()
        if _is_heading(block) and following.isValid():
            top = _first_line_top(layout, block)
            if _page(_first_line_top(layout, following), height) > _page(top, height):
                # A run of headings ("Attendees", then "Our delegation") moves as one.
                first = block
                while _is_heading(first.previous()):
                    first = first.previous()
                first_top = _first_line_top(layout, first)
                if first_top - _page(first_top, height) * height >= 1.0:  # not already on top
                    _break_before(first)
                    moved += 1
                    doc.pageCount()
        block = following
    return moved


def split_paragraphs_at_page_ends(doc: Any) -> int:
    """Split each top-level paragraph that runs over a page end; return how many splits."""
    from PySide6.QtGui import QTextCursor, QTextFormat

    layout = doc.documentLayout()
    height = doc.pageSize().height()
    root = doc.rootFrame()
    splits = 0
    doc.pageCount()
    block = doc.begin()
    while block.isValid():
        lines = block.layout()
        in_root = doc.frameAt(block.position()) == root
        if in_root and block.textList() is None and lines.lineCount() > 1:
            base = layout.blockBoundingRect(block).top() - lines.boundingRect().top()
            first_page = _page(base + lines.lineAt(0).y(), height)
            for n in range(1, lines.lineCount()):
                line = lines.lineAt(n)
                if _page(base + line.y(), height) > first_page:
                    cursor = QTextCursor(doc)
                    cursor.setPosition(block.position() + line.textStart())
                    fmt = block.blockFormat()
                    fmt.setTopMargin(0)
                    fmt.setTextIndent(0)
                    fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                    cursor.insertBlock(fmt)
                    splits += 1
                    doc.pageCount()
                    break
        block = block.next()
    return splits

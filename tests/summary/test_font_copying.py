"""Every character of the bundled font copies out of a PDF as itself.

A PDF maps each glyph back to one character, for copying and searching. Noto
Sans CJK drew some characters with one glyph (角 and the radical ⻆ U+2EC6),
and Qt's PDF writer maps such a glyph to the lowest of its characters, so
every 角 of a Chinese summary copied out as ⻆ and a search for 角色 failed.
packaging/fonts/make_cjk_subset.py now gives each character a glyph of its own.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from eventdesk.summary import fonts
from tests.tools import pdftotext_pages

WEIGHTS = ("Regular", "Bold")
RADICALS = range(0x2E80, 0x2FE0)
CHUNK = 3000


@cache
def cmap(weight: str) -> dict[int, str]:
    (path,) = [f for f in fonts.font_files() if f.stem.endswith(f"-{weight}")]
    return TTFont(str(path), lazy=True).getBestCmap()


@pytest.mark.parametrize("weight", WEIGHTS)
def test_no_two_characters_share_a_glyph(weight):
    owners: dict[str, list[str]] = {}
    for code, glyph in cmap(weight).items():
        owners.setdefault(glyph, []).append(f"U+{code:04X} {chr(code)}")
    shared = [codes for codes in owners.values() if len(codes) > 1]
    assert shared == []


def _printable(code: int) -> bool:
    char = chr(code)
    category = unicodedata.category(char)
    # Qt's PDF text layer maps back the Basic Multilingual Plane only (docs/summaries.md).
    return code <= 0xFFFF and not char.isspace() and category[0] not in "CZM"


def _write_pdf(path: Path, chars: list[str], weight: str) -> None:
    """A PDF of ``chars``, 60 a line, in the face itself."""
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    from eventdesk.summary.qt_app import ensure_gui_app

    ensure_gui_app()
    fonts.register_with_qt()
    lines = ["".join(chars[n : n + 60]) for n in range(0, len(chars), 60)]
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(10, 10, 10, 10), QPageLayout.Unit.Millimeter)
    doc = QTextDocument()
    font = QFont(fonts.FAMILY)
    font.setPointSize(9)
    font.setBold(weight == "Bold")
    doc.setDefaultFont(font)
    doc.setPlainText("\n".join(lines))
    doc.print_(writer)


@pytest.mark.slow
@pytest.mark.parametrize("weight", WEIGHTS)
def test_every_character_copies_out_of_a_pdf_as_itself(tmp_path, weight):
    chars = [chr(c) for c in sorted(cmap(weight)) if _printable(c)]
    copied: set[str] = set()
    # A few thousand to a PDF: Qt's map back to text breaks down past some
    # ten thousand glyphs of one font in one file, far beyond any summary.
    for n in range(0, len(chars), CHUNK):
        path = tmp_path / f"every-{weight}-{n}.pdf"
        _write_pdf(path, chars[n : n + CHUNK], weight)
        copied |= set("".join(pdftotext_pages(path)))
    lost = [f"U+{ord(c):04X} {c}" for c in chars if c not in copied]
    assert lost == []
    radicals = {c for c in copied if ord(c) in RADICALS}
    assert radicals <= set(chars)  # only the radicals the page holds, never for another
    assert len(chars) > 20_000

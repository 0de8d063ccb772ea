"""The fonts EventDesk brings, and the check that every character has one.

Why: an office PC may have no Chinese font, and a missing glyph prints as an
empty box or nothing at all. The program ships a subset of Noto Sans CJK SC
(``resources/fonts``, made by ``packaging/fonts/make_cjk_subset.py``) that
covers Latin and every character of Big5, HKSCS, GB 2312 and GB 18030's
two-byte part, registers it with Qt at start-up, and uses it as the document
font. Before a document is written, its text is checked against the font the
document will use; a character none can show becomes a visible warning naming
it, never a silent gap.

Qt is imported only inside the functions that need it, so HTML and DOCX
output work without loading Qt.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from eventdesk import paths

FAMILY = "EventDesk Noto Sans CJK SC"
#: The document's font list: ours first, then what an office PC or a Mac may have.
FALLBACKS = [
    FAMILY,
    "Noto Sans CJK SC",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans",
    "Arial",
    "DejaVu Sans",
    "sans-serif",
]
_registered: list[str] = []


def font_files() -> list[Path]:
    folder = paths.resources_dir() / "fonts"
    return sorted([*folder.glob("*.otf"), *folder.glob("*.ttf")])


def css_stack() -> str:
    """The CSS ``font-family`` value of the documents."""
    return ", ".join(f'"{f}"' if " " in f else f for f in FALLBACKS)


def register_with_qt() -> list[str]:
    """Register the bundled fonts with Qt once; return the families they add.

    Needs a QGuiApplication. Called by the GUI at start-up and by the PDF
    writer before it lays a document out.
    """
    if _registered:
        return list(_registered)
    from PySide6.QtGui import QFontDatabase

    for path in font_files():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            _registered.extend(QFontDatabase.applicationFontFamilies(font_id))
    return list(_registered)


@lru_cache(maxsize=1)
def bundled_codepoints() -> frozenset[int]:
    """Every character the bundled fonts have a glyph for (read with fontTools)."""
    from fontTools.ttLib import TTFont

    codes: set[int] = set()
    for path in font_files():
        font = TTFont(str(path), lazy=True)
        codes |= set(font.getBestCmap() or {})
        font.close()
    return frozenset(codes)


def _needs_glyph(char: str) -> bool:
    category = unicodedata.category(char)
    if "\ufdd0" <= char <= "\ufdef":  # the view model's marks (script.py, mentions.py)
        return False  # are taken out before anything is printed
    return not (char.isspace() or category in ("Cc", "Cf", "Zl", "Zp"))


def document_font() -> Any:
    """The QFont a PDF or preview lays its text out in: FALLBACKS, first that has a glyph."""
    from PySide6.QtGui import QFont

    font = QFont()
    font.setFamilies(FALLBACKS)
    return font


def qt_missing(chars: Iterable[str]) -> list[str]:
    """The characters Qt would draw as a missing glyph in the document's font.

    Asks Qt's own layout: each character is laid out in ``document_font()``,
    with Qt's font fallback (the families of the list, then the system's fonts
    for the script, through fontconfig, DirectWrite or Core Text), and is
    missing when a glyph of its run is the font's glyph 0 (.notdef, the
    empty box). So a system font that has the character silences the
    warning exactly when Qt will print with it. Needs a QGuiApplication (one
    is started, as for writing a PDF, when there is none).
    """
    from PySide6.QtGui import QTextLayout

    from eventdesk.summary.qt_app import ensure_gui_app

    ensure_gui_app()
    register_with_qt()
    font = document_font()
    missing = []
    for char in chars:
        layout = QTextLayout(char, font)
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        glyphs = [g for run in layout.glyphRuns() for g in run.glyphIndexes()]
        if not glyphs or 0 in glyphs:
            missing.append(char)
    return missing


def missing_glyphs(text: str, *, use_qt: bool = False) -> list[str]:
    """The characters of ``text`` that no font can show, each once, in order of appearance.

    With ``use_qt`` (a PDF, print or preview made here) Qt is asked which
    font it will draw each character with, system fonts included, since the
    PDF embeds what it uses (``qt_missing``). Without (HTML and DOCX, which
    travel to other machines) only the bundled fonts count: the HTML embeds
    them, and the DOCX names them.
    """
    chars = [c for c in dict.fromkeys(text) if _needs_glyph(c)]
    if use_qt:
        return qt_missing(chars)
    known = bundled_codepoints()
    return [c for c in chars if ord(c) not in known]


def describe(char: str) -> str:
    """ "U+1F600 GRINNING FACE": a name a person can look up, since the glyph itself won't show."""
    name = unicodedata.name(char, "unnamed character")
    return f"U+{ord(char):04X} {name}"


def warning_for(missing: Iterable[str], *, zh: bool = False) -> str:
    """The line printed above a document (and told on the side) naming what will not show.

    In the document's language: a Chinese news release goes to readers of Chinese.
    """
    chars = list(missing)
    if not chars:
        return ""
    if zh:
        listed = "、".join(describe(c) for c in chars[:10])
        more = f"等，另有 {len(chars) - 10} 个" if len(chars) > 10 else ""
        return f"本文件有 {len(chars)} 个字符没有可用的字体显示，打印时可能是空框：{listed}{more}。"
    listed = ", ".join(describe(c) for c in chars[:10])
    more = f" and {len(chars) - 10} more" if len(chars) > 10 else ""
    return (
        f"No font available can show {len(chars)} character(s) of this document; "
        f"they may print as empty boxes: {listed}{more}."
    )


def texts_of(value: Any) -> Iterable[str]:
    """Every string of a view model (its dataclasses, dicts and lists), to check before
    writing; a photo's bytes are not text, its caption is."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            if f.name not in _NOT_PRINTED:
                yield from texts_of(getattr(value, f.name))
    elif isinstance(value, dict):
        for v in value.values():
            yield from texts_of(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from texts_of(v)


#: Fields of the view model that are not printed text (a photo's resource name, a data: URI,
#: the styles).
_NOT_PRINTED = {"src", "data", "image", "font_css", "font_stack", "screen_css", "media_type"}

"""Printing Chinese names on a machine with no Chinese font, and with one.

Each test runs the real command line in a child process whose fontconfig
(FONTCONFIG_FILE) sees only a temporary font folder: empty, so the bundled
font is all there is (whatever fonts the machine running the tests has), or
holding a font made here for one character the bundled font lacks, standing in
for a system font that has it. So the missing-glyph warning is tested against
what Qt will really print with, not against the fonts of the test machine.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import eventdesk
from eventdesk import paths
from eventdesk.store import EventStore
from eventdesk.store.interchange import import_file
from tests.summary.conftest import pdf_text, read_back

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="fontconfig is how Qt finds fonts on Linux only"
)

#: Chinese names as Hong Kong and Taiwan write them, with the characters the old subset lacked.
NAMES_ZH = ["衞炳江", "陳峯", "李綫", "張邨", "何鴻燊", "王旻", "林瑋", "周煒", "黃頴", "鄭灝"]
MORE_ZH = "匯豐→滙豐 · 鎧甲 · 裏 · 麪"
EXT_B = "\U00020000"  # CJK Extension B, in no character set the bundled font covers
NO_FONT = "\U0001fae8"  # SHAKING FACE (Unicode 15): no font here has it
WARNING = "may print as empty boxes"
TEST_FONT = "EventDeskTestHan-Regular"


def embedded_fonts(path: Path) -> set[str]:
    """The PostScript names of the fonts the PDF embeds (without the subset tag)."""
    from pypdf import PdfReader

    names = set()
    for page in PdfReader(str(path)).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).lstrip("/").split("+")[-1])
    return names


def _font_config(folder: Path) -> Path:
    fonts_dir, cache = folder / "fonts", folder / "cache"
    fonts_dir.mkdir(parents=True)
    cache.mkdir()
    conf = folder / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
        f"<dir>{fonts_dir}</dir><cachedir>{cache}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    return conf


def _system_font_with(path: Path, chars: str) -> None:
    """A TrueType font "EventDesk Test Han" that draws a box for each of ``chars``."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    def glyph(box: bool):
        pen = TTGlyphPen(None)
        if box:
            for x, y in ((100, -100), (100, 800), (900, 800), (900, -100)):
                (pen.lineTo if x != 100 or y != -100 else pen.moveTo)((x, y))
            pen.closePath()
        return pen.glyph()

    names = {ord(c): f"uni{ord(c):X}" for c in chars}
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder([".notdef", *names.values()])
    builder.setupCharacterMap(names)
    builder.setupGlyf({".notdef": glyph(False), **{n: glyph(True) for n in names.values()}})
    builder.setupHorizontalMetrics({n: (1000, 100) for n in [".notdef", *names.values()]})
    builder.setupHorizontalHeader(ascent=880, descent=-120)
    builder.setupNameTable(
        {"familyName": "EventDesk Test Han", "styleName": "Regular", "psName": TEST_FONT}
    )
    builder.setupOS2()
    builder.setupPost()
    builder.save(str(path))


@pytest.fixture
def meeting_db(tmp_path: Path) -> tuple[Path, int]:
    """The example meeting, its ten people renamed in Chinese as written in Hong Kong."""
    data = json.loads(paths.sample_meeting().read_text(encoding="utf-8"))
    for person, name in zip(data["people"], NAMES_ZH, strict=True):
        person["name_zh"] = name
    meeting = data["meetings"][0]
    meeting["title"] = f"{meeting['title']} {EXT_B}{NO_FONT}"
    meeting["summary"] = f"{meeting['summary']} {MORE_ZH}"
    source = tmp_path / "meeting.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "hk.sqlite3"
    store = EventStore.open(db)
    import_file(store, source)
    (row,) = store.meetings.list()
    store.close()
    return db, row.id


def summary(db: Path, meeting: int, out: Path, conf: Path) -> subprocess.CompletedProcess:
    """``eventdesk --db DB summary ID --template minutes -o OUT`` seeing only conf's fonts."""
    home = out.parent / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "XDG_", "FONTCONFIG"))}
    env |= {
        "PYTHONPATH": str(Path(eventdesk.__file__).parents[1]),
        "QT_QPA_PLATFORM": "offscreen",
        "FONTCONFIG_FILE": str(conf),
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
    }
    command = ["--db", str(db), "summary", str(meeting), "--template", "minutes", "-o", str(out)]
    return subprocess.run(
        [sys.executable, "-m", "eventdesk", *command],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
    )


def test_with_no_system_font_the_bundled_one_prints_hong_kong_names(meeting_db, tmp_path):
    db, meeting = meeting_db
    out = tmp_path / "minutes.pdf"
    result = summary(db, meeting, out, _font_config(tmp_path / "fc"))
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    for name in NAMES_ZH:
        assert name in text
    for char in MORE_ZH.replace(" ", ""):
        assert char in text
    assert embedded_fonts(out) == {
        "EventDeskNotoSansCJKsc-Regular",
        "EventDeskNotoSansCJKsc-Bold",
    }
    # Only what nothing can show is named: the bundled font has all the rest.
    (warning,) = [line for line in result.stderr.splitlines() if WARNING in line]
    assert "2 character(s)" in warning
    assert "U+20000 CJK UNIFIED IDEOGRAPH-20000" in warning and "U+1FAE8" in warning


def test_a_system_font_that_has_the_character_silences_the_warning(meeting_db, tmp_path):
    db, meeting = meeting_db
    conf = _font_config(tmp_path / "fc")
    _system_font_with(tmp_path / "fc" / "fonts" / "testhan.ttf", EXT_B)
    out = tmp_path / "minutes.pdf"
    result = summary(db, meeting, out, conf)
    assert result.returncode == 0, result.stderr
    (warning,) = [line for line in result.stderr.splitlines() if WARNING in line]
    assert "1 character(s)" in warning and "U+1FAE8" in warning
    assert "U+20000" not in warning
    # Printed with the system font. (Not searchable: Qt's PDF text layer maps only
    # characters of the Basic Multilingual Plane back to text; docs/summaries.md.)
    assert TEST_FONT in embedded_fonts(out)
    assert "衞炳江" in read_back(out)

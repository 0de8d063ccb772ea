"""The shipped Chinese font has a glyph for every character of Big5, HKSCS, GB 2312 and GBK.

The character sets are read here from Python's codecs, every two-byte code
decoded, independently of how packaging/fonts/make_cjk_subset.py chose them,
and checked against the cmap of each shipped face (fontTools). The names of
Hong Kong and Taiwan the older subset lacked are checked by name, and their
glyphs must draw something (a glyph with no outline would print blank).
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from functools import cache
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from eventdesk.summary import fonts

HK_TW_NAMES = "衞峯綫邨裏麪燊旻瑋煒滙鎧頴灝"
WEIGHTS = ("Regular", "Bold")
#: name: (codec, lead bytes, trail bytes, fewest hanzi the set must hold)
SETS = {
    "Big5": ("big5", range(0x81, 0xFF), range(0x40, 0xFF), 13_000),
    "HKSCS (big5hkscs)": ("big5hkscs", range(0x81, 0xFF), range(0x40, 0xFF), 17_500),
    "GB 2312": ("gb2312", range(0xA1, 0xFF), range(0xA1, 0xFF), 6_763),
    "GBK": ("gbk", range(0x81, 0xFF), range(0x40, 0xFF), 20_902),
    "GB 18030 two-byte": ("gb18030", range(0x81, 0xFF), range(0x40, 0xFF), 20_902),
}


@cache
def charset(name: str) -> frozenset[int]:
    codec, leads, trails, _ = SETS[name]
    found = set()
    for lead in leads:
        for trail in trails:
            try:
                text = bytes([lead, trail]).decode(codec)
            except UnicodeDecodeError:
                continue
            # Private use (GB 18030's user-defined areas) has no standard glyph to ship.
            found.update(ord(c) for c in text if unicodedata.category(c) != "Co")
    return frozenset(found)


@cache
def face(weight: str) -> TTFont:
    (path,) = [f for f in fonts.font_files() if f.stem.endswith(f"-{weight}")]
    return TTFont(str(path))


def is_hanzi(code: int) -> bool:
    return unicodedata.name(chr(code), "").startswith("CJK UNIFIED IDEOGRAPH")


@pytest.mark.parametrize("weight", WEIGHTS)
@pytest.mark.parametrize("name", SETS)
def test_every_character_of_the_set_has_a_glyph(name, weight):
    codes = charset(name)
    assert sum(map(is_hanzi, codes)) >= SETS[name][3]  # the codec really gave the set
    cmap = face(weight).getBestCmap()
    missing = sorted(c for c in codes if c not in cmap)
    assert missing == [], ", ".join(f"U+{c:04X}" for c in missing[:20])


def test_hkscs_beyond_the_basic_plane_is_covered():
    """HKSCS's characters of CJK Extension B and later (1,693) are the ones most fonts lack."""
    beyond = {c for c in charset("HKSCS (big5hkscs)") if c > 0xFFFF}
    assert len(beyond) > 1600
    assert beyond <= set(face("Regular").getBestCmap())


GLIBC_HKSCS = Path("/usr/share/i18n/charmaps/BIG5-HKSCS.gz")


@pytest.mark.skipif(not GLIBC_HKSCS.exists(), reason="needs Debian's locales package")
def test_hkscs_2008_is_covered():
    """glibc's BIG5-HKSCS charmap is HKSCS-2008: Python's HKSCS-2004 and 68 characters more."""
    codes = set()
    with gzip.open(GLIBC_HKSCS, "rt", encoding="utf-8", errors="replace") as charmap:
        for line in charmap:
            two_byte = re.match(r"((?:<U[0-9A-F]+>)+)\s+/x[89a-f][0-9a-f]/x[0-9a-f]{2}\s", line)
            if two_byte:
                codes.update(int(u, 16) for u in re.findall(r"<U([0-9A-F]+)>", two_byte[1]))
    assert len(codes - charset("HKSCS (big5hkscs)")) == 68
    for weight in WEIGHTS:
        cmap = face(weight).getBestCmap()
        assert sorted(f"U+{c:04X}" for c in codes if c not in cmap) == []


@pytest.mark.parametrize("weight", WEIGHTS)
def test_the_names_of_hong_kong_and_taiwan_draw_something(weight):
    font = face(weight)
    cmap, glyphs = font.getBestCmap(), font.getGlyphSet()
    for char in HK_TW_NAMES + "ŋ≒‾":  # the last three are DejaVu Sans's glyphs
        from fontTools.pens.boundsPen import BoundsPen

        pen = BoundsPen(glyphs)
        glyphs[cmap[ord(char)]].draw(pen)
        assert pen.bounds is not None, char
        assert glyphs[cmap[ord(char)]].width > 0, char


def test_the_two_weights_cover_the_same_characters():
    assert set(face("Regular").getBestCmap()) == set(face("Bold").getBestCmap())


def test_each_face_stays_a_few_megabytes():
    for weight in WEIGHTS:
        (path,) = [f for f in fonts.font_files() if f.stem.endswith(f"-{weight}")]
        assert path.stat().st_size < 6_000_000

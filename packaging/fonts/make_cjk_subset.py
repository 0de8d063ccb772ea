"""Make the Chinese font EventDesk ships: a subset of Noto Sans CJK SC.

Why: an office PC may have no Chinese font at all, and a summary must still
print "丁晓东" and the names of Hong Kong and Taiwan ("衞", "峯", "綫", "邨").
The full Noto Sans CJK collection is ~20 MB a weight; the characters of the
Chinese character sets an office's text comes from fit in under 6 MB a weight.

What the subset covers (``wanted_codepoints``), each set read from Python's
own codecs by decoding every two-byte sequence, so the list is reproducible:

- Big5 (``big5``): all of it, levels 1 and 2 (13,061 hanzi) and its symbols;
- HKSCS-2008: Python's ``big5hkscs`` (HKSCS-2004; 4,682 characters beyond Big5,
  1,693 of them outside the Basic Multilingual Plane, CJK Extension B and later)
  and the 68 characters HKSCS-2008 added (``HKSCS_2008``, as glibc's BIG5-HKSCS
  charmap has them), the last version with Big5 codes. HKSCS-2016's 24 new
  characters have ISO 10646 codes only, and no list of them was at hand;
- GB 2312 (``gb2312``): all 7,445 characters, its 6,763 hanzi of levels 1 and 2;
- GB 18030's two-byte part (``gbk`` and ``gb18030``): GB 2312's rows plus
  GBK/3 and GBK/4, so the whole CJK Unified Ideographs block U+4E00..U+9FA5
  (20,902 hanzi), the radicals and ideographic description characters
  GB 18030 adds there; not its private-use code points (user-defined areas,
  no standard glyph) and not its four-byte part (CJK Extension A in full);
- Latin, Greek, punctuation, symbols and fullwidth forms (``RANGES``).

Noto Sans CJK lacks 13 of these (IPA letters of HKSCS, and ‾ ∼ ≒ of Big5); their
glyphs are copied from DejaVu Sans (``fonts-dejavu-core``) of the same weight, so
the shipped faces cover every code point of the sets above. One face family
(SC, the Pan-CJK font's simplified-Chinese default glyphs) for all of it: the
TC and HK faces would draw some traditional characters with Taiwan's or Hong
Kong's stroke conventions, but would double the size (docs/summaries.md).

The sources are Debian's ``fonts-noto-cjk`` and ``fonts-dejavu-core`` packages.
They are *downloaded and unpacked*, not installed, so the machine that builds
the subset stays one without system Chinese fonts (which is what the tests must
prove works).

Usage (as root on Debian or Ubuntu, from the repository root)::

    apt-get update
    python packaging/fonts/make_cjk_subset.py            # downloads the .debs itself
    python packaging/fonts/make_cjk_subset.py --ttc PATH --dejavu DIR
                                                         # or NotoSansCJK-Regular.ttc (Bold
                                                         # beside it) and DejaVuSans*.ttf's folder

    python packaging/fonts/make_cjk_subset.py --mend resources/fonts/*.otf
                                                         # only split shared glyphs (below)
                                                         # of the fonts already made

Every character gets a glyph of its own (``own_glyph_each``): Noto draws some
pairs with one glyph (角 and the radical ⻆), and a PDF maps a glyph back to one
character only, so a shared glyph copied out as the wrong one.

Writes ``resources/fonts/NotoSansCJKsc-Subset-Regular.otf`` and ``-Bold.otf``
(about 5.7 MB each; two to three minutes) and ``resources/fonts/OFL.txt`` (the
SIL Open Font License the font comes under, and the Bitstream Vera notice of
the 13 DejaVu glyphs). A real bold face matters: Qt's synthetic bold paints
text twice, and a PDF reader then copies every heading twice.
Needs fontTools (``pip install fonttools``).
"""

from __future__ import annotations

import argparse
import glob
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

from fontTools import subset
from fontTools.misc.psCharStrings import T2CharString
from fontTools.pens.recordingPen import DecomposingRecordingPen
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTCollection, TTFont

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "resources" / "fonts"
PACKAGE = "fonts-noto-cjk"
DEJAVU_PACKAGE = "fonts-dejavu-core"
SC_NAME = "Noto Sans CJK SC"
FAMILY = "EventDesk Noto Sans CJK SC"
DEJAVU_FILES = {"Regular": "DejaVuSans.ttf", "Bold": "DejaVuSans-Bold.ttf"}

#: Kept whole: Latin, Greek, punctuation, symbols, CJK punctuation, fullwidth forms.
RANGES = [
    (0x0020, 0x024F),
    (0x0370, 0x03FF),
    (0x2000, 0x206F),
    (0x20A0, 0x20BF),
    (0x2100, 0x218F),
    (0x2190, 0x21FF),
    (0x2460, 0x24FF),
    (0x25A0, 0x25FF),
    (0x3000, 0x303F),
    (0xFE30, 0xFE4F),
    (0xFF00, 0xFFEF),
]
#: Where a Chinese character set keeps its two-byte codes: (lead bytes, trail bytes).
TWO_BYTE = {
    "big5": (range(0x81, 0xFF), range(0x40, 0xFF)),
    "big5hkscs": (range(0x81, 0xFF), range(0x40, 0xFF)),
    "gb2312": (range(0xA1, 0xFF), range(0xA1, 0xFF)),
    "gbk": (range(0x81, 0xFF), range(0x40, 0xFF)),
    "gb18030": (range(0x81, 0xFF), range(0x40, 0xFF)),
}
#: The characters HKSCS-2008 added to HKSCS-2004 (Python's ``big5hkscs``), as the
#: BIG5-HKSCS charmap of glibc (``/usr/share/i18n/charmaps``, "updated from the
#: HKSCS-2008 standard") maps them.
HKSCS_2008 = (
    "㓦㡵㫵㻬䂴䄱䆁䌊䓡䚮䤯䤰剏呌垳堘墖拁晠枂権灮珄瑌瓆秐稬稲穲竼箮篅蒄蔄蘓袝讏遆鈘鐯靊龖龗"
    "鿇鿈鿉鿊鿋𠪊𡵓𢒼𢓁𢓉𢓌𣇪𣉞𣖻𣚎𣚞𤅡𥣞𥶙𥶹𦀡𦺈𧭥𨤍𪷿"
)
#: CJK Radicals Supplement and Kangxi Radicals: never the character a shared glyph copies as.
RADICALS = (0x2E80, 0x2FDF)
#: Vertical metrics are not used by EventDesk's horizontal documents.
DROPPED_TABLES = ["GSUB", "vmtx", "vhea", "VORG"]


def charset(encoding: str) -> set[int]:
    """Every code point the codec decodes from a two-byte sequence, private use left out.

    A few HKSCS codes decode to two code points (a letter and a combining mark);
    both count.
    """
    leads, trails = TWO_BYTE[encoding]
    found: set[int] = set()
    for lead in leads:
        for trail in trails:
            try:
                text = bytes([lead, trail]).decode(encoding)
            except UnicodeDecodeError:
                continue
            found.update(ord(c) for c in text if unicodedata.category(c) != "Co")
    return found


def required_codepoints() -> set[int]:
    """Big5, HKSCS, GB 2312 and GB 18030's two-byte part in full: each must have a glyph."""
    codes = {ord(c) for c in HKSCS_2008}
    for encoding in TWO_BYTE:
        codes |= charset(encoding)
    return codes


def wanted_codepoints() -> set[int]:
    """The required code points, and whatever Noto Sans CJK has of RANGES."""
    return {c for lo, hi in RANGES for c in range(lo, hi + 1)} | required_codepoints()


def _apt_unpack(package: str, workdir: Path) -> Path:
    subprocess.run(["apt-get", "download", package], cwd=workdir, check=True)
    (deb,) = glob.glob(str(workdir / f"{package}_*.deb"))
    target = workdir / package
    subprocess.run(["dpkg-deb", "-x", deb, str(target)], check=True)
    return target


def fetch_sources(workdir: Path) -> tuple[dict[str, Path], Path]:
    """Download Debian's packages and unpack them into workdir.

    Returns the Regular/Bold .ttc of Noto Sans CJK and the folder of DejaVu Sans.
    """
    noto = _apt_unpack(PACKAGE, workdir) / "usr" / "share" / "fonts" / "opentype" / "noto"
    dejavu = _apt_unpack(DEJAVU_PACKAGE, workdir) / "usr" / "share" / "fonts" / "truetype"
    ttcs = {w: noto / f"NotoSansCJK-{w}.ttc" for w in ("Regular", "Bold")}
    return ttcs, dejavu / "dejavu"


def sc_font(ttc: Path) -> TTFont:
    for font in TTCollection(str(ttc)).fonts:
        if font["name"].getDebugName(1) == SC_NAME:
            return font
    raise SystemExit(f"{ttc} holds no {SC_NAME}")


def rename(font: TTFont, weight: str) -> None:
    """A family name of our own, so a system copy of Noto never shadows the subset."""
    for record in font["name"].names:
        if record.nameID in (1, 16):
            record.string = FAMILY
        elif record.nameID in (3, 4):
            record.string = f"{FAMILY} {weight}"
        elif record.nameID == 6:
            record.string = f"EventDeskNotoSansCJKsc-{weight}"


def _free_cids(order: list[str], count: int) -> list[str]:
    """Glyph names for new glyphs of a CID-keyed font: CIDs the subset does not use."""
    used = {int(name[3:]) for name in order if name.startswith("cid")}
    free = (cid for cid in range(1, 65535) if cid not in used)
    return [f"cid{next(free):05d}" for _ in range(count)]


def add_glyphs(font: TTFont, donor: TTFont, codes: list[int]) -> list[int]:
    """Copy the donor's glyphs for ``codes`` into the (CID-keyed CFF) font.

    The outlines are scaled to the font's em and drawn into new charstrings in
    the Private dict of the font's own Latin letters; the glyph is mapped in
    every Unicode cmap subtable. Returns the codes added.
    """
    donor_cmap = donor.getBestCmap()
    codes = [c for c in codes if c in donor_cmap]
    if not codes:
        return []
    scale = font["head"].unitsPerEm / donor["head"].unitsPerEm
    cff = font["CFF "].cff
    top = cff.topDictIndex[0]
    charstrings = top.CharStrings
    order = font.getGlyphOrder()
    fd_index = top.FDSelect[order.index(font.getBestCmap()[ord("a")])]
    private = top.FDArray[fd_index].Private
    donor_glyphs = donor.getGlyphSet()
    names = _free_cids(order, len(codes))
    for code, name in zip(codes, names, strict=True):
        source = donor_cmap[code]
        advance = round(donor["hmtx"][source][0] * scale)
        pen = T2CharStringPen(advance - private.nominalWidthX, None)
        outline = DecomposingRecordingPen(donor_glyphs)  # components drawn in place
        donor_glyphs[source].draw(outline)
        outline.replay(TransformPen(pen, (scale, 0, 0, scale, 0, 0)))
        charstring = pen.getCharString(private=private, globalSubrs=cff.GlobalSubrs)
        charstrings.charStrings[name] = len(charstrings.charStringsIndex)
        charstrings.charStringsIndex.append(charstring)
        top.FDSelect.append(fd_index)
        order.append(name)
        bounds = charstring.calcBounds(charstrings)
        font["hmtx"][name] = (advance, round(bounds[0]) if bounds else 0)
        for table in font["cmap"].tables:
            if table.isUnicode():
                table.cmap[code] = name
    top.charset = order
    font.setGlyphOrder(order)
    return codes


def _new_glyph(font: TTFont, like: str, name: str) -> None:
    """Append ``name`` to the CID-keyed CFF font as a copy of the glyph ``like``."""
    cff = font["CFF "].cff
    top = cff.topDictIndex[0]
    charstrings = top.CharStrings
    order = font.getGlyphOrder()
    source = charstrings[like]
    source.compile()  # its bytecode, with the subroutine calls of its own Private dict
    copy = T2CharString(
        bytecode=source.bytecode, private=source.private, globalSubrs=source.globalSubrs
    )
    charstrings.charStrings[name] = len(charstrings.charStringsIndex)
    charstrings.charStringsIndex.append(copy)
    top.FDSelect.append(top.FDSelect[order.index(like)])
    order.append(name)
    top.charset = order
    font.setGlyphOrder(order)
    font["hmtx"][name] = font["hmtx"][like]


def own_glyph_each(font: TTFont) -> list[tuple[int, int]]:
    """Give every character its own glyph; return the (character, character it shared with).

    Why: Noto Sans CJK draws some characters with one glyph (角 U+89D2 and the
    radical ⻆ U+2EC6; 骨 艹 辶 阝 彐 幺 likewise; a space and a no-break space).
    A PDF maps each glyph back to one character for copying and searching, and
    Qt's PDF writer picks the lowest code point: every 角 of a summary copied
    out as ⻆, so searching a Chinese PDF for 角色 found nothing. With a glyph
    of its own (the same outline) each character copies as itself. The lowest
    code point that is not a radical keeps the original glyph (and its kerning:
    the hyphen, not the soft hyphen); each other one gets a copy.
    """
    cmap = font.getBestCmap()
    sharing: dict[str, list[int]] = {}
    for code, glyph in cmap.items():
        sharing.setdefault(glyph, []).append(code)
    pairs = []
    for codes in sharing.values():
        keeper = min(codes, key=lambda c: (RADICALS[0] <= c <= RADICALS[1], c))
        pairs += [(code, keeper) for code in sorted(codes) if code != keeper]
    names = _free_cids(font.getGlyphOrder(), len(pairs))
    for (code, keeper), name in zip(pairs, names, strict=True):
        _new_glyph(font, cmap[keeper], name)
        for table in font["cmap"].tables:
            if table.isUnicode() and code in table.cmap:
                table.cmap[code] = name
    return pairs


def mend(path: Path) -> list[tuple[int, int]]:
    """Apply :func:`own_glyph_each` to a font already made, in place."""
    font = TTFont(str(path))
    pairs = own_glyph_each(font)
    if pairs:
        font.save(str(path))
    return pairs


def make_subset(ttc: Path, weight: str, codes: set[int], dejavu: Path) -> Path:
    font = sc_font(ttc)
    options = subset.Options()
    # No glyph substitutions (GSUB): a PDF maps each glyph back to text through the
    # font's cmap, and a ligature ("ffi") or a localised digit reached only through
    # GSUB has no cmap entry, so copying text or searching the PDF would lose it.
    options.layout_features = ["kern"]
    options.drop_tables += DROPPED_TABLES
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(codes))
    subsetter.subset(font)
    lacking = sorted(required_codepoints() - set(font.getBestCmap()))
    added = add_glyphs(font, TTFont(str(dejavu / DEJAVU_FILES[weight])), lacking)
    still = [f"U+{c:04X}" for c in lacking if c not in added]
    if still:
        raise SystemExit(f"{weight}: no glyph in either font for {', '.join(still)}")
    print(f"{weight}: {len(added)} glyphs from DejaVu Sans: {' '.join(map(chr, added))}")
    shared = own_glyph_each(font)
    print(f"{weight}: {len(shared)} characters given a glyph of their own")
    rename(font, weight)
    target = OUT / f"NotoSansCJKsc-Subset-{weight}.otf"
    font.save(str(target))
    return target


def _copyright_licence(path: Path, name: str) -> list[str]:
    """The text of the ``License: name`` paragraph of a Debian copyright file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    starts = [i for i, line in enumerate(lines) if line.strip() == f"License: {name}"]
    body: list[str] = []
    for line in lines[starts[-1] + 1 :]:
        if not line.startswith(" "):
            break
        body.append("" if line.strip() == "." else line[1:])
    return body


def write_licence(workdir: Path | None) -> None:
    """The OFL text of Noto Sans CJK and the notice of DejaVu's glyphs, from the packages."""
    if workdir is None:
        return
    docs = {p: workdir / p / "usr" / "share" / "doc" / p / "copyright" for p in (PACKAGE,)}
    ofl = _copyright_licence(docs[PACKAGE], "SIL-1.1")
    dejavu_doc = workdir / DEJAVU_PACKAGE / "usr" / "share" / "doc" / DEJAVU_PACKAGE
    vera = _copyright_licence(dejavu_doc / "copyright", "bitstream-vera")
    head = (
        "Noto Sans CJK: Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font\n"
        "Name 'Source'. Subset made by packaging/fonts/make_cjk_subset.py and renamed\n"
        f"'{FAMILY}'.\n\n"
    )
    tail = (
        "\n\n-----------------------------------------------------------\n"
        "The glyphs of U+014B, U+0250, U+0254, U+025B, U+026A, U+0275, U+0283, U+028A,\n"
        "U+02C6, U+02CD, U+203E, U+223C and U+2252 are DejaVu Sans's (fonts-dejavu-core),\n"
        "under this notice:\n\n"
        "Copyright (c) 2003 by Bitstream, Inc. All Rights Reserved. Bitstream Vera is a\n"
        "trademark of Bitstream, Inc. DejaVu changes are in public domain.\n\n"
    )
    text = head + "\n".join(ofl).strip() + tail + "\n".join(vera).strip() + "\n"
    (OUT / "OFL.txt").write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ttc", type=Path, help="a NotoSansCJK-Regular.ttc (Bold beside it)")
    parser.add_argument("--dejavu", type=Path, help="the folder of DejaVuSans.ttf")
    parser.add_argument(
        "--mend",
        nargs="+",
        type=Path,
        metavar="FONT",
        help="only give each character of these fonts (made before) a glyph of its own",
    )
    args = parser.parse_args(argv)
    if args.mend:
        for path in args.mend:
            pairs = mend(path)
            print(f"{path}: " + (" ".join(f"{chr(a)}→own glyph" for a, _ in pairs) or "as it was"))
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    codes = wanted_codepoints()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = None
        if args.ttc and args.dejavu:
            ttcs = {"Regular": args.ttc, "Bold": args.ttc.with_name("NotoSansCJK-Bold.ttc")}
            dejavu = args.dejavu
        else:
            workdir = Path(tmp)
            ttcs, dejavu = fetch_sources(workdir)
        for weight, ttc in ttcs.items():
            target = make_subset(ttc, weight, codes, dejavu)
            print(f"wrote {target} ({target.stat().st_size // 1024} KB)")
        write_licence(workdir)
    return 0


if __name__ == "__main__":
    sys.exit(main())

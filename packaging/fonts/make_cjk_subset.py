"""Make the Chinese font EventDesk ships: a subset of Noto Sans CJK SC.

Why: an office PC may have no Chinese font at all, and a summary must still
print "丁晓东". The full Noto Sans CJK collection is ~100 MB; the characters an
office writes (GB2312 for simplified, Big5 level 1 for the common traditional
characters of Hong Kong and Taiwan names, Latin, punctuation) fit in a few MB.

The source is Debian's ``fonts-noto-cjk`` package. It is *downloaded and
unpacked*, not installed, so the machine that builds the subset stays one
without system Chinese fonts (which is what the tests must prove works).

Usage (as root on Debian or Ubuntu, from the repository root)::

    apt-get update
    python packaging/fonts/make_cjk_subset.py            # downloads the .deb itself
    python packaging/fonts/make_cjk_subset.py --ttc PATH  # or from a NotoSansCJK-*.ttc

Writes ``resources/fonts/NotoSansCJKsc-Subset-Regular.otf`` and ``-Bold.otf``
(about 2 MB each) and ``resources/fonts/OFL.txt`` (the SIL Open Font License
the font comes under). A real bold face matters: Qt's synthetic bold paints
text twice, and a PDF reader then copies every heading twice.
Needs fontTools (``pip install fonttools``).
"""

from __future__ import annotations

import argparse
import glob
import subprocess
import sys
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "resources" / "fonts"
PACKAGE = "fonts-noto-cjk"
SC_NAME = "Noto Sans CJK SC"
FAMILY = "EventDesk Noto Sans CJK SC"

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


def _double_byte(encoding: str, leads: range, trails: list[range]) -> set[int]:
    found: set[int] = set()
    for lead in leads:
        for part in trails:
            for trail in part:
                try:
                    found.update(ord(c) for c in bytes([lead, trail]).decode(encoding))
                except UnicodeDecodeError:
                    continue
    return found


def wanted_codepoints() -> set[int]:
    """GB2312 in full, Big5 level 1 (the common traditional characters), and RANGES."""
    codes = {c for lo, hi in RANGES for c in range(lo, hi + 1)}
    codes |= _double_byte("gb2312", range(0xA1, 0xF8), [range(0xA1, 0xFF)])
    # Big5 symbols (A1-A3) and level 1 hanzi (A4 40 .. C6 7E).
    codes |= _double_byte("big5", range(0xA1, 0xC7), [range(0x40, 0x7F), range(0xA1, 0xFF)])
    return codes


def fetch_ttcs(workdir: Path) -> dict[str, Path]:
    """Download Debian's package and unpack it into workdir; return its Regular/Bold .ttc."""
    subprocess.run(["apt-get", "download", PACKAGE], cwd=workdir, check=True)
    (deb,) = glob.glob(str(workdir / f"{PACKAGE}_*.deb"))
    subprocess.run(["dpkg-deb", "-x", deb, str(workdir / "x")], check=True)
    base = workdir / "x" / "usr" / "share" / "fonts" / "opentype" / "noto"
    return {w: base / f"NotoSansCJK-{w}.ttc" for w in ("Regular", "Bold")}


def sc_font(ttc: Path):
    for font in TTCollection(str(ttc)).fonts:
        if font["name"].getDebugName(1) == SC_NAME:
            return font
    raise SystemExit(f"{ttc} holds no {SC_NAME}")


def rename(font, weight: str) -> None:
    """A family name of our own, so a system copy of Noto never shadows the subset."""
    for record in font["name"].names:
        if record.nameID in (1, 16):
            record.string = FAMILY
        elif record.nameID in (3, 4):
            record.string = f"{FAMILY} {weight}"
        elif record.nameID == 6:
            record.string = f"EventDeskNotoSansCJKsc-{weight}"


def make_subset(ttc: Path, weight: str, codes: set[int]) -> Path:
    font = sc_font(ttc)
    options = subset.Options()
    # No glyph substitutions (GSUB): a PDF maps each glyph back to text through the
    # font's cmap, and a ligature ("ffi") or a localised digit reached only through
    # GSUB has no cmap entry, so copying text or searching the PDF would lose it.
    options.layout_features = ["kern"]
    options.drop_tables += ["GSUB"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(codes))
    subsetter.subset(font)
    rename(font, weight)
    target = OUT / f"NotoSansCJKsc-Subset-{weight}.otf"
    font.save(str(target))
    return target


def write_licence(workdir: Path | None) -> None:
    """Copy the OFL text out of the package's copyright file."""
    source = None
    if workdir is not None:
        source = workdir / "x" / "usr" / "share" / "doc" / PACKAGE / "copyright"
    if source is None or not source.exists():
        return
    lines = source.read_text(encoding="utf-8").splitlines()
    start = lines.index("License: SIL-1.1", lines.index("License: SIL-1.1") + 1)
    body = []
    for line in lines[start + 1 :]:
        if line.startswith("License:"):
            break
        body.append("" if line.strip() == "." else line[1:])
    head = (
        "Noto Sans CJK: Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font\n"
        "Name 'Source'. Subset made by packaging/fonts/make_cjk_subset.py and renamed\n"
        f"'{FAMILY}'.\n\n"
    )
    (OUT / "OFL.txt").write_text(head + "\n".join(body).strip() + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ttc", type=Path, help="a NotoSansCJK-Regular.ttc (Bold beside it)")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    codes = wanted_codepoints()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = None
        if args.ttc:
            ttcs = {"Regular": args.ttc, "Bold": args.ttc.with_name("NotoSansCJK-Bold.ttc")}
        else:
            workdir = Path(tmp)
            ttcs = fetch_ttcs(workdir)
        for weight, ttc in ttcs.items():
            if ttc.exists():
                target = make_subset(ttc, weight, codes)
                print(f"wrote {target} ({target.stat().st_size // 1024} KB)")
        write_licence(workdir)
    return 0


if __name__ == "__main__":
    sys.exit(main())

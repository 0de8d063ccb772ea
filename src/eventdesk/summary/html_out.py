"""Self-contained HTML: one file that shows the same on any machine, offline.

Photos go in as ``data:`` URIs. The bundled font goes in too, cut down with
fontTools to the characters the document uses (a few kB for an English page
with a few Chinese names), so a reader without Chinese fonts still sees
"丁晓东".
"""

from __future__ import annotations

import base64
import io
from functools import lru_cache

from eventdesk.summary import fonts
from eventdesk.summary.view import Page, PhotoView, photos_of


def photo_uris(photos: list[PhotoView]) -> None:
    """Point each photo's ``src`` at a data: URI of its bytes."""
    for photo in photos:
        kind = photo.media_type or "application/octet-stream"
        photo.src = f"data:{kind};base64,{base64.b64encode(photo.data or b'').decode('ascii')}"
        photo.width = 0


#: Wider than a printed page is pointless on a screen: a column of comfortable width.
SCREEN_CSS = "body { max-width: 52em; margin: 2em auto; padding: 0 1em; }"


@lru_cache(maxsize=2)
def _font_bytes(weight: str) -> bytes | None:
    match = [f for f in fonts.font_files() if f.stem.endswith(weight)]
    return match[0].read_bytes() if match else None


def _subset_uri(source: bytes, chars: set[int]) -> str:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(source))
    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(chars | {0x20}))
    subsetter.subset(font)
    out = io.BytesIO()
    font.save(out)
    return "data:font/otf;base64," + base64.b64encode(out.getvalue()).decode("ascii")


def font_face_css(text: str) -> str:
    """@font-face rules holding the bundled fonts, cut down to the characters of ``text``."""
    chars = {ord(c) for c in text if not c.isspace()} & fonts.bundled_codepoints()
    rules = []
    for weight, css_weight in (("Regular", "normal"), ("Bold", "bold")):
        source = _font_bytes(weight)
        if source is None or not chars:
            continue
        rules.append(
            f'@font-face {{ font-family: "{fonts.FAMILY}"; font-weight: {css_weight}; '
            f'src: url({_subset_uri(source, chars)}) format("opentype"); }}'
        )
    return "\n".join(rules)


def prepare(document: Page) -> None:
    """Make a document ready for the HTML templates: photo URIs, embedded font, font list."""
    photo_uris(photos_of(document))
    text = "".join(fonts.texts_of(document))
    text += "0123456789/ ·–—“”"  # header, page numbers and template punctuation
    document.font_css = font_face_css(text + _template_letters())
    document.font_stack = fonts.css_stack()
    document.screen_css = SCREEN_CSS


def _template_letters() -> str:
    """The letters the templates' own words use (headings, labels)."""
    return "".join(chr(c) for c in range(0x20, 0x7F))

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
from typing import Any

from eventdesk.summary import fonts


def photo_uris(photos: list[dict[str, Any]]) -> None:
    """Point each photo's ``src`` at a data: URI of its bytes."""
    for photo in photos:
        data = photo.get("data") or b""
        kind = photo.get("media_type") or "application/octet-stream"
        photo["src"] = f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"
        photo["width"] = 0


@lru_cache(maxsize=1)
def _font_bytes() -> bytes | None:
    files = fonts.font_files()
    return files[0].read_bytes() if files else None


def font_face_css(text: str) -> str:
    """An @font-face rule holding the bundled font, subset to the characters of ``text``."""
    source = _font_bytes()
    chars = {ord(c) for c in text if not c.isspace()} & fonts.bundled_codepoints()
    if source is None or not chars:
        return ""
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
    data = base64.b64encode(out.getvalue()).decode("ascii")
    return (
        f'@font-face {{ font-family: "{fonts.FAMILY}"; '
        f'src: url(data:font/otf;base64,{data}) format("opentype"); }}'
    )


def prepare(context: dict[str, Any]) -> None:
    """Make ``context`` ready for the HTML templates: photo URIs, embedded font, font list."""
    photo_uris(context.get("photos", []))
    text = "".join(fonts.texts_of({k: v for k, v in context.items() if k != "photos"}))
    text += "".join(fonts.texts_of([p.get("caption", "") for p in context.get("photos", [])]))
    text += "0123456789/ ·–—“”"  # header, page numbers and template punctuation
    context["font_css"] = font_face_css(text + _template_letters())
    context["font_stack"] = fonts.css_stack()


def _template_letters() -> str:
    """The letters the templates' own words use (headings, labels)."""
    return "".join(chr(c) for c in range(0x20, 0x7F))

"""Is this photo really an image, of the type it says, and of a size we can print?

Why: a photo's bytes come from outside (an interchange file, a file picked
in the window). A "photo" that is HTML would become ``<img src="data:text/html…">``
in a summary; a PNG that declares 50,000 x 50,000 pixels is a few kilobytes
that decode to 7.5 GB. Every photo is checked here, with Pillow, reading only
its header and structure (``verify``), never decoding its pixels: on import,
when a meeting is saved, by ``eventdesk check`` and before a summary
embeds it. No Qt, no SQL.

Every accepted type must also show in every output: Qt's readers (the PDF, the
thumbnails) and Word take PNG and JPEG everywhere, but a TIFF, a WebP, a CMYK
JPEG or a JPEG whose EXIF block is damaged each broke one of them (a crash in
Qt's TIFF reader, "unrecognized image" in python-docx, and the packaged program
ships Qt's JPEG and GIF readers only). :func:`portable` turns such a photo into
a PNG or an RGB JPEG with Pillow, once, before any output sees it.
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

#: Media types a photo may have, and the format Pillow must find in its bytes.
FORMATS = {
    "image/png": "PNG",
    "image/jpeg": "JPEG",
    "image/jpg": "JPEG",
    "image/gif": "GIF",
    "image/webp": "WEBP",
    "image/bmp": "BMP",
    "image/tiff": "TIFF",
}
#: The most pixels a photo may have when decoded (a 108-megapixel phone photo passes).
MAX_PIXELS = 120_000_000
#: JPEG quality of a converted or print-size photo.
_QUALITY = 85
EMPTY = "it is an empty file of 0 bytes"


@contextmanager
def opened(data: bytes) -> Iterator[Any]:
    """``data`` opened by Pillow as one of :data:`FORMATS`, its warnings kept quiet.

    Pillow warns of a decompression bomb (bounded by :data:`MAX_PIXELS`) and
    of a damaged EXIF block (converted by :func:`portable`): a command's user
    should see neither as a Python warning.
    """
    from PIL import Image

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with Image.open(io.BytesIO(data), formats=sorted(set(FORMATS.values()))) as image:
            yield image


def check_image(data: bytes, media_type: str) -> str | None:
    """What is wrong with ``data`` as a photo of ``media_type``, in words; None if nothing."""
    from PIL import Image, UnidentifiedImageError  # imported when a photo is checked

    if not data:
        return EMPTY
    expected = FORMATS.get((media_type or "").strip().lower())
    if expected is None:
        shown = ", ".join(sorted({f for f in FORMATS.values()}))
        return f"its type {media_type!r} is not an image type EventDesk shows ({shown})"
    try:
        with opened(data) as image:  # a bomb is bounded below; bad EXIF is converted on output
            found, (width, height) = image.format, image.size
            if width * height > MAX_PIXELS:
                return _too_many(width, height)
            image.verify()
    except Image.DecompressionBombError as exc:  # Pillow's own bound, past ours: say ours
        declared = re.search(r"\((\d+) pixels\)", str(exc))
        pixels = f"{int(declared[1]):,} pixels" if declared else "more pixels than that"
        return (
            f"it declares {pixels}; EventDesk takes photos of up to "
            f"{MAX_PIXELS // 1_000_000} million pixels"
        )
    except UnidentifiedImageError:
        return f"its bytes are not an image (it says {media_type})"
    except Exception as exc:  # Pillow's checks raise many types for a damaged file
        return f"the image is damaged ({type(exc).__name__}: {exc})"
    if found != expected:
        return f"its bytes are a {found} image, not {media_type}"
    return None


#: What every output reads as it is: PNG, and JPEG in RGB or grey without a damaged EXIF block.
PORTABLE_MODES = {"PNG": {"1", "L", "LA", "P", "RGB", "RGBA"}, "JPEG": {"L", "RGB"}}


def needs_converting(image: Any) -> str | None:
    """Why the open Pillow ``image`` must be converted before an output reads it; None if not.

    An EXIF block that does not parse makes python-docx stop at the end of
    the file, so such a JPEG is written again without it.
    """
    fmt, mode = image.format, image.mode
    if mode not in PORTABLE_MODES.get(fmt, ()):
        return f"{fmt} {mode}"
    if fmt == "JPEG" and image.info.get("exif") and not _exif_parses(image.info["exif"]):
        return "damaged EXIF"
    return None


def _exif_parses(raw: bytes) -> bool:
    from PIL import Image

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # Pillow only warns of a damaged EXIF block
        try:
            exif = Image.Exif()
            exif.load(raw)
            exif.get_ifd(0x8769)  # the camera's block, where a damaged offset usually points
        except Exception:
            return False
    return True


def portable(data: bytes) -> bytes:
    """``data`` as PNG or RGB JPEG bytes every output reads; unchanged if it is one already.

    Converted at its own size (print renditions shrink it first,
    ``store/renditions.py``); a picture Pillow cannot read is returned
    unchanged, for :func:`check_image` to name.
    """
    try:
        with opened(data) as image:
            return data if needs_converting(image) is None else encode(image)
    except Exception:  # not an image, or a damaged one: check_image names it
        return data


def portable_copy(data: bytes) -> bytes:
    """``data`` always written again by Pillow as PNG or JPEG (b"" if Pillow cannot read it)."""
    try:
        with opened(data) as image:
            return encode(image)
    except Exception:
        return b""


def encode(image: Any) -> bytes:
    """``image`` as PNG when it has transparency or a palette, else as an RGB JPEG, no EXIF."""
    out = io.BytesIO()
    image.seek(0)  # the first frame of an animation or a multi-page TIFF
    if image.mode in ("RGBA", "LA", "P", "PA", "1") or "transparency" in image.info:
        rgba = image.convert("RGBA") if image.mode not in ("RGBA", "LA", "P", "1") else image
        rgba.save(out, "PNG", optimize=True)
    else:
        image.convert("RGB").save(out, "JPEG", quality=_QUALITY, optimize=True)
    return out.getvalue()


def media_type_of(data: bytes) -> str | None:
    """The media type Pillow finds in ``data`` (PNG, JPEG, …), or None if it is no image we show."""
    try:
        with opened(data) as image:
            found = image.format
    except Exception:  # not an image, or one Pillow refuses to open (too large): no type
        return None
    return next((kind for kind, fmt in FORMATS.items() if fmt == found), None)


def _too_many(width: int, height: int) -> str:
    return (
        f"it is {width:,} x {height:,} pixels; EventDesk takes photos of up to "
        f"{MAX_PIXELS // 1_000_000} million pixels"
    )

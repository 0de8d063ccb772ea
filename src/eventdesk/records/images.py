"""Is this photo really an image, of the type it says, and of a size we can print?

Why: a photo's bytes come from outside (an interchange file, a file picked
in the window). A "photo" that is HTML would become ``<img src="data:text/html…">``
in a summary; a PNG that declares 50,000 x 50,000 pixels is a few kilobytes
that decode to 7.5 GB. Every photo is checked here, with Pillow, reading only
its header and structure (``verify``), never decoding its pixels: on import,
when a meeting is saved, by ``eventdesk check`` and before a summary
embeds it. No Qt, no SQL: ``check_image(data, media_type)`` is the whole API.
"""

from __future__ import annotations

import io
import re
import warnings

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


def check_image(data: bytes, media_type: str) -> str | None:
    """What is wrong with ``data`` as a photo of ``media_type``, in words; None if nothing."""
    from PIL import Image, UnidentifiedImageError  # imported when a photo is checked

    expected = FORMATS.get((media_type or "").strip().lower())
    if expected is None:
        shown = ", ".join(sorted({f for f in FORMATS.values()}))
        return f"its type {media_type!r} is not an image type EventDesk shows ({shown})"
    if not data:
        return "it has no content"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # bounded below
            with Image.open(io.BytesIO(data), formats=sorted(set(FORMATS.values()))) as image:
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


def media_type_of(data: bytes) -> str | None:
    """The media type Pillow finds in ``data`` (PNG, JPEG, …), or None if it is no image we show."""
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=sorted(set(FORMATS.values()))) as image:
                found = image.format
    except Exception:  # not an image, or one Pillow refuses to open (too large): no type
        return None
    return next((kind for kind, fmt in FORMATS.items() if fmt == found), None)


def _too_many(width: int, height: int) -> str:
    return (
        f"it is {width:,} x {height:,} pixels; EventDesk takes photos of up to "
        f"{MAX_PIXELS // 1_000_000} million pixels"
    )

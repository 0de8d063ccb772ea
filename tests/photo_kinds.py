"""Photos of every type EventDesk accepts, in the shapes that broke an output once.

Shared by the image tests (``tests/records``) and the tests that write each
one through every output in a child process (``tests/summary/test_photo_types.py``),
where a crash in an image reader kills only the child.
"""

from __future__ import annotations

import io

#: kind -> (media type, what the kind is): the four that broke PDF, Word or the thumbnails.
KINDS = {
    "tiff": "image/tiff",
    "webp": "image/webp",
    "cmyk-jpeg": "image/jpeg",
    "bad-exif-jpeg": "image/jpeg",
}
#: The photo's colour: what a reader of the output looks for.
COLOUR = (30, 90, 160)


def photo(kind: str, size: tuple[int, int] = (40, 30)) -> bytes:
    """A small picture of ``kind``: a 40 x 30 TIFF crashed Qt's TIFF reader."""
    from PIL import Image

    picture = Image.new("RGB", size, COLOUR)
    out = io.BytesIO()
    if kind == "tiff":
        picture.save(out, "TIFF")
    elif kind == "webp":
        picture.save(out, "WEBP", lossless=True)
    elif kind == "cmyk-jpeg":
        picture.convert("CMYK").save(out, "JPEG", quality=95)
    elif kind == "bad-exif-jpeg":
        return damaged_exif(picture)
    else:
        picture.save(out, kind.upper())
    return out.getvalue()


def damaged_exif(picture) -> bytes:
    """A JPEG whose EXIF block points its first directory past the end of the file."""
    from PIL import Image

    exif = Image.Exif()
    exif[0x010F] = "Phone"
    exif[0x0112] = 1
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=95, exif=exif.tobytes())
    data = bytearray(out.getvalue())
    start = data.index(b"Exif\x00\x00") + 6
    data[start + 4 : start + 8] = b"\xff\xff\xff\x7f"  # offset of the first directory
    return bytes(data)

"""A photo is an image of the type it says, of a size EventDesk can print; anything else is named.

Given bytes and a media type, ``check_image`` says in words what is wrong, or
None; the same answer refuses an import, a save, and is reported by
``eventdesk check``; a summary leaves such a photo out and says so.
"""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from tests.photo_kinds import COLOUR, KINDS, photo

from eventdesk.records.images import check_image, portable


def png(width: int = 4, height: int = 3) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), "teal").save(out, "PNG")
    return out.getvalue()


def declared_png(width: int, height: int) -> bytes:
    """A few hundred bytes of PNG that declare ``width`` x ``height`` pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 1000))
        + chunk(b"IEND", b"")
    )


def test_a_real_png_passes():
    assert check_image(png(), "image/png") is None


def test_a_png_of_fifty_thousand_pixels_square_is_refused():
    problem = check_image(declared_png(50_000, 50_000), "image/png")
    assert problem is not None and "pixels" in problem


def test_html_called_a_photo_is_refused():
    assert "not an image type" in check_image(b"<script>alert(1)</script>", "text/html")
    assert "not an image" in check_image(b"<script>alert(1)</script>", "image/png")


def test_a_png_labelled_jpeg_is_refused():
    assert check_image(png(), "image/jpeg") == "its bytes are a PNG image, not image/jpeg"


def test_a_truncated_png_is_called_damaged():
    assert check_image(png(64, 64)[:60], "image/png") is not None


@pytest.mark.parametrize("data", [b"", b"\x00" * 10])
def test_empty_or_junk_bytes_are_refused(data):
    assert check_image(data, "image/png") is not None


def test_the_type_comes_from_the_bytes_not_the_name():
    from eventdesk.records.images import media_type_of

    assert media_type_of(png()) == "image/png"
    assert media_type_of(b"<html></html>") is None
    assert media_type_of(declared_png(50_000, 50_000)) is None


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_accepted_kind_passes_and_is_made_portable_for_the_outputs(kind):
    from PIL import Image

    data = photo(kind)
    assert check_image(data, KINDS[kind]) is None
    made = portable(data)
    with Image.open(io.BytesIO(made)) as image:
        assert (image.format, image.mode, image.size) == ("JPEG", "RGB", (40, 30))
        assert all(abs(a - b) <= 12 for a, b in zip(image.getpixel((20, 15)), COLOUR, strict=True))
        assert not image.info.get("exif")


def test_a_plain_png_or_jpeg_is_kept_byte_for_byte():
    assert portable(png()) == png()
    jpeg = photo("jpeg")
    assert portable(jpeg) is jpeg


def test_an_empty_file_is_named_as_empty_whatever_its_type():
    assert check_image(b"", "image/jpeg") == "it is an empty file of 0 bytes"
    assert check_image(b"", "text/html") == "it is an empty file of 0 bytes"

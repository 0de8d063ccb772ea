"""Print-size renditions of photos, for summaries: not the 6 MB original a phone took.

A news release prints a photo a few centimetres wide; decoding, scaling and
embedding a 12-megapixel original for that costs a summary seconds and makes
its PDF and DOCX as big as the photos. Pillow decodes the JPEG at a reduced
scale (``draft``), turns the picture as its EXIF orientation says (phones
store portraits on their side and say so there), and writes a JPEG of at
most :data:`PRINT_EDGE` pixels a side.

Renditions are derived, so they are cached in ``<db>.media/renditions/`` by
the original's hash and never backed up; a read-only database, or one in
memory, makes them afresh each time. The original is kept untouched.

A team database's photos live in the database (``engines/postgres_photos.py``), on the
server: each PC keeps the renditions it shows and prints in its own cache folder
(platformdirs' user cache, ``%LOCALAPPDATA%\\EventDesk\\Cache`` on Windows), so a photo
crosses the network once per PC, not at every look. One cache serves every team database:
a rendition is named by its original's hash, the same bytes everywhere. Each cached file
carries the SHA-256 of the rendition it holds and is checked against it when read; a changed
byte or a file cut short is made again, never shown.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import warnings
from pathlib import Path

from eventdesk.records import images
from eventdesk.store import media
from eventdesk.store.locations import long_path

#: the longest side of a print rendition: a half-page photo at about 300 dpi
PRINT_EDGE = 1600
#: Bumped when renditions change: 2 made every rendition portable (a TIFF was kept as it was).
_VERSION = 2


def print_rendition(data: bytes) -> bytes:
    """``data`` made print-size, upright and portable; unchanged if it already is, or no image.

    Portable: a PNG or RGB JPEG, which Qt, Word and browsers all read
    (``records/images.py::portable``); a TIFF, WebP or CMYK JPEG becomes one.
    """
    try:
        from PIL import Image, ImageOps
    except ImportError:  # the packaged program leaves Pillow out: summary/pdf.py turns it
        return data
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a damaged EXIF block is left out below
            image = Image.open(io.BytesIO(data))
            orientation = image.getexif().get(0x0112, 1)
            convert = images.needs_converting(image)
            if max(image.size) <= PRINT_EDGE and orientation in (1, None) and convert is None:
                return data
            image.draft("RGB", (PRINT_EDGE, PRINT_EDGE))
            if convert != "damaged EXIF":
                image = ImageOps.exif_transpose(image)
            image.thumbnail((PRINT_EDGE, PRINT_EDGE), Image.Resampling.LANCZOS)
            return images.encode(image)
    except Exception:  # not a picture Pillow reads (Pillow raises many types): it is left out
        return data


def cached_print_rendition(folder: Path | None, sha256: str, load) -> bytes:
    """The rendition of the photo ``sha256``, from the cache in ``folder`` or made by ``load()``."""
    name = f"{sha256}-{PRINT_EDGE}-v{_VERSION}"
    cache = long_path(folder / media.RENDITIONS / name) if folder else None
    if cache is not None and cache.is_file() and not media.is_link(cache):
        return cache.read_bytes()
    made = print_rendition(load())
    if cache is not None and _have_pillow() and os.access(folder, os.W_OK):
        temp = cache.with_name(cache.name + f".{os.getpid()}.partial")
        try:
            cache.parent.mkdir(exist_ok=True)
            temp.write_bytes(made)
            os.replace(temp, cache)
        except OSError:  # a cache that cannot be written (a full disk) only costs time
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)
    return made


def team_cache() -> Path:
    """This PC's cache of the renditions of team databases' photos (never backed up: deleting
    it costs only the time to fetch and make them again)."""
    from platformdirs import user_cache_path

    return user_cache_path("EventDesk", appauthor=False) / media.RENDITIONS


#: A cached team rendition: this mark, the SHA-256 of the rendition (32 bytes), the rendition.
_MARK = b"EDR1"
_HASH = re.compile(r"[0-9a-f]{64}")


def cached_team_rendition(sha256: str, load) -> bytes:
    """The rendition of a team database's photo ``sha256``, from this PC's cache (checked
    against the hash it was stored with) or made from ``load()`` and kept there."""
    if not _HASH.fullmatch(sha256):  # a row's text, not a hash: never a name in the cache
        return print_rendition(load())
    cache = long_path(team_cache() / f"{sha256}-{PRINT_EDGE}-v{_VERSION}")
    kept = _read_checked(cache)
    if kept is not None:
        return kept
    made = print_rendition(load())
    if _have_pillow():
        temp = cache.with_name(cache.name + f".{os.getpid()}.partial")
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            temp.write_bytes(_MARK + hashlib.sha256(made).digest() + made)
            os.replace(temp, cache)
        except OSError:  # a cache that cannot be written (a full disk) only costs time
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)
    return made


def _read_checked(cache: Path) -> bytes | None:
    """The rendition kept in ``cache`` if it is whole (its hash holds), else None."""
    if media.is_link(cache):
        return None
    try:
        blob = cache.read_bytes()
    except OSError:
        return None
    head, body = blob[: len(_MARK) + 32], blob[len(_MARK) + 32 :]
    if head[: len(_MARK)] != _MARK or hashlib.sha256(body).digest() != head[len(_MARK) :]:
        return None
    return body


def _have_pillow() -> bool:
    try:
        import PIL  # noqa: F401
    except ImportError:
        return False
    return True

"""Each PC caches the renditions of a team database's photos (store/renditions.py): a photo
crosses the network once per PC, and what the cache holds is checked before it is shown."""

from __future__ import annotations

import hashlib
import io
import random

import pytest
from platformdirs import user_cache_path

from eventdesk.store import renditions


def big_jpeg() -> bytes:
    from PIL import Image

    rng = random.Random(3)
    image = Image.frombytes("RGB", (2000, 1500), rng.randbytes(2000 * 1500 * 3))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80)
    return out.getvalue()


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache" / "renditions"
    monkeypatch.setattr(renditions, "team_cache", lambda: folder)
    return folder


class Loads:
    """The team database's side: counts how often the original had to be fetched."""

    def __init__(self, data: bytes):
        self.data, self.count = data, 0

    def __call__(self) -> bytes:
        self.count += 1
        return self.data


def test_the_cache_is_this_pcs_user_cache_folder():
    assert renditions.team_cache().parent == user_cache_path("EventDesk", appauthor=False)


def test_a_photo_is_fetched_once_and_then_read_from_this_pcs_cache(cache):
    original = big_jpeg()
    sha = hashlib.sha256(original).hexdigest()
    load = Loads(original)
    first = renditions.cached_team_rendition(sha, load)
    assert load.count == 1 and len(first) < len(original)
    assert renditions.cached_team_rendition(sha, load) == first
    assert load.count == 1  # not fetched again
    (kept,) = cache.iterdir()
    assert kept.name.startswith(sha)


def test_a_damaged_cache_file_is_made_again_not_shown(cache):
    original = big_jpeg()
    sha = hashlib.sha256(original).hexdigest()
    load = Loads(original)
    good = renditions.cached_team_rendition(sha, load)
    (kept,) = cache.iterdir()
    blob = bytearray(kept.read_bytes())
    blob[len(blob) // 2] ^= 0x01
    kept.write_bytes(bytes(blob))
    assert renditions.cached_team_rendition(sha, load) == good
    assert load.count == 2
    kept.write_bytes(kept.read_bytes()[:100])  # cut short, as a full disk may leave it
    assert renditions.cached_team_rendition(sha, load) == good
    assert load.count == 3
    assert renditions.cached_team_rendition(sha, load) == good
    assert load.count == 3  # whole again


def test_a_row_naming_no_hash_names_no_file(cache, tmp_path):
    load = Loads(b"not a picture")
    for text in ("../../outside", "AB" * 32, ""):
        assert renditions.cached_team_rendition(text, load) == b"not a picture"
    assert not cache.exists()
    assert load.count == 3


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path, monkeypatch):
    blocked = tmp_path / "a file where the folder would be"
    blocked.write_bytes(b"")
    monkeypatch.setattr(renditions, "team_cache", lambda: blocked / "renditions")
    original = big_jpeg()
    load = Loads(original)
    sha = hashlib.sha256(original).hexdigest()
    assert renditions.cached_team_rendition(sha, load) == renditions.print_rendition(original)

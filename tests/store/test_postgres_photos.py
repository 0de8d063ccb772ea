"""Photos on a team database (store/engines/postgres_photos.py), against the real server.

A team database keeps each photo once, in its table ``photos`` by the SHA-256 of its bytes;
what is read back is checked against that hash, and a damaged row is named, never shown.
"""

from __future__ import annotations

import hashlib
import os

import pytest

from eventdesk.store.engines import ConstraintViolation, connect, postgres_photos, postgres_schema
from eventdesk.store.errors import StoreError
from eventdesk.store.media import BadPhoto


@pytest.fixture
def pg(postgres_address):
    conn = connect(postgres_address)
    postgres_schema.upgrade(conn)
    yield conn
    conn.close()


def _rows(conn) -> list[tuple]:
    return conn.execute("SELECT sha256, size, type FROM photos ORDER BY sha256").fetchall()


def test_a_new_team_database_has_the_photos_table(pg):
    assert "photos" in pg.table_names()
    assert pg.column_names("photos") == ["sha256", "bytes", "size", "type"]


def test_a_photo_is_kept_by_its_hash_and_read_back_whole(pg):
    data = os.urandom(3 * 1024 * 1024)  # a phone photo's size
    sha = postgres_photos.put(pg, data, "image/jpeg")
    assert sha == hashlib.sha256(data).hexdigest()
    assert postgres_photos.get(pg, sha) == data
    assert _rows(pg) == [(sha, len(data), "image/jpeg")]


def test_the_same_photo_is_written_once(pg):
    data = b"\x89PNG the same photo in two meetings"
    first = postgres_photos.put(pg, data, "image/png")
    version = pg.execute("SELECT xmin::text FROM photos").scalar()
    assert postgres_photos.put(pg, data, "image/png") == first
    assert len(_rows(pg)) == 1
    # Not written again: the row is the very version the first save wrote.
    assert pg.execute("SELECT xmin::text FROM photos").scalar() == version


def test_a_damaged_photo_is_named_and_never_returned(pg):
    data = b"\xff\xd8\xff a JPEG's bytes" * 100
    sha = postgres_photos.put(pg, data, "image/jpeg")
    pg.execute("UPDATE photos SET bytes = overlay(bytes PLACING '\\x00'::bytea FROM 50 FOR 1)")
    with pytest.raises(BadPhoto, match=f"{sha[:12]}.*damaged"):
        postgres_photos.get(pg, sha)
    assert postgres_photos.damaged(pg) == [sha]
    # Saving the good bytes again puts them back in place of the damaged ones.
    postgres_photos.put(pg, data, "image/jpeg")
    assert postgres_photos.get(pg, sha) == data
    assert postgres_photos.damaged(pg) == []


def test_a_missing_photo_says_so(pg):
    sha = "ab" * 32
    with pytest.raises(StoreError, match=r"ababababab.*missing from the team database") as caught:
        postgres_photos.get(pg, sha)
    assert not isinstance(caught.value, BadPhoto)


def test_a_photo_saved_in_a_transaction_rolled_back_is_not_kept(pg):
    with pytest.raises(RuntimeError), pg.transaction():
        postgres_photos.put(pg, b"a photo of a save that failed")
        raise RuntimeError("the save failed after the photo")
    assert _rows(pg) == []


def test_only_a_hash_names_a_photo(pg):
    with pytest.raises(ConstraintViolation):
        pg.execute("INSERT INTO photos (sha256, bytes, size) VALUES (?, ?, ?)", ("../etc", b"x", 1))


def test_held_and_unnamed_photos(pg):
    kept = postgres_photos.put(pg, b"named by a meeting's file")
    dropped = postgres_photos.put(pg, b"its meeting was deleted")
    meeting = pg.insert(
        "INSERT INTO meetings (uid, title, start_date, format, our_role, status) "
        "VALUES ('m1', 'M', '2026-01-02', 'in_person', 'participant', 'held')"
    )
    pg.execute(
        "INSERT INTO files (uid, meeting_id, position, kind, original_name, sha256, data) "
        "VALUES ('f1', ?, 0, 'photo', 'a.jpg', ?, ?)",
        (meeting, kept, b""),
    )
    assert postgres_photos.held(pg, [kept, dropped, "cd" * 32]) == {kept, dropped}
    assert postgres_photos.named(pg) == {kept}
    assert postgres_photos.remove_unnamed(pg) == 1
    assert [row[0] for row in _rows(pg)] == [kept]

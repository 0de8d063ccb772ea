"""Photos on a team database through the store (issue 23, item 3): saved into the database by
their hash, read back whole, shown and printed from this PC's cache of their renditions; and
``backup -o FILE`` of a team database, a checked copy in a file."""

from __future__ import annotations

import io
import random
from datetime import date

import pytest
from tests.conftest import SAMPLE
from tests.store.test_copying import exported, photo_bytes

from eventdesk.cli.main import main
from eventdesk.records import Meeting, MeetingFile
from eventdesk.store import EventStore, renditions
from eventdesk.store.engines import connect
from eventdesk.store.interchange import import_file
from eventdesk.store.media import BadPhoto


def phone_photo() -> bytes:
    from PIL import Image

    rng = random.Random(5)
    image = Image.frombytes("RGB", (2400, 1800), rng.randbytes(2400 * 1800 * 3))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "this-pc-cache" / "renditions"
    monkeypatch.setattr(renditions, "team_cache", lambda: folder)
    return folder


def test_a_photo_saved_on_a_team_database_is_read_whole_and_printed_from_the_cache(
    postgres_address, cache
):
    data = phone_photo()
    with EventStore.open(postgres_address) as store:
        saved = store.meetings.save(
            Meeting(
                "Visit", date(2026, 3, 2), files=[MeetingFile("a.jpg", "image/jpeg", data=data)]
            )
        )
        (photo,) = saved.files
        assert store.files.data(photo.id) == data
        printed = store.files.photo_for_print(photo.id)
        assert len(printed) < len(data) and printed[:2] == b"\xff\xd8"
        assert len(list(cache.iterdir())) == 1
    with connect(postgres_address) as conn:
        assert conn.execute("SELECT size FROM photos").scalar() == len(data)
        # The row damaged on the server: the original is refused by name, never shown ...
        conn.execute("UPDATE photos SET bytes = overlay(bytes PLACING '\\x00'::bytea FROM 99)")
    with EventStore.open(postgres_address) as store:
        with pytest.raises(BadPhoto, match="damaged"):
            store.files.data(photo.id)
        # ... and what this PC printed before still prints from its cache, checked.
        assert store.files.photo_for_print(photo.id) == printed
        for kept in cache.iterdir():
            kept.unlink()
        with pytest.raises(BadPhoto):
            store.files.photo_for_print(photo.id)


def test_backup_of_a_team_database_is_a_checked_copy_in_a_file(postgres_address, tmp_path, capsys):
    assert main(["--db", postgres_address, "import", str(SAMPLE)]) == 0
    target = tmp_path / "team-backup.sqlite3"
    capsys.readouterr()
    assert main(["--db", postgres_address, "backup", "-o", str(target)]) == 0
    out = capsys.readouterr().out
    assert "photos" in out and "differs" not in out
    assert out.splitlines()[-1].startswith(f"Backed up {postgres_address.split('@')[0]}")
    direct = tmp_path / "direct.sqlite3"
    with EventStore.open(direct) as store:
        import_file(store, SAMPLE)
    assert exported(target) == exported(direct)
    assert sorted(photo_bytes(target).values()) == sorted(photo_bytes(direct).values())


def test_backup_of_a_team_database_needs_a_file_name(postgres_address, capsys):
    assert main(["--db", postgres_address, "backup"]) == 1
    assert "backup -o FILE" in capsys.readouterr().err

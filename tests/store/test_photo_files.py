"""Photos live beside the database, named by their hash: saved, checked, backed up, restored.

docs/storage.md says why. These tests hold the promises: a photo is never
lost to a crash between its bytes and its row, `check` finds one missing or
damaged, backups carry the photos and copy each only once, a restore brings
them back, an old database's photos move out (after a backup), and a
summary gets a print-size, upright rendition.
"""

from __future__ import annotations

import base64
import io
import os
import shutil
import sqlite3
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image
from sqlite_utils import Database

from eventdesk.records import MeetingFile, Person
from eventdesk.store import EventStore, StoreError, backups, media
from eventdesk.store.interchange import export_meeting, import_document
from eventdesk.store.migrations import LATEST_VERSION, migrate, schema_version
from eventdesk.store.renditions import PRINT_EDGE
from eventdesk.store.restore import restore


def jpeg(width: int = 320, height: int = 200, *, orientation: int = 1, seed: int = 0) -> bytes:
    image = Image.effect_noise((width, height), 60 + seed).convert("RGB")
    exif = Image.Exif()
    exif[0x0112] = orientation
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90, exif=exif.tobytes())
    return out.getvalue()


def add_photo(store: EventStore, data: bytes, name: str = "p.jpg") -> MeetingFile:
    (row,) = store.meetings.list()
    meeting = store.meetings.get(row.id)
    meeting.files.append(MeetingFile(name, "image/jpeg", data=data))
    saved = store.meetings.save(meeting)
    return next(f for f in saved.files if f.original_name == name)


def test_a_saved_photo_is_a_file_named_by_its_hash_and_not_in_the_database(sample_store, db_path):
    data = jpeg(seed=1)
    photo = add_photo(sample_store, data)

    path = media.path_in(db_path.with_name("eventdesk.media"), media.digest(data))
    assert path.read_bytes() == data
    assert sample_store.files.data(photo.id) == data
    (row,) = sample_store.db.execute("SELECT data, size FROM files WHERE id = ?", [photo.id])
    assert row == (b"", len(data))
    meeting = sample_store.meetings.get(sample_store.meetings.list()[0].id, with_file_data=True)
    assert [f.data for f in meeting.files if f.id == photo.id] == [data]


def test_moving_the_file_and_its_media_folder_moves_the_photos(sample_store, db_path, tmp_path):
    data = jpeg(seed=2)
    photo = add_photo(sample_store, data)
    sample_store.close()
    moved = tmp_path / "elsewhere"
    moved.mkdir()
    shutil.move(db_path, moved / db_path.name)
    shutil.move(db_path.with_name("eventdesk.media"), moved / "eventdesk.media")
    with EventStore.open(moved / db_path.name) as store:
        assert store.files.data(photo.id) == data
        assert store.files.check() == []


def test_when_the_bytes_cannot_be_written_no_row_is_saved(sample_store, db_path):
    data = jpeg(seed=3)
    blocked = media.path_in(media.folder_of(sample_store.db), media.digest(data)).parent
    blocked.write_text("in the way of the photo's folder", encoding="utf-8")
    before = sample_store.meetings.get(sample_store.meetings.list()[0].id)
    with pytest.raises(StoreError, match="Cannot write a photo"):
        add_photo(sample_store, data)
    after = sample_store.meetings.get(before.id)
    assert [f.uid for f in after.files] == [f.uid for f in before.files]


def test_bytes_a_crash_left_without_a_row_are_removed_by_check_only_when_old(sample_store, db_path):
    kept = jpeg(seed=4)
    add_photo(sample_store, kept)
    lost = jpeg(seed=5)
    (row,) = sample_store.meetings.list()
    meeting = sample_store.meetings.get(row.id)
    meeting.files.append(MeetingFile("crash.jpg", "image/jpeg", data=lost))
    from eventdesk.store import meetings

    with pytest.raises(RuntimeError), sample_store.transaction():  # the row never commits
        meetings.save_meeting(sample_store.connection, meeting)
        raise RuntimeError("power cut")
    folder = db_path.with_name("eventdesk.media")
    assert media.path_in(folder, media.digest(lost)).exists()
    assert sample_store.files.check() == []  # a leftover is no damage
    assert sample_store.files.remove_orphan_photos() == []  # a save may still be about to commit it

    removed = media.remove_orphans(sample_store.db, grace=0)

    assert removed == [media.path_in(folder, media.digest(lost))]
    assert media.path_in(folder, media.digest(kept)).read_bytes() == kept


def test_check_names_a_missing_and_a_damaged_photo(sample_store, db_path):
    gone = add_photo(sample_store, jpeg(seed=6), "gone.jpg")
    bent = add_photo(sample_store, jpeg(seed=7), "bent.jpg")
    folder = db_path.with_name("eventdesk.media")
    (gone_sha, bent_sha) = (
        sample_store.db.execute("SELECT sha256 FROM files WHERE id = ?", [f.id]).fetchone()[0]
        for f in (gone, bent)
    )
    media.path_in(folder, gone_sha).unlink()
    damaged = bytearray(media.path_in(folder, bent_sha).read_bytes())
    damaged[500] ^= 0xFF
    media.path_in(folder, bent_sha).write_bytes(bytes(damaged))

    problems = sample_store.files.check()

    assert any(f"file {gone.id} of meeting" in p and "is missing" in p for p in problems)
    assert any(f"file {bent.id} of meeting" in p and "is damaged" in p for p in problems)
    with pytest.raises(StoreError, match="is missing"):
        sample_store.files.data(gone.id)


def test_backups_share_each_photo_once_and_copy_only_new_ones(sample_store, db_path):
    first = jpeg(seed=8)
    add_photo(sample_store, first, "first.jpg")
    b1 = sample_store.files.backup()
    pool = db_path.parent / "backups" / "media"
    copied = media.path_in(pool, media.digest(first))
    assert copied.read_bytes() == first
    stamp = copied.stat().st_mtime_ns

    second = jpeg(seed=9)
    add_photo(sample_store, second, "second.jpg")
    b2 = sample_store.files.backup()

    assert copied.stat().st_mtime_ns == stamp  # not copied again
    assert media.path_in(pool, media.digest(second)).read_bytes() == second
    assert len(list(media.stored(pool))) == len(backups.named_by(b2))
    assert backups.named_by(b1) < backups.named_by(b2)


def test_restore_brings_back_the_photos_the_backup_names(sample_store, db_path):
    data = jpeg(seed=10)
    photo = add_photo(sample_store, data)
    saved = sample_store.files.backup()
    sample_store.close()
    shutil.rmtree(db_path.with_name("eventdesk.media"))  # a lost folder

    restore(saved, db_path)

    with EventStore.open(db_path) as store:
        assert store.files.data(photo.id) == data
        assert store.files.check() == []


def test_a_backup_written_elsewhere_is_a_database_with_its_own_photos(sample_store, tmp_path):
    data = jpeg(seed=11)
    photo = add_photo(sample_store, data)
    target = sample_store.files.backup(tmp_path / "usb" / "office.sqlite3")
    with EventStore.open(target, read_only=True) as copy:
        assert copy.files.data(photo.id) == data


def test_rotation_drops_photos_no_kept_backup_names(sample_store, db_path):
    gone = jpeg(seed=12)
    photo = add_photo(sample_store, gone)
    start = datetime(2026, 1, 1, 9, 0, 0)
    backups.backup(sample_store.db, backups.backup_path(db_path, "daily", start))
    meeting = sample_store.meetings.get(sample_store.meetings.list()[0].id)
    meeting.files = [f for f in meeting.files if f.id != photo.id]
    sample_store.meetings.save(meeting)
    for week in range(1, 9):  # eight newer weeks push the backup naming the photo out
        backups.backup(
            sample_store.db, backups.backup_path(db_path, "daily", start + timedelta(weeks=week))
        )
    pool = db_path.parent / "backups" / "media"
    assert media.path_in(pool, media.digest(gone)).exists()
    for copied in pool.rglob("*"):  # copied weeks ago, not by a backup still being written
        os.utime(copied, (copied.stat().st_atime - 2 * media.GRACE,) * 2)

    backups.rotate(db_path)

    assert not media.path_in(pool, media.digest(gone)).exists()
    still_named = backups.named_by(backups.list_backups(db_path)[0].path)
    assert still_named and all(media.path_in(pool, sha).exists() for sha in still_named)


def old_database_with_a_photo(path: Path, data: bytes) -> None:
    """A file as the schema before photos left the database wrote it (version 5)."""
    db = Database(path)
    migrate(db, target=5)
    db["organisations"].insert({"id": 1, "uid": "o1", "name": "Org", "kind": "university"})
    db["meetings"].insert(
        {
            "id": 1,
            "uid": "m1",
            "title": "Old",
            "start_date": "2020-01-02",
            "format": "onsite",
            "our_role": "host",
            "status": "final",
        }
    )
    db["files"].insert(
        {
            "id": 1,
            "uid": "f1",
            "meeting_id": 1,
            "position": 0,
            "kind": "photo",
            "original_name": "old.jpg",
            "media_type": "image/jpeg",
            "size": len(data),
            "data": data,
        }
    )
    db.close()


def test_an_old_database_moves_its_photos_out_after_a_backup(tmp_path):
    path = tmp_path / "old.sqlite3"
    data = jpeg(1200, 900, seed=13)
    old_database_with_a_photo(path, data)
    size_before = path.stat().st_size

    with EventStore.open(path) as store:
        assert schema_version(store.db) == LATEST_VERSION
        assert store.files.data(1) == data
        assert store.files.check() == []

    assert media.path_in(tmp_path / "old.media", media.digest(data)).read_bytes() == data
    assert path.stat().st_size < size_before - len(data) // 2
    (backup,) = (tmp_path / "backups").glob("old-*-before-migration-5.sqlite3")
    conn = sqlite3.connect(backup)
    assert conn.execute("SELECT data FROM files").fetchone()[0] == data
    conn.close()


def test_the_interchange_format_still_carries_the_bytes(sample_store, tmp_path):
    data = jpeg(seed=14)
    add_photo(sample_store, data, "carried.jpg")
    document = export_meeting(sample_store, sample_store.meetings.list()[0].id)
    (carried,) = [
        f for f in document["meetings"][0]["files"] if f["original_name"] == "carried.jpg"
    ]
    assert base64.b64decode(carried["data"]) == data

    with EventStore.open(tmp_path / "other.sqlite3") as other:
        import_document(other, document)
        assert media.path_in(tmp_path / "other.media", media.digest(data)).read_bytes() == data


def test_a_summary_gets_a_print_size_rendition_turned_as_the_photo_says(sample_store):
    phone = jpeg(3000, 2000, orientation=6, seed=15)  # a portrait the phone stored on its side
    photo = add_photo(sample_store, phone, "portrait.jpg")

    printed = sample_store.files.photo_for_print(photo.id)

    image = Image.open(io.BytesIO(printed))
    assert image.height == PRINT_EDGE and abs(image.width - 1067) <= 1  # upright
    assert len(printed) < len(phone)
    assert sample_store.files.photo_for_print(photo.id) == printed  # cached


def test_the_news_release_embeds_the_rendition_not_the_original(sample_store, tmp_path):
    from eventdesk.summary import write_summary

    phone = jpeg(3000, 2000, orientation=6, seed=16)
    add_photo(sample_store, phone, "portrait.jpg")
    out = tmp_path / "news.html"
    write_summary(sample_store, sample_store.meetings.list()[0].id, "news", out)

    html = out.read_text(encoding="utf-8")
    sizes = []
    for chunk in html.split("data:image/")[1:]:
        encoded = chunk.split(",", 1)[1].split('"', 1)[0]
        sizes.append(Image.open(io.BytesIO(base64.b64decode(encoded))).size)
    assert any(h == PRINT_EDGE and abs(w - 1067) <= 1 for w, h in sizes)
    assert (3000, 2000) not in sizes and (2000, 3000) not in sizes


def test_emptying_the_trash_removes_the_photos_of_its_meetings(sample_store, db_path):
    data = jpeg(seed=17)
    add_photo(sample_store, data)
    path = media.path_in(db_path.with_name("eventdesk.media"), media.digest(data))
    os.utime(path, (path.stat().st_atime - 2 * media.GRACE,) * 2)  # written long ago
    sample_store.trash.put("meeting", sample_store.meetings.list()[0].id)
    assert path.exists()  # in the trash, still restorable

    sample_store.trash.empty()

    assert not path.exists()


def test_a_backup_holds_the_commits_still_in_the_log_and_stands_alone(sample_store, tmp_path):
    sample_store.db.execute("PRAGMA wal_autocheckpoint = 0")  # commits stay in the -wal file
    sample_store.people.save(Person("Logged", "Only"))
    assert Path(f"{sample_store.path}-wal").stat().st_size > 0

    target = sample_store.files.backup(tmp_path / "copy" / "office.sqlite3")

    assert not Path(f"{target}-wal").exists()
    conn = sqlite3.connect(f"{target.resolve().as_uri()}?mode=ro", uri=True)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM people WHERE family_name = 'Logged'").fetchone()[0]
    conn.close()


def test_without_pillow_the_original_is_kept_and_the_pdf_turns_it_with_qt(monkeypatch):
    """The packaged program leaves Pillow out: the PDF's Qt reader turns and shrinks it."""
    from eventdesk.store.renditions import print_rendition
    from eventdesk.summary.pdf import upright

    phone = jpeg(3000, 2000, orientation=6, seed=18)
    monkeypatch.setitem(sys.modules, "PIL", None)

    assert print_rendition(phone) == phone
    image = upright(phone)
    assert image.height() == PRINT_EDGE and abs(image.width() - 1067) <= 1

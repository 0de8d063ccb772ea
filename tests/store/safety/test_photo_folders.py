"""A photo folder belongs to a database by its identity, not by its name (issue 20, case 2).

Given ``office.sqlite3`` and a second database with the same stem beside it
(a backup written there with ``backup -o office.bak``, a plain copy of the
file, one written by an older EventDesk sharing the folder), when the second
is checked, emptied of its trash or opened in its turn, then no photo of the
first is removed, and each still shows every photo it names.
"""

from __future__ import annotations

import os
import shutil
import sqlite3

import pytest
from tests.conftest import SAMPLE
from tests.store.test_photo_files import add_photo, jpeg

from eventdesk.cli.main import main
from eventdesk.store import EventStore, media, migrations, photo_folder
from eventdesk.store.interchange import import_file
from eventdesk.store.restore import restore


@pytest.fixture
def office(tmp_path):
    """``office.sqlite3`` with the example meeting and a photo of its own, closed."""
    path = tmp_path / "office.sqlite3"
    with EventStore.open(path) as store:
        import_file(store, SAMPLE)
        add_photo(store, jpeg(seed=21), "first.jpg")
    return path


def all_photos(folder) -> dict[str, bytes]:
    return {sha: path.read_bytes() for sha, path in media.stored(folder)}


def long_ago(folder) -> None:
    """Every file in ``folder`` written two hours ago: past the grace orphans are left."""
    for path in folder.rglob("*"):
        os.utime(path, (path.stat().st_atime - 2 * media.GRACE,) * 2)


def newest_photo_after(office, seed: int) -> bytes:
    data = jpeg(seed=seed)
    with EventStore.open(office) as store:
        add_photo(store, data, f"photo-{seed}.jpg")
    return data


def identity_of(path) -> str | None:
    return photo_folder.identity_at(path)


def test_a_backup_to_a_file_beside_the_database_never_cleans_its_photos(office, capsys):
    assert main(["--db", str(office), "backup", "-o", str(office.with_name("office.bak"))]) == 0
    bak = office.with_name("office.bak")
    newest = newest_photo_after(office, seed=22)
    folder = office.with_name("office.media")
    long_ago(folder)
    before = all_photos(folder)

    assert main(["--db", str(bak), "check"]) == 0
    with EventStore.open(bak) as copy:
        (row,) = copy.meetings.list()
        copy.trash.put("meeting", row.id)
        copy.trash.empty()

    assert all_photos(folder) == before and media.digest(newest) in before
    assert identity_of(bak) != identity_of(office)
    assert office.with_name("office.bak.media").is_dir()  # the backup's photos, its own
    with EventStore.open(office) as store:
        assert store.files.check() == []
    capsys.readouterr()


@pytest.mark.parametrize("name", ["office.bak", "office-copy.sqlite3"])
def test_a_backup_to_a_file_beside_the_database_carries_every_photo(office, tmp_path, name):
    """The backup's folder holds its photos itself, though other databases stand beside it:
    moved away alone with its folder, it still shows every photo (issue 20, QA of case 2)."""
    shutil.copyfile(office, office.with_name("other.sqlite3"))  # any finished database beside
    bak = office.with_name(name)
    assert main(["--db", str(office), "backup", "-o", str(bak)]) == 0
    folder = photo_folder.resolve(bak, identity_of(bak)).path
    away = tmp_path / "away"
    away.mkdir()
    shutil.move(bak, away / bak.name)
    shutil.move(folder, away / folder.name)
    with EventStore.open(away / bak.name) as moved:
        assert moved.files.check() == []


def test_a_plain_copy_of_the_file_reads_the_photos_but_never_cleans_them(office):
    bak = office.with_name("office.bak")
    shutil.copyfile(office, bak)  # as a file manager copies it: the same identity
    newest = newest_photo_after(office, seed=23)
    folder = office.with_name("office.media")
    long_ago(folder)
    before = all_photos(folder)

    with EventStore.open(bak) as copy:
        assert copy.files.check() == []  # its photos read from the folder it came with
        assert copy.files.remove_orphan_photos() == []
        added = add_photo(copy, in_copy := jpeg(seed=24), "in-the-copy.jpg")
        assert copy.files.data(added.id) == in_copy

    assert all_photos(folder) == before and media.digest(newest) in before
    assert media.digest(in_copy) in all_photos(office.with_name("office.bak.media"))
    with EventStore.open(office) as store:  # and the original never cleans the copy's
        long_ago(office.with_name("office.bak.media"))
        store.files.remove_orphan_photos()
    assert media.digest(in_copy) in all_photos(office.with_name("office.bak.media"))


def as_before_identities(path) -> None:
    """The file and its folder as an EventDesk before migration 13 left them."""
    version = next(n for n, m in enumerate(migrations.MIGRATIONS, 1) if "identity" in m.__name__)
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM settings WHERE key = ?", [photo_folder.IDENTITY])
    conn.execute(f"PRAGMA user_version = {version - 1}")
    conn.commit()
    conn.close()
    (photo_folder.by_stem(path) / photo_folder.NOTE).unlink(missing_ok=True)


def test_a_folder_two_older_databases_share_is_cleaned_by_neither(office, capsys):
    bak = office.with_name("office.bak")
    as_before_identities(office)
    shutil.copyfile(office, bak)  # an older `backup -o office.bak`: it shared office.media
    folder = office.with_name("office.media")
    stray = media.write(folder, b"no record names these bytes")
    long_ago(folder)

    for path in (office, bak):
        with EventStore.open(path) as store:  # upgraded: each gets an identity of its own
            assert store.files.check() == []
            assert store.files.remove_orphan_photos() == []
    assert identity_of(office) != identity_of(bak)
    assert media.path_in(folder, stray).exists()
    assert main(["--db", str(bak), "check"]) == 0
    _, err = capsys.readouterr()
    assert err.count("\n") == 1 and f"were left in {folder}" in err

    bak.unlink()  # the other is gone: the folder is the database's alone again
    with EventStore.open(office) as store:
        assert store.files.remove_orphan_photos() == [media.path_in(folder, stray)]
        assert store.files.check() == []


def test_moving_or_renaming_a_database_with_its_folder_keeps_its_photos(office, tmp_path):
    moved = tmp_path / "elsewhere"
    moved.mkdir()
    shutil.move(office, moved / "archive.sqlite3")
    shutil.move(office.with_name("office.media"), moved / "archive.media")
    folder = moved / "archive.media"
    stray = media.write(folder, b"no record names these bytes")
    long_ago(folder)

    with EventStore.open(moved / "archive.sqlite3") as store:
        assert store.files.check() == []
        assert store.files.remove_orphan_photos() == [media.path_in(folder, stray)]  # its own
        add_photo(store, after := jpeg(seed=25), "after-the-move.jpg")
    assert media.digest(after) in all_photos(folder)


def test_a_database_renamed_without_its_folder_still_finds_it(office):
    renamed = office.rename(office.with_name("minutes.sqlite3"))
    with EventStore.open(renamed) as store:
        assert store.files.check() == []
        add_photo(store, after := jpeg(seed=26), "after-the-rename.jpg")
    assert media.digest(after) in all_photos(office.with_name("office.media"))


def test_a_restore_keeps_the_database_its_own_photo_folder(office, tmp_path):
    other = tmp_path / "usb" / "office.sqlite3"
    with EventStore.open(office) as store:
        store.files.backup(other)  # a database of its own, another identity
    own = identity_of(office)

    restore(other, office)

    assert identity_of(office) == own
    folder = office.with_name("office.media")
    stray = media.write(folder, b"no record names these bytes")
    long_ago(folder)
    with EventStore.open(office) as store:
        assert store.files.check() == []
        assert store.files.remove_orphan_photos() == [media.path_in(folder, stray)]


def test_the_identity_is_given_once_and_kept(tmp_path):
    first, second = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    for path in (first, second):
        EventStore.open(path).close()
    given = identity_of(first)
    EventStore.open(first).close()
    assert given and identity_of(first) == given != identity_of(second)
    identity_migration = next(m for m in migrations.MIGRATIONS if "identity" in m.__name__)
    with EventStore.open(first) as store:  # run again (a later migration's test sets back)
        identity_migration(store.db)
    assert identity_of(first) == given


def test_a_restored_file_of_no_identity_claims_the_folder_again(office):
    from pathlib import Path

    v1 = Path(__file__).parents[1] / "data" / "eventdesk-v1.sqlite3"  # before settings existed
    restore(v1, office)
    folder = office.with_name("office.media")
    stray = media.write(folder, b"no record names these bytes")
    long_ago(folder)
    with EventStore.open(office) as store:  # upgraded, given an identity, the folder its own
        assert store.files.check() == []
        removed = store.files.remove_orphan_photos()
    assert media.path_in(folder, stray) in removed
    pool = office.parent / "backups" / "media"  # the replaced file's photos, kept for it
    others = [p.parent.name + p.name for p in removed if p != media.path_in(folder, stray)]
    assert others and all(media.path_in(pool, sha).exists() for sha in others)
    assert photo_folder.resolve(office, identity_of(office)).owned

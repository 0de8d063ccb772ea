"""Files and faults an unlucky user meets: empty files, cut-short backups, read-only disks, locks.

Given such a file or fault, when a command runs, then it says what is wrong in
one line and leaves every file as it was.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap

import pytest
from tests.other_program import held_open

from eventdesk.cli.main import main
from eventdesk.store import EventStore, NotAnEventDeskDatabase, backups, media
from eventdesk.store.lock import lock_path
from eventdesk.store.restore import restore


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


# -- 10: an empty or foreign file given as --db --------------------------------------


@pytest.mark.parametrize("content", [b"", b"minutes of the meeting\n"])
@pytest.mark.parametrize(
    "command", [["list"], ["check"], ["backup"], ["import", "FILE"], ["export", "-o", "OUT"]]
)
def test_an_empty_or_foreign_file_is_never_changed(capsys, tmp_path, content, command):
    from tests.conftest import SAMPLE

    path = tmp_path / "given.sqlite3"
    path.write_bytes(content)
    argv = [
        str(SAMPLE) if a == "FILE" else str(tmp_path / "out.json") if a == "OUT" else a
        for a in command
    ]
    status, _, err = run(capsys, "--db", str(path), *argv)
    assert status == 1 and "not an EventDesk database" in err and err.count("\n") == 1
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["given.sqlite3"]


# -- 3: backups and restore ------------------------------------------------------------


def test_restore_refuses_an_empty_file_and_changes_nothing(sample_store, db_path, tmp_path):
    sample_store.close()
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    before = db_path.read_bytes()
    with pytest.raises(NotAnEventDeskDatabase, match="not a complete EventDesk database"):
        restore(empty, db_path)
    assert db_path.read_bytes() == before
    with EventStore.open(db_path) as store:
        assert store.meetings.count() == 1


def test_restore_refuses_a_cut_short_copy(sample_store, db_path, tmp_path):
    copy = sample_store.files.backup(tmp_path / "whole.sqlite3")
    sample_store.close()
    short = tmp_path / "short.sqlite3"
    short.write_bytes(copy.read_bytes()[: copy.stat().st_size // 2])
    with pytest.raises(NotAnEventDeskDatabase):
        restore(short, db_path)


def test_restore_refuses_another_programs_database(sample_store, db_path, tmp_path):
    import sqlite3

    sample_store.close()
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE meetings (x)")
    conn.execute("CREATE TABLE people (x)")
    conn.close()
    with pytest.raises(NotAnEventDeskDatabase):
        restore(other, db_path)


FILL_DISK = textwrap.dedent(
    """
    import resource, signal, sys
    from eventdesk.store import EventStore, StoreError, backups
    store = EventStore.open(sys.argv[1], verify=False)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)   # a full disk: writes fail with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (40_000, 40_000))
    try:
        if sys.argv[2] == "manual":
            store.files.backup()
        else:  # the day's backup after the quick check of the database: not read through again
            backups.automatic_backup(store.db, store.path, "daily", checked=True)
    except StoreError as exc:
        print("refused:", exc)
    """
)


@pytest.mark.posix(reason="the full disk is a file size limit (RLIMIT_FSIZE, SIGXFSZ)")
@pytest.mark.parametrize("kind", ["manual", "daily"])
def test_a_backup_cut_short_by_a_full_disk_leaves_nothing_to_restore(sample_store, db_path, kind):
    sample_store.close()
    assert db_path.stat().st_size > 40_000
    before = {b.path for b in backups.list_backups(db_path)}
    done = subprocess.run(
        [sys.executable, "-c", FILL_DISK, str(db_path), kind],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
    assert done.stdout.startswith("refused: Cannot write a backup"), done.stderr
    assert {b.path for b in backups.list_backups(db_path)} == before
    leftovers = [p.name for p in backups.backup_folder(db_path).iterdir() if "partial" in p.name]
    assert leftovers == []


def test_a_zero_byte_file_named_like_a_backup_is_not_listed(sample_store, db_path, capsys):
    sample_store.files.backup()
    sample_store.close()
    real = backups.list_backups(db_path)
    assert len(real) == 1
    (backups.backup_folder(db_path) / "eventdesk-20991231-235959-manual.sqlite3").touch()
    status, out, _ = run(capsys, "--db", str(db_path), "restore")
    assert status == 0
    assert "20991231" not in out and "2099" not in out
    listed = [line.split("\t")[2] for line in out.splitlines()]
    assert sorted(listed) == sorted(str(b.path) for b in real)
    assert len(listed) == len(set(listed))


def test_checking_a_candidate_leaves_no_files_beside_it(sample_store, db_path, tmp_path):
    sample_store.close()
    folder = tmp_path / "candidate"
    folder.mkdir()
    candidate = folder / "copy.sqlite3"
    shutil.copy2(db_path, candidate)  # a plain copy of a file in WAL mode
    restore(candidate, db_path)
    assert [p.name for p in folder.iterdir()] == ["copy.sqlite3"]
    backup = EventStore.open(db_path).files.backup()
    restore(backup, db_path)
    assert not list(backup.parent.glob("*-wal")) and not list(backup.parent.glob("*-shm"))


# -- 6: check while the desktop program holds the file -------------------------------


def test_check_of_a_file_open_elsewhere_is_not_called_broken(sample_store, db_path, capsys):
    sample_store.close()
    with held_open(db_path):
        status, out, err = run(capsys, "--db", str(db_path), "check")
    assert status == 0, err
    assert "no problems found" in out
    assert "out of step" not in err and "problem" not in err
    assert "has the file open" in err


# -- 7: read-only disks and locks of other programs -----------------------------------


@pytest.fixture
def read_only_mount(sample_store, db_path, tmp_path):
    """The example database on a real read-only file system (needs root to mount)."""
    sample_store.close()
    mount = tmp_path / "cdrom"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "none", str(mount)]).returncode:
        pytest.skip("cannot mount a file system here")
    try:
        shutil.copy2(db_path, mount / "office.sqlite3")
        if media.folder_for(db_path).is_dir():  # the photos, which live beside the file
            shutil.copytree(media.folder_for(db_path), media.folder_for(mount / "office.sqlite3"))
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        yield mount / "office.sqlite3"
    finally:
        subprocess.run(["umount", str(mount)])


@pytest.mark.posix(reason="mounts a read-only file system")
def test_read_only_mount_reads_with_read_only_option(read_only_mount, capsys):
    path = str(read_only_mount)
    status, out, err = run(capsys, "--db", path, "--read-only", "list")
    assert status == 0 and "Shanghai-Hong Kong" in out, err
    status, out, err = run(capsys, "--db", path, "--read-only", "check")
    assert status == 0 and "damaged" not in err and "no problems found" in out, err


@pytest.mark.posix(reason="mounts a read-only file system")
def test_read_only_mount_without_the_option(read_only_mount, capsys):
    from tests.conftest import SAMPLE

    path = str(read_only_mount)
    status, out, err = run(capsys, "--db", path, "list")
    assert status == 0 and "Shanghai-Hong Kong" in out and "read-only" in err
    status, _, err = run(capsys, "--db", path, "import", str(SAMPLE))
    assert status == 1 and "read-only" in err and err.count("\n") == 1


def test_read_only_option_refuses_a_command_that_writes(sample_store, db_path, capsys):
    from tests.conftest import SAMPLE

    sample_store.close()
    before = db_path.read_bytes()
    status, _, err = run(capsys, "--db", str(db_path), "--read-only", "import", str(SAMPLE))
    assert status == 1 and "--read-only" in err
    assert db_path.read_bytes() == before and not lock_path(db_path).exists()


# -- backup -o onto the database or its own files and folders (issue 20, case 10) ---------


@pytest.mark.parametrize(
    "target",
    [
        "eventdesk.sqlite3",
        "../{folder}/eventdesk.sqlite3",
        "link-to-db",
        "eventdesk.sqlite3-wal",
        "eventdesk.sqlite3-shm",
        "eventdesk.media",
        "eventdesk.media/ab/photo.sqlite3",
        "backups",
        "backups/media/x.sqlite3",
    ],
)
def test_a_backup_onto_the_database_or_its_own_files_is_refused(
    capsys, sample_store, db_path, target
):
    sample_store.close()
    (db_path.parent / "link-to-db").symlink_to(db_path)
    EventStore.open(db_path).close()  # a backups folder, as every day makes one
    before = {p: p.read_bytes() for p in db_path.parent.rglob("*") if p.is_file()}
    given = db_path.parent / target.format(folder=db_path.parent.name)

    status, _, err = run(capsys, "--db", str(db_path), "backup", "-o", str(given))

    assert status == 1 and err.count("\n") == 1 and "Nothing was written" in err
    after = {p: p.read_bytes() for p in db_path.parent.rglob("*") if p.is_file()}
    assert after == before

"""A database on a network drive is told apart, and opened read-only with one sentence why.

SQLite cannot keep a file safe over a network (its locks are unreliable there,
and WAL does not work at all), so EventDesk reads such a file and writes
nothing there: not the database, not its lock file. The file system is told
by ``statfs`` (Linux, macOS) and by the path and drive type (Windows); the
whole program is tested on a share by ``EVENTDESK_TEST_NETWORK_DRIVE``, and
the real calls on this machine's own disk (local) and, on Windows, on its
administrative share.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.other_program import eventdesk

from eventdesk.records import Person
from eventdesk.store import EventStore, OnNetworkDrive, ReadOnlyStore
from eventdesk.store import network_drive as nd
from eventdesk.store.database import verify_file
from eventdesk.store.lock import lock_path

SHARE = "\\\\server\\share"


@pytest.mark.parametrize(
    ("magic", "name"),
    [
        (0x6969, "nfs"),
        (0xFF534D42, "cifs"),
        (0xFF534D42 - (1 << 32), "cifs"),  # the same word read as a signed 32-bit int
        (0xFE534D42, "smb2"),
        (0x517B, "smbfs"),
        (0x01021997, "9p"),
        (0x00C36400, "ceph"),
        (0x0BD00BD0, "lustre"),
        (0x5346414F, "afs"),
    ],
)
def test_network_file_systems_by_their_magic_number(magic, name):
    assert nd.linux_network_type(magic) == name


def test_fuse_counts_as_a_network_file_system():
    assert nd.linux_network_type(0x65735546).startswith("fuse (sshfs")


@pytest.mark.parametrize(
    "magic",
    [0xEF53, 0x01021994, 0x9123683E, 0x58465342, 0x5346544E, 0x4D44, 0x2011BAB0, 0x794C7630],
    ids=["ext4", "tmpfs", "btrfs", "xfs", "ntfs", "vfat", "exfat", "overlay"],
)
def test_local_file_systems_are_local(magic):
    assert nd.linux_network_type(magic) is None


@pytest.mark.parametrize(
    ("path", "share"),
    [
        ("\\\\server\\share\\office\\office.sqlite3", SHARE),
        ("//server/share/office.sqlite3", SHARE),
        ("\\\\?\\UNC\\server\\share\\office.sqlite3", SHARE),
        ("\\\\?\\unc\\server\\share\\office.sqlite3", SHARE),
        ("\\\\localhost\\C$\\Users\\chen\\office.sqlite3", "\\\\localhost\\C$"),
        ("C:\\Users\\chen\\office.sqlite3", None),
        ("\\\\?\\C:\\Users\\chen\\office.sqlite3", None),
        ("Z:\\office.sqlite3", None),  # a mapped drive is told by its drive type
        ("office.sqlite3", None),
    ],
)
def test_unc_paths_name_their_share(path, share):
    assert nd.unc_share(path) == share


@pytest.mark.parametrize(
    ("path", "letter"),
    [("z:\\office.sqlite3", "Z:"), ("\\\\?\\Z:\\office.sqlite3", "Z:"), (SHARE + "\\x", None)],
)
def test_drive_letters(path, letter):
    assert nd.drive_letter(path) == letter


def test_a_folder_on_this_computers_disk_is_local(tmp_path):
    assert nd.network_location(tmp_path / "office.sqlite3") is None
    assert nd.network_location(tmp_path / "new folder" / "office.sqlite3") is None  # not made yet


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="statfs's f_type is Linux's")
def test_the_file_system_type_read_is_the_one_stat_reports(tmp_path):
    if shutil.which("stat") is None:
        pytest.skip("no stat(1) to compare with")
    said = subprocess.run(
        ["stat", "-f", "-c", "%t", str(tmp_path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )
    assert nd.linux_type_magic(str(tmp_path)) == int(said.stdout, 16)


@pytest.mark.skipif(sys.platform != "darwin", reason="f_fstypename is macOS's")
def test_a_mac_disk_is_named_by_its_type(tmp_path):
    assert nd.mac_type_name(str(tmp_path)) in {"apfs", "hfs"}


@pytest.mark.windows(reason="UNC names and drive types are Windows'")
def test_windows_tells_a_share_from_a_local_drive(tmp_path):
    share = Path(f"\\\\localhost\\{tmp_path.drive[0]}$\\") / tmp_path.relative_to(tmp_path.anchor)
    assert nd.network_location(share / "office.sqlite3") == f"\\\\localhost\\{tmp_path.drive[0]}$"
    assert nd.network_location(tmp_path / "office.sqlite3") is None


# -- the program on a share (told so by the test variable) --------------------------------


@pytest.fixture
def office_on_a_share(sample_store, db_path, monkeypatch):
    sample_store.close()
    monkeypatch.setenv(nd.FORCE_VARIABLE, SHARE)
    return db_path


def test_a_database_on_a_share_is_not_opened_for_writing(office_on_a_share):
    with pytest.raises(OnNetworkDrive) as refused:
        EventStore.open(office_on_a_share)
    assert str(refused.value) == (
        f"eventdesk.sqlite3 is on a network drive ({SHARE}); EventDesk opens it read-only there "
        "because SQLite cannot keep it safe over a network. Copy it to this PC, or use a "
        "team database."
    )
    assert not lock_path(office_on_a_share).exists()  # not even its lock file was written


def _files(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_mtime_ns for p in folder.rglob("*")}


def test_a_database_on_a_share_reads_but_writes_nothing_there(office_on_a_share):
    before = _files(office_on_a_share.parent)
    with EventStore.open(office_on_a_share, read_only=True) as store:
        assert store.meetings.count() == 1
        with pytest.raises(ReadOnlyStore):
            store.people.save(Person("Ng", "Wing"))
    # no -wal or -shm left by the reading either (read as immutable there)
    assert verify_file(office_on_a_share) is None
    assert _files(office_on_a_share.parent) == before


def test_a_new_database_is_not_made_on_a_share(tmp_path, monkeypatch):
    monkeypatch.setenv(nd.FORCE_VARIABLE, "1")
    with pytest.raises(OnNetworkDrive, match="is on a network drive"):
        EventStore.open(tmp_path / "new.sqlite3")
    assert os.listdir(tmp_path) == []


def test_the_command_line_reads_a_share_and_refuses_to_write_there(office_on_a_share, tmp_path):
    exported = tmp_path / "all.json"
    # Given a database on a share: a command that reads does, with the sentence as a note
    listed = eventdesk("--db", str(office_on_a_share), "list", EVENTDESK_TEST_NETWORK_DRIVE=SHARE)
    assert listed.returncode == 0, listed.stderr
    assert "Shanghai-Hong Kong" in listed.stdout
    assert f"is on a network drive ({SHARE}); EventDesk opens it read-only" in listed.stderr
    assert "Copy it to this PC, or use a team database." in listed.stderr
    exported_run = eventdesk(
        "--db", str(office_on_a_share), "export", "-o", str(exported), **{nd.FORCE_VARIABLE: "1"}
    )
    assert exported_run.returncode == 0, exported_run.stderr
    # and one that writes is refused with the same sentence, even with --take-over
    for extra in ([], ["--take-over"]):
        args = ("--db", str(office_on_a_share), *extra, "import", str(exported))
        refused = eventdesk(*args, **{nd.FORCE_VARIABLE: SHARE})
        assert refused.returncode == 1
        assert "SQLite cannot keep it safe over a network" in refused.stderr
        assert "import would change it; not run." in refused.stderr
    assert not lock_path(office_on_a_share).exists()
    with EventStore.open(office_on_a_share, read_only=True) as store:
        assert store.meetings.count() == 1

"""Whether a database file is on a network drive, where EventDesk only reads it.

SQLite's own documentation says its file locking is unreliable on network
file systems and that WAL, which EventDesk turns on for every file, does not
work over one at all: two PCs writing one file on a share can damage it, and
on some shares the first write already fails with a disk I/O error. An office
that shares its records uses a team database (issue 23); a file on a share is
opened read-only, with one sentence saying why and what to do instead.

How a network file system is told, without ``/proc`` (which Windows lacks):
the file system's type from ``statfs(2)`` (its magic number on Linux, its
type name on macOS; ``os.statvfs`` gives neither), and on Windows a UNC path
(``\\\\server\\share``) or a drive letter the system calls ``DRIVE_REMOTE``
(a mapped drive). FUSE counts as a network file system on Linux and macOS:
sshfs, GlusterFS, rclone and a desktop's "network folder" (GVFS) all come
through it, and ``statfs`` cannot tell them from a local FUSE disk.
"""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path, PureWindowsPath

from eventdesk.store.errors import ReadOnlyLocation

#: Test-only: set to a description ("\\\\server\\share") or "1" to have every
#: database treated as one on a network drive; the real check is skipped.
FORCE_VARIABLE = "EVENTDESK_TEST_NETWORK_DRIVE"

#: Linux's ``statfs`` ``f_type`` of network and cluster file systems (linux/magic.h, statfs(2)).
LINUX_NETWORK_TYPES = {
    0x6969: "nfs",
    0xFF534D42: "cifs",
    0xFE534D42: "smb2",
    0x517B: "smbfs",
    0x564C: "ncpfs",
    0x65735546: "fuse (sshfs, glusterfs, a desktop's network folder…)",
    0x01021997: "9p",
    0x5346414F: "afs",
    0x6B414653: "afs",
    0x73757245: "coda",
    0x00C36400: "ceph",
    0x0BD00BD0: "lustre",
    0x47504653: "gpfs",
    0x20030528: "orangefs",
    0x786F4256: "vboxsf",
}

#: macOS's ``statfs`` ``f_fstypename`` of network file systems.
MAC_NETWORK_TYPES = {"smbfs", "nfs", "afpfs", "webdav", "cifs", "ftp", "macfuse", "osxfuse"}

_DRIVE_REMOTE = 4  # GetDriveTypeW


class OnNetworkDrive(ReadOnlyLocation):
    """A database on a network drive: read, never written (nor locked)."""

    def __init__(self, path: Path, where: str):
        self.where = where
        super().__init__(
            f"{path.name} is on a network drive ({where}); EventDesk opens it read-only there "
            "because SQLite cannot keep it safe over a network. Copy it to this PC, "
            "or use a team database."
        )


def refuse_writing(db_path: Path) -> None:
    """Raise :class:`OnNetworkDrive` if ``db_path`` (or the folder to make it in) is on one."""
    where = network_location(db_path)
    if where is not None:
        raise OnNetworkDrive(db_path, where)


def network_location(path: Path) -> str | None:
    """The network drive ``path`` is on, in words ("\\\\server\\share", "cifs"); None if local."""
    forced = os.environ.get(FORCE_VARIABLE, "")
    if forced not in ("", "0"):
        return "a network drive, as the tests say" if forced == "1" else forced
    absolute = os.path.abspath(path)
    if sys.platform == "win32":
        return _windows_location(absolute)
    existing = _nearest_existing(Path(absolute))
    try:
        if sys.platform == "darwin":
            name = mac_type_name(str(existing))
            return name if name in MAC_NETWORK_TYPES else None
        return linux_network_type(linux_type_magic(str(existing)))
    except OSError:  # statfs itself refused: not a reason to refuse the file
        return None


def _nearest_existing(path: Path) -> Path:
    """``path`` or its nearest folder that exists (a new database's file does not, yet)."""
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate
    return path


# -- Linux ---------------------------------------------------------------------------


def linux_network_type(magic: int) -> str | None:
    """The network file system a ``statfs`` ``f_type`` names; None for a local one."""
    return LINUX_NETWORK_TYPES.get(magic & 0xFFFFFFFF)


def linux_type_magic(path: str) -> int:
    """``statfs(path).f_type``: the first word of ``struct statfs`` (``__fsword_t``)."""
    buffer = ctypes.create_string_buffer(512)  # struct statfs is 120 bytes on 64-bit Linux
    _statfs(path, buffer)
    return ctypes.c_long.from_buffer(buffer).value & 0xFFFFFFFF


# -- macOS ---------------------------------------------------------------------------

#: Offset of ``f_fstypename`` in macOS's 64-bit-inode ``struct statfs``: two 32-bit sizes,
#: five 64-bit counts, ``fsid_t`` (8), then owner, type, flags, subtype (4 each).
_MAC_TYPENAME_AT = 72
_MAC_TYPENAME_SIZE = 16


def mac_type_name(path: str) -> str:
    """``statfs(path).f_fstypename`` on macOS ("apfs", "smbfs", …)."""
    buffer = ctypes.create_string_buffer(4096)  # struct statfs is 2168 bytes
    _statfs(path, buffer, names=("statfs$INODE64", "statfs"))
    raw = buffer.raw[_MAC_TYPENAME_AT : _MAC_TYPENAME_AT + _MAC_TYPENAME_SIZE]
    return raw.split(b"\0", 1)[0].decode("ascii", "replace")


def _statfs(path: str, buffer: ctypes.Array, names: tuple[str, ...] = ("statfs",)) -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    for name in names:  # (Intel Macs name the 64-bit-inode statfs apart)
        try:
            function = libc[name]
            break
        except AttributeError:
            continue
    else:
        raise OSError(f"no {names[-1]} in the C library")
    function.argtypes = (ctypes.c_char_p, ctypes.c_void_p)
    function.restype = ctypes.c_int
    if function(os.fsencode(path), buffer) != 0:
        number = ctypes.get_errno()
        raise OSError(number, os.strerror(number), path)


# -- Windows -------------------------------------------------------------------------


def unc_share(path: str) -> str | None:
    """``\\\\server\\share`` if ``path`` is a UNC path (``\\\\?\\UNC\\…`` too); None otherwise."""
    if path.replace("/", "\\")[:8].upper() == "\\\\?\\UNC\\":  # (Python reads only "UNC")
        path = "\\\\" + path[8:]
    drive = PureWindowsPath(path).drive
    if drive.startswith(("\\\\?\\", "\\\\.\\")):  # a device path of a drive letter
        return None
    return drive if drive.startswith("\\\\") else None


def drive_letter(path: str) -> str | None:
    """``Z:`` for ``Z:\\…`` (or ``\\\\?\\Z:\\…``); None for a UNC or relative path."""
    drive = PureWindowsPath(path).drive
    if drive.startswith(("\\\\?\\", "\\\\.\\")):
        drive = drive[4:]
    return drive.upper() if len(drive) == 2 and drive[1] == ":" else None


def _windows_location(path: str) -> str | None:
    # The path as given and with its links followed (a folder linked to a share, a mapped
    # drive that realpath spells as its UNC name): either on a share is on a share.
    for spelling in dict.fromkeys((path, os.path.realpath(path))):
        share = unc_share(spelling)
        if share is not None:
            return share
        letter = drive_letter(spelling)
        if letter is not None and _drive_type(letter + "\\") == _DRIVE_REMOTE:
            return f"the network drive {letter}"
    return None


def _drive_type(root: str) -> int:
    if sys.platform != "win32":
        raise OSError("GetDriveTypeW is Windows'")
    return ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root))

"""One EventDesk at a time on a database file.

SQLite would let two programs write the same file, but two people editing
the same meeting in two windows would overwrite each other's work. So the
program that opens a database holds a lock for as long as it has it open: the
operating system's own lock on the file ``office.sqlite3.lock`` beside it
(``msvcrt.locking`` on Windows, ``flock`` elsewhere). The system lets go of it
when the program ends in any way, a crash or a kill included, so a lock is
never stale, and no program has to ask whether another still lives: on
Windows, "signal 0" to another process can end it (cpython#58689), and
process numbers are reused anyway.

The lock file's text says who holds it (user, computer, process, since when),
for the message the next one gets; the text alone keeps no one out. A team
database on a network share (issue 23) can read the same record with
:func:`read_holder` to say which PC has the file and since when.

Why the standard library rather than ``filelock`` or ``portalocker``: both
lock the file's first bytes, and a Windows lock is mandatory (a read of a
locked byte fails), so the holder's record would need a second file and its
own race. Here one byte far past the record is locked (SQLite does the same
with its "pending byte"), and the record stays readable everywhere.
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import json
import os
import socket
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from eventdesk.store import disk
from eventdesk.store.errors import DiskFull, ReadOnlyLocation, StoreError

#: The byte locked: past any record's text, so Windows lets others read the text.
LOCKED_BYTE = 1 << 30
_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation


@dataclass(frozen=True)
class Holder:
    user: str
    host: str
    pid: int
    since: str

    def describe(self) -> str:
        return f"{self.user} on {self.host} (process {self.pid}, since {self.since})"


class DatabaseLocked(StoreError):
    def __init__(self, path: Path, holder: Holder | None):
        self.holder = holder
        super().__init__(
            f"{path} is open in another EventDesk: {self.who}. "
            "Close it there, or open the file read-only."
        )

    @property
    def who(self) -> str:
        """Who holds the file, as far as its lock file says."""
        return self.holder.describe() if self.holder else "it did not say who"


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def _me() -> Holder:
    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment (services, containers)
        user = "unknown user"
    now = datetime.now().isoformat("T", "seconds")
    return Holder(user, socket.gethostname(), os.getpid(), now)


def read_holder(db_path: Path) -> Holder | None:
    """Who the lock file beside ``db_path`` names (None: no file, or no readable record)."""
    try:
        data = json.loads(lock_path(db_path).read_text(encoding="utf-8"))
        return Holder(str(data["user"]), str(data["host"]), int(data["pid"]), str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _try_lock(fd: int) -> bool:
    """Take the system's lock on ``fd`` without waiting; False if another program has it.

    Any other failure (a file system that keeps no locks) is raised.
    """
    if os.name == "nt":
        import msvcrt

        os.lseek(fd, LOCKED_BYTE, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EDEADLOCK):
                return False
            raise
        return True
    import fcntl

    # flock, not lockf: an fcntl lock is the process's and goes when the process
    # closes any descriptor of the file; flock's stays with this descriptor.
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if os.name == "nt":
        import msvcrt

        os.lseek(fd, LOCKED_BYTE, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


def _same_file(fd: int, path: Path) -> bool:
    """Whether ``path`` still names the file open as ``fd`` (its last holder may remove it)."""
    try:
        named = os.stat(path)
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (mine.st_dev, mine.st_ino)


#: Locks this process holds, with how many open stores share each. Opening the
#: same file twice in one process (a preview beside the editor) is not a conflict.
_HELD: dict[Path, tuple[int, int]] = {}


class FileLock:
    """The lock of one open database; ``release()`` when the database is closed."""

    def __init__(self, db_path: Path):
        self.path = lock_path(Path(os.path.abspath(db_path)))
        self.db_path = db_path
        self.held = False
        try:  # one key for every spelling of the file (a link, a mapped drive)
            self._key = self.path.resolve()
        except OSError:
            self._key = self.path

    def acquire(self) -> None:
        """Hold the lock, or raise :class:`DatabaseLocked` naming who holds it."""
        if self._key in _HELD:
            fd, count = _HELD[self._key]
            _HELD[self._key] = (fd, count + 1)
            self.held = True
            return
        for _ in range(3):  # a holder closing meanwhile removes the file we opened
            fd = self._open()
            try:
                locked = _try_lock(fd)
            except OSError as exc:
                os.close(fd)
                raise ReadOnlyLocation(
                    f"The folder of {self.db_path} keeps no file locks ({exc.strerror}). "
                    "Open it read-only (--read-only), or copy it to this computer."
                ) from None
            if not locked:
                os.close(fd)
                holder = read_holder(self.db_path)
                if holder is None and not self.path.exists():
                    continue
                raise DatabaseLocked(self.db_path, holder)
            if os.name != "nt" and not _same_file(fd, self.path):  # (Windows removes no open file)
                os.close(fd)
                continue
            try:
                self._write_record(fd)
            except OSError as exc:  # no room for its few bytes: a lock naming no one is no lock
                self._let_go(fd)
                reason = disk.full_because(exc, self.db_path)
                if reason:
                    raise DiskFull(self.db_path, reason) from None
                raise
            _HELD[self._key] = (fd, 1)
            self.held = True
            return
        raise StoreError(f"Could not lock {self.db_path}: its lock file keeps changing.")

    def _open(self) -> int:
        try:
            return os.open(self.path, os.O_RDWR | os.O_CREAT | _BINARY, 0o644)
        except OSError as exc:  # a read-only disk or folder
            raise ReadOnlyLocation(
                f"Cannot write the lock file beside {self.db_path} ({exc.strerror}). "
                "Open it read-only (--read-only), or copy it somewhere you can write."
            ) from None

    @staticmethod
    def _write_record(fd: int) -> None:
        record = json.dumps(asdict(_me()), ensure_ascii=False).encode("utf-8")
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, record)

    def release(self) -> None:
        if not self.held:
            return
        self.held = False
        fd, count = _HELD[self._key]
        if count > 1:
            _HELD[self._key] = (fd, count - 1)
            return
        del _HELD[self._key]
        self._let_go(fd)

    def _let_go(self, fd: int) -> None:
        """Give the system's lock up and remove the lock file."""
        if os.name == "nt":
            # Windows removes no file open elsewhere: let go first, then try to remove
            # it (a newcomer holding it by then keeps it, as it should).
            with contextlib.suppress(OSError):
                _unlock(fd)
            os.close(fd)
            with contextlib.suppress(OSError):
                self.path.unlink(missing_ok=True)
            return
        # Elsewhere remove it while still held: a newcomer that opened it meanwhile
        # sees (``_same_file``) that it locked a removed file, and tries again.
        with contextlib.suppress(OSError):  # a disk gone read-only: the record stays, harmless
            self.path.unlink(missing_ok=True)
        os.close(fd)

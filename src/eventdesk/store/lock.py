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
for the message the next one gets. On this PC the text alone keeps no one out.
A record naming another PC is different (issue 23): where the file travels
between PCs (a synced folder, a share whose locks do not reach across, a
network drive not recognised as one) the system's lock there says nothing
here, so a record of another PC is honoured until the user takes the file over
(``take_over=True``) after a question. Taking over never takes a system lock
still held: only a crashed or switched-off PC's record is replaced.

A file on a network drive takes no lock at all: it is opened read-only
(:mod:`eventdesk.store.network_drive`), since SQLite cannot keep it safe there.

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
from datetime import datetime, timedelta
from pathlib import Path

from eventdesk.store import disk, network_drive
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

    def on_this_pc(self) -> bool:
        return self.host.casefold() == socket.gethostname().casefold()

    def since_words(self, now: datetime | None = None) -> str:
        """Since when, in words: "since 10:42 (2 hours ago)", with the date if not today."""
        return since_words(self.since, now)


def since_words(since: str, now: datetime | None = None) -> str:
    """When a lock was taken, in the reader's local time, and how long ago."""
    try:
        start = datetime.fromisoformat(since)
    except ValueError:
        return f"since {since}"
    if start.tzinfo is not None:  # (records before issue 23 have the holder's local time)
        start = start.astimezone()
        now = (now or datetime.now()).astimezone()
    else:
        now = (now or datetime.now()).replace(tzinfo=None)
    clock = start.strftime("%H:%M" if start.date() == now.date() else "%Y-%m-%d %H:%M")
    ago = now - start
    if ago < timedelta(0):  # the two PCs' clocks disagree: no "ago" rather than a wrong one
        return f"since {clock}"
    if ago < timedelta(minutes=1):
        return f"since {clock} (less than a minute ago)"
    from babel.dates import format_timedelta

    return f"since {clock} ({format_timedelta(ago, locale='en')} ago)"


class DatabaseLocked(StoreError):
    #: Whether ``take_over=True`` would open it: never while a program holds the system's lock.
    can_take_over = False

    def __init__(self, path: Path, holder: Holder | None, message: str | None = None):
        self.holder = holder
        super().__init__(
            message
            or f"{path} is open in another EventDesk: {self.who}. "
            "Close it there, or open the file read-only."
        )

    @property
    def who(self) -> str:
        """Who holds the file, as far as its lock file says."""
        return self.holder.describe() if self.holder else "it did not say who"


class HeldOnAnotherPC(DatabaseLocked):
    """The lock's record names another PC.

    ``in_use``: a program holds the system's lock right now (through a share
    whose server keeps locks between PCs), and nothing may take it. Otherwise
    the record is all there is: that PC crashed or was switched off, or its
    lock does not reach this PC; the user may take the file over.
    """

    def __init__(self, path: Path, holder: Holder, *, in_use: bool):
        self.can_take_over = not in_use
        where = f"on {holder.host} by {holder.user} {holder.since_words()}"
        #: Which PC, who and since when, in one clause (a reading command's note).
        self.headline = f"{path.name} is {'in use right now' if in_use else 'being edited'} {where}"
        if in_use:
            message = (
                f"{path.name} is in use right now {where}; it cannot be taken over while "
                f"EventDesk has it open there. Close it on {holder.host}, or open it read-only."
            )
        else:
            message = (
                f"{path.name} is being edited {where}. If EventDesk is no longer running "
                f"there (that PC crashed or was switched off), you can take it over: edits "
                f"not yet saved on {holder.host} may be lost. Or open it read-only."
            )
        super().__init__(path, holder, message)


def refusal(path: Path, holder: Holder | None) -> DatabaseLocked:
    """The refusal when a program holds the system's lock, naming the PC if it is another."""
    if holder is not None and not holder.on_this_pc():
        return HeldOnAnotherPC(path, holder, in_use=True)
    return DatabaseLocked(path, holder)


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def _me() -> Holder:
    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment (services, containers)
        user = "unknown user"
    # With its offset from UTC, so another PC (another time zone) reads the same moment.
    now = datetime.now().astimezone().isoformat("T", "seconds")
    return Holder(user, socket.gethostname(), os.getpid(), now)


def read_holder(db_path: Path) -> Holder | None:
    """Who the lock file beside ``db_path`` names (None: no file, or no readable record)."""
    try:
        return _holder(lock_path(db_path).read_bytes())
    except OSError:
        return None


def _holder(record: bytes) -> Holder | None:
    try:
        data = json.loads(record.decode("utf-8"))
        return Holder(str(data["user"]), str(data["host"]), int(data["pid"]), str(data["since"]))
    except (ValueError, KeyError, TypeError):
        return None


def _holder_in(fd: int) -> Holder | None:
    """The record in the lock file open as ``fd`` (read while holding its lock: no race)."""
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        return _holder(os.read(fd, 64 * 1024))
    except OSError:
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

    def acquire(self, *, take_over: bool = False) -> None:
        """Hold the lock, or raise :class:`DatabaseLocked` naming who holds it.

        A record left by another PC refuses too (:class:`HeldOnAnotherPC`),
        unless ``take_over``. A file on a network drive raises
        :class:`~eventdesk.store.network_drive.OnNetworkDrive` and gets no lock file.
        """
        if self._key in _HELD:
            fd, count = _HELD[self._key]
            _HELD[self._key] = (fd, count + 1)
            self.held = True
            return
        network_drive.refuse_writing(self.db_path)  # every writer locks first: one gate
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
                raise refusal(self.db_path, holder)
            if os.name != "nt" and not _same_file(fd, self.path):  # (Windows removes no open file)
                os.close(fd)
                continue
            left = _holder_in(fd)
            if left is not None and not left.on_this_pc() and not take_over:
                _unlock(fd)  # its record stays, naming that PC, for the next one to read
                os.close(fd)
                raise HeldOnAnotherPC(self.db_path, left, in_use=False)
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

    def taken_by(self) -> Holder | None:
        """Who holds the lock file now when it is no longer this program: another PC took
        the file over (its question answered), or the file was removed by hand and another
        EventDesk locked it since. None while it is still ours, or names no one."""
        if not self.held:
            return None
        holder = read_holder(self.db_path)
        if holder is None:
            return None
        if holder.on_this_pc() and holder.pid == os.getpid():
            return None
        return holder

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
        taken = self.taken_by()
        self.held = False
        fd, count = _HELD[self._key]
        if count > 1:
            _HELD[self._key] = (fd, count - 1)
            return
        del _HELD[self._key]
        if taken is not None:  # the file names its new holder: theirs to remove, not ours
            with contextlib.suppress(OSError):
                _unlock(fd)
            os.close(fd)
            return
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

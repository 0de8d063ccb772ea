"""One EventDesk at a time on a database file.

SQLite would let two programs write the same file, but two people editing
the same meeting in two windows would overwrite each other's work. A small
lock file beside the database names who holds it (user, computer, process,
since when); a lock whose process is gone on this computer is stale and is
taken over. So is one whose process number now belongs to another program
(numbers are reused after a restart): the lock records when its process
started, and where the system says (Linux's ``/proc``), a different start
time, or a program that is not EventDesk, means the holder is gone.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from eventdesk.store import disk
from eventdesk.store.errors import DiskFull, ReadOnlyLocation, StoreError


@dataclass(frozen=True)
class Holder:
    user: str
    host: str
    pid: int
    since: str
    #: When the process started, in the system's clock ticks since boot ("" if unknown).
    started: str = ""

    def describe(self) -> str:
        return f"{self.user} on {self.host} (process {self.pid}, since {self.since})"


class DatabaseLocked(StoreError):
    def __init__(self, path: Path, holder: Holder):
        self.holder = holder
        super().__init__(
            f"{path} is open in another EventDesk: {holder.describe()}. "
            "Close it there, or open the file read-only."
        )


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def _me() -> Holder:
    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment (services, containers)
        user = "unknown user"
    return Holder(
        user,
        socket.gethostname(),
        os.getpid(),
        datetime.now().isoformat("T", "seconds"),
        _start_time(os.getpid()) or "",
    )


def _start_time(pid: int) -> str | None:
    """When process ``pid`` started (Linux: field 22 of /proc/PID/stat), or None if unknown."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[-1].split()
    return fields[19] if len(fields) > 19 else None


def _runs_eventdesk(pid: int) -> bool | None:
    """Whether process ``pid`` is an EventDesk (None where the system does not say)."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    return b"eventdesk" in cmdline.lower()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:  # Windows raises OSError for a pid that does not exist
        return False
    return True


def read_holder(db_path: Path) -> Holder | None:
    try:
        data = json.loads(lock_path(db_path).read_text(encoding="utf-8"))
        return Holder(
            str(data["user"]),
            str(data["host"]),
            int(data["pid"]),
            str(data["since"]),
            str(data.get("started", "")),
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return None  # an unreadable lock file is treated as stale


def is_stale(holder: Holder) -> bool:
    """The lock's process is gone, or its number now belongs to another program."""
    if holder.host != socket.gethostname():
        return False
    if not _alive(holder.pid):
        return True
    if holder.started:
        now = _start_time(holder.pid)
        return now is not None and now != holder.started
    return _runs_eventdesk(holder.pid) is False


#: Locks this process holds, with how many open stores share each. Opening the
#: same file twice in one process (a preview beside the editor) is not a conflict.
_HELD: dict[Path, int] = {}


class FileLock:
    """The lock of one open database; ``release()`` when the database is closed."""

    def __init__(self, db_path: Path):
        self.path = lock_path(db_path).resolve()
        self.db_path = db_path
        self.held = False

    def acquire(self) -> None:
        if self.path in _HELD:
            _HELD[self.path] += 1
            self.held = True
            return
        me = _me()
        for _ in range(2):
            try:
                fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                holder = read_holder(self.db_path)
                if holder is None or is_stale(holder):
                    self._remove_stale()
                    continue
                raise DatabaseLocked(self.db_path, holder) from None
            except OSError as exc:  # a read-only disk or folder
                raise ReadOnlyLocation(
                    f"Cannot write the lock file beside {self.db_path} ({exc.strerror}). "
                    "Open it read-only (--read-only), or copy it somewhere you can write."
                ) from None
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump(asdict(me), fh)
            except OSError as exc:  # no room for its few bytes: a lock naming no one is no lock
                with contextlib.suppress(OSError):
                    self.path.unlink()
                reason = disk.full_because(exc, self.db_path)
                if reason:
                    raise DiskFull(self.db_path, reason) from None
                raise
            _HELD[self.path] = 1
            self.held = True
            return
        raise StoreError(f"Could not lock {self.db_path}: the lock file keeps reappearing.")

    def _remove_stale(self) -> None:
        try:
            self.path.unlink(missing_ok=True)
        except OSError as exc:
            raise ReadOnlyLocation(
                f"Cannot remove the stale lock file {self.path} ({exc.strerror}). "
                "Open the database read-only (--read-only)."
            ) from None

    def release(self) -> None:
        if not self.held:
            return
        self.held = False
        _HELD[self.path] -= 1
        if _HELD[self.path] == 0:
            del _HELD[self.path]
            # on a disk gone read-only the lock stays, and is recovered as stale later
            with contextlib.suppress(OSError):
                self.path.unlink(missing_ok=True)

"""One EventDesk at a time on a database file.

SQLite would let two programs write the same file, but two people editing
the same meeting in two windows would overwrite each other's work. A small
lock file beside the database names who holds it (user, computer, process,
since when); a lock whose process is gone on this computer is stale and is
taken over.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from eventdesk.store.errors import StoreError


@dataclass(frozen=True)
class Holder:
    user: str
    host: str
    pid: int
    since: str

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
    return Holder(user, socket.gethostname(), os.getpid(), datetime.now().isoformat("T", "seconds"))


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
        return Holder(str(data["user"]), str(data["host"]), int(data["pid"]), str(data["since"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        return None  # an unreadable lock file is treated as stale


def is_stale(holder: Holder) -> bool:
    return holder.host == socket.gethostname() and not _alive(holder.pid)


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
                    self.path.unlink(missing_ok=True)  # recover a stale lock
                    continue
                raise DatabaseLocked(self.db_path, holder) from None
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(asdict(me), fh)
            _HELD[self.path] = 1
            self.held = True
            return
        raise StoreError(f"Could not lock {self.db_path}: the lock file keeps reappearing.")

    def release(self) -> None:
        if not self.held:
            return
        self.held = False
        _HELD[self.path] -= 1
        if _HELD[self.path] == 0:
            del _HELD[self.path]
            self.path.unlink(missing_ok=True)

"""Files written under a name that says they are unfinished, and clearing away the dead ones.

A backup is written as ``….sqlite3.partial``, a copy of a whole database as the
target's name and ``.partial``, a restore's new file as ``….restoring``, the copy a
restore keeps of the replaced file as a ``.partial`` too; each is renamed only once it
is whole. A process killed
midway leaves one behind, and nothing else would ever remove it: the next
start of the database does (:func:`sweep`).

A file still being written must not be swept away: another EventDesk may be
backing up the same database (a read-only window, ``eventdesk backup`` while
the window is open). So a writer holds an operating-system lock on a small
file beside its partial (``….partial.lock``) for as long as it writes. The
system releases such a lock when its process ends, however it ends (a
crash, a kill, a power cut), so a lock that can be taken means its writer is
gone, with no guessing from process numbers or ages.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from eventdesk.store.errors import StoreError

#: What SQLite may leave beside a file it opened: its log, shared memory and rollback journal.
SIDE_FILES = ("-wal", "-shm", "-journal")
_LOCK = ".lock"
_UNFINISHED = re.compile(r"\.(partial|restoring)(-wal|-shm|-journal|\.lock)?$")


def restoring(db_path: Path) -> Path:
    """Where a restore writes the new file before the rename that puts it in place."""
    return db_path.with_name(db_path.name + ".restoring")


def copying(db_path: Path) -> Path:
    """Where a whole-database copy (``store/copying.py``) builds the file it puts at ``db_path``."""
    return db_path.with_name(db_path.name + ".partial")


def _lock_file(path: Path) -> Path:
    return path.with_name(path.name + _LOCK)


def _try_lock(fh: IO[bytes]) -> bool:
    """Take the lock of the open file ``fh`` without waiting; False if another process holds it."""
    try:
        if os.name == "nt":
            import msvcrt

            fh.seek(0)
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _take(path: Path) -> IO[bytes] | None:
    """The open, locked lock file of ``path``, or None while another process writes ``path``.

    The lock file may be removed by the one who held it just as we open it:
    the lock is ours only if the name still leads to the file we locked.
    """
    lock = _lock_file(path)
    for _ in range(5):
        fh = open(lock, "a+b")  # noqa: SIM115 - held open for as long as the lock is held
        if not _try_lock(fh):
            fh.close()
            return None
        try:
            same = os.path.samestat(os.fstat(fh.fileno()), os.stat(lock))
        except OSError:
            same = False
        if same:
            return fh
        fh.close()
    return None


def _release(path: Path, fh: IO[bytes]) -> None:
    """Give the lock up and remove its file (closed first: Windows removes no open file)."""
    fh.close()
    with contextlib.suppress(OSError):
        _lock_file(path).unlink(missing_ok=True)


@contextlib.contextmanager
def writing(path: Path) -> Iterator[None]:
    """Mark ``path`` as being written by this process until the block ends.

    Raises :class:`StoreError` if a live process is writing it already (two
    backups given the same name); the lock file's own failure (a full disk)
    goes on as :class:`OSError`, which every caller turns into its words.
    """
    fh = _take(path)
    if fh is None:
        raise StoreError(f"{path.name} is being written by another EventDesk; try again later.")
    try:
        yield
    finally:
        _release(path, fh)


def discard(path: Path) -> None:
    """Remove ``path`` and whatever SQLite left beside it (a failure to remove is left alone)."""
    for name in (path.name, *(path.name + side for side in SIDE_FILES)):
        with contextlib.suppress(OSError):
            path.with_name(name).unlink(missing_ok=True)


def sweep(folder: Path, belongs: Callable[[str], bool]) -> list[Path]:
    """Remove the unfinished files in ``folder`` no live process is writing; return them.

    ``belongs(name)`` says whether an unfinished file (its name without the
    ``.partial``/``.restoring`` ending's side files) is this database's to sweep.
    """
    if not folder.is_dir():
        return []
    found = set()
    for entry in folder.iterdir():
        match = _UNFINISHED.search(entry.name)
        if match is not None:
            base = entry.name[: len(entry.name) - len(match.group(2) or "")]
            if belongs(base):
                found.add(folder / base)
    removed = []
    for path in sorted(found):
        try:
            fh = _take(path)
        except OSError:  # a folder that cannot be written: nothing can be removed either
            continue
        if fh is None:
            continue  # being written right now
        try:
            if path.exists():
                removed.append(path)
            discard(path)
        finally:
            _release(path, fh)
    return removed

"""Telling a full disk from a damaged file.

SQLite says "disk I/O error" both when a disk has failed and when it has no
room for the small files it makes beside a database (``-shm``, ``-wal``);
the operating system says "No space left on device". A full disk must not
be reported as damage, nor stop anyone from reading: these say which it is.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

#: Below this much free space SQLite cannot make its ``-shm`` and ``-wal`` files: a disk
#: I/O error there is taken for a full disk (they need 32 KiB and a few pages).
FULL_BELOW = 1 << 20

_FULL_ERRNOS = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}


def is_full(path: Path) -> bool:
    """Whether the disk holding ``path`` has (almost) no room left."""
    try:
        return shutil.disk_usage(path.parent).free < FULL_BELOW
    except OSError:
        return False


def full_because(exc: BaseException, path: Path) -> str | None:
    """The reason to give if ``exc`` came of a full disk (for ``path``), else None."""
    if isinstance(exc, OSError) and exc.errno in _FULL_ERRNOS:
        return exc.strerror or "no space left"
    if isinstance(exc, sqlite3.Error):
        text = str(exc)
        if "disk is full" in text:
            return "no space left on the device"
        if "disk I/O error" in text and is_full(path):
            return f"less than {FULL_BELOW // 1024} KiB free"
    return None

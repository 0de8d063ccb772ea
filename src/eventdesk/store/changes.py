"""Others' saves, told to an open window (issue 23, item 4: lists show them within two seconds).

A listener is what the window asks, on a timer, what others changed since it last asked:
:meth:`ChangeListener.poll` never waits, and gives :class:`ChangeNotice`\\ s, each a kind of record
and its id (or None: any of that kind). The clerk's own saves are not among them; the
window refreshes after those itself.

- A team database tells each change as it commits (``engines/postgres_changes.py``, a
  trigger, so psql's changes too), heard on a connection and thread of the listener's own
  (``engines/postgres_listener.py``).
- A file has one writer at a time; the others have it open read-only. For them the listener
  asks SQLite's ``PRAGMA data_version`` once a second: it moves when another connection
  committed, never for this one's own writes, and reads no page, so it costs next to nothing.
  It cannot say what changed, so it tells every kind. (Chosen over doing nothing because a
  clerk who got the file read-only would otherwise look at a stale list all day; a worker of
  this window's own, such as a re-index, counts as another connection and costs one refresh
  a second while it runs.)
- In memory there is no one else: :class:`Silent`.

No psycopg here: a file's window never imports it.
"""

from __future__ import annotations

import sqlite3
from typing import Protocol

from eventdesk.store.engines import Connection
from eventdesk.store.engines.notices import KINDS, ChangeNotice

__all__ = ["KINDS", "ChangeListener", "ChangeNotice", "FileListener", "Silent"]


class ChangeListener(Protocol):
    #: Whether it tells anything at all (a window polls only one that does).
    live: bool
    #: How often the window should ask, in seconds.
    interval: float

    def poll(self) -> list[ChangeNotice]: ...

    def close(self) -> None: ...


class Silent:
    """Nothing to tell: a store no one else can change (in memory)."""

    live = False
    interval = 1.0

    def poll(self) -> list[ChangeNotice]:
        return []

    def close(self) -> None:
        pass


class FileListener:
    """Another connection's commits to a SQLite file, by ``PRAGMA data_version``."""

    live = True
    interval = 1.0

    def __init__(self, conn: Connection):
        self._conn = conn
        self._version = self._data_version()

    def _data_version(self) -> int | None:
        try:
            return self._conn.execute("PRAGMA data_version").scalar()
        except sqlite3.Error:  # closed, or busy: ask again next time
            return None

    def poll(self) -> list[ChangeNotice]:
        if self._conn is None:
            return []
        version = self._data_version()
        if version is None or version == self._version:
            return []
        changed = self._version is not None
        self._version = version
        return [ChangeNotice(kind, None) for kind in KINDS] if changed else []

    def close(self) -> None:
        self._conn = None  # type: ignore[assignment]

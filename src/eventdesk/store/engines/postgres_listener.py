"""Listening for the team database's notifications of changes (``postgres_changes.py``).

The listener has a connection of its own, on a thread of its own: the store's connection is
busy with the clerk's work, and a wait for the server must never hold the window. The thread
waits on the socket a quarter of a second at a time (psycopg's ``notifies(timeout=…)``), so it
sees a notification as soon as it arrives and a request to stop within that quarter; what it
hears it queues, and :meth:`PostgresListener.poll` (the window's timer) takes the queue
without waiting. Nothing else crosses threads.

A lost connection (the server restarted, the network gone) is retried quietly, waiting a
little longer each time up to :data:`RETRY_MAX` seconds; once back, the listener tells
everything changed (``ChangeNotice(kind, None)`` for each kind), since what was sent meanwhile is
lost. The store's own connection reconnects on its own (``postgres.py``); this one never
raises into the window.
"""

from __future__ import annotations

import contextlib
import queue
import threading
from collections.abc import Callable

import psycopg

from eventdesk.store.engines.notices import KINDS, ChangeNotice
from eventdesk.store.engines.postgres_changes import CHANNEL

#: How long one wait on the socket lasts: the most a stop waits for the thread.
WAIT = 0.25
#: Seconds between attempts to reach a lost server: the first, and the most.
RETRY_FIRST = 0.5
RETRY_MAX = 5.0
#: The most :meth:`PostgresListener.close` waits for the thread.
CLOSE_WAIT = 1.0
#: Seconds a connection attempt waits for a server that does not answer.
CONNECT_TIMEOUT = 5
#: The most a clerk's listener remembers before the window takes it (a flood: it then tells
#: every kind changed instead).
QUEUE_MAX = 10_000


class PostgresListener:
    """Hears the team database's changes on a connection and thread of its own."""

    #: Changes arrive as they happen: the window may poll often.
    live = True
    #: How often the window asks, in seconds: a poll only takes a queue, so it may be often.
    interval = 0.1

    def __init__(self, conninfo: str, own_pid: Callable[[], int | None]):
        """``own_pid``: the server process of the store's own connection, whose changes
        (this clerk's saves) are not told back; asked at each poll, since it changes when the
        store's connection is made again."""
        self._conninfo = conninfo
        self._own_pid = own_pid
        self._heard: queue.SimpleQueue[tuple[int, str]] = queue.SimpleQueue()
        self._stop = threading.Event()
        #: Set while the listener's connection is up and listening.
        self.listening = threading.Event()
        #: How many times the connection was lost and made again.
        self.reconnections = 0
        self._thread = threading.Thread(target=self._run, name="eventdesk-listener", daemon=True)
        self._thread.start()

    def poll(self) -> list[ChangeNotice]:
        """The changes heard since the last poll, others' only, without waiting (none once
        closed: the store they were about is gone)."""
        if self._stop.is_set():
            return []
        own = self._own_pid()
        changes: list[ChangeNotice] = []
        seen: set[ChangeNotice] = set()
        while True:
            try:
                pid, payload = self._heard.get_nowait()
            except queue.Empty:
                break
            if own is not None and pid == own:
                continue
            for change in _changes(payload):
                if change not in seen:
                    seen.add(change)
                    changes.append(change)
        return changes

    def wait_listening(self, timeout: float) -> bool:
        """Until the listener's connection listens (tests, and a window that wants to know)."""
        return self.listening.wait(timeout)

    def close(self) -> None:
        """Stop the thread and close its connection. Returns once both are done, within
        :data:`WAIT`; if the thread is in the middle of reaching a server that does not
        answer, it returns after :data:`CLOSE_WAIT` all the same (the window is never held),
        and the thread ends by itself when that attempt gives up."""
        self._stop.set()
        if self._thread is not threading.current_thread():
            self._thread.join(CLOSE_WAIT)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    # -- the thread ---------------------------------------------------------------

    def _run(self) -> None:
        delay = RETRY_FIRST
        first = True
        while not self._stop.is_set():
            try:
                with psycopg.connect(
                    self._conninfo,
                    autocommit=True,
                    connect_timeout=CONNECT_TIMEOUT,
                    application_name="EventDesk listener",
                ) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    if not first:  # what was sent while it was away is lost
                        self.reconnections += 1
                        self._heard.put((0, "*"))
                    first = False
                    delay = RETRY_FIRST
                    self.listening.set()
                    self._listen(conn)
            except psycopg.Error:
                pass  # the server is away: try again, quietly
            finally:
                self.listening.clear()
            self._stop.wait(delay)
            delay = min(delay * 2, RETRY_MAX)

    def _listen(self, conn: psycopg.Connection) -> None:
        while not self._stop.is_set():
            for heard in conn.notifies(timeout=WAIT):
                if self._heard.qsize() >= QUEUE_MAX:  # the window is not taking them
                    with contextlib.suppress(queue.Empty):
                        while True:
                            self._heard.get_nowait()
                    self._heard.put((0, "*"))
                self._heard.put((heard.pid, heard.payload))
                if self._stop.is_set():
                    return


def _changes(payload: str) -> list[ChangeNotice]:
    """``meeting 12`` → that meeting; ``meeting *`` → any meeting; ``*`` → anything."""
    if payload == "*":
        return [ChangeNotice(kind, None) for kind in KINDS]
    kind, _, named = payload.partition(" ")
    if kind not in KINDS:
        return []
    return [ChangeNotice(kind, int(named) if named.isdigit() else None)]

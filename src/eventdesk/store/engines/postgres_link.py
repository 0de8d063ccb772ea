"""One psycopg connection to a team database that is opened again after the server went away.

A team database's server is restarted now and then (an update, the office's IT, a power cut
of the server room), and every connection open to it ends. EventDesk must not end with it:
:class:`Link` keeps the address and the options it was opened with, says whether an error
means the connection is gone (:meth:`Link.lost`), and opens a fresh one when asked
(:meth:`Link.reopen`), at most once every ``RETRY_EVERY`` seconds while the server does not
answer, so a clerk typing in the search box is not held up by a wait on the network at every
keystroke. Listeners are told when the server stops answering and when it answers again (the
window's banner); they are called in the thread that found out.

The store's connection (``engines/postgres.py``) is built on it; so can another connection of
the same program, such as one that listens for others' saves (LISTEN/NOTIFY), giving
``on_open`` to run its ``LISTEN`` again on every fresh connection::

    link = Link(address, on_open=lambda conn: conn.execute("LISTEN eventdesk"))
    try:
        for note in link.connection().notifies(timeout=1.0):
            ...
    except psycopg.Error as exc:
        if not link.lost(exc):
            raise
        # the notes sent while it was gone are lost: reread the lists; the next
        # link.connection() opens a fresh one (ConnectionLost while the server is down)
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict

from eventdesk.store.engines.addresses import redacted
from eventdesk.store.engines.errors import ConnectionLost, PasswordRequired
from eventdesk.store.errors import DatabaseUnavailable

#: Seconds to wait for a server that does not answer at first, unless the address says otherwise.
CONNECT_TIMEOUT = 10
#: Seconds to wait for it when opening again: a window retrying must not freeze for long.
RECONNECT_TIMEOUT = 3
#: While the server does not answer, a fresh connection is tried at most once in this many
#: seconds; in between, a statement fails at once.
RETRY_EVERY = 2.0
#: A session idle this long inside a transaction is ended by the server, releasing its row
#: locks: a PC that vanished mid-save (a power cut, a cable pulled, which close no socket)
#: blocks others' saves of that record this long at most. EventDesk never waits on the clerk,
#: or on anything but its own statements, inside a transaction.
IDLE_IN_TRANSACTION = "2min"

#: libpq's options for a server that vanished without a word (switched off, a cable pulled,
#: which send no reset): a connection idle 30 s is probed every 10 s and dropped after three
#: probes unanswered, and a statement whose bytes the server has not acknowledged for 30 s
#: fails (TCP_USER_TIMEOUT; ignored where the system has none, as on Windows), rather than
#: the quarter of an hour the system's own retransmissions take. A query the server is busy
#: with is not cut short. An address that names any of them keeps its own.
DEAD_SERVER = {
    "keepalives": 1,
    "keepalives_idle": 30,
    "keepalives_interval": 10,
    "keepalives_count": 3,
    "tcp_user_timeout": 30_000,
}

#: ``listener(answering, message)``.
Listener = Callable[[bool, str], None]


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def host_shown(host: str | None) -> str:
    """Where the server is, as a clerk may be told: its host name or address, or 'this PC'
    for libpq's local socket (a folder, or an abstract name starting with @)."""
    return "this PC" if not host or host.startswith(("/", "@")) else host


class Link:
    """The current psycopg connection to ``address``, and a fresh one once it is lost."""

    def __init__(
        self,
        address: str,
        *,
        autocommit: bool = True,
        on_open: Callable[[psycopg.Connection], Any] | None = None,
    ):
        self.address = redacted(address)
        try:
            self._given = conninfo_to_dict(address)
        except psycopg.ProgrammingError as exc:
            raise DatabaseUnavailable(
                f"{self.address} is not a team database address libpq can read: {first_line(exc)}"
            ) from None
        #: The server's host as a message names it (the address's, until libpq says which
        #: it reached: a service file's, or the one of several that answered).
        self.host = host_shown(str(self._given.get("host") or self._given.get("hostaddr") or ""))
        self._dsn = address
        self._autocommit = autocommit
        self._on_open = on_open
        self._listeners: list[Listener] = []
        self._answering = True
        self._tried = 0.0  # when a fresh connection was last tried and failed
        self._closed = False
        self._lock = threading.Lock()
        self._conn = self._open(first=True)
        self.host = host_shown(self._conn.info.host)

    # -- what users of a link call ------------------------------------------------------

    def connection(self, *, reopen: bool = True) -> psycopg.Connection:
        """The connection, opened again first if the last one was lost (``ConnectionLost``
        while the server does not answer, or at once when not to ``reopen``: inside a
        transaction, whose statements must not go on on another connection)."""
        if self._conn.closed and not self._closed:
            if not reopen:
                raise ConnectionLost(self.host, "the connection was lost in a transaction")
            self.reopen()
        return self._conn

    def lost(self, exc: BaseException) -> bool:
        """Whether ``exc`` (raised by a statement on this link) means the connection is gone:
        a restart, a server stopped, the network; not a bad statement."""
        return isinstance(exc, psycopg.OperationalError) and (
            self._conn.closed or self._conn.broken
        )

    def gone(self, exc: BaseException) -> ConnectionLost:
        """The :class:`ConnectionLost` for ``exc``, the broken connection closed: the next
        use opens a fresh one (listeners are told if that fails)."""
        self._conn.close()
        return ConnectionLost(self.host, first_line(exc))

    def reopen(self) -> None:
        """A fresh connection in place of the lost one, or ``ConnectionLost`` if the server
        still does not answer (tried at most once in ``RETRY_EVERY`` seconds: in between it
        fails at once)."""
        with self._lock:
            if self._closed:
                raise ConnectionLost(self.host, "the connection was closed")
            if not self._conn.closed and not self._conn.broken:
                return  # another thread was first
            if not self._answering and time.monotonic() - self._tried < RETRY_EVERY:
                raise ConnectionLost(self.host, "still not answering")
            self._conn.close()
            try:
                self._conn = self._open(first=False)
            except DatabaseUnavailable as exc:
                self._tried = time.monotonic()
                self._tell(answering=False)
                raise ConnectionLost(self.host, str(exc)) from None
        self._tell(answering=True)

    @property
    def given(self) -> str:
        """The address as it was given, password included: for another connection of the
        same clerk (the change listener, ``postgres_listener.py``). Never shown or kept."""
        return self._dsn

    @property
    def answering(self) -> bool:
        """False from a lost connection until a fresh one is opened."""
        return self._answering

    def listen(self, listener: Listener) -> None:
        """Call ``listener(answering, message)`` each time the server stops answering and each
        time it answers again."""
        self._listeners.append(listener)

    def close(self) -> None:
        self._closed = True
        self._conn.close()

    # -- inside -----------------------------------------------------------------------

    def _open(self, *, first: bool) -> psycopg.Connection:
        options: dict[str, Any] = {"autocommit": self._autocommit}
        if "connect_timeout" not in self._given:
            options["connect_timeout"] = CONNECT_TIMEOUT if first else RECONNECT_TIMEOUT
        options |= {key: value for key, value in DEAD_SERVER.items() if key not in self._given}
        if "application_name" not in self._given:
            options["application_name"] = "EventDesk"
        try:
            conn = psycopg.connect(self._dsn, **options)
        except psycopg.Error as exc:
            reason = first_line(exc).removeprefix("connection failed: ")
            if "no password supplied" in reason or "password authentication failed" in reason:
                raise PasswordRequired(
                    f"The team database {self.address} asks for a password: {reason}"
                ) from None
            raise DatabaseUnavailable(
                f"Cannot reach the team database {self.address}: {reason}"
            ) from None
        try:
            conn.execute(f"SET idle_in_transaction_session_timeout = '{IDLE_IN_TRANSACTION}'")
            if not self._autocommit:
                conn.commit()
            if self._on_open is not None:
                self._on_open(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    def _tell(self, *, answering: bool) -> None:
        if answering == self._answering:
            return
        self._answering = answering
        if answering:
            message = f"The team database on {self.host} answers again."
        else:
            message = str(ConnectionLost(self.host, ""))
        for listener in list(self._listeners):
            listener(answering, message)

"""``store.changes``: what other clerks changed, for the window's lists (``store/changes.py``)."""

from __future__ import annotations

from eventdesk.store import history
from eventdesk.store.changes import ChangeListener, FileListener, Silent
from eventdesk.store.errors import moment
from eventdesk.store.services.base import Service

#: What the last line of a record's history did, as a clerk is told it.
_DONE = {
    history.DELETED: "moved this {kind} to the trash",
    history.RESTORED: "restored this {kind} from the trash",
}


class ChangeService(Service):
    """One listener per store, started by :meth:`listen` and stopped when the store closes."""

    _listener: ChangeListener | None = None

    def listen(self) -> ChangeListener:
        """The store's listener, started on first call: poll it for others' changes."""
        if self._listener is None:
            self._listener = self._start()
        return self._listener

    def _start(self) -> ChangeListener:
        conn = self._store.connection
        if conn.engine == "postgresql":
            from eventdesk.store.engines.postgres_listener import PostgresListener

            return PostgresListener(conn.conninfo(), lambda: _pid_of(conn))  # type: ignore[attr-defined]
        if self._store.path is None:
            return Silent()
        return FileListener(conn)

    def told(self, kind: str, record_id: int) -> str:
        """What an editor showing the record says once another clerk changed it: 'liwei
        saved this meeting at 10:42, after you opened it.' (who and when from its history)."""
        lines = history.of(self._store.connection, kind, record_id)
        if not lines:
            return f"Someone changed this {kind} after you opened it."
        last = lines[0]
        done = _DONE.get(last.action, "saved this {kind}").format(kind=kind)
        return f"{last.who or 'Someone'} {done} at {moment(last.at)}, after you opened it."

    def close(self) -> None:
        """Stop listening (the store is closing); waits for the listener's thread to end."""
        if self._listener is not None:
            self._listener.close()
            self._listener = None


def _pid_of(conn: object) -> int | None:
    """The server process of the store's own connection; None while it is lost."""
    try:
        return conn.backend_pid  # type: ignore[attr-defined]
    except Exception:  # closed or broken: no save of ours can be in flight
        return None

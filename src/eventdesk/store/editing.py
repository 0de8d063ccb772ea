"""Who is editing what: a clerk opening a record another clerk has unsaved edits in is told
who and since when, before either saves (issue 23, item 4).

A mark is a row of ``editing`` (``tables.EDITING``, the same on both engines): the record,
the clerk (the name their saves carry, ``versions.user_of``), their PC, since when and when
it was last seen. An editor sets it with the first unsaved edit and clears it when the edits
are saved or dropped; while they stay unsaved it refreshes ``seen`` every minute. A mark not
seen for ``STALE`` (a PC that crashed or was switched off) is no one's any more: it is not
shown, and the next mark made removes it. Plain SQL on the store's connection, each statement
committed by itself: a mark is never part of a save.

On a file, which one EventDesk writes at a time, the clerk who has it read-only sees the
marks of the one writing; on a team database every clerk sees every other's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from eventdesk.store.engines import Connection
from eventdesk.store.errors import moment

#: A mark not refreshed for this long is left by a PC that is gone.
STALE = timedelta(minutes=5)
#: How often an editor with unsaved edits refreshes its mark (well inside ``STALE``).
REFRESH = timedelta(minutes=1)


@dataclass(frozen=True)
class Mark:
    """One clerk's unsaved edits of one record."""

    who: str
    host: str
    since: datetime

    def told(self, kind: str) -> str:
        """'liwei (on PC-12) has been editing this meeting since 10:42.'"""
        return (
            f"{self.who} (on {self.host}) has been editing this {kind} since "
            f"{moment(self.since)}, without saving yet."
        )


def start(
    conn: Connection, kind: str, record_id: int, who: str, host: str, at: datetime | None = None
) -> None:
    """Mark ``record_id`` as being edited by ``who`` on ``host`` (since now, if not already);
    clear the marks gone stale."""
    stamp = _stamp(at)
    conn.execute("DELETE FROM editing WHERE seen < ?", [_stamp(_now() - STALE)])
    conn.execute(
        "INSERT INTO editing (record_type, record_id, user_name, host, since, seen) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (record_type, record_id, user_name, host) "
        "DO UPDATE SET seen = excluded.seen",
        [kind, record_id, who, host, stamp, stamp],
    )


def keep(conn: Connection, kind: str, record_id: int, who: str, host: str) -> None:
    """The edits are still there: the mark is not stale."""
    conn.execute(
        "UPDATE editing SET seen = ? WHERE record_type = ? AND record_id = ? "
        "AND user_name = ? AND host = ?",
        [_stamp(None), kind, record_id, who, host],
    )


def stop(conn: Connection, kind: str, record_id: int, who: str, host: str) -> None:
    """The edits were saved or dropped."""
    conn.execute(
        "DELETE FROM editing WHERE record_type = ? AND record_id = ? AND user_name = ? "
        "AND host = ?",
        [kind, record_id, who, host],
    )


def others(conn: Connection, kind: str, record_id: int, who: str, host: str) -> list[Mark]:
    """The marks of others on the record (not ``who`` on ``host``), the earliest first."""
    rows = conn.execute(
        "SELECT user_name, host, since FROM editing WHERE record_type = ? AND record_id = ? "
        "AND seen >= ? AND NOT (user_name = ? AND host = ?) ORDER BY since",
        [kind, record_id, _stamp(_now() - STALE), who, host],
    )
    return [Mark(user, pc, datetime.fromisoformat(since)) for user, pc, since in rows]


def _now() -> datetime:
    return datetime.now(UTC)


def _stamp(at: datetime | None) -> str:
    """UTC, ISO 8601 to the second: compared as text on both engines."""
    return (at or _now()).astimezone(UTC).isoformat(timespec="seconds")

"""The trash: what is in it (a page at a time), and removing it for good.

Deleting moves a record to the trash (``deleted_at`` set); these functions
list it without loading each record whole, and empty it: all of it when the
user asks, or what was trashed before a day (the automatic clean-up of
records older than the preference's number of days).

Removing is for good: a meeting goes with its parts (sessions, attendances,
talks, courses, decisions, files) and its search document, and any crash
draft of a removed record goes too. A person or organisation that a live
record still names (an attendance, a host, a current employer, a parent,
an alliance's member list)
stays in the trash: removing it would change that record.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventdesk.records import display_name
from eventdesk.store import meetings
from eventdesk.store.engines import Connection, ReferenceViolation, dialect

KINDS = {"meeting": "meetings", "person": "people", "organisation": "organisations"}


@dataclass(frozen=True)
class TrashRow:
    kind: str  # "meeting", "person" or "organisation"
    id: int
    label: str
    deleted_at: str


@dataclass(frozen=True)
class Emptied:
    """What emptying removed, and what it had to keep because live records name it."""

    removed: int
    kept: int


_LIST = """
    SELECT 'meeting', id, trim(coalesce(start_date, '') || '  ' ||
           coalesce(nullif(title, ''), title_zh, '')), '', '', deleted_at
    FROM meetings WHERE deleted_at IS NOT NULL
    UNION ALL
    SELECT 'person', id, family_name, coalesce(given_name, ''), name_order, deleted_at
    FROM people WHERE deleted_at IS NOT NULL
    UNION ALL
    SELECT 'organisation', id, coalesce(nullif(name, ''), name_zh, ''), '', '', deleted_at
    FROM organisations WHERE deleted_at IS NOT NULL
"""


def page(conn: Connection, *, limit: int = -1, offset: int = 0) -> list[TrashRow]:
    """Trashed records, most recently deleted first, with the label the trash shows."""
    sql = f"SELECT * FROM ({_LIST}) AS t ORDER BY 6 DESC, 1, 2 LIMIT ? OFFSET ?"
    rows = []
    for kind, rid, first, given, order, deleted_at in conn.execute(
        sql, [dialect.limit(conn, limit), offset]
    ):
        label = display_name(first, given, order) if kind == "person" else first
        rows.append(TrashRow(kind, rid, label, deleted_at))
    return rows


def count(conn: Connection) -> int:
    return conn.execute(f"SELECT count(*) FROM ({_LIST}) AS t").fetchone()[0]


def _trashed(conn: Connection, table: str, before: str | None) -> list[int]:
    """The ids of ``table``'s trashed rows (only those trashed before ``before``, if given)."""
    cutoff = " AND deleted_at < :before" if before else ""
    sql = f"SELECT id FROM {table} WHERE deleted_at IS NOT NULL{cutoff}"
    return [row[0] for row in conn.execute(sql, {"before": before}).fetchall()]


def empty(conn: Connection, before: str | None = None) -> Emptied:
    """Remove trashed records (only those trashed before ``before``, an ISO time, if given).

    Call inside a transaction. Meetings go first, so people and organisations
    only they named can go after them; then people, then organisations (a
    child before its trashed parent).
    """
    removed = kept = 0
    for mid in _trashed(conn, "meetings", before):
        meetings.purge_meeting(conn, mid)
        _drop_drafts(conn, "meeting", mid)
        removed += 1
    for pid in _trashed(conn, "people", before):
        if _remove(conn, "people", pid):
            _drop_drafts(conn, "person", pid)
            removed += 1
        else:
            kept += 1
    orgs = _trashed(conn, "organisations", before)
    while orgs:  # a removed child can free its parent: go round until nothing changes
        left = []
        for oid in orgs:
            if _remove_organisation(conn, oid):
                _drop_drafts(conn, "organisation", oid)
                removed += 1
            else:
                left.append(oid)
        if len(left) == len(orgs):
            break
        orgs = left
    kept += len(orgs)
    return Emptied(removed, kept)


def _remove(conn: Connection, table: str, record_id: int) -> bool:
    """Delete one row if nothing refers to it any more (the foreign keys say)."""
    try:
        with conn.transaction():  # a savepoint: a refused delete undoes itself alone
            conn.execute(f"DELETE FROM {table} WHERE id = ?", [record_id])
    except ReferenceViolation:
        return False
    return True


def _remove_organisation(conn: Connection, org_id: int) -> bool:
    """An alliance goes with its list of members (a live alliance listing it keeps it)."""
    try:
        with conn.transaction():
            conn.execute("DELETE FROM organisation_members WHERE alliance_id = ?", [org_id])
            conn.execute("DELETE FROM organisations WHERE id = ?", [org_id])
    except ReferenceViolation:
        return False
    return True


def _drop_drafts(conn: Connection, kind: str, record_id: int) -> None:
    if conn.engine != "sqlite":  # a team database keeps no drafts: each PC keeps its own
        return
    conn.execute("DELETE FROM drafts WHERE kind = ? AND record_id = ?", [kind, record_id])

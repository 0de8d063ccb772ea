"""The meetings of one person or organisation, a page of meetings per query.

Our own university is in every meeting: its page would list every
attendance of ten years if loaded whole. So the pages are of meetings
(newest first), each with all its rows for the party (the hosting, and each
person it sent), and one query reads a page.

Two plans pick the page, by how often the party appears:

- a party in many meetings: walk the meetings by date (the ``start_date``
  index, already in order) and keep those it is in, checked by one seek in
  ``attendances(organisation_id, meeting_id)``; a page stops after its rows;
- a party in a few: collect its meetings through that index, then sort them
  (a few hundred at most), instead of walking ten years of meetings to find them.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from eventdesk.records import display_name
from eventdesk.store.queries import AttendedRow

#: A party with at least this many attendance rows counts as busy (walk by date).
BUSY_ROWS = 1000

_ORDER = "m.start_date DESC, m.id DESC"


def _busy(db: Database, column: str, party_id: int) -> bool:
    """Whether the party has BUSY_ROWS attendances or more (counting stops there)."""
    sql = f"SELECT count(*) FROM (SELECT 1 FROM attendances WHERE {column} = ? LIMIT {BUSY_ROWS})"
    return db.execute(sql, [party_id]).fetchone()[0] >= BUSY_ROWS


def _page_sql(db: Database, column: str, party_id: int, with_hosts: bool) -> str:
    """The inner query choosing one page of meeting ids (``:party``, ``:limit``, ``:offset``)."""
    if _busy(db, column, party_id):
        hosted = (
            " OR EXISTS (SELECT 1 FROM meeting_hosts h "
            "WHERE h.meeting_id = m.id AND h.organisation_id = :party)"
            if with_hosts
            else ""
        )
        where = (
            "(EXISTS (SELECT 1 FROM attendances a "
            f"WHERE a.{column} = :party AND a.meeting_id = m.id){hosted})"
        )
        source = "meetings m"  # the planner walks idx_meetings_start_date: no sort
    else:
        hosted = (
            " UNION SELECT meeting_id FROM meeting_hosts WHERE organisation_id = :party"
            if with_hosts
            else ""
        )
        where = f"m.id IN (SELECT meeting_id FROM attendances WHERE {column} = :party{hosted})"
        source = "meetings m"
    return (
        f"SELECT m.id, m.start_date, coalesce(m.title, '') AS title FROM {source} "
        f"WHERE m.deleted_at IS NULL AND {where} "
        f"ORDER BY {_ORDER} LIMIT :limit OFFSET :offset"
    )


def _params(party_id: int, limit: int, offset: int) -> dict[str, Any]:
    return {"party": party_id, "limit": limit, "offset": offset}


def meetings_of_person(
    db: Database, person_id: int, *, limit: int = -1, offset: int = 0
) -> list[AttendedRow]:
    """The meetings the person attended, newest first; ``limit`` and ``offset`` count meetings."""
    page = _page_sql(db, "person_id", person_id, with_hosts=False)
    sql = f"""
        WITH page AS ({page})
        SELECT m.id, m.start_date, m.title, a.role, '', coalesce(a.title, '')
        FROM page m CROSS JOIN attendances a ON a.meeting_id = m.id AND a.person_id = :party
        ORDER BY {_ORDER}, a.precedence
    """
    return [AttendedRow(*row) for row in db.execute(sql, _params(person_id, limit, offset))]


def meetings_of_organisation(
    db: Database, organisation_id: int, *, limit: int = -1, offset: int = 0
) -> list[AttendedRow]:
    """Meetings the organisation hosted or sent someone to, newest first.

    Each meeting gives a row for its hosting (if it hosted) and one for each
    person it sent; ``limit`` and ``offset`` count meetings, not rows.
    """
    page = _page_sql(db, "organisation_id", organisation_id, with_hosts=True)
    sql = f"""
        WITH page AS ({page})
        SELECT m.id, m.start_date, m.title, h.role, '', '', 0, h.position
        FROM page m CROSS JOIN meeting_hosts h ON h.meeting_id = m.id AND h.organisation_id = :party
        UNION ALL
        SELECT m.id, m.start_date, m.title, a.role, p.family_name || char(31) ||
               coalesce(p.given_name, '') || char(31) || p.name_order, coalesce(a.title, ''),
               1, a.precedence
        FROM page m CROSS JOIN attendances a
            ON a.meeting_id = m.id AND a.organisation_id = :party
        JOIN people p ON p.id = a.person_id
        ORDER BY 2 DESC, 1 DESC, 7, 8
    """
    rows = []
    params = _params(organisation_id, limit, offset)
    for mid, day, title, role, packed, held, _kind, _pos in db.execute(sql, params):
        person = display_name(*packed.split("\x1f")) if packed else ""
        rows.append(AttendedRow(mid, day, title, role, person, held))
    return rows


def count_meetings_of_organisation(db: Database, organisation_id: int) -> int:
    sql = """
        SELECT count(*) FROM meetings m WHERE m.deleted_at IS NULL AND m.id IN (
            SELECT meeting_id FROM attendances WHERE organisation_id = :party
            UNION SELECT meeting_id FROM meeting_hosts WHERE organisation_id = :party)
    """
    return db.execute(sql, {"party": organisation_id}).fetchone()[0]


def count_meetings_of_person(db: Database, person_id: int) -> int:
    sql = """
        SELECT count(*) FROM meetings m WHERE m.deleted_at IS NULL AND m.id IN (
            SELECT meeting_id FROM attendances WHERE person_id = :party)
    """
    return db.execute(sql, {"party": person_id}).fetchone()[0]

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

from eventdesk.records import display_name
from eventdesk.store.engines import Connection, dialect
from eventdesk.store.queries import AttendedRow, party_meetings

#: A party with at least this many attendance rows counts as busy (walk by date).
BUSY_ROWS = 1000

_ORDER = "m.start_date DESC, m.id DESC"


def _busy(conn: Connection, column: str, party_id: int) -> bool:
    """Whether the party has BUSY_ROWS attendances or more (counting stops there)."""
    sql = (
        "SELECT count(*) FROM "
        f"(SELECT 1 FROM attendances WHERE {column} = ? LIMIT {BUSY_ROWS}) AS a"
    )
    return conn.execute(sql, [party_id]).fetchone()[0] >= BUSY_ROWS


def _in_meeting(column: str, with_hosts: bool) -> str:
    """Whether the party is in meeting ``m``: one seek per way of taking part."""
    checks = [f"SELECT 1 FROM attendances a WHERE a.{column} = :party AND a.meeting_id = m.id"]
    if with_hosts:
        checks.append(
            "SELECT 1 FROM meeting_hosts h WHERE h.meeting_id = m.id AND h.organisation_id = :party"
        )
    checks.append(
        "SELECT 1 FROM decisions d JOIN decision_parties dp ON dp.decision_id = d.id "
        f"WHERE d.meeting_id = m.id AND dp.{column} = :party"
    )
    return "(" + " OR ".join(f"EXISTS ({check})" for check in checks) + ")"


def _page_sql(conn: Connection, column: str, party_id: int, with_hosts: bool) -> str:
    """The inner query choosing one page of meeting ids (``:party``, ``:limit``, ``:offset``)."""
    if _busy(conn, column, party_id):
        # the planner walks idx_meetings_start_date: no sort
        where = _in_meeting(column, with_hosts)
    else:
        where = f"m.id IN ({' UNION '.join(party_meetings(column, with_hosts))})"
    return (
        "SELECT m.id, m.start_date, coalesce(m.title, '') AS title FROM meetings m "
        f"WHERE m.deleted_at IS NULL AND {where} "
        f"ORDER BY {_ORDER} LIMIT :limit OFFSET :offset"
    )


def _decision_rows(conn: Connection, column: str, kind: int) -> str:
    """One row per decision naming the party in a page's meetings: its kind, the party's role."""
    return f"""
        SELECT m.id, m.start_date, m.title, d.kind, '', coalesce(dp.role, ''),
               {kind}, d.position
        FROM page m {dialect.join_in_order(conn)} decisions d ON d.meeting_id = m.id
        JOIN decision_parties dp ON dp.decision_id = d.id AND dp.{column} = :party
    """


def _params(conn: Connection, party_id: int, limit: int, offset: int) -> dict[str, Any]:
    return {"party": party_id, "limit": dialect.limit(conn, limit), "offset": offset}


def meetings_of_person(
    conn: Connection, person_id: int, *, limit: int = -1, offset: int = 0
) -> list[AttendedRow]:
    """The meetings the person attended or a decision named them in, newest first.

    ``limit`` and ``offset`` count meetings.
    """
    page = _page_sql(conn, "person_id", person_id, with_hosts=False)
    sql = f"""
        WITH page AS ({page})
        SELECT m.id, m.start_date, m.title, a.role, '', coalesce(a.title, ''), 0, a.precedence
        FROM page m {dialect.join_in_order(conn)} attendances a
            ON a.meeting_id = m.id AND a.person_id = :party
        UNION ALL {_decision_rows(conn, "person_id", 1)}
        ORDER BY 2 DESC, 1 DESC, 7, 8
    """
    params = _params(conn, person_id, limit, offset)
    return [AttendedRow(*row[:6]) for row in conn.execute(sql, params)]


def meetings_of_organisation(
    conn: Connection, organisation_id: int, *, limit: int = -1, offset: int = 0
) -> list[AttendedRow]:
    """Meetings the organisation hosted, sent someone to or was a decision's party in.

    Each meeting gives a row for its hosting (if it hosted), one for each
    person it sent and one for each decision naming it; ``limit`` and
    ``offset`` count meetings, not rows.
    """
    page = _page_sql(conn, "organisation_id", organisation_id, with_hosts=True)
    sep = dialect.character(conn, 31)
    sql = f"""
        WITH page AS ({page})
        SELECT m.id, m.start_date, m.title, h.role, '', '', 0, h.position
        FROM page m {dialect.join_in_order(conn)} meeting_hosts h
            ON h.meeting_id = m.id AND h.organisation_id = :party
        UNION ALL
        SELECT m.id, m.start_date, m.title, a.role, p.family_name || {sep} ||
               coalesce(p.given_name, '') || {sep} || p.name_order, coalesce(a.title, ''),
               1, a.precedence
        FROM page m {dialect.join_in_order(conn)} attendances a
            ON a.meeting_id = m.id AND a.organisation_id = :party
        JOIN people p ON p.id = a.person_id
        UNION ALL {_decision_rows(conn, "organisation_id", 2)}
        ORDER BY 2 DESC, 1 DESC, 7, 8
    """
    rows = []
    params = _params(conn, organisation_id, limit, offset)
    for mid, day, title, role, packed, held, _kind, _pos in conn.execute(sql, params):
        person = display_name(*packed.split("\x1f")) if packed else ""
        rows.append(AttendedRow(mid, day, title, role, person, held))
    return rows


def _count(conn: Connection, column: str, party_id: int, with_hosts: bool) -> int:
    sql = (
        "SELECT count(*) FROM meetings m WHERE m.deleted_at IS NULL AND m.id IN ("
        + " UNION ".join(party_meetings(column, with_hosts))
        + ")"
    )
    return conn.execute(sql, {"party": party_id}).fetchone()[0]


def count_meetings_of_organisation(conn: Connection, organisation_id: int) -> int:
    return _count(conn, "organisation_id", organisation_id, with_hosts=True)


def count_meetings_of_person(conn: Connection, person_id: int) -> int:
    return _count(conn, "person_id", person_id, with_hosts=False)

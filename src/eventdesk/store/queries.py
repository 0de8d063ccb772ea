"""Read-only queries behind the lists: one query per page of rows, never one per row.

Each list takes the same filter object and a ``limit``/``offset`` window, so
a lazy Qt model can fetch the rows it is about to show and ask ``count_*``
for the total.

Each list picks its page in an inner query and counts related rows
(attendees, meetings) in the outer one: in a single query SQLite counts them
for every matching row before sorting, not just for the page shown.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from eventdesk.records import display_name
from eventdesk.store import fts, search_index
from eventdesk.store.chinese_variants import variants
from eventdesk.store.engines import Connection, dialect


@dataclass(frozen=True)
class MeetingFilter:
    text: str = ""
    date_from: date | None = None
    date_to: date | None = None
    organisation_id: int | None = None
    person_id: int | None = None
    series: str | None = None
    deleted: bool = False


@dataclass(frozen=True)
class MeetingRow:
    id: int
    start_date: str
    end_date: str | None
    title: str
    title_zh: str
    series: str
    format: str
    status: str
    venue: str
    attendee_count: int


@dataclass(frozen=True)
class PersonRow:
    id: int
    name: str
    name_zh: str
    title: str
    organisation: str
    email: str
    meeting_count: int


@dataclass(frozen=True)
class OrganisationRow:
    id: int
    name: str
    name_zh: str
    short_name: str
    kind: str
    city: str
    meeting_count: int


@dataclass(frozen=True)
class CourseRow:
    id: int
    year: int | None
    title: str
    title_zh: str
    programme: str
    institution: str
    teachers: str
    status: str
    meeting_id: int | None
    meeting_title: str


@dataclass(frozen=True)
class AttendedRow:
    """A meeting seen from one person or organisation: what they were there."""

    meeting_id: int
    start_date: str
    title: str
    role: str
    person: str
    title_held: str


_SEARCH_IDS = (
    f"SELECT rowid % {search_index.KEY_DAY} FROM meeting_search WHERE meeting_search MATCH :q"
)
_DATE_ORDERS = {"date": "DESC", "date_asc": "ASC"}


def _search_only(f: MeetingFilter, sort: str) -> str | None:
    """The FTS query when a list is just "these words, by date": the index's own order serves."""
    if f.deleted or f.date_from or f.date_to or f.series or f.person_id or f.organisation_id:
        return None
    if sort not in _DATE_ORDERS or not f.text.strip():
        return None
    return fts.match_expression(f.text, split_han=True)


def _meeting_where(conn: Connection, f: MeetingFilter) -> tuple[str, dict[str, Any]]:
    clauses = ["m.deleted_at IS NOT NULL" if f.deleted else "m.deleted_at IS NULL"]
    params: dict[str, Any] = {}
    match = fts.match_expression(f.text, split_han=True) if f.text.strip() else None
    if f.text.strip():
        if match is None:
            clauses.append("1 = 0")
        elif f.deleted:  # trashed meetings have no search document: their titles will do
            like = dialect.like(conn)
            clauses.append(f"(m.title {like} :like OR m.title_zh {like} :like)")
            params["like"] = f"%{f.text.strip()}%"
        elif conn.engine != "sqlite":  # the server's own index (engines/postgres_search.py)
            clauses.append(f"m.id IN ({dialect.listed(conn, ':found', numbers=True)})")
            params["found"] = json.dumps(_postgres_search().search(conn, f.text))
        else:
            clauses.append(f"m.id IN ({_SEARCH_IDS})")
            params["q"] = match
    if f.date_from:
        clauses.append("m.start_date >= :date_from")
        params["date_from"] = f.date_from.isoformat()
    if f.date_to:
        clauses.append("m.start_date <= :date_to")
        params["date_to"] = f.date_to.isoformat()
    if f.series:
        clauses.append("m.series = :series")
        params["series"] = f.series
    if f.person_id is not None:
        clauses.append("m.id IN (SELECT meeting_id FROM attendances WHERE person_id = :person)")
        params["person"] = f.person_id
    if f.organisation_id is not None:
        clauses.append(
            "(m.id IN (SELECT meeting_id FROM attendances WHERE organisation_id = :org) "
            "OR m.id IN (SELECT meeting_id FROM meeting_hosts WHERE organisation_id = :org))"
        )
        params["org"] = f.organisation_id
    return " AND ".join(clauses), params


def _postgres_search() -> Any:
    """The team database's search (imported with its driver's engine, never for a file)."""
    from eventdesk.store.engines import postgres_search

    return postgres_search


def _with_descending(sorts: dict[str, str]) -> dict[str, str]:
    """Each sort key also as ``KEY_desc``: every term of its ORDER BY reversed."""
    reverse = {"ASC": "DESC", "DESC": "ASC"}
    out = dict(sorts)
    for key, order in sorts.items():
        terms = []
        for term in _terms(order):
            words = term.split()
            if words[-1] in reverse:
                words[-1] = reverse[words[-1]]
            else:
                words.append("DESC")
            terms.append(" ".join(words))
        out[f"{key}_desc"] = ", ".join(terms)
    return out


def _terms(order: str) -> list[str]:
    """The comma-separated terms of an ORDER BY, commas inside parentheses kept."""
    terms, depth, start = [], 0, 0
    for n, char in enumerate(order):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            terms.append(order[start:n])
            start = n + 1
    return [*terms, order[start:]]


#: The orders a list can be sorted in, by key; "date" is newest first.
MEETING_SORTS = _with_descending(
    {
        "date_asc": "m.start_date ASC, m.id ASC",
        "title": "m.title COLLATE NOCASE, m.start_date DESC",
        "series": "m.series COLLATE NOCASE, m.start_date DESC",
        "format": "m.format, m.start_date DESC",
    }
)
MEETING_SORTS["date"] = MEETING_SORTS["date_asc_desc"]
PEOPLE_SORTS = _with_descending(
    {
        "name": "x.family_name COLLATE NOCASE, x.given_name COLLATE NOCASE, x.id",
        "name_zh": "x.name_zh, x.family_name COLLATE NOCASE, x.id",
        "title": "x.title COLLATE NOCASE, x.family_name COLLATE NOCASE, x.id",
        "organisation": "org_name COLLATE NOCASE, x.family_name COLLATE NOCASE, x.id",
        "email": "x.email COLLATE NOCASE, x.id",
    }
)
ORGANISATION_SORTS = _with_descending(
    {
        "name": "coalesce(nullif(x.name, ''), x.name_zh) COLLATE NOCASE, x.id",
        "name_zh": "x.name_zh, x.id",
        "short_name": "x.short_name COLLATE NOCASE, x.id",
        "kind": "x.kind, coalesce(nullif(x.name, ''), x.name_zh) COLLATE NOCASE, x.id",
        "city": "x.city COLLATE NOCASE, coalesce(nullif(x.name, ''), x.name_zh) COLLATE NOCASE",
    }
)
COURSE_SORTS = _with_descending(
    {
        "year": "x.year, x.title COLLATE NOCASE, x.id",
        "title": "x.title COLLATE NOCASE, x.year DESC, x.id",
        "programme": "x.programme COLLATE NOCASE, x.year DESC, x.id",
        "institution": "coalesce(nullif(o.name, ''), o.name_zh, '') COLLATE NOCASE, "
        "x.year DESC, x.id",
        "status": "x.status, x.year DESC, x.id",
    }
)


def party_meetings(column: str, with_hosts: bool, party: str = ":party") -> list[str]:
    """Queries of the meeting ids a party is in: by attending, hosting, or a decision naming it.

    A university named only as a party to an agreement, or a person only
    elected, was in that meeting too: their pages and the lists' Meetings
    column count it. ``party`` is a parameter or the outer row's id column.
    """
    sources = [f"SELECT meeting_id FROM attendances WHERE {column} = {party}"]
    if with_hosts:
        sources.append(f"SELECT meeting_id FROM meeting_hosts WHERE organisation_id = {party}")
    sources.append(
        "SELECT d.meeting_id FROM decision_parties dp JOIN decisions d ON d.id = dp.decision_id "
        f"WHERE dp.{column} = {party}"
    )
    return sources


def _meeting_count(column: str, with_hosts: bool) -> str:
    """The live meetings row ``x`` took part in, as its page counts them."""
    ids = " UNION ".join(party_meetings(column, with_hosts, "x.id"))
    return f"(SELECT count(*) FROM meetings m WHERE m.deleted_at IS NULL AND m.id IN ({ids}))"


def _page(
    conn: Connection,
    rows: str,
    columns: str,
    where: str,
    sort: str,
    params: dict[str, Any],
    limit: int,
    offset: int,
    alias: str = "x",
) -> list[tuple]:
    """One page of ``rows`` (a table or a subquery, named ``alias``) where ``where`` holds,
    ordered by ``sort``, as ``columns``.

    The page is chosen first, in an inner query, and ``columns`` counted for its
    rows alone in the outer one (see the module's docstring).
    """
    order = dialect.order_by(conn, sort)
    sql = f"""
        SELECT {columns}
        FROM (SELECT {alias}.* FROM {rows} {alias} WHERE {where}
              ORDER BY {order} LIMIT :limit OFFSET :offset) {alias}
        ORDER BY {order}
    """
    params.update(limit=dialect.limit(conn, limit), offset=offset)
    return conn.execute(sql, params).fetchall()


def list_meetings(
    conn: Connection, f: MeetingFilter, *, sort: str = "date", limit: int = -1, offset: int = 0
) -> list[MeetingRow]:
    columns = """m.id, m.start_date, m.end_date, coalesce(m.title, ''), coalesce(m.title_zh, ''),
               coalesce(m.series, ''), m.format, m.status, coalesce(m.venue, ''),
               (SELECT count(*) FROM attendances a WHERE a.meeting_id = m.id)"""
    match = _search_only(f, sort)
    if match is not None and conn.engine != "sqlite" and sort == "date":
        # The server's index hands the page over newest first, as the file's does.
        ids = _postgres_search().search(
            conn, f.text, limit=dialect.limit(conn, limit), offset=offset
        )
        sql = f"""
            SELECT {columns} FROM meetings m
            WHERE m.id IN ({dialect.listed(conn, numbers=True)})
            ORDER BY {dialect.order_by(conn, MEETING_SORTS[sort])}
        """
        return [MeetingRow(*row) for row in conn.execute(sql, [json.dumps(ids)])]
    if match is not None and conn.engine == "sqlite":
        # Documents are keyed by date: the index hands the page over already in order.
        order = _DATE_ORDERS[sort]
        sql = f"""
            SELECT {columns}
            FROM (SELECT rowid % {search_index.KEY_DAY} AS id, rowid AS k FROM meeting_search
                  WHERE meeting_search MATCH :q ORDER BY rowid {order}
                  LIMIT :limit OFFSET :offset) s
            JOIN meetings m ON m.id = s.id
            ORDER BY s.k {order}
        """
        params = {"q": match, "limit": limit, "offset": offset}
        return [MeetingRow(*row) for row in conn.execute(sql, params)]
    where, params = _meeting_where(conn, f)
    page = _page(conn, "meetings", columns, where, MEETING_SORTS[sort], params, limit, offset, "m")
    return [MeetingRow(*row) for row in page]


def count_meetings(conn: Connection, f: MeetingFilter) -> int:
    match = _search_only(f, "date")
    if match is not None and conn.engine != "sqlite":
        return _postgres_search().count(conn, f.text)
    if match is not None:  # one document per live meeting
        sql = "SELECT count(*) FROM meeting_search WHERE meeting_search MATCH ?"
        return conn.execute(sql, [match]).fetchone()[0]
    where, params = _meeting_where(conn, f)
    return conn.execute(f"SELECT count(*) FROM meetings m WHERE {where}", params).fetchone()[0]


#: Columns holding Chinese names, searched for any part of the name (see _text_filter).
_HAN_COLUMNS = {"people": ("name_zh",), "organisations": ("name_zh",), "courses": ("title_zh",)}


def _text_filter(conn: Connection, table: str, text: str) -> tuple[str, dict[str, Any]]:
    """Full-text search of one list; Chinese characters are also found inside a name.

    The tokenizer takes "丁晓东" for one word, so its index finds it by its
    beginning only; people look for "晓东" too. Typed Chinese characters are
    therefore also looked for anywhere in the list's Chinese name columns.
    """
    if not text.strip():
        return "1 = 1", {}
    match = fts.match_expression(text)
    if match is None:
        return "1 = 0", {}
    params: dict[str, Any] = {}
    if conn.engine == "sqlite":
        clause = f"x.id IN (SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH :q)"
        params["q"] = match
    else:  # the server's words of each list (engines/postgres_search.py)
        found = _postgres_search().list_where(table, text)
        ids = [i for (i,) in conn.execute(*found)] if found else []
        clause = f"x.id IN ({dialect.listed(conn, ':found', numbers=True)})"
        params["found"] = json.dumps(ids)
    han = fts.han_runs(text)
    if han and table in _HAN_COLUMNS:
        likes = []
        for n, run in enumerate(han):
            ors = []
            for v, form in enumerate(variants(run)):  # simplified and traditional alike
                params[f"han{n}_{v}"] = f"%{form}%"
                ors += [f"x.{c} LIKE :han{n}_{v}" for c in _HAN_COLUMNS[table]]
            likes.append("(" + " OR ".join(ors) + ")")
        clause = f"({clause} OR ({' AND '.join(likes)}))"
    return clause, params


def _live_text_filter(conn: Connection, table: str, text: str) -> tuple[str, dict[str, Any]]:
    """:func:`_text_filter` of the rows of ``table`` (as ``x``) not in the trash."""
    where, params = _text_filter(conn, table, text)
    return f"x.deleted_at IS NULL AND {where}", params


def list_people(
    conn: Connection, text: str = "", *, sort: str = "name", limit: int = -1, offset: int = 0
) -> list[PersonRow]:
    where, params = _live_text_filter(conn, "people", text)
    people = """(SELECT x.*, coalesce(nullif(o.name, ''), o.name_zh, '') AS org_name
                 FROM people x LEFT JOIN organisations o ON o.id = x.organisation_id)"""
    columns = f"""x.id, x.family_name, coalesce(x.given_name, ''), x.name_order,
               coalesce(x.name_zh, ''), coalesce(x.title, ''), x.org_name, coalesce(x.email, ''),
               {_meeting_count("person_id", with_hosts=False)}"""
    page = _page(conn, people, columns, where, PEOPLE_SORTS[sort], params, limit, offset)
    return [
        PersonRow(pid, display_name(fam, given, order), zh, title, org, email, n)
        for pid, fam, given, order, zh, title, org, email, n in page
    ]


def count_people(conn: Connection, text: str = "") -> int:
    where, params = _live_text_filter(conn, "people", text)
    sql = f"SELECT count(*) FROM people x WHERE {where}"
    return conn.execute(sql, params).fetchone()[0]


def list_organisations(
    conn: Connection, text: str = "", *, sort: str = "name", limit: int = -1, offset: int = 0
) -> list[OrganisationRow]:
    where, params = _live_text_filter(conn, "organisations", text)
    columns = f"""x.id, coalesce(x.name, ''), coalesce(x.name_zh, ''), coalesce(x.short_name, ''),
               x.kind, coalesce(x.city, ''), {_meeting_count("organisation_id", with_hosts=True)}"""
    page = _page(
        conn, "organisations", columns, where, ORGANISATION_SORTS[sort], params, limit, offset
    )
    return [OrganisationRow(*row) for row in page]


def count_organisations(conn: Connection, text: str = "") -> int:
    where, params = _live_text_filter(conn, "organisations", text)
    sql = f"SELECT count(*) FROM organisations x WHERE {where}"
    return conn.execute(sql, params).fetchone()[0]


def list_courses(
    conn: Connection,
    text: str = "",
    *,
    year: int | None = None,
    institution_id: int | None = None,
    status: str | None = None,
    sort: str = "year_desc",
    limit: int = -1,
    offset: int = 0,
) -> list[CourseRow]:
    where, params = _text_filter(conn, "courses", text)
    clauses = [where, "(m.id IS NULL OR m.deleted_at IS NULL)"]
    if year is not None:
        clauses.append("x.year = :year")
        params["year"] = year
    if institution_id is not None:
        clauses.append("x.institution_id = :inst")
        params["inst"] = institution_id
    if status is not None:
        clauses.append("x.status = :status")
        params["status"] = status
    sql = f"""
        SELECT x.id, x.year, coalesce(x.title, ''), coalesce(x.title_zh, ''),
               coalesce(x.programme, ''),
               coalesce(nullif(o.name, ''), o.name_zh, '') AS institution,
               coalesce(x.teachers, ''), x.status, x.meeting_id, coalesce(m.title, '')
        FROM courses x
        LEFT JOIN organisations o ON o.id = x.institution_id
        LEFT JOIN meetings m ON m.id = x.meeting_id
        WHERE {" AND ".join(clauses)}
        ORDER BY {dialect.order_by(conn, COURSE_SORTS[sort])}
        LIMIT :limit OFFSET :offset
    """
    params.update(limit=dialect.limit(conn, limit), offset=offset)
    return [CourseRow(*row) for row in conn.execute(sql, params)]

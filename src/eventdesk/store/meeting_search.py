"""Meeting search on either engine: the same query finds the same meetings in a file and on
a team database.

The file's search is its FTS5 index (``search_index.py``, ``queries.py``), reached here
through the very functions the store uses; a team database's is ``postgres_search.py``. The
store's save path calls :func:`rebuild_document` for a saved or trashed meeting and
:func:`rebuild_naming` for a renamed person or organisation, in the save's transaction; on
a file its triggers have marked the meetings already, and these only bring the index up to
date, as the store does when its transaction ends.

(In the store, not in ``engines/``: it reads the store's own queries, which are written on
the engines.)
"""

from __future__ import annotations

from typing import Any

from eventdesk.store import fts, queries, search_index
from eventdesk.store.engines.base import Connection


def _postgres() -> Any:
    from eventdesk.store.engines import postgres_search

    return postgres_search


def _file(conn: Connection) -> Any:
    """The file's connection as sqlite-utils wraps it, for ``search_index``."""
    from sqlite_utils import Database

    return Database(conn.sqlite)  # type: ignore[attr-defined]


def search(conn: Connection, text: str, *, limit: int | None = None, offset: int = 0) -> list[int]:
    """The ids of the live meetings ``text`` finds, newest first.

    Typed text as the search box takes it: each word found by its beginning, every word
    needed, Chinese in any script (浸会 finds 浸會), quotes and operators only separate words."""
    if conn.engine == "postgresql":
        return _postgres().search(conn, text, limit=limit, offset=offset)
    f = queries.MeetingFilter(text=text)
    rows = queries.list_meetings(conn, f, limit=-1 if limit is None else limit, offset=offset)
    return [row.id for row in rows]


def count(conn: Connection, text: str) -> int:
    """How many live meetings ``text`` finds."""
    if conn.engine == "postgresql":
        return _postgres().count(conn, text)
    return queries.count_meetings(conn, queries.MeetingFilter(text=text))


def _refresh_file(conn: Connection, mark: str, params: tuple = ()) -> int:
    """Mark the meetings ``mark`` selects, as the file's triggers do, and rebuild them."""
    with conn.transaction():
        conn.execute(f"INSERT OR IGNORE INTO search_dirty (meeting_id) {mark}", params)
        return search_index.refresh(_file(conn))


def rebuild_document(conn: Connection, meeting_id: int) -> None:
    """Rebuild one meeting's search document from its rows (none for a trashed meeting)."""
    if conn.engine == "postgresql":
        _postgres().rebuild_document(conn, meeting_id)
    else:
        _refresh_file(conn, "VALUES (?)", (meeting_id,))


def rebuild_naming(conn: Connection, table: str, record_id: int) -> int:
    """Rebuild the documents of the meetings naming person or organisation ``record_id``
    (``table``: ``people`` or ``organisations``); return how many were rebuilt."""
    if conn.engine == "postgresql":
        return _postgres().rebuild_naming(conn, table, record_id)
    sql = search_index.naming_meetings(table)
    return _refresh_file(conn, sql, (record_id,) * sql.count("?"))


def list_ids(conn: Connection, table: str, text: str) -> list[int]:
    """The ids, in order, of the people, organisations or courses (``table``) whose words
    ``text`` finds, trashed or not: the full-text half of a list's search. The list adds its
    own filters, and for Chinese its LIKE on the Chinese names (``queries._text_filter``),
    the same SQL on both engines."""
    if conn.engine == "postgresql":
        found = _postgres().list_where(table, text)
        sql, params = found if found else ("", [])
    else:
        match = fts.match_expression(text)
        sql, params = f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH ?", [match]
        if match is None:
            sql = ""
    return sorted(i for (i,) in conn.execute(sql, params)) if sql else []


def rebuild_record(conn: Connection, table: str, record_id: int) -> None:
    """Rebuild the list words of person, organisation or course ``record_id`` after a save.
    A file's list indexes are kept in step by its triggers: nothing to do there."""
    if conn.engine == "postgresql":
        _postgres().rebuild_record(conn, table, record_id)


def reindex(conn: Connection) -> int:
    """Rebuild every live meeting's search document (and on a team database every list's
    words); return how many meeting documents."""
    if conn.engine == "postgresql":
        return _postgres().reindex(conn)
    _refresh_file(conn, "SELECT id FROM meetings")  # the trashed too: their documents go
    return conn.execute("SELECT count(*) AS n FROM meetings WHERE deleted_at IS NULL").scalar()

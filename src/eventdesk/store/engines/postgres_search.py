"""Meeting search on a team database: the file's search documents, in a GIN-indexed tsvector.

Each live meeting has one row in ``meeting_search``, built from the same document the file
builds (``search_index.document_text``: the meeting's words and those of every record tied to
it, Chinese spaced and folded to simplified by ``search_index.indexed_words``), split into
the words the file's FTS5 index holds (``fts5_words.words``), so a query finds on PostgreSQL
the meetings it finds in a file. The row keeps them twice:

* ``words``: a ``tsvector`` of every word and of every two adjacent Chinese characters as one
  (``浸會``), each quoted, so taken as it is (no parser or dictionary of PostgreSQL's, whose
  parser would read an e-mail or a path as one word); a GIN index on it
  finds a word by its beginning (``'wa':*``) or exactly, a character or a pair of characters;
* ``body``: the words in order, one space between and around, what a phrase (three or more
  Chinese characters, or words run together as ``foo_bar``) is checked against, since the
  GIN index says only that its pairs are there, not that they are next to each other.

Trashed meetings have no document, as in the file. The typed text reaches the server only as
parameters: the ``tsquery`` is written here word by word, each quoted, and cast by the server.
Why a ``tsvector`` over words and character pairs rather than ``pg_trgm``, with the measured
keystrokes of both at ten years: docs/performance.md, "PostgreSQL".
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass

from eventdesk.store import fts, search_index
from eventdesk.store.engines.base import Connection
from eventdesk.store.engines.fts5_words import words, words_of_each

#: The longest word indexed whole, in characters; PostgreSQL's limit is 2,047 bytes a word.
LONGEST = 500
#: What a document's words may take in a tsvector (PostgreSQL's limit is 1 MiB); the words
#: past it are found only by a phrase check, which a keystroke never relies on alone.
MOST_BYTES = 1_000_000

CREATE = (
    """CREATE TABLE IF NOT EXISTS meeting_search (
        meeting_id bigint PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
        start_date text COLLATE "C",
        words tsvector NOT NULL,
        body text NOT NULL
    ) WITH (toast_tuple_target = 128)""",
    "CREATE INDEX IF NOT EXISTS idx_meeting_search_words ON meeting_search USING gin (words)",
    "CREATE INDEX IF NOT EXISTS idx_meeting_search_date "
    "ON meeting_search (start_date DESC, meeting_id DESC)",
)

_RAW = (
    f"SELECT m.id, m.start_date, {search_index.document_text('string_agg')} "
    "FROM meetings m WHERE m.deleted_at IS NULL"
)
_UPSERT = (
    "INSERT INTO meeting_search (meeting_id, start_date, words, body) "
    "VALUES (?, ?, ?::tsvector, ?) "
    "ON CONFLICT (meeting_id) DO UPDATE SET start_date = excluded.start_date, "
    "words = excluded.words, body = excluded.body"
)
#: Meetings a reindex reads and writes at a time.
BATCH = 500


def create(conn: Connection) -> None:
    """The search tables and their indexes, where missing (``postgres_schema.upgrade`` calls
    it): the meetings' documents, and the words of each list (``LISTS``)."""
    for statement in CREATE:
        conn.execute(statement)
    for table in LISTS:
        conn.execute(
            f"""CREATE TABLE IF NOT EXISTS {table}_words (
                id bigint PRIMARY KEY REFERENCES {table} (id) ON DELETE CASCADE,
                words tsvector NOT NULL,
                body text NOT NULL
            ) WITH (toast_tuple_target = 128)"""
        )
        conn.execute(
            f"CREATE INDEX IF NOT EXISTS idx_{table}_words ON {table}_words USING gin (words)"
        )


# -- documents ----------------------------------------------------------------------------


def _atomic(conn: Connection) -> AbstractContextManager[None]:
    """A transaction for the block, unless one is open already (a save's, whose end rebuilds
    what it changed): a savepoint inside it would cost two round trips and keep nothing apart,
    since an error here ends the save's transaction whole."""
    return nullcontext() if getattr(conn, "in_transaction", False) else conn.transaction()


@functools.lru_cache(maxsize=65536)
def _is_han(word: str) -> bool:
    """One Chinese character (a word of its own in a document); asked of every word."""
    return len(word) == 1 and fts.han_runs(word) == [word]


@dataclass(frozen=True)
class Document:
    """One meeting's row: its indexed words (with character pairs) and its words in order."""

    lexemes: list[str]
    body: str


def document(text: str | None) -> Document:
    """The row for a meeting whose words, as stored, are ``text``."""
    found = words(search_index.indexed_words(text))
    lexemes: dict[str, None] = {}
    for n, word in enumerate(found):
        lexemes[word[:LONGEST]] = None
        if n and _is_han(word) and _is_han(found[n - 1]):
            lexemes[found[n - 1] + word] = None
    kept, size = [], 0
    for lexeme in lexemes:
        size += len(lexeme.encode()) + 8
        if size > MOST_BYTES:
            break
        kept.append(lexeme)
    return Document(kept, f" {' '.join(found)} ")


def _write(conn: Connection, rows: list[tuple]) -> None:
    params = []
    for meeting_id, start_date, text in rows:
        doc = document(text)
        words = " ".join(_quoted(lexeme) for lexeme in doc.lexemes)  # a tsvector's text
        params.append((meeting_id, start_date, words, doc.body))
    conn.executemany(_UPSERT, params)


def rebuild_document(conn: Connection, meeting_id: int) -> None:
    """Rebuild one meeting's document from its rows, or remove it (a trashed or gone meeting).

    Call it in the transaction that saves the meeting, so the search sees the saved words
    when the save commits, and never words that were rolled back."""
    rebuild_documents(conn, [meeting_id])


def rebuild_documents(conn: Connection, meeting_ids: list[int]) -> None:
    """Rebuild the documents of meetings ``meeting_ids`` from their rows, :data:`BATCH` at a
    time (a trashed or gone meeting's document removed), in the caller's transaction: what an
    import's hundreds of meetings want, where one query each was most of its time."""
    with _atomic(conn):
        for start in range(0, len(meeting_ids), BATCH):
            batch = meeting_ids[start : start + BATCH]
            marks = ", ".join("?" for _ in batch)
            rows = conn.execute(f"{_RAW} AND m.id IN ({marks})", batch).fetchall()
            _write(conn, rows)
            gone = sorted(set(batch) - {row[0] for row in rows})
            if gone:
                marks = ", ".join("?" for _ in gone)
                conn.execute(f"DELETE FROM meeting_search WHERE meeting_id IN ({marks})", gone)


def naming_meeting_ids(conn: Connection, table: str, record_id: int) -> list[int]:
    """The meetings whose documents name person or organisation ``record_id`` (``table``:
    ``people`` or ``organisations``)."""
    sql = search_index.naming_meetings(table)
    return [m for (m,) in conn.execute(sql, (record_id,) * sql.count("?"))]


def rebuild_due(conn: Connection, due: set[tuple[str, str, int]]) -> None:
    """Bring the search up to date after a transaction's saves, before it commits: ``due``
    holds ``("document", "meetings", id)`` for a meeting saved, ``("naming", table, id)`` for
    a person or organisation whose names changed (the documents of the meetings naming it),
    ``("list", table, id)`` for a record whose list words changed. Each table's records are
    rebuilt together, a batch a query, as a file rebuilds its dirty documents at once: an
    import of 5,000 new people costs ten queries, not 5,000."""
    meetings: set[int] = set()
    listed: dict[str, set[int]] = {}
    for kind, table, record_id in due:
        if kind == "document":
            meetings.add(record_id)
        elif kind == "naming":
            meetings.update(naming_meeting_ids(conn, table, record_id))
        else:
            listed.setdefault(table, set()).add(record_id)
    with _atomic(conn):
        rebuild_documents(conn, sorted(meetings))
        for table in sorted(listed):
            rebuild_records(conn, table, sorted(listed[table]))


def rebuild_naming(conn: Connection, table: str, record_id: int) -> int:
    """Rebuild the documents of the meetings that name person or organisation ``record_id``
    (``table``: ``people`` or ``organisations``), after its names changed; return how many."""
    with _atomic(conn):
        ids = naming_meeting_ids(conn, table, record_id)
        rebuild_documents(conn, ids)
    return len(ids)


def reindex(conn: Connection) -> int:
    """Rebuild every meeting's document and every list's words from the rows, in one
    transaction; return how many meeting documents."""
    with conn.transaction():
        # The documents' joins want the tables' statistics, which a database just filled
        # (a copy of an office's records) has not had time to gather.
        conn.execute("ANALYZE")
        conn.execute("DELETE FROM meeting_search")
        ids = [m for (m,) in conn.execute("SELECT id FROM meetings WHERE deleted_at IS NULL")]
        for start in range(0, len(ids), BATCH):
            batch = ids[start : start + BATCH]
            marks = ", ".join("?" for _ in batch)
            _write(conn, conn.execute(f"{_RAW} AND m.id IN ({marks})", batch).fetchall())
        reindex_lists(conn)
    return len(ids)


# -- the lists' words ------------------------------------------------------------------------
#
# The people, organisations and courses lists search their own records, as the file's FTS5
# indexes of fts.INDEXED do: the columns each record declares searched, each split into words
# by FTS5 (not spaced: 丁晓东 is one word there, found by its beginning; queries._text_filter
# finds the rest of a Chinese name by LIKE on its Chinese columns, the same SQL on both). Every
# row has its words, trashed or not, as in the file: the lists filter the trash themselves.

#: The lists with words of their own, and the columns they hold.
LISTS: dict[str, tuple[str, ...]] = dict(fts.INDEXED)


def list_document(values: list[str | None]) -> Document:
    """A list's row for a record whose searched columns hold ``values``: its words, and the
    columns' words in order, `` | `` between columns (a phrase is never found across two)."""
    return _list_document([words(value or "") for value in values])


def _list_document(columns: list[list[str]]) -> Document:
    lexemes = list(dict.fromkeys(word[:LONGEST] for column in columns for word in column))
    body = " | ".join(" ".join(column) for column in columns)
    return Document(lexemes, f" {body} ")


def _write_records(conn: Connection, table: str, condition: str, params: list) -> set[int]:
    """Write the words of ``table``'s records ``condition`` selects; their ids."""
    rows = conn.execute(
        f"SELECT id, {', '.join(LISTS[table])} FROM {table} {condition}", params
    ).fetchall()
    width = len(LISTS[table])
    split = words_of_each([value for _id, *values in rows for value in values])
    written = []
    for n, (record_id, *_values) in enumerate(rows):
        doc = _list_document(split[n * width : (n + 1) * width])
        written.append((record_id, " ".join(map(_quoted, doc.lexemes)), doc.body))
    conn.executemany(
        f"INSERT INTO {table}_words (id, words, body) VALUES (?, ?::tsvector, ?) "
        "ON CONFLICT (id) DO UPDATE SET words = excluded.words, body = excluded.body",
        written,
    )
    return {record_id for record_id, _words, _body in written}


def rebuild_record(conn: Connection, table: str, record_id: int) -> None:
    """Rebuild the words of person, organisation or course ``record_id`` (``table`` one of
    ``LISTS``) after a save, in its transaction; a purged record's words go with it."""
    rebuild_records(conn, table, [record_id])


def rebuild_records(conn: Connection, table: str, ids: list[int]) -> None:
    """Rebuild the words of ``table``'s records ``ids``, :data:`BATCH` at a time, in the
    caller's transaction; a purged record's words go with it."""
    with _atomic(conn):
        for start in range(0, len(ids), BATCH):
            batch = ids[start : start + BATCH]
            marks = ", ".join("?" for _ in batch)
            gone = sorted(set(batch) - _write_records(conn, table, f"WHERE id IN ({marks})", batch))
            if gone:
                marks = ", ".join("?" for _ in gone)
                conn.execute(f"DELETE FROM {table}_words WHERE id IN ({marks})", gone)


def search_countries(conn: Connection) -> None:
    """Schema 21 on a team database: an organisation's country is searched, in the
    organisations' words and in the documents of the meetings naming one with a country (as
    migration 21 makes a file's), in the upgrade's transaction."""
    ids = [i for (i,) in conn.execute("SELECT id FROM organisations")]
    rebuild_records(conn, "organisations", ids)
    meetings: set[int] = set()
    for (org_id,) in conn.execute(search_index.COUNTRIED).fetchall():
        meetings.update(naming_meeting_ids(conn, "organisations", org_id))
    rebuild_documents(conn, sorted(meetings))


def reindex_lists(conn: Connection) -> int:
    """Rebuild every list's words from the rows, in one transaction; return how many records."""
    with conn.transaction():
        done = 0
        for table in LISTS:
            conn.execute(f"DELETE FROM {table}_words")
            done += len(_write_records(conn, table, "", []))
    return done


def list_where(table: str, text: str) -> tuple[str, list[str]] | None:
    """A query of the ids of ``table``'s records whose words ``text`` finds, as the file's
    ``{table}_fts MATCH`` finds them, and its parameters; None when nothing can be found."""
    found = where(text, split_han=False)
    if found is None:
        return None
    clause, params = found
    return f"SELECT id FROM {table}_words WHERE {clause}", params


# -- queries ------------------------------------------------------------------------------


def _quoted(word: str) -> str:
    """A word as a ``tsvector``'s or ``tsquery``'s lexeme: in quotes, its quotes and
    backslashes escaped."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def escape_like(text: str) -> str:
    """``text`` to be matched as it is by a ``LIKE`` (its ``%``, ``_`` and ``\\`` escaped)."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass(frozen=True)
class Spelling:
    """One spelling of a typed term: the index's query for it, and the phrase check it needs."""

    tsquery: str
    phrase: str | None  # a LIKE pattern over ``body``, when the index alone cannot tell


def spelling(form: fts.Form) -> Spelling | None:
    """How the index finds ``form`` as the file's FTS5 does: a word's last part by its
    beginning, its other parts whole, Chinese characters whole and adjacent in order.
    None when it holds no word FTS5 would index (``_``): the file drops such a term too."""
    found = words(fts.spaced_han(form.text) if form.han else form.text)
    if not found:
        return None
    if form.han:
        pairs = [a + b for a, b in itertools.pairwise(found)] or found
        tsquery = " & ".join(_quoted(pair) for pair in pairs)
        phrase = f"% {escape_like(' '.join(found))} %" if len(found) > 2 else None
        return Spelling(tsquery, phrase)
    *whole, last = found
    parts = [_quoted(w[:LONGEST]) for w in whole] + [_quoted(last[:LONGEST]) + ":*"]
    long = any(len(w) > LONGEST for w in found)
    phrase = f"% {escape_like(' '.join(found))}%" if whole or long else None
    return Spelling(" & ".join(parts), phrase)


def where(text: str, *, split_han: bool = True) -> tuple[str, list[str]] | None:
    """The condition on ``meeting_search`` (or, ``split_han`` False, on a list's words) that
    finds what ``text`` finds in the file, and its parameters; None when nothing can be found
    (no word in it)."""
    terms = []
    for forms in fts.query_terms(text, split_han=split_han):
        spellings = [s for s in map(spelling, forms) if s is not None]
        if spellings:
            terms.append(spellings)
    if not terms:
        return None
    tsquery = " & ".join(
        "(" + " | ".join(f"({s.tsquery})" for s in spellings) + ")" for spellings in terms
    )
    clauses, params = ["words @@ ?::tsquery"], [tsquery]
    for spellings in terms:
        if any(s.phrase for s in spellings):
            ors = []
            for s in spellings:
                ors.append("body LIKE ?" if s.phrase else "words @@ ?::tsquery")
                params.append(s.phrase or s.tsquery)
            clauses.append("(" + " OR ".join(ors) + ")")
    return " AND ".join(clauses), params


#: The planner's settings a search runs with, for its transaction alone (see _index_first).
_SETTINGS = {"enable_seqscan": "off", "plan_cache_mode": "force_custom_plan"}


@contextmanager
def _index_first(conn: Connection) -> Iterator[None]:
    """Run the block with :data:`_SETTINGS`, then put back what was there.

    PostgreSQL's planner does not count the unpacking of each row's compressed words: for a
    word most meetings have ("w") it would read every row rather than the GIN index (65 ms
    at ten years where the index takes 3 to 7). And psycopg prepares a statement run five
    times, after which the server may plan it once for every text typed: a plan good for
    "w" (walk the meetings by date until a page is found) then walks all 10,000 for a name
    found in five (50 to 70 ms). Each search is therefore planned for its own words, without
    a full read (docs/performance.md, "PostgreSQL"). A search in a transaction of its own
    (a keystroke's) sets them for it alone, which its end puts back: one round trip fewer
    than reading and putting them back (a keystroke's page took six, its count five)."""
    names = list(_SETTINGS)
    read = ", ".join(f"current_setting('{name}') AS {name}" for name in names)
    put = ", ".join(f"set_config('{name}', ?, true) AS {name}" for name in names)
    if not getattr(conn, "in_transaction", True):  # its own transaction: they end with it
        with conn.transaction():
            conn.execute(f"SELECT {put}", list(_SETTINGS.values()))
            yield
        return
    with conn.transaction():  # inside another: put back what was there, for the rest of it
        was = conn.execute(
            f"SELECT was.*, {put} FROM (SELECT {read} OFFSET 0) was", list(_SETTINGS.values())
        ).fetchone()
        yield
        conn.execute(f"SELECT {put}", list(was[: len(names)]))


def search(conn: Connection, text: str, *, limit: int | None = None, offset: int = 0) -> list[int]:
    """The ids of the live meetings ``text`` finds, newest first (as the file's list); with
    no text, every live meeting, as the list shows them before a word is typed."""
    if not text.strip():
        sql = "SELECT id FROM meetings WHERE deleted_at IS NULL ORDER BY start_date DESC, id DESC"
        ids = [m for (m,) in conn.execute(sql)]
        return ids[offset:] if limit is None else ids[offset : offset + limit]
    found = where(text)
    if found is None:
        return []
    clause, params = found
    page = ""
    if limit is not None:
        page = " LIMIT ? OFFSET ?"
        params = [*params, limit, offset]
    sql = (
        f"SELECT meeting_id FROM meeting_search WHERE {clause} "
        f"ORDER BY start_date DESC, meeting_id DESC{page}"
    )
    with _index_first(conn):
        return [m for (m,) in conn.execute(sql, params)]


def count(conn: Connection, text: str) -> int:
    """How many live meetings ``text`` finds."""
    if not text.strip():
        return conn.execute("SELECT count(*) AS n FROM meetings WHERE deleted_at IS NULL").scalar()
    found = where(text)
    if found is None:
        return 0
    clause, params = found
    with _index_first(conn):
        return conn.execute(
            f"SELECT count(*) AS n FROM meeting_search WHERE {clause}", params
        ).scalar()

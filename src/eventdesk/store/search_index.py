"""One search document per meeting, so a keystroke is one FTS5 query.

Searching meetings means finding any record tied to them: a person who
attended, an organisation that hosted, a talk, a course, a decision. Joining
six indexes on every keystroke costs tens of milliseconds on ten years of
records; one document per meeting, holding the words of all of them, costs
one indexed lookup (with prefix indexes, so "w" is as quick as "wang").

Triggers on every table that feeds a document mark its meeting dirty (a row
in ``search_dirty``); :func:`refresh` rebuilds the dirty documents. The
store calls it at the end of each of its transactions, and on opening a file
that another writer left dirty, so the index is in step whenever a
transaction commits.

A migration never builds a document: it marks the meetings whose documents
it changes dirty, and the store builds them on opening the file, once every
migration has run. A document holds the fields declared searched today, and
an older file has their columns only after the migration that adds them, so
a document built half-way through an upgrade would name a column not there
yet (a searched field added to an attendee broke migration 5 on every file
older than it).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from eventdesk.records.fields import naming_fields
from eventdesk.store.chinese_variants import simplified, standard_simplified
from eventdesk.store.fts import han_runs, searched_columns, spaced_han
from eventdesk.store.sqlite_db import Database

TOKENIZER = "unicode61 remove_diacritics 2"

#: (table, the meeting id expression for a row of it, columns whose change matters or None)
_FEEDS: list[tuple[str, str, str | None]] = [
    ("attendances", "{row}.meeting_id", None),
    ("presentations", "{row}.meeting_id", None),
    ("sessions", "{row}.meeting_id", None),
    ("decisions", "{row}.meeting_id", None),
    ("meeting_hosts", "{row}.meeting_id", None),
    ("courses", "{row}.meeting_id", None),
    ("presenters", "(SELECT meeting_id FROM presentations WHERE id = {row}.presentation_id)", None),
    ("decision_parties", "(SELECT meeting_id FROM decisions WHERE id = {row}.decision_id)", None),
]

_PEOPLE_MEETINGS = """
    SELECT meeting_id FROM attendances WHERE person_id = new.id
    UNION SELECT x.meeting_id FROM presenters p JOIN presentations x ON x.id = p.presentation_id
          WHERE p.person_id = new.id
    UNION SELECT d.meeting_id FROM decision_parties p JOIN decisions d ON d.id = p.decision_id
          WHERE p.person_id = new.id
"""
_ORG_MEETINGS = """
    SELECT meeting_id FROM attendances WHERE organisation_id = new.id
    UNION SELECT meeting_id FROM meeting_hosts WHERE organisation_id = new.id
    UNION SELECT meeting_id FROM courses WHERE institution_id = new.id
    UNION SELECT d.meeting_id FROM decision_parties p JOIN decisions d ON d.id = p.decision_id
          WHERE p.organisation_id = new.id
"""


def naming_meetings(table: str) -> str:
    """The meetings whose document names person or organisation ``?`` (``table``: ``people``
    or ``organisations``), as the triggers below find them when its names change."""
    return {"people": _PEOPLE_MEETINGS, "organisations": _ORG_MEETINGS}[table].replace(
        "new.id", "?"
    )


def create(db: Database) -> None:
    db.execute(
        f"CREATE VIRTUAL TABLE meeting_search USING fts5(body, tokenize='{TOKENIZER}', "
        "prefix='1 2 3')"
    )
    db.execute("CREATE TABLE search_dirty (meeting_id INTEGER PRIMARY KEY)")
    mark = "INSERT OR IGNORE INTO search_dirty(meeting_id) SELECT {expr} WHERE {expr} IS NOT NULL"
    for table, expr, _ in _FEEDS:
        for event, row in (("INSERT", "new"), ("DELETE", "old")):
            e = expr.format(row=row)
            db.execute(
                f"CREATE TRIGGER {table}_search_{event.lower()} AFTER {event} ON {table} "
                f"BEGIN {mark.format(expr=e)}; END"
            )
        old, new = (mark.format(expr=expr.format(row=row)) for row in ("old", "new"))
        db.execute(
            f"CREATE TRIGGER {table}_search_update AFTER UPDATE ON {table} BEGIN {old}; {new}; END"
        )
    db.execute(
        "CREATE TRIGGER meetings_search_insert AFTER INSERT ON meetings BEGIN "
        "INSERT OR IGNORE INTO search_dirty(meeting_id) VALUES (new.id); END"
    )
    db.execute(
        "CREATE TRIGGER meetings_search_update AFTER UPDATE ON meetings BEGIN "
        "INSERT OR IGNORE INTO search_dirty(meeting_id) VALUES (new.id); END"
    )
    db.execute(
        "CREATE TRIGGER meetings_search_delete AFTER DELETE ON meetings BEGIN "
        "INSERT OR IGNORE INTO search_dirty(meeting_id) VALUES (old.id); END"
    )
    db.execute(
        "CREATE TRIGGER people_search_update AFTER UPDATE OF family_name, given_name, name_zh "
        f"ON people BEGIN INSERT OR IGNORE INTO search_dirty(meeting_id) {_PEOPLE_MEETINGS}; END"
    )
    db.execute(
        "CREATE TRIGGER organisations_search_update AFTER UPDATE OF name, name_zh, short_name "
        "ON organisations BEGIN INSERT OR IGNORE INTO search_dirty(meeting_id) "
        f"{_ORG_MEETINGS}; END"
    )
    db.execute("INSERT INTO search_dirty(meeting_id) SELECT id FROM meetings")
    # Built by the store on opening the file, once every migration has run.


def order_by_date(db: Database) -> None:
    """Key each document by its meeting's date, so "newest first" reads the index in order.

    A search that matches most meetings ("w") then stops after the first page
    instead of sorting every match by date. ``search_keys`` remembers each
    meeting's key, since a changed date changes it.
    """
    db.execute("CREATE TABLE search_keys (meeting_id INTEGER PRIMARY KEY, search_rowid INTEGER)")
    db.execute("DELETE FROM meeting_search")
    db.execute("INSERT OR IGNORE INTO search_dirty(meeting_id) SELECT id FROM meetings")
    # built by the store on opening, at the latest schema (see the module's docstring)


def _text(*parts: str) -> str:
    return " || ' ' || ".join(f"coalesce({p}, '')" for p in parts)


def _columns(alias: str, names: tuple[str, ...]) -> str:
    return _text(*(f"{alias}.{name}" for name in names))


# The records' classes (``records.models``) are imported when a document is first built or a
# trigger first made, not with the store: the window's first screen needs none (issue 25).


@cache
def org_words() -> tuple[str, ...]:
    """What of an organisation a meeting's document holds: its names (declared ``naming``)
    and its country, so "Korea" finds the meetings of Korean partners. Not its city: our own
    university's ("Shanghai") would find every meeting."""
    from eventdesk.records.models import Organisation

    return (*naming_fields(Organisation), "country", "country_zh")


@cache
def _words() -> tuple[str, str, str, str]:
    """The SQL of the words of a person (``p``) or organisation (``o``) a meeting names
    (their names, declared ``naming``), of the meeting (``m``) and of an attendance (with
    its person's): the fields they declare ``searched``."""
    from eventdesk.records.models import Attendance, Meeting, Person

    person = _columns("p", naming_fields(Person))
    attendee = f"{person} || ' ' || " + _columns("a", searched_columns(Attendance))
    return person, _columns("o", org_words()), _columns("m", searched_columns(Meeting)), attendee


def document_parts(aggregate: str = "group_concat") -> list[str]:
    """The SQL of each part of meeting ``m``'s search document: its own words, its
    attendees', the names of the organisations and people it names, its talks, sessions,
    courses and decisions. ``aggregate`` joins a part's rows with a separator: SQLite's
    ``group_concat``, PostgreSQL's ``string_agg`` (the same document on a team database)."""
    from eventdesk.records.models import CourseEntry, Decision, Presentation, Session

    person, org, meeting, attendee = _words()
    return [
        meeting,
        f"""(SELECT {aggregate}({attendee}, ' ')
         FROM attendances a JOIN people p ON p.id = a.person_id WHERE a.meeting_id = m.id)""",
        f"""(SELECT {aggregate}({org}, ' ') FROM organisations o WHERE o.id IN (
           SELECT organisation_id FROM attendances WHERE meeting_id = m.id
           UNION SELECT organisation_id FROM meeting_hosts WHERE meeting_id = m.id
           UNION SELECT institution_id FROM courses WHERE meeting_id = m.id
           UNION SELECT p.organisation_id FROM decision_parties p
                 JOIN decisions d ON d.id = p.decision_id WHERE d.meeting_id = m.id))""",
        f"""(SELECT {aggregate}({person}, ' ') FROM people p WHERE p.id IN (
           SELECT s.person_id FROM presenters s JOIN presentations x
                 ON x.id = s.presentation_id WHERE x.meeting_id = m.id
           UNION SELECT p.person_id FROM decision_parties p
                 JOIN decisions d ON d.id = p.decision_id WHERE d.meeting_id = m.id))""",
        *(
            f"(SELECT {aggregate}({_text(*searched_columns(cls))}, ' ') "
            f"FROM {table} WHERE meeting_id = m.id)"
            for table, cls in (
                ("presentations", Presentation),
                ("sessions", Session),
                ("courses", CourseEntry),
                ("decisions", Decision),
            )
        ),
    ]


def document_text(aggregate: str = "group_concat") -> str:
    """The words of meeting ``m`` and of every record tied to it, as stored: one SQL
    expression, before :func:`indexed_words` spaces and folds its Chinese."""
    return " || ' ' || ".join(f"coalesce({part}, '')" for part in document_parts(aggregate))


#: A document's rowid: the meeting's day, then its id. ``rowid % KEY_DAY`` is the meeting id.
KEY_DAY = 1_000_000_000
SEARCH_KEY = f"CAST(julianday(m.start_date) AS INTEGER) * {KEY_DAY} + m.id"
_DIRTY_LIVE = (
    "FROM meetings m WHERE m.id IN (SELECT meeting_id FROM search_dirty) AND m.deleted_at IS NULL"
)


@cache
def document() -> str:
    """The words of one meeting and of every record tied to it, Chinese characters spaced."""
    return f"SELECT {SEARCH_KEY}, eventdesk_spaced_han({document_text()}) {_DIRTY_LIVE}"


def indexed_words(text: str | None) -> str:
    """A document's words, each Chinese character a word; its Chinese again in simplified.

    A query is tried as typed, in simplified and in traditional characters;
    a name stored half in each (香港浸會大学) matches none of those three, but
    its simplified form matches the query's. Only documents with traditional
    characters grow, by their Chinese once more.
    """
    spaced = spaced_han(text)
    chinese = " ".join(han_runs(text or ""))
    try:
        folded = simplified(chinese)
    except ImportError:  # an installation without OpenCC still saves (--self-test names it)
        return spaced
    return spaced if folded == chinese else f"{spaced} {spaced_han(folded)}"


def reindex_traditional(db: Database) -> int:
    """Mark the documents that hold traditional characters to be rebuilt (migration 12); return
    how many.

    Only those change with :func:`indexed_words`; reading every document to
    find them takes a twentieth of rebuilding them all (0.5 s at 1x, where an
    office's database may have none).
    """
    return _reindex_where(db, lambda chinese: simplified(chinese) != chinese)


def reindex_regional(db: Database) -> int:
    """Mark the documents whose Chinese folds further with Hong Kong's and Taiwan's tables.

    Migration 13: documents written with ``t2s`` alone kept 衞 and 峯, so
    衛炳江 and 卫炳江 did not find 衞炳江. Only those documents change.
    """
    return _reindex_where(db, lambda chinese: simplified(chinese) != standard_simplified(chinese))


def _reindex_where(db: Database, changes: Callable[[str], bool]) -> int:
    rows = db.execute(
        "SELECT k.meeting_id, s.body FROM search_keys k "
        "JOIN meeting_search s ON s.rowid = k.search_rowid"
    )
    changed = []
    for meeting_id, body in rows:
        chinese = " ".join(han_runs(body or ""))
        if chinese and changes(chinese):
            changed.append((meeting_id,))
    db.conn.executemany("INSERT OR IGNORE INTO search_dirty(meeting_id) VALUES (?)", changed)
    return len(changed)  # rebuilt by the store on opening, at the latest schema


#: The organisations with a country, whose meetings' documents migration 21 rebuilds.
COUNTRIED = (
    "SELECT id FROM organisations WHERE coalesce(country, '') || coalesce(country_zh, '') != ''"
)


def search_countries(db: Database) -> int:
    """Migration 21: an organisation's country is in the documents of the meetings naming it.

    The trigger marking them when an organisation's words change is made again over
    :func:`org_words`, and the meetings naming an organisation with a country are marked
    to be rebuilt (on opening, at the latest schema); return how many.
    """
    db.execute("DROP TRIGGER IF EXISTS organisations_search_update")
    db.execute(
        f"CREATE TRIGGER organisations_search_update AFTER UPDATE OF {', '.join(org_words())} "
        f"ON organisations BEGIN INSERT OR IGNORE INTO search_dirty(meeting_id) "
        f"{_ORG_MEETINGS}; END"
    )
    countries = COUNTRIED
    before = pending(db)
    naming = naming_meetings("organisations")
    for org_id in [i for (i,) in db.execute(countries)]:
        db.execute(
            f"INSERT OR IGNORE INTO search_dirty(meeting_id) {naming}", [org_id] * naming.count("?")
        )
    return pending(db) - before


def pending(db: Database) -> int:
    """How many meetings wait for their search document to be rebuilt."""
    return db.execute("SELECT count(*) FROM search_dirty").fetchone()[0]


def refresh(db: Database, limit: int | None = None) -> int:
    """Rebuild the documents of dirty meetings; return how many. Call inside a transaction.

    With ``limit``, only that many (the lowest ids) are rebuilt, so a worker
    re-indexing thousands of meetings can commit in short transactions that
    leave the window's saves room between them.
    """
    dirty = pending(db)
    if not dirty:
        return 0
    batch = "SELECT meeting_id FROM search_dirty"
    if limit is not None and limit < dirty:
        batch += f" ORDER BY meeting_id LIMIT {int(limit)}"
        dirty = limit
    db.conn.create_function("eventdesk_spaced_han", 1, indexed_words, deterministic=True)
    dirty_keys = f"SELECT search_rowid FROM search_keys WHERE meeting_id IN ({batch})"
    db.execute(f"DELETE FROM meeting_search WHERE rowid IN ({dirty_keys})")
    db.execute(f"DELETE FROM search_keys WHERE meeting_id IN ({batch})")
    # Trashed meetings have no document: a search never has to skip them.
    live = _DIRTY_LIVE.replace("SELECT meeting_id FROM search_dirty", batch)
    db.execute(f"INSERT INTO meeting_search(rowid, body) {document().replace(_DIRTY_LIVE, live)}")
    db.execute(
        f"INSERT INTO search_keys(meeting_id, search_rowid) SELECT m.id, {SEARCH_KEY} {live}"
    )
    db.execute(f"DELETE FROM search_dirty WHERE meeting_id IN ({batch})")
    return dirty

"""Full-text search indexes (FTS5) and the queries that use them.

Each searchable table has an external-content FTS5 index kept in step by
triggers, so no code path can forget to re-index. The statements run one by
one (not through ``executescript``) so that they stay inside the migration's
transaction.

What a user types is never pasted into an FTS query: it is split into words
and each word becomes a quoted prefix term, so ``Shi Jing`` is the query
``"shi"* "jing"*`` and a stray quote or ``NEAR`` is just text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from eventdesk.records.fields import declared, searched_fields
from eventdesk.store.chinese_variants import variants
from eventdesk.store.sqlite_db import Database


def searched_columns(cls: type) -> tuple[str, ...]:
    """The columns of the fields ``cls`` declares searched, each Chinese form after its field."""
    return tuple(declared(cls, name).column for name in searched_fields(cls))


# LISTED and INDEXED need the records' classes (``records.models``), which the window's first
# screen does not: they are made when first asked for (issue 25).


@cache
def listed() -> dict[str, type]:
    """The lists with a search index of their own, and the record each lists."""
    from eventdesk.records.models import CourseEntry, Organisation, Person

    return {"people": Person, "organisations": Organisation, "courses": CourseEntry}


@cache
def indexed() -> dict[str, tuple[str, ...]]:
    """table -> the columns its index covers: the fields its record declares ``searched``
    (``records/fields.py``). A field newly declared searched needs a migration that rebuilds
    the index (``tests/store/test_tables.py`` holds a new file's indexes to these)."""
    return {table: searched_columns(cls) for table, cls in listed().items()}


def __getattr__(name: str) -> Any:
    """``fts.LISTED`` is :func:`listed`, ``fts.INDEXED`` :func:`indexed`."""
    if name == "LISTED":
        return listed()
    if name == "INDEXED":
        return indexed()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


#: the list indexes as migrations 2 and 4 made them (history: they must keep making them so)
_MADE: dict[str, tuple[str, ...]] = {
    "people": ("family_name", "given_name", "name_zh", "title", "title_zh", "email"),
    "organisations": ("name", "name_zh", "short_name", "city"),
    "courses": ("title", "title_zh", "programme", "programme_zh", "teachers"),
}

#: indexes migrations 2 and 4 made and migration 10 drops: the one search document per meeting
#: (``search_index.py``) replaced them, and their triggers cost every save for nothing
RETIRED: dict[str, tuple[str, ...]] = {
    "meetings": (
        "title",
        "title_zh",
        "series",
        "series_zh",
        "edition",
        "venue",
        "venue_zh",
        "tags",
        "summary",
        "summary_zh",
    ),
    "presentations": ("title", "title_zh", "abstract", "abstract_zh"),
    "decisions": ("text", "text_zh", "count_unit"),
}
_HISTORIC = {**_MADE, **RETIRED}  # what migrations 2 and 4 made, so they still make it

TOKENIZER = "unicode61 remove_diacritics 2"


def create_indexes(db: Database) -> None:
    for table, columns in _HISTORIC.items():
        _create_index(db, table, columns)


def _drop(db: Database, table: str) -> None:
    for suffix in ("ai", "ad", "au"):
        db.execute(f"DROP TRIGGER IF EXISTS {table}_{suffix}")
    db.execute(f"DROP TABLE IF EXISTS {table}_fts")


def add_prefix_indexes(db: Database) -> None:
    """Recreate each index with prefix indexes, which make one- and two-letter searches quick."""
    for table, columns in _HISTORIC.items():
        _drop(db, table)
        _create_index(db, table, columns, prefix="1 2 3")


def rebuild_list_index(db: Database, table: str) -> None:
    """Make ``table``'s index again over the columns it covers today (:func:`indexed`): a
    field newly declared searched (migration 21: an organisation's country)."""
    _drop(db, table)
    _create_index(db, table, indexed()[table], prefix="1 2 3")


def drop_retired(db: Database) -> None:
    """Drop the indexes nothing reads any more, with the triggers that kept them."""
    for table in RETIRED:
        _drop(db, table)


def _create_index(
    db: Database, table: str, columns: tuple[str, ...], prefix: str | None = None
) -> None:
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    fts = f"{table}_fts"
    prefix_option = f", prefix='{prefix}'" if prefix else ""
    db.execute(
        f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{table}', "
        f"content_rowid='id', tokenize='{TOKENIZER}'{prefix_option})"
    )
    db.execute(
        f"CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END"
    )
    db.execute(
        f"CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); END"
    )
    db.execute(
        f"CREATE TRIGGER {table}_au AFTER UPDATE ON {table} BEGIN "
        f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.id, {old}); "
        f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.id, {new}); END"
    )
    db.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


_WORD = re.compile(r"\w+", re.UNICODE)
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"


# A class of Chinese ranges (an astral one, its negation) takes milliseconds to compile: the
# patterns are compiled when first used, by a search or an index's rebuild, not at start.
@cache
def _han_char() -> re.Pattern[str]:
    return re.compile(f"([{_HAN}])")


@cache
def _han_or_other() -> re.Pattern[str]:
    return re.compile(f"[{_HAN}]+|[^{_HAN}]+")


def spaced_han(text: str | None) -> str:
    """Chinese characters as words of one character each.

    The tokenizer takes a run of Chinese characters for one word, so "浸會"
    would not find 香港浸會大學. Indexed one character a word, a search for
    them is a phrase of adjacent characters: any part of a name finds it.
    """
    return _han_char().sub(r" \1 ", text) if text else ""


def han_runs(text: str) -> list[str]:
    """The runs of Chinese characters in typed text ("丁晓东 Ding" -> ["丁晓东"])."""
    return re.findall(f"[{_HAN}]+", text)


@dataclass(frozen=True)
class Form:
    """One spelling of a typed term: a word found by its beginning, or Chinese characters
    found next to each other in this order (``han``)."""

    text: str
    han: bool = False


def query_terms(text: str, *, split_han: bool = False) -> list[list[Form]]:
    """Typed text as terms, each a list of the spellings any one of which finds it.

    Every term must be found (AND). The words are ``\\w+`` runs: quotes, operators and
    other punctuation are only what separates them. With ``split_han``, a run of
    Chinese characters is a term of its own, matched as adjacent characters; each term
    comes as typed and in its other scripts (:func:`chinese_variants.variants`).
    This is what the file's FTS5 query says (:func:`match_expression`), and what a team
    database's search reads (``engines/postgres_search.py``).
    """
    terms = []
    for word in _WORD.findall(text):
        for part in _han_or_other().findall(word) if split_han else [word]:
            han = split_han and bool(_han_char().match(part))
            terms.append([Form(form, han) for form in variants(part)])  # 浸会 also as 浸會
    return terms


def match_expression(text: str, *, split_han: bool = False) -> str | None:
    """Turn typed text into a safe FTS5 query, or None if it has no words.

    Each word becomes a quoted prefix term, all of them needed. With ``split_han`` (for indexes
    written through :func:`spaced_han`), a run of Chinese characters becomes a
    phrase of single characters instead.
    """
    terms = []
    for forms in query_terms(text, split_han=split_han):
        quoted = ['"' + " ".join(f.text) + '"' if f.han else f'"{f.text}"*' for f in forms]
        terms.append(quoted[0] if len(quoted) == 1 else f"({' OR '.join(quoted)})")
    # AND said: FTS5 takes a bare space between phrases only, so "Ding 浸会" as
    # '"ding"* ("浸 会" OR "浸 會")' was a syntax error, and the search failed
    return " AND ".join(terms) or None

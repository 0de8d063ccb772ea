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

from sqlite_utils import Database

#: table -> the columns its index covers
INDEXED: dict[str, tuple[str, ...]] = {
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
    "people": ("family_name", "given_name", "name_zh", "title", "title_zh", "email"),
    "organisations": ("name", "name_zh", "short_name", "city"),
    "presentations": ("title", "title_zh", "abstract", "abstract_zh"),
    "courses": ("title", "title_zh", "programme", "programme_zh", "teachers"),
    "decisions": ("text", "text_zh", "count_unit"),
}

TOKENIZER = "unicode61 remove_diacritics 2"


def create_indexes(db: Database) -> None:
    for table, columns in INDEXED.items():
        _create_index(db, table, columns)


def add_prefix_indexes(db: Database) -> None:
    """Recreate each index with prefix indexes, which make one- and two-letter searches quick."""
    for table, columns in INDEXED.items():
        for suffix in ("ai", "ad", "au"):
            db.execute(f"DROP TRIGGER IF EXISTS {table}_{suffix}")
        db.execute(f"DROP TABLE IF EXISTS {table}_fts")
        _create_index(db, table, columns, prefix="1 2 3")


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


def match_expression(text: str) -> str | None:
    """Turn typed text into a safe FTS5 query of prefix terms, or None if it has no words."""
    words = _WORD.findall(text)
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words)


def rebuild(db: Database) -> None:
    """Re-derive every index from its table (used by ``check --repair``)."""
    for table in INDEXED:
        db.execute(f"INSERT INTO {table}_fts({table}_fts) VALUES ('rebuild')")

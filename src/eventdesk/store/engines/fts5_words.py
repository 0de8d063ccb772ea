"""The words of a search document as the file's index has them: SQLite FTS5's own tokenizer.

The file's meeting index splits its documents with FTS5's ``unicode61`` tokenizer
(``remove_diacritics 2``, ``search_index.TOKENIZER``). Its case folding and the diacritics it
removes are its own tables, not Python's: of the code points in the Latin, Greek, Cyrillic,
CJK and full-width blocks, 12,104 fold differently under ``str.lower`` and ``unicodedata``
(Greek tonos, Cyrillic й and ё, µ, ς… SQLite keeps or folds them otherwise). A team
database's search must find what the file finds, so its words come from the same tokenizer:
an in-memory FTS5 table is given the text and read back word by word through ``fts5vocab``.
It costs half a millisecond for a meeting's document at ten years and a tenth of one for a
typed word; every Python that EventDesk runs on has FTS5, the file's search needs it.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence

from eventdesk.store.search_index import TOKENIZER

_local = threading.local()


def _index() -> sqlite3.Connection:
    """This thread's in-memory FTS5 table and its word list (a connection is one thread's)."""
    db = getattr(_local, "db", None)
    if db is None:
        db = sqlite3.connect(":memory:", isolation_level=None)
        db.execute(f"CREATE VIRTUAL TABLE text USING fts5(body, tokenize='{TOKENIZER}')")
        db.execute("CREATE VIRTUAL TABLE words USING fts5vocab(text, 'instance')")
        _local.db = db
    return db


def words(text: str) -> list[str]:
    """``text``'s words in order, as FTS5 indexes them: lower case, diacritics removed,
    punctuation and spaces dropped (``Zürich, 香 港`` -> ``["zurich", "香", "港"]``)."""
    if not text:
        return []
    db = _index()
    db.execute("BEGIN")
    try:
        db.execute("INSERT INTO text(rowid, body) VALUES (1, ?)", (text,))
        return [word for (word,) in db.execute("SELECT term FROM words ORDER BY offset")]
    finally:
        db.execute("ROLLBACK")


#: Texts given to the tokenizer at a time by :func:`words_of_each`.
BATCH = 2000


def words_of_each(texts: Sequence[str | None]) -> list[list[str]]:
    """The words of each of ``texts``, as :func:`words` gives them, through the tokenizer
    a batch at a time: rebuilding the words of thousands of records (an import's new people)
    takes four statements a batch, where one text at a time took four a text."""
    found: list[list[str]] = [[] for _ in texts]
    db = _index()
    for start in range(0, len(texts), BATCH):
        given = [(n, text) for n, text in enumerate(texts[start : start + BATCH], start) if text]
        if not given:
            continue
        db.execute("BEGIN")
        try:
            db.executemany("INSERT INTO text(rowid, body) VALUES (?, ?)", given)
            for n, term in db.execute("SELECT doc, term FROM words ORDER BY doc, offset"):
                found[n].append(term)
        finally:
            db.execute("ROLLBACK")
    return found

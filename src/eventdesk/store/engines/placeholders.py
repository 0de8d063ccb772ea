"""The SQL the store writes once, with SQLite's placeholders, made psycopg's.

The store's queries use ``?`` (or ``:name`` with a mapping of values). psycopg takes ``%s``
(``%(name)s``) and reads every other ``%`` as the start of one, inside string literals too:
a literal ``%`` (``LIKE '%ming'``, ``rowid % 7``) becomes ``%%``. A ``?`` or ``:name`` inside a
string literal, a quoted identifier or a comment is left as it is; ``::`` (a cast) is no name.
"""

from __future__ import annotations

import functools
import re

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_DOLLAR = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)?\$")


@functools.lru_cache(maxsize=1024)
def to_psycopg(sql: str, named: bool = False) -> str:
    """``sql`` with ``?`` (or, when ``named``, ``:name``) as psycopg's placeholders.

    >>> to_psycopg("SELECT id FROM people WHERE name LIKE '%?' AND id = ?")
    "SELECT id FROM people WHERE name LIKE '%%?' AND id = %s"
    """
    out: list[str] = []
    i, n = 0, len(sql)
    while i < n:
        c = sql[i]
        if c == "%":
            out.append("%%")
            i += 1
        elif c in "'\"":  # a string or a quoted identifier: '' / "" inside is the quote itself
            end = i + 1
            while end < n and not (sql[end] == c and sql[end + 1 : end + 2] != c):
                end += 2 if sql[end] == c else 1
            out.append(sql[i : end + 1].replace("%", "%%"))
            i = end + 1
        elif sql.startswith("--", i):
            end = sql.find("\n", i)
            end = n if end < 0 else end
            out.append(sql[i:end].replace("%", "%%"))
            i = end
        elif sql.startswith("/*", i):
            end = sql.find("*/", i + 2)
            end = n if end < 0 else end + 2
            out.append(sql[i:end].replace("%", "%%"))
            i = end
        elif c == "$" and (tag := _DOLLAR.match(sql, i)):  # PostgreSQL's $$ … $$ string
            end = sql.find(tag.group(), tag.end())
            end = n if end < 0 else end + len(tag.group())
            out.append(sql[i:end].replace("%", "%%"))
            i = end
        elif c == "?" and not named:
            out.append("%s")
            i += 1
        elif c == ":" and sql.startswith("::", i):
            out.append("::")
            i += 2
        elif c == ":" and named and (name := _NAME.match(sql, i + 1)):
            out.append(f"%({name.group()})s")
            i = name.end()
        else:
            out.append(c)
            i += 1
    return "".join(out)

"""Where the store's SQL must say a thing differently on SQLite and on PostgreSQL: only here.

The store writes each query once (``base.py`` says what both engines take alike). The few
things the two spell differently are asked of this module by the query that needs them,
so a reader finds every difference in one place rather than an ``if`` in each query:

============================  =================================  ===================================
what                          SQLite file                        PostgreSQL team database
============================  =================================  ===================================
case-insensitive order        ``x.title COLLATE NOCASE``         ``lower(x.title)`` (ASCII folded
                                                                 alone, as NOCASE: the text columns
                                                                 are ``COLLATE "C"``)
case-insensitive equality     ``a = b COLLATE NOCASE``           ``lower(a) = lower(b)``
case-insensitive LIKE         ``LIKE`` (ASCII case aside)        ``ILIKE``
a list given as one value     ``json_each(?)``                   ``json_array_elements_text(?)``
no limit                      ``LIMIT -1``                       ``LIMIT NULL``
a character by its code       ``char(31)``                       ``chr(31)``
one writer at a time          (the file's lock: nothing to do)   a transaction's advisory lock
a join read left side first   ``CROSS JOIN … ON``                ``JOIN … ON``
============================  =================================  ===================================

Text compares and sorts by its bytes on both (SQLite's ``BINARY``; ``COLLATE "C"`` on every
text column of a team database, ``postgres_schema.py``), so equal names are equal and lists
come in the same order whatever locale the office's server was set up with.
"""

from __future__ import annotations

import functools
import re

from eventdesk.store.engines.base import Connection, Engine

_NOCASE = re.compile(r"\s+COLLATE\s+NOCASE\b", re.IGNORECASE)
_NAME = re.compile(r"[\w.]+$")


def _engine(of: Connection | Engine) -> Engine:
    return of if isinstance(of, str) else of.engine


def order_by(of: Connection | Engine, order: str) -> str:
    """An ORDER BY (or any SQL) written with SQLite's ``COLLATE NOCASE``, for ``of``'s engine.

    >>> order_by("postgresql", "coalesce(nullif(x.name, ''), x.name_zh) COLLATE NOCASE, x.id")
    "lower(coalesce(nullif(x.name, ''), x.name_zh)), x.id"
    """
    return order if _engine(of) == "sqlite" else _lowered(order)


@functools.lru_cache(maxsize=256)
def _lowered(sql: str) -> str:
    """Each ``EXPR COLLATE NOCASE`` as ``lower(EXPR)``: EXPR is a (dotted) name, or a call
    or parenthesis ending just before COLLATE."""
    out = sql
    while found := _NOCASE.search(out):
        head, tail = out[: found.start()], out[found.end() :]
        start = _expression_start(head)
        out = f"{head[:start]}lower({head[start:]}){tail}"
    return out


def _expression_start(head: str) -> int:
    if head.endswith(")"):
        depth = 0
        for n in range(len(head) - 1, -1, -1):
            depth += {")": 1, "(": -1}.get(head[n], 0)
            if depth == 0:
                name = _NAME.search(head[:n])  # the function called, if any
                return name.start() if name else n
        raise ValueError(f"unbalanced parentheses before COLLATE NOCASE: {head!r}")
    name = _NAME.search(head)
    if name is None:
        raise ValueError(f"no expression before COLLATE NOCASE: {head!r}")
    return name.start()


def same_nocase(of: Connection | Engine, left: str, right: str) -> str:
    """``left`` equals ``right`` with ASCII letters' case aside (SQLite's ``NOCASE``).

    >>> same_nocase("postgresql", "p.family_name", "?")
    'lower(p.family_name) = lower(?)'
    """
    if _engine(of) == "sqlite":
        return f"{left} = {right} COLLATE NOCASE"
    return f"lower({left}) = lower({right})"


def like(of: Connection | Engine) -> str:
    """The operator that matches a pattern with ASCII letters' case aside, as SQLite's LIKE."""
    return "LIKE" if _engine(of) == "sqlite" else "ILIKE"


def listed(of: Connection | Engine, param: str = "?", *, numbers: bool = False) -> str:
    """A subquery of the values of a JSON array given as one parameter (``json.dumps(list)``):
    ``x IN ({listed(conn)})`` takes any number of values as one, under every engine's limit
    on parameters. The values are text, or with ``numbers`` whole numbers (ids)."""
    if _engine(of) == "sqlite":
        return f"SELECT value FROM json_each({param})"
    value = "CAST(value AS bigint)" if numbers else "value"
    return f"SELECT {value} FROM json_array_elements_text(CAST({param} AS json))"


def limit(of: Connection | Engine, rows: int) -> int | None:
    """A LIMIT's value: a negative ``rows`` (the lists' "all of them") as each engine says it."""
    if rows >= 0:
        return rows
    return -1 if _engine(of) == "sqlite" else None


def character(of: Connection | Engine, code: int) -> str:
    """The SQL of one character by its code point (``char(31)``, a separator)."""
    return f"{'char' if _engine(of) == 'sqlite' else 'chr'}({int(code)})"


def join_in_order(of: Connection | Engine) -> str:
    """A join that reads its left side first: SQLite's ``CROSS JOIN`` (which its planner never
    reorders: a page of meetings first, then each one's rows), a plain ``JOIN`` on PostgreSQL,
    whose ``CROSS JOIN`` takes no ``ON`` (and whose planner sees a small page for itself)."""
    return "CROSS JOIN" if _engine(of) == "sqlite" else "JOIN"


def take_turns(conn: Connection, what: str) -> None:
    """Inside a transaction: wait until no other transaction doing ``what`` is under way, and
    keep others doing it waiting until this one ends (commits or rolls back).

    On a team database that is a transaction's advisory lock: two clerks importing at once
    take turns, so the second matches the people and organisations the first added rather
    than adding them again. A file needs nothing: one EventDesk writes it at a time (its lock
    file, and SQLite's write lock).
    """
    if conn.engine != "sqlite":
        conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", (f"eventdesk {what}",))

"""What an interchange file may be: size, nesting, numbers and text SQLite can keep.

Why: a file from outside is read whole into memory and checked before one
byte is written. A hostile or broken file must not exhaust memory or the
stack, nor fail half-way in SQLite's words; each limit below is refused in
one line naming the place in the file, and nothing changes.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from eventdesk.records.text import CONTROLS, control_problem

#: The largest file read: a whole database's records of ten years are about a tenth of it; with
#: its photos it is far larger, and moves by copying its folder (too_big_note says so).
MAX_FILE_BYTES = 1024 * 2**20
#: How deep objects and lists may nest (the format needs 5).
MAX_DEPTH = 32
#: Integers SQLite stores (64 bits).
MIN_INT, MAX_INT = -(2**63), 2**63 - 1


def check_size(path: Path) -> str | None:
    try:
        size = path.stat().st_size
    except OSError:
        return None  # reading it will say why
    if size > MAX_FILE_BYTES:
        return (
            f"{path}: the file is {size / 2**20:,.0f} MB; EventDesk reads interchange files "
            f"of up to {MAX_FILE_BYTES // 2**20:,} MB"
        )
    return None


def too_big_note(path: Path) -> str | None:
    """What to tell the user who just exported a file no EventDesk will import (photos, mostly)."""
    if check_size(path) is None:
        return None
    size = path.stat().st_size / 2**20
    return (
        f"{path.name} is {size:,.0f} MB, more than the {MAX_FILE_BYTES // 2**20:,} MB EventDesk "
        "imports (its photos are in it as text). To move this database with its photos to "
        "another computer, copy the database file with its .media and backups folders instead."
    )


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def parse(text: str, path: Path) -> Any:
    """``json.loads`` with the limits; raises ValueError with a one-line reason."""
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise ValueError(
            f"{path}: not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None
    except RecursionError:
        raise ValueError(f"{path}: nested deeper than {MAX_DEPTH} levels") from None
    except ValueError as exc:  # a number of thousands of digits, NaN, Infinity
        raise ValueError(f"{path}: {exc}") from None


def problems(document: Any) -> list[str]:
    """Every place where ``document`` goes past a limit (at most 20 are named).

    One pass over every value; a place's name is built only for a problem.
    """
    found: list[str] = []
    # (value, where, depth): ``where`` is a linked (parent, key) pair, named when needed.
    stack: list[tuple[Any, Any, int]] = [(document, None, 0)]
    while stack and len(found) < 20:
        value, where, depth = stack.pop()
        kind = type(value)
        if kind is str:
            if not value.isascii() and _bad_text(value):
                found.append(f"{_name(where)}: not valid text (a lone surrogate such as \\ud800)")
            elif CONTROLS.search(value):
                found.append(f"{_name(where)}: {control_problem(value)}")
        elif kind is dict or kind is list:
            if depth >= MAX_DEPTH:
                found.append(f"{_name(where)}: nested deeper than {MAX_DEPTH} levels")
                continue
            if kind is dict:
                for key, item in value.items():
                    if not key.isascii() and _bad_text(key):
                        found.append(f"{_name(where)}: a key that is not valid text")
                    elif type(item) is not str or not item.isascii() or CONTROLS.search(item):
                        stack.append((item, (where, key), depth + 1))
            else:
                stack.extend(
                    (item, (where, n), depth + 1)
                    for n, item in enumerate(value, 1)
                    if type(item) is not str or not item.isascii() or CONTROLS.search(item)
                )
        elif kind is int:
            if not MIN_INT <= value <= MAX_INT:
                found.append(f"{_name(where)}: the number is too large (at most {MAX_INT:,})")
        elif kind is float and not math.isfinite(value):
            found.append(f"{_name(where)}: the number is too large")
    return found


def _name(where: Any) -> str:
    keys = []
    while where is not None:
        where, key = where
        keys.append(str(key))
    return " › ".join(["the file", *reversed(keys)])


def _bad_text(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False

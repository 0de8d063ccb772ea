"""Argument types the commands share: numbers within what the database can hold.

Why: ``--meeting 9223372036854775808`` is a valid Python int but not an
SQLite INTEGER; argparse should refuse it as a bad command line (exit 2)
rather than let it reach a query.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from eventdesk.records import parse_date
from eventdesk.store.engines.addresses import is_team_address

_MAX_ID = 2**63 - 1


def record_id(text: str) -> int:
    """A record's id: a whole number from 1 up."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not an id (a whole number)") from None
    if not 1 <= value <= _MAX_ID:
        raise argparse.ArgumentTypeError(f"{text!r} is not an id (1 up to {_MAX_ID})")
    return value


def year(text: str) -> int:
    """A year as a calendar writes it (1 to 9999)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a year") from None
    if not 1 <= value <= 9999:
        raise argparse.ArgumentTypeError(f"{text!r} is not a year (1 to 9999)")
    return value


def calendar_date(text: str) -> date:
    """A date as YYYY-MM-DD, refused by argparse (exit 2) when it is not one."""
    try:
        return parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def database(text: str) -> Path | str:
    """``--db``: a file's path, or a team database's ``postgresql://`` address kept as typed
    (a ``Path`` would fold its ``//``)."""
    return text if is_team_address(text) else Path(text)

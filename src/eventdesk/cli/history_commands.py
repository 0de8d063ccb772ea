"""``eventdesk history RECORD``: who changed a record, when, and what (issue 23, item 5).

Kept apart from :mod:`eventdesk.cli.commands` like the summary commands: ``main`` adds the
parser and the function. One line a save, the newest first: when (local time), who, the
version it made, and what it changed, old → new for a short field.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from eventdesk.cli.arguments import record_id
from eventdesk.cli.opening import open_store
from eventdesk.records.text import terminal_text

#: What ``RECORD`` may name before its colon; a bare id is a meeting's.
KINDS = ("meeting", "person", "organisation", "course")


def record(text: str) -> tuple[str, int]:
    """``1`` (a meeting), ``person:12``, ``organisation:3`` or ``course:5``: the record's kind
    and id."""
    kind, colon, number = text.strip().rpartition(":")
    kind = kind.lower() if colon else "meeting"
    if kind not in KINDS:
        raise argparse.ArgumentTypeError(
            f"{text!r}: name a meeting by its id (1), or person:ID, organisation:ID or course:ID"
        )
    return kind, record_id(number)


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "history", help="who changed a meeting, person, organisation or course, when, and what"
    )
    p.add_argument(
        "record",
        type=record,
        metavar="RECORD",
        help="a meeting's id (see `list`), or person:ID, organisation:ID, course:ID",
    )


def cmd_history(args: argparse.Namespace) -> int:
    kind, number = args.record
    with open_store(args) as store:
        name = _name(store, kind, number)  # RecordNotFound: one line, exit 1
        changes = store.history.of(kind, number)
    print(terminal_text(f"{kind} {number}: {name}"))
    if not changes:
        print("No change is recorded (saves before EventDesk kept a history are not known).")
    for change in changes:
        print(terminal_text(change.line()))
    return 0


def _name(store, kind: str, number: int) -> str:
    if kind == "meeting":
        meeting = store.meetings.get(number)
        return f"{meeting.start_date} {meeting.title or meeting.title_zh}"
    if kind == "person":
        return store.people.get(number).display_name
    if kind == "course":
        course = store.courses.get(number)
        return course.title or course.title_zh
    return store.organisations.get(number).label


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {"history": cmd_history}

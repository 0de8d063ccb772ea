"""``eventdesk copy SOURCE TARGET``: a whole database to another file or team database.

The copy is the store's (``store/copying.py``); its progress and check are shown as
``cli/copy_progress.py`` shows them (``backup -o`` of a team database shows them too). The exit
status is 0 only when every kind of record and every photo is on both sides in equal number.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from eventdesk.cli.copy_progress import ProgressLine, tell


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "copy",
        help="copy a whole database, photos included, to another file or team database",
        description="Copy every record and photo of SOURCE to TARGET, each a database file or "
        "a postgresql:// address, keeping their ids; then count both sides and show them. "
        "A TARGET that holds records is refused unless --replace is given.",
    )
    p.add_argument("source", metavar="SOURCE", help="a database file or a postgresql:// address")
    p.add_argument("target", metavar="TARGET", help="a new file, or an empty team database")
    p.add_argument(
        "--replace",
        action="store_true",
        help="replace what TARGET holds (all of it at once: killed midway, TARGET is as it was)",
    )


def cmd_copy(args: argparse.Namespace) -> int:
    from eventdesk.store.copying import copy_database

    line = ProgressLine()
    try:
        report = copy_database(args.source, args.target, replace=args.replace, progress=line)
    finally:
        line.end()
    return tell(report, "Copied")


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {"copy": cmd_copy}

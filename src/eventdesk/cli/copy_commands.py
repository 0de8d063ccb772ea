"""``eventdesk copy SOURCE TARGET``: a whole database to another file or team database.

The copy is the store's (``store/copying.py``); here are its progress on stderr, one line
rewritten in place on a terminal ("meetings 1,200/10,000 · photos 310/2,400") and a line every
few seconds otherwise (a log keeps them all), and its check printed as a table. The exit
status is 0 only when every kind of record and every photo is on both sides in equal number.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable

from eventdesk.cli.opening import say_note
from eventdesk.store.copying import PHOTOS, CopyReport, Tally, copy_database


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


class ProgressLine:
    """The copy's progress on stderr: in place on a terminal, a line now and then in a log."""

    def __init__(self, stream=None, *, every: float | None = None):
        self.stream = stream or sys.stderr
        self.live = bool(getattr(self.stream, "isatty", lambda: False)())
        self.every = every if every is not None else (0.2 if self.live else 5.0)
        self._last = 0.0
        self._width = 0

    def __call__(self, tally: Tally) -> None:
        now = time.monotonic()
        if now - self._last < self.every:
            return
        self._last = now
        self.show(describe(tally))

    def show(self, text: str) -> None:
        if self.live:
            self.stream.write("\r" + text.ljust(self._width))
            self._width = len(text)
        else:
            self.stream.write(text + "\n")
        self.stream.flush()

    def end(self) -> None:
        if self.live and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()


def describe(tally: Tally) -> str:
    """``meetings 1,200/10,000 · photos 310/2,400``: the table being copied and the photos."""
    shown = [tally.current] if tally.current != PHOTOS else []
    shown.append(PHOTOS)
    return " · ".join(
        f"{name} {tally.done.get(name, 0):,}/{tally.totals.get(name, 0):,}" for name in shown
    )


def cmd_copy(args: argparse.Namespace) -> int:
    line = ProgressLine()
    try:
        report = copy_database(args.source, args.target, replace=args.replace, progress=line)
    finally:
        line.end()
    return tell(report, "Copied")


def tell(report: CopyReport, done: str) -> int:
    """The check as a table on stdout; what was not copied on stderr; 1 if anything differs."""
    print(report.table())
    for problem in report.problems:
        say_note(problem)
    if not report.ok:
        print(
            f"eventdesk: the copy in {report.target} is not complete: the counts above differ. "
            "Run `eventdesk check` on the source, mend what it names, and copy again.",
            file=sys.stderr,
        )
        return 1
    print(f"{done} {report.source} to {report.target} in {report.seconds:.1f} s; checked.")
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {"copy": cmd_copy}

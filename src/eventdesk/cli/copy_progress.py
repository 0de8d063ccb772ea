"""A whole-database copy on the command line (``copy``, and ``backup -o`` of a team database):
its progress on stderr, one line rewritten in place on a terminal ("meetings 1,200/10,000 ·
photos 310/2,400") and a line every few seconds otherwise (a log keeps them all), and its check
printed as a table, with the exit status it gives."""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING

from eventdesk.cli.opening import say_note

if TYPE_CHECKING:  # the copy's module is loaded when a copy runs, not at every start
    from eventdesk.store.copying import CopyReport, Tally

PHOTOS = "photos"  # copying.PHOTOS


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

"""Replacing and removing files another program holds open for a moment.

On Windows a file open in another program can be neither replaced nor
removed unless that program allowed it, and most do not: SQLite opens its
files without ``FILE_SHARE_DELETE``, and antivirus scanners, the search
indexer and OneDrive open a file just written for a moment to look at it.
Python then raises ``PermissionError`` (WinError 32, "in use by another
process", or 5 while a removal is pending). Such a moment passes, so the step
is tried again for up to :data:`PATIENCE` seconds before it fails. Where a
step may be left for later (an old backup, a photo no backup names), what is
still held is skipped and returned, for the caller to say so; it goes the
next time.

Elsewhere the same error means the folder is not writable, which waiting does
not mend; the short wait costs little against a step that then fails anyway.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

#: Seconds one step waits, in all, for another program to let go of a file.
PATIENCE = 2.0
_FIRST_PAUSE = 0.05
_LONGEST_PAUSE = 0.4

T = TypeVar("T")


def patiently(step: Callable[[], T], deadline: float | None = None) -> T:
    """``step()``, tried again while it raises ``PermissionError``, until ``deadline``.

    ``deadline`` is a ``time.monotonic()`` value (default: :data:`PATIENCE`
    from now); the last ``PermissionError`` is raised when it passes.
    """
    end = time.monotonic() + PATIENCE if deadline is None else deadline
    pause = _FIRST_PAUSE
    while True:
        try:
            return step()
        except PermissionError:
            remaining = end - time.monotonic()
            if remaining <= 0:
                raise
        time.sleep(min(pause, remaining))  # the last try is at the deadline itself
        pause = min(pause * 2, _LONGEST_PAUSE)


def replace(source: Path, target: Path) -> None:
    """``os.replace``, waiting a moment for a program that holds either file."""
    patiently(lambda: os.replace(source, target))


def unlink(path: Path) -> None:
    """Remove ``path`` if it is there, waiting a moment for a program that holds it."""
    patiently(lambda: path.unlink(missing_ok=True))


#: Files this program had to leave for another time, for the command line to say so.
_LEFT: list[Path] = []


def remove_all(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """Remove each of ``paths`` that can be; return ``(removed, still_held)``.

    All of them share one :data:`PATIENCE`: a folder of files held for good
    does not keep the caller waiting once per file. What is still held is
    also kept for :func:`take_notes`.
    """
    deadline = time.monotonic() + PATIENCE
    removed, held = [], []
    for path in paths:
        try:
            patiently(lambda path=path: path.unlink(missing_ok=True), deadline)
        except PermissionError:
            held.append(path)
        else:
            removed.append(path)
    _LEFT.extend(held)
    return removed, held


def take_notes() -> list[str]:
    """The line to say about the files left since the last call (none: no line)."""
    if not _LEFT:
        return []
    left = list(dict.fromkeys(_LEFT))
    _LEFT.clear()
    return [held_note(left)]


def held_note(held: list[Path]) -> str:
    """The line that says what could not be removed yet, and that it goes next time."""
    names = ", ".join(p.name for p in held[:3])
    more = f" and {len(held) - 3} more" if len(held) > 3 else ""
    return (
        f"{len(held)} old file(s) could not be removed yet: another program has them open "
        f"({names}{more}); EventDesk removes them next time."
    )

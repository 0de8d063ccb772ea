"""``eventdesk``: the argument parser and the dispatch to each command.

Commands live in :mod:`eventdesk.cli.commands`, :mod:`~eventdesk.cli.summary_commands`,
:mod:`~eventdesk.cli.spreadsheet_commands` and :mod:`~eventdesk.cli.history_commands`, one
function each; this module is the only one that knows them all (each opens the store through
:mod:`eventdesk.cli.opening`, so none imports another). A user's
mistake (a bad file, an unknown id) ends in one line on stderr and exit 1; a
bad command line in argparse's usage message and exit 2; Ctrl+C in one line
and exit 130; a reader that stops reading (``eventdesk list | head -1``) in
silence. Even a bug in EventDesk ends in one line (exit 70) rather than a
traceback; ``EVENTDESK_DEBUG=1`` shows the traceback for a developer.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import sqlite3
import stat
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from eventdesk import __version__
from eventdesk.cli import (
    chinese_commands,
    commands,
    copy_commands,
    history_commands,
    spreadsheet_commands,
    summary_commands,
)
from eventdesk.cli.arguments import database, record_id
from eventdesk.records import ValidationError
from eventdesk.records.text import terminal_text
from eventdesk.store import StoreError, busy_files

EXIT_BAD_DATA = 1
EXIT_BAD_USAGE = 2
EXIT_BUG = 70  # EX_SOFTWARE
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports Ctrl+C
EXIT_PIPE_CLOSED = 141  # 128 + SIGPIPE, as a shell reports `cat big | head -1`

#: Every command's name and function, gathered from the modules that define them.
COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    **commands.COMMANDS,
    **summary_commands.COMMANDS,
    **spreadsheet_commands.COMMANDS,
    **chinese_commands.COMMANDS,
    **copy_commands.COMMANDS,
    **history_commands.COMMANDS,
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eventdesk",
        description="Records of the meetings your university takes part in. "
        "With no command, starts the desktop program.",
    )
    parser.add_argument("--version", action="version", version=f"EventDesk {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check, without a screen or your database, that this program can import the "
        "example meeting and write its news release as PDF, DOCX and HTML; with --db "
        "postgresql://..., also that it reaches that team database, reads it and (for a "
        "clerk's login) can write to it, changing nothing; exit 0 if it can",
    )
    parser.add_argument(
        "--db",
        type=database,
        metavar="PATH",
        help="the database file (default: eventdesk.sqlite3 in your user data folder), or a "
        "team database's address, postgresql://USER@HOST/DATABASE (its password from "
        "libpq's .pgpass or a service file, never typed on the command line)",
    )
    opening = parser.add_mutually_exclusive_group()
    opening.add_argument(
        "--read-only",
        action="store_true",
        help="open the database only to read it: no lock, no backup, no change "
        "(for a file on a read-only disk or share); commands that write refuse",
    )
    opening.add_argument(
        "--take-over",
        action="store_true",
        help="for commands that write: take the database over from another PC whose "
        "EventDesk crashed or was switched off (edits not yet saved there may be lost); "
        "a file in use right now is never taken",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("gui", help="start the desktop program (the default)")

    p = sub.add_parser("import", help="import an interchange JSON file, whole or not at all")
    p.add_argument("file", type=Path, metavar="FILE.json", help="an EventDesk interchange file")

    p = sub.add_parser("export", help="export one meeting or the whole database as JSON")
    p.add_argument(
        "--meeting", type=record_id, metavar="ID", help="only this meeting (default: all)"
    )
    p.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE.json", help="where to write it"
    )

    p = sub.add_parser("list", help="list the meetings: id, date, title")
    p.add_argument("--json", action="store_true", help="print a JSON array")

    p = sub.add_parser("search", help="meetings that any of their records ties to the words")
    p.add_argument("text", nargs="+", help="words, in English or Chinese; all must match")
    p.add_argument("--json", action="store_true", help="print a JSON array")

    sub.add_parser("check", help="check the database's integrity and consistency")

    p = sub.add_parser("restore", help="list the backups, or put one back in place of the database")
    p.add_argument(
        "backup",
        type=Path,
        nargs="?",
        metavar="BACKUP",
        help="the backup file to restore (default: list them)",
    )

    p = sub.add_parser("backup", help="write a consistent copy of the database")
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="where (default: the backups folder beside the database; a team database's "
        "backup is a copy of it in this file, checked as `copy` checks it)",
    )
    summary_commands.add_parsers(sub)
    spreadsheet_commands.add_parsers(sub)
    chinese_commands.add_parsers(sub)
    copy_commands.add_parsers(sub)
    history_commands.add_parsers(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    write_utf8()
    try:
        args = build_parser().parse_args(argv)
        if args.self_test:
            from eventdesk.selftest import run_self_test

            # A team database's address (a str; a file is a Path, never touched) adds its steps.
            team = args.db if isinstance(args.db, str) else None
            return run_self_test(team, read_only=args.read_only)
        command = args.command or "gui"
        status = COMMANDS[command](args)
        for note in busy_files.take_notes():  # old backups or photos held open elsewhere
            print(f"eventdesk: note: {note}", file=sys.stderr)
        sys.stdout.flush()  # a reader gone away is told here, not at the interpreter's exit
        return status
    except (StoreError, ValidationError) as exc:
        return _say(str(exc), EXIT_BAD_DATA)
    except KeyboardInterrupt:
        return _say("interrupted; nothing more was done.", EXIT_INTERRUPTED)
    except BrokenPipeError:
        return _reader_gone()
    except OSError as exc:
        if _reader_went_away(exc):
            return _reader_gone()
        where = f" ({exc.filename})" if exc.filename else ""
        return _say(f"{exc.strerror or exc}{where}.", EXIT_BAD_DATA)
    except (sqlite3.Error, MemoryError, RecursionError) as exc:
        return _say(f"the operation failed ({type(exc).__name__}: {exc}).", EXIT_BAD_DATA)
    except Exception as exc:  # a bug: still one line, unless a developer asks for more
        if os.environ.get("EVENTDESK_DEBUG"):
            raise
        return _say(
            f"internal error ({type(exc).__name__}: {exc}); please report it "
            "(EVENTDESK_DEBUG=1 shows the details).",
            EXIT_BUG,
        )


#: The longest line of a message shown: a value echoed in it (a 300 MB "time zone") is cut.
MAX_LINE = 2000


def write_utf8() -> None:
    """Standard output and error in UTF-8, whatever the console, pipe or file behind them.

    Redirected or piped on Windows, Python writes in the PC's ANSI code page
    (cp1252 on an English Windows), which has no Chinese: ``list > out.txt``
    with a Chinese title ended in ``UnicodeEncodeError``. UTF-8 holds every
    title; what cannot be encoded even so (a lone surrogate in a file name)
    is written as a backslash escape rather than stopping the command.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)  # None: a windowed program's
        if reconfigure is not None:
            with contextlib.suppress(OSError, ValueError):
                reconfigure(encoding="utf-8", errors="backslashreplace")


def _say(message: str, status: int) -> int:
    """One line on standard error (``\n`` kept: an import names each problem on a line).

    A control character a message echoes is shown as its escape, never sent
    to the terminal raw (an ESC is a command to it); a stream that could not be
    switched to UTF-8 gets the characters it cannot hold as escapes too: the
    message is never dropped for its Chinese.
    """
    lines = [
        terminal_text(line if len(line) <= MAX_LINE else line[:MAX_LINE] + "…")
        for line in message.split("\n")
    ]
    text = "eventdesk: " + "\n".join(lines)
    with contextlib.suppress(LookupError, TypeError, AttributeError):  # no codec we know
        encoding = sys.stderr.encoding or "utf-8"
        text = text.encode(encoding, "backslashreplace").decode(encoding)
    with contextlib.suppress(OSError, ValueError, AttributeError):
        print(text, file=sys.stderr)
    return status


def _reader_went_away(exc: OSError) -> bool:
    """EPIPE; on Windows, writing to a pipe its reader closed may fail as EINVAL instead
    (cpython#79935), which no other write of ours to a pipe does."""
    if exc.errno == errno.EPIPE:
        return True
    if os.name != "nt" or exc.errno != errno.EINVAL or exc.filename is not None:
        return False
    try:
        return stat.S_ISFIFO(os.fstat(sys.stdout.fileno()).st_mode)
    except (OSError, ValueError, AttributeError):
        return False


def _reader_gone() -> int:
    """The reader of our output went away (``| head -1``): stop quietly, as ``cat`` does."""
    try:  # make the interpreter's last flush of stdout go nowhere instead of failing
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    return EXIT_PIPE_CLOSED


def gui_main() -> int:
    """Entry point of the windowed launcher (``eventdesk-gui``, no console on Windows).

    With no arguments it starts the GUI; with arguments it runs them like ``eventdesk``
    (``--db PATH``, or a command), so a shortcut can name a database.
    """
    return main([*sys.argv[1:]] if len(sys.argv) > 1 else [])

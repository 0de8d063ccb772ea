"""One function per command; each returns the exit status.

They open the store through :func:`open_store`, talk only to ``EventStore``
and the interchange functions, and print results to stdout.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from eventdesk import paths
from eventdesk.cli import spreadsheet_commands, summary_commands
from eventdesk.records.text import terminal_text
from eventdesk.store import (
    DatabaseFiles,
    DatabaseLocked,
    DiskFull,
    EventStore,
    ReadOnlyLocation,
    ReadOnlyStore,
    StoreError,
)


def database_path(args: argparse.Namespace) -> Path:
    return args.db if args.db is not None else paths.default_database()


def open_store(args: argparse.Namespace, *, write: bool = False) -> EventStore:
    """Open the database; a command that only reads may use a file another EventDesk holds.

    With ``--read-only`` a command that writes is refused before anything is
    opened; one that reads opens the file without a lock and changes nothing.
    """
    path = database_path(args)
    if getattr(args, "read_only", False):
        if write:
            raise ReadOnlyStore(f"--read-only: {args.command} would change {path}; not run.")
        return EventStore.open(path, create=False, read_only=True)
    try:
        store = EventStore.open(path)
    except DatabaseLocked as locked:
        if write:
            raise
        _note(f"{locked.who} has the file open; reading it read-only.")
    except DiskFull as full:
        if write:
            raise
        _note(full.reading_note())
    except ReadOnlyLocation as exc:
        if write:
            raise
        _note(f"{exc} Reading it read-only.")
    else:
        # The day's backup could not be made, and why: a command that reads goes on and says
        # so; one that writes makes its own backup first, or is refused in its own one line.
        for note in [] if write else store.notes:
            _note(note)
        return store
    return EventStore.open(path, create=False, read_only=True)


def _note(text: str) -> None:
    print(f"eventdesk: note: {text}", file=sys.stderr)


def cmd_gui(args: argparse.Namespace) -> int:
    from eventdesk.ui.app import run  # Qt is imported only when a window is wanted

    # Without --db the GUI reopens the database used last time (else the default).
    return run(args.db)


def cmd_import(args: argparse.Namespace) -> int:
    with open_store(args, write=True) as store:
        report = store.import_file(args.file)
    print(f"Imported {args.file}: {report.summary()}.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        if args.meeting is not None:
            _write_text(args.output, store.export_json(args.meeting))
        else:  # record by record: the whole database is never in memory at once
            store.export_database_to(args.output)
        note = store.too_big_to_import(args.output)
    print(f"Wrote {args.output}.")
    if note:
        print(f"Note: {note}", file=sys.stderr)
    return 0


def _write_text(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise StoreError(f"Cannot write {path}: {exc.strerror}.") from None


def _print_meetings(rows, as_json: bool) -> None:
    if as_json:
        items = [
            {
                "id": r.id,
                "date": r.start_date,
                "end_date": r.end_date,
                "title": r.title,
                "series": r.series,
                "format": r.format,
                "status": r.status,
            }
            for r in rows
        ]
        print(terminal_text(json.dumps(items, ensure_ascii=False, indent=2)))
        return
    for r in rows:
        print(f"{r.id}\t{r.start_date}\t{terminal_text(r.title or r.title_zh)}")


def cmd_list(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        _print_meetings(store.list_meetings(), args.json)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        _print_meetings(store.search_meetings(" ".join(args.text)), args.json)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    notes: list[str] = []
    with open_store(args) as store:
        problems = store.integrity_problems(notes)
        removed = store.remove_orphan_photos()
        shared = store.shared_photo_folder()
    if shared is not None:
        notes.append(
            f"photo files no record names were left in {shared}: another database beside this "
            "one shares that folder, and may name them"
        )
    if removed:
        print(f"Removed {len(removed)} photo file(s) no record named (an interrupted save's).")
    for problem in problems:
        print(f"problem: {problem}", file=sys.stderr)
    for note in notes:
        _note(note)
    if problems:
        return 1
    print(f"{database_path(args)}: no problems found.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    path = database_path(args)
    files = DatabaseFiles(path)
    if args.backup is None:
        found = files.backups()
        if not found:
            print(f"There are no backups of {path} in {files.backup_folder}.")
        for b in found:
            print(f"{b.taken:%Y-%m-%d %H:%M:%S}\t{b.reason}\t{b.path}")
        return 0
    if getattr(args, "read_only", False):
        raise ReadOnlyStore(f"--read-only: restore would replace {path}; not run.")
    kept = files.restore(args.backup)
    print(f"Restored {path} from {args.backup}. The replaced file was kept as {kept}.")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    notes: list[str] = []
    with open_store(args) as store:
        target = store.backup(args.output, notes=notes)
    print(f"Backed up to {target}.")
    for note in notes:  # a photo left out: damaged, or a link in its place
        _note(note)
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "gui": cmd_gui,
    "import": cmd_import,
    "export": cmd_export,
    "list": cmd_list,
    "search": cmd_search,
    "check": cmd_check,
    "backup": cmd_backup,
    "restore": cmd_restore,
    **summary_commands.COMMANDS,
    **spreadsheet_commands.COMMANDS,
}

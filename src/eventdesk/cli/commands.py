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

from eventdesk.cli.copy_progress import ProgressLine, tell
from eventdesk.cli.opening import database_path, open_store, refused, say_note
from eventdesk.records.text import terminal_text
from eventdesk.store import (
    DatabaseFiles,
    DatabaseLocked,
    ReadOnlyStore,
    StoreError,
)
from eventdesk.store.engines.addresses import redacted


def cmd_gui(args: argparse.Namespace) -> int:
    from eventdesk.ui.app import run  # Qt is imported only when a window is wanted

    # Without --db the GUI reopens the database used last time (else the default).
    return run(args.db)


def cmd_import(args: argparse.Namespace) -> int:
    with open_store(args, write=True) as store:
        report = store.interchange.import_file(args.file)
    print(f"Imported {args.file}: {report.summary()}.")
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        if args.meeting is not None:
            _write_text(args.output, store.interchange.export_json(args.meeting))
        else:  # record by record: the whole database is never in memory at once
            store.interchange.export_to(args.output)
        note = store.interchange.too_big_to_import(args.output)
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
        _print_meetings(store.meetings.list(), args.json)
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    with open_store(args) as store:
        _print_meetings(store.meetings.search(" ".join(args.text)), args.json)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    notes: list[str] = []
    with open_store(args) as store:
        problems = store.files.check(notes)
        removed = store.files.remove_orphan_photos()
        shared = store.files.shared_photo_folder()
        checked = store.address  # a team database's without its password
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
        say_note(note)
    if problems:
        return 1
    print(f"{checked}: no problems found.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    path = database_path(args)
    if not isinstance(path, Path):
        raise StoreError(
            f"restore puts a backup file in place of a database file; the team database "
            f"{redacted(path)} is restored with its server's own tools (pg_restore)."
        )
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
    try:
        kept = files.restore(args.backup, take_over=getattr(args, "take_over", False))
    except DatabaseLocked as locked:
        raise refused(locked) from None
    print(f"Restored {path} from {args.backup}. The replaced file was kept as {kept}.")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    if not isinstance(database_path(args), Path):  # a team database: a copy of it in a file
        return _team_backup(args)
    notes: list[str] = []
    with open_store(args) as store:
        target = store.files.backup(args.output, notes=notes)
    print(f"Backed up to {target}.")
    for note in notes:  # a photo left out: damaged, or a link in its place
        say_note(note)
    return 0


def _team_backup(args: argparse.Namespace) -> int:
    """A team database's backup is a copy of it in a file, checked (``copy``'s table)."""
    if args.output is None:
        raise StoreError(
            "A team database has no backups folder beside it: name the file to write, "
            "backup -o FILE."
        )
    line = ProgressLine()
    with open_store(args) as store:
        try:
            report = store.files.copy_to(args.output, progress=line)
        finally:
            line.end()
    return tell(report, "Backed up")


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "gui": cmd_gui,
    "import": cmd_import,
    "export": cmd_export,
    "list": cmd_list,
    "search": cmd_search,
    "check": cmd_check,
    "backup": cmd_backup,
    "restore": cmd_restore,
}

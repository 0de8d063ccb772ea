"""``eventdesk import-attendees``, ``export-list`` and ``export-ics``: spreadsheets and calendars.

Kept apart from :mod:`eventdesk.cli.commands` like the summary commands:
``main`` adds both the parsers and the functions. A file that cannot be
read or written raises ``SpreadsheetError`` (a ``StoreError``): one line on
stderr, exit 1.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from eventdesk.cli.arguments import calendar_date, record_id
from eventdesk.cli.opening import open_store
from eventdesk.records import Side
from eventdesk.records.text import terminal_text


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """Add the spreadsheet and calendar commands to ``eventdesk``'s sub-command parsers."""
    from eventdesk.spreadsheets.lists import LISTS

    p = sub.add_parser(
        "import-attendees", help="add the people of an XLSX or CSV attendee list to a meeting"
    )
    p.add_argument(
        "meeting_id", type=record_id, metavar="MEETING_ID", help="the meeting (see `list`)"
    )
    p.add_argument("file", type=Path, metavar="FILE", help="FILE.xlsx or FILE.csv")
    p.add_argument(
        "--dry-run", action="store_true", help="show what would be imported; change nothing"
    )
    p.add_argument("--sheet", metavar="NAME", help="the workbook's sheet (default: the active one)")
    p.add_argument(
        "--side",
        choices=Side.values(),
        default=Side.PARTNER.value,
        help="side of rows that do not say (default: partner)",
    )

    p = sub.add_parser("export-list", help="write a list to XLSX or CSV, with its columns")
    p.add_argument("list", choices=LISTS, metavar="|".join(LISTS), help="which list")
    p.add_argument("--meeting", type=record_id, metavar="ID", help="the meeting (attendees only)")
    p.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE", help="FILE.xlsx or FILE.csv"
    )

    p = sub.add_parser("export-ics", help="write meetings to an iCalendar (.ics) file")
    p.add_argument("--meeting", type=record_id, metavar="ID", help="only this meeting")
    p.add_argument(
        "--from", dest="date_from", type=calendar_date, metavar="DATE", help="YYYY-MM-DD"
    )
    p.add_argument("--to", dest="date_to", type=calendar_date, metavar="DATE", help="YYYY-MM-DD")
    p.add_argument(
        "--time-zone",
        metavar="ZONE",
        help="the office's time zone for timed meetings, e.g. Asia/Shanghai "
        "(default: time_zone in preferences.json, else the computer's)",
    )
    p.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE.ics", help="where to write it"
    )


def cmd_import_attendees(args: argparse.Namespace) -> int:
    from eventdesk.spreadsheets.attendee_import import apply, read_plan
    from eventdesk.spreadsheets.columns import FIELDS

    with open_store(args, write=not args.dry_run) as store:
        plan = read_plan(
            store, args.meeting_id, args.file, sheet=args.sheet, default_side=Side(args.side)
        )
        labels = {f.key: f.label.lower() for f in FIELDS}
        columns = ", ".join(
            f"{plan.table.headers[column]!r} → {labels[key]}"
            for key, column in sorted(plan.mapping.items(), key=lambda item: item[1])
        )
        print(f"{args.file} ({plan.table.source}): {columns or 'no column recognised'}")
        title = terminal_text(plan.meeting_title)
        print(f"Into meeting {plan.meeting_id} {title!r}: {plan.summary()}.")
        for line in plan.rejections():
            print(f"not taken: {terminal_text(line)}")
        if not plan.to_take():
            print(
                "eventdesk: no row of the list could be taken; nothing was changed.",
                file=sys.stderr,
            )
            return 1
        if args.dry_run:
            print("Dry run: nothing was changed.")
            return 0
        result = apply(store, plan)
    print(f"Imported: {result.summary()}.")
    return 0


def cmd_export_list(args: argparse.Namespace) -> int:
    from eventdesk.spreadsheets.lists import list_table
    from eventdesk.spreadsheets.writing import write_table

    with open_store(args) as store:
        headers, rows = list_table(store, args.list, args.meeting)
    write_table(args.output, headers, rows)
    print(f"Wrote {len(rows)} row(s) to {args.output}.")
    return 0


def cmd_export_ics(args: argparse.Namespace) -> int:
    from eventdesk.spreadsheets.errors import SpreadsheetError
    from eventdesk.spreadsheets.ics import export_ics

    if args.meeting is not None and (args.date_from or args.date_to):
        raise SpreadsheetError("Name one meeting with --meeting, or a period with --from/--to.")
    with open_store(args) as store:
        count = export_ics(
            store,
            args.output,
            meeting_id=args.meeting,
            date_from=args.date_from,
            date_to=args.date_to,
            time_zone=args.time_zone or _preferred_zone(),
        )
    print(f"Wrote {count} meeting(s) to {args.output}.")
    return 0


def _preferred_zone() -> str:
    """The time zone set in the desktop program's preferences, or "" for the computer's."""
    from eventdesk.ui.preferences import Preferences, preferences_path  # plain JSON, no Qt

    try:
        prefs, note = Preferences.load_noting(preferences_path())
        if note:
            print(f"eventdesk: note: {note}", file=sys.stderr)
        return prefs.time_zone
    except OSError:  # no data folder
        return ""


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "import-attendees": cmd_import_attendees,
    "export-list": cmd_export_list,
    "export-ics": cmd_export_ics,
}

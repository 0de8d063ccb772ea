"""``eventdesk summary``, ``report`` and ``courses``: printable documents without a window.

Kept apart from :mod:`eventdesk.cli.commands` so the summary commands and
their options live in one place; ``main`` adds both the parsers and the
functions. The format is taken from the output's extension (.pdf, .docx,
.html). Warnings (a character no font can show) go to stderr; the file is
still written, with the warning printed in it.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from eventdesk.cli.arguments import calendar_date, record_id, year
from eventdesk.cli.opening import open_store


def _page_size(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--page-size",
        choices=["A4", "Letter"],
        default="A4",
        help="paper size of a PDF (default: A4)",
    )


def add_parsers(sub: argparse._SubParsersAction) -> None:
    """Add the summary commands to ``eventdesk``'s sub-command parsers."""
    p = sub.add_parser(
        "summary", help="write one meeting's news release or minutes as PDF, DOCX or HTML"
    )
    p.add_argument(
        "meeting_id", type=record_id, metavar="MEETING_ID", help="the meeting (see `list`)"
    )
    p.add_argument(
        "--template",
        choices=["news", "minutes"],
        default="news",
        help="news release or minutes (default: news)",
    )
    p.add_argument(
        "--lang",
        choices=["en", "zh", "zh-Hans", "zh-Hant", "zh-Hant-TW", "both"],
        default="en",
        help=(
            "English or Chinese (default: en): zh in the office's script (Preferences; "
            "simplified unless chosen otherwise), zh-Hans simplified, zh-Hant traditional "
            "(Hong Kong and Macao forms), zh-Hant-TW traditional (Taiwan forms), both the "
            "Chinese document followed by the English one; Chinese forms missing are named "
            "on stderr"
        ),
    )
    p.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE", help="FILE.pdf, .docx or .html"
    )
    _page_size(p)

    p = sub.add_parser("report", help="write a report of the meetings in a date range")
    p.add_argument(
        "--from", dest="date_from", type=calendar_date, metavar="DATE", help="YYYY-MM-DD"
    )
    p.add_argument("--to", dest="date_to", type=calendar_date, metavar="DATE", help="YYYY-MM-DD")
    p.add_argument("--organisation", metavar="NAME", help="only meetings with this organisation")
    p.add_argument("--series", metavar="NAME", help="only meetings of this series")
    p.add_argument(
        "--person", type=record_id, metavar="ID", help="only meetings this person attended"
    )
    p.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE", help="FILE.pdf, .docx or .html"
    )
    _page_size(p)

    p = sub.add_parser("courses", help="write the course-shortlist register")
    p.add_argument("--year", type=year, help="only this year's entries")
    p.add_argument(
        "--status",
        choices=["nominated", "shortlisted", "approved", "not_selected"],
        help="only entries with this status",
    )
    p.add_argument(
        "-o", "--output", type=Path, required=True, metavar="FILE", help="FILE.pdf, .docx or .html"
    )
    _page_size(p)


def _done(path: Path) -> int:
    print(f"Wrote {path}.")
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    from eventdesk.summary import write_summary

    with open_store(args) as store:
        write_summary(
            store, args.meeting_id, args.template, args.output, args.page_size, lang=args.lang
        )
    return _done(args.output)


def cmd_report(args: argparse.Namespace) -> int:
    from eventdesk.summary import write_period_report

    with open_store(args) as store:
        write_period_report(
            store,
            args.date_from,
            args.date_to,
            path=args.output,
            organisation=args.organisation,
            series=args.series,
            person_id=args.person,
            page_size=args.page_size,
        )
    return _done(args.output)


def cmd_courses(args: argparse.Namespace) -> int:
    from eventdesk.summary import write_course_register

    with open_store(args) as store:
        write_course_register(
            store, args.output, year=args.year, status=args.status, page_size=args.page_size
        )
    return _done(args.output)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "summary": cmd_summary,
    "report": cmd_report,
    "courses": cmd_courses,
}

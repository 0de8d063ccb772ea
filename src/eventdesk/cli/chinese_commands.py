"""``eventdesk fill-chinese``: the Chinese forms a meeting lacks, proposed and, when told, filled.

Lists each empty Chinese field the office's earlier records or the glossary
can fill (field, English, proposed Chinese, and where the form comes from),
and fills them with ``--apply`` through the store's normal saves. Without
``--apply`` nothing is written: a proposal is the clerk's to take.
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path

from eventdesk import paths
from eventdesk.cli.arguments import record_id
from eventdesk.cli.opening import open_store
from eventdesk.store import Proposal, load_glossary


def add_parsers(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "fill-chinese",
        help="propose the Chinese forms a meeting lacks (titles, sessions, organisations) "
        "from earlier meetings and a glossary; --apply fills them",
    )
    p.add_argument(
        "meeting_id", type=record_id, metavar="MEETING_ID", help="the meeting (see `list`)"
    )
    p.add_argument(
        "--apply", action="store_true", help="fill the proposed forms (default: only list them)"
    )
    p.add_argument(
        "--glossary",
        type=Path,
        metavar="FILE.json",
        help="a glossary of the office's own, its entries over the bundled ones",
    )


def glossary_files(extra: Path | None = None) -> list[Path]:
    """The bundled glossary, then the office's own if one is named."""
    return [paths.resources_dir() / "glossary" / "zh.json", *([extra] if extra else [])]


def cmd_fill_chinese(args: argparse.Namespace) -> int:
    glossary = load_glossary(*glossary_files(args.glossary))
    for problem in glossary.problems:
        print(f"eventdesk: warning: {problem}", file=sys.stderr)
    with open_store(args, write=args.apply) as store:
        proposals = store.chinese_forms.proposals(args.meeting_id, glossary)
        if not proposals:
            print(
                f"Nothing to fill in meeting {args.meeting_id}: no empty Chinese form that an "
                "earlier record or the glossary knows."
            )
            return 0
        print(table(proposals))
        if args.apply:
            written = store.chinese_forms.fill(args.meeting_id, proposals)
            print(f"Filled {written} Chinese form(s) of meeting {args.meeting_id}.")
        else:
            print(
                f"{len(proposals)} Chinese form(s) proposed; run again with --apply to fill them."
            )
    return 0


def table(proposals: list[Proposal]) -> str:
    """The proposals as columns, Chinese counted two columns wide as a terminal shows it."""
    rows = [("Field", "English", "Proposed", "Source")]
    rows += [(p.field, _short(p.english), p.chinese, p.source) for p in proposals]
    widths = [max(_width(r[i]) for r in rows) for i in range(3)]
    lines = []
    for row in rows:
        cells = [cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(row[:3])]
        lines.append("  ".join([*cells, row[3]]).rstrip())
    return "\n".join(lines)


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {"fill-chinese": cmd_fill_chinese}

"""Where a database's backups lie and how they are named: what opening a file needs of them.

Opening a file sweeps what a killed backup of it left half written; that needs the backups'
folder and names, not the backups' own work (``backups.py``, which brings the photos' folders
and pool with it), so every open imports this alone (issue 25, start-up).
"""

from __future__ import annotations

import re
from pathlib import Path

from eventdesk.store import partials

#: ``office-20211222-093000-daily.sqlite3``: the database's stem, when, and why.
NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z0-9-]+)\.sqlite3$")


def backup_folder(db_path: Path) -> Path:
    return db_path.parent / "backups"


def remove_leftovers(db_path: Path) -> list[Path]:
    """The unfinished backups of this database a killed process left, if no one still writes
    them (``store/partials.py``)."""

    def ours(name: str) -> bool:
        match = NAME.match(name.removesuffix(".partial"))
        return match is not None and match["stem"] == db_path.stem

    return partials.sweep(backup_folder(db_path), ours)

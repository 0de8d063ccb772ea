"""Where EventDesk keeps things. Resolved when asked, never at import time."""

from __future__ import annotations

import sys
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "EventDesk"
DATABASE_NAME = "eventdesk.sqlite3"


def data_dir() -> Path:
    """The user's data folder: outside the program folder, so upgrades never touch it."""
    return user_data_path(APP_NAME, appauthor=False, ensure_exists=True)


def default_database() -> Path:
    return data_dir() / DATABASE_NAME


def resources_dir() -> Path:
    """The shipped resources: inside a built program, an installed wheel, or the source tree."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "eventdesk" / "resources"
    packaged = Path(__file__).parent / "resources"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "resources"


def sample_meeting() -> Path:
    return resources_dir() / "samples" / "shua-2021-annual-meeting.json"

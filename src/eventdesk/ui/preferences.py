"""The user's preferences: a small typed record saved as JSON in the user data folder.

Window geometry and recent files are Qt's business (QSettings); choices a
user makes on purpose live here, typed, so a bad or old file falls back to
defaults field by field instead of breaking the start.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path

PREFERENCES_FILE = "preferences.json"


@dataclass
class Preferences:
    #: Rows fetched per query in the lists; larger pages scroll further before fetching.
    page_size: int = 200
    #: Our university, as the summaries name it ("University of Shanghai for Science and
    #: Technology"); it tells "our delegation" apart from partners.
    our_organisation: str = ""
    #: The office's time zone as an IANA name ("Asia/Shanghai") for calendar exports; empty
    #: means the computer's.
    time_zone: str = ""
    #: Records in the trash longer than this many days are removed for good when a database
    #: opens; 0 keeps them until the trash is emptied.
    trash_days: int = 30
    #: How an all-numeric date with the year last (02/04/2019) is read: 2 April (day first,
    #: as in Britain, Hong Kong and most of the world) or 4 February (month first, the US).
    day_first: bool = True

    @classmethod
    def load(cls, path: Path) -> Preferences:
        """Read ``path``; missing, unreadable or wrongly typed values keep their defaults."""
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(raw, dict):
            return cls()
        prefs = cls()
        for f in fields(cls):
            value = raw.get(f.name)
            default = getattr(prefs, f.name)
            if isinstance(value, type(default)) and not (
                isinstance(value, bool) and not isinstance(default, bool)
            ):
                setattr(prefs, f.name, value)
        prefs.page_size = min(max(prefs.page_size, 20), 5000)
        prefs.trash_days = min(max(prefs.trash_days, 0), 3650)
        return prefs

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), indent=2, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)


def preferences_path() -> Path:
    from eventdesk import paths

    return paths.data_dir() / PREFERENCES_FILE

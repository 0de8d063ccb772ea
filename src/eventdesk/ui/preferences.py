"""The user's preferences: a small typed record saved as JSON in the user data folder.

Window geometry and recent files are Qt's business (QSettings); choices a
user makes on purpose live here, typed, so a bad or old file falls back to
defaults field by field instead of breaking the start.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields
from pathlib import Path

PREFERENCES_FILE = "preferences.json"
#: A preferences file is a few hundred bytes; a larger one is not read.
MAX_BYTES = 64 * 1024
#: The longest text a preference may hold (a time zone is about 30 characters).
MAX_TEXT = 1000


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
        return cls.load_noting(path)[0]

    @classmethod
    def load_noting(cls, path: Path) -> tuple[Preferences, str]:
        """:meth:`load`, and a note naming the file when it was broken and set aside.

        A file that is not a JSON object (cut short, 100,000 lists deep, a
        megabyte of something else) must not stop the window from starting:
        it is moved to ``preferences.json.broken`` and the defaults are used.
        """
        try:
            if path.stat().st_size > MAX_BYTES:
                return cls(), _set_aside(path, f"it is larger than {MAX_BYTES // 1024} KB")
            raw = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return cls(), ""
        except OSError as exc:
            return cls(), f"Your preferences file {path} could not be read ({exc.strerror})."
        except RecursionError:
            return cls(), _set_aside(path, "it is nested too deep")
        except ValueError as exc:  # not JSON, or not UTF-8
            return cls(), _set_aside(path, f"it is not valid JSON ({str(exc)[:80]})")
        if not isinstance(raw, dict):
            return cls(), _set_aside(path, "it does not hold a JSON object")
        prefs = cls()
        for f in fields(cls):
            value = raw.get(f.name)
            default = getattr(prefs, f.name)
            if isinstance(value, str) and len(value) > MAX_TEXT:
                continue  # no time zone or university name is this long
            if isinstance(value, type(default)) and not (
                isinstance(value, bool) and not isinstance(default, bool)
            ):
                setattr(prefs, f.name, value)
        prefs.page_size = min(max(prefs.page_size, 20), 5000)
        prefs.trash_days = min(max(prefs.trash_days, 0), 3650)
        return prefs, ""

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(self), indent=2, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)


def _set_aside(path: Path, why: str) -> str:
    """Move a broken preferences file out of the way; say where it went and why."""
    kept = path.with_name(path.name + ".broken")
    try:
        os.replace(path, kept)
    except OSError:
        return f"Your preferences file {path} was not used: {why}. The defaults are used."
    return (
        f"Your preferences file {path} was set aside as {kept.name}: {why}. "
        "The defaults are used; Edit › Preferences saves new ones."
    )


def preferences_path() -> Path:
    from eventdesk import paths

    return paths.data_dir() / PREFERENCES_FILE

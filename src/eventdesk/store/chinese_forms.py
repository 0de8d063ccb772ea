"""Chinese forms proposed for a meeting's empty Chinese fields: never guessed silently.

Why: a clerk types 副校长 for "Vice President" at every meeting, though the
office's own records already hold it. So for each text of a meeting whose
Chinese form is empty (an attendee's title or capacity, a session's title,
the series and venue, an organisation's Chinese name) a form is proposed,
with where it comes from, for the clerk to take or leave:

1. the office's own records: the same English text with its Chinese form at
   another meeting (the same person's first, then anyone's at the same
   organisation, then anyone's, where all of those agree), the person's own
   record, another organisation record of the same name;
2. else a small bundled glossary (``resources/glossary/zh.json``: the titles,
   offices and agenda items of university international affairs), and an
   office's own glossary beside it, if it keeps one.

Nothing is written here: :class:`~eventdesk.store.services.chinese_forms.
ChineseFormService` fills what the clerk accepts through the normal saves.

A glossary is a file from outside, so it is read as hostile: a size limit,
JSON objects of strings only, each text short and free of control
characters; a file that breaks a rule is not used, and the reason is told.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from eventdesk.records.text import control_problem

#: A glossary is a few kilobytes; more is not a glossary.
MAX_BYTES = 256 * 1024
MAX_ENTRIES = 5000
MAX_TEXT = 200
SECTIONS = ("titles", "organisations", "sessions")
_SPACES = re.compile(r"[\s\-‐‑–]+")


def fold(text: str) -> str:
    """What two English texts share to be "the same": case, hyphens, spaces and "the" aside."""
    text = _SPACES.sub(" ", text.casefold()).strip().strip(".")
    return text.removeprefix("the ")


@dataclass
class Glossary:
    """English -> Chinese, by section; keys folded (:func:`fold`)."""

    titles: dict[str, str] = field(default_factory=dict)
    organisations: dict[str, str] = field(default_factory=dict)
    sessions: dict[str, str] = field(default_factory=dict)
    #: Why a file was not used, one line each.
    problems: list[str] = field(default_factory=list)

    def look_up(self, section: str, english: str) -> str:
        return getattr(self, section).get(fold(english), "")

    def add(self, other: Glossary) -> None:
        """Take ``other``'s entries over this one's (an office's own over the bundled)."""
        for name in SECTIONS:
            getattr(self, name).update(getattr(other, name))
        self.problems += other.problems


def load_glossary(*files: Path) -> Glossary:
    """The glossaries of ``files`` in turn, later ones winning; missing files are skipped."""
    found = Glossary()
    for path in files:
        if Path(path).is_file():
            found.add(read_glossary(Path(path)))
    return found


def read_glossary(path: Path) -> Glossary:
    """One glossary file; an unusable one gives an empty glossary and its reason."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return _refused(path, f"it is larger than {MAX_BYTES // 1024} KB")
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        return _refused(path, f"it cannot be read ({exc.strerror})")
    except RecursionError:
        return _refused(path, "it is nested too deep")
    except ValueError as exc:  # not JSON, or not UTF-8
        return _refused(path, f"it is not valid JSON ({str(exc)[:80]})")
    if not isinstance(raw, dict):
        return _refused(path, "it does not hold a JSON object")
    glossary = Glossary()
    count = 0
    for name in SECTIONS:
        section = raw.get(name, {})
        if not isinstance(section, dict):
            return _refused(path, f"its {name!r} is not an object of English: Chinese pairs")
        for english, chinese in section.items():
            problem = _entry_problem(english, chinese)
            if problem:
                return _refused(path, f"{name} › {str(english)[:40]!r}: {problem}")
            count += 1
            if count > MAX_ENTRIES:
                return _refused(path, f"it has more than {MAX_ENTRIES} entries")
            getattr(glossary, name)[fold(english)] = chinese.strip()
    return glossary


def _entry_problem(english: object, chinese: object) -> str:
    if not isinstance(chinese, str) or not chinese.strip():
        return "the Chinese form is not a text"
    if len(str(english)) > MAX_TEXT or len(chinese) > MAX_TEXT:
        return f"longer than {MAX_TEXT} characters"
    return control_problem(str(english)) or control_problem(chinese) or ""


def _refused(path: Path, why: str) -> Glossary:
    return Glossary(problems=[f"The glossary {path} is not used: {why}."])


@dataclass(frozen=True)
class Proposal:
    """One empty Chinese field and the form proposed for it."""

    #: As a Chinese summary's notes name it: "attendee DING Xiaodong › title_zh".
    field: str
    english: str
    chinese: str
    #: "earlier meeting 2023-05-04", "person record", "organisation record", "glossary".
    source: str
    #: Where it goes: ("attendance", index, "title_zh"), ("session", index, "title_zh"),
    #: ("meeting", 0, "series_zh"), ("organisation", id, "name_zh").
    target: tuple[str, int, str]


@dataclass(frozen=True)
class Earlier:
    """A Chinese form a text carried in another record."""

    chinese: str
    source: str
    #: For an attendee's title: whose and of which organisation it was.
    person_id: int | None = None
    organisation_id: int | None = None


def choose(
    found: list[Earlier], person_id: int | None, organisation_id: int | None
) -> Earlier | None:
    """The form an earlier record gives, nearest first; None where they disagree.

    The same person's at the same organisation, then anyone's at the same
    organisation (newest first: ``found`` comes newest first), then anyone's
    where all agree: "Director" is 主任 in one office and 处长 in another, and
    a form that was right elsewhere is not proposed as if it were certain.
    """
    tiers = [
        [e for e in found if e.person_id == person_id and e.organisation_id == organisation_id],
        [e for e in found if organisation_id is not None and e.organisation_id == organisation_id],
    ]
    for tier in tiers:
        if tier:
            return tier[0]
    forms = {e.chinese for e in found}
    return found[0] if len(forms) == 1 else None

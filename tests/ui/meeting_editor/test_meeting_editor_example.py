"""The whole example meeting, typed into the editor, holds the same facts as the sample file.

People and organisations are created through the store first, as an office
has them from earlier meetings. Everything of the meeting itself (details,
sessions, attendees with the titles held then, speeches and the talk, the two
courses, the two decisions with their parties and count, the three photos) is
typed into the editor's widgets. The meeting exported from that database must
equal the sample imported into another one, ids of the meeting's parts aside.
"""

from __future__ import annotations

import base64
import copy
import json
from pathlib import Path
from typing import Any

from eventdesk import paths
from eventdesk.records import (
    AttendanceRole,
    CourseStatus,
    DecisionKind,
    FileKind,
    MeetingFormat,
    MeetingStatus,
    OurRole,
    PresentationKind,
    Side,
    display_name,
)
from eventdesk.store import EventStore
from eventdesk.store.interchange import export_meeting
from eventdesk.store.interchange.importer import import_document

Driver = Any  # the driver of conftest.py, which types like a user

SAMPLE: dict[str, Any] = json.loads(paths.sample_meeting().read_text(encoding="utf-8"))
MEETING = SAMPLE["meetings"][0]
ORGS = {o["id"]: o for o in SAMPLE["organisations"]}
PEOPLE = {p["id"]: p for p in SAMPLE["people"]}


def _person(key: str) -> tuple[str, str]:
    """What is typed to find a person, and the name the popup shows."""
    p = PEOPLE[key]
    return f"{p['family_name']} {p['given_name']}", display_name(
        p["family_name"], p["given_name"], p["name_order"]
    )


def _org(key: str) -> tuple[str, str]:
    name = ORGS[key]["name"]
    return name, name


def _text(d: Driver, widget, value: str) -> None:
    if value:
        d.type(widget, value)


def _enter_details(d: Driver, editor) -> None:
    v, m = editor.details.view, MEETING
    d.field(v.title, m["title"])
    d.field(v.title_zh, m["title_zh"])
    d.type(v.series, m["series"])
    d.field(v.series_zh, m["series_zh"])
    d.field(v.edition, m["edition"])
    d.field(v.start_date, m["start_date"])
    if m["end_date"]:
        d.field(v.end_date, m["end_date"])
    d.choose(v.format, MeetingFormat(m["format"]).label)
    d.choose(v.our_role, OurRole(m["our_role"]).label)
    d.choose(v.status, MeetingStatus(m["status"]).label)
    d.field(v.venue, m["venue"])
    d.field(v.venue_zh, m["venue_zh"])
    for host in m["hosts"]:
        d.pick(v.hosts.finder, *_org(host["organisation"]))
        assert v.hosts.role.currentData() == host["role"]
    d.field(v.tags, ", ".join(m["tags"]))
    for name in ("summary", "summary_zh", "background", "background_zh"):
        _text(d, getattr(v, name), m[name])


def _enter_sessions(d: Driver, editor) -> None:
    tab = editor.sessions
    d.open_tab(tab)
    for n, s in enumerate(MEETING["sessions"]):
        if n == 0:
            d.click(tab.add_button)
        else:
            d.enter(tab.title)  # Enter in a session's title adds the next
        d.type(tab.title, s["title"])
        _text(d, tab.title_zh, s["title_zh"])
        for name in ("start_time", "end_time"):
            if s[name]:
                d.field(getattr(tab, name), s[name][:5])
        if s["chair"]:
            d.pick(tab.chair, *_person(s["chair"]))
        _text(d, tab.notes, s["notes"])
        _text(d, tab.notes_zh, s["notes_zh"])


def _enter_attendees(d: Driver, editor) -> None:
    tab = editor.attendees
    d.open_tab(tab)
    for a in MEETING["attendees"]:
        d.pick(tab.finder, *_person(a["person"]))
        # the title and organisation proposed are the person's current ones
        person = PEOPLE[a["person"]]
        assert tab.title.text() == person["title"]
        assert tab.organisation.finder.text() == ORGS[person["organisation"]]["name"]
        if a["title"] != person["title"]:
            d.field(tab.title, a["title"])
        if a["title_zh"] != person["title_zh"]:
            d.type(tab.title_zh, a["title_zh"])
        if a["organisation"] != person["organisation"]:
            d.pick(tab.organisation, *_org(a["organisation"]))
        _text(d, tab.capacity, a["capacity"])
        _text(d, tab.capacity_zh, a["capacity_zh"])
        d.choose(tab.role, AttendanceRole(a["role"]).label)
        d.choose(tab.side, Side(a["side"]).label)


def _session_label(key: str | None) -> str:
    if key is None:
        return "—"
    n, s = next((n, s) for n, s in enumerate(MEETING["sessions"], 1) if s["id"] == key)
    return f"{n}. {s['title']}"


def _enter_presentations(d: Driver, editor) -> None:
    tab = editor.presentations
    d.open_tab(tab)
    for p in MEETING["presentations"]:
        d.click(tab.add_button)
        d.choose(tab.session, _session_label(p["session"]))
        d.choose(tab.kind, PresentationKind(p["kind"]).label)
        for key in p["presenters"]:
            d.pick(tab.presenters.finder, *_person(key))
        for name in ("title", "title_zh", "abstract", "abstract_zh"):
            _text(d, getattr(tab, name), p[name])


def _enter_courses(d: Driver, editor) -> None:
    tab = editor.courses
    d.open_tab(tab)
    for c in MEETING["courses"]:
        d.click(tab.add_button)
        d.field(tab.title, c["title"])
        for name in ("title_zh", "programme", "programme_zh", "teachers"):
            _text(d, getattr(tab, name), c[name])
        d.field(tab.year, str(c["year"]))
        d.pick(tab.institution, *_org(c["institution"]))
        d.choose(tab.status, CourseStatus(c["status"]).label)


def _enter_decisions(d: Driver, editor) -> None:
    tab = editor.decisions
    d.open_tab(tab)
    for x in MEETING["decisions"]:
        d.click(tab.add_button)
        d.choose(tab.kind, DecisionKind(x["kind"]).label)
        d.choose(tab.session, _session_label(x["session"]))
        _text(d, tab.text, x["text"])
        _text(d, tab.text_zh, x["text_zh"])
        for party in x["parties"]:
            if party["organisation"]:
                d.pick(tab.parties.organisation_finder, *_org(party["organisation"]))
            else:
                d.pick(tab.parties.person_finder, *_person(party["person"]))
            _text(d, tab.parties.role, party["role"])
            _text(d, tab.parties.role_zh, party["role_zh"])
        if x["count"] is not None:
            d.field(tab.count, str(x["count"]))
        _text(d, tab.count_unit, x["count_unit"])
        if x["owner"]:
            d.pick(tab.owner, *_person(x["owner"]))
        if x["due_date"]:
            d.field(tab.due_date, x["due_date"])


def _enter_photos(d: Driver, editor, folder: Path) -> None:
    tab = editor.photos
    d.open_tab(tab)
    for f in MEETING["files"]:
        path = folder / f["original_name"]
        path.write_bytes(base64.b64decode(f["data"]))
        tab.choose_files = lambda path=path: [str(path)]
        d.click(tab.add_button)
        for name in ("caption", "caption_zh", "credit"):
            _text(d, getattr(tab, name), f[name])
        d.choose(tab.session, _session_label(f["session"]))
        d.choose(tab.kind, FileKind(f["kind"]).label)


def _normalised(document: dict[str, Any]) -> dict[str, Any]:
    """The document with the meeting's own ids replaced by their kind and position."""
    meeting = document["meetings"][0]
    names = {meeting["id"]: "meeting"}
    for key in ("sessions", "attendees", "presentations", "courses", "decisions", "files"):
        for n, part in enumerate(meeting[key]):
            names[part["id"]] = f"{key}[{n}]"

    def walk(value: Any) -> Any:
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return names.get(value, value) if isinstance(value, str) else value

    return walk(document)


def test_the_example_meeting_typed_in_equals_the_sample(
    qtbot, sample_store, tmp_path, drive, editor_on
):
    known = copy.deepcopy(SAMPLE)
    known["meetings"] = []  # the office knows the people and organisations already
    store = EventStore.open(tmp_path / "typed.sqlite3")
    try:
        import_document(store, known)
        editor = editor_on(store)
        d = drive(editor)
        editor.new()
        _enter_details(d, editor)
        _enter_sessions(d, editor)
        _enter_attendees(d, editor)
        _enter_presentations(d, editor)
        _enter_courses(d, editor)
        _enter_decisions(d, editor)
        _enter_photos(d, editor, tmp_path)
        with qtbot.waitSignal(editor.saved) as saved:
            d.click(editor.save_button)

        typed = _normalised(export_meeting(store, saved.args[0]))
        (row,) = sample_store.meetings.list()
        imported = _normalised(export_meeting(sample_store, row.id))
        for key in ("title", "sessions", "attendees", "presentations", "courses", "decisions"):
            assert typed["meetings"][0][key] == imported["meetings"][0][key], key
        assert typed == imported
    finally:
        store.close()

"""The document as records, with every problem found on the way (dates, references, rules)."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Collection
from datetime import date, time
from typing import Any, TypeVar

from eventdesk.records import (
    Attendance,
    AttendanceRole,
    CourseEntry,
    CourseStatus,
    Decision,
    DecisionKind,
    DecisionParty,
    FileKind,
    Meeting,
    MeetingFile,
    MeetingFormat,
    MeetingStatus,
    NameOrder,
    Organisation,
    OrganisationKind,
    OurRole,
    Person,
    Presentation,
    PresentationKind,
    Problem,
    Session,
    Side,
    parse_date,
    parse_time,
    validate_meeting,
    validate_organisation,
    validate_person,
)
from eventdesk.records.fields import text_fields
from eventdesk.records.validation import validate_course
from eventdesk.store.interchange.structure import person_label

# -- meaning --------------------------------------------------------------------


T = TypeVar("T")


class Parsed:
    """The document as records, with every problem found on the way."""

    def __init__(self, doc: dict[str, Any]):
        self.problems: list[Problem] = []
        self.doc = doc
        org_keys = [o["id"] for o in doc.get("organisations", [])]
        person_keys = [p["id"] for p in doc.get("people", [])]
        self._duplicates("organisation", org_keys)
        self._duplicates("person", person_keys)
        # Sets: a whole database's file has 600,000 references to look up among 50,000 keys.
        self.org_keys, self.person_keys = set(org_keys), set(person_keys)
        self._duplicates("meeting", [m["id"] for m in doc.get("meetings", [])])
        self._duplicates("course", [c["id"] for c in doc.get("courses", [])])
        self._parent_cycles(doc.get("organisations", []))
        self.organisations = [
            self._organisation(n, o) for n, o in enumerate(doc.get("organisations", []), 1)
        ]
        self.people = [self._person(n, p) for n, p in enumerate(doc.get("people", []), 1)]
        self.meetings = [self._meeting(n, m) for n, m in enumerate(doc.get("meetings", []), 1)]
        self.courses = [
            self._course(f"course {n}", c) for n, c in enumerate(doc.get("courses", []), 1)
        ]

    def _duplicates(self, what: str, keys: list[str]) -> None:
        seen: set[str] = set()
        for key in keys:
            if key in seen:
                self.problems.append(Problem(f"{what} {key!r}", "id", "is used twice"))
            seen.add(key)

    def _parent_cycles(self, organisations: list[dict[str, Any]]) -> None:
        """An organisation cannot be its own parent, directly or through others."""
        parent = {o["id"]: o.get("parent") for o in organisations}
        reported: set[str] = set()
        for start in parent:
            chain = [start]
            key = parent.get(start)
            while key is not None and key in parent and key not in chain:
                chain.append(key)
                key = parent.get(key)
            if key == start and start not in reported:
                reported.update(chain)
                loop = " → ".join([*chain, start])
                self.problems.append(
                    Problem(f"organisation {start!r}", "parent", f"goes round in a circle: {loop}")
                )

    def _ref(self, record: str, name: str, key: str | None, known: Collection[str]) -> str | None:
        if key is not None and key not in known:
            self.problems.append(
                Problem(record, name, f"refers to {key!r}, which is not in the file")
            )
        return key

    def _parsed(self, parse: Callable[[str], T], record: str, name: str, text: str | None):
        """``parse(text)``, or None with the problem noted (a date that does not exist...)."""
        if text is None:
            return None
        try:
            return parse(text)
        except ValueError as exc:
            self.problems.append(Problem(record, name, str(exc)))
            return None

    def _date(self, record: str, name: str, text: str | None) -> date | None:
        return self._parsed(parse_date, record, name, text)

    def _time(self, record: str, name: str, text: str | None) -> time | None:
        return self._parsed(parse_time, record, name, text)

    def _organisation(self, n: int, o: dict[str, Any]) -> Organisation:
        record = f"organisation {n} {o.get('name') or o['id']!r}"
        self._ref(record, "parent", o.get("parent"), self.org_keys)
        for member in o.get("members", []):
            self._ref(record, "members", member, self.org_keys)
        org = Organisation(
            uid=o["id"],
            name=o.get("name", ""),
            name_zh=o.get("name_zh", ""),
            short_name=o.get("short_name", ""),
            kind=OrganisationKind(o["kind"]),
            founded=self._date(record, "founded", o.get("founded")),
            **_texts(Organisation, o),
        )
        self.problems += validate_organisation(org, record)
        return org

    def _person(self, n: int, p: dict[str, Any]) -> Person:
        label = person_label(p) or p["id"]
        record = f"person {n} {label!r}"
        self._ref(record, "organisation", p.get("organisation"), self.org_keys)
        person = Person(
            uid=p["id"],
            family_name=p["family_name"],
            given_name=p.get("given_name", ""),
            name_order=NameOrder(p.get("name_order", "family_first")),
            name_zh=p.get("name_zh", ""),
            email=p.get("email", ""),
            **_texts(Person, p),
        )
        self.problems += validate_person(person, record)
        return person

    def _course(self, record: str, c: dict[str, Any]) -> CourseEntry:
        self._ref(record, "institution", c.get("institution"), self.org_keys)
        course = CourseEntry(
            uid=c["id"],
            title=c["title"],
            title_zh=c.get("title_zh", ""),
            programme=c.get("programme", ""),
            programme_zh=c.get("programme_zh", ""),
            year=c.get("year"),
            teachers=c.get("teachers", ""),
            status=CourseStatus(c.get("status", "nominated")),
            notes=c.get("notes", ""),
        )
        self.problems += validate_course(course, record)
        return course

    def _meeting(self, n: int, m: dict[str, Any]) -> Meeting:
        record = f"meeting {n} {m.get('title') or m['id']!r}"
        sessions = {s["id"] for s in m.get("sessions", [])}
        file_keys = {f["id"] for f in m.get("files", [])}
        people, orgs = self.person_keys, self.org_keys

        def sub(kind: str, k: int) -> str:
            return f"{record} › {kind} {k}"

        for part in ("sessions", "attendees", "presentations", "decisions", "files", "courses"):
            self._duplicates(f"{record} › {part[:-1]}", [x["id"] for x in m.get(part, [])])

        meeting = Meeting(
            uid=m["id"],
            title=m["title"],
            title_zh=m.get("title_zh", ""),
            series=m.get("series", ""),
            series_zh=m.get("series_zh", ""),
            edition=m.get("edition", ""),
            start_date=self._date(record, "start_date", m["start_date"]),
            end_date=self._date(record, "end_date", m.get("end_date")),
            start_time=self._time(record, "start_time", m.get("start_time")),
            end_time=self._time(record, "end_time", m.get("end_time")),
            format=MeetingFormat(m["format"]),
            venue=m.get("venue", ""),
            venue_zh=m.get("venue_zh", ""),
            our_role=OurRole(m.get("our_role", "participant")),
            status=MeetingStatus(m.get("status", "draft")),
            tags=list(m.get("tags", [])),
            summary=m.get("summary", ""),
            summary_zh=m.get("summary_zh", ""),
            background=m.get("background", ""),
            background_zh=m.get("background_zh", ""),
        )
        for k, h in enumerate(m.get("hosts", []), 1):
            self._ref(sub("host", k), "organisation", h["organisation"], orgs)
        for k, s in enumerate(m.get("sessions", []), 1):
            self._ref(sub("session", k), "chair", s.get("chair"), people)
        meeting.sessions = [
            Session(
                uid=s["id"],
                title=s["title"],
                title_zh=s.get("title_zh", ""),
                start_time=self._time(sub("session", k), "start_time", s.get("start_time")),
                end_time=self._time(sub("session", k), "end_time", s.get("end_time")),
                notes=s.get("notes", ""),
                notes_zh=s.get("notes_zh", ""),
            )
            for k, s in enumerate(m.get("sessions", []), 1)
        ]
        for k, a in enumerate(m.get("attendees", []), 1):
            self._ref(sub("attendee", k), "person", a["person"], people)
            self._ref(sub("attendee", k), "organisation", a.get("organisation"), orgs)
        # person_id is filled in when the people have ids (see _write).
        meeting.attendees = [
            Attendance(
                uid=a["id"],
                person_id=0,
                title=a.get("title", ""),
                title_zh=a.get("title_zh", ""),
                capacity=a.get("capacity", ""),
                capacity_zh=a.get("capacity_zh", ""),
                role=AttendanceRole(a.get("role", "delegate")),
                side=Side(a.get("side", "ours")),
            )
            for a in m.get("attendees", [])
        ]
        for k, p in enumerate(m.get("presentations", []), 1):
            self._ref(sub("presentation", k), "session", p.get("session"), sessions)
            self._ref(sub("presentation", k), "attachment", p.get("attachment"), file_keys)
            for x in p.get("presenters", []):
                self._ref(sub("presentation", k), "presenters", x, people)
        meeting.presentations = [
            Presentation(
                uid=p["id"],
                kind=PresentationKind(p.get("kind", "presentation")),
                title=p.get("title", ""),
                title_zh=p.get("title_zh", ""),
                session_uid=p.get("session"),
                abstract=p.get("abstract", ""),
                abstract_zh=p.get("abstract_zh", ""),
                attachment_uid=p.get("attachment"),
                presenter_ids=list(range(len(p.get("presenters", [])))),
            )
            for p in m.get("presentations", [])
        ]
        meeting.courses = [
            self._course(sub("course", k), c) for k, c in enumerate(m.get("courses", []), 1)
        ]
        for k, d in enumerate(m.get("decisions", []), 1):
            self._ref(sub("decision", k), "session", d.get("session"), sessions)
            self._ref(sub("decision", k), "owner", d.get("owner"), people)
            for x in d.get("parties", []):
                self._ref(sub("decision", k), "parties", x.get("organisation"), orgs)
                self._ref(sub("decision", k), "parties", x.get("person"), people)
        meeting.decisions = [
            Decision(
                uid=d["id"],
                kind=DecisionKind(d.get("kind", "outcome")),
                text=d["text"],
                text_zh=d.get("text_zh", ""),
                document=d.get("document", ""),  # files from before it was a field lack it
                document_zh=d.get("document_zh", ""),
                session_uid=d.get("session"),
                count=d.get("count"),
                count_unit=d.get("count_unit", ""),
                due_date=self._date(sub("decision", k), "due_date", d.get("due_date")),
                parties=[
                    DecisionParty(
                        role=x.get("role", ""),
                        role_zh=x.get("role_zh", ""),
                        organisation_id=0 if x.get("organisation") else None,
                        person_id=0 if x.get("person") else None,
                    )
                    for x in d.get("parties", [])
                ],
            )
            for k, d in enumerate(m.get("decisions", []), 1)
        ]
        meeting.files = []
        for k, f in enumerate(m.get("files", []), 1):
            self._ref(sub("file", k), "session", f.get("session"), sessions)
            try:
                data = base64.b64decode(f["data"], validate=True)
            except (binascii.Error, ValueError):
                self.problems.append(Problem(sub("file", k), "data", "is not valid base64"))
                data = None  # named once: not again as a photo of 0 bytes
            meeting.files.append(
                MeetingFile(
                    uid=f["id"],
                    original_name=f["original_name"],
                    media_type=f.get("media_type", "application/octet-stream"),
                    kind=FileKind(f.get("kind", "photo")),
                    caption=f.get("caption", ""),
                    caption_zh=f.get("caption_zh", ""),
                    credit=f.get("credit", ""),
                    session_uid=f.get("session"),
                    data=data,
                )
            )
        # Reference checks of people and organisations happen above; here the
        # meeting's own rules (title, dates, duplicates) with placeholder ids.
        self.problems += [
            p
            for p in validate_meeting(_with_placeholder_ids(meeting), record)
            if p.field not in ("person", "presenters")
        ]
        return meeting


def _texts(cls: type, data: dict[str, Any]) -> dict[str, str]:
    """The keyword arguments of ``cls``'s declared text fields, from a record of the file."""
    return {name: data.get(name, "") for name in text_fields(cls)}


def _with_placeholder_ids(meeting: Meeting) -> Meeting:
    """Give attendees distinct non-None person ids so validation checks only what it can."""
    for k, a in enumerate(meeting.attendees):
        a.person_id = -(k + 1)
    return meeting

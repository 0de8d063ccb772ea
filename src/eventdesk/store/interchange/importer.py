"""Reading an interchange document: validate everything first, then take it whole.

The order is what keeps the promise "all or nothing": the document is checked
against the JSON Schema, then every date, reference and record is checked,
and only a document with no problem at all is written, in one transaction.
People and organisations already in the database are matched (by key, then
by name) and reused rather than duplicated.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from eventdesk.records import (
    Attendance,
    AttendanceRole,
    CourseEntry,
    CourseStatus,
    Decision,
    DecisionKind,
    DecisionParty,
    FileKind,
    HostOrganisation,
    HostRole,
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
    display_name,
    parse_date,
    parse_time,
    validate_meeting,
    validate_organisation,
    validate_person,
)
from eventdesk.records.validation import validate_course
from eventdesk.store.errors import ImportRefused
from eventdesk.store.interchange.exporter import FORMAT_NAME, FORMAT_VERSION
from eventdesk.store.matching import match_organisation as _match_organisation
from eventdesk.store.matching import match_person as _match_person
from eventdesk.store.service import EventStore


@dataclass
class ImportReport:
    meetings_added: list[int] = field(default_factory=list)
    meetings_updated: list[int] = field(default_factory=list)
    people_added: int = 0
    people_matched: int = 0
    organisations_added: int = 0
    organisations_matched: int = 0
    courses: int = 0

    def summary(self) -> str:
        return (
            f"{len(self.meetings_added)} meeting(s) added, {len(self.meetings_updated)} updated; "
            f"{self.people_added} people added, {self.people_matched} matched; "
            f"{self.organisations_added} organisations added, "
            f"{self.organisations_matched} matched"
        )


def load_schema() -> dict[str, Any]:
    text = resources.files(__package__).joinpath("format-1.schema.json").read_text("utf-8")
    return json.loads(text)


def read_document(path: Path) -> dict[str, Any]:
    """Read and parse a file, explaining why it is not a document we can take."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ImportRefused([f"{path}: there is no such file"]) from None
    except UnicodeDecodeError:
        raise ImportRefused([f"{path}: not a text file in UTF-8"]) from None
    except OSError as exc:
        raise ImportRefused([f"{path}: cannot be read ({exc.strerror})"]) from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportRefused(
            [f"{path}: not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"]
        ) from None
    return document


def import_file(store: EventStore, path: Path) -> ImportReport:
    return import_document(store, read_document(path))


def import_document(store: EventStore, document: Any) -> ImportReport:
    """Check ``document`` completely, then write it in one transaction, or raise ImportRefused."""
    problems = _schema_problems(document)
    if problems:
        raise ImportRefused(problems)
    parsed = _Parsed(document)
    if parsed.problems:
        raise ImportRefused([str(p) for p in parsed.problems])
    if store.count_meetings() or store.count_people():
        store.automatic_backup("before-import")
    with store.transaction():
        return _write(store, parsed)


# -- structure -------------------------------------------------------------------


def _schema_problems(document: Any) -> list[str]:
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        return ['not an EventDesk interchange document (no "format": "eventdesk")']
    version = document.get("version")
    if isinstance(version, int) and version > FORMAT_VERSION:
        return [
            f"the document is of format version {version}; this EventDesk reads up to "
            f"{FORMAT_VERSION}. Update EventDesk to import it."
        ]
    from jsonschema import Draft202012Validator  # only an import needs it; keeps start-up quick

    validator = Draft202012Validator(load_schema())
    problems = []
    for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path)):
        path = list(error.absolute_path)
        where, field_name = _locate(document, path)
        if error.validator == "required":
            missing = error.message.split("'")[1] if "'" in error.message else error.message
            problems.append(f"{_locate(document, [*path, missing])[0]}: {missing}: is required")
        elif error.validator == "additionalProperties":
            problems.append(f"{where}: {error.message}")
        elif error.validator == "minLength" and error.instance == "":
            problems.append(f"{where}: {field_name}: is required")
        elif error.validator == "enum":
            allowed = ", ".join(error.validator_value)
            problems.append(f"{where}: {field_name}: {error.instance!r} is not one of: {allowed}")
        else:
            problems.append(f"{where}: {field_name}: {error.message}")
    return problems


_SINGULAR = {
    "organisations": "organisation",
    "people": "person",
    "meetings": "meeting",
    "courses": "course",
    "sessions": "session",
    "attendees": "attendee",
    "presentations": "presentation",
    "decisions": "decision",
    "files": "file",
    "hosts": "host",
    "parties": "party",
    "members": "member",
    "presenters": "presenter",
}


def _locate(document: Any, path: list[Any]) -> tuple[str, str]:
    """Name the record at ``path`` the way a person would ("meeting 1 'X' › attendee 3")."""
    parts: list[str] = []
    node = document
    field_name = "document"
    i = 0
    while i < len(path):
        key = path[i]
        if isinstance(key, str) and i + 1 < len(path) and isinstance(path[i + 1], int):
            index = path[i + 1]
            try:
                node = node[key][index]
            except (KeyError, IndexError, TypeError):
                node = None
            label = f"{_SINGULAR.get(key, key)} {index + 1}"
            if isinstance(node, dict):
                name = _record_name(node)
                if isinstance(name, str) and name:
                    label += f" {name!r}"
            parts.append(label)
            i += 2
        else:
            field_name = str(key)
            if isinstance(node, dict):
                node = node.get(key)
            i += 1
    return (" › ".join(parts) or "document", field_name)


def _record_name(node: dict[str, Any]) -> str | None:
    if "family_name" in node or "given_name" in node:
        return _person_label(node) or node.get("given_name") or node.get("id")
    return node.get("title") or node.get("name") or node.get("id")


def _person_label(node: dict[str, Any]) -> str:
    family = node.get("family_name")
    if isinstance(family, str) and family:
        given = node.get("given_name") if isinstance(node.get("given_name"), str) else ""
        return display_name(family, given, node.get("name_order") or "family_first")
    return ""


# -- meaning --------------------------------------------------------------------


class _Parsed:
    """The document as records, with every problem found on the way."""

    def __init__(self, doc: dict[str, Any]):
        self.problems: list[Problem] = []
        self.doc = doc
        self.org_keys = [o["id"] for o in doc.get("organisations", [])]
        self.person_keys = [p["id"] for p in doc.get("people", [])]
        self._duplicates("organisation", self.org_keys)
        self._duplicates("person", self.person_keys)
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

    def _ref(self, record: str, name: str, key: str | None, known: list[str]) -> str | None:
        if key is not None and key not in known:
            self.problems.append(
                Problem(record, name, f"refers to {key!r}, which is not in the file")
            )
        return key

    def _date(self, record: str, name: str, text: str | None):
        if text is None:
            return None
        try:
            return parse_date(text)
        except ValueError as exc:
            self.problems.append(Problem(record, name, str(exc)))
            return None

    def _time(self, record: str, name: str, text: str | None):
        if text is None:
            return None
        try:
            return parse_time(text)
        except ValueError as exc:
            self.problems.append(Problem(record, name, str(exc)))
            return None

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
            city=o.get("city", ""),
            founded=self._date(record, "founded", o.get("founded")),
            description=o.get("description", ""),
            description_zh=o.get("description_zh", ""),
            notes=o.get("notes", ""),
        )
        self.problems += validate_organisation(org, record)
        return org

    def _person(self, n: int, p: dict[str, Any]) -> Person:
        label = _person_label(p) or p["id"]
        record = f"person {n} {label!r}"
        self._ref(record, "organisation", p.get("organisation"), self.org_keys)
        person = Person(
            uid=p["id"],
            family_name=p["family_name"],
            given_name=p.get("given_name", ""),
            name_order=NameOrder(p.get("name_order", "family_first")),
            name_zh=p.get("name_zh", ""),
            honorific=p.get("honorific", ""),
            title=p.get("title", ""),
            title_zh=p.get("title_zh", ""),
            email=p.get("email", ""),
            phone=p.get("phone", ""),
            notes=p.get("notes", ""),
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
        sessions = [s["id"] for s in m.get("sessions", [])]
        file_keys = [f["id"] for f in m.get("files", [])]
        people, orgs = self.person_keys, self.org_keys

        def sub(kind: str, k: int) -> str:
            return f"{record} › {kind} {k}"

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
                data = b""
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


def _with_placeholder_ids(meeting: Meeting) -> Meeting:
    """Give attendees distinct non-None person ids so validation checks only what it can."""
    for k, a in enumerate(meeting.attendees):
        a.person_id = -(k + 1)
    return meeting


# -- writing --------------------------------------------------------------------


def _write(store: EventStore, parsed: _Parsed) -> ImportReport:
    report = ImportReport()
    doc = parsed.doc
    org_ids: dict[str, int] = {}
    added: set[str] = set()
    for org in parsed.organisations:
        existing = _match_organisation(store, org)
        if existing is not None:
            org_ids[org.uid] = existing
            report.organisations_matched += 1
        else:
            org_ids[org.uid] = store.save_organisation(org).id  # type: ignore[assignment]
            added.add(org.uid)
            report.organisations_added += 1
    # Second pass: parents and members, now that every organisation has an id.
    # An organisation that was matched keeps what the database already says of it.
    for org, raw in zip(parsed.organisations, doc.get("organisations", []), strict=True):
        if org.uid not in added:
            continue
        org.id = org_ids[org.uid]
        org.parent_id = org_ids.get(raw.get("parent")) if raw.get("parent") else None
        org.member_ids = [org_ids[m] for m in raw.get("members", [])]
        if org.parent_id or org.member_ids:
            store.save_organisation(org)

    person_ids: dict[str, int] = {}
    for person, raw in zip(parsed.people, doc.get("people", []), strict=True):
        person.organisation_id = org_ids[raw["organisation"]] if raw.get("organisation") else None
        existing = _match_person(store, person)
        if existing is not None:
            person_ids[person.uid] = existing
            report.people_matched += 1
        else:
            person_ids[person.uid] = store.save_person(person).id  # type: ignore[assignment]
            report.people_added += 1

    def org(key: str | None) -> int | None:
        return org_ids[key] if key else None

    def person(key: str | None) -> int | None:
        return person_ids[key] if key else None

    for meeting, raw in zip(parsed.meetings, doc.get("meetings", []), strict=True):
        meeting.hosts = [
            HostOrganisation(org_ids[h["organisation"]], HostRole(h.get("role", "host")))
            for h in raw.get("hosts", [])
        ]
        for s, rs in zip(meeting.sessions, raw.get("sessions", []), strict=True):
            s.chair_id = person(rs.get("chair"))
        for a, ra in zip(meeting.attendees, raw.get("attendees", []), strict=True):
            a.person_id = person_ids[ra["person"]]
            a.organisation_id = org(ra.get("organisation"))
        for p, rp in zip(meeting.presentations, raw.get("presentations", []), strict=True):
            p.presenter_ids = [person_ids[x] for x in rp.get("presenters", [])]
        for c, rc in zip(meeting.courses, raw.get("courses", []), strict=True):
            c.institution_id = org(rc.get("institution"))
        for d, rd in zip(meeting.decisions, raw.get("decisions", []), strict=True):
            d.owner_id = person(rd.get("owner"))
            for party, rparty in zip(d.parties, rd.get("parties", []), strict=True):
                party.organisation_id = org(rparty.get("organisation"))
                party.person_id = person(rparty.get("person"))
        row = store.db.execute("SELECT id FROM meetings WHERE uid = ?", [meeting.uid]).fetchone()
        meeting.id = row[0] if row else None
        saved = store.save_meeting(meeting)
        (report.meetings_updated if row else report.meetings_added).append(saved.id)
        report.courses += len(meeting.courses)

    for course, raw in zip(parsed.courses, doc.get("courses", []), strict=True):
        course.institution_id = org(raw.get("institution"))
        row = store.db.execute("SELECT id FROM courses WHERE uid = ?", [course.uid]).fetchone()
        course.id = row[0] if row else None
        store.save_course(course)
        report.courses += 1
    return report

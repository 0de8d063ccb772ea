"""The records an office keeps about its meetings, as plain dataclasses.

These carry no Qt and no SQL: the store saves them, the GUI edits them, the
summaries print them. Every text a summary prints has a Chinese twin
(``*_zh``) so one record can print an English or a Chinese document.

People and organisations are shared across meetings and are referred to by
their database ``id``. The parts of one meeting (sessions, attendees, ...)
belong to it and are saved with it; they refer to each other by ``uid``,
which exists before the first save, so a presentation can name its session
while both are still being typed.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, time
from enum import Enum
from functools import cache
from typing import get_type_hints

from eventdesk.records import fields as declare
from eventdesk.records.enums import (
    AttendanceRole,
    CourseStatus,
    DecisionKind,
    FileKind,
    HostRole,
    MeetingFormat,
    MeetingStatus,
    NameOrder,
    OrganisationKind,
    OurRole,
    PresentationKind,
    Side,
)
from eventdesk.records.fields import (
    NO_DEFAULT,
    identity,
    parts,
    ref,
    refs,
    row_id,
    text,
    value,
)
from eventdesk.records.names import display_name

__all__ = [
    "Attendance",
    "CourseEntry",
    "Decision",
    "DecisionParty",
    "HostOrganisation",
    "Meeting",
    "MeetingFile",
    "Organisation",
    "Person",
    "Presentation",
    "Session",
]


@cache
def _enum_fields(cls: type) -> tuple[tuple[str, type[Enum]], ...]:
    hints = get_type_hints(cls)
    return tuple(
        (f.name, hints[f.name])
        for f in fields(cls)
        if isinstance(hints[f.name], type) and issubclass(hints[f.name], Enum)
    )


class _Record:
    """Accepts enum fields as their plain values ("online"), as forms and files give them."""

    def __post_init__(self) -> None:
        for name, kind in _enum_fields(type(self)):
            value = getattr(self, name)
            if not isinstance(value, kind):
                object.__setattr__(self, name, kind(value))


@dataclass
class Organisation(_Record):
    name: str = text("&Name", default=NO_DEFAULT, zh=True, strip=True, searched=True, naming=True)
    name_zh: str = text("Name in &Chinese", strip=True, searched=True, naming=True)
    short_name: str = text("&Short name", strip=True, searched=True, naming=True)
    kind: OrganisationKind = value(
        "enum", "&Kind", default=OrganisationKind.UNIVERSITY, required=True
    )
    parent_id: int | None = ref("organisations", "&Part of", name="parent")
    city: str = text("C&ity or region", searched=True)
    #: Printed before (Chinese) or after (English) a foreign organisation's name on its first
    #: mention in a summary (docs/summaries.md); a department takes its university's.
    #: Searched: "Korea" finds Korean partners in the list, and the meetings they were at.
    country: str = text(
        "Co&untry", zh=True, placeholder="South Korea, Japan …", sparse=True, searched=True
    )
    country_zh: str = text(
        "Country in Chinese", placeholder="韩国、日本 …", sparse=True, searched=True
    )
    founded: date | None = value("date", "&Founded")
    description: str = text("&Description", lines=4, zh=True)
    description_zh: str = text("Description (Chinese)", lines=3)
    notes: str = text()
    #: For an alliance: the ids of its member organisations, in listing order.
    member_ids: list[int] = refs(
        "organisations",
        link="organisation_members",
        owner="alliance_id",
        key="member_id",
        name="members",
    )
    #: Saves so far and who made the last, written by the store alone: a save states the
    #: version it was loaded at, so a clerk never overwrites what another saved since.
    version: int = value("int", default=0, managed=True, exchanged=False)
    updated_by: str = value("text", default="", managed=True, exchanged=False)
    id: int | None = row_id()
    uid: str = identity()

    @property
    def label(self) -> str:
        return self.name or self.name_zh


@dataclass
class Person(_Record):
    family_name: str = text(
        "&Family name", default=NO_DEFAULT, strip=True, required=True, searched=True, naming=True
    )
    given_name: str = text("&Given name", strip=True, searched=True, naming=True)
    name_order: NameOrder = value(
        "enum", "Name &order", default=NameOrder.FAMILY_FIRST, required=True
    )
    name_zh: str = text("Name in &Chinese", strip=True, searched=True, naming=True)
    honorific: str = text("&Honorific", placeholder="Prof., Dr, Ms …", zh=True)
    honorific_zh: str = text("Honorific in Chinese", placeholder="教授, 博士 …")
    title: str = text("Current &title", zh=True, searched=True)
    title_zh: str = text("Title in Chinese", searched=True)
    organisation_id: int | None = ref("organisations", "O&rganisation", name="organisation")
    email: str = text("&E-mail", strip=True, searched=True)
    phone: str = text("&Phone")
    #: What a banquet for the person's delegation must know; printed in no document.
    dietary_needs: str = text(
        "&Dietary needs", placeholder="Vegetarian, halal, no nuts …", sparse=True
    )
    notes: str = text("&Notes", lines=4)
    #: Saves so far and who made the last, written by the store alone: a save states the
    #: version it was loaded at, so a clerk never overwrites what another saved since.
    version: int = value("int", default=0, managed=True, exchanged=False)
    updated_by: str = value("text", default="", managed=True, exchanged=False)
    id: int | None = row_id()
    uid: str = identity()

    @property
    def display_name(self) -> str:
        return display_name(self.family_name, self.given_name, self.name_order)


@dataclass
class HostOrganisation(_Record):
    organisation_id: int = ref("organisations", default=NO_DEFAULT, name="organisation")
    role: HostRole = value("enum", default=HostRole.HOST)


@dataclass
class Session(_Record):
    title: str = text(default=NO_DEFAULT, zh=True, searched=True)
    title_zh: str = text(searched=True)
    start_time: time | None = value("time")
    end_time: time | None = value("time")
    chair_id: int | None = ref("people", name="chair")
    notes: str = text(zh=True, searched=True)
    notes_zh: str = text(searched=True)
    id: int | None = row_id()
    uid: str = identity()


@dataclass
class Attendance(_Record):
    """A person at one meeting, with what they were *then*.

    ``title`` and ``organisation_id`` are copied when the person is added and
    never follow later changes to the person, so a promotion does not rewrite
    history. ``capacity`` holds a further role at this meeting ("Chairman of
    the Alliance"). The list order of ``Meeting.attendees`` is the order of
    precedence in which names are printed.
    """

    person_id: int = ref("people", default=NO_DEFAULT, name="person", required=True)
    title: str = text(zh=True, searched=True)
    title_zh: str = text(searched=True)
    organisation_id: int | None = ref("organisations", name="organisation")
    capacity: str = text(zh=True, searched=True)
    capacity_zh: str = text()
    role: AttendanceRole = value("enum", default=AttendanceRole.DELEGATE, required=True)
    side: Side = value("enum", default=Side.OURS, required=True)
    #: The gift given to the person or received from them at this meeting, as the office's
    #: gift register and the minutes name it.
    gift: str = text(
        "Gift",
        zh=True,
        placeholder="Given or received, e.g. a porcelain vase",
        searched=True,
        sparse=True,
        printed=("Gift", "礼品"),
    )
    gift_zh: str = text(
        "Gift in Chinese", placeholder="礼品，例如 瓷瓶", searched=True, sparse=True
    )
    id: int | None = row_id()
    uid: str = identity()


@dataclass
class Presentation(_Record):
    kind: PresentationKind = value("enum", default=PresentationKind.PRESENTATION, required=True)
    title: str = text(zh=True, searched=True)
    title_zh: str = text(searched=True)
    session_uid: str | None = ref("sessions", column="session_id", name="session", sibling=True)
    presenter_ids: list[int] = refs(
        "people", link="presenters", owner="presentation_id", key="person_id", name="presenters"
    )
    abstract: str = text(zh=True, searched=True)
    abstract_zh: str = text(searched=True)
    attachment_uid: str | None = ref(
        "files", column="attachment_id", name="attachment", sibling=True
    )
    id: int | None = row_id()
    uid: str = identity()


@dataclass
class CourseEntry(_Record):
    title: str = text(default=NO_DEFAULT, zh=True, searched=True)
    programme: str = text(zh=True, searched=True)
    programme_zh: str = text(searched=True)
    title_zh: str = text(searched=True)
    year: int | None = value("int")
    institution_id: int | None = ref("organisations", name="institution")
    teachers: str = text(searched=True)
    status: CourseStatus = value("enum", default=CourseStatus.NOMINATED, required=True)
    notes: str = text()
    #: The meeting where it was announced; set by the store when saved with one.
    meeting_id: int | None = ref("meetings", exchanged=False)
    id: int | None = row_id()
    uid: str = identity()
    #: How many saves the course has had, and who made the last (``store/versions.py``): the
    #: version it was loaded at, so a clerk never overwrites what another saved since.
    version: int = value("int", default=0, managed=True, exchanged=False)
    updated_by: str = value("text", default="", managed=True, exchanged=False)


@dataclass
class DecisionParty(_Record):
    """An organisation or a person a decision concerns, and how ("Chair")."""

    organisation_id: int | None = ref("organisations", name="organisation")
    person_id: int | None = ref("people", name="person")
    role: str = text(zh=True)
    role_zh: str = text()


@dataclass
class Decision(_Record):
    # ``declare.text``: the field ``text`` hides the function ``text`` in this class body.
    text: str = declare.text(default=NO_DEFAULT, zh=True, searched=True)
    text_zh: str = declare.text(searched=True)
    #: What was signed, by the short name a release calls it ("the cooperation agreement",
    #: 《合作协议》), where ``text`` holds the document's full name or what it provides for.
    document: str = declare.text(zh=True)
    document_zh: str = declare.text()
    kind: DecisionKind = value("enum", default=DecisionKind.OUTCOME, required=True)
    session_uid: str | None = ref("sessions", column="session_id", name="session", sibling=True)
    parties: list[DecisionParty] = parts(DecisionParty, "decision_parties", owner="decision_id")
    count: int | None = value("int")
    count_unit: str = declare.text(searched=True)
    owner_id: int | None = ref("people", name="owner")
    due_date: date | None = value("date")
    id: int | None = row_id()
    uid: str = identity()


@dataclass
class MeetingFile(_Record):
    """A photo or attachment. Its bytes live beside the database file (``store/media.py``).

    ``data`` is ``None`` when the record was loaded without its bytes (lists
    and editors do not need them); the store keeps the stored bytes then.
    """

    original_name: str = text(default=NO_DEFAULT)
    media_type: str = text(default="application/octet-stream")
    kind: FileKind = value("enum", default=FileKind.PHOTO, required=True)
    caption: str = text(zh=True)
    caption_zh: str = text()
    credit: str = text()
    session_uid: str | None = ref("sessions", column="session_id", name="session", sibling=True)
    data: bytes | None = value("bytes", required=True, managed=True)
    size: int = value("int", default=0, managed=True, exchanged=False)
    id: int | None = row_id()
    uid: str = identity()


@dataclass
class Meeting(_Record):
    title: str = text(default=NO_DEFAULT, zh=True, strip=True, searched=True)
    start_date: date | None = value("date", default=NO_DEFAULT, required=True)
    title_zh: str = text(searched=True)
    series: str = text(zh=True, searched=True)
    series_zh: str = text(searched=True)
    edition: str = text(searched=True)
    end_date: date | None = value("date")
    start_time: time | None = value("time")
    end_time: time | None = value("time")
    format: MeetingFormat = value("enum", default=MeetingFormat.ONSITE, required=True)
    venue: str = text(zh=True, searched=True)
    venue_zh: str = text(searched=True)
    our_role: OurRole = value("enum", default=OurRole.PARTICIPANT, required=True)
    summary: str = text(zh=True, searched=True)
    summary_zh: str = text(searched=True)
    background: str = text(zh=True)
    background_zh: str = text()
    status: MeetingStatus = value("enum", default=MeetingStatus.DRAFT, required=True)
    tags: list[str] = value("tags", default_factory=list, searched=True)
    hosts: list[HostOrganisation] = parts(HostOrganisation, "meeting_hosts", key="organisation_id")
    sessions: list[Session] = parts(Session, "sessions")
    attendees: list[Attendance] = parts(Attendance, "attendances", order="precedence")
    presentations: list[Presentation] = parts(Presentation, "presentations")
    courses: list[CourseEntry] = parts(CourseEntry, "courses", standalone=True)
    decisions: list[Decision] = parts(Decision, "decisions")
    files: list[MeetingFile] = parts(MeetingFile, "files")
    #: Saves so far and who made the last, written by the store alone: a save states the
    #: version it was loaded at, so a clerk never overwrites what another saved since.
    version: int = value("int", default=0, managed=True, exchanged=False)
    updated_by: str = value("text", default="", managed=True, exchanged=False)
    id: int | None = row_id()
    uid: str = identity()

    @property
    def photos(self) -> list[MeetingFile]:
        return [f for f in self.files if f.kind is FileKind.PHOTO]

    def session(self, uid: str | None) -> Session | None:
        return next((s for s in self.sessions if s.uid == uid), None)

    def people_ids(self) -> set[int]:
        """Every person the meeting's records name (to load or check them in one go)."""
        ids = {a.person_id for a in self.attendees}
        ids |= {p for x in self.presentations for p in x.presenter_ids}
        ids |= {s.chair_id for s in self.sessions if s.chair_id is not None}
        ids |= {d.owner_id for d in self.decisions if d.owner_id is not None}
        ids |= {p.person_id for d in self.decisions for p in d.parties if p.person_id is not None}
        return ids

    def organisation_ids(self) -> set[int]:
        """Every organisation the meeting's records name."""
        ids = {h.organisation_id for h in self.hosts}
        ids |= {a.organisation_id for a in self.attendees if a.organisation_id is not None}
        ids |= {c.institution_id for c in self.courses if c.institution_id is not None}
        ids |= {
            p.organisation_id
            for d in self.decisions
            for p in d.parties
            if p.organisation_id is not None
        }
        return ids

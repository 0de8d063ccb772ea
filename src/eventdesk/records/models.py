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

import uuid
from dataclasses import dataclass, field, fields
from datetime import date, time
from enum import Enum
from functools import cache
from typing import get_type_hints

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
from eventdesk.records.fields import shown, text
from eventdesk.records.names import display_name


def new_uid() -> str:
    """A stable identity that survives export, import and re-import."""
    return uuid.uuid4().hex


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
    name: str = shown("&Name")
    name_zh: str = shown("Name in &Chinese", default="")
    short_name: str = shown("&Short name", default="")
    kind: OrganisationKind = shown("&Kind", default=OrganisationKind.UNIVERSITY)
    parent_id: int | None = shown("&Part of", default=None)
    city: str = text("C&ity or region")
    founded: date | None = shown("&Founded", default=None)
    description: str = text("&Description", lines=4)
    description_zh: str = text("Description (Chinese)", lines=3)
    notes: str = text()
    #: For an alliance: the ids of its member organisations, in listing order.
    member_ids: list[int] = field(default_factory=list)
    id: int | None = None
    uid: str = field(default_factory=new_uid)

    @property
    def label(self) -> str:
        return self.name or self.name_zh


@dataclass
class Person(_Record):
    family_name: str = shown("&Family name")
    given_name: str = shown("&Given name", default="")
    name_order: NameOrder = shown("Name &order", default=NameOrder.FAMILY_FIRST)
    name_zh: str = shown("Name in &Chinese", default="")
    honorific: str = text("&Honorific", placeholder="Prof., Dr, Ms …")
    honorific_zh: str = text("Honorific in Chinese", placeholder="教授, 博士 …")
    title: str = text("Current &title")
    title_zh: str = text("Title in Chinese")
    organisation_id: int | None = shown("O&rganisation", default=None)
    email: str = shown("&E-mail", default="")
    phone: str = text("&Phone")
    notes: str = text("&Notes", lines=4)
    id: int | None = None
    uid: str = field(default_factory=new_uid)

    @property
    def display_name(self) -> str:
        return display_name(self.family_name, self.given_name, self.name_order)


@dataclass
class HostOrganisation(_Record):
    organisation_id: int
    role: HostRole = HostRole.HOST


@dataclass
class Session(_Record):
    title: str
    title_zh: str = ""
    start_time: time | None = None
    end_time: time | None = None
    chair_id: int | None = None
    notes: str = ""
    notes_zh: str = ""
    id: int | None = None
    uid: str = field(default_factory=new_uid)


@dataclass
class Attendance(_Record):
    """A person at one meeting, with what they were *then*.

    ``title`` and ``organisation_id`` are copied when the person is added and
    never follow later changes to the person, so a promotion does not rewrite
    history. ``capacity`` holds a further role at this meeting ("Chairman of
    the Alliance"). The list order of ``Meeting.attendees`` is the order of
    precedence in which names are printed.
    """

    person_id: int
    title: str = ""
    title_zh: str = ""
    organisation_id: int | None = None
    capacity: str = ""
    capacity_zh: str = ""
    role: AttendanceRole = AttendanceRole.DELEGATE
    side: Side = Side.OURS
    id: int | None = None
    uid: str = field(default_factory=new_uid)


@dataclass
class Presentation(_Record):
    kind: PresentationKind = PresentationKind.PRESENTATION
    title: str = ""
    title_zh: str = ""
    session_uid: str | None = None
    presenter_ids: list[int] = field(default_factory=list)
    abstract: str = ""
    abstract_zh: str = ""
    attachment_uid: str | None = None
    id: int | None = None
    uid: str = field(default_factory=new_uid)


@dataclass
class CourseEntry(_Record):
    title: str
    programme: str = ""
    programme_zh: str = ""
    title_zh: str = ""
    year: int | None = None
    institution_id: int | None = None
    teachers: str = ""
    status: CourseStatus = CourseStatus.NOMINATED
    notes: str = ""
    #: The meeting where it was announced; set by the store when saved with one.
    meeting_id: int | None = None
    id: int | None = None
    uid: str = field(default_factory=new_uid)


@dataclass
class DecisionParty(_Record):
    """An organisation or a person a decision concerns, and how ("Chair")."""

    organisation_id: int | None = None
    person_id: int | None = None
    role: str = ""
    role_zh: str = ""


@dataclass
class Decision(_Record):
    text: str
    text_zh: str = ""
    #: What was signed, by the short name a release calls it ("the cooperation agreement",
    #: 《合作协议》), where ``text`` holds the document's full name or what it provides for.
    document: str = ""
    document_zh: str = ""
    kind: DecisionKind = DecisionKind.OUTCOME
    session_uid: str | None = None
    parties: list[DecisionParty] = field(default_factory=list)
    count: int | None = None
    count_unit: str = ""
    owner_id: int | None = None
    due_date: date | None = None
    id: int | None = None
    uid: str = field(default_factory=new_uid)


@dataclass
class MeetingFile(_Record):
    """A photo or attachment. Its bytes live beside the database file (``store/media.py``).

    ``data`` is ``None`` when the record was loaded without its bytes (lists
    and editors do not need them); the store keeps the stored bytes then.
    """

    original_name: str
    media_type: str = "application/octet-stream"
    kind: FileKind = FileKind.PHOTO
    caption: str = ""
    caption_zh: str = ""
    credit: str = ""
    session_uid: str | None = None
    data: bytes | None = None
    size: int = 0
    id: int | None = None
    uid: str = field(default_factory=new_uid)


@dataclass
class Meeting(_Record):
    title: str
    start_date: date | None
    title_zh: str = ""
    series: str = ""
    series_zh: str = ""
    edition: str = ""
    end_date: date | None = None
    start_time: time | None = None
    end_time: time | None = None
    format: MeetingFormat = MeetingFormat.ONSITE
    venue: str = ""
    venue_zh: str = ""
    our_role: OurRole = OurRole.PARTICIPANT
    summary: str = ""
    summary_zh: str = ""
    background: str = ""
    background_zh: str = ""
    status: MeetingStatus = MeetingStatus.DRAFT
    tags: list[str] = field(default_factory=list)
    hosts: list[HostOrganisation] = field(default_factory=list)
    sessions: list[Session] = field(default_factory=list)
    attendees: list[Attendance] = field(default_factory=list)
    presentations: list[Presentation] = field(default_factory=list)
    courses: list[CourseEntry] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    files: list[MeetingFile] = field(default_factory=list)
    id: int | None = None
    uid: str = field(default_factory=new_uid)

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

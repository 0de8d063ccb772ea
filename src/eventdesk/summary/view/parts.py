"""The parts of a meeting as a template prints them: people, talks, decisions, sessions.

Plain data in the document's language, as :mod:`eventdesk.summary.view` describes:
the documents of :mod:`eventdesk.summary.view.pages` hold these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "AllianceView",
    "AlsoView",
    "ChairView",
    "CityCount",
    "CourseGroup",
    "CourseRow",
    "CourseView",
    "DecisionRun",
    "DecisionView",
    "HostView",
    "MeetingFacts",
    "NewsBlock",
    "NewsView",
    "OrganisationGroup",
    "OursView",
    "PartyGroup",
    "PartyView",
    "PersonView",
    "PhotoView",
    "SessionView",
    "SideView",
    "TalkView",
    "VisitView",
]


@dataclass
class PersonView:
    """A person as printed, with the title held *at this meeting*."""

    id: int | None
    #: The name in the document's language: Chinese characters in Chinese (when recorded).
    name: str
    name_zh: str
    #: The Latin display form: "DING Xiaodong", "Alexander WAI".
    name_latin: str
    #: English: "DING Xiaodong (丁晓东)"; Chinese: the name.
    full_name: str
    title: str
    title_zh: str
    #: A further role at this meeting: "Chairman of the Alliance".
    capacity: str
    organisation: str
    organisation_id: int | None
    #: The top of the organisation's parent chain (a department's university).
    root_id: int | None
    #: The organisation as a sentence names it after "of" ("the Ministry of Education"); empty
    #: for our own university.
    of: str
    #: "Director of the Hong Kong, Macao and Taiwan Affairs Office".
    full_title: str
    full_title_with_capacity: str
    title_with_capacity: str
    #: "President DING Xiaodong (丁晓东)"; Chinese "校长丁晓东".
    title_before_name: str
    #: "DING Xiaodong (丁晓东), President of …"; Chinese "…校长丁晓东".
    with_title: str
    #: attendance role: delegate, speaker, chair, host, guest, observer ("" if not attending).
    role: str
    role_label: str
    #: ours, partner, other ("" if not attending).
    side: str
    #: What else the attendance records that a summary prints, the fields its declaration
    #: marks ``printed``, where set: "Gift: a porcelain vase"; Chinese "礼品：瓷瓶". The
    #: minutes print it in a Notes column of the attendee list.
    particulars: str = ""


@dataclass
class OrganisationGroup:
    """People of one organisation, in order of precedence."""

    organisation_id: int | None
    organisation: str
    of: str
    people: list[PersonView]


@dataclass
class SideView:
    """One side of the attendees (ours, partners, others), grouped by organisation."""

    side: str
    label: str
    groups: list[OrganisationGroup]


@dataclass
class HostView:
    name: str
    #: As named inside a sentence: "the University of Shanghai for Science and Technology".
    the_name: str
    #: As a release repeats it: "USST".
    short: str
    role: str
    role_label: str


@dataclass
class OursView:
    """Our own university (the office's), as the release names it."""

    id: int | None
    name: str
    the_name: str
    short: str


@dataclass
class TalkView:
    """A speech, remarks, a presentation or a report."""

    kind: str
    kind_label: str
    #: The noun a sentence uses: "speech", "remarks", "presentation", "report".
    kind_noun: str
    is_speech: bool
    title: str
    abstract: str
    presenters: list[PersonView]
    presenter_ids: list[int]
    presenter_names: str
    #: "CHENG Danhong, Secretary of … and Chairman of the Alliance".
    speaker_phrase: str
    titled_names: str
    has_titles: bool

    @property
    def plain(self) -> bool:
        """A speech with no title or abstract: a release names it with the others of its session."""
        return self.is_speech and not self.title and not self.abstract


@dataclass
class PartyView:
    """An organisation or person a decision concerns."""

    name: str
    phrase: str
    role: str
    #: For a signing: the body the party signed for ("" when the party is a body itself).
    body: str = ""
    #: A person as named beside the body they signed for: "President DING Xiaodong (丁晓东)".
    titled: str = ""


@dataclass
class PartyGroup:
    """Parties of one role ("Vice Chairmen": Tongji University, Lingnan University)."""

    role: str
    names: list[str]
    role_plural: str
    names_joined: str


@dataclass
class DecisionView:
    kind: str
    kind_label: str
    text: str
    text_zh: str
    #: The text as the clause of a framed sentence: "establish joint laboratories".
    clause: str
    #: The text already says who did what ("The two universities will …"): printed as typed.
    as_typed: bool
    sentence: str
    #: What was signed, as named after "signed": the short name typed for it
    #: ("a new cooperation agreement", 《合作协议》), the text when it is a name ("the Memorandum
    #: …"), else "an agreement" (协议).
    document: str
    is_signing: bool
    signers: str
    #: The bodies that signed, as a headline names them ("USST", 上海理工大学).
    signing_bodies: list[str]
    count: int | None
    count_unit: str
    parties: list[PartyView]
    party_groups: list[PartyGroup]
    owner: str
    due_date: str
    session_uid: str | None
    #: The bodies that signed, as a sentence names them ("the University of …").
    bodies: list[str] = field(default_factory=list)
    #: The people who signed, each with the body they signed for (``PartyView.body``).
    signatories: list[PartyView] = field(default_factory=list)
    #: The text names every party (an election typed "Lingnan University was elected …").
    names_parties: bool = False

    @property
    def concerns(self) -> str:
        """The parties in one line, for a table cell."""
        return "; ".join(p.name + (f" ({p.role})" if p.role else "") for p in self.parties)

    @property
    def owner_due(self) -> str:
        return ", ".join(x for x in (self.owner, self.due_date) if x)


@dataclass
class DecisionRun:
    """Neighbouring decisions of one kind that one sentence holds ("agreed to A, B and C")."""

    kind: str
    joinable: bool
    entries: list[DecisionView]

    @property
    def clauses(self) -> list[str]:
        return [d.clause for d in self.entries]

    @property
    def punctuated(self) -> bool:
        """A clause holds a comma (or 、): a list of them needs semicolons (；) to be read."""
        return any(mark in c for c in self.clauses for mark in ",，、")


@dataclass
class CourseView:
    title: str
    #: The Chinese title beside an English one (English documents only).
    title_zh: str
    year: int | None
    teachers: str


@dataclass
class CourseGroup:
    """The courses of one institution with one status in one programme."""

    key: tuple[Any, ...]
    institution: str
    institution_short: str
    is_ours: bool
    status: str
    status_label: str
    #: Shortlisted or approved: a gain a release reports.
    is_gain: bool
    programme: str
    courses: list[CourseView]

    @property
    def titles(self) -> list[str]:
        return [c.title for c in self.courses]

    @property
    def count(self) -> int:
        return len(self.courses)


@dataclass
class CourseRow:
    """One course with its group's institution, programme and status (a table row)."""

    title: str
    title_zh: str
    year: int | str
    teachers: str
    institution: str
    programme: str
    status: str


@dataclass
class PhotoView:
    uid: str
    id: int | None
    caption: str
    credit: str
    media_type: str
    data: bytes
    session_uid: str | None
    #: Set by the writer: a resource name (PDF) or a data: URI (HTML), and a printed width.
    src: str = ""
    width: int = 0
    #: Set by the Word writer: the picture docxtpl inserts.
    image: Any = ""


@dataclass
class SessionView:
    number: int
    uid: str
    title: str
    title_zh: str
    #: The title as the middle of an English sentence writes it ("opening ceremony").
    title_lower: str
    time: str
    chair: str
    chair_id: int | None
    notes: str
    speeches: list[TalkView]
    talks: list[TalkView]
    decisions: list[DecisionView] = field(default_factory=list)
    decision_runs: list[DecisionRun] = field(default_factory=list)
    courses: list[CourseGroup] = field(default_factory=list)
    photos: list[PhotoView] = field(default_factory=list)
    #: As a sentence names it: "the opening ceremony", "Parallel Session I" (开幕式, 分论坛一).
    name: str = ""
    #: The theme its title gives ("Parallel Session I: Digital Transformation …"), or "".
    theme: str = ""
    #: Named after its keynote speeches: its speeches are keynote speeches.
    keynote: bool = False
    #: Its chair, an attendee: a release's sentence on the session opens with them.
    chair_person: PersonView | None = None


@dataclass
class MeetingFacts:
    """The meeting's own fields, in the document's language."""

    id: int | None
    title: str
    #: The other language's title, shown under the heading ("" when there is none).
    title_zh: str
    title_en: str
    series: str
    edition: str
    date: str
    date_iso: str
    time: str
    format: str
    format_label: str
    venue: str
    venue_zh: str
    our_role: str
    our_role_label: str
    our_role_verb: str
    status_label: str
    tags: list[str]
    #: The office's own summary and background, one string a paragraph.
    summary: list[str]
    background: list[str]
    #: The venue inside an English sentence: "Central Building, the University of Macau".
    venue_phrase: str = ""


@dataclass
class CityCount:
    city: str
    count: int
    count_word: str


@dataclass
class AllianceView:
    """The alliance that hosts the meeting: the release's background paragraph."""

    name: str
    name_zh: str
    the_name: str
    founded: str
    member_count: int
    #: "universities" when every member is one, else "members".
    member_noun: str
    by_city: list[CityCount]
    ours_is_member: bool
    members: list[str]
    other_members: list[str]
    description: str


@dataclass
class VisitView:
    """Who went where, who led, who received them: the sentences of a visit."""

    org: str
    org_short: str
    leader: PersonView
    led_by: str
    members: list[str]
    count: int
    place: str
    place_short: str
    receiver: str
    receivers_rest: list[str]
    receivers: list[str]


@dataclass
class ChairView:
    person: PersonView
    sessions: list[str]


@dataclass
class AlsoView:
    """Attendees with a role a release must name (speaker, chair, host, guest) whom no
    other sentence names."""

    speakers: list[PersonView] = field(default_factory=list)
    chairs: list[ChairView] = field(default_factory=list)
    hosts: list[PersonView] = field(default_factory=list)
    attending: list[PersonView] = field(default_factory=list)


@dataclass
class NewsBlock:
    """A paragraph of the release and the photos printed after it."""

    text: str
    photos: list[PhotoView] = field(default_factory=list)


@dataclass
class NewsView:
    headline: str
    blocks: list[NewsBlock]
    background: list[str]

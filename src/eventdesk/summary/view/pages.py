"""The documents a template fills in: a meeting, a period report, the course register.

Their fields are the templates' top-level variables (``{{ header }}``,
``{% for s in sessions %}``); see :mod:`eventdesk.summary.view`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from eventdesk.summary.prose import counted, join_prose, upper_first
from eventdesk.summary.view.parts import (
    AllianceView,
    AlsoView,
    CourseGroup,
    CourseRow,
    DecisionRun,
    DecisionView,
    HostView,
    MeetingFacts,
    NewsView,
    OrganisationGroup,
    OursView,
    PersonView,
    PhotoView,
    SessionView,
    SideView,
    TalkView,
    VisitView,
)

__all__ = [
    "CourseRegisterView",
    "MeetingView",
    "Page",
    "RegisterRow",
    "ReportView",
    "photos_of",
]


@dataclass
class Page:
    """What every document has: its running header, warnings, and how it is laid out."""

    kind: str
    header: str
    warnings: list[str] = field(default_factory=list)
    lang: str = "en"
    #: The script a Chinese document prints in (summary/script.py); "" in English.
    script: str = ""
    #: Set by the writer (PDF, HTML): the font list and the embedded font of an HTML file.
    font_stack: str = "sans-serif"
    font_css: str = ""
    screen_css: str = ""
    #: The HTML file's own running header; PDF and print draw theirs on each page.
    show_header: bool = True
    landscape: bool = False

    def as_context(self) -> dict[str, Any]:
        """The template's variables: each field, and each property a Word template reads."""
        names = [f.name for f in fields(self)] + list(getattr(self, "PROPERTIES", ()))
        return {name: getattr(self, name) for name in names}


@dataclass
class MeetingView(Page):
    """One meeting: everything its news release and its minutes print."""

    PROPERTIES = ("facts", "proceedings", "course_rows", "delegation")

    meeting: MeetingFacts | None = None
    ours: OursView | None = None
    hosts: list[HostView] = field(default_factory=list)
    #: The hosts' label in the minutes' facts: "Host", "Hosts", "Co-hosts" (联合主办方).
    hosts_label: str = ""
    #: Every attendee, in order of precedence.
    attendees: list[PersonView] = field(default_factory=list)
    ours_attending: list[PersonView] = field(default_factory=list)
    #: Our attendees, neighbours of one organisation together, as prose names them.
    our_groups: list[OrganisationGroup] = field(default_factory=list)
    sides: list[SideView] = field(default_factory=list)
    sessions: list[SessionView] = field(default_factory=list)
    #: Every speech and presentation, those of the sessions first.
    presentations: list[TalkView] = field(default_factory=list)
    loose_talks: list[TalkView] = field(default_factory=list)
    #: The talks tied to no session, as one more block of the minutes.
    loose_session: list[SessionView] = field(default_factory=list)
    loose_decisions: list[DecisionView] = field(default_factory=list)
    loose_decision_runs: list[DecisionRun] = field(default_factory=list)
    decisions: list[DecisionView] = field(default_factory=list)
    courses: list[CourseGroup] = field(default_factory=list)
    #: True when the courses are told with a session (the one that decided things).
    courses_placed: bool = False
    loose_photos: list[PhotoView] = field(default_factory=list)
    photos: list[PhotoView] = field(default_factory=list)
    alliance: AllianceView | None = None
    photos_left_out: list[str] = field(default_factory=list)
    #: The story the release tells: signing, visited, visiting, host, participant.
    news_kind: str = "participant"
    #: The story its lead is told as (a signing's lead is a visit's or a host's).
    base_kind: str = "participant"
    visit: VisitView | None = None
    also: AlsoView = field(default_factory=AlsoView)
    signings: list[DecisionView] = field(default_factory=list)
    #: "the two sides" of a visit, "the participants" of a meeting of many.
    sides_phrase: str = ""
    #: Our university is one of the hosts: its people attend as hosts, not "on behalf of" it.
    ours_hosting: bool = False
    #: The host the venue names ("Academic Exchange Centre, University of …"), and the venue
    #: without it: a release then names the host once.
    venue_host: HostView | None = None
    venue_rest: str = ""
    #: The minutes' header block: (label, value) in the document's language.
    fact_rows: list[tuple[str, str]] = field(default_factory=list)
    #: Each text a Chinese document prints in English for want of a Chinese form.
    missing_zh: list[str] = field(default_factory=list)
    #: Those English texts and the Latin names it prints, parted from the Latin beside them.
    latin_zh: list[str] = field(default_factory=list)
    #: The release's sentences (written by news_prose*.txt.j2).
    news: NewsView | None = None
    #: A bilingual document's English one, printed after this Chinese one (``--lang both``).
    second: MeetingView | None = None

    @property
    def facts(self) -> list[tuple[str, str]]:
        """The header block under the name the Word templates use."""
        return self.fact_rows

    @property
    def proceedings(self) -> list[SessionView]:
        """The sessions the minutes' "Speeches and presentations" print, in order."""
        return [s for s in self.sessions + self.loose_session if s.notes or s.speeches or s.talks]

    @property
    def course_rows(self) -> list[CourseRow]:
        return [
            CourseRow(
                title=c.title,
                title_zh=c.title_zh,
                year=c.year or "",
                teachers=c.teachers,
                institution=g.institution,
                programme=g.programme,
                status=g.status_label,
            )
            for g in self.courses
            for c in g.courses
        ]

    @property
    def delegation(self) -> str:
        """Our attendees' names in one phrase (a period report's table)."""
        return join_prose(p.name for p in self.ours_attending)


@dataclass
class ReportView(Page):
    """The meetings of a period (with a partner, of a series, or with a person)."""

    PROPERTIES = ("count", "count_text")

    title: str = ""
    #: "with Fudan University and in the series …".
    filters: str = ""
    meetings: list[MeetingView] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.meetings)

    @property
    def count_text(self) -> str:
        return upper_first(counted(self.count, "meeting"))


@dataclass
class RegisterRow:
    year: int | str
    title: str
    title_zh: str
    programme: str
    institution: str
    teachers: str
    status: str
    meeting: str


@dataclass
class CourseRegisterView(Page):
    """The course-shortlist register."""

    PROPERTIES = ("count", "count_text")

    title: str = ""
    courses: list[RegisterRow] = field(default_factory=list)
    today: str = ""

    @property
    def count(self) -> int:
        return len(self.courses)

    @property
    def count_text(self) -> str:
        return upper_first(counted(self.count, "course entry", "course entries"))


def photos_of(document: Page) -> list[PhotoView]:
    """The photos a document prints (a meeting's; a report and the register have none)."""
    if not isinstance(document, MeetingView):
        return []
    return document.photos + (document.second.photos if document.second else [])

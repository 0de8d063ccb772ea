"""What a summary template can print: the view model, typed.

Every template (the HTML layouts, the sentences of ``news_prose*.txt.j2``, the
Word templates, a user's edited copy) reads these objects and nothing else:
``meeting.title``, ``sessions[].speeches[].speaker_phrase``,
``sides[].groups[].people[].full_title``. They are plain data, built once by
:mod:`eventdesk.summary.context` from the records, with every text already in
the document's language and script and named as a reader would name it; no
markup (escaping is the templates' job) and no way back to the store.

A template names the top-level fields of a document (:class:`MeetingView`,
:class:`ReportView`, :class:`CourseRegisterView`) as variables of their own
(``{{ header }}``, ``{% for s in sessions %}``); ``docs/summaries.md`` lists
them for template authors.
"""

from __future__ import annotations

from eventdesk.summary.view.pages import (
    CourseRegisterView,
    MeetingView,
    Page,
    RegisterRow,
    ReportView,
    photos_of,
)
from eventdesk.summary.view.parts import (
    AllianceView,
    AlsoView,
    ChairView,
    CityCount,
    CourseGroup,
    CourseRow,
    CourseView,
    DecisionRun,
    DecisionView,
    HostView,
    MeetingFacts,
    NewsBlock,
    NewsView,
    OrganisationGroup,
    OursView,
    PartyGroup,
    PartyView,
    PersonView,
    PhotoView,
    SessionView,
    SideView,
    TalkView,
    VisitView,
)

__all__ = [
    "AllianceView",
    "AlsoView",
    "ChairView",
    "CityCount",
    "CourseGroup",
    "CourseRegisterView",
    "CourseRow",
    "CourseView",
    "DecisionRun",
    "DecisionView",
    "HostView",
    "MeetingFacts",
    "MeetingView",
    "NewsBlock",
    "NewsView",
    "OrganisationGroup",
    "OursView",
    "Page",
    "PartyGroup",
    "PartyView",
    "PersonView",
    "PhotoView",
    "RegisterRow",
    "ReportView",
    "SessionView",
    "SideView",
    "TalkView",
    "VisitView",
    "photos_of",
]

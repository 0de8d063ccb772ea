"""An online annual meeting entered from an empty database, keyboard first, and counted.

The meeting of issue 25: an alliance's annual meeting held online by three
co-hosts, opened by four officials' remarks, with our president's speech and
closing remarks, two elections and an outcome. Every organisation and person
is created in place from the finder that did not know them; the store then
holds each fact. The clerk's clicks, other keys and characters are counted by
the driver of ``test_delegation_visit.py``; ``docs/meeting-editor.md`` quotes
the count beside the one taken by hand before create-in-place was one step.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_delegation_visit import Clerk, Count, _dialog

from eventdesk.records import (
    DecisionKind,
    HostRole,
    MeetingFormat,
    OurRole,
    PresentationKind,
    Side,
)
from eventdesk.ui.meeting_editor.create_in_place import NewOrganisationDialog

TITLE = "2022 Annual Meeting of the Shanghai-Hong Kong University Alliance"
TITLE_ZH = "沪港大学联盟2022年年会"
CO_HOSTS = ["Shanghai University", "Hong Kong Baptist University", "Tongji University"]
SESSIONS = ["Opening ceremony", "Council meeting", "Exchange symposium", "Closing ceremony"]
#: (typed in the attendees' finder, title then, organisation: typed, new?, side)
ATTENDEES = [
    ("CHENG Danhong", "Secretary of the Party Committee", "Shanghai University", Side.PARTNER),
    ("SHU Gangbo", "Deputy Director", "Ministry of Education", Side.OTHER),
    ("LI Yongzhi", "Deputy Director", "Shanghai Municipal Education Commission", Side.OTHER),
    ("LAI Tze-kin", "Principal Assistant Secretary", "Education Bureau", Side.OTHER),
    ("DING Xiaodong", "President", "University of Shanghai for Science and Technology", Side.OURS),
    (
        "Alexander WAI",
        "President and Vice-Chancellor",
        "Hong Kong Baptist University",
        Side.PARTNER,
    ),
]
#: (session number, kind, presenter typed, title)
PRESENTATIONS = [
    (1, PresentationKind.REMARKS, "CHENG", ""),
    (1, PresentationKind.REMARKS, "SHU", ""),
    (1, PresentationKind.REMARKS, "LI Yongzhi", ""),
    (1, PresentationKind.REMARKS, "LAI", ""),
    (3, PresentationKind.SPEECH, "DING", "Talent cultivation across the two cities"),
    (4, PresentationKind.REMARKS, "WAI", ""),
]
#: (text, parties, their role)
ELECTIONS = [
    ("Chairman of the 3rd Council", ["Hong Kong Baptist University"], "Council Chairman"),
    (
        "Vice Chairmen of the 3rd Council",
        ["Tongji University", "Lingnan University"],
        "Council Vice Chairman",
    ),
]
OUTCOME = "USST students qualified for Fudan University's summer courses"


def _new_organisation(c: Clerk) -> None:
    """Enter on "Create …" in a finder, then Enter in the form: created and picked."""
    c.key(Qt.Key.Key_Return)
    dialog = _dialog(NewOrganisationDialog)
    dialog.activateWindow()  # as a window manager would (offscreen has none)
    QApplication.processEvents()
    c.key(Qt.Key.Key_Return)
    assert not dialog.isVisible()


def _details(c: Clerk, editor) -> None:
    v = editor.details.view
    c.type(v.title, TITLE)
    c.type(v.title_zh, TITLE_ZH)
    c.type(v.start_date, "20 December 2022")
    c.choose(v.format, MeetingFormat.ONLINE.label)
    c.choose(v.our_role, OurRole.PARTICIPANT.label)
    c.type(v.venue, "Zoom")
    for name in CO_HOSTS:
        c.type(v.hosts.finder, name)
        _new_organisation(c)
    # the first host is taken as the host: the clerk makes it a co-host too
    c.click(v.hosts.list)
    v.hosts.list.setCurrentRow(0)
    c.choose(v.hosts.role, HostRole.CO_HOST.label)


def _attendees(c: Clerk, editor) -> None:
    a, p = editor.attendees, editor.attendees.new_person
    c.click(editor.tabs.tabBar())
    editor.tabs.setCurrentWidget(a)
    known = set(CO_HOSTS)
    for name, title, organisation, side in ATTENDEES:
        c.type(a.finder, name)
        c.key(Qt.Key.Key_Return)  # "Create …": the New-person form, the name split
        c.type(p.title_edit, title)
        c.type(p.organisation.finder, organisation)
        if organisation in known:
            c.key(Qt.Key.Key_Return)  # picks it
        else:
            _new_organisation(c)
            known.add(organisation)
        c.key(Qt.Key.Key_Return)  # Create and add
        c.choose(a.side, side.label)


def _sessions(c: Clerk, editor) -> None:
    s = editor.sessions
    c.click(editor.tabs.tabBar())
    editor.tabs.setCurrentWidget(s)
    c.click(s.add_button)
    for n, title in enumerate(SESSIONS):
        c.type(s.title, title)
        if n < len(SESSIONS) - 1:
            c.key(Qt.Key.Key_Return)


def _presentations(c: Clerk, editor) -> None:
    t = editor.presentations
    c.click(editor.tabs.tabBar())
    editor.tabs.setCurrentWidget(t)
    for session, kind, presenter, title in PRESENTATIONS:
        c.click(t.add_button)
        c.choose(t.session, f"{session}. {SESSIONS[session - 1]}")
        c.choose(t.kind, kind.label)
        c.type(t.presenters.finder, presenter)
        c.key(Qt.Key.Key_Return)  # the meeting's attendee, offered first
        if title:
            c.type(t.title, title)


def _decisions(c: Clerk, editor) -> None:
    t = editor.decisions
    c.click(editor.tabs.tabBar())
    editor.tabs.setCurrentWidget(t)
    council = f"2. {SESSIONS[1]}"
    for text, parties, role in ELECTIONS:
        c.click(t.add_button)
        c.choose(t.kind, DecisionKind.ELECTION.label)
        c.choose(t.session, council)
        c.type(t.text, text)
        for name in parties:
            c.type(t.parties.organisation_finder, name)
            if name == "Lingnan University":
                _new_organisation(c)
            else:
                c.key(Qt.Key.Key_Return)
            c.type(t.parties.role, role)
    c.click(t.add_button)
    c.choose(t.kind, DecisionKind.OUTCOME.label)
    c.choose(t.session, council)
    c.type(t.text, OUTCOME)
    c.type(t.parties.organisation_finder, "Fudan University")
    _new_organisation(c)
    c.type(t.parties.role, "Summer courses")
    c.type(t.count, "10")
    c.type(t.count_unit, "students (free places)")


def enter_the_annual_meeting(window, qtbot) -> Count:
    """Everything the clerk does, from Ctrl+N to Ctrl+S."""
    c = Clerk(qtbot, window)
    editor = window.workspace.editors.meeting_editor
    window.activateWindow()
    window.workspace.list_pane.search.setFocus()
    c.key(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    _details(c, editor)
    _attendees(c, editor)
    _sessions(c, editor)
    _presentations(c, editor)
    _decisions(c, editor)
    c.key(Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    return c.count


def test_the_annual_meeting_from_an_empty_database(empty_window, qtbot, fresh_store):
    count = enter_the_annual_meeting(empty_window, qtbot)
    editor = empty_window.workspace.editors.meeting_editor
    assert not editor.is_dirty(), editor.problems.text()

    (row,) = fresh_store.meetings.list()
    m = fresh_store.meetings.get(row.id)
    assert (m.title, m.title_zh, m.start_date, m.format, m.our_role, m.venue) == (
        TITLE,
        TITLE_ZH,
        date(2022, 12, 20),
        MeetingFormat.ONLINE,
        OurRole.PARTICIPANT,
        "Zoom",
    )

    def org(org_id: int | None) -> str:
        return fresh_store.organisations.get(org_id).name if org_id else ""

    def person(person_id: int | None) -> str:
        p = fresh_store.people.get(person_id)
        return f"{p.family_name} {p.given_name}"  # WAI, typed in capitals, is his family name

    assert [(org(h.organisation_id), h.role) for h in m.hosts] == [
        (name, HostRole.CO_HOST) for name in CO_HOSTS
    ]
    assert len(fresh_store.organisations.list()) == 9  # each created once
    assert [
        (person(a.person_id), a.title, org(a.organisation_id), a.side) for a in m.attendees
    ] == [
        ("Cheng Danhong", "Secretary of the Party Committee", "Shanghai University", Side.PARTNER),
        ("Shu Gangbo", "Deputy Director", "Ministry of Education", Side.OTHER),
        ("Li Yongzhi", "Deputy Director", "Shanghai Municipal Education Commission", Side.OTHER),
        ("Lai Tze-kin", "Principal Assistant Secretary", "Education Bureau", Side.OTHER),
        (
            "Ding Xiaodong",
            "President",
            "University of Shanghai for Science and Technology",
            Side.OURS,
        ),
        (
            "Wai Alexander",
            "President and Vice-Chancellor",
            "Hong Kong Baptist University",
            Side.PARTNER,
        ),
    ]
    assert [s.title for s in m.sessions] == SESSIONS
    session = {s.uid: n for n, s in enumerate(m.sessions, 1)}
    assert [
        (session[p.session_uid], p.kind, [person(x) for x in p.presenter_ids], p.title)
        for p in m.presentations
    ] == [
        (1, PresentationKind.REMARKS, ["Cheng Danhong"], ""),
        (1, PresentationKind.REMARKS, ["Shu Gangbo"], ""),
        (1, PresentationKind.REMARKS, ["Li Yongzhi"], ""),
        (1, PresentationKind.REMARKS, ["Lai Tze-kin"], ""),
        (3, PresentationKind.SPEECH, ["Ding Xiaodong"], "Talent cultivation across the two cities"),
        (4, PresentationKind.REMARKS, ["Wai Alexander"], ""),
    ]
    assert [
        (
            d.kind,
            d.text,
            [(org(x.organisation_id), x.role) for x in d.parties],
            d.count,
            d.count_unit,
        )
        for d in m.decisions
    ] == [
        (
            DecisionKind.ELECTION,
            ELECTIONS[0][0],
            [("Hong Kong Baptist University", "Council Chairman")],
            None,
            "",
        ),
        (
            DecisionKind.ELECTION,
            ELECTIONS[1][0],
            [
                ("Tongji University", "Council Vice Chairman"),
                ("Lingnan University", "Council Vice Chairman"),
            ],
            None,
            "",
        ),
        (
            DecisionKind.OUTCOME,
            OUTCOME,
            [("Fudan University", "Summer courses")],
            10,
            "students (free places)",
        ),
    ]
    print(f"\nclicks={count.clicks} keys={count.keys} chars={count.chars}")

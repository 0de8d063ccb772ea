"""A Hong Kong or Taiwan partner's agenda, typed in traditional characters, reads as the
mainland's does: 主旨演講 is the keynote session, 交流環節 a stage of the programme.

The session recognisers matched simplified titles only, so a forum whose sessions
were recorded as 主旨演講 and 交流環節 printed "主旨演讲上，" and "交流环节上，".
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from eventdesk.records import (
    Attendance,
    AttendanceRole,
    HostOrganisation,
    Meeting,
    Organisation,
    Person,
    Presentation,
    PresentationKind,
    Session,
)
from eventdesk.summary import render_html


def _forum(store, keynote_zh: str, exchange_zh: str) -> int:
    lingnan = store.organisations.save(Organisation("Lingnan University", name_zh="嶺南大學"))
    chan, lee = (
        store.people.save(Person(family, given, name_zh=zh, organisation_id=lingnan.id))
        for family, given, zh in (("Chan", "Tai Man", "陳大文"), ("Lee", "Siu Ming", "李小明"))
    )
    keynote = Session("Keynote speeches", title_zh=keynote_zh)
    exchange = Session("Exchange session", title_zh=exchange_zh)
    speaker = AttendanceRole.SPEAKER
    meeting = Meeting(
        "Forum on Greater Bay Area Education",
        date(2025, 3, 12),
        title_zh="大灣區教育論壇",
        hosts=[HostOrganisation(lingnan.id)],
        sessions=[keynote, exchange],
        attendees=[
            Attendance(chan.id, organisation_id=lingnan.id, role=speaker),
            Attendance(lee.id, organisation_id=lingnan.id, role=speaker),
        ],
        presentations=[
            Presentation(
                kind=PresentationKind.SPEECH,
                title="Education in the Bay Area",
                title_zh="灣區教育",
                session_uid=keynote.uid,
                presenter_ids=[chan.id],
            ),
            Presentation(
                title="Student exchange",
                title_zh="學生交流",
                session_uid=exchange.uid,
                presenter_ids=[lee.id],
            ),
        ],
    )
    return store.meetings.save(meeting).id


def _release(store, meeting_id: int, lang: str) -> str:
    return re.sub(r"<[^>]+>", "", render_html(store, meeting_id, "news", lang=lang))


@pytest.mark.parametrize(
    ("keynote_zh", "exchange_zh"),
    [("主旨演講", "交流環節"), ("主旨演讲", "交流环节")],
    ids=["traditional", "simplified"],
)
@pytest.mark.parametrize(
    ("lang", "keynote_at", "exchange_at"),
    [
        ("zh", "在主旨演讲环节，陳大文发表题为《湾区教育》的主旨演讲。", "在交流环节，"),
        ("zh-Hant", "在主旨演講環節，陳大文發表題為《灣區教育》的主旨演講。", "在交流環節，"),
    ],
)
def test_sessions_recorded_in_either_script_are_named_alike(
    fresh_store, keynote_zh, exchange_zh, lang, keynote_at, exchange_at
):
    text = _release(fresh_store, _forum(fresh_store, keynote_zh, exchange_zh), lang)
    assert keynote_at in text
    assert exchange_at in text
    assert "主旨演讲上" not in text and "主旨演講上" not in text

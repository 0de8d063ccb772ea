"""``eventdesk fill-chinese MEETING_ID``: Chinese forms proposed from the office's records, filled
with ``--apply``.

Given the Yonsei delegation's visit of 15 April 2025 recorded with every
Chinese title, when a later meeting with the same people holding the same
titles is entered in English only and ``fill-chinese`` is run on it, then it
lists each empty field with the form the earlier meeting gave it and says so
("earlier meeting 2025-04-15"), an agenda item and an office the records never
named come from the bundled glossary, a title the records give two Chinese
forms for ("Director": 处长 here, 主任 there) is not proposed for a stranger,
nothing is written until ``--apply``, and then the meeting's Chinese release
prints the filled forms.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from tests.summary.conftest import read_back

from eventdesk.cli.main import main
from eventdesk.records import Attendance, Meeting, Organisation, OrganisationKind, Person, Session
from eventdesk.records.enums import Side
from eventdesk.store import EventStore
from eventdesk.store.chinese_forms import fold, load_glossary, read_glossary
from eventdesk.store.interchange import import_file
from eventdesk.summary import write_summary

DATA = Path(__file__).parents[1] / "summary" / "data"


@pytest.fixture
def later_meeting(engine_address: str) -> tuple[str, int]:
    """On each engine in turn (ids ``[sqlite]``, ``[postgresql]``)."""
    return engine_address, make_later_meeting(engine_address)


def make_later_meeting(db: Path | str) -> int:
    """The visit of 2025-04-15, a meeting of 2024 where a Director was 主任, and a meeting of
    2025-06-02 entered in English only (its id)."""
    with EventStore.open(db) as store:
        import_file(store, DATA / "visited.json")
        (visit,) = store.meetings.list()
        earlier = store.meetings.get(visit.id)
        people = store.people.get_many(earlier.people_ids())
        by_name = {p.display_name: p for p in people.values()}
        cai, zhou = by_name["CAI Yonglian"], by_name["ZHOU Jianmin"]
        usst = next(a.organisation_id for a in earlier.attendees if a.person_id == cai.id)
        iec = next(a.organisation_id for a in earlier.attendees if a.person_id == zhou.id)
        centre = store.organisations.save(Organisation(name="Language Centre", name_zh="语言中心"))
        ma = store.people.save(Person(family_name="Ma", given_name="Li", name_zh="马丽"))
        store.meetings.save(
            Meeting(
                "Language teachers' workshop",
                date(2024, 3, 1),
                attendees=[
                    Attendance(ma.id, "Director", "主任", centre.id, side=Side.OURS),
                ],
            )
        )
        oia = store.organisations.save(
            Organisation(name="Office of International Affairs", kind=OrganisationKind.OFFICE)
        )
        lin = store.people.save(Person(family_name="Lin", given_name="Hua"))
        later = store.meetings.save(
            Meeting(
                "Visit of the Kyoto University delegation",
                date(2025, 6, 2),
                venue="Room 101, Administration Building",
                sessions=[Session("Opening ceremony"), Session("Lunch with the students")],
                attendees=[
                    Attendance(cai.id, "Vice President", "", usst, side=Side.OURS),
                    Attendance(zhou.id, "Director", "", iec, side=Side.OURS),
                    Attendance(lin.id, "Director", "", oia.id, side=Side.PARTNER),
                ],
            )
        )
    return later.id


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_it_lists_what_earlier_meetings_and_the_glossary_give(capsys, later_meeting):
    db, meeting_id = later_meeting
    status, out, err = run(capsys, "--db", str(db), "fill-chinese", str(meeting_id))
    assert (status, err) == (0, "")
    lines = [" ".join(line.split()) for line in out.splitlines()]
    assert lines[0] == "Field English Proposed Source"
    assert lines[1:] == [
        "meeting › venue_zh Room 101, Administration Building 行政楼101会议室 earlier meeting 2025-04-15",
        "attendee CAI Yonglian › title_zh Vice President 副校长 earlier meeting 2025-04-15",
        "attendee ZHOU Jianmin › title_zh Director 处长 earlier meeting 2025-04-15",
        "session 1 › title_zh Opening ceremony 开幕式 glossary",
        "organisation › name_zh Office of International Affairs 国际事务处 glossary",
        "5 Chinese form(s) proposed; run again with --apply to fill them.",
    ]
    with EventStore.open(db) as store:  # nothing written
        meeting = store.meetings.get(meeting_id)
        assert [a.title_zh for a in meeting.attendees] == ["", "", ""]


def test_apply_fills_them_through_the_meeting_save(capsys, later_meeting, tmp_path):
    db, meeting_id = later_meeting
    status, out, _ = run(capsys, "--db", str(db), "fill-chinese", str(meeting_id), "--apply")
    assert (
        status == 0 and out.splitlines()[-1] == f"Filled 5 Chinese form(s) of meeting {meeting_id}."
    )
    with EventStore.open(db) as store:
        meeting = store.meetings.get(meeting_id)
        assert [a.title_zh for a in meeting.attendees] == ["副校长", "处长", ""]
        assert [s.title_zh for s in meeting.sessions] == ["开幕式", ""]
        assert meeting.venue_zh == "行政楼101会议室"
        oia = meeting.attendees[2].organisation_id
        assert store.organisations.get(oia).name_zh == "国际事务处"
        assert [m.id for m in store.meetings.search("国际事务处")] == [meeting_id]
        for template in ("news", "minutes"):
            write_summary(store, meeting_id, template, tmp_path / f"{template}.html", lang="zh")
    assert "副校长蔡永莲" in read_back(tmp_path / "news.html")
    minutes = read_back(tmp_path / "minutes.html")
    assert "开幕式" in minutes and "国际事务处" in minutes and "处长" in minutes
    # Run again: nothing left that the records know.
    status, out, _ = run(capsys, "--db", str(db), "fill-chinese", str(meeting_id))
    assert out.startswith(f"Nothing to fill in meeting {meeting_id}")


def test_the_glossary_forms_follow_the_office_script(capsys, later_meeting):
    db, meeting_id = later_meeting
    with EventStore.open(db) as store:
        store.office.set_chinese_script("zh-Hant")
    _, out, _ = run(capsys, "--db", str(db), "fill-chinese", str(meeting_id))
    assert "開幕式" in out and "國際事務處" in out


def test_a_read_only_database_lists_but_does_not_fill(capsys, later_meeting):
    db, meeting_id = later_meeting
    status, out, _ = run(capsys, "--db", str(db), "--read-only", "fill-chinese", str(meeting_id))
    assert status == 0 and "5 Chinese form(s) proposed" in out
    status, _, err = run(
        capsys, "--db", str(db), "--read-only", "fill-chinese", str(meeting_id), "--apply"
    )
    assert status == 1 and "--read-only" in err


def test_an_unknown_meeting_is_one_line(capsys, later_meeting):
    db, _ = later_meeting
    status, out, err = run(capsys, "--db", str(db), "fill-chinese", "999")
    assert status == 1 and out == "" and len(err.splitlines()) == 1 and "999" in err


def test_an_office_glossary_adds_its_own_entries(capsys, later_meeting, tmp_path):
    db, meeting_id = later_meeting
    own = tmp_path / "office.json"
    own.write_text(json.dumps({"sessions": {"Lunch with the students": "与学生午餐"}}), "utf-8")
    _, out, _ = run(
        capsys, "--db", str(db), "fill-chinese", str(meeting_id), "--glossary", str(own)
    )
    assert "与学生午餐" in out and "开幕式" in out


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"\xff\xfe not utf-8", "not valid JSON"),
        (b"[1, 2]", "does not hold a JSON object"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deep"),
        (b'{"titles": ["President"]}', "'titles' is not an object"),
        (b'{"titles": {"President": 3}}', "not a text"),
        (b'{"titles": {"President": "\\u001b[2J"}}', "control character"),
        (json.dumps({"titles": {"x": "y" * 300}}).encode(), "longer than 200"),
        (b" " * (300 * 1024), "larger than 256 KB"),
    ],
)
def test_a_hostile_glossary_is_refused_with_its_reason(
    capsys, later_meeting, tmp_path, content, why
):
    db, meeting_id = later_meeting
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    assert read_glossary(bad).problems and why in read_glossary(bad).problems[0]
    status, out, err = run(
        capsys, "--db", str(db), "fill-chinese", str(meeting_id), "--glossary", str(bad)
    )
    assert status == 0 and why in err and "is not used" in err
    assert "开幕式" in out  # the bundled glossary still serves


def test_the_bundled_glossary_is_whole():
    from eventdesk import paths

    glossary = load_glossary(paths.resources_dir() / "glossary" / "zh.json")
    assert glossary.problems == []
    assert len(glossary.titles) + len(glossary.organisations) + len(glossary.sessions) >= 50
    assert glossary.look_up("titles", "vice-president") == "副校长"
    assert (
        glossary.look_up("titles", "Director of International Affairs Office") == "国际交流处处长"
    )
    assert fold("The  Vice-Chancellor.") == "vice chancellor"

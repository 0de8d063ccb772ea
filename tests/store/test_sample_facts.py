"""Every fact of the office's report, read back from the stored example meeting."""

from __future__ import annotations

from datetime import date

import pytest

from eventdesk.records import (
    CourseStatus,
    DecisionKind,
    MeetingFormat,
    OrganisationKind,
    PresentationKind,
    Side,
)
from eventdesk.store import EventStore


@pytest.fixture
def sample_store(engine_sample_store):
    """The example on each engine in turn: every test here runs on a file and on a team
    database (ids ``[sqlite]``, ``[postgresql]``)."""
    return engine_sample_store


@pytest.fixture
def facts(sample_store: EventStore, sample_meeting):
    people = sample_store.people.get_many(a.person_id for a in sample_meeting.attendees)
    orgs = {o.id: o for o in sample_store.organisations.get_many(range(1, 200)).values()}
    return sample_meeting, people, orgs


def org_name(orgs, org_id):
    return orgs[org_id].name


def test_date_format_and_series(facts):
    meeting, _, _ = facts
    assert meeting.start_date == date(2021, 12, 22)
    assert meeting.format is MeetingFormat.ONLINE
    assert meeting.series == "Shanghai-Hong Kong University Alliance annual meeting"
    assert meeting.edition == "2021"


def test_three_sessions_in_order(facts):
    meeting, _, _ = facts
    assert [s.title for s in meeting.sessions] == [
        "Opening ceremony",
        "Council meeting",
        "Exchange symposium",
    ]
    council = meeting.sessions[1]
    for business in ("summer school", "internship program", "excellent national condition courses"):
        assert business in council.notes


def test_our_five_attendees_with_the_titles_and_offices_they_held(facts):
    meeting, people, orgs = facts
    ours = [
        (people[a.person_id].display_name, a.title, org_name(orgs, a.organisation_id))
        for a in meeting.attendees
        if a.side is Side.OURS
    ]
    assert ours == [
        ("DING Xiaodong", "President", "University of Shanghai for Science and Technology"),
        ("MA Xiaoting", "Director", "Hong Kong, Macao and Taiwan Affairs Office"),
        ("CHEN Qi", "Deputy Director", "Hong Kong, Macao and Taiwan Affairs Office"),
        ("HUANG Zhiqiang", "Deputy Director", "Party Committee (President) Office"),
        ("YANG Jiong", "Director", "Mental Health Education and Counseling Center"),
    ]
    hmt = orgs[meeting.attendees[1].organisation_id]
    assert orgs[hmt.parent_id].short_name == "USST"


def test_names_are_the_correct_ones_with_chinese_where_known(facts):
    meeting, people, _ = facts
    names = {people[a.person_id].display_name: people[a.person_id] for a in meeting.attendees}
    assert "CHEN Qi" in names and "HUANG Zhiqiang" in names  # not the report's "CHENn", "HUANGg"
    assert names["DING Xiaodong"].name_zh == "丁晓东"


def test_the_five_opening_speakers_with_their_capacities(facts):
    meeting, people, orgs = facts
    opening = meeting.sessions[0]
    speeches = [p for p in meeting.presentations if p.session_uid == opening.uid]
    assert all(p.kind is PresentationKind.SPEECH for p in speeches)
    by_person = {a.person_id: a for a in meeting.attendees}
    spoken = []
    for speech in speeches:
        (pid,) = speech.presenter_ids
        a = by_person[pid]
        spoken.append(
            (people[pid].display_name, a.title, org_name(orgs, a.organisation_id), a.capacity)
        )
    assert spoken == [
        (
            "CHENG Danhong",
            "Secretary of the Party Committee",
            "Shanghai University",
            "Chairman of the Alliance",
        ),
        (
            "SHU Gangbo",
            "Deputy Director",
            "Hong Kong, Macao and Taiwan Affairs Office of the Ministry of Education",
            "",
        ),
        (
            "LIU Maozhou",
            "Representative",
            "Liaison Office of the Central Government in the Hong Kong Special Administrative Region",
            "",
        ),
        ("LI Yongzhi", "Deputy Director", "Shanghai Municipal Education Commission", ""),
        (
            "LAI Tze-kin",
            "Principal Assistant Secretary (Higher Education)",
            "Hong Kong Education Bureau",
            "",
        ),
    ]
    assert "great rejuvenation of the Chinese nation" in opening.notes


def test_two_shortlisted_courses_keep_their_characters(facts):
    meeting, _, orgs = facts
    assert [c.title for c in meeting.courses] == [
        "<Shi Jing> and Chinese Poetry Education",
        "Learning Entrepreneurship by Knowing and Doing",
    ]
    for course in meeting.courses:
        assert course.status is CourseStatus.SHORTLISTED
        assert course.year == 2021
        assert orgs[course.institution_id].short_name == "USST"
        assert "excellent national condition courses" in course.programme.lower()


def test_ten_free_summer_places_at_fudan(facts):
    meeting, _, orgs = facts
    (places,) = [d for d in meeting.decisions if d.count is not None]
    assert places.kind is DecisionKind.OUTCOME
    assert places.count == 10
    assert "students" in places.count_unit
    assert "summer international courses of Fudan University" in places.text
    assert {org_name(orgs, p.organisation_id) for p in places.parties} >= {"Fudan University"}


def test_election_of_the_third_council_chair_and_vice_chairs(facts):
    meeting, _, orgs = facts
    (election,) = [d for d in meeting.decisions if d.kind is DecisionKind.ELECTION]
    assert "3rd Council" in election.text
    roles = [(org_name(orgs, p.organisation_id), p.role) for p in election.parties]
    assert roles == [
        ("Hong Kong Baptist University", "Chairman of the 3rd Council"),
        ("Tongji University", "Vice Chairman"),
        ("Lingnan University", "Vice Chairman"),
    ]


def test_the_symposium_talk(facts):
    meeting, people, _ = facts
    symposium = meeting.sessions[2]
    (talk,) = [p for p in meeting.presentations if p.session_uid == symposium.uid]
    assert talk.title == "The Growth of Pony 98 during the Epidemic"
    assert [people[p].display_name for p in talk.presenter_ids] == ["YANG Jiong"]
    assert "psychological peer group" in talk.abstract


def test_three_photos_with_their_captions_and_bytes(sample_store, facts):
    meeting, _, _ = facts
    assert [p.caption for p in meeting.photos] == [
        "President DING Xiaodong attended the meeting",
        "Online group photo at the opening ceremony",
        "Topic report by YANG Jiong",
    ]
    for photo in meeting.photos:
        assert sample_store.files.data(photo.id).startswith(b"\x89PNG")


def test_the_alliance_its_founding_date_and_sixteen_members(sample_store, facts):
    meeting, _, orgs = facts
    (host,) = meeting.hosts
    alliance = orgs[host.organisation_id]
    assert alliance.name == "Shanghai-Hong Kong University Alliance"
    assert alliance.kind is OrganisationKind.ALLIANCE
    assert alliance.founded == date(2018, 11, 6)
    members = [orgs[m] for m in alliance.member_ids]
    assert len(members) == 16
    assert sum(m.city == "Shanghai" for m in members) == 8
    assert sum(m.city == "Hong Kong" for m in members) == 8
    assert "University of Shanghai for Science and Technology" in [m.name for m in members]
    assert "talent cultivation and scientific research" in alliance.description

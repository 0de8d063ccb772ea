"""Search on both engines (ids ``[sqlite]``, ``[postgresql]``): the meetings by any word of
their records, the lists by name, the trash by title."""

import pytest

from eventdesk.records import Person
from eventdesk.store import MeetingFilter


@pytest.fixture
def sample_store(engine_sample_store):
    return engine_sample_store


@pytest.fixture
def fresh_store(engine_store):
    return engine_store


@pytest.mark.parametrize(
    "text",
    [
        "Ding",
        "ding xiao",
        "Pony 98",
        "Lingnan",
        "Shi Jing",
        "丁晓东",
        "Fudan",
        "annual meeting",
        "USST",
    ],
)
def test_words_from_any_record_find_the_meeting(sample_store, sample_meeting, text):
    assert [m.id for m in sample_store.meetings.search(text)] == [sample_meeting.id]


@pytest.mark.parametrize("text", ["Oxford", '"', "NEAR(", "*", "Ding AND"])
def test_unrelated_or_odd_text_finds_nothing_and_never_fails(sample_store, text):
    result = sample_store.meetings.search(text)
    assert result == [] or text == "Ding AND"


def test_search_follows_edits(sample_store, sample_meeting):
    meeting = sample_meeting
    meeting.title = "Renamed gathering"
    sample_store.meetings.save(meeting)
    assert sample_store.meetings.search("gathering")[0].id == meeting.id


def test_trashed_meetings_are_not_found(sample_store, sample_meeting):
    sample_store.trash.put("meeting", sample_meeting.id)
    assert sample_store.meetings.search("Pony") == []
    sample_store.trash.restore("meeting", sample_meeting.id)
    assert len(sample_store.meetings.search("Pony")) == 1


def test_people_search_by_prefix_and_chinese(sample_store):
    assert [p.name for p in sample_store.people.list("yan")] == ["YANG Jiong"]
    assert [p.name for p in sample_store.people.list("成旦红")] == ["CHENG Danhong"]
    assert [p.name for p in sample_store.people.list("晓东")] == ["DING Xiaodong"]  # any part
    assert [o.name for o in sample_store.organisations.list("浸會")] == [
        "Hong Kong Baptist University"
    ]
    assert sample_store.people.count("晓东") == 1
    new = sample_store.people.save(Person("Wai", "Alexander", name_order="given_first"))
    assert [p.id for p in sample_store.people.list("alex")] == [new.id]


def test_filters_by_person_organisation_and_dates(sample_store, sample_meeting):
    (ding,) = [p for p in sample_store.people.list("Ding")]
    assert sample_store.meetings.count(MeetingFilter(person_id=ding.id)) == 1
    (lingnan,) = sample_store.organisations.list("Lingnan")
    (alliance,) = sample_store.organisations.list("Alliance")
    assert sample_store.meetings.count(MeetingFilter(organisation_id=alliance.id)) == 1
    assert sample_store.meetings.count(MeetingFilter(organisation_id=lingnan.id)) == 0
    from datetime import date

    assert sample_store.meetings.count(MeetingFilter(date_from=date(2022, 1, 1))) == 0
    assert sample_store.meetings.count(MeetingFilter(date_to=date(2021, 12, 31))) == 1


def _meetings(store, titles_and_dates):
    from eventdesk.records import Meeting

    return [store.meetings.save(Meeting(title=t, start_date=d)).id for t, d in titles_and_dates]


def test_search_pages_come_newest_first_and_follow_a_changed_date(fresh_store):
    from datetime import date

    ids = _meetings(
        fresh_store, [(f"Summer school {n}", date(2020, 1 + n % 12, 1 + n)) for n in range(25)]
    )
    by_date = [r.id for r in fresh_store.meetings.list(MeetingFilter(text="summer"))]
    expected = [r.id for r in fresh_store.meetings.list()]  # no search: the plain date order
    assert by_date == expected and len(by_date) == 25
    pages = [
        r.id
        for offset in range(0, 25, 10)
        for r in fresh_store.meetings.list(MeetingFilter(text="summer"), limit=10, offset=offset)
    ]
    assert pages == by_date
    oldest_first = [
        r.id for r in fresh_store.meetings.list(MeetingFilter(text="su"), sort="date_asc")
    ]
    assert oldest_first == by_date[::-1]

    moved = fresh_store.meetings.get(ids[0])
    moved.start_date = date(2030, 1, 1)
    fresh_store.meetings.save(moved)
    assert fresh_store.meetings.list(MeetingFilter(text="summer"), limit=1)[0].id == ids[0]
    assert fresh_store.meetings.count(MeetingFilter(text="summer")) == 25


def test_the_trash_is_searched_by_title(fresh_store):
    from datetime import date

    (gone,) = _meetings(fresh_store, [("Delegation visit to Lingnan", date(2019, 5, 14))])
    fresh_store.trash.put("meeting", gone)
    assert fresh_store.meetings.count(MeetingFilter(text="Lingnan")) == 0
    found = fresh_store.meetings.list(MeetingFilter(text="Lingnan", deleted=True))
    assert [r.id for r in found] == [gone]

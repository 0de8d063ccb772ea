"""Two records of one organisation or person become one; undo makes them two again; on both
engines (ids ``[sqlite]``, ``[postgresql]``)."""

from __future__ import annotations

from datetime import date

import pytest

from eventdesk.records import (
    Attendance,
    Decision,
    DecisionParty,
    HostOrganisation,
    Meeting,
    Organisation,
    Person,
    Session,
)


@pytest.fixture
def fresh_store(engine_store):
    return engine_store


@pytest.fixture
def twice_recorded(fresh_store):
    """Given "Tongji University" recorded twice, each named by a meeting, and both by one."""
    store = fresh_store
    first = store.organisations.save(Organisation(name="Tongji University", short_name="TJU"))
    second = store.organisations.save(Organisation(name="Tongji University", name_zh="同济大学"))
    guest = store.people.save(Person("Li", "Ming", organisation_id=second.id))
    spring = Meeting(title="Spring visit", start_date=date(2024, 4, 2))
    spring.hosts = [HostOrganisation(first.id)]
    autumn = Meeting(title="Autumn forum", start_date=date(2024, 10, 8))
    autumn.hosts = [HostOrganisation(first.id), HostOrganisation(second.id)]
    autumn.attendees = [Attendance(person_id=guest.id, organisation_id=second.id)]
    autumn.decisions = [Decision(text="Joint summer school", parties=[DecisionParty(second.id)])]
    store.meetings.save(spring)
    store.meetings.save(autumn)
    return store, first, second, guest


def test_merging_moves_every_reference_and_trashes_the_duplicate(twice_recorded):
    store, first, second, guest = twice_recorded
    done = store.duplicates.merge("organisation", first.id, second.id)
    # then every meeting and person names the one kept, which took the Chinese name
    kept = store.organisations.get(first.id)
    assert (kept.name_zh, kept.short_name) == ("同济大学", "TJU")
    assert store.people.get(guest.id).organisation_id == first.id
    (autumn,) = [r for r in store.meetings.list() if r.title == "Autumn forum"]
    meeting = store.meetings.get(autumn.id)
    assert [h.organisation_id for h in meeting.hosts] == [first.id]  # one host, not two
    assert meeting.attendees[0].organisation_id == first.id
    assert meeting.decisions[0].parties[0].organisation_id == first.id
    assert [r.id for r in store.organisations.list("Tongji")] == [first.id]
    assert {r.title for r in store.organisations.meetings(first.id)} == {
        "Spring visit",
        "Autumn forum",
    }
    assert second.id in store.trash.ids()["organisation"]
    assert [m.title for m in store.meetings.search("同济")] == ["Autumn forum", "Spring visit"]
    assert done.references == 4


def test_undoing_a_merge_puts_everything_back(twice_recorded):
    store, first, second, guest = twice_recorded
    before = {r.id: store.meetings.get(r.id) for r in store.meetings.list()}
    done = store.duplicates.merge("organisation", first.id, second.id)
    store.duplicates.unmerge(done)
    after = {r.id: store.meetings.get(r.id) for r in store.meetings.list()}
    assert {k: [h.organisation_id for h in m.hosts] for k, m in after.items()} == {
        k: [h.organisation_id for h in m.hosts] for k, m in before.items()
    }
    assert store.people.get(guest.id).organisation_id == second.id
    assert store.organisations.get(first.id).name_zh == ""
    assert store.trash.ids()["organisation"] == []
    assert sorted(r.id for r in store.organisations.list("Tongji")) == [first.id, second.id]


def test_merging_people_keeps_one_attendance_per_meeting(fresh_store):
    store = fresh_store
    wai = store.people.save(Person("Wai", "Alexander"))
    twin = store.people.save(Person("WAI", "Alexander", name_zh="衞炳江"))
    meeting = Meeting(title="Reception", start_date=date(2024, 5, 1))
    meeting.attendees = [Attendance(person_id=wai.id), Attendance(person_id=twin.id)]
    meeting.sessions = [Session(title="Opening", chair_id=twin.id)]
    saved = store.meetings.save(meeting)
    done = store.duplicates.merge("person", wai.id, twin.id)
    merged = store.meetings.get(saved.id)
    assert [a.person_id for a in merged.attendees] == [wai.id]
    assert merged.sessions[0].chair_id == wai.id
    assert store.people.get(wai.id).name_zh == "衞炳江"
    store.duplicates.unmerge(done)
    again = store.meetings.get(saved.id)
    assert sorted(a.person_id for a in again.attendees) == [wai.id, twin.id]
    assert again.sessions[0].chair_id == twin.id


def test_a_record_cannot_be_merged_into_itself_and_nothing_changes(fresh_store):
    org = fresh_store.organisations.save(Organisation(name="Fudan University"))
    with pytest.raises(ValueError):
        fresh_store.duplicates.merge("organisation", org.id, org.id)
    assert fresh_store.trash.ids()["organisation"] == []

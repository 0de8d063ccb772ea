"""A person's and an organisation's meetings come a page of meetings at a time, newest first,
on both engines (ids ``[sqlite]``, ``[postgresql]``)."""

from __future__ import annotations

import pytest

from eventdesk.store import related


@pytest.fixture
def fresh_store(engine_store):
    return engine_store


def _meetings(rows):
    """The meeting titles in the order the rows show them, each once."""
    return list(dict.fromkeys(r.title for r in rows))


def test_organisation_pages_count_meetings_not_rows(busy_org_store):
    store = busy_org_store
    org = store.busy_org_id
    every = store.organisations.meetings(org)
    titles = _meetings(every)
    assert len(titles) == 29  # 30 meetings, one of them in the trash
    assert titles[0] == "Meeting 28" and titles[-1] == "Meeting 00"  # newest first
    first = store.organisations.meetings(org, limit=10)
    second = store.organisations.meetings(org, limit=10, offset=10)
    assert _meetings(first) == titles[:10]
    assert _meetings(second) == titles[10:20]
    # A meeting's rows stay together on one page: its hosting, then the people it sent.
    meeting_25 = [r for r in first if r.title == "Meeting 25"]
    assert [(r.role, r.person) for r in meeting_25] == [
        ("host", ""),
        ("delegate", "DING Xiaodong"),
        ("delegate", "Alexander WAI"),
    ]
    assert meeting_25[1].title_held == "Vice President 25"
    assert store.organisations.count_meetings(org) == 29


def test_the_partner_is_seen_hosting_and_attending(busy_org_store):
    store = busy_org_store
    rows = store.organisations.meetings(store.partner_id, limit=3)
    assert _meetings(rows) == ["Meeting 28", "Meeting 27", "Meeting 26"]
    assert {(r.title, r.role) for r in rows} >= {("Meeting 27", "host"), ("Meeting 26", "delegate")}


def test_a_persons_pages(busy_org_store):
    store = busy_org_store
    rows = store.people.meetings(store.ding_id, limit=5, offset=5)
    assert [r.title for r in rows] == [f"Meeting {n}" for n in (23, 22, 21, 20, 19)]
    assert rows[0].title_held == "Vice President 23"
    assert store.people.count_meetings(store.ding_id) == 29
    assert store.people.meetings(store.ding_id, offset=29) == []


def test_busy_and_quiet_plans_give_the_same_pages(busy_org_store, monkeypatch):
    store = busy_org_store
    quiet = [store.organisations.meetings(store.busy_org_id, limit=7, offset=n) for n in (0, 7)]
    monkeypatch.setattr(related, "BUSY_ROWS", 5)  # now our university counts as busy
    busy = [store.organisations.meetings(store.busy_org_id, limit=7, offset=n) for n in (0, 7)]
    assert busy == quiet


@pytest.mark.parametrize(("busy_rows", "expected"), [(5, "idx_meetings_start_date"), (10**6, "")])
def test_a_busy_organisations_page_walks_the_date_index(
    busy_org_store, monkeypatch, busy_rows, expected
):
    """Our university's page reads meetings in date order and stops: no sort of ten years."""
    store = busy_org_store
    if store.connection.engine != "sqlite":
        pytest.skip("SQLite's query plan; a team database's planner picks its own")
    monkeypatch.setattr(related, "BUSY_ROWS", busy_rows)
    sql = related._page_sql(store.connection, "organisation_id", store.busy_org_id, with_hosts=True)
    plan = " | ".join(
        row[3]
        for row in store.db.execute(
            f"EXPLAIN QUERY PLAN {sql}", {"party": store.busy_org_id, "limit": 200, "offset": 0}
        )
    )
    if expected:
        assert f"SCAN m USING INDEX {expected}" in plan
        assert "TEMP B-TREE FOR ORDER BY" not in plan
        assert (
            "idx_attendances_organisation_id_meeting_id (organisation_id=? AND meeting_id=?)"
            in plan
        )
    else:  # a quiet party: its few meetings are looked up through its index, then sorted
        assert (
            "USING COVERING INDEX idx_attendances_organisation_id_meeting_id (organisation_id=?)"
            in plan
        )


def test_a_decisions_party_sees_the_meeting_on_its_page(fresh_store):
    """Given Tongji named only as a party to an agreement and a person only elected,
    when their pages are read, then the meeting is on both, with what the decision made them."""
    from datetime import date

    from eventdesk.records import (
        Decision,
        DecisionKind,
        DecisionParty,
        Meeting,
        Organisation,
        Person,
    )

    store = fresh_store
    tongji = store.organisations.save(Organisation("Tongji University"))
    chair = store.people.save(Person("Li", "Ming"))
    store.meetings.save(
        Meeting(
            "Annual Meeting",
            date(2021, 11, 26),
            decisions=[
                Decision(
                    "Tongji hosts the next annual meeting",
                    kind=DecisionKind.AGREEMENT,
                    parties=[DecisionParty(organisation_id=tongji.id, role="Next host")],
                ),
                Decision(
                    "Li Ming elected chair",
                    kind=DecisionKind.ELECTION,
                    parties=[DecisionParty(person_id=chair.id, role="Chair")],
                ),
            ],
        )
    )
    (org_row,) = store.organisations.meetings(tongji.id)
    assert (org_row.title, org_row.role, org_row.title_held) == (
        "Annual Meeting",
        "agreement",
        "Next host",
    )
    (person_row,) = store.people.meetings(chair.id)
    assert (person_row.role, person_row.title_held) == ("election", "Chair")
    assert store.organisations.count_meetings(tongji.id) == 1
    assert store.people.count_meetings(chair.id) == 1
    # and the lists' Meetings column says the same as the pages (it said 0 for both)
    (listed_org,) = store.organisations.list("Tongji")
    assert listed_org.meeting_count == 1
    (listed_person,) = store.people.list("Li Ming")
    assert listed_person.meeting_count == 1


def test_the_lists_count_meetings_as_the_pages_do(fresh_store):
    """A person who attended and was elected counts the meeting once; one in the trash not at all;
    a person's organisation recorded by its Chinese name alone is named in the People list."""
    from datetime import date

    from eventdesk.records import Attendance, Decision, DecisionParty, Meeting, Organisation, Person

    store = fresh_store
    hkbu = store.organisations.save(Organisation(name="", name_zh="香港浸會大學"))
    wai = store.people.save(Person("WAI", "Ping Kong", organisation_id=hkbu.id))
    store.meetings.save(
        Meeting(
            "Spring visit",
            date(2024, 4, 2),
            attendees=[Attendance(wai.id, organisation_id=hkbu.id)],
            decisions=[Decision("WAI Ping Kong elected chair", parties=[DecisionParty(wai.id)])],
        )
    )
    gone = store.meetings.save(
        Meeting(
            "Autumn forum",
            date(2024, 10, 2),
            attendees=[Attendance(wai.id, organisation_id=hkbu.id)],
        )
    )
    store.trash.put("meeting", gone.id)
    (person,) = store.people.list("WAI")
    assert (person.meeting_count, person.organisation) == (1, "香港浸會大學")
    assert store.people.count_meetings(wai.id) == 1
    (org,) = store.organisations.list("浸会")
    assert org.meeting_count == store.organisations.count_meetings(hkbu.id) == 1


def test_the_busy_plan_finds_a_decisions_party_too(busy_org_store, monkeypatch):
    store = busy_org_store
    monkeypatch.setattr(related, "BUSY_ROWS", 0)  # every party walks the date index
    assert _meetings(store.people.meetings(store.ding_id, limit=2)) == [
        "Meeting 28",
        "Meeting 27",
    ]

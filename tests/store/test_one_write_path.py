"""Every save of a meeting goes through store.meetings, which checks it once and names the part
and row of each problem; nothing of a refused save is stored."""

from __future__ import annotations

from datetime import date

import pytest

from eventdesk.records import (
    Attendance,
    Decision,
    DecisionParty,
    Meeting,
    Organisation,
    Person,
    Presentation,
    ValidationError,
)
from eventdesk.store.interchange import export_meeting


def test_a_missing_person_is_named_on_its_attendee_and_presentation_rows(fresh_store):
    store = fresh_store
    here = store.people.save(Person("Wai", "Alexander"))
    org = store.organisations.save(Organisation("Tongji University"))
    meeting = Meeting(
        title="Signing",
        start_date=date(2024, 3, 1),
        attendees=[Attendance(here.id), Attendance(9999, organisation_id=org.id)],
        presentations=[Presentation(presenter_ids=[here.id, 9999])],
        decisions=[Decision(text="MoU", parties=[DecisionParty(organisation_id=8888)])],
    )

    with pytest.raises(ValidationError) as caught:
        store.meetings.save(meeting)

    found = {(p.record, p.field, p.part, p.row, p.message) for p in caught.value.problems}
    assert found == {
        (
            "meeting 'Signing' › attendee 2",
            "person",
            "attendees",
            2,
            "refers to a missing record (9999)",
        ),
        (
            "meeting 'Signing' › presentation 1",
            "presenters",
            "presentations",
            1,
            "refers to a missing record (9999)",
        ),
        (
            "meeting 'Signing' › decision 1",
            "organisation",
            "decisions",
            1,
            "refers to a missing record (8888)",
        ),
    }
    assert store.meetings.count() == 0


def test_the_rules_and_the_references_are_reported_together_and_nothing_changes(sample_store):
    store = sample_store
    (row,) = store.meetings.list()
    before = export_meeting(store, row.id)
    meeting = store.meetings.get(row.id)
    meeting.attendees[4].person_id = meeting.attendees[1].person_id  # listed twice
    meeting.attendees[6].organisation_id = 7777

    with pytest.raises(ValidationError) as caught:
        store.meetings.save(meeting)

    assert {(p.part, p.row, p.field) for p in caught.value.problems} == {
        ("attendees", 5, "person"),
        ("attendees", 7, "organisation"),
    }
    assert "attendee 5: person: is listed twice" in str(caught.value)
    assert export_meeting(store, row.id) == before

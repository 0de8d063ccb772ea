"""Searching for 浸会 finds 浸會 and the other way round, in every list and the meetings."""

from __future__ import annotations

from tests.conftest import save_visit_of_mixed_script_partner

from eventdesk.records import Organisation, Person
from eventdesk.store.chinese_variants import name_key, variants


def test_variants_are_the_typed_text_then_its_other_forms():
    assert variants("浸会") == ["浸会", "浸會"]
    assert variants("浸會") == ["浸會", "浸会"]
    assert variants("Baptist") == ["Baptist"]
    # Hong Kong's 衞 and Taiwan's 衛 fold to the mainland's 卫, and each spelling is tried
    assert set(variants("衛炳江")) == {"衛炳江", "卫炳江", "衞炳江"}
    assert set(variants("卫")) >= {"卫", "衛", "衞"}


def test_names_are_the_same_whatever_their_case_spaces_or_script():
    assert name_key("Tongji  University") == name_key("tongji university")
    assert name_key("衞炳江") == name_key("卫炳江") == name_key("衛炳江")
    assert name_key("峯") == name_key("峰")
    assert name_key("Tongji University") != name_key("Tianjin University")


def save_meeting_with_hong_kong_attendee(store, name_zh: str = "衞炳江"):
    """Given a meeting attended by 衞炳江, as a Hong Kong office writes the name."""
    from datetime import date

    from eventdesk.records import Attendance, Meeting

    org = store.organisations.save(Organisation(name="Liaison Office", name_zh="中聯辦聯絡部"))
    guest = store.people.save(Person("Wai", "Bing Kong", name_zh=name_zh, organisation_id=org.id))
    meeting = Meeting(title="Spring reception", start_date=date(2024, 4, 2))
    meeting.attendees = [Attendance(person_id=guest.id, organisation_id=org.id)]
    return store.meetings.save(meeting)


def test_a_hong_kong_name_is_found_by_its_taiwan_and_mainland_forms(fresh_store):
    save_meeting_with_hong_kong_attendee(fresh_store)
    for typed in ("衞炳江", "衛炳江", "卫炳江", "卫", "衛"):
        assert [r.title for r in fresh_store.meetings.search(typed)] == ["Spring reception"], typed
        assert [r.name for r in fresh_store.people.list(typed)] == ["WAI Bing Kong"], typed
    for typed in ("中联办", "中聯辦联络部"):
        assert [r.name for r in fresh_store.organisations.list(typed)] == ["Liaison Office"]


def test_organisations_are_found_in_either_script(fresh_store):
    fresh_store.organisations.save(
        Organisation(name="Hong Kong Baptist University", name_zh="香港浸會大學")
    )
    fresh_store.organisations.save(Organisation(name="Fudan University", name_zh="复旦大学"))
    assert [r.name for r in fresh_store.organisations.list("浸会")] == [
        "Hong Kong Baptist University"
    ]
    assert [r.name for r in fresh_store.organisations.list("浸會")] == [
        "Hong Kong Baptist University"
    ]
    assert [r.name for r in fresh_store.organisations.list("復旦")] == ["Fudan University"]


def test_people_are_found_in_either_script(fresh_store):
    fresh_store.people.save(Person(family_name="Ding", given_name="Xiaodong", name_zh="丁晓东"))
    assert [r.name for r in fresh_store.people.list("曉東")] == ["DING Xiaodong"]
    assert [r.name for r in fresh_store.people.list("丁曉")] == ["DING Xiaodong"]


def test_meetings_are_found_in_either_script(sample_store):
    simplified = [r.title for r in sample_store.meetings.search("沪港大学联盟")]
    traditional = [r.title for r in sample_store.meetings.search("滬港大學聯盟")]
    assert simplified and simplified == traditional


def test_a_partner_stored_half_in_each_script_is_found_by_either(fresh_store):
    save_visit_of_mixed_script_partner(fresh_store)
    for typed in ("浸会大学", "浸會大學", "浸會大学", "浸会大學"):
        assert [r.title for r in fresh_store.meetings.search(typed)] == ["Delegation visit"], typed
    assert fresh_store.meetings.search("浸信大学") == []  # a different name is still not found

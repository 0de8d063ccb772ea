"""Searching for 浸会 finds 浸會 and the other way round, in every list and the meetings."""

from __future__ import annotations

from tests.conftest import save_visit_of_mixed_script_partner

from eventdesk.records import Organisation, Person
from eventdesk.store.chinese_variants import variants


def test_variants_are_the_typed_text_then_its_other_forms():
    assert variants("浸会") == ["浸会", "浸會"]
    assert variants("浸會") == ["浸會", "浸会"]
    assert variants("Baptist") == ["Baptist"]


def test_organisations_are_found_in_either_script(fresh_store):
    fresh_store.save_organisation(
        Organisation(name="Hong Kong Baptist University", name_zh="香港浸會大學")
    )
    fresh_store.save_organisation(Organisation(name="Fudan University", name_zh="复旦大学"))
    assert [r.name for r in fresh_store.list_organisations("浸会")] == [
        "Hong Kong Baptist University"
    ]
    assert [r.name for r in fresh_store.list_organisations("浸會")] == [
        "Hong Kong Baptist University"
    ]
    assert [r.name for r in fresh_store.list_organisations("復旦")] == ["Fudan University"]


def test_people_are_found_in_either_script(fresh_store):
    fresh_store.save_person(Person(family_name="Ding", given_name="Xiaodong", name_zh="丁晓东"))
    assert [r.name for r in fresh_store.list_people("曉東")] == ["DING Xiaodong"]
    assert [r.name for r in fresh_store.list_people("丁曉")] == ["DING Xiaodong"]


def test_meetings_are_found_in_either_script(sample_store):
    simplified = [r.title for r in sample_store.search_meetings("沪港大学联盟")]
    traditional = [r.title for r in sample_store.search_meetings("滬港大學聯盟")]
    assert simplified and simplified == traditional


def test_a_partner_stored_half_in_each_script_is_found_by_either(fresh_store):
    save_visit_of_mixed_script_partner(fresh_store)
    for typed in ("浸会大学", "浸會大學", "浸會大学", "浸会大學"):
        assert [r.title for r in fresh_store.search_meetings(typed)] == ["Delegation visit"], typed
    assert fresh_store.search_meetings("浸信大学") == []  # a different name is still not found

"""store.batch.add_people: the many new people of a long list, in one go, as save_person would."""

from __future__ import annotations

import pytest

from eventdesk.records import Person, ValidationError
from eventdesk.store.batch import add_people


def test_new_people_get_ids_and_are_found_by_search(fresh_store):
    people = [
        Person("Wai", "Alexander", "given_first"),
        Person("Ding", "Xiaodong", name_zh="丁晓东"),
    ]
    ids = add_people(fresh_store, people)
    assert ids == [p.id for p in people] and len(set(ids)) == 2
    assert fresh_store.get_person(ids[1]).name_zh == "丁晓东"
    assert [r.name for r in fresh_store.list_people("alexander")] == ["Alexander WAI"]


def test_every_problem_is_reported_and_nothing_added(fresh_store):
    people = [Person(""), Person("Li", email="not mail"), Person("Ok", organisation_id=99)]
    with pytest.raises(ValidationError) as caught:
        add_people(fresh_store, people[:2])
    assert [p.field for p in caught.value.problems] == ["family_name", "email"]
    with pytest.raises(ValidationError, match="missing"):
        add_people(fresh_store, people[2:])
    assert fresh_store.count_people() == 0

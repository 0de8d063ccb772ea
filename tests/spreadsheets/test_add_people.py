"""store.people.add_all: the many new people of a long list, in one go, as people.save would."""

from __future__ import annotations

import pytest

from eventdesk.records import Person, ValidationError


def test_new_people_get_ids_and_are_found_by_search(fresh_store):
    people = [
        Person("Wai", "Alexander", "given_first"),
        Person("Ding", "Xiaodong", name_zh="丁晓东"),
    ]
    ids = fresh_store.people.add_all(people)
    assert ids == [p.id for p in people] and len(set(ids)) == 2
    assert fresh_store.people.get(ids[1]).name_zh == "丁晓东"
    assert [r.name for r in fresh_store.people.list("alexander")] == ["Alexander WAI"]


def test_every_problem_is_reported_and_nothing_added(fresh_store):
    people = [Person(""), Person("Li", email="not mail"), Person("Ok", organisation_id=99)]
    with pytest.raises(ValidationError) as caught:
        fresh_store.people.add_all(people[:2])
    assert [p.field for p in caught.value.problems] == ["family_name", "email"]
    with pytest.raises(ValidationError, match="missing"):
        fresh_store.people.add_all(people[2:])
    assert fresh_store.people.count() == 0

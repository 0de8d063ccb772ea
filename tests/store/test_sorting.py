"""Every list can be ordered by the columns a user clicks, both ways, one page at a time."""

from __future__ import annotations

from operator import attrgetter

import pytest

from eventdesk.records import Organisation, Person
from eventdesk.store.queries import COURSE_SORTS, MEETING_SORTS, ORGANISATION_SORTS, PEOPLE_SORTS


def test_people_by_name_organisation_and_backwards(sample_store):
    names = [p.name for p in sample_store.list_people(sort="name")]
    assert names[:3] == ["CHEN Qi", "CHENG Danhong", "DING Xiaodong"]
    assert [p.name for p in sample_store.list_people(sort="name_desc")] == names[::-1]
    by_org = [p.organisation for p in sample_store.list_people(sort="organisation")]
    assert by_org == sorted(by_org, key=str.casefold)
    first_page = [p.name for p in sample_store.list_people(sort="title", limit=3)]
    all_rows = [p.name for p in sample_store.list_people(sort="title")]
    assert first_page == all_rows[:3]  # a page is the start of the same order


def test_organisations_by_kind_then_name(sample_store):
    sample_store.save_organisation(Organisation("Alpha Bureau", kind="government"))
    kinds = [o.kind for o in sample_store.list_organisations(sort="kind")]
    assert kinds == sorted(kinds)
    assert [o.kind for o in sample_store.list_organisations(sort="kind_desc")] == sorted(
        kinds, reverse=True
    )


def test_courses_by_title(sample_store):
    titles = [c.title for c in sample_store.list_courses(sort="title")]
    assert titles == [
        "<Shi Jing> and Chinese Poetry Education",
        "Learning Entrepreneurship by Knowing and Doing",
    ]
    assert [c.title for c in sample_store.list_courses(sort="title_desc")] == titles[::-1]


@pytest.mark.parametrize(
    ("lister", "sorts"),
    [
        ("meetings.list", MEETING_SORTS),
        ("list_people", PEOPLE_SORTS),
        ("list_organisations", ORGANISATION_SORTS),
        ("list_courses", COURSE_SORTS),
    ],
)
def test_every_sort_key_runs(sample_store, lister, sorts):
    """Each key orders the same records: none dropped or doubled by its join, a page is full."""
    sample_store.save_person(Person("Zhou", "", name_zh="周"))
    listed = attrgetter(lister)(sample_store)
    everything = sorted(_ids(listed()))
    assert everything
    for key in sorts:
        assert sorted(_ids(listed(sort=key))) == everything, key
        assert len(listed(sort=key, limit=5)) == min(5, len(everything)), key


def _ids(rows: list) -> list[int]:
    return [row.id for row in rows]


def test_an_unknown_sort_key_is_refused(sample_store):
    with pytest.raises(KeyError):
        sample_store.list_people(sort="favourite colour")

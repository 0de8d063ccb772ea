"""Every list can be ordered by the columns a user clicks, both ways, one page at a time."""

from __future__ import annotations

from datetime import date
from operator import attrgetter

import pytest

from eventdesk.records import CourseEntry, Meeting, Organisation, Person
from eventdesk.store.queries import COURSE_SORTS, MEETING_SORTS, ORGANISATION_SORTS, PEOPLE_SORTS


@pytest.fixture
def sample_store(engine_sample_store):
    """The example on each engine in turn: every test here runs on a file and on a team
    database (ids ``[sqlite]``, ``[postgresql]``)."""
    return engine_sample_store


def test_people_by_name_organisation_and_backwards(sample_store):
    names = [p.name for p in sample_store.people.list(sort="name")]
    assert names[:3] == ["CHEN Qi", "CHENG Danhong", "DING Xiaodong"]
    assert [p.name for p in sample_store.people.list(sort="name_desc")] == names[::-1]
    by_org = [p.organisation for p in sample_store.people.list(sort="organisation")]
    assert by_org == sorted(by_org, key=str.casefold)
    first_page = [p.name for p in sample_store.people.list(sort="title", limit=3)]
    all_rows = [p.name for p in sample_store.people.list(sort="title")]
    assert first_page == all_rows[:3]  # a page is the start of the same order


def test_organisations_by_kind_then_name(sample_store):
    sample_store.organisations.save(Organisation("Alpha Bureau", kind="government"))
    kinds = [o.kind for o in sample_store.organisations.list(sort="kind")]
    assert kinds == sorted(kinds)
    assert [o.kind for o in sample_store.organisations.list(sort="kind_desc")] == sorted(
        kinds, reverse=True
    )


def test_courses_by_title(sample_store):
    titles = [c.title for c in sample_store.courses.list(sort="title")]
    assert titles == [
        "<Shi Jing> and Chinese Poetry Education",
        "Learning Entrepreneurship by Knowing and Doing",
    ]
    assert [c.title for c in sample_store.courses.list(sort="title_desc")] == titles[::-1]


@pytest.mark.parametrize(
    ("lister", "sorts"),
    [
        ("meetings.list", MEETING_SORTS),
        ("people.list", PEOPLE_SORTS),
        ("organisations.list", ORGANISATION_SORTS),
        ("courses.list", COURSE_SORTS),
    ],
)
def test_every_sort_key_runs(sample_store, lister, sorts):
    """Each key orders the same records: none dropped or doubled by its join, a page is full."""
    sample_store.people.save(Person("Zhou", "", name_zh="周"))
    listed = attrgetter(lister)(sample_store)
    everything = sorted(_ids(listed()))
    assert everything
    for key in sorts:
        assert sorted(_ids(listed(sort=key))) == everything, key
        assert len(listed(sort=key, limit=5)) == min(5, len(everything)), key


def _ids(rows: list) -> list[int]:
    return [row.id for row in rows]


#: SQLite's NOCASE folds A to Z only, as the lists compare names.
_NOCASE = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _nocase(text: str | None) -> str:
    return (text or "").translate(_NOCASE)


def _family(store):
    return lambda row: _nocase(store.people.get(row.id).family_name)


#: For each list and ascending sort key, what a user reads in the column they sorted by.
COLUMNS = {
    "meetings.list": {
        "date_asc": lambda _store: attrgetter("start_date"),
        "title": lambda _store: lambda row: _nocase(row.title),
        "series": lambda _store: lambda row: _nocase(row.series),
        "format": lambda _store: attrgetter("format"),
    },
    "people.list": {
        "name": _family,
        "name_zh": lambda _store: attrgetter("name_zh"),
        "title": lambda _store: lambda row: _nocase(row.title),
        "organisation": lambda _store: lambda row: _nocase(row.organisation),
        "email": lambda _store: lambda row: _nocase(row.email),
    },
    "organisations.list": {
        "name": lambda _store: lambda row: _nocase(row.name or row.name_zh),
        "name_zh": lambda _store: attrgetter("name_zh"),
        "short_name": lambda _store: lambda row: _nocase(row.short_name),
        "kind": lambda _store: attrgetter("kind"),
        "city": lambda _store: lambda row: _nocase(row.city),
    },
    "courses.list": {
        "year": lambda _store: lambda row: row.year or 0,
        "title": lambda _store: lambda row: _nocase(row.title),
        "programme": lambda _store: lambda row: _nocase(row.programme),
        "institution": lambda _store: lambda row: _nocase(row.institution),
        "status": lambda _store: attrgetter("status"),
    },
}
SORTS = {
    "meetings.list": MEETING_SORTS,
    "people.list": PEOPLE_SORTS,
    "organisations.list": ORGANISATION_SORTS,
    "courses.list": COURSE_SORTS,
}


@pytest.fixture
def varied_store(sample_store):
    """The example meeting and more records, so that every sorted column holds unlike values."""
    store = sample_store
    (example,) = store.meetings.list()
    partner = store.organisations.save(
        Organisation("Tongji University", name_zh="同济大学", short_name="tongji", city="Shanghai")
    )
    store.organisations.save(Organisation("alpha Bureau", kind="government", city="Beijing"))
    store.people.save(Person("Zhou", "Min", title="attaché", email="zhou@tongji.edu.cn"))
    store.people.save(Person("au", "Kin", name_zh="區健", email="AU@example.org"))
    for day, title, series, fmt in [
        (date(2019, 4, 2), "delegation visit of Tongji", "", "onsite"),
        (date(2023, 11, 8), "Signing with Tongji University", "Signings", "hybrid"),
    ]:
        store.meetings.save(Meeting(title=title, start_date=day, series=series, format=fmt))
    for year, title, programme, status in [
        (2019, "urban Planning in Practice", "Summer school", "approved"),
        (2024, "Bridges of the Yangtze", "", "nominated"),
    ]:
        store.courses.save(
            CourseEntry(
                title, programme=programme, year=year, status=status, institution_id=partner.id
            )
        )
    assert len(store.meetings.list()) == 3 and example.id in _ids(store.meetings.list())
    return store


@pytest.mark.parametrize(
    ("lister", "key"),
    [(lister, key) for lister, columns in COLUMNS.items() for key in columns],
)
def test_a_sorted_list_reads_in_order_down_its_column(varied_store, lister, key):
    """Clicking a column's header lists its values A to Z (case aside), clicking again Z to A."""
    listed = attrgetter(lister)(varied_store)
    column = COLUMNS[lister][key](varied_store)
    shown = [column(row) for row in listed(sort=key)]
    assert len(set(shown)) >= 2, f"{key}: the column holds one value; the order shows nothing"
    assert shown == sorted(shown), key
    backwards = [column(row) for row in listed(sort=f"{key}_desc")]
    assert backwards == sorted(shown, reverse=True), key


def test_every_sort_key_has_its_column_read():
    """A sort key added to the store is added to COLUMNS above, so its order is checked too."""
    for lister, sorts in SORTS.items():
        ascending = {key for key in sorts if not key.endswith("_desc")} - {"date"}
        assert ascending == set(COLUMNS[lister]), lister


def test_meetings_are_newest_first_unless_asked(varied_store):
    dates = [row.start_date for row in varied_store.meetings.list()]
    assert dates == ["2023-11-08", "2021-12-22", "2019-04-02"]
    assert [row.start_date for row in varied_store.meetings.list(sort="date")] == dates


def test_an_unknown_sort_key_is_refused(sample_store):
    with pytest.raises(KeyError):
        sample_store.people.list(sort="favourite colour")

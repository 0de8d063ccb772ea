"""Lists and dates read as an English sentence would write them."""

from __future__ import annotations

from datetime import date

import pytest

from eventdesk.records import Organisation, OrganisationKind
from eventdesk.summary import prose
from eventdesk.summary.language import date_range, long_date
from eventdesk.summary.people import org_phrase


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([], ""),
        (["A"], "A"),
        (["A", "B"], "A and B"),
        (["A", "B", "C"], "A, B and C"),
        (["A", "", None, "B"], "A and B"),
        # An item with its own "and" or comma: a serial comma keeps the items apart.
        (
            ["Tongji University", "East China University of Political Science and Law", "HKU"],
            "Tongji University, East China University of Political Science and Law, and HKU",
        ),
    ],
)
def test_join_prose(items, expected):
    assert prose.join_prose(items) == expected


def test_dates():
    assert long_date(date(2021, 12, 22)) == "December 22, 2021"
    assert long_date(date(2018, 11, 6)) == "November 6, 2018"
    assert date_range(date(2021, 12, 22), None) == "December 22, 2021"
    assert date_range(date(2021, 7, 1), date(2021, 7, 3)) == "July 1–3, 2021"
    assert date_range(date(2021, 6, 30), date(2021, 7, 2)) == "June 30 – July 2, 2021"


def test_numbers_and_plurals():
    assert prose.number_word(16) == "sixteen"
    assert prose.number_word(120) == "120"
    assert prose.counted(2, "course") == "two courses"
    assert prose.counted(1, "course entry", "course entries") == "one course entry"
    assert prose.plural_role("Vice Chairman", 2) == "Vice Chairmen"
    assert prose.lower_first("Excellent courses") == "excellent courses"
    assert prose.lower_first("USST students") == "USST students"
    assert prose.upper_first("the Alliance") == "The Alliance"


@pytest.mark.parametrize(
    ("name", "kind", "expected"),
    [
        ("Shanghai University", OrganisationKind.UNIVERSITY, "Shanghai University"),
        ("University of Hong Kong", OrganisationKind.UNIVERSITY, "the University of Hong Kong"),
        (
            "The Chinese University of Hong Kong",
            OrganisationKind.UNIVERSITY,
            "the Chinese University of Hong Kong",
        ),
        ("Ministry of Education", OrganisationKind.GOVERNMENT, "the Ministry of Education"),
    ],
)
def test_organisation_after_of(name, kind, expected):
    assert org_phrase(Organisation(name=name, kind=kind)) == expected

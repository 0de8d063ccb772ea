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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Excellent courses", "excellent courses"),
        ("E-learning platform", "e-learning platform"),
        ("USST students", "USST students"),
        ("PolyU's summer school", "PolyU's summer school"),
        ("Hong Kong universities", "Hong Kong universities"),
        ("Macao students", "Macao students"),
        ("Greater Bay Area talent", "Greater Bay Area talent"),
        ("Chinese poetry", "Chinese poetry"),
        ("Malaysian students", "Malaysian students"),
    ],
)
def test_a_phrase_mid_sentence_keeps_the_capitals_of_names(text, expected):
    assert prose.lower_first(text) == expected


def test_a_word_of_the_meetings_organisations_keeps_its_capital():
    assert prose.lower_first("Yonsei's exchange places", {"Yonsei"}) == "Yonsei's exchange places"


@pytest.mark.parametrize(
    ("title", "zh", "name", "theme", "keynote"),
    [
        ("Opening ceremony", False, "the opening ceremony", "", False),
        ("Opening Ceremony", False, "the opening ceremony", "", False),
        ("Keynote speeches", False, "the keynote session", "", True),
        ("Keynote session", False, "the keynote session", "", True),
        (
            "Parallel Session I: Digital Transformation of Higher Education",
            False,
            "Parallel Session I",
            "Digital Transformation of Higher Education",
            False,
        ),
        (
            "Panel: Hong Kong and Macao students",
            False,
            "the panel",
            "Hong Kong and Macao students",
            False,
        ),
        ("主旨演讲", True, "主旨演讲环节", "", True),
        ("分论坛一：高等教育数字化转型", True, "分论坛一", "高等教育数字化转型", False),
        ("开幕式", True, "开幕式", "", False),
        # Hong Kong's and Taiwan's agendas, in traditional characters: the same sessions
        ("主旨演講", True, "主旨演讲环节", "", True),
        ("主旨報告", True, "主旨演讲环节", "", True),
        ("主旨發言", True, "主旨演讲环节", "", True),
        ("分論壇一：高等教育數字化轉型", True, "分論壇一", "高等教育數字化轉型", False),
        ("交流環節", True, "交流环节", "", False),
        ("主旨演講及交流環節", True, "主旨演講及交流环节", "", True),
        ("開幕式", True, "開幕式", "", False),
    ],
)
def test_a_session_is_named_as_a_sentence_names_it(title, zh, name, theme, keynote):
    from eventdesk.summary.sessions import SessionName, session_name

    assert session_name(title, zh) == SessionName(name, theme, keynote)


@pytest.mark.parametrize(
    ("venue", "expected"),
    [
        ("Central Building, University of Macau", "Central Building, the University of Macau"),
        ("The Hong Kong Polytechnic University", "the Hong Kong Polytechnic University"),
        ("Jockey Club Innovation Tower", "Jockey Club Innovation Tower"),
    ],
)
def test_a_venue_takes_the_article_its_names_take(venue, expected):
    from eventdesk.summary.venues import venue_phrase

    assert venue_phrase(venue) == expected


def test_a_venue_that_names_a_host_is_printed_without_it():
    from eventdesk.summary.venues import host_in_venue

    polyu = Organisation("The Hong Kong Polytechnic University", name_zh="香港理工大学")
    assert host_in_venue("Core T, Hong Kong Polytechnic University", [polyu], False) == (
        polyu,
        "Core T",
    )
    assert host_in_venue("香港理工大学赛马会创新楼", [polyu], True) == (polyu, "赛马会创新楼")
    assert host_in_venue("Zoom", [polyu], False) == (None, "Zoom")


def test_clauses_that_hold_commas_are_parted_by_semicolons():
    assert prose.join_clauses(["A, with B", "C"]) == "A, with B; and C"
    assert prose.join_clauses(["A", "B", "C"]) == "A, B and C"

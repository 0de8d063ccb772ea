"""Dates typed as an office writes them, read without Qt (``eventdesk.dates``)."""

from __future__ import annotations

from datetime import date

import pytest

from eventdesk.dates import describe, read_date

APRIL_2 = date(2019, 4, 2)


@pytest.mark.parametrize(
    "typed",
    [
        "2019-04-02",
        "2019/4/2",
        "2019-4-2",
        "2019.4.2",
        "2019年4月2日",
        "2 April 2019",
        "April 2, 2019",
        "Tue 2 April 2019",
        "02/04/2019",
        " 2019-04-02 ",
    ],
)
def test_the_forms_an_office_types_all_mean_2_april_2019(typed):
    assert read_date(typed) == APRIL_2


def test_an_ambiguous_date_follows_the_preference():
    assert read_date("02/04/2019", day_first=True) == date(2019, 4, 2)
    assert read_date("02/04/2019", day_first=False) == date(2019, 2, 4)
    assert read_date("2019/4/2", day_first=False) == APRIL_2  # year first is never ambiguous


@pytest.mark.parametrize(
    ("typed", "words"),
    [
        ("2021-02-30", "February 2021 has 28 days"),
        ("2021年2月30日", "February 2021 has 28 days"),
        ("30/02/2021", "February 2021 has 28 days"),
        ("2019-13-01", "there is no month 13"),
        ("April 2019", "not a whole date"),
        ("2019-04", "not a whole date"),
        ("next meeting", "is not a date"),
    ],
)
def test_a_text_that_is_no_date_is_refused_in_words(typed, words):
    with pytest.raises(ValueError, match=words):
        read_date(typed)


def test_the_date_understood_is_said_back_with_its_weekday():
    assert describe(APRIL_2) == "Tue 2 April 2019"

"""Dates as an office types them: 2019-04-02, 2019/4/2, 2019年4月2日, 2 April 2019, 02/04/2019.

The form's date fields read text through :func:`read_date`. Year-first numbers
(ISO and its slash and dot cousins) and the Chinese 年月日 form are read at once
and explained precisely when the day does not exist; every other form goes to
dateparser (a well-kept parser of English and Chinese dates), which is
imported on the first such date, since it costs about a second to load.

An all-numeric date with the year last (02/04/2019) is ambiguous: it is read
day first unless the preference says month first (``day_first=False``).
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache
from typing import Any

#: Year first: 2019-04-02, 2019/4/2, 2019.4.2, 2019年4月2日 (unambiguous in every office).
_YEAR_FIRST = re.compile(r"^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?$")
EXAMPLE = "e.g. 2 April 2019 or 2019-04-02"
#: The languages dateparser reads dates in; the packaged program ships only these
#: languages' data (packaging/eventdesk.spec reads this line).
PARSER_LANGUAGES = ("en", "zh")


def read_date(text: str, *, day_first: bool = True) -> date:
    """The date ``text`` names; ValueError with a reason in words when there is none."""
    typed = text.strip()
    if not typed:
        raise ValueError("no date typed")
    match = _YEAR_FIRST.match(typed)
    if match:
        return _checked(typed, *(int(g) for g in match.groups()))
    if len(re.findall(r"\d+|[^\W\d_]+", typed)) < 3:  # "2", "20", "2 Ap": not yet a date
        raise ValueError(_why_not(typed, day_first))  # (and dateparser is not woken for it)
    found = _parser(day_first).get_date_data(typed)
    if found is None or found.date_obj is None:
        raise ValueError(_why_not(typed, day_first))
    return found.date_obj.date()


def describe(value: date) -> str:
    """How a date is shown back to the clerk: "Tue 2 April 2019"."""
    weekday, month = calendar.day_abbr[value.weekday()], calendar.month_name[value.month]
    return f"{weekday} {value.day} {month} {value.year}"


def _checked(typed: str, year: int, month: int, day: int) -> date:
    if not 1 <= month <= 12:
        raise ValueError(f"“{typed}” does not exist: there is no month {month}")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise ValueError(
            f"“{typed}” does not exist: {calendar.month_name[month]} {year} has {last} days"
        )
    return date(year, month, day)


def _why_not(typed: str, day_first: bool) -> str:
    numbers = [int(n) for n in re.findall(r"\d+", typed)]
    if len(numbers) == 3 and numbers[2] >= 1000:  # 31/02/2019: say what does not exist
        day, month = numbers[:2] if day_first else numbers[1::-1]
        try:
            _checked(typed, numbers[2], month, day)
        except ValueError as exc:
            return str(exc)
    if len(numbers) == 3:
        return f"“{typed}” is not a date: put the year first or last, {EXAMPLE}"
    if numbers:
        return f"“{typed}” is not a whole date: type the day, the month and the year, {EXAMPLE}"
    return f"“{typed}” is not a date, {EXAMPLE}"


@lru_cache(maxsize=2)
def _parser(day_first: bool) -> Any:
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=list(PARSER_LANGUAGES),
        settings={
            "DATE_ORDER": "DMY" if day_first else "MDY",
            "STRICT_PARSING": True,  # "April 2019" is no day: refuse, do not guess the 1st
            "REQUIRE_PARTS": ["day", "month", "year"],
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )

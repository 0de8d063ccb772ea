"""Beyond one meeting: the period report and the course-shortlist register.

Given the example meeting, when a report of 2021 or the course register is
written, then the meeting and its courses are in it; a filter that matches
nothing gives a report that says so.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventdesk.summary import SummaryError, write_course_register, write_period_report
from tests.summary.conftest import read_back

FORMATS = [".pdf", ".docx", ".html"]


@pytest.mark.parametrize("suffix", FORMATS)
def test_period_report_lists_the_meetings_of_the_range(sample_store, tmp_path, suffix):
    path = tmp_path / f"report{suffix}"
    write_period_report(sample_store, date(2021, 1, 1), date(2021, 12, 31), path=path)
    text = read_back(path)
    assert "Meetings from January 1, 2021 to December 31, 2021" in text
    assert "One meeting" in text
    assert "Annual Meeting and Exchange Symposium of the Shanghai-Hong Kong University" in text
    assert "December 22, 2021" in text
    assert "DING Xiaodong" in text and "10 USST students" in text


@pytest.mark.parametrize(
    "organisation", ["Shanghai University", "SHUA", "Shanghai-Hong Kong University Alliance"]
)
def test_period_report_by_partner(sample_store, tmp_path, organisation):
    path = tmp_path / "report.html"
    write_period_report(sample_store, None, None, organisation=organisation, path=path)
    text = read_back(path)
    assert "One meeting with" in text and "DING Xiaodong" in text


def test_period_report_by_series_and_person(sample_store, tmp_path):
    (ding,) = [r.id for r in sample_store.people.list("Xiaodong")]
    path = tmp_path / "report.html"
    write_period_report(
        sample_store,
        None,
        None,
        series="Shanghai-Hong Kong University Alliance annual meeting",
        person_id=ding,
        path=path,
    )
    text = read_back(path)
    assert "attended by DING Xiaodong" in text and "One meeting" in text


def test_an_empty_period_says_no_meetings(sample_store, tmp_path):
    path = tmp_path / "report.docx"
    write_period_report(sample_store, date(2023, 1, 1), date(2023, 12, 31), path=path)
    text = read_back(path)
    assert "No meetings" in text and "Annual Meeting" not in text


def test_an_unknown_organisation_is_one_clear_line(sample_store, tmp_path):
    with pytest.raises(SummaryError, match="There is no organisation called 'Nowhere U'"):
        write_period_report(
            sample_store, None, None, organisation="Nowhere U", path=tmp_path / "r.pdf"
        )


@pytest.mark.parametrize("suffix", FORMATS)
def test_course_register(sample_store, tmp_path, suffix):
    path = tmp_path / f"courses{suffix}"
    write_course_register(sample_store, path)
    text = read_back(path)
    assert "Course shortlist register" in text
    assert "<Shi Jing> and Chinese Poetry Education" in text
    assert "Learning Entrepreneurship by Knowing and Doing" in text
    assert "University of Shanghai for Science and Technology" in text
    assert "Shortlisted" in text and "2021" in text


def test_course_register_of_a_year_without_courses(sample_store, tmp_path):
    path = tmp_path / "courses.html"
    write_course_register(sample_store, path, year=2019)
    text = read_back(path)
    assert "No course entries" in text and "Shi Jing" not in text

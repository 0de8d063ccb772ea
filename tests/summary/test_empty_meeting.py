"""A meeting with nothing but a title and a date leaves no empty sections behind.

Given a meeting with no attendees, sessions, courses, decisions or photos,
when its summaries are written, then no heading, table or list stands empty.
"""

from __future__ import annotations

import re

import pytest

from eventdesk.summary import render_html, write_summary
from tests.summary.conftest import read_back, save_meeting

SECTIONS = [
    "Attendees",
    "Agenda",
    "Speeches and presentations",
    "Courses",
    "Decisions and action items",
    "Photos",
    "Background",
]


@pytest.fixture
def quiet(fresh_store) -> int:
    return save_meeting(fresh_store, "Quiet meeting")


@pytest.mark.parametrize("template", ["news", "minutes"])
def test_no_empty_headings_or_tables(fresh_store, quiet, template):
    page = render_html(fresh_store, quiet, template)
    body = page[page.index("<body>") :]
    for section in SECTIONS:
        assert f">{section}<" not in body
    assert not re.search(r"<p[^>]*>\s*</p>", body)
    assert "<ol>" not in body and "<img" not in body
    assert body.count("<table") <= 1  # only the minutes' header block


def test_news_release_of_an_empty_meeting_is_one_plain_sentence(fresh_store, quiet, tmp_path):
    path = tmp_path / "news.docx"
    write_summary(fresh_store, quiet, "news", path)
    text = read_back(path)
    assert text == "Quiet meeting On January 5, 2024, the Quiet meeting was held."


def test_minutes_docx_of_an_empty_meeting_has_no_section_headings(fresh_store, quiet, tmp_path):
    from docx import Document

    path = tmp_path / "minutes.docx"
    write_summary(fresh_store, quiet, "minutes", path)
    doc = Document(str(path))
    assert [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")] == []
    assert len(doc.tables) == 1

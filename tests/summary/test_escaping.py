"""Text from records prints exactly as typed, markup and all.

Given a person whose name holds ``<b>Bold</b>`` and a course titled
"<Shi Jing> ...", when any summary is written, then the reader sees the angle
brackets as typed: nothing is made bold, nothing disappears.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventdesk.records import Attendance, Meeting, NameOrder, Person, Side
from eventdesk.summary import render_html, write_summary
from tests.summary.conftest import read_back


@pytest.fixture
def marked_up(fresh_store) -> int:
    person = fresh_store.people.save(
        Person(family_name="Smith", given_name="<b>Bold</b>", name_order=NameOrder.GIVEN_FIRST)
    )
    meeting = Meeting(
        title="Talks & <i>tea</i>",
        start_date=date(2024, 3, 1),
        attendees=[Attendance(person_id=person.id, title="<script>Dean</script>", side=Side.OURS)],
    )
    return fresh_store.meetings.save(meeting).id


@pytest.mark.parametrize("template", ["news", "minutes"])
def test_html_escapes_markup_from_records(fresh_store, marked_up, template):
    page = render_html(fresh_store, marked_up, template)
    assert "&lt;b&gt;Bold&lt;/b&gt; SMITH" in page
    assert "<b>Bold</b>" not in page and "<script>" not in page
    assert "Talks &amp; &lt;i&gt;tea&lt;/i&gt;" in page


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".html"])
@pytest.mark.parametrize("template", ["news", "minutes"])
def test_every_format_prints_the_name_as_typed(fresh_store, marked_up, tmp_path, suffix, template):
    path = tmp_path / f"out{suffix}"
    write_summary(fresh_store, marked_up, template, path)
    text = read_back(path)
    assert "<b>Bold</b> SMITH" in text
    assert "<script>Dean</script>" in text
    assert "Talks & <i>tea</i>" in text

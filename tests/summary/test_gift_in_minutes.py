"""The minutes list an attendee's gift in the attendee list's Notes column, where one is set,
in English and in Chinese, in each format (docs/adding-a-field.md: the field is declared
``printed``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk.summary import write_summary
from tests.summary.conftest import read_back


def _give_a_gift(store, meeting_id: int) -> None:
    meeting = store.meetings.get(meeting_id)
    ding = next(a for a in meeting.attendees if a.title == "President")
    ding.gift, ding.gift_zh = "A porcelain vase", "瓷瓶"
    store.meetings.save(meeting)


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".html"])
@pytest.mark.parametrize(
    ("lang", "notes", "printed"),
    [("en", "Notes", "Gift: A porcelain vase"), ("zh", "备注", "礼品：瓷瓶")],
)
def test_the_minutes_print_a_gift_beside_its_attendee(
    sample_store, meeting_id, tmp_path: Path, suffix, lang, notes, printed
):
    _give_a_gift(sample_store, meeting_id)
    path = tmp_path / f"minutes{suffix}"
    write_summary(sample_store, meeting_id, "minutes", path, lang=lang)
    written = read_back(path)
    assert notes in written and printed in written


def test_minutes_without_a_gift_have_no_notes_column(sample_store, meeting_id, tmp_path):
    path = tmp_path / "minutes.html"
    write_summary(sample_store, meeting_id, "minutes", path)
    assert "Notes" not in read_back(path) and "Gift" not in read_back(path)

"""What else an attendance records that the minutes print (a field declared ``printed``, such
as a gift given or received) is in the attendee list's Notes column, where set.

Given an attendee with particulars, when the minutes are written as HTML, PDF and Word, then a
Notes (备注) column holds them beside the attendee; given none on a side, the side's table has
no such column (the Word file leaves an empty column out, the HTML does not make one)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from eventdesk.records import Attendance
from eventdesk.records.fields import text, value
from eventdesk.summary import people, write_summary
from eventdesk.summary.language import Language
from tests.summary.conftest import read_back


@dataclass
class _Gifted(Attendance):
    keepsake: str = text(zh=True, printed=("Keepsake", "纪念品"))
    keepsake_zh: str = text()
    interpreted: bool = value("bool", default=False, printed=("Interpreter", "翻译"))


def test_the_particulars_are_each_field_set_after_its_words():
    a = _Gifted(person_id=1, keepsake="A porcelain vase", keepsake_zh="瓷瓶", interpreted=True)
    assert people.particulars(a, Language("en"), "attendee X") == (
        "Keepsake: A porcelain vase; Interpreter"
    )
    assert people.particulars(a, Language("zh"), "attendee X") == "纪念品：瓷瓶；翻译"
    assert people.particulars(_Gifted(person_id=1), Language("en"), "attendee X") == ""


def test_a_chinese_document_names_a_particular_with_no_chinese_form():
    chinese = Language("zh")
    said = people.particulars(_Gifted(person_id=1, keepsake="Tea"), chinese, "attendee X")
    assert said == "纪念品：Tea"
    assert chinese.missing == [
        "attendee X › keepsake_zh: no Chinese form; the English 'Tea' is printed"
    ]


def _with_particulars(monkeypatch, shown: dict[str, str]) -> None:
    """The minutes as they print attendances whose particulars are ``shown`` (by name)."""
    monkeypatch.setattr(
        people,
        "particulars",
        lambda _a, _lang, where: shown.get(where.removeprefix("attendee "), ""),
    )


@pytest.mark.parametrize("suffix", [".html", ".docx", ".pdf"])
def test_the_minutes_print_them_in_a_notes_column(
    sample_store, meeting_id, tmp_path: Path, monkeypatch, suffix
):
    _with_particulars(monkeypatch, {"DING Xiaodong": "Gift: A porcelain vase"})
    path = tmp_path / f"minutes{suffix}"
    write_summary(sample_store, meeting_id, "minutes", path)
    written = read_back(path)
    assert "Notes" in written and "Gift: A porcelain vase" in written


def test_a_side_without_particulars_has_no_notes_column(sample_store, meeting_id, tmp_path):
    from docx import Document

    for suffix in (".html", ".docx"):
        path = tmp_path / f"minutes{suffix}"
        write_summary(sample_store, meeting_id, "minutes", path)
        assert "Notes" not in read_back(path)
    (heading,) = [Document(str(tmp_path / "minutes.docx")).tables[1].rows[0]]
    assert [c.text for c in heading.cells] == ["Name", "Chinese name", "Title", "Role"]

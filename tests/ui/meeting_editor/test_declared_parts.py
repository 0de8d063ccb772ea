"""A meeting part's field declared with a label is shown without an edit of the meeting editor:
a column of its list after the named ones, and a row of the form under it, bound to the part.

Given a part class with labelled fields (as docs/adding-a-field.md has one add), when its rows
are derived, then typing in them writes the part's fields, the Chinese form sits beside its
field, and the column shows the value (or its Chinese form when only that is typed)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QFormLayout, QWidget

from eventdesk.records.fields import identity, text, value
from eventdesk.ui.meeting_editor import declared_parts
from eventdesk.ui.meeting_editor.models import AttendeesModel
from eventdesk.ui.record_form import RecordForm


@dataclass
class _Planned:
    """A part of its own (not a subclass of one, so a field added to a real part changes
    nothing here)."""

    seat: str = text("Seat", zh=True, placeholder="e.g. top table, left of the host")
    seat_zh: str = text("Seat in Chinese", placeholder="主桌")
    interpreted: bool = value("bool", "Interpreter needed", default=False)
    allergies: str = text("Allergies", lines=2)
    person_id: int | None = None
    uid: str = identity()


def test_each_labelled_field_is_a_column_its_chinese_form_shares():
    assert declared_parts.headers(_Planned) == ("Seat", "Interpreter needed", "Allergies")
    seat, interpreted, _allergies = declared_parts.shown(_Planned)
    planned = _Planned(person_id=1, seat_zh="主桌", interpreted=True)
    assert declared_parts.column_text(planned, seat) == "主桌"  # only the Chinese is typed
    assert declared_parts.column_text(planned, interpreted) == "Yes"
    planned.seat, planned.interpreted = "Top table", False
    assert declared_parts.column_text(planned, seat) == "Top table"
    assert declared_parts.column_text(planned, interpreted) == ""


def test_typing_in_the_derived_rows_writes_the_part(qtbot):
    owner = QWidget()
    qtbot.addWidget(owner)
    layout = QFormLayout(owner)
    form = RecordForm(owner)
    made = declared_parts.add_rows(owner, form, layout, _Planned)
    assert made == [owner.seat, owner.seat_zh, owner.interpreted, owner.allergies]
    assert [layout.itemAt(r, QFormLayout.ItemRole.LabelRole).widget().text() for r in range(3)] == [
        "Seat",
        "Interpreter needed",
        "Allergies",
    ]
    assert owner.seat_zh.placeholderText() == "主桌"
    planned = _Planned(person_id=1)
    form.load(planned)
    qtbot.keyClicks(owner.seat, "Top table")
    chinese = QInputMethodEvent()  # what an input method commits
    chinese.setCommitString("主桌")
    QApplication.sendEvent(owner.seat_zh, chinese)
    qtbot.keyClick(owner.interpreted, Qt.Key.Key_Space)  # as Tab, then Space, ticks it
    qtbot.keyClicks(owner.allergies, "Peanuts")
    assert (planned.seat, planned.seat_zh, planned.interpreted, planned.allergies) == (
        "Top table",
        "主桌",
        True,
        "Peanuts",
    )
    form.load(_Planned(person_id=2, seat="By the door"))  # the next row shows its own
    assert (owner.seat.text(), owner.interpreted.isChecked()) == ("By the door", False)


def test_a_field_of_another_type_is_refused_by_name(qtbot):
    @dataclass
    class _Counted:
        guests: int | None = value("int", "Guests")

    owner = QWidget()
    qtbot.addWidget(owner)
    with pytest.raises(TypeError, match="guests"):
        declared_parts.add_rows(owner, RecordForm(owner), QFormLayout(owner), _Counted)


def test_the_attendee_list_has_a_column_for_each_labelled_field(qtbot, monkeypatch):
    monkeypatch.setattr(declared_parts, "part_of", lambda _list: _Planned)
    model = AttendeesModel(labels=None)  # the derived columns need no labels
    named = len(AttendeesModel.HEADERS)
    assert model.columnCount() == named + 3
    assert model.headerData(named, Qt.Orientation.Horizontal) == "Seat"
    assert model.text(_Planned(person_id=1, seat="Top table"), named) == "Top table"

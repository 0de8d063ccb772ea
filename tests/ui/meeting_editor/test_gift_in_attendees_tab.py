"""An attendee's gift is typed in the Attendees tab, shown in its list and saved.

The tab's Gift row and the list's Gift column come from the field's declaration
(docs/adding-a-field.md); this is what a clerk sees of them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

VASE, VASE_ZH = "A porcelain vase", "瓷瓶"


def test_a_gift_typed_in_the_attendees_tab_is_listed_and_saved(sample_editor, drive, sample_store):
    editor = sample_editor
    d = drive(editor)
    d.open_tab(editor.attendees)
    tab = editor.attendees
    tab.select(0)
    d.field(tab.gift, VASE)
    d.type(tab.gift_zh, VASE_ZH)
    assert editor.is_dirty()

    model = tab.model
    column = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    gift = column.index("Gift")
    assert model.index(0, gift).data() == VASE
    assert model.index(1, gift).data() == ""

    assert editor.save()
    first = sample_store.meetings.get(editor.meeting().id).attendees[0]
    assert (first.gift, first.gift_zh) == (VASE, VASE_ZH)


def test_the_list_shows_the_chinese_gift_when_only_that_is_typed(sample_editor, drive):
    d = drive(sample_editor)
    tab = sample_editor.attendees
    d.open_tab(tab)
    tab.select(1)
    d.type(tab.gift_zh, VASE_ZH)
    headers = [
        tab.model.headerData(c, Qt.Orientation.Horizontal) for c in range(tab.model.columnCount())
    ]
    assert tab.model.index(1, headers.index("Gift")).data() == VASE_ZH

"""Topics discussed are records: entered in the Decisions tab as kind "Topic discussed".

Given the example meeting in the editor, when a clerk adds a decision of kind
"Topic discussed" with its English and Chinese text and saves, then the store
holds a decision of kind ``discussion`` with both texts.
"""

from __future__ import annotations

from eventdesk.records import DecisionKind


def test_a_topic_discussed_is_entered_and_saved(sample_editor, drive, qtbot, sample_store):
    d = drive(sample_editor)
    tab = sample_editor.decisions
    d.open_tab(tab)
    d.click(tab.add_button)
    d.choose(tab.kind, "Topic discussed")
    d.plain(tab.text, "Credit transfer between member universities")
    d.plain(tab.text_zh, "成员高校间的学分互认")
    with qtbot.waitSignal(sample_editor.saved) as saved:
        d.click(sample_editor.save_button)
    meeting = sample_store.meetings.get(saved.args[0])
    topics = [x for x in meeting.decisions if x.kind is DecisionKind.DISCUSSION]
    assert [(x.text, x.text_zh) for x in topics] == [
        ("Credit transfer between member universities", "成员高校间的学分互认")
    ]


def test_a_signed_documents_short_name_is_entered_and_saved(
    sample_editor, drive, qtbot, sample_store
):
    """The Decisions tab's "Signed document" row: the name a release gives what was signed."""
    d = drive(sample_editor)
    tab = sample_editor.decisions
    d.open_tab(tab)
    d.click(tab.add_button)
    d.choose(tab.kind, "Agreement")
    d.plain(tab.text, "Agreement on academic cooperation between USST and Fudan University")
    d.type(tab.document, "the cooperation agreement")
    d.type(tab.document_zh, "合作协议")
    with qtbot.waitSignal(sample_editor.saved) as saved:
        d.click(sample_editor.save_button)
    meeting = sample_store.meetings.get(saved.args[0])
    (signed,) = [x for x in meeting.decisions if x.kind is DecisionKind.AGREEMENT]
    assert (signed.document, signed.document_zh) == ("the cooperation agreement", "合作协议")

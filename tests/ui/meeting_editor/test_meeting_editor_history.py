"""A title held at one meeting belongs to that meeting: editing it rewrites nothing else."""

from __future__ import annotations

from eventdesk.records import Organisation, Person


def _enter_meeting(d, editor, title: str, day: str, typed: str, label: str) -> int:
    editor.new()
    d.field(editor.details.view.title, title)
    d.field(editor.details.view.start_date, day)
    d.open_tab(editor.attendees)
    d.pick(editor.attendees.finder, typed, label)
    assert editor.save()
    return editor.record_id()


def test_editing_a_title_held_then_changes_only_that_meeting(editor, drive, fresh_store):
    store = fresh_store
    office = store.organisations.save(Organisation("Hong Kong, Macao and Taiwan Affairs Office"))
    chen = store.people.save(
        Person("Chen", "Qi", title="Deputy Director", title_zh="副主任", organisation_id=office.id)
    )
    d = drive(editor)
    first = _enter_meeting(d, editor, "Annual meeting 2021", "2021-12-22", "Chen", "CHEN Qi")
    second = _enter_meeting(d, editor, "Visit to HKU", "2022-03-01", "chen q", "CHEN Qi")
    # The person's title was proposed for both meetings
    assert store.meetings.get(second).attendees[0].title == "Deputy Director"

    # Chen was promoted by the second meeting; the office corrects that meeting only
    d.open_tab(editor.attendees)
    editor.attendees.select(0)
    d.field(editor.attendees.title, "Director")
    d.type(editor.attendees.title_zh, "主任")
    assert editor.is_dirty()
    assert editor.save()

    assert [(a.title, a.title_zh) for a in store.meetings.get(second).attendees] == [
        ("Director", "主任")
    ]
    assert [(a.title, a.title_zh) for a in store.meetings.get(first).attendees] == [
        ("Deputy Director", "副主任")
    ]
    person = store.people.get(chen.id)
    assert (person.title, person.title_zh, person.organisation_id) == (
        "Deputy Director",
        "副主任",
        office.id,
    )

    # And the other way round: editing the older meeting leaves the newer one alone
    editor.load(first)
    d.open_tab(editor.attendees)
    d.field(editor.attendees.capacity, "Secretary of the meeting")
    assert editor.save()
    assert store.meetings.get(first).attendees[0].capacity == "Secretary of the meeting"
    assert store.meetings.get(second).attendees[0].capacity == ""
    assert store.people.get(chen.id).title == "Deputy Director"


def test_a_person_is_listed_once(editor, drive, fresh_store):
    fresh_store.people.save(Person("Chen", "Qi"))
    d = drive(editor)
    editor.new()
    d.pick(editor.attendees.finder, "Chen", "CHEN Qi")
    d.pick(editor.attendees.finder, "Chen", "CHEN Qi")
    assert len(editor.meeting().attendees) == 1
    assert "already listed" in editor.attendees.hint.text()


def test_a_new_person_needs_a_family_name(editor, drive, fresh_store):
    d = drive(editor)
    editor.new()
    tab = editor.attendees
    d.open_tab(tab)
    d.click(tab.new_person_button)
    d.type(tab.new_person.given_name, "Madonna")
    d.click(tab.new_person.create_button)
    assert tab.new_person.isVisible()
    assert "is required" in tab.new_person.family_name.toolTip()
    assert fresh_store.people.count() == 0
    assert editor.meeting().attendees == []
    d.click(tab.new_person.cancel_button)
    assert not tab.new_person.isVisible()


def test_names_edited_elsewhere_show_when_the_meeting_is_loaded_again(sample_editor, sample_store):
    meeting_id = sample_editor.record_id()
    first = sample_editor.meeting().attendees[0]
    person = sample_store.people.get(first.person_id)
    person.given_name = "Xiao-dong"
    sample_store.people.save(person)
    sample_editor.load(meeting_id)
    assert sample_editor.attendees.model.index(0, 0).data() == "DING Xiao-dong"

"""The organisation editor's members and meetings, and the course register across years."""

from __future__ import annotations

from eventdesk.records import OrganisationKind
from eventdesk.ui.sections import Section


def _org(store, short_name):
    return next(o for o in store.organisations.list() if o.short_name == short_name)


def test_an_alliance_lists_its_members_and_can_gain_one(qtbot, main_window):
    store = main_window.store
    workspace = main_window.workspace
    shua = _org(store, "SHUA")
    workspace.set_section(Section.ORGANISATIONS)
    workspace.list_pane.select_id(shua.id)
    editor = workspace.editors.organisation_editor
    assert not editor.form.members_box.isHidden()
    members_before = store.organisations.get(shua.id).member_ids
    assert editor.form.members.count() == len(members_before) == 16

    workspace.new_record()
    qtbot.keyClicks(editor.form.name, "Shanghai Institute of Visual Arts")
    assert editor.save()
    new_id = editor.record_id()

    workspace.list_pane.select_id(shua.id)
    editor.form.member_picker.set_organisation_id(new_id)
    assert editor.add_member()
    assert not editor.add_member()  # not twice
    assert editor.save()
    assert store.organisations.get(shua.id).member_ids == [*members_before, new_id]


def test_members_are_shown_for_alliances_only(main_window):
    workspace = main_window.workspace
    workspace.set_section(Section.ORGANISATIONS)
    main_window.new_record()
    form = workspace.editors.organisation_editor.form
    assert form.members_box.isHidden()
    form.kind.setCurrentIndex(form.kind.findData(OrganisationKind.ALLIANCE.value))
    assert not form.members_box.isHidden()


def test_course_register_filters_by_year_and_status(main_window):
    workspace = main_window.workspace
    workspace.set_section(Section.COURSES)
    model = workspace.list_pane.model()
    assert model.rowCount() == 2
    filters = workspace.course_filters
    # only the years that have courses are offered
    assert [filters.year.itemData(n) for n in range(filters.year.count())] == [None, 2021]
    filters.year.setCurrentIndex(filters.year.findData(2021))
    assert model.rowCount() == 2
    filters.status.setCurrentIndex(filters.status.findData("approved"))
    assert model.rowCount() == 0
    filters.status.setCurrentIndex(filters.status.findData("shortlisted"))
    assert model.rowCount() == 2


def test_course_register_opens_the_meeting(qtbot, main_window):
    workspace = main_window.workspace
    workspace.set_section(Section.COURSES)
    detail = workspace.editors.course_detail
    assert detail.record_id() == workspace.list_pane.current_id()
    assert "Shanghai-Hong Kong" in detail.fields["meeting"].text()
    index = workspace.list_pane.model().index(0, 1)
    workspace.list_pane.table.doubleClicked.emit(index)
    (meeting,) = main_window.store.meetings.list()
    assert workspace.section() is Section.MEETINGS
    assert workspace.editors.shown_id() == meeting.id

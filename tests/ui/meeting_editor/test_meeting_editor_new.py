"""Entering a new meeting with every kind of part, and what the store then holds."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage

from eventdesk.records import (
    AttendanceRole,
    CourseStatus,
    DecisionKind,
    FileKind,
    MeetingFormat,
    NameOrder,
    Organisation,
    OrganisationKind,
    Person,
    PresentationKind,
    Side,
)
from eventdesk.ui.meeting_editor.photos_tab import PhotosModel


def _png(path: Path, colour: str = "#3366aa") -> Path:
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path), "PNG")
    return path


def _given_people(store):
    usst = store.organisations.save(
        Organisation("University of Shanghai for Science and Technology", short_name="USST")
    )
    cuhk = store.organisations.save(
        Organisation("The Chinese University of Hong Kong", short_name="CUHK")
    )
    ding = store.people.save(
        Person("Ding", "Xiaodong", title="President", title_zh="校长", organisation_id=usst.id)
    )
    return usst, cuhk, ding


def test_enter_a_new_meeting_with_every_part(editor, drive, fresh_store, tmp_path, qtbot):
    store = fresh_store
    usst, cuhk, ding = _given_people(store)
    d = drive(editor)
    editor.new()
    assert editor.record_id() is None and not editor.is_dirty()

    # Details
    v = editor.details.view
    d.field(v.title, "Alliance Summit 2024")
    d.field(v.title_zh, "联盟峰会2024")
    assert editor.is_dirty()
    d.type(v.series, "Alliance summit")
    d.field(v.edition, "3rd")
    d.field(v.start_date, "2024-05-06")
    d.field(v.start_time, "09:30")
    d.field(v.end_time, "17:00")
    d.choose(v.format, "Hybrid")
    d.choose(v.our_role, "Host")
    d.field(v.venue, "Main Hall")
    d.pick(v.hosts.finder, "USST", usst.name)
    d.pick(v.hosts.finder, "Chinese Univ", cuhk.name)
    d.field(v.tags, "alliance, summit")
    d.plain(v.summary, "The first summit on our campus.")

    # Sessions: Enter in a title adds the next one
    s = editor.sessions
    d.open_tab(s)
    d.click(s.add_button)
    d.type(s.title, "Opening")
    d.enter(s.title)
    d.type(s.title, "Panel")
    d.field(s.start_time, "10:00")
    d.field(s.end_time, "11:30")
    d.pick(s.chair, "Ding", "DING Xiaodong")
    d.plain(s.notes, "Open discussion")

    # Attendees: one found by typing, two created in place
    a = editor.attendees
    d.open_tab(a)
    d.pick(a.finder, "Din", "DING Xiaodong")
    d.click(a.new_person_button)
    panel = a.new_person
    assert panel.isVisible()
    d.type(panel.family_name, "Wai")
    d.type(panel.given_name, "Alexander")
    d.choose(panel.name_order, NameOrder.GIVEN_FIRST.label)
    d.type(panel.title_edit, "Vice-Chancellor")
    d.pick(panel.organisation, "CUHK", cuhk.name)
    assert "Alexander WAI" in panel.preview.text()
    d.click(panel.create_button)
    d.type(a.finder, "Lee Mei")
    d.click(a.new_person_button)
    assert panel.family_name.text() == "Lee" and panel.given_name.text() == "Mei"
    d.type(panel.name_zh, "李梅")
    d.type(panel.title_edit, "Director")
    d.enter(panel.family_name)
    assert not panel.isVisible()
    assert [a.model.index(r, 0).data() for r in range(3)] == [
        "DING Xiaodong",
        "Alexander WAI",
        "LEE Mei",
    ]
    a.select(1)
    d.choose(a.role, "Speaker")
    d.choose(a.side, "Partners")
    d.field(a.capacity, "Keynote speaker")

    # A presentation by an attendee
    p = editor.presentations
    d.open_tab(p)
    d.click(p.add_button)
    d.choose(p.session, "2. Panel")
    d.choose(p.kind, "Presentation")
    d.pick(p.presenters.finder, "Alex", "Alexander WAI")
    d.field(p.title, "Open Science")
    d.plain(p.abstract, "Why data should be shared.")

    # A course entry, typed exactly
    c = editor.courses
    d.open_tab(c)
    d.click(c.add_button)
    d.field(c.title, "<Shi Jing> & Poetry")
    d.field(c.programme, "Excellent courses")
    assert c.year.text() == "2024"  # proposed from the meeting's date
    d.pick(c.institution, "USST", usst.name)
    d.choose(c.status, "Shortlisted")
    d.field(c.teachers, "LI Bai")

    # A decision with a party, a count, an owner and a due date
    dec = editor.decisions
    d.open_tab(dec)
    d.click(dec.add_button)
    d.choose(dec.kind, "Action item")
    d.choose(dec.session, "1. Opening")
    d.plain(dec.text, "Draft the exchange agreement")
    d.pick(dec.parties.organisation_finder, "CUHK", cuhk.name)
    d.type(dec.parties.role, "Partner")
    d.field(dec.count, "10")
    d.field(dec.count_unit, "students")
    d.pick(dec.owner, "Ding", "DING Xiaodong")
    d.field(dec.due_date, "2024-06-30")

    # A photo through the file picker (replaced, so no dialog waits)
    ph = editor.photos
    d.open_tab(ph)
    png = _png(tmp_path / "group.png")
    ph.choose_files = lambda: [str(png)]
    d.click(ph.add_button)
    d.field(ph.caption, "Group photo")
    d.field(ph.credit, "International Office")
    assert ph.model.index(0, PhotosModel.THUMBNAIL).data(Qt.ItemDataRole.DecorationRole)

    with qtbot.waitSignal(editor.saved) as saved:
        d.click(editor.save_button)
    assert not editor.is_dirty()
    meeting_id = saved.args[0]
    assert editor.record_id() == meeting_id

    m = store.meetings.get(meeting_id, with_file_data=True)
    assert (m.title, m.title_zh, m.series, m.edition) == (
        "Alliance Summit 2024",
        "联盟峰会2024",
        "Alliance summit",
        "3rd",
    )
    assert (m.start_date, m.end_date) == (date(2024, 5, 6), None)
    assert (m.start_time, m.end_time) == (time(9, 30), time(17, 0))
    assert (m.format, m.our_role, m.venue) == (MeetingFormat.HYBRID, m.our_role.HOST, "Main Hall")
    assert [(h.organisation_id, h.role.value) for h in m.hosts] == [
        (usst.id, "host"),
        (cuhk.id, "co_host"),
    ]
    assert m.tags == ["alliance", "summit"]
    assert m.summary == "The first summit on our campus."

    assert [s.title for s in m.sessions] == ["Opening", "Panel"]
    panel_session = m.sessions[1]
    assert (panel_session.start_time, panel_session.end_time) == (time(10, 0), time(11, 30))
    assert panel_session.chair_id == ding.id
    assert panel_session.notes == "Open discussion"

    people = store.people.get_many([x.person_id for x in m.attendees])
    wai = next(x for x in people.values() if x.family_name == "Wai")
    lee = next(x for x in people.values() if x.family_name == "Lee")
    assert [x.person_id for x in m.attendees] == [ding.id, wai.id, lee.id]
    assert (wai.given_name, wai.name_order, wai.title, wai.organisation_id) == (
        "Alexander",
        NameOrder.GIVEN_FIRST,
        "Vice-Chancellor",
        cuhk.id,
    )
    assert (lee.given_name, lee.name_zh, lee.title) == ("Mei", "李梅", "Director")
    first, second, third = m.attendees
    assert (first.title, first.title_zh, first.organisation_id) == ("President", "校长", usst.id)
    assert (first.role, first.side) == (AttendanceRole.DELEGATE, Side.OURS)
    assert (second.title, second.organisation_id, second.capacity) == (
        "Vice-Chancellor",
        cuhk.id,
        "Keynote speaker",
    )
    assert (second.role, second.side) == (AttendanceRole.SPEAKER, Side.PARTNER)
    assert third.title == "Director"

    (talk,) = m.presentations
    assert (talk.kind, talk.session_uid, talk.presenter_ids) == (
        PresentationKind.PRESENTATION,
        panel_session.uid,
        [wai.id],
    )
    assert (talk.title, talk.abstract) == ("Open Science", "Why data should be shared.")

    (course,) = m.courses
    assert (course.title, course.programme, course.year) == (
        "<Shi Jing> & Poetry",
        "Excellent courses",
        2024,
    )
    assert (course.institution_id, course.status, course.teachers) == (
        usst.id,
        CourseStatus.SHORTLISTED,
        "LI Bai",
    )
    assert course.meeting_id == meeting_id

    (decision,) = m.decisions
    assert (decision.kind, decision.text) == (
        DecisionKind.ACTION_ITEM,
        "Draft the exchange agreement",
    )
    assert decision.session_uid == m.sessions[0].uid
    assert [(x.organisation_id, x.person_id, x.role) for x in decision.parties] == [
        (cuhk.id, None, "Partner")
    ]
    assert (decision.count, decision.count_unit) == (10, "students")
    assert (decision.owner_id, decision.due_date) == (ding.id, date(2024, 6, 30))

    (photo,) = m.files
    assert (photo.original_name, photo.media_type, photo.kind) == (
        "group.png",
        "image/png",
        FileKind.PHOTO,
    )
    assert (photo.caption, photo.credit) == ("Group photo", "International Office")
    assert photo.data == png.read_bytes()


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # QPoint form: the one 6.11 has
def test_dropping_image_files_adds_photos(editor, tmp_path):
    editor.new()
    tab = editor.photos
    editor.tabs.setCurrentWidget(tab)
    images = [_png(tmp_path / "a.png"), _png(tmp_path / "b.png", "#aa3333")]
    text = tmp_path / "notes.txt"
    text.write_text("not a picture")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in [*images, text]])
    where = QPoint(200, 200)
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    # Qt delivers drag events only during a real drag (a nested event loop), so the
    # tab's handlers get the events that drag would send them.
    enter = QDragEnterEvent(where, Qt.DropAction.CopyAction, mime, buttons, keys)
    tab.dragEnterEvent(enter)
    assert enter.isAccepted()
    tab.dropEvent(QDropEvent(where.toPointF(), Qt.DropAction.CopyAction, mime, buttons, keys))
    assert [f.original_name for f in editor.meeting().files] == ["a.png", "b.png"]
    assert "notes.txt (not an image)" in tab.hint.text()
    assert editor.is_dirty()


def test_stored_photos_show_thumbnails_from_the_store(sample_editor):
    model = sample_editor.photos.model
    assert all(f.data is None for f in sample_editor.meeting().files)
    for row in range(model.rowCount()):
        pixmap = model.index(row, PhotosModel.THUMBNAIL).data(Qt.ItemDataRole.DecorationRole)
        assert pixmap is not None and not pixmap.isNull()


def test_an_organisation_kind_is_not_needed_to_find_it(editor, fresh_store, drive):
    """Organisations are found by short name as well as by name."""
    fresh_store.organisations.save(
        Organisation(
            "Hong Kong Education Bureau", kind=OrganisationKind.GOVERNMENT, short_name="EDB"
        )
    )
    editor.new()
    d = drive(editor)
    d.pick(editor.details.view.hosts.finder, "EDB", "Hong Kong Education Bureau")
    assert len(editor.meeting().hosts) == 1

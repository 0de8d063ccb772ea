"""Empty trash removes records for good after asking; old trash goes by itself on opening."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from eventdesk.records import Person
from eventdesk.ui.preferences import Preferences
from eventdesk.ui.sections import Section
from eventdesk.ui.trash_purge import start_trash_purge
from tests.ui.conftest import Answers, make_window


def _people_ids(store):
    return {r[0] for r in store.db.execute("SELECT id FROM people")}


def _trash_a_meeting_and_a_person(main_window):
    store = main_window.store
    loner = store.people.save(Person("Zhou", "Enlai"))
    main_window.workspace.refresh()
    (meeting,) = store.meetings.list()
    store.trash.put("meeting", meeting.id)
    store.trash.put("person", loner.id)
    return meeting, loner


def test_empty_trash_asks_and_cancel_keeps_everything(qtbot, main_window, monkeypatch):
    _trash_a_meeting_and_a_person(main_window)
    dialog = main_window.show_trash()
    asked = []
    monkeypatch.setattr(dialog, "ask_empty", lambda n: asked.append(n) or False)
    assert dialog.empty_trash() is None
    assert asked == [2]
    assert main_window.store.trash.count() == 2
    assert dialog.model.rowCount() == 2
    dialog.close()


def test_empty_trash_removes_for_good_and_undo_cannot_bring_it_back(
    qtbot, main_window, monkeypatch
):
    store = main_window.store
    main_window.workspace.set_section(Section.PEOPLE)
    assert main_window.delete_selected()  # on the undo stack
    _meeting, loner = _trash_a_meeting_and_a_person(main_window)
    dialog = main_window.show_trash()
    assert dialog.model.rowCount() == 3
    labels = {dialog.model.row(n).label for n in range(3)}
    assert "ZHOU Enlai" in labels
    monkeypatch.setattr(dialog, "ask_empty", lambda n: True)

    with qtbot.waitSignal(dialog.emptied, timeout=10_000) as emptied:
        assert dialog.empty_trash() is not None
        assert not dialog.empty_button.isEnabled()  # no second run while one is under way

    removed, _kept = emptied.args
    assert removed >= 2
    assert loner.id not in _people_ids(store)
    assert store.meetings.list() == [] and store.meetings.count() == 0
    assert store.db.execute("SELECT count(*) FROM attendances").fetchone()[0] == 0
    assert not store.meetings.search("Shanghai")
    assert main_window.undo_stack.count() == 0  # nothing left that Ctrl+Z could restore
    assert "Removed" in dialog.status.text()
    assert dialog.model.rowCount() == store.trash.count()
    dialog.close()


def test_the_trash_lists_labels_without_loading_meetings(qtbot, main_window, monkeypatch):
    _trash_a_meeting_and_a_person(main_window)
    store = main_window.store
    loaded = []
    get_meeting = store.meetings.get
    monkeypatch.setattr(
        store.meetings, "get", lambda *a, **k: loaded.append(a) or get_meeting(*a, **k)
    )
    dialog = main_window.show_trash()
    labels = [dialog.model.row(n).label for n in range(dialog.model.rowCount())]
    assert loaded == []
    assert any("Shanghai-Hong Kong University Alliance" in label for label in labels)
    dialog.close()


def _backdate(store, table, record_id, days):
    stamp = (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="seconds")
    store.db.execute(f"UPDATE {table} SET deleted_at = ? WHERE id = ?", [stamp, record_id])


def test_the_purge_removes_what_was_trashed_more_than_n_days_ago(qtbot, fresh_store):
    store = fresh_store
    old = store.people.save(Person("Old", "One"))
    recent = store.people.save(Person("Recent", "One"))
    store.trash.put("person", old.id)
    store.trash.put("person", recent.id)
    # "Now" is a day in the future: the one trashed now is 1 day old, the other 31.
    _backdate(store, "people", old.id, 30)
    later = datetime.now(UTC) + timedelta(days=1)

    task = start_trash_purge(store, 30, None, clock=lambda: later)
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=10_000) as done:
        pass
    assert done.args[0].removed == 1
    assert [r.id for r in store.trash.page()] == [recent.id]
    assert start_trash_purge(store, 0, None) is None  # 0 days: kept until emptied


def test_opening_a_database_purges_old_trash_beside_the_window(
    qtbot, fresh_store, settings, tmp_path
):
    store = fresh_store
    old = store.people.save(Person("Old", "One"))
    recent = store.people.save(Person("Recent", "One"))
    for person in (old, recent):
        store.trash.put("person", person.id)
    _backdate(store, "people", old.id, 45)
    _backdate(store, "people", recent.id, 5)

    window = make_window(qtbot, store, settings, tmp_path, Answers())  # preferences: 30 days
    assert window.preferences.trash_days == 30
    qtbot.waitUntil(lambda: store.trash.count() == 1, timeout=10_000)
    assert [r.id for r in store.trash.page()] == [recent.id]
    window.close()


def test_the_preference_is_kept_and_bounded(tmp_path):
    path = tmp_path / "preferences.json"
    Preferences(trash_days=7).save(path)
    assert Preferences.load(path).trash_days == 7
    path.write_text('{"trash_days": -4}', encoding="utf-8")
    assert Preferences.load(path).trash_days == 0
    assert Preferences().trash_days == 30

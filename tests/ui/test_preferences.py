"""Preferences are a typed record in a JSON file; a broken file falls back to defaults."""

from __future__ import annotations

from eventdesk.ui.preferences import Preferences
from eventdesk.ui.preferences_dialog import PreferencesDialog


def test_preferences_round_trip(tmp_path):
    path = tmp_path / "prefs" / "preferences.json"
    Preferences(page_size=500, our_organisation="USST").save(path)
    assert Preferences.load(path) == Preferences(page_size=500, our_organisation="USST")


def test_bad_values_keep_their_defaults(tmp_path):
    path = tmp_path / "preferences.json"
    path.write_text('{"page_size": "many", "our_organisation": 3, "unknown": 1}')
    assert Preferences.load(path) == Preferences()
    path.write_text("not json")
    assert Preferences.load(path) == Preferences()
    assert Preferences.load(tmp_path / "missing.json") == Preferences()


def test_the_dialog_edits_and_the_window_saves(qtbot, main_window, tmp_path):
    dialog = PreferencesDialog(main_window.preferences, main_window, store=main_window.store)
    qtbot.addWidget(dialog)
    (usst,) = main_window.store.organisations.list("USST")
    dialog.organisation.finder.choose(usst.id)
    dialog.page_size.setValue(300)
    main_window.apply_preferences(dialog.preferences())
    main_window.set_our_organisation(dialog.our_organisation_id())
    saved = Preferences.load(main_window.preferences_path)
    assert saved.page_size == 300
    assert saved.our_organisation == "University of Shanghai for Science and Technology"
    assert main_window.store.organisations.ours() == usst.id  # kept by id, in the database


def test_without_a_database_the_dialog_takes_the_name_as_text(qtbot):
    dialog = PreferencesDialog(Preferences())
    qtbot.addWidget(dialog)
    dialog.our_organisation.setText("University of Shanghai for Science and Technology")
    assert dialog.preferences().our_organisation.startswith("University of Shanghai")


def test_the_time_zone_is_picked_from_a_list_and_calendars_use_it(qtbot, main_window, tmp_path):
    """Edit › Preferences sets the zone; File › Add meeting to calendar writes the event in it."""
    from datetime import time

    from icalendar import Calendar

    store = main_window.store
    (row,) = store.meetings.list()
    meeting = store.meetings.get(row.id)
    meeting.start_time, meeting.end_time = time(9, 30), time(12, 0)
    store.meetings.save(meeting)
    dialog = PreferencesDialog(main_window.preferences, main_window, store=store)
    qtbot.addWidget(dialog)
    assert dialog.time_zone.currentData() == ""  # the computer's, until chosen
    qtbot.keyClicks(dialog.time_zone, "Asia/Hong")  # a list's keyboard search, as a clerk types
    assert dialog.time_zone.currentText() == "Asia/Hong Kong"
    main_window.apply_preferences(dialog.preferences())
    assert Preferences.load(main_window.preferences_path).time_zone == "Asia/Hong_Kong"

    main_window.workspace.list_pane.select_id(row.id)
    target = tmp_path / "meeting.ics"
    assert main_window.export_calendar(target)
    (event,) = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert event["SUMMARY"].startswith("Annual Meeting and Exchange Symposium")
    assert event["DTSTART"].params["TZID"] == "Asia/Hong_Kong"
    assert event.decoded("DTSTART").hour == 9 and event.decoded("DTSTART").minute == 30
    assert f"Wrote {target}" in main_window.statusBar().currentMessage()


def test_a_zone_written_by_hand_into_the_file_is_kept():
    dialog = PreferencesDialog(Preferences(time_zone="America/Argentina/ComodRivadavia"))
    assert dialog.preferences().time_zone == "America/Argentina/ComodRivadavia"


def _hostile(path, depth: int = 100_000) -> None:
    path.write_text("[" * depth + "]" * depth, encoding="utf-8")


def test_a_file_nested_100000_deep_is_set_aside_naming_it(tmp_path):
    path = tmp_path / "preferences.json"
    _hostile(path)
    prefs, note = Preferences.load_noting(path)
    assert prefs == Preferences()
    assert note.startswith(f"Your preferences file {path} was set aside as preferences.json.broken")
    assert "larger than 64 KB" in note  # 200 KB of brackets: not even parsed
    assert not path.exists() and (tmp_path / "preferences.json.broken").exists()
    assert Preferences.load_noting(path) == (Preferences(), "")  # the next start is quiet
    _hostile(path, 20_000)  # 40 KB, past what the JSON reader nests
    assert "it is nested too deep" in Preferences.load_noting(path)[1]


def test_a_huge_file_or_a_huge_time_zone_is_not_read(tmp_path):
    path = tmp_path / "preferences.json"
    path.write_text('{"time_zone": "' + "x" * 5000 + '", "page_size": 300}', encoding="utf-8")
    assert Preferences.load(path) == Preferences(page_size=300)  # the zone kept its default
    path.write_text(" " * 100_000 + "{}", encoding="utf-8")
    assert "larger than 64 KB" in Preferences.load_noting(path)[1]


def test_the_window_starts_over_a_broken_preferences_file_and_says_so(
    qtbot, fresh_store, tmp_path, monkeypatch
):
    from PySide6.QtCore import QSettings

    from eventdesk import paths
    from eventdesk.ui.app import show_window

    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setattr(paths, "data_dir", lambda: data)
    _hostile(data / "preferences.json")
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)

    window = show_window(fresh_store, settings)
    qtbot.addWidget(window)

    assert window.isVisible()
    message = window.statusBar().currentMessage()
    assert message.startswith(f"Your preferences file {data / 'preferences.json'} was set aside")
    assert window.preferences == Preferences()


def test_the_office_chooses_the_script_of_its_chinese_documents(qtbot, main_window, tmp_path):
    """Edit › Preferences › Chinese script: kept in the database, so the preview and the
    command line of every PC print the Chinese release in it."""
    from eventdesk.summary import write_summary
    from tests.summary.conftest import read_back

    store = main_window.store
    dialog = PreferencesDialog(main_window.preferences, main_window, store=store)
    qtbot.addWidget(dialog)
    assert dialog.chinese_script.currentData() == "zh-Hans"
    assert not dialog.convert_names.isChecked()
    dialog.chinese_script.setCurrentIndex(dialog.chinese_script.findData("zh-Hant"))
    dialog.convert_names.setChecked(True)
    main_window.set_chinese_script(*dialog.script_choice())
    assert (store.office.chinese_script(), store.office.convert_names()) == ("zh-Hant", True)
    (row,) = store.meetings.list()
    out = tmp_path / "release.html"
    write_summary(store, row.id, "news", out, lang="zh")
    assert "上海理工大學" in read_back(out) and "上海理工大学" not in read_back(out)

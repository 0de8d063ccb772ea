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
    dialog = PreferencesDialog(main_window.preferences, main_window)
    qtbot.addWidget(dialog)
    dialog.our_organisation.setText("University of Shanghai for Science and Technology")
    dialog.page_size.setValue(300)
    main_window.apply_preferences(dialog.preferences())
    saved = Preferences.load(main_window.preferences_path)
    assert saved.page_size == 300
    assert saved.our_organisation == "University of Shanghai for Science and Technology"

"""A dialog for :class:`Preferences`: edits a copy, hands it back on OK."""

from __future__ import annotations

from dataclasses import replace
from zoneinfo import available_timezones

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from eventdesk.store import EventStore, StoreError
from eventdesk.ui.preferences import Preferences


class PreferencesDialog(QDialog):
    def __init__(
        self,
        preferences: Preferences,
        parent: QWidget | None = None,
        *,
        store: EventStore | None = None,
    ):
        """With ``store``, "our organisation" is picked from the database's organisations."""
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self._original = preferences
        self._store = store
        self.organisation = None
        if store is not None:
            # (imported here: the meeting editor's package imports this dialog's window)
            from eventdesk.ui.meeting_editor.create_in_place import install_creators
            from eventdesk.ui.meeting_editor.finder import RecordPicker, organisation_source

            self.organisation = RecordPicker(
                organisation_source(store),
                lambda oid: _label(store, oid),
                "Type to find your university (or create it)",
            )
            self.organisation.set_value(store.organisations.ours())
            install_creators(self.organisation, store, None)
        self.chinese_script, self.convert_names = _script_choice(store)
        self.page_size = QSpinBox()
        self.page_size.setRange(20, 5000)
        self.page_size.setSingleStep(50)
        self.page_size.setValue(preferences.page_size)
        self.trash_days = QSpinBox()
        self.trash_days.setRange(0, 3650)
        self.trash_days.setSuffix(" days")
        self.trash_days.setSpecialValueText("never (until emptied)")
        self.trash_days.setValue(preferences.trash_days)
        self.our_organisation = QLineEdit(preferences.our_organisation)
        self.our_organisation.setPlaceholderText("The university this office belongs to")
        self.time_zone = time_zone_box(preferences.time_zone)
        self.day_first = QCheckBox("02/04/2019 is 2 April (day first); unticked: 4 February")
        self.day_first.setChecked(preferences.day_first)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        if self.organisation is not None:  # the real organisation, kept by id in the database
            self.our_organisation.hide()
            form.addRow("&Our organisation", self.organisation)
        else:
            form.addRow("&Our organisation", self.our_organisation)
        form.addRow("&Rows per page in lists", self.page_size)
        form.addRow("Remove from the &trash after", self.trash_days)
        form.addRow("&Dates", self.day_first)
        form.addRow("Time &zone of calendars", self.time_zone)
        if store is not None:  # the office's, kept in the database: every PC prints alike
            form.addRow("&Chinese script", self.chinese_script)
            form.addRow("", self.convert_names)
        if store is not None and store.read_only:  # shown as kept, not offered to change
            from eventdesk.ui.read_only_bar import why_read_only

            for kept in (self.organisation, self.chinese_script, self.convert_names):
                if kept is not None:
                    kept.setEnabled(False)
                    kept.setToolTip(why_read_only(store))
        form.addRow(buttons)

    def script_choice(self) -> tuple[str, bool]:
        """The Chinese script of the office's documents, and whether names follow it."""
        return self.chinese_script.currentData(), self.convert_names.isChecked()

    def our_organisation_id(self) -> int | None:
        return self.organisation.value() if self.organisation is not None else None

    def preferences(self) -> Preferences:
        name = self.our_organisation.text().strip()
        if self.organisation is not None and self._store is not None:
            chosen = self.organisation.value()
            name = self._store.organisations.get(chosen).label if chosen is not None else ""
        return replace(
            self._original,
            page_size=self.page_size.value(),
            our_organisation=name,
            trash_days=self.trash_days.value(),
            day_first=self.day_first.isChecked(),
            time_zone=self.time_zone.currentData() or "",
        )


def _script_choice(store: EventStore | None) -> tuple[QComboBox, QCheckBox]:
    """The script Chinese documents print in, and the box that lets names follow it."""
    from eventdesk.summary.script import LABELS  # the summary's names for its scripts

    box = QComboBox()
    for script, label in LABELS.items():
        box.addItem(label, script)
    box.setToolTip(
        "Chinese releases and minutes print every text and heading in this script, "
        "whichever script each was typed in"
    )
    names = QCheckBox("Convert people's names too")
    names.setToolTip(
        "Unticked, a person's Chinese name prints as it was recorded (張家輝 stays 張家輝 "
        "in a simplified document): a name has no dictionary form to convert by"
    )
    if store is not None:
        box.setCurrentIndex(max(0, box.findData(store.office.chinese_script())))
        names.setChecked(store.office.convert_names())
    return box, names


def time_zone_box(chosen: str) -> QComboBox:
    """The computer's zone, then every IANA zone by name; typing "Hong" jumps to Asia/Hong_Kong.

    A list rather than a text field: a calendar exported with a misspelt zone
    would be refused, and the clerk would only find out then.
    """
    box = QComboBox()
    box.addItem(f"The computer's ({_computer_zone()})", "")
    for name in sorted(available_timezones()):
        if "/" in name and not name.startswith(("Etc/", "SystemV/", "US/")):
            box.addItem(name.replace("_", " "), name)
    if chosen and box.findData(chosen) < 0:  # set by hand in preferences.json: kept
        box.addItem(chosen, chosen)
    box.setCurrentIndex(max(0, box.findData(chosen)))
    box.setToolTip("Timed meetings go to calendars at this zone's clock (File › Add to calendar)")
    return box


def _computer_zone() -> str:
    from eventdesk.spreadsheets.errors import SpreadsheetError
    from eventdesk.spreadsheets.ics import office_zone  # the zone an export would use

    try:
        return office_zone("").key
    except SpreadsheetError:  # the computer names a zone this Python does not know
        return "unknown"


def _label(store: EventStore, org_id: int | None) -> str:
    """The organisation's name; nothing if it is gone (or the database closed meanwhile)."""
    if org_id is None:
        return ""
    try:
        return store.organisations.get(org_id).label
    except StoreError:
        return ""

"""A dialog for :class:`Preferences`: edits a copy, hands it back on OK."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from eventdesk.ui.preferences import Preferences


class PreferencesDialog(QDialog):
    def __init__(self, preferences: Preferences, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self._original = preferences
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
        self.day_first = QCheckBox("02/04/2019 is 2 April (day first); unticked: 4 February")
        self.day_first.setChecked(preferences.day_first)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("&Our organisation", self.our_organisation)
        form.addRow("&Rows per page in lists", self.page_size)
        form.addRow("Remove from the &trash after", self.trash_days)
        form.addRow("&Dates", self.day_first)
        form.addRow(buttons)

    def preferences(self) -> Preferences:
        return replace(
            self._original,
            page_size=self.page_size.value(),
            our_organisation=self.our_organisation.text().strip(),
            trash_days=self.trash_days.value(),
            day_first=self.day_first.isChecked(),
        )

"""Exporting a list as the window shows it: its columns, and every row, loaded or not."""

from __future__ import annotations

import csv

from openpyxl import load_workbook
from PySide6.QtWidgets import QTableView

from eventdesk.ui.models import OrganisationsModel, PeopleModel
from eventdesk.ui.table_export import export_model


def test_every_row_of_a_lazy_list_goes_to_xlsx(qtbot, sample_store, tmp_path):
    model = PeopleModel(sample_store, page_size=3)
    model.reload()
    assert model.rowCount() == 3 < sample_store.people.count()

    path = export_model(model, None, tmp_path / "people.xlsx")

    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert rows[0] == PeopleModel.HEADERS
    assert len(rows) == 1 + sample_store.people.count()
    assert next(r for r in rows if r[0] == "DING Xiaodong")[:3] == (
        "DING Xiaodong",
        "丁晓东",
        "President",
    )


def test_hidden_and_moved_columns_are_exported_as_seen(qtbot, sample_store, tmp_path):
    model = OrganisationsModel(sample_store)
    model.reload()
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.setColumnHidden(OrganisationsModel.CITY, True)
    view.horizontalHeader().moveSection(OrganisationsModel.SHORT_NAME, 0)

    path = export_model(model, view, tmp_path / "organisations.csv", view=view)

    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["Short name", "Name", "Chinese name", "Kind", "Meetings"]
    assert ["USST", "University of Shanghai for Science and Technology", "上海理工大学"] in [
        r[:3] for r in rows
    ]
    assert len(rows) == 1 + sample_store.organisations.count()


def test_a_file_that_cannot_be_written_is_explained(qtbot, sample_store, tmp_path, monkeypatch):
    told: list[str] = []
    monkeypatch.setattr(
        "eventdesk.ui.table_export.QMessageBox.warning",
        lambda parent, title, text: told.append(text),
    )
    model = PeopleModel(sample_store)
    model.reload()
    assert export_model(model, None, tmp_path / "missing" / "people.xlsx") is None
    assert told and "Cannot write" in told[0]

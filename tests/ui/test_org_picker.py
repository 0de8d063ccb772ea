"""The organisation picker: filled when shown, and a choice beyond the first matches stays."""

from __future__ import annotations

from eventdesk.records import Organisation
from eventdesk.ui.org_picker import MATCHES_SHOWN, OrganisationPicker


def test_a_chosen_organisation_past_the_first_matches_stays_chosen(qtbot, fresh_store):
    for n in range(MATCHES_SHOWN + 10):
        fresh_store.organisations.save(Organisation(f"Academy {n:03}"))
    last = fresh_store.organisations.save(Organisation("Zhejiang University", short_name="ZJU"))
    picker = OrganisationPicker(fresh_store)
    qtbot.addWidget(picker)
    assert picker.count() == 0  # nothing queried while hidden

    picker.set_organisation_id(last.id)
    picker.show()
    qtbot.waitExposed(picker)

    assert picker.count() == MATCHES_SHOWN + 1
    assert picker.organisation_id() == last.id
    assert picker.currentText() == "Zhejiang University (ZJU)"

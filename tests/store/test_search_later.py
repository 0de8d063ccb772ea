"""A rename that touches many meetings can leave their search documents to a worker."""

from __future__ import annotations

from eventdesk.store import core


def _titles(store, text):
    return {r.title for r in store.meetings.search(text)}


def test_a_busy_rename_commits_first_and_is_searchable_after_the_refresh(
    busy_org_store, monkeypatch
):
    store = busy_org_store
    monkeypatch.setattr(core, "SEARCH_NOW", 5)
    org = store.organisations.get(store.busy_org_id)
    org.name = "Universitas Novissima"
    store.organisations.save(org, search_later=True)

    assert store.organisations.get(org.id).name == "Universitas Novissima"  # saved at once
    assert store.search.pending() == 30  # its 30 meetings (the trashed one gets no document)
    assert not _titles(store, "Novissima")  # not yet: the documents wait
    steps = []
    assert store.search.refresh(batch=10, progress=lambda d, t: steps.append((d, t))) == 30
    assert steps == [(10, 30), (20, 30), (30, 30)]
    assert store.search.pending() == 0
    assert len(_titles(store, "Novissima")) == 29
    assert not _titles(store, "Our University")
    assert store.files.check() == []


def test_a_small_rename_is_searchable_at_once(busy_org_store):
    store = busy_org_store
    org = store.organisations.get(store.partner_id)
    org.name = "Collegium Amicum"
    store.organisations.save(org, search_later=True)  # under SEARCH_NOW meetings: done inline
    assert store.search.pending() == 0
    assert "Meeting 27" in _titles(store, "Amicum")

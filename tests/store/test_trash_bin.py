"""The trash lists labels a page at a time, and emptying it removes records for good, on both
engines (``engine_sample_store``: ids ``[sqlite]``, ``[postgresql]``)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from eventdesk.records import Organisation, Person


def _ids(store, table):
    return {r[0] for r in store.connection.execute(f"SELECT id FROM {table}")}


def test_trash_labels_come_by_page_newest_first(engine_sample_store):
    store = engine_sample_store
    (meeting,) = store.meetings.list()
    loner = store.people.save(Person("Zhou", "Enlai"))
    club = store.organisations.save(Organisation("", name_zh="俱乐部"))
    tables = {"meeting": "meetings", "person": "people", "organisation": "organisations"}
    for day, (kind, rid) in enumerate(
        (("person", loner.id), ("meeting", meeting.id), ("organisation", club.id)), start=1
    ):
        store.trash.put(kind, rid)
        store.connection.execute(  # a day apart, so the order is certain
            f"UPDATE {tables[kind]} SET deleted_at = ? WHERE id = ?",
            [f"2026-11-0{day}T10:00:00+00:00", rid],
        )
    rows = store.trash.page()
    assert [(r.kind, r.label) for r in rows] == [
        ("organisation", "俱乐部"),
        ("meeting", f"{meeting.start_date}  {meeting.title}"),
        ("person", "ZHOU Enlai"),
    ]
    assert store.trash.count() == 3
    assert store.trash.page(limit=1, offset=1) == rows[1:2]


def test_emptying_removes_the_meeting_its_parts_and_its_search_document(engine_sample_store):
    store = engine_sample_store
    (row,) = store.meetings.list()
    assert store.meetings.search("Shanghai")
    store.trash.put("meeting", row.id)
    emptied = store.trash.empty()
    assert emptied.removed == 1 and emptied.kept == 0
    for table in ("meetings", "sessions", "attendances", "presentations", "decisions", "files"):
        assert _ids(store, table) == set(), table
    assert store.connection.execute("SELECT count(*) AS n FROM meeting_search").scalar() == 0
    assert store.trash.count() == 0


def test_emptying_a_file_takes_the_meeting_s_drafts_and_search_keys_too(sample_store):
    store = sample_store
    (row,) = store.meetings.list()
    meeting = store.meetings.get(row.id)
    store.drafts.save("meeting", row.id, meeting.title, {"title": "half typed"})
    store.trash.put("meeting", row.id)
    store.trash.empty()
    assert store.db.execute("SELECT count(*) FROM search_keys").fetchone()[0] == 0
    assert store.drafts.pending() == []
    assert store.files.check() == []


def test_people_and_organisations_still_named_stay(engine_sample_store):
    store = engine_sample_store
    (row,) = store.meetings.list()
    attendee = store.meetings.get(row.id).attendees[0].person_id
    loner = store.people.save(Person("Zhou", "Enlai"))
    alliance = store.organisations.save(Organisation("Old Alliance", kind="alliance"))
    member = store.organisations.save(Organisation("Member College"))
    alliance.member_ids = [member.id]
    store.organisations.save(alliance)
    for kind, rid in (("person", attendee), ("person", loner.id), ("organisation", alliance.id)):
        store.trash.put(kind, rid)
    emptied = store.trash.empty()
    assert (emptied.removed, emptied.kept) == (2, 1)
    assert attendee in _ids(store, "people")  # the live meeting still names them
    assert loner.id not in _ids(store, "people")
    assert alliance.id not in _ids(store, "organisations")  # went with its member list
    assert member.id in _ids(store, "organisations")
    assert [(r.kind, r.id) for r in store.trash.page()] == [("person", attendee)]


def test_only_what_was_trashed_before_the_cutoff_goes(engine_store):
    store = engine_store
    old = store.people.save(Person("Old", "One"))
    new = store.people.save(Person("New", "One"))
    store.trash.put("person", old.id)
    store.trash.put("person", new.id)
    store.connection.execute(
        "UPDATE people SET deleted_at = ? WHERE id = ?",
        [(datetime.now(UTC) - timedelta(days=31)).isoformat(timespec="seconds"), old.id],
    )
    emptied = store.trash.empty(trashed_before=datetime.now(UTC) - timedelta(days=30))
    assert emptied.removed == 1
    assert [r.id for r in store.trash.page()] == [new.id]

"""A signed document's short name (``Decision.document``): saved, exported, imported, migrated.

A signing's decision holds the document's full name or what it provides for in
``text``; the release names the document by its short name ("a new cooperation
agreement", 《合作协议》). Files and databases from before the field read it as empty.
"""

from __future__ import annotations

import json
from datetime import date

from sqlite_utils import Database

from eventdesk.records import Decision, DecisionKind, DecisionParty, Meeting, Organisation
from eventdesk.store import EventStore
from eventdesk.store.interchange import import_file
from eventdesk.store.migrations import MIGRATIONS, m014_signed_document

FULL = "New round of cooperation agreement between the two universities, for closer research"


def _signing(store: EventStore) -> int:
    usst = store.organisations.save(
        Organisation("University of Shanghai for Science and Technology")
    )
    meeting = Meeting("Signing with Auckland", date(2025, 9, 8))
    meeting.decisions = [
        Decision(
            FULL,
            text_zh="两校新一轮合作协议，加强科研合作",
            document="a new cooperation agreement",
            document_zh="新一轮合作协议",
            kind=DecisionKind.AGREEMENT,
            parties=[DecisionParty(organisation_id=usst.id)],
        )
    ]
    return store.meetings.save(meeting).id


def test_the_short_name_is_saved_and_read_back(fresh_store):
    meeting = fresh_store.meetings.get(_signing(fresh_store))
    (decision,) = meeting.decisions
    assert (decision.document, decision.document_zh) == (
        "a new cooperation agreement",
        "新一轮合作协议",
    )
    assert decision.text == FULL


def test_the_short_name_travels_in_the_interchange_format(fresh_store, tmp_path):
    exported = fresh_store.interchange.export_json(_signing(fresh_store))
    (decision,) = json.loads(exported)["meetings"][0]["decisions"]
    assert decision["document"] == "a new cooperation agreement"
    assert decision["document_zh"] == "新一轮合作协议"
    path = tmp_path / "signing.json"
    path.write_text(exported, encoding="utf-8")
    with EventStore.open(tmp_path / "other.sqlite3") as other:
        import_file(other, path)
        (row,) = other.meetings.list()
        assert other.meetings.get(row.id).decisions[0].document_zh == "新一轮合作协议"


def test_a_file_written_before_the_field_reads_it_as_empty(fresh_store, tmp_path):
    data = json.loads(fresh_store.interchange.export_json(_signing(fresh_store)))
    for d in data["meetings"][0]["decisions"]:
        del d["document"], d["document_zh"]
    path = tmp_path / "older.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with EventStore.open(tmp_path / "other.sqlite3") as other:
        import_file(other, path)
        (row,) = other.meetings.list()
        (decision,) = other.meetings.get(row.id).decisions
    assert (decision.text, decision.document, decision.document_zh) == (FULL, "", "")


def test_a_database_from_before_the_migration_keeps_its_decisions(tmp_path):
    """A file as the version before this migration left it (the columns not there yet, the
    version number whatever later migrations make it) opens with its decisions whole."""
    before = MIGRATIONS.index(m014_signed_document)  # the version just before it
    path = tmp_path / "older.sqlite3"
    with EventStore.open(path) as store:
        meeting_id = _signing(store)
    db = Database(path)
    db.execute("ALTER TABLE decisions DROP COLUMN document")
    db.execute("ALTER TABLE decisions DROP COLUMN document_zh")
    db.execute(f"PRAGMA user_version = {before}")
    db.close()
    with EventStore.open(path) as store:
        (decision,) = store.meetings.get(meeting_id).decisions
        assert (decision.text, decision.document, decision.document_zh) == (FULL, "", "")
        assert {"document", "document_zh"} <= set(store.db["decisions"].columns_dict)


def test_the_migration_can_run_twice(fresh_store):
    """A test of a later migration sets the version back: this one then runs again."""
    m014_signed_document(fresh_store.db)
    assert "document" in fresh_store.db["decisions"].columns_dict

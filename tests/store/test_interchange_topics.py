"""Topics discussed in the interchange format: kind "discussion", written and read back.

Given a visit whose only record of substance is the topics the two sides
discussed, when it is imported, exported and imported again, then the topics
are decisions of kind ``discussion`` both times, and the exported document
follows the published schema. A topic given an owner is refused by name.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from eventdesk.records import DecisionKind
from eventdesk.store import EventStore, ImportRefused
from eventdesk.store.interchange import export_meeting, import_document, load_schema

VISIT = Path(__file__).parents[1] / "summary" / "data" / "visiting.json"


def _topics(store: EventStore) -> list[tuple[str, str]]:
    (row,) = store.meetings.list()
    meeting = store.meetings.get(row.id)
    return [(d.text, d.text_zh) for d in meeting.decisions if d.kind is DecisionKind.DISCUSSION]


def test_topics_round_trip_and_follow_the_schema(fresh_store, tmp_path):
    import_document(fresh_store, json.loads(VISIT.read_text(encoding="utf-8")))
    topics = _topics(fresh_store)
    assert topics[0] == ("Annual enrolment of exchange students", "交换生年度招收")
    assert len(topics) == 3
    (row,) = fresh_store.meetings.list()
    exported = export_meeting(fresh_store, row.id)
    assert list(Draft202012Validator(load_schema()).iter_errors(exported)) == []
    assert [d["kind"] for d in exported["meetings"][0]["decisions"]] == ["discussion"] * 3
    with EventStore.open(tmp_path / "other.sqlite3") as other:
        import_document(other, exported)
        assert _topics(other) == topics


def test_a_topic_with_an_owner_is_refused_by_name(fresh_store):
    doc = json.loads(VISIT.read_text(encoding="utf-8"))
    bad = copy.deepcopy(doc)
    bad["meetings"][0]["decisions"][0]["owner"] = "p-ding"
    with pytest.raises(ImportRefused) as refused:  # checked before anything is written
        import_document(fresh_store, bad)
    assert "nothing was changed" in str(refused.value)
    assert "decision 1: owner: a topic discussed has none; make it an action item" in str(
        refused.value
    )
    assert fresh_store.meetings.list() == []

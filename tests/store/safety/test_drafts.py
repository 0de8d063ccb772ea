"""Unsaved edits survive a crash: the draft is in the file until saved or discarded."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from eventdesk.records.serialise import meeting_from_data, to_data
from eventdesk.store import EventStore


def test_a_meeting_survives_the_trip_through_a_draft(sample_store, sample_meeting):
    meeting = sample_store.meetings.get(sample_meeting.id, with_file_data=True)
    assert meeting_from_data(to_data(meeting)) == meeting


def test_a_draft_written_before_a_crash_is_offered_at_the_next_start(
    sample_store, sample_meeting, db_path
):
    sample_store.close()
    crash = textwrap.dedent(
        f"""
        import os
        from eventdesk.records.serialise import to_data
        from eventdesk.store import EventStore
        store = EventStore.open({str(db_path)!r})
        meeting = store.meetings.get({sample_meeting.id})
        meeting.title = "Typed but never saved"
        store.drafts.save("meeting", meeting.id, meeting.title, to_data(meeting))
        os._exit(9)  # dies without closing anything
        """
    )
    assert subprocess.run([sys.executable, "-c", crash], check=False).returncode == 9

    with EventStore.open(db_path) as store:  # the dead process's lock is recovered
        (draft,) = store.drafts.pending()
        assert (draft.kind, draft.record_id) == ("meeting", sample_meeting.id)
        recovered = meeting_from_data(draft.payload)
        assert recovered.title == "Typed but never saved"
        assert store.meetings.get(sample_meeting.id).title != recovered.title
        store.meetings.save(recovered)
        store.drafts.discard("meeting", sample_meeting.id)
        assert store.drafts.pending() == []
        assert store.meetings.get(sample_meeting.id).title == "Typed but never saved"


def test_one_draft_per_record(fresh_store: EventStore):
    fresh_store.drafts.save("meeting", None, "first", {"title": "first"})
    fresh_store.drafts.save("meeting", None, "second", {"title": "second"})
    assert [d.title for d in fresh_store.drafts.pending()] == ["second"]

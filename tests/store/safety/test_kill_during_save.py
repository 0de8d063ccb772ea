"""A clerk's EventDesk killed in the middle of saving a large meeting (issue 23, item 9).

A second process (another clerk's PC) saves the 200-attendee meeting, every attendee's
title and the meeting's title changed, and is killed (``Popen.kill``: what a crash or a
power cut leaves) at chosen points of the save: its version claimed, half of the attendees
written, its line of history written, its search document rebuilt just before the commit,
and after the commit. Then, on a file and on a team database alike, the meeting is wholly
the old one or wholly the new one, its search document and history agree with it, and
nothing the dead process held stops another clerk: the record can be saved at once (no row
lock left on the server, no file lock left), and its editing mark, which says who had
unsaved edits, is no longer shown once stale and is swept by the next mark.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from tests.store.safety.faults import kill_when_paused

from eventdesk.records import Attendance, Meeting, Person
from eventdesk.store import EventStore, MeetingFilter, editing

ATTENDEES = 200
OLD, NEW = "Annual meeting", "Annual meeting renamed"

SAVE_UNTIL = """
from eventdesk.store import EventStore, search_index, versions

address, meeting_id, point = sys.argv[1], int(sys.argv[2]), sys.argv[3]
store = EventStore.open(address)
store.editing.start("meeting", meeting_id)  # the first edit marks it, as the editor does
meeting = store.meetings.get(meeting_id)
meeting.title = "Annual meeting renamed"
for attendance in meeting.attendees:
    attendance.title = "Vice President"

def after(module, name, pause_if=lambda *a: True):
    step = getattr(module, name)
    def paused(*args, **kwargs):
        result = step(*args, **kwargs)
        if pause_if(*args):
            pause()
        return result
    setattr(module, name, paused)

if point == "claimed":
    after(versions, "claim")
elif point == "halfway":
    written = []
    def half(sql, *args):
        written.append(sql.startswith("UPDATE attendances"))
        return sum(written) == 100
    after(store.connection, "execute", half)
elif point == "history":
    after(versions.history, "write")
elif point == "search":
    if store.connection.engine == "sqlite":
        after(search_index, "refresh")
    else:
        after(store, "_rebuild_search_documents")
store.meetings.save(meeting)
pause()  # "committed": saved, and then the PC died
"""

POINTS = ["claimed", "halfway", "history", "search", "committed"]


def _large_meeting(address: str) -> int:
    with EventStore.open(address) as store, store.transaction():
        people = [store.people.save(Person(f"Guest{n}", "Number")) for n in range(ATTENDEES)]
        meeting = Meeting(OLD, date(2021, 12, 22), venue="Online")
        meeting.attendees = [Attendance(p.id, title="Observer") for p in people]
        return store.meetings.save(meeting).id


@pytest.mark.parametrize("point", POINTS)
def test_a_save_killed_midway_leaves_all_or_nothing(engine_address, point, monkeypatch):
    meeting_id = _large_meeting(engine_address)
    kill_when_paused(SAVE_UNTIL, engine_address, meeting_id, point)

    landed = point == "committed"
    with EventStore.open(engine_address) as store:  # the file's lock is free again at once
        kept = store.meetings.get(meeting_id)
        titles = {attendance.title for attendance in kept.attendees}
        assert (kept.title, kept.version, len(kept.attendees)) == (
            NEW if landed else OLD,
            2 if landed else 1,
            ATTENDEES,
        )
        assert titles == {"Vice President" if landed else "Observer"}
        found = [row.id for row in store.meetings.list(MeetingFilter(text="renamed"))]
        assert found == ([meeting_id] if landed else [])
        assert [row.id for row in store.meetings.list(MeetingFilter(text="annual"))] == [meeting_id]
        assert [c.version for c in store.history.of("meeting", meeting_id)] == (
            [2, 1] if landed else [1]
        )
        if store.connection.engine == "sqlite":
            assert store.files.check() == []

        # Another clerk: the dead PC's mark says it was editing, until it goes stale.
        conn = store.connection
        assert [m.who for m in editing.others(conn, "meeting", meeting_id, "liwei", "PC-2")]
        later = editing._now() + editing.STALE + timedelta(seconds=1)
        monkeypatch.setattr(editing, "_now", lambda: later)
        assert editing.others(conn, "meeting", meeting_id, "liwei", "PC-2") == []
        editing.start(conn, "meeting", meeting_id, "liwei", "PC-2")  # sweeps the stale mark
        assert conn.execute("SELECT count(*) AS n FROM editing").scalar() == 1
        monkeypatch.undo()

        # ...and saves the meeting at once: no lock of the dead save is left.
        if conn.engine == "postgresql":
            conn.execute("SET lock_timeout = '5s'")  # a lock still held fails, never hangs
        kept.venue = "Hong Kong"
        assert store.meetings.save(kept).version == (3 if landed else 2)

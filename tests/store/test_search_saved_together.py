"""Records saved together in one transaction (an import's) are all found, on both engines.

A team database rebuilds the search words of everything a transaction saved before it commits,
each table's records together in batches (``postgres_search.rebuild_due``); a file's triggers
mark them and the store rebuilds them at the end. Either way the lists and the meetings' search
find every record saved, and nothing trashed in the same transaction (issue 23, item 10).
"""

from __future__ import annotations

from datetime import date

from eventdesk.records import Attendance, Meeting, Organisation, Person
from eventdesk.store.engines import postgres_search
from eventdesk.store.queries import MeetingFilter


def test_people_and_meetings_saved_together_are_all_found_and_counted(engine_store, monkeypatch):
    monkeypatch.setattr(postgres_search, "BATCH", 7)  # a few records cross several batches
    store = engine_store
    harbour = store.organisations.save(Organisation("Harbour University", name_zh="海港大學"))
    people = [Person(f"Zhuang{n}", "Wei", organisation_id=harbour.id) for n in range(30)]
    ids = store.people.add_all(people)  # an attendee list's new people, in one transaction
    with store.transaction():  # an import's meetings
        meetings = [
            store.meetings.write(
                Meeting(
                    f"Harbour talks {n}",
                    date(2024, 1, 1 + n),
                    attendees=[Attendance(person_id=ids[n], organisation_id=harbour.id)],
                )
            )
            for n in range(20)
        ]
        store.trash.put("meeting", meetings[3])
    assert store.people.count("zhuang") == 30
    assert [row.id for row in store.people.list("zhuang17")] == [ids[17]]
    assert [row.id for row in store.people.list("zhuang29")] == [ids[29]]
    assert store.meetings.count(MeetingFilter(text="harbour")) == 19
    assert store.meetings.count(MeetingFilter(text="海港")) == 19  # 海港大學, simplified
    assert [row.id for row in store.meetings.search("zhuang12")] == [meetings[12]]
    assert store.meetings.search("zhuang3") == []  # his only meeting went to the trash
    newest_first = [row.id for row in store.meetings.search("talks")]
    assert newest_first == [m for m in reversed(meetings) if m != meetings[3]]

"""Clerks at once (issue 23, items 4 and 5): every save counts a version, a save loaded at an
older one is refused with nothing written, and each save keeps its line of history.

Given a meeting, person or organisation two clerks loaded at the same version, when the first
saves and then the second, the second gets a ``Conflict`` naming who saved and when, and the
stored record is the first clerk's, untouched; two clerks saving different meetings both keep
their work. Each save's history names the fields it changed with their old and new values, a
list of parts as what was added, removed and changed. Run on a file and on a team database.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from tests.store.conftest import who_saves

from eventdesk.records import (
    Attendance,
    CourseEntry,
    Meeting,
    MeetingFile,
    Organisation,
    Person,
    Presentation,
    Session,
)
from eventdesk.store import EventStore
from eventdesk.store.errors import Conflict


def _meeting(store: EventStore, title: str = "SHUA annual meeting 2021") -> Meeting:
    ding = store.people.save(Person("Ding", "Xiaodong"))
    meeting = Meeting(title, date(2021, 12, 22), venue="Online")
    meeting.attendees = [Attendance(ding.id, title="President")]
    return store.meetings.save(meeting)


def _history_rows(store: EventStore, kind: str, record_id: int) -> list[dict]:
    return store.connection.execute(
        "SELECT version, changed_by, action, fields, changes FROM history "
        "WHERE record_type = ? AND record_id = ? ORDER BY id",
        [kind, record_id],
    ).dicts()


def test_every_save_counts_a_version_and_names_who_saved(opened):
    store = opened()
    meeting = _meeting(store)
    assert (meeting.version, meeting.updated_by) == (1, who_saves(store))
    meeting.venue = "Zoom"
    assert store.meetings.save(meeting).version == 2
    again = store.meetings.get(meeting.id)
    assert store.meetings.save(again).version == 3  # a save that changes nothing counts too
    person = store.people.save(Person("Li", "Wei"))
    person.title = "Director"
    assert (person.version, store.people.save(person).version) == (1, 2)
    org = store.organisations.save(Organisation("Lingnan University"))
    assert org.version == 1 and org.updated_by == who_saves(store)


def test_a_meeting_saved_by_another_clerk_since_it_was_opened_is_refused_whole(opened):
    first, second = opened(), opened()
    meeting_id = _meeting(first).id
    mine, theirs = first.meetings.get(meeting_id), second.meetings.get(meeting_id)
    theirs.title = "SHUA 2021 (theirs)"
    second.meetings.save(theirs)
    mine.venue = "Shanghai"
    mine.attendees[0].title = "Former president"
    mine.attendees.append(Attendance(first.people.save(Person("Wai", "Alexander")).id))
    with pytest.raises(Conflict) as refused:
        first.meetings.save(mine)
    assert refused.value.who == who_saves(second)
    assert refused.value.version == 2
    assert refused.value.when is not None
    message = str(refused.value)
    assert message.startswith(f"{who_saves(second)} saved this meeting at ")
    assert "after you opened it" in message
    stored = first.meetings.get(meeting_id)
    assert (stored.title, stored.venue, stored.version) == ("SHUA 2021 (theirs)", "Online", 2)
    assert [a.title for a in stored.attendees] == ["President"]  # no part of mine written
    assert [r["action"] for r in _history_rows(first, "meeting", meeting_id)] == [
        "created",
        "changed",
    ]


def test_reloaded_at_the_new_version_the_same_edit_saves(opened):
    store = opened()
    meeting = _meeting(store)
    stale = store.meetings.get(meeting.id)
    meeting.venue = "Zoom"
    store.meetings.save(meeting)
    with pytest.raises(Conflict):
        store.meetings.save(stale)
    fresh = store.meetings.get(meeting.id)
    fresh.title = "Renamed"
    assert store.meetings.save(fresh).version == 3


def test_two_clerks_saving_different_meetings_both_keep_their_work(opened):
    first, second = opened(), opened()
    one, two = _meeting(first, "Meeting one").id, _meeting(first, "Meeting two").id
    mine, theirs = first.meetings.get(one), second.meetings.get(two)
    mine.venue, theirs.venue = "Macao", "Taipei"
    first.meetings.save(mine)
    second.meetings.save(theirs)
    assert first.meetings.get(one).venue == "Macao"
    assert first.meetings.get(two).venue == "Taipei"


@pytest.mark.parametrize("kind", ["person", "organisation"])
def test_a_person_or_organisation_saved_since_it_was_opened_is_refused(opened, kind):
    first, second = opened(), opened()
    records = {"person": first.people, "organisation": first.organisations}[kind]
    others = {"person": second.people, "organisation": second.organisations}[kind]
    made = Person("Li", "Wei") if kind == "person" else Organisation("Lingnan University")
    record_id = records.save(made).id
    mine, theirs = records.get(record_id), others.get(record_id)
    theirs.notes = "theirs"
    others.save(theirs)
    mine.notes = "mine"
    with pytest.raises(Conflict, match=f"saved this {kind} at .*after you opened it"):
        records.save(mine)
    assert records.get(record_id).notes == "theirs"


def test_history_names_the_fields_a_save_changed_with_old_and_new(opened):
    store = opened()
    meeting = _meeting(store)
    others = [store.people.save(Person("Ma", "Xiaoting")), store.people.save(Person("Lai", "Tze"))]
    meeting.title = "SHUA 2021 annual meeting"
    meeting.title_zh = "沪港大学联盟2021年年会"
    meeting.attendees[0].title = "President, USST"
    meeting.attendees += [Attendance(p.id) for p in others]
    store.meetings.save(meeting)
    meeting = store.meetings.get(meeting.id)
    del meeting.attendees[1]  # Ma Xiaoting leaves again
    meeting.end_date = date(2021, 12, 23)
    store.meetings.save(meeting)

    created, changed, again = _history_rows(store, "meeting", meeting.id)
    assert (created["action"], created["version"], created["changed_by"]) == (
        "created",
        1,
        who_saves(store),
    )
    assert json.loads(changed["fields"]) == ["title", "title_zh", "attendees"]
    assert json.loads(changed["changes"]) == {
        "title": {"old": "SHUA annual meeting 2021", "new": "SHUA 2021 annual meeting"},
        "title_zh": {"old": "", "new": "沪港大学联盟2021年年会"},
        "attendees": {"added": 2, "changed": 1},
    }
    assert json.loads(again["changes"]) == {
        "end_date": {"old": None, "new": "2021-12-23"},
        "attendees": {"removed": 1},
    }
    assert again["version"] == 3

    lines = store.history.of("meeting", meeting.id)
    assert [c.version for c in lines] == [3, 2, 1]  # the newest first
    assert lines[0].described() == ["end_date: (empty) \u2192 2021-12-23", "attendees: \u22121"]
    assert lines[1].described() == [
        "title: 'SHUA annual meeting 2021' \u2192 'SHUA 2021 annual meeting'",
        "title_zh: (empty) \u2192 '沪港大学联盟2021年年会'",
        "attendees: +2, 1 changed",
    ]


def test_a_save_that_changed_nothing_keeps_no_line_and_a_refused_one_none(opened):
    store = opened()
    person = store.people.save(Person("Li", "Wei"))
    stale = store.people.get(person.id)
    store.people.save(person)  # nothing changed: version 2, no line
    stale.title = "Director"
    with pytest.raises(Conflict):
        store.people.save(stale)
    assert [c.action for c in store.history.of("person", person.id)] == ["created"]


def test_an_organisations_members_are_in_its_history(opened):
    store = opened()
    a, b = (store.organisations.save(Organisation(n)) for n in ("Fudan", "HKBU"))
    alliance = store.organisations.save(Organisation("SHUA", kind="alliance", member_ids=[a.id]))
    alliance.member_ids = [a.id, b.id]
    store.organisations.save(alliance)
    (latest, _) = store.history.of("organisation", alliance.id)
    assert latest.changes == {"member_ids": {"old": [a.id], "new": [a.id, b.id]}}


def test_an_attendee_list_s_new_people_each_have_a_first_version_and_line(opened):
    store = opened()
    ids = store.people.add_all([Person("Ding", "Xiaodong"), Person("Wai", "Alexander")])
    for person_id in ids:
        person = store.people.get(person_id)
        assert (person.version, person.updated_by) == (1, who_saves(store))
        assert [c.action for c in store.history.of("person", person_id)] == ["created"]


def test_a_file_from_before_versions_opens_and_its_records_save(fresh_store, db_path):
    """Rows saved before the migration keep an empty version (read as 0); the first save
    claims them from there."""
    from eventdesk.store.migrations import MIGRATIONS, m019_versions_and_history

    meeting = _meeting(fresh_store)
    db = fresh_store.db
    with db.atomic():
        for table in ("organisations", "people", "meetings"):
            db.execute(f"ALTER TABLE {table} DROP COLUMN version")
            db.execute(f"ALTER TABLE {table} DROP COLUMN updated_by")
        db.execute("DROP TABLE history")
        db.execute("DROP TABLE editing")
        db.execute(f"PRAGMA user_version = {MIGRATIONS.index(m019_versions_and_history)}")
    fresh_store.close()
    with EventStore.open(db_path) as store:
        old = store.meetings.get(meeting.id)
        assert (old.version, old.updated_by) == (0, "")
        old.venue = "Hong Kong"
        assert store.meetings.save(old).version == 1
        assert [c.changes for c in store.history.of("meeting", meeting.id)] == [
            {"venue": {"old": "Online", "new": "Hong Kong"}}
        ]


def _png() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 6), (30, 90, 160)).save(out, "PNG")
    return out.getvalue()


def test_edits_refused_are_kept_as_a_copy_with_every_part_of_their_own(opened):
    """ "Keep mine as a copy": a new meeting "… (copy by USER)" with the refused edits, its
    parts new (a course's uid is the database's), a talk still in its session, the photo's
    bytes read from the original; theirs untouched."""
    store = opened()
    meeting = _meeting(store)
    meeting.sessions = [Session("Council meeting")]
    meeting.presentations = [
        Presentation(title="Summer school", session_uid=meeting.sessions[0].uid)
    ]
    meeting.courses = [CourseEntry("Chinese culture")]
    meeting.files = [MeetingFile("group.png", media_type="image/png", data=_png())]
    meeting = store.meetings.save(meeting)
    mine = store.meetings.get(meeting.id)  # as an editor holds it: no photo bytes
    theirs = store.meetings.get(meeting.id)
    theirs.venue = "Their venue"
    store.meetings.save(theirs)
    mine.summary = "My summary of the council meeting"
    with pytest.raises(Conflict):
        store.meetings.save(mine)

    kept = store.meetings.save_copy(mine)
    assert kept.id != meeting.id
    assert kept.title == f"SHUA annual meeting 2021 (copy by {who_saves(store)})"
    assert (kept.summary, kept.venue, kept.version) == (mine.summary, "Online", 1)
    (session,) = kept.sessions
    assert session.uid != meeting.sessions[0].uid
    assert kept.presentations[0].session_uid == session.uid
    assert kept.courses[0].uid != meeting.courses[0].uid
    assert [a.person_id for a in kept.attendees] == [a.person_id for a in meeting.attendees]
    (photo,) = store.meetings.get(kept.id, with_file_data=True).files
    assert photo.data == _png()
    original = store.meetings.get(meeting.id, with_file_data=True)
    assert (original.title, original.venue, original.summary) == (meeting.title, "Their venue", "")
    assert original.files[0].data == _png() and len(original.courses) == 1


@pytest.mark.parametrize(
    ("made", "named"),
    [
        (lambda: Person("Li", "Wei"), "LI Wei (copy by {user})"),
        (
            lambda: Person("Wai", "Alexander", name_order="given_first"),
            "Alexander WAI (COPY BY {user})",
        ),
        (lambda: Organisation("Lingnan University"), "Lingnan University (copy by {user})"),
    ],
    ids=["family-first", "given-first", "organisation"],
)
def test_a_person_or_organisation_refused_is_kept_as_a_copy(opened, made, named):
    store, made = opened(), made()
    records = store.people if isinstance(made, Person) else store.organisations
    saved = records.save(made)
    mine = records.get(saved.id)
    records.save(records.get(saved.id))  # another clerk's save
    mine.notes = "mine"
    kept = records.save_copy(mine)
    shown = kept.display_name if isinstance(kept, Person) else kept.label
    user = who_saves(store)
    assert shown == named.format(user=user.upper() if "COPY" in named else user)
    assert kept.notes == "mine" and kept.id != saved.id and kept.uid != saved.uid


def test_the_trash_and_back_are_lines_of_history(opened):
    store = opened()
    meeting = _meeting(store)
    store.trash.put("meeting", meeting.id)
    store.trash.restore("meeting", meeting.id)
    lines = store.history.of("meeting", meeting.id)
    assert [(c.action, c.version, c.who) for c in lines] == [
        ("restored", 1, who_saves(store)),
        ("deleted", 1, who_saves(store)),
        ("created", 1, who_saves(store)),
    ]
    assert lines[0].described() == ["restored from the trash"]
    assert lines[1].line().endswith(f"  {who_saves(store)}  v1  moved to the trash")


def test_a_merge_and_its_undoing_are_lines_of_both_records(opened):
    """Merging two records of one person moves both on a version (a clerk who had either open
    is told, rather than undoing the merge by a save) and says what the duplicate filled in."""
    store = opened()
    kept = store.people.save(Person("Li", "Wei", email="liwei@example.edu"))
    duplicate = store.people.save(Person("Li", "Wei", phone="+853 8822 8833"))
    opened_before = store.people.get(kept.id)

    done = store.duplicates.merge("person", kept.id, duplicate.id)

    merged, _ = store.history.of("person", kept.id)
    assert (merged.action, merged.version, merged.who) == ("merged", 2, who_saves(store))
    assert merged.described() == [
        f"merged with person {duplicate.id}",
        "phone: (empty) \u2192 '+853 8822 8833'",
    ]
    assert store.history.of("person", duplicate.id)[0].described() == ["moved to the trash"]
    opened_before.notes = "typed before the merge"
    with pytest.raises(Conflict):
        store.people.save(opened_before)

    store.duplicates.unmerge(done)
    apart = store.history.of("person", kept.id)[0]
    assert apart.described() == [
        f"taken apart again from person {duplicate.id}",
        "phone: '+853 8822 8833' \u2192 (empty)",
    ]
    assert store.history.of("person", duplicate.id)[0].described() == ["restored from the trash"]
    assert store.people.get(kept.id).version == 3


@pytest.fixture
def failing_commit(monkeypatch):
    """Make the next outermost transaction fail at its end, after the record's save: where a
    team database's server going away cuts a save off (the search documents are rebuilt just
    before the commit, on both engines)."""
    from eventdesk.store import core

    def fail_once(store: EventStore) -> None:
        def cut_off(*args, **kwargs):
            monkeypatch.undo()
            raise ConnectionError("the server went away")

        monkeypatch.setattr(store, "_rebuild_search_documents", cut_off)
        monkeypatch.setattr(core.search_index, "refresh", cut_off)

    return fail_once


@pytest.mark.parametrize("kind", ["meeting", "person", "organisation", "course"])
def test_a_save_cut_off_at_its_commit_leaves_the_record_as_it_was_and_saves_again(
    opened, failing_commit, kind
):
    """The clerk's second try, once the server is back, saves the same record: no conflict
    naming the clerk's own login, and a new record is not taken for a stored one."""
    store = opened()
    service = {
        "meeting": store.meetings,
        "person": store.people,
        "organisation": store.organisations,
        "course": store.courses,
    }[kind]
    made = {
        "meeting": lambda: Meeting("SHUA annual meeting 2021", date(2021, 12, 22)),
        "person": lambda: Person("Ding", "Xiaodong"),
        "organisation": lambda: Organisation("Hong Kong Baptist University"),
        "course": lambda: CourseEntry("Chinese Medicine in Practice"),
    }[kind]
    new = made()
    failing_commit(store)
    with pytest.raises(ConnectionError):
        service.save(new)
    assert (new.id, new.version) == (None, 0)
    assert service.save(new).version == 1
    stored = service.get(new.id)
    stored_version = stored.version
    failing_commit(store)
    with pytest.raises(ConnectionError):
        service.save(stored)
    assert stored.version == stored_version
    assert service.save(stored).version == stored_version + 1
    assert len(store.connection.execute(f"SELECT id FROM {_table(kind)}").fetchall()) == 1


def _table(kind: str) -> str:
    return {"meeting": "meetings", "person": "people", "organisation": "organisations"}.get(
        kind, "courses"
    )

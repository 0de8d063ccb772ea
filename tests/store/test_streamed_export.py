"""The whole database written record by record: the same bytes, progress told, cancel clean."""

from __future__ import annotations

import json

import pytest

from eventdesk.records import CourseEntry, Organisation, OrganisationKind, Person
from eventdesk.store.interchange import dumps, export_database, import_document
from eventdesk.store.interchange.streaming import ExportCancelled, write_database


@pytest.fixture
def busy_store(sample_store):
    """The sample, and records outside any meeting: a loose course, an alliance, a trashed one."""
    org = sample_store.organisations.save(
        Organisation("Zeta Polytechnic", kind=OrganisationKind.UNIVERSITY)
    )
    sample_store.organisations.save(
        Organisation("Alpha Alliance", kind=OrganisationKind.ALLIANCE, member_ids=[org.id])
    )
    sample_store.courses.save(CourseEntry(title="Loose course", year=2030, institution_id=org.id))
    gone = sample_store.people.save(Person("Trashed", "Person"))
    sample_store.trash.put("person", gone.id)
    (row,) = sample_store.meetings.list()
    extra = sample_store.meetings.get(row.id)
    extra.id, extra.uid, extra.title = None, "second-meeting", "A later meeting"
    for part in (*extra.sessions, *extra.attendees, *extra.presentations, *extra.decisions):
        part.id = None
        part.uid = part.uid + "-2"
    extra.courses, extra.files = [], []
    for p in extra.presentations:
        p.attachment_uid = None
        p.session_uid = p.session_uid and p.session_uid + "-2"
    for d in extra.decisions:
        d.session_uid = d.session_uid and d.session_uid + "-2"
    saved = sample_store.meetings.save(extra)
    sample_store.trash.put("meeting", saved.id)  # a trashed meeting is not exported
    return sample_store


def test_the_streamed_file_is_the_document_byte_for_byte(busy_store, tmp_path):
    out = tmp_path / "all.json"
    seen = []

    count = write_database(busy_store, out, progress=lambda done, total: seen.append((done, total)))

    assert out.read_text(encoding="utf-8") == dumps(export_database(busy_store))
    document = json.loads(out.read_text(encoding="utf-8"))
    assert len(document["meetings"]) == 1  # the trashed one is left out
    assert "Loose course" in [c["title"] for c in document["courses"]]
    assert seen[0] == (0, count) and seen[-1] == (count, count)


def test_a_streamed_file_imports_into_an_empty_database(busy_store, tmp_path):
    from eventdesk.store import EventStore

    out = tmp_path / "all.json"
    write_database(busy_store, out)
    with EventStore.open(tmp_path / "copy.sqlite3") as copy:
        import_document(copy, json.loads(out.read_text(encoding="utf-8")))
        again = tmp_path / "again.json"
        write_database(copy, again)
    assert again.read_bytes() == out.read_bytes()


def test_a_cancelled_export_leaves_no_file(busy_store, tmp_path):
    out = tmp_path / "all.json"
    asked = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 3

    with pytest.raises(ExportCancelled, match="no file was written"):
        write_database(busy_store, out, cancelled=cancelled)
    assert list(tmp_path.glob("all.json*")) == []

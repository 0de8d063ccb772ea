"""Copying a whole database to another store (store/copying.py, ``eventdesk copy``).

What an office sees: every record and photo is in the copy, with the same ids; an export of
the copy is the export of the original, byte for byte; the check at the end counts both sides
and says when they differ (a damaged photo is named, and nothing claims success); a target
that holds records is refused unless told to replace it, and then replaced whole.
"""

from __future__ import annotations

import io
import random
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from tests.conftest import SAMPLE
from tests.store.test_export_unchanged import build_small_database

from eventdesk.records import Attendance, Meeting, MeetingFile, Organisation, Person
from eventdesk.store import EventStore, StoreError, copying, media
from eventdesk.store.copy_ends import recount_file
from eventdesk.store.engines import connect, postgres_search
from eventdesk.store.interchange import import_file


def photo(rng: random.Random, size: tuple[int, int] = (24, 16)) -> bytes:
    """A PNG of random pixels (every one its own hash), as Pillow checks photos."""
    from PIL import Image

    image = Image.frombytes("RGB", size, rng.randbytes(size[0] * size[1] * 3))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def build_generated(
    store: EventStore, meetings: int = 30, seed: int = 7, size: tuple[int, int] = (24, 16)
) -> None:
    """``meetings`` meetings of a partner, each with attendees and two photos (one shared)."""
    rng = random.Random(seed)
    shared = photo(rng)
    partner = store.organisations.save(Organisation("Partner University", name_zh="伙伴大学"))
    child = store.organisations.save(Organisation("Partner's Office"))
    # A parent saved after its child: the copy must still find it.
    parent = store.organisations.save(Organisation("Partner Group"))
    child.parent_id = parent.id
    store.organisations.save(child)
    people = [
        store.people.save(Person(f"Family{n}", f"Given{n}", organisation_id=partner.id))
        for n in range(12)
    ]
    for n in range(meetings):
        meeting = Meeting(f"Meeting {n}", date(2020 + n % 6, 1 + n % 12, 1 + n % 28))
        meeting.attendees = [
            Attendance(person_id=p.id, organisation_id=partner.id) for p in people[n % 5 :][:6]
        ]
        meeting.files = [
            MeetingFile(f"photo-{n}.png", "image/png", data=photo(rng, size)),
            MeetingFile("shared.png", "image/png", data=shared),
        ]
        store.meetings.save(meeting)
    trashed = store.meetings.list()[0]
    store.trash.put("meeting", trashed.id)


def exported(path: Path) -> bytes:
    with EventStore.open(path, read_only=True) as store:
        return store.interchange.export_json().encode("utf-8")


def photo_bytes(path: Path) -> dict[int, bytes]:
    with EventStore.open(path, read_only=True) as store:
        ids = [r[0] for r in store.db.execute("SELECT id FROM files ORDER BY id").fetchall()]
        return {fid: store.files.data(fid) for fid in ids}


@pytest.fixture
def example(tmp_path) -> Path:
    path = tmp_path / "example.sqlite3"
    with EventStore.open(path) as store:
        import_file(store, SAMPLE)
    return path


@pytest.fixture
def generated(tmp_path) -> Path:
    path = tmp_path / "generated.sqlite3"
    with EventStore.open(path) as store:
        build_small_database(store)
        build_generated(store)
    return path


def _counts(report) -> dict[str, tuple[int, int]]:
    return {kind: (a, b) for kind, a, b in report.counts}


@pytest.mark.parametrize("source", ["example", "generated"])
def test_a_file_copied_to_a_file_is_the_same_database(request, tmp_path, source):
    path = request.getfixturevalue(source)
    target = tmp_path / "copy" / "office.sqlite3"
    target.parent.mkdir()
    report = copying.copy_database(str(path), str(target))
    assert report.ok, report.table()
    counts = _counts(report)
    assert counts["meetings"][0] == counts["meetings"][1] > 0
    assert counts["photos"][0] == counts["photos"][1] > 0
    assert counts["history"][0] == counts["history"][1] > 0  # who changed what comes along
    assert exported(target) == exported(path)
    assert photo_bytes(target) == photo_bytes(path)
    # The copy is a database of its own, with its photos in its own folder.
    assert media.folder_for(target).is_dir()
    with EventStore.open(target) as store:
        assert store.files.check() == []


def test_ids_are_kept_and_new_records_go_on_after_them(generated, tmp_path):
    target = tmp_path / "copy.sqlite3"
    copying.copy_database(str(generated), str(target))
    with EventStore.open(generated, read_only=True) as a, EventStore.open(target) as b:
        rows = "SELECT id, uid FROM meetings ORDER BY id"
        assert b.db.execute(rows).fetchall() == a.db.execute(rows).fetchall()
        last = a.db.execute("SELECT max(id) FROM people").fetchone()[0]
        added = b.people.save(Person("New", "Clerk"))
        assert added.id > last
        # Trashed stays trashed; search finds what the original finds.
        assert b.meetings.count() == a.meetings.count()
        assert [m.id for m in b.meetings.search("Meeting 7")] == [
            m.id for m in a.meetings.search("Meeting 7")
        ]


def test_many_batches_copy_every_row(generated, tmp_path, monkeypatch):
    monkeypatch.setattr(copying, "BATCH", 7)  # composite keys walked across batch ends
    target = tmp_path / "copy.sqlite3"
    seen = []
    report = copying.copy_database(
        str(generated), str(target), progress=lambda t: seen.append((t.current, dict(t.done)))
    )
    assert report.ok, report.table()
    assert exported(target) == exported(generated)
    attendances = [done["attendances"] for current, done in seen if current == "attendances"]
    assert attendances == sorted(attendances) and len(attendances) > 10
    assert seen[-1][0] == "photos" and seen[-1][1]["photos"] == _counts(report)["photos"][0]


def test_a_target_holding_records_is_refused_and_left_as_it_was(example, generated):
    before = example.read_bytes()
    with pytest.raises(StoreError, match=r"already holds records \(25 organisations, 10 people"):
        copying.copy_database(str(generated), str(example))
    assert example.read_bytes() == before
    assert not example.with_name(example.name + ".partial").exists()


def test_replace_puts_the_copy_in_place_of_what_the_target_held(example, generated):
    old_ident = _identity(example)
    report = copying.copy_database(str(generated), str(example), replace=True)
    assert report.ok, report.table()
    assert exported(example) == exported(generated)
    assert photo_bytes(example) == photo_bytes(generated)
    # Still the same database file to the PC: its identity, so its photo folder, are its own.
    assert _identity(example) == old_ident


def _identity(path: Path) -> str:
    from eventdesk.store import photo_folder

    return photo_folder.identity_at(path)


def test_an_empty_target_file_is_not_refused(generated, tmp_path):
    target = tmp_path / "empty.sqlite3"
    EventStore.open(target).close()
    assert copying.copy_database(str(generated), str(target)).ok
    assert exported(target) == exported(generated)


def test_a_database_is_not_copied_onto_itself(example):
    with pytest.raises(StoreError, match="cannot be copied onto itself"):
        copying.copy_database(str(example), str(example), replace=True)


def test_a_target_open_in_another_eventdesk_is_refused(generated, tmp_path):
    target = tmp_path / "open.sqlite3"
    with EventStore.open(target) as store:
        store.organisations.save(Organisation("Kept"))
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_OPEN, str(target)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout.readline() == b"open\n"
        with pytest.raises(StoreError, match="open"):
            copying.copy_database(str(generated), str(target), replace=True)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    with EventStore.open(target, read_only=True) as store:
        assert [o.name for o in store.organisations.list()] == ["Kept"]


#: Another EventDesk with the file open, until its standard input closes.
HOLD_OPEN = """
import sys
from eventdesk.store import EventStore
with EventStore.open(sys.argv[1]):
    print("open", flush=True)
    sys.stdin.read()
"""


def test_a_damaged_photo_is_named_and_the_check_fails(generated, tmp_path):
    with EventStore.open(generated, read_only=True) as store:
        fid, sha, mid = store.db.execute(
            "SELECT id, sha256, meeting_id FROM files WHERE original_name = 'photo-3.png'"
        ).fetchone()
    damaged = media.path_in(media.folder_for(generated), sha)
    data = bytearray(damaged.read_bytes())
    data[40] ^= 0xFF
    damaged.write_bytes(bytes(data))
    target = tmp_path / "copy.sqlite3"
    report = copying.copy_database(str(generated), str(target))
    assert not report.ok
    (problem,) = report.problems
    assert f"'photo-3.png' (file {fid} of meeting {mid}, 'Meeting 3')" in problem
    assert "damaged" in problem
    photos = _counts(report)["photos"]
    assert photos[1] == photos[0] - 1
    assert "differs" in report.table().splitlines()[-2]
    # The records are all there; the damaged photo never reached the copy under its name.
    assert not media.path_in(media.folder_for(target), sha).exists()


# -- a team database ------------------------------------------------------------------------


def test_a_file_to_a_team_database_and_back_is_the_same_database(
    generated, postgres_address, tmp_path
):
    there = copying.copy_database(str(generated), postgres_address)
    assert there.ok, there.table()
    back = tmp_path / "back.sqlite3"
    report = copying.copy_database(postgres_address, str(back))
    assert report.ok, report.table()
    assert report.counts == there.counts
    assert exported(back) == exported(generated)
    assert photo_bytes(back) == photo_bytes(generated)
    with connect(postgres_address) as conn:
        # Each photo once, in the database itself; the rows keep no bytes of their own.
        assert (
            conn.execute("SELECT count(*) AS n FROM photos").scalar() == _counts(there)["photos"][0]
        )
        assert conn.execute("SELECT count(*) AS n FROM files WHERE length(data) > 0").scalar() == 0
        kinds = "SELECT DISTINCT p.type FROM photos p JOIN files f ON f.sha256 = p.sha256"
        assert {k for (k,) in conn.execute(kinds)} == {"image/png", "application/pdf"}
        # The team database's own search finds what the file's finds, lists included.
        with EventStore.open(generated, read_only=True) as store:
            wanted = [m.id for m in store.meetings.search("Meeting 7")]
        assert wanted and postgres_search.search(conn, "Meeting 7") == wanted
        words = "SELECT (SELECT count(*) FROM people_words) - (SELECT count(*) FROM people) AS n"
        assert conn.execute(words).scalar() == 0
    # Each list finds on the team database what it finds in the file, and counts the same.
    with (
        EventStore.open(generated, read_only=True) as file,
        EventStore.open(postgres_address) as team,
    ):
        searched = [("people", "Family1"), ("people", "giv"), ("organisations", "partner")]
        for kind, text in [*searched, ("organisations", "伙伴")]:
            here, there = getattr(file, kind), getattr(team, kind)
            assert [r.id for r in there.list(text)] == [r.id for r in here.list(text)], text
            assert there.count(text) == here.count(text) > 0, (kind, text)
    with connect(postgres_address) as conn:
        # A record added on the team database after the copy gets a new id, not a copied one.
        last = conn.execute("SELECT max(id) AS n FROM organisations").scalar()
        added = conn.insert(
            "INSERT INTO organisations (uid, name, kind) VALUES ('new', 'New', 'university')"
        )
        assert added == last + 1


def test_a_team_database_holding_records_is_refused_then_replaced(
    example, generated, postgres_address
):
    assert copying.copy_database(str(example), postgres_address).ok
    with pytest.raises(StoreError, match=r"already holds records.*--replace"):
        copying.copy_database(str(generated), postgres_address)
    with connect(postgres_address) as conn:
        assert conn.execute("SELECT count(*) AS n FROM people").scalar() == 10
    report = copying.copy_database(str(generated), postgres_address, replace=True)
    assert report.ok, report.table()
    with connect(postgres_address) as conn:
        titles = {t for (t,) in conn.execute("SELECT title FROM meetings")}
        assert "Meeting 7" in titles and "SHUA 2021 Annual Meeting" not in titles


def test_a_failure_midway_leaves_the_team_database_as_it_was(
    example, generated, postgres_address, monkeypatch
):
    assert copying.copy_database(str(example), postgres_address).ok

    def fail(*args):
        raise StoreError("the network went away")

    monkeypatch.setattr(copying, "_copy_photos", fail)
    with pytest.raises(StoreError, match="network went away"):
        copying.copy_database(str(generated), postgres_address, replace=True)
    with connect(postgres_address) as conn:
        assert conn.execute("SELECT count(*) AS n FROM meetings").scalar() == 1
        assert conn.execute("SELECT count(*) AS n FROM photos").scalar() == 3


def test_a_source_from_an_older_eventdesk_is_not_changed_and_says_what_to_do(example, tmp_path):
    import sqlite3

    from eventdesk.store.migrations import LATEST_VERSION

    conn = sqlite3.connect(example)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION - 1}")  # as the release before
    conn.close()
    before = example.read_bytes()
    with pytest.raises(StoreError, match="older EventDesk: open it once with this one"):
        copying.copy_database(str(example), str(tmp_path / "copy.sqlite3"))
    assert example.read_bytes() == before
    assert not (tmp_path / "copy.sqlite3").exists()


def test_a_target_in_no_folder_is_refused_in_words(example, tmp_path):
    with pytest.raises(
        StoreError, match=r"The folder .*nowhere does not exist; nothing was copied"
    ):
        copying.copy_database(str(example), str(tmp_path / "nowhere" / "copy.sqlite3"))
    with pytest.raises(StoreError, match="is a folder, not a database file"):
        copying.copy_database(str(example), str(tmp_path))


def test_the_check_counts_only_the_copys_own_photos(example):
    """A copy beside its source (example.db beside example.sqlite3) could read a photo missing
    from its own folder from the source's; its check does not count that photo as copied."""
    target = example.with_name("example.db")
    assert copying.copy_database(str(example), str(target)).ok
    with EventStore.open(target, read_only=True) as store:
        own = media.folder_of(store.db)
        sha = store.db.execute("SELECT sha256 FROM files WHERE sha256 IS NOT NULL").fetchone()[0]
    assert own != media.folder_for(example)  # a folder of its own: example.db.media
    media.path_in(own, sha).unlink()
    _counts, photos = recount_file(target)
    assert sha not in photos and len(photos) == 2

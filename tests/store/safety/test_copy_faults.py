"""A copy killed at each of its steps, or stopped by a full disk, leaves its target whole.

The kill is the operating system's, at a chosen step (``faults.kill_when_paused``: the child
copies with one step wrapped to say PAUSED and wait): amid the rows, amid the photos, while
the search index is built, just before the copy is put in place, and just after. Each time the
target is the old database or the whole copy, opens, and passes its check. A full disk stops
the copy in one sentence that says so, and leaves the target as it was, with no photo or
half-built file of the copy left taking room.
"""

from __future__ import annotations

import pytest
from tests.conftest import SAMPLE
from tests.store.safety.faults import kill_when_paused, small_disk
from tests.store.test_copying import build_generated, exported

from eventdesk.store import EventStore, StoreError, copying, media
from eventdesk.store.copy_ends import count_rows
from eventdesk.store.engines import connect
from eventdesk.store.interchange import import_file

#: The child: copy argv[1] onto argv[2] with --replace, the step argv[3] wrapped to pause.
COPY_PAUSED = """
from eventdesk.store import copy_ends, copying

step = sys.argv[3]


def before(owner, name, when=lambda *a, **k: True, after=False):
    original = getattr(owner, name)

    def wrapped(*args, **kwargs):
        if not after and when(*args, **kwargs):
            pause()
        result = original(*args, **kwargs)
        if after and when(*args, **kwargs):
            pause()
        return result

    setattr(owner, name, wrapped)


photos = []
if step == "rows":  # the tables before it written, attendances not yet
    before(copying, "_write", lambda dst, insert, batch, table, *a: table.name == "attendances")
elif step == "photos":  # two photos written, the rest not
    for cls in (copy_ends.FileTarget, copy_ends.TeamTarget):
        before(cls, "write_photo", lambda *a: photos.append(1) or len(photos) == 3)
elif step == "index":  # every row and photo written, the search index being built
    before(copy_ends.search_index, "refresh")
    from eventdesk.store.engines import postgres_search

    before(postgres_search, "reindex")
elif step == "commit":  # the team database's index built, its transaction not committed
    from eventdesk.store.engines import postgres_search

    before(postgres_search, "reindex", after=True)
elif step == "rename":  # the file built and flushed, not yet in the target's place
    before(copy_ends.busy_files, "replace", lambda src, dst: src.name == dst.name + ".partial")
elif step == "renamed":  # in place, its photo folder's note not yet written
    before(copy_ends.photo_folder, "settle", lambda path, ident: path.name == "target.sqlite3")
copying.copy_database(sys.argv[1], sys.argv[2], replace=True)
print("DONE")
"""


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    path = tmp_path_factory.mktemp("source") / "office.sqlite3"
    with EventStore.open(path) as store:
        build_generated(store, meetings=20)
    return path


@pytest.fixture
def old_target(tmp_path):
    path = tmp_path / "target.sqlite3"
    with EventStore.open(path) as store:
        import_file(store, SAMPLE)
    return path


@pytest.mark.parametrize(
    ("step", "left"),
    [("rows", "old"), ("photos", "old"), ("index", "old"), ("rename", "old"), ("renamed", "copy")],
)
def test_a_copy_killed_at_each_step_leaves_the_file_old_or_whole(source, old_target, step, left):
    before, wanted = exported(old_target), exported(source)
    kill_when_paused(COPY_PAUSED, source, old_target, step)
    with EventStore.open(old_target) as store:  # as the next start opens it
        assert store.files.check() == []
    now = exported(old_target)
    assert now == {"old": before, "copy": wanted}[left]
    # What the kill left half-made was swept away by that opening.
    assert not list(old_target.parent.glob("target.sqlite3.partial*"))
    # And the next copy runs whole.
    assert copying.copy_database(str(source), str(old_target), replace=True).ok
    assert exported(old_target) == wanted


@pytest.mark.parametrize("step", ["rows", "photos", "commit"])
def test_a_copy_killed_at_each_step_leaves_the_team_database_as_it_was(
    source, old_target, postgres_address, step
):
    assert copying.copy_database(str(old_target), postgres_address).ok
    before = _team_counts(postgres_address)
    kill_when_paused(COPY_PAUSED, source, postgres_address, step)
    assert _team_counts(postgres_address) == before
    assert copying.copy_database(str(source), postgres_address, replace=True).ok


def _team_counts(address: str) -> dict[str, int]:
    with connect(address) as conn:
        counts = count_rows(conn)
        counts["photos"] = conn.execute("SELECT count(*) AS n FROM photos").scalar()
    return counts


def test_a_full_disk_stops_the_copy_and_leaves_the_target_as_it_was(tmp_path):
    big = tmp_path / "big.sqlite3"
    with EventStore.open(big) as store:
        build_generated(store, meetings=40, size=(320, 240))  # 40 photos of 230 kB and more
    with small_disk(tmp_path / "small", "4m") as disk:
        target = disk / "office.sqlite3"
        with EventStore.open(target) as store:
            import_file(store, SAMPLE)
        before = exported(target)
        photos_before = _files(media.folder_for(target))
        with pytest.raises(StoreError) as stopped:
            copying.copy_database(str(big), str(target), replace=True)
        message = str(stopped.value)
        assert "the disk is full" in message and f"{target} is as it was" in message
        assert exported(target) == before
        assert _files(media.folder_for(target)) == photos_before  # the copy's taken back
        assert not list(disk.glob("office.sqlite3.partial*"))


def _files(folder) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.is_file())

"""``eventdesk copy SOURCE TARGET`` on the command line: the check as a table, the progress on
stderr, and an exit status that says whether every record and photo is in the copy."""

from __future__ import annotations

import io

import pytest
from tests.conftest import SAMPLE

from eventdesk.cli.copy_progress import ProgressLine, describe
from eventdesk.cli.main import main
from eventdesk.store import EventStore, media
from eventdesk.store.copying import Tally
from eventdesk.store.interchange import import_file


@pytest.fixture
def example(tmp_path):
    path = tmp_path / "example.sqlite3"
    with EventStore.open(path) as store:
        import_file(store, SAMPLE)
    return path


def test_copy_prints_the_check_and_succeeds(example, tmp_path, capsys):
    target = tmp_path / "trip.sqlite3"
    assert main(["copy", str(example), str(target)]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0].split() == ["source", "target"]
    assert "meetings" in out and lines[-1].startswith(f"Copied {example} to {target} in ")
    rows = {kind: (a, b) for kind, a, b in (line.rsplit(maxsplit=2) for line in lines[1:-1])}
    assert rows["meetings"] == ("1", "1")
    assert rows["attendances"] == ("10", "10")
    assert rows["photos"] == ("3", "3")
    assert rows["photo bytes"][0] == rows["photo bytes"][1]
    assert all(a == b for a, b in rows.values())
    assert err == "" or "photos" in err  # the progress, if a step took long enough to show


def test_a_target_with_records_is_refused_with_what_to_do(example, tmp_path, capsys):
    assert main(["copy", str(example), str(example.with_name("b.sqlite3"))]) == 0
    capsys.readouterr()
    assert main(["copy", str(example), str(example.with_name("b.sqlite3"))]) == 1
    err = capsys.readouterr().err
    assert "already holds records (25 organisations, 10 people, 1 meetings" in err
    assert "--replace" in err
    assert main(["copy", "--replace", str(example), str(example.with_name("b.sqlite3"))]) == 0


def test_a_damaged_photo_fails_the_copy_and_is_named(example, tmp_path, capsys):
    with EventStore.open(example, read_only=True) as store:
        sha, name = store.db.execute(
            "SELECT sha256, original_name FROM files WHERE sha256 IS NOT NULL ORDER BY id"
        ).fetchone()
    path = media.path_in(media.folder_for(example), sha)
    path.write_bytes(path.read_bytes()[:-1] + b"\x00")
    assert main(["copy", str(example), str(tmp_path / "c.sqlite3")]) == 1
    out, err = capsys.readouterr()
    assert f"photo {name!r}" in err and "was not copied" in err and "damaged" in err
    assert "is not complete" in err
    assert "Copied" not in out
    (photos,) = [line for line in out.splitlines() if line.startswith("photos ")]
    assert photos.split()[1:] == ["3", "2", "differs"]


def test_progress_names_the_table_and_the_photos():
    tally = Tally(totals={"meetings": 10_000, "photos": 2_400}, done={"meetings": 1_200})
    tally.current = "meetings"
    assert describe(tally) == "meetings 1,200/10,000 · photos 0/2,400"
    tally.current, tally.done["photos"] = "photos", 310
    assert describe(tally) == "photos 310/2,400"
    stream = io.StringIO()
    line = ProgressLine(stream, every=0)
    line(tally)
    assert stream.getvalue() == "photos 310/2,400\n"  # not a terminal: a line each, no \r

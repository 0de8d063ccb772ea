"""A photo whose bytes changed, or a link put in its place, never travels on (issue 20, case 5).

Given a stored photo with one byte changed, or replaced by a symbolic link
to a file outside the photo folder, when the database is backed up, exported,
checked or summarised, then the photo is named and left out, never copied
under its good name, and nothing outside the folder is read; once the good
bytes are back, the next backup copies them.
"""

from __future__ import annotations

import base64
import json
import os

import pytest
from tests.store.test_photo_files import add_photo, jpeg

from eventdesk.cli.main import main
from eventdesk.store import EventStore, StoreError, backups, media

pytestmark = pytest.mark.skipif(os.name == "nt", reason="symbolic links need rights on Windows")


@pytest.fixture
def photo(sample_store, db_path):
    """A photo of the example meeting, saved after the day's backup; the store closed."""
    sample_store.files.automatic_backup("daily")
    data = jpeg(seed=31)
    saved = add_photo(sample_store, data, "delegation.jpg")
    sample_store.close()
    path = media.path_in(db_path.with_name("eventdesk.media"), media.digest(data))
    return saved, data, path


def damage(path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


def link_out(path, tmp_path) -> bytes:
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"root:x:0:0:a file that is nobody's photo\n")
    path.unlink()
    path.symlink_to(outside)
    return outside.read_bytes()


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err


@pytest.mark.parametrize("fault", ["a changed byte", "a link out of the folder"])
def test_a_bad_photo_is_named_and_not_copied_into_a_backup_until_it_is_whole(
    capsys, photo, db_path, tmp_path, fault
):
    saved, data, path = photo
    outside = damage(path) if fault == "a changed byte" else link_out(path, tmp_path)
    pool = db_path.parent / "backups" / "media"
    pooled = media.path_in(pool, media.digest(data))

    status, out, err = run(capsys, "--db", str(db_path), "backup")

    assert status == 0 and "Backed up to" in out
    assert "'delegation.jpg'" in err and f"file {saved.id} of meeting" in err
    assert err.count("\n") == 1
    assert not pooled.exists()  # never under its good name
    if outside:
        assert not any(outside in p.read_bytes() for p in pool.rglob("*") if p.is_file())

    path.unlink()
    path.write_bytes(data)  # the good bytes back (from a copy the office had)
    status, _, err = run(capsys, "--db", str(db_path), "backup")
    assert status == 0 and err == ""
    assert pooled.read_bytes() == data  # the later backup copied it


@pytest.mark.parametrize("fault", ["a changed byte", "a link out of the folder"])
def test_a_bad_photo_stops_an_export_by_name_and_leaves_no_file(
    capsys, photo, db_path, tmp_path, fault
):
    _, _, path = photo
    damage(path) if fault == "a changed byte" else link_out(path, tmp_path)
    out_file = tmp_path / "all.json"

    status, _, err = run(capsys, "--db", str(db_path), "export", "-o", str(out_file))

    assert status == 1 and err.count("\n") == 1
    assert path.parent.name + path.name[:10] in err  # the photo, by the start of its hash
    assert not out_file.exists()


def test_an_export_carries_the_photos_checked(capsys, photo, db_path, tmp_path):
    _, data, _ = photo
    out_file = tmp_path / "all.json"
    status, _, _ = run(capsys, "--db", str(db_path), "export", "-o", str(out_file))
    assert status == 0
    files = json.loads(out_file.read_text(encoding="utf-8"))["meetings"][0]["files"]
    assert data in [base64.b64decode(f["data"]) for f in files]


def test_check_names_a_link_and_reads_nothing_through_it(capsys, photo, db_path, tmp_path):
    saved, _, path = photo
    link_out(path, tmp_path)
    status, _, err = run(capsys, "--db", str(db_path), "check")
    assert status == 1
    assert f"file {saved.id} of meeting" in err and "is a link" in err


def test_a_summary_leaves_a_bad_photo_out(photo, db_path, tmp_path):
    saved, _, path = photo
    link_out(path, tmp_path)
    with EventStore.open(db_path) as store:
        with pytest.raises(StoreError, match="link"):
            store.files.data(saved.id)
        with pytest.raises(StoreError, match="link"):
            store.files.photo_for_print(saved.id)


@pytest.mark.parametrize("fault", ["a changed byte", "a link out of the folder", "missing"])
def test_a_summary_says_why_a_bad_photo_was_left_out(capsys, photo, db_path, tmp_path, fault):
    """The warning names what is wrong with the file, not "an empty file of 0 bytes"."""
    _, _, path = photo
    if fault == "a changed byte":
        damage(path)
    elif fault == "missing":
        path.unlink()
    else:
        link_out(path, tmp_path)
    status, _, err = run(
        capsys, "--db", str(db_path), "summary", "1", "-o", str(tmp_path / "s.html")
    )
    assert status == 0 and (tmp_path / "s.html").exists()
    (line,) = [w for w in err.splitlines() if "left out" in w]
    assert "0 bytes" not in line and "eventdesk check" in line
    assert ("missing" if fault == "missing" else "not the photo saved") in line


def test_a_linked_photo_folder_inside_is_never_walked_nor_cleaned(photo, db_path, tmp_path):
    _, _, path = photo
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    precious = elsewhere / ("f" * 62)
    precious.write_bytes(b"a file of someone else's, named like a photo")
    os.utime(precious, (0, 0))  # long ago: an orphan, were it in the folder
    (path.parent.parent / "ff").symlink_to(elsewhere, target_is_directory=True)
    with EventStore.open(db_path) as store:
        store.files.remove_orphan_photos()
    assert precious.exists()
    assert backups.list_backups(db_path)  # the day's backup, made all the same

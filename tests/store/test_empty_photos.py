"""A photo of 0 bytes is refused wherever it comes in, and ``check`` names one stored earlier.

No output can show an empty file: the PDF left a gap, Word stopped. Before
this, the interchange import and a save took one (b"" was taken for "bytes
not loaded"), and ``eventdesk check`` passed it.
"""

from __future__ import annotations

import base64
import json

import pytest

from eventdesk.cli.main import main
from eventdesk.records import MeetingFile, ValidationError
from eventdesk.store import meetings


def _with_empty_photo(store):
    (row,) = store.meetings.list()
    meeting = store.meetings.get(row.id)
    meeting.files.append(MeetingFile("empty.jpg", "image/jpeg", caption="Nothing", data=b""))
    return meeting


def test_saving_a_meeting_with_an_empty_photo_is_refused_naming_it(sample_store):
    meeting = _with_empty_photo(sample_store)
    n = len(meeting.files)
    with pytest.raises(ValidationError) as caught:
        sample_store.meetings.save(meeting)
    assert (
        f"file {n}: data: is not a photo EventDesk can show: it is an empty file of 0 bytes"
        in str(caught.value)
    )
    assert "empty.jpg" not in [f.original_name for f in sample_store.meetings.get(meeting.id).files]


def test_an_interchange_file_with_an_empty_photo_is_refused(
    sample_store, tmp_path, db_path, capsys
):
    from eventdesk import paths

    document = json.loads(paths.sample_meeting().read_text(encoding="utf-8"))
    document["meetings"][0]["files"][0]["data"] = base64.b64encode(b"").decode()
    document["meetings"][0]["id"] = "another"
    source = tmp_path / "empty-photo.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    sample_store.close()

    status = main(["--db", str(db_path), "import", str(source)])

    err = capsys.readouterr().err
    assert status == 1 and "nothing was changed" in err
    assert "file 1: data: is not a photo EventDesk can show: it is an empty file of 0 bytes" in err


def test_check_names_an_empty_photo_stored_before(sample_store, db_path, capsys):
    meeting = _with_empty_photo(sample_store)
    with sample_store.transaction():  # as an older EventDesk saved it: past today's checks
        meetings.save_meeting(sample_store.connection, meeting)
    (file_id,) = sample_store.db.execute(
        "SELECT id FROM files WHERE original_name = 'empty.jpg'"
    ).fetchone()
    sample_store.close()

    status = main(["--db", str(db_path), "check"])

    err = capsys.readouterr().err
    assert status == 1
    assert (
        f"photo {file_id} of meeting {meeting.id} is not usable: it is an empty file of 0 bytes"
        in err
    )

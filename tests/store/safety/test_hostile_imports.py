"""Interchange files an attacker or an unlucky user sends: refused in words, nothing changed.

Given a file past a limit (nesting, numbers, text SQLite cannot keep) or one
that breaks a rule only the whole file shows (two meetings with one id, an
organisation that is its own ancestor, a course id that another meeting
holds), when it is imported, then the command says what and where in one line
per problem, exits 1, and the database file is byte for byte as it was.
"""

from __future__ import annotations

import copy
import hashlib
import json

import pytest
from tests.conftest import SAMPLE

from eventdesk.cli.main import main

EXAMPLE = json.loads(SAMPLE.read_text(encoding="utf-8"))


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def example_db(sample_store, db_path):
    sample_store.close()
    return db_path


def refused(capsys, db_path, tmp_path, content: str | bytes) -> str:
    before = digest(db_path)
    source = tmp_path / "given.json"
    if isinstance(content, bytes):
        source.write_bytes(content)
    else:
        source.write_text(content, encoding="utf-8", errors="surrogatepass")
    status = main(["--db", str(db_path), "import", str(source)])
    _, err = capsys.readouterr()
    assert status == 1, err
    assert "Traceback" not in err and err.startswith("eventdesk: The file was not imported")
    assert digest(db_path) == before
    return err


def changed(**edits) -> dict:
    document = copy.deepcopy(EXAMPLE)
    for path, value in edits.items():
        *parents, last = path.split("__")
        target = document
        for key in parents:
            target = target[int(key)] if isinstance(target, list) else target[key]
        target[int(last) if isinstance(target, list) else last] = value
    return document


def test_a_hundred_thousand_nested_brackets(capsys, example_db, tmp_path):
    err = refused(capsys, example_db, tmp_path, "[" * 100_000 + "]" * 100_000)
    assert "nested deeper than 32 levels" in err


def test_a_number_of_four_hundred_digits(capsys, example_db, tmp_path):
    document = changed(meetings__0__decisions__0__count=10**400)
    err = refused(capsys, example_db, tmp_path, json.dumps(document))
    assert "meetings › 1 › decisions › 1 › count: the number is too large" in err


def test_a_number_past_pythons_digit_limit(capsys, example_db, tmp_path):
    text = json.dumps(EXAMPLE).replace('"count": 10', '"count": 1' + "0" * 5000, 1)
    err = refused(capsys, example_db, tmp_path, text)
    assert "digits" in err or "too large" in err


def test_not_a_number(capsys, example_db, tmp_path):
    text = json.dumps(EXAMPLE).replace('"count": 10', '"count": NaN', 1)
    assert "NaN is not a number JSON allows" in refused(capsys, example_db, tmp_path, text)


def test_a_lone_surrogate_in_a_name(capsys, example_db, tmp_path):
    document = changed(people__0__family_name="Ng\ud800")
    text = json.dumps(document)  # written as the escape \ud800, as another program would
    assert "\\ud800" in text
    err = refused(capsys, example_db, tmp_path, text)
    assert "people › 1 › family_name: not valid text" in err


def test_two_meetings_with_the_same_id(capsys, example_db, tmp_path):
    document = copy.deepcopy(EXAMPLE)
    twin = copy.deepcopy(document["meetings"][0])
    twin["courses"] = []
    document["meetings"].append(twin)
    err = refused(capsys, example_db, tmp_path, json.dumps(document))
    assert f"meeting {twin['id']!r}: id: is used twice" in err


@pytest.mark.parametrize("length", [1, 2, 3])
def test_an_organisation_parent_cycle(capsys, example_db, tmp_path, length):
    document = copy.deepcopy(EXAMPLE)
    orgs = document["organisations"][:length]
    for n, org in enumerate(orgs):
        org["parent"] = orgs[(n + 1) % length]["id"]
    err = refused(capsys, example_db, tmp_path, json.dumps(document))
    assert "parent: goes round in a circle" in err


def test_a_parent_cycle_made_in_the_store_is_refused(sample_store):
    from eventdesk.records import Organisation, ValidationError

    a = sample_store.organisations.save(Organisation(name="A"))
    b = sample_store.organisations.save(Organisation(name="B", parent_id=a.id))
    c = sample_store.organisations.save(Organisation(name="C", parent_id=b.id))
    a.parent_id = c.id
    with pytest.raises(ValidationError, match="goes round in a circle"):
        sample_store.organisations.save(a)
    assert sample_store.organisations.get(a.id).parent_id is None


def test_a_duplicated_session_id_is_called_a_duplicate(capsys, example_db, tmp_path):
    document = copy.deepcopy(EXAMPLE)
    sessions = document["meetings"][0]["sessions"]
    sessions.append({**sessions[0], "title": "The same id again"})
    err = refused(capsys, example_db, tmp_path, json.dumps(document))
    assert f"session {sessions[0]['id']!r}: id: is used twice" in err
    assert "not in the file" not in err


def test_a_copy_of_a_meeting_with_only_its_id_changed(capsys, example_db, tmp_path):
    document = changed(meetings__0__id="meeting-copy")
    err = refused(capsys, example_db, tmp_path, json.dumps(document))
    course = EXAMPLE["meetings"][0]["courses"][0]["id"]
    assert f"course {course!r} of meeting 'meeting-copy' is already in the database" in err
    assert "UNIQUE" not in err


def test_the_example_imported_again_is_still_taken(capsys, example_db, tmp_path):
    status = main(["--db", str(example_db), "import", str(SAMPLE)])
    out, err = capsys.readouterr()
    assert status == 0 and "0 meeting(s) added, 1 updated" in out, err


@pytest.mark.parametrize(
    ("media_type", "data", "said"),
    [
        ("text/html", b"<script>alert(1)</script>", "not an image type"),
        ("image/png", b"<html></html>", "not an image"),
        ("image/png", "HUGE", "declares 2,500,000,000 pixels"),
    ],
)
def test_a_photo_that_is_not_a_usable_image(capsys, example_db, tmp_path, media_type, data, said):
    import base64

    from tests.records.test_images import declared_png

    data = declared_png(50_000, 50_000) if data == "HUGE" else data
    document = copy.deepcopy(EXAMPLE)
    photo = document["meetings"][0]["files"][0]
    photo["media_type"], photo["data"] = media_type, base64.b64encode(data).decode()
    err = refused(capsys, example_db, tmp_path, json.dumps(document))
    assert "file 1: data: is not a photo EventDesk can show" in err and said in err


def test_a_refused_import_leaves_even_the_planners_statistics_alone(example_db, tmp_path):
    """Closing after a refused import runs no ``PRAGMA optimize``: it would rewrite
    ``sqlite_stat1`` where the statistics went stale, and the file must not change."""
    from eventdesk.store import EventStore, ImportRefused

    doc = copy.deepcopy(EXAMPLE)
    doc["meetings"][0]["id"] = "another-meeting"  # its courses belong to the stored meeting
    given = tmp_path / "given.json"
    given.write_text(json.dumps(doc), encoding="utf-8")
    before = digest(example_db)
    store = EventStore.open(example_db)
    statements: list[str] = []
    store.db.conn.set_trace_callback(statements.append)
    with pytest.raises(ImportRefused, match="already in the database"):
        store.interchange.import_file(given)
    store.close()
    assert [s for s in statements if "optimize" in s.lower() or "analyze" in s.lower()] == []
    assert digest(example_db) == before

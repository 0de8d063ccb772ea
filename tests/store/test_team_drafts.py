"""A clerk's crash drafts are their own (issue 23, item 1): on a file they are the file's; on a
team database they stay on the clerk's PC, in a drafts file named from the address without its
password, never in the shared database where other clerks would see them.

Given unsaved edits kept as a draft, when the program dies and the clerk opens the same database
again, then the draft is offered back; on a team database another login does not see it, and a
draft of a record someone saved since says who and when.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from urllib.parse import urlsplit

import pytest

from eventdesk.records import Person
from eventdesk.records.serialise import from_data, to_data
from eventdesk.store import Conflict, EventStore
from eventdesk.store.drafts import local_file


def _team(address: str) -> bool:
    return address.startswith("postgresql://")


def test_a_draft_kept_before_a_crash_is_offered_on_reopening(engine_address, local_drafts):
    with EventStore.open(engine_address) as store:
        person = store.people.save(Person("Ding", "Xiaodong"))
    crash = textwrap.dedent(
        f"""
        import os
        from pathlib import Path
        from eventdesk.records.serialise import to_data
        from eventdesk.store import EventStore, drafts
        drafts.local_folder = lambda: Path({str(local_drafts)!r})  # this PC's, as the tests'
        store = EventStore.open({engine_address!r})
        person = store.people.get({person.id})
        person.notes = "Met him in Hong Kong."
        store.drafts.save("person", person.id, person.display_name, to_data(person))
        os._exit(9)  # dies without closing anything
        """
    )
    done = subprocess.run([sys.executable, "-c", crash], check=False, timeout=120)
    assert done.returncode == 9

    with EventStore.open(engine_address) as store:
        (draft,) = store.drafts.pending()
        assert (draft.kind, draft.record_id, draft.overtaken) == ("person", person.id, "")
        assert draft.payload["notes"] == "Met him in Hong Kong."
        assert store.people.get(person.id).notes == ""
        store.people.save(from_data(Person, draft.payload))
        store.drafts.discard("person", person.id)
        assert store.drafts.pending() == []
        assert store.people.get(person.id).notes == "Met him in Hong Kong."


def test_a_team_databases_drafts_are_on_this_pc_not_in_the_database(postgres_address, local_drafts):
    with EventStore.open(postgres_address) as store:
        store.drafts.save("meeting", None, "A new meeting", {"title": "A new meeting"})
        assert "drafts" not in store.connection.table_names()
        kept = store.drafts.local_file()
        host, port, database, login = store.connection.where()
    assert kept == local_file(host, port, database, login)
    assert kept.parent == local_drafts and kept.is_file()
    address = urlsplit(postgres_address)
    assert kept.name.startswith(f"{address.hostname}-{address.port}-{database}-{login}-")
    assert [p.name for p in local_drafts.iterdir()] == [kept.name]


def test_the_name_of_a_drafts_file_has_no_password_and_suits_windows(local_drafts):
    plain = local_file("db.office.local", "5432", "eventdesk", "liwei")
    assert plain.name.startswith("db.office.local-5432-eventdesk-liwei-")
    socket = local_file("/var/run/postgresql", "5432", "eventdesk", "liwei")
    ipv6 = local_file("::1", "5432", "eventdesk", "liwei")
    for path in (plain, socket, ipv6):
        assert not set(path.name) & set('<>:"/\\|?*')
    assert len({plain, socket, ipv6, local_file("::1", "5432", "eventdesk", "zhang")}) == 4


def test_another_clerk_does_not_see_my_drafts(postgres_address, second_login, local_drafts):
    with EventStore.open(postgres_address) as mine:
        person = mine.people.save(Person("Ding", "Xiaodong"))
        mine.drafts.save("person", person.id, "DING Xiaodong", to_data(person))
    with EventStore.open(second_login) as theirs:
        assert theirs.drafts.pending() == []
        theirs.drafts.save("person", None, "Zhou", {"family_name": "Zhou"})
        assert theirs.drafts.local_file() != mine.drafts.local_file()
    with EventStore.open(postgres_address) as mine:
        assert [(d.record_id, d.title) for d in mine.drafts.pending()] == [
            (person.id, "DING Xiaodong")
        ]
    assert len(list(local_drafts.iterdir())) == 2


def test_a_draft_of_a_record_saved_since_says_who_and_when(engine_address):
    with EventStore.open(engine_address) as store:
        person = store.people.save(Person("Ding", "Xiaodong"))
        mine = store.people.get(person.id)
        mine.notes = "Met him in Hong Kong."
        store.drafts.save("person", person.id, "DING Xiaodong", to_data(mine))
        theirs = store.people.get(person.id)
        theirs.phone = "+852 1234 5678"
        saved = store.people.save(theirs)  # another clerk (or window) saves in the meantime

    with EventStore.open(engine_address) as store:
        (draft,) = store.drafts.pending()
        assert draft.overtaken_by == saved.updated_by
        stamp = store.people.get(person.id)
        assert draft.overtaken.startswith(f"{saved.updated_by} has saved this person since (at ")
        assert (
            draft.overtaken_at
            == store.connection.execute(
                "SELECT updated_at FROM people WHERE id = ?", [stamp.id]
            ).scalar()
        )
        with pytest.raises(Conflict):  # the draft's edits do not overwrite theirs unasked
            store.people.save(from_data(Person, draft.payload))
        assert store.people.get(person.id).phone == "+852 1234 5678"


def test_a_damaged_drafts_file_is_set_aside_and_a_new_one_begun(postgres_address):
    with EventStore.open(postgres_address) as store:
        store.drafts.save("person", None, "Zhou", {"family_name": "Zhou"})
        kept = store.drafts.local_file()
        kept.write_bytes(b"\x00damaged" + kept.read_bytes()[9:])
        assert store.drafts.pending() == []
        assert kept.with_name(kept.name + ".damaged").is_file()
        store.drafts.save("person", None, "Wai", {"family_name": "Wai"})
        assert [d.title for d in store.drafts.pending()] == ["Wai"]


def test_a_readers_store_keeps_no_drafts_but_lists_them(postgres_address):
    with EventStore.open(postgres_address) as store:
        store.drafts.save("person", None, "Zhou", {"family_name": "Zhou"})
    with EventStore.open(postgres_address, read_only=True) as reader:
        reader.drafts.save("person", None, "Wai", {"family_name": "Wai"})
        reader.drafts.discard("person", None)
        assert [d.title for d in reader.drafts.pending()] == ["Zhou"]


_LIVE_WINDOW = """
import os, sys
from pathlib import Path
from eventdesk.store import EventStore, drafts
drafts.local_folder = lambda: Path(sys.argv[2])  # this PC's, as the tests'
store = EventStore.open(sys.argv[1])
store.drafts.save("person", None, "Zhou", {"family_name": "Zhou"})
print("kept", flush=True)
sys.stdin.readline()  # still editing, until told to die
os._exit(9)
"""


def test_another_window_of_mine_still_running_keeps_its_drafts_to_itself(
    postgres_address, local_drafts
):
    """Two windows of one clerk on one team database on one PC: the one still running keeps
    its drafts in a file of its own, which the other does not offer as a crash's; killed, its
    drafts are offered at the next opening."""
    window = subprocess.Popen(
        [sys.executable, "-c", _LIVE_WINDOW, postgres_address, str(local_drafts)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        assert window.stdout.readline().strip() == "kept"
        with EventStore.open(postgres_address) as mine:
            assert mine.drafts.pending() == []  # theirs is a live window's
            mine.drafts.save("person", None, "Wai", {"family_name": "Wai"})
            assert [d.title for d in mine.drafts.pending()] == ["Wai"]
            assert len(list(local_drafts.glob("*.sqlite3"))) == 2
            mine.drafts.discard("person", None)
    finally:
        window.communicate("die\n", timeout=60)
    assert window.returncode == 9

    with EventStore.open(postgres_address) as again:
        assert [d.title for d in again.drafts.pending()] == ["Zhou"]
        again.drafts.discard("person", None)
        assert again.drafts.pending() == []


def test_a_draft_of_a_record_moved_to_the_trash_since_says_who_and_to_restore_it(engine_address):
    with EventStore.open(engine_address) as store:
        person = store.people.save(Person("Ding", "Xiaodong"))
        mine = store.people.get(person.id)
        mine.notes = "Met him in Hong Kong."
        store.drafts.save("person", person.id, "DING Xiaodong", to_data(mine))
        store.trash.put("person", person.id)  # another clerk's, meanwhile
        who = store.history.of("person", person.id)[0].who

    with EventStore.open(engine_address) as store:
        (draft,) = store.drafts.pending()
        assert draft.trashed and draft.overtaken_by == who
        assert draft.overtaken.startswith(f"{who} has moved this person to the trash since (at ")
        assert "restore it from the trash" in draft.overtaken

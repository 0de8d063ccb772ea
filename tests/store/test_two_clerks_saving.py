"""Two clerks, two processes, one record (issue 23, items 4 and 9).

Given a meeting two EventDesk processes (two clerks' PCs) loaded at the same version, when
both save their own edits of it at once, then exactly one save lands and the other is
refused with a ``Conflict`` naming who saved and when, having written nothing; the refused
clerk keeps their edits as a copy, so nothing is lost. Two clerks saving different meetings
at once both land. On a team database the two really race (the second claim waits on the
row's lock, then finds the version moved); a file has one writer at a time, so there each
clerk opens it to save, waiting while the other holds it.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date

from tests.other_program import environment

from eventdesk.records import Meeting
from eventdesk.store import EventStore

CLERK = textwrap.dedent(
    """
    import sys, time
    from eventdesk.store import Conflict, DatabaseLocked, EventStore

    address, meeting_id, venue = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    on_file = not address.startswith("postgresql")

    def opened():
        deadline = time.monotonic() + 120
        while True:
            try:
                return EventStore.open(address)
            except DatabaseLocked:  # the other clerk is saving into the file: wait a turn
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    store = opened()
    meeting = store.meetings.get(meeting_id)
    if on_file:
        store.close()  # a file is written by one EventDesk at a time: let the other load
    print("loaded", meeting.version, flush=True)
    sys.stdin.readline()  # both loaded: go
    if on_file:
        store = opened()
    meeting.venue = venue
    try:
        saved = store.meetings.save(meeting)
        print("saved", saved.version, flush=True)
    except Conflict as refused:
        print("conflict", refused, flush=True)
        kept = store.meetings.save_copy(meeting)
        print("copy", kept.id, flush=True)
    store.close()
    """
)


def _meeting(address: str, title: str) -> int:
    with EventStore.open(address) as store:
        return store.meetings.save(Meeting(title, date(2021, 12, 22), venue="Online")).id


def _clerks(address: str, jobs: list[tuple[int, str]]) -> list[list[str]]:
    """Run one clerk process per (meeting, venue): each loads, then all save at once."""
    clerks = [
        subprocess.Popen(
            [sys.executable, "-c", CLERK, address, str(meeting_id), venue],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=environment(),
        )
        for meeting_id, venue in jobs
    ]
    try:
        for clerk in clerks:
            line = clerk.stdout.readline()
            assert line.startswith("loaded 1"), line + clerk.stderr.read()
        for clerk in clerks:  # let go together
            clerk.stdin.write("go\n")
            clerk.stdin.flush()
        results = []
        for clerk in clerks:
            out, err = clerk.communicate(timeout=180)
            assert clerk.returncode == 0, err
            results.append(out.splitlines())
        return results
    finally:
        for clerk in clerks:
            if clerk.poll() is None:
                clerk.kill()
                clerk.communicate()


def test_two_clerks_saving_one_meeting_at_once_one_is_refused_and_nothing_is_lost(
    engine_address,
):
    meeting_id = _meeting(engine_address, "SHUA annual meeting 2021")
    first, second = _clerks(engine_address, [(meeting_id, "Macao"), (meeting_id, "Taipei")])

    outcomes = sorted([first[0].split()[0], second[0].split()[0]])
    assert outcomes == ["conflict", "saved"], (first, second)
    winner, loser = (first, second) if first[0].startswith("saved") else (second, first)
    winning_venue, losing_venue = ("Macao", "Taipei") if winner is first else ("Taipei", "Macao")
    assert winner == ["saved 2"]
    assert "saved this meeting at" in loser[0] and "after you opened it" in loser[0]
    copy_id = int(loser[1].split()[1])
    with EventStore.open(engine_address) as store:
        stored = store.meetings.get(meeting_id)
        assert (stored.venue, stored.version) == (winning_venue, 2)
        assert [c.action for c in store.history.of("meeting", meeting_id)] == [
            "changed",
            "created",
        ]
        kept = store.meetings.get(copy_id)  # the refused clerk's edits, kept as a copy
        assert kept.venue == losing_venue and kept.title.startswith("SHUA annual meeting 2021 (")


def test_two_clerks_saving_different_meetings_at_once_both_land(engine_address):
    one = _meeting(engine_address, "Meeting one")
    two = _meeting(engine_address, "Meeting two")
    results = _clerks(engine_address, [(one, "Macao"), (two, "Taipei")])
    assert results == [["saved 2"], ["saved 2"]]
    with EventStore.open(engine_address) as store:
        assert (store.meetings.get(one).venue, store.meetings.get(two).venue) == (
            "Macao",
            "Taipei",
        )
        assert store.meetings.count() == 2

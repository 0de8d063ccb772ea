"""Two clerks at once on one team database: `eventdesk import` of different meetings in two
processes at the same moment, both kept, the people and organisations they share added once.

The processes are made to meet: the test holds the imports' turn (the advisory lock
``dialect.take_turns`` takes) until both processes are inside their import transactions,
waiting for it, then lets them go together.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from tests.conftest import SAMPLE
from tests.other_program import started

from eventdesk.store import EventStore
from eventdesk.store.engines import connect, dialect

TITLE_2022 = "Annual Meeting of the Shanghai-Hong Kong University Alliance 2022"


def _another_year(tmp_path: Path) -> Path:
    """The example's alliance meeting a year on: the same people and organisations, another
    meeting (its own key, title, date and courses)."""
    document = json.loads(SAMPLE.read_text(encoding="utf-8"))
    (meeting,) = document["meetings"]
    meeting.update(id="meeting-shua-2022", title=TITLE_2022, title_zh="", start_date="2022-12-21")
    for course in meeting["courses"]:
        course["id"] += "-2022"
    path = tmp_path / "shua-2022.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def _waiting_for_the_lock(conn) -> int:
    sql = (
        "SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
        "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
    )
    return conn.execute(sql).scalar()


def test_two_imports_at_once_both_land(postgres_address, tmp_path):
    EventStore.open(postgres_address).close()  # set up, as the office's first start does
    files = [SAMPLE, _another_year(tmp_path)]
    holder = connect(postgres_address)
    with holder.transaction():
        dialect.take_turns(holder, "import")
        clerks = [started("--db", postgres_address, "import", str(path)) for path in files]
        deadline = time.monotonic() + 120
        while _waiting_for_the_lock(holder) < 2:
            assert all(c.poll() is None for c in clerks), [c.communicate() for c in clerks]
            assert time.monotonic() < deadline, "the two imports never met"
            time.sleep(0.1)
    holder.close()
    results = [c.communicate(timeout=300) for c in clerks]

    assert [c.returncode for c in clerks] == [0, 0], results
    reports = sorted(out for out, _ in results)
    assert all("1 meeting(s) added" in report for report in reports), reports
    # One of them came second and matched what the first had added, whichever it was.
    assert any("10 people added, 0 matched; 25 organisations added" in r for r in reports)
    assert any(
        "0 people added, 10 matched; 0 organisations added, 25 matched" in r for r in reports
    )

    with EventStore.open(postgres_address) as store:
        assert [row.title for row in store.meetings.list()] == [
            TITLE_2022,
            "Annual Meeting and Exchange Symposium of the Shanghai-Hong Kong University "
            "Alliance 2021",
        ]
        assert store.people.count() == 10 and store.organisations.count() == 25
        assert [m.id for m in store.meetings.list()] == [
            row.id for row in store.meetings.search("Pony 98")
        ]

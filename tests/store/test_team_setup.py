"""docs/team.md followed to the letter on the test suite's PostgreSQL (issue 23, item 6).

The office's IT runs the doc's one SQL block (```sql team-setup) with psql as the server's
administrator, changing only what the doc says to choose: the people's logins. Then, as the
doc says: the owner login lets EventDesk create its tables; two clerks import at the same
moment, in two processes, and both meetings land; the reader lists and prints a summary, but
a write is refused in one sentence naming the role, and the store is read-only (so the
window says so). The test server trusts the loopback, so the doc's passwords are not asked.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from tests.conftest import SAMPLE
from tests.other_program import started

from eventdesk.store import EventStore, ReadOnlyStore
from eventdesk.store.engines import connect, dialect

DOC = Path(__file__).resolve().parents[2] / "docs" / "team.md"
TITLE_2022 = "Annual Meeting of the Shanghai-Hong Kong University Alliance 2022"
REFUSAL = "You can read this team database but not change it (your role: eventdesk_reader)."
#: The names docs/team.md says to choose, and this test's choice for each.
LOGINS = {
    "it_admin": "office_it",
    "clerk_anna": "clerk1",
    "clerk_ben": "clerk2",
    "reader_li": "leader",
}


def setup_sql() -> str:
    """The doc's SQL block, with the test's logins for the ones the doc says to choose."""
    text = DOC.read_text(encoding="utf-8")
    (block,) = re.findall(r"^```sql team-setup\n(.*?)^```$", text, re.MULTILINE | re.DOTALL)
    for theirs, ours in LOGINS.items():
        assert re.search(rf"\b{theirs}\b", block), f"docs/team.md no longer names {theirs}"
        block = re.sub(rf"\b{theirs}\b", ours, block)
    return block


def _psql(server) -> str:
    suffix = ".exe" if os.name == "nt" else ""
    found = server.bindir / f"psql{suffix}"
    return str(found) if found.exists() else (shutil.which("psql") or "psql")


def _run(address: str, *args: str) -> tuple[int, str, str]:
    process = started("--db", address, *args)
    out, err = process.communicate(timeout=300)
    return process.returncode, out, err


def _another_meeting(tmp_path: Path) -> Path:
    """The example's alliance meeting a year on: another meeting, the same people."""
    document = json.loads(SAMPLE.read_text(encoding="utf-8"))
    (meeting,) = document["meetings"]
    meeting.update(id="meeting-shua-2022", title=TITLE_2022, title_zh="", start_date="2022-12-21")
    for course in meeting["courses"]:
        course["id"] += "-2022"
    path = tmp_path / "shua-2022.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def office(postgres_server, tmp_path):
    """The server set up as docs/team.md says; ``address(login)`` reaches the database."""
    script = tmp_path / "team-setup.sql"
    script.write_text(setup_sql(), encoding="utf-8")
    psql = [_psql(postgres_server), "-X", "-q", "-v", "ON_ERROR_STOP=1"]  # as the doc has it
    done = subprocess.run(
        [*psql, "-d", postgres_server.address("postgres"), "-f", str(script)],
        capture_output=True,
        encoding="utf-8",
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr

    def address(login: str) -> str:
        return f"postgresql://{login}@127.0.0.1:{postgres_server.port}/eventdesk"

    yield address
    admin = postgres_server._admin_connection()
    admin.execute("DROP DATABASE IF EXISTS eventdesk WITH (FORCE)")
    for role in [*LOGINS.values(), "eventdesk_owner", "eventdesk_clerk", "eventdesk_reader"]:
        admin.execute(f"DROP ROLE IF EXISTS {role}")


def _waiting_for_the_lock(conn) -> int:
    sql = (
        "SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
        "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
    )
    return conn.execute(sql).scalar()


def test_a_clerk_before_the_owner_set_the_tables_up_is_told_who_must(office):
    code, out, err = _run(office("clerk1"), "list")
    assert (code, out) == (1, ""), err
    assert "holds no EventDesk records yet, and your login may not set it up" in err, err
    assert "owner login" in err, err


def test_an_office_set_up_as_docs_team_md_says(office, postgres_server, tmp_path):
    # The owner login lets EventDesk create its tables (the doc's `list`), owned by the role.
    assert _run(office("office_it"), "list") == (0, "", "")
    admin = connect(postgres_server.address("eventdesk"))
    owners = admin.execute("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'")
    assert [owner for (owner,) in owners] == ["eventdesk_owner"]

    # Two clerks import different meetings at the same moment, in two processes: both land.
    # They are made to meet by holding the imports' turn until both wait for it.
    files = {"clerk1": SAMPLE, "clerk2": _another_meeting(tmp_path)}
    with admin.transaction():
        dialect.take_turns(admin, "import")
        clerks = [
            started("--db", office(login), "import", str(path)) for login, path in files.items()
        ]
        deadline = time.monotonic() + 120
        while _waiting_for_the_lock(admin) < 2:
            assert all(c.poll() is None for c in clerks), [c.communicate() for c in clerks]
            assert time.monotonic() < deadline, "the two clerks' imports never met"
            time.sleep(0.1)
    results = [c.communicate(timeout=300) for c in clerks]
    assert [c.returncode for c in clerks] == [0, 0], results
    assert all("1 meeting(s) added" in out for out, _ in results), results

    # The reader lists and prints ...
    code, listed, err = _run(office("leader"), "list")
    assert code == 0, err
    assert [line.split("\t")[2] for line in listed.splitlines()] == [
        TITLE_2022,
        "Annual Meeting and Exchange Symposium of the Shanghai-Hong Kong University Alliance 2021",
    ]
    first = next(line for line in listed.splitlines() if "2021" in line.split("\t")[1])
    pdf = tmp_path / "summary.pdf"
    code, _, err = _run(office("leader"), "summary", first.split("\t")[0], "-o", str(pdf))
    assert code == 0, err
    assert pdf.read_bytes().startswith(b"%PDF")

    # ... but may not write: one sentence naming the role, and nothing changed.
    code, out, err = _run(office("leader"), "import", str(SAMPLE))
    assert code != 0 and err.strip() == f"eventdesk: {REFUSAL}", (code, out, err)
    with EventStore.open(office("leader")) as store:
        assert store.read_only
        from eventdesk.ui.database_status import window_title

        assert window_title(store) == f"{office('leader')} (read-only)[*] — EventDesk"
        with pytest.raises(ReadOnlyStore, match=re.escape(REFUSAL)), store.transaction():
            pass
        assert len(store.meetings.list()) == 2
    with EventStore.open(office("clerk1")) as store:
        assert not store.read_only
    admin.close()

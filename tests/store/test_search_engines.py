"""Meeting search finds the same meetings in a file and on a team database (issue 23, item 2).

The records are saved once, through the file's store, and on ``[postgresql]`` copied onto a
team database by ``eventdesk copy`` (``store/copying.py``), whose search documents
``postgres_search.reindex`` builds; each engine then answers
through ``store/meeting_search.py``: the file's FTS5 index, the server's GIN-indexed tsvector.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from tests.conftest import SAMPLE, save_visit_of_mixed_script_partner

from eventdesk.records import Attendance, Meeting, Organisation, Person
from eventdesk.store import EventStore
from eventdesk.store import meeting_search as search
from eventdesk.store.copying import copy_database
from eventdesk.store.engines import connect, postgres_search
from eventdesk.store.engines.fts5_words import words
from eventdesk.store.interchange import import_file


def _fill(store: EventStore) -> dict[str, int]:
    """The example meeting, a partner written half in each script (香港浸會大学), a guest
    written as Hong Kong writes him (衞炳江), and a trashed meeting; their ids by name."""
    import_file(store, SAMPLE)
    (annual,) = [row.id for row in store.meetings.list()]
    save_visit_of_mixed_script_partner(store)
    office = store.organisations.save(
        Organisation(name="Kowloon Liaison Office", name_zh="中聯辦聯絡部")
    )
    guest = store.people.save(
        Person("Wai", "Bing Kong", name_zh="衞炳江", organisation_id=office.id)
    )
    store.meetings.save(
        Meeting(
            title="Spring reception",
            start_date=date(2024, 4, 2),
            attendees=[Attendance(person_id=guest.id, organisation_id=office.id)],
        )
    )
    store.meetings.save(Meeting(title="Obsolete rehearsal", start_date=date(2023, 1, 5)))
    ids = {row.title: row.id for row in store.meetings.list()}
    store.trash.put("meeting", ids["Obsolete rehearsal"])
    return {
        "annual": annual,
        "visit": ids["Delegation visit"],
        "reception": ids["Spring reception"],
        "trashed": ids["Obsolete rehearsal"],
        "guest": guest.id,
    }


def _filled_file(path: Path) -> dict[str, int]:
    store = EventStore.open(path)
    try:
        return _fill(store)
    finally:
        store.close()


def _on(address: str, folder: Path):
    """A connection to the records on ``address``'s engine, and their ids."""
    if not address.startswith("postgresql://"):
        ids = _filled_file(Path(address))
        return connect(address), ids
    file = folder / "source.sqlite3"
    ids = _filled_file(file)
    copy_database(str(file), address)  # eventdesk copy, which builds the search's words
    conn = connect(address)
    assert search.reindex(conn) == 3  # the trashed meeting gets no document
    return conn, ids


@pytest.fixture
def filled(engine_address, tmp_path):
    """``(connection, ids)``: the records on the engine the test runs on, to change."""
    conn, ids = _on(engine_address, tmp_path)
    yield conn, ids
    conn.close()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def searched(request, tmp_path_factory):
    """``(connection, ids)`` as ``filled``, made once for the tests that only search."""
    folder = tmp_path_factory.mktemp("searched")
    if request.param == "sqlite":
        address = str(folder / "office.sqlite3")
    else:
        server = request.getfixturevalue("postgres_server")
        name = server.create_database()
        address = server.address(name)
    conn, ids = _on(address, folder)
    yield conn, ids
    conn.close()
    if request.param == "postgresql":
        server.drop_database(name)


@pytest.mark.parametrize(
    ("text", "meeting"),
    [
        ("浸会", "visit annual"),  # simplified finds the traditional 浸會 (and 浸會大學)
        ("浸會大學", "visit annual"),
        ("浸会大學", "visit annual"),  # 香港浸會大学 is half in each script
        ("衞炳江", "reception"),  # as stored (Hong Kong)
        ("衛炳江", "reception"),  # Taiwan's form
        ("卫炳江", "reception"),  # the mainland's
        ("炳江", "reception"),  # any part of a name
        ("中联办", "reception"),
        ("Spring", "reception"),
        ("spr", "reception"),  # an English prefix
        ("rec spr", "reception"),  # several words: all of them, any order
        ('"spring reception"', "reception"),  # quotes only separate words
        ("Wai Bing", "reception"),  # a person's names
        ("Kowloon", "reception"),  # an organisation's name
        ("Ding", "annual"),
        ("ding xiao", "annual"),
        ("丁晓东", "annual"),
        ("Shi Jing", "annual"),
        ("沪港大学联盟", "annual"),
        ("滬港大學聯盟", "annual"),
        ("USST", "annual"),
        ("Ding 浸会", "annual"),  # a word and Chinese with another script (an FTS5 error once)
        ("丁晓东 Pony", "annual"),
    ],
)
def test_the_same_words_find_the_same_meeting_on_both_engines(searched, text, meeting):
    conn, ids = searched
    assert search.search(conn, text) == [ids[name] for name in meeting.split()], text


def test_a_word_every_meeting_has_finds_them_newest_first_in_pages(searched):
    conn, ids = searched
    everyone = search.search(conn, "k")  # Kong, Kowloon
    assert everyone == [ids["visit"], ids["reception"], ids["annual"]]  # 2026, 2024, 2021
    assert search.search(conn, "k", limit=2) + search.search(conn, "k", limit=2, offset=2) == (
        everyone
    )
    assert search.count(conn, "k") == 3
    assert search.search(conn, " ") == everyone  # no text: the list, as the search box shows it


def test_trashed_meetings_are_not_found_until_restored(filled):
    conn, ids = filled
    assert search.search(conn, "Obsolete") == []
    assert search.search(conn, "rehearsal") == []
    conn.execute("UPDATE meetings SET deleted_at = NULL WHERE id = ?", (ids["trashed"],))
    search.rebuild_document(conn, ids["trashed"])
    assert search.search(conn, "rehearsal") == [ids["trashed"]]
    conn.execute("UPDATE meetings SET deleted_at = ? WHERE id = ?", ("2026-01-01", ids["trashed"]))
    search.rebuild_document(conn, ids["trashed"])
    assert search.search(conn, "rehearsal") == []


ODD = [
    '"',
    "'",
    "\\",
    "%",
    "_",
    "*",
    "NEAR(",
    "zq:*",
    "!&|()<->",
    "' OR 1=1 --",
    "'; DROP TABLE meetings; --",
    "Spring'",
    "：「」",
    "😀",
    "x" * 3000,
    "\x00",
]


@pytest.mark.parametrize("text", ODD, ids=range(len(ODD)))
def test_odd_text_finds_nothing_and_never_fails(searched, text):
    conn, _ = searched
    if text == "Spring'":  # the quote only ends the word
        assert len(search.search(conn, text)) == 1
        return
    assert search.search(conn, text) == []
    assert search.count(conn, text) == 0
    assert conn.execute("SELECT count(*) AS n FROM meetings").scalar() == 4


def test_a_saved_meeting_and_a_renamed_guest_are_found_by_their_new_words(filled):
    conn, ids = filled
    conn.execute("UPDATE meetings SET title = ? WHERE id = ?", ("Renamed gathering", ids["visit"]))
    search.rebuild_document(conn, ids["visit"])
    assert search.search(conn, "gathering") == [ids["visit"]]
    assert search.search(conn, "Delegation") == []
    conn.execute(
        "UPDATE people SET family_name = ?, name_zh = ? WHERE id = ?",
        ("Wei", "魏炳江", ids["guest"]),
    )
    assert search.rebuild_naming(conn, "people", ids["guest"]) == 1
    assert search.search(conn, "魏炳江") == [ids["reception"]]
    assert search.search(conn, "wei") == [ids["reception"]]
    assert search.search(conn, "衞炳江") == []


def test_a_very_long_word_is_found_by_its_beginning_and_whole(filled):
    conn, ids = filled  # past the longest word a team database indexes whole (500 letters)
    long = "q" * 2990 + "end"
    conn.execute("UPDATE meetings SET summary = ? WHERE id = ?", (f"{long} tail", ids["visit"]))
    search.rebuild_document(conn, ids["visit"])
    assert search.search(conn, "qqq") == [ids["visit"]]
    assert search.search(conn, long) == [ids["visit"]]
    assert search.search(conn, f"{long} tail") == [ids["visit"]]
    assert search.search(conn, "q" * 2991) == []
    assert search.search(conn, long + "x") == []


@pytest.mark.parametrize(
    ("table", "text", "found"),
    [
        ("people", "wai", "Wai"),
        ("people", "bing kong", "Wai"),
        ("people", "衛炳江", "Wai"),  # as stored, Hong Kong's 衞炳江, in another script
        ("people", "卫炳", "Wai"),  # a Chinese name by its beginning
        ("people", "ding", "Ding"),
        ("people", "丁曉", "Ding"),
        ("organisations", "kowl", "Kowloon Liaison Office"),
        ("organisations", "中联办", "Kowloon Liaison Office"),
    ],
)
def test_the_lists_words_find_the_same_records_on_both_engines(searched, table, text, found):
    conn, _ = searched
    column = {"people": "family_name", "organisations": "name"}[table]
    ids = search.list_ids(conn, table, text)
    names = {
        n
        for (n,) in conn.execute(
            f"SELECT {column} FROM {table} WHERE id IN ({', '.join('?' for _ in ids) or 'NULL'})",
            ids,
        )
    }
    assert names == {found}, text


# -- the two engines side by side ------------------------------------------------------------


def _typed(conn) -> list[str]:
    """What a clerk might type: the first one, two and three letters of every word of every
    meeting, then whole words, pairs of words and runs of Chinese characters."""
    from eventdesk.store import fts, search_index

    rows = conn.execute(
        f"SELECT {search_index.document_text()} FROM meetings m WHERE m.deleted_at IS NULL"
    ).fetchall()
    typed: set[str] = set()
    for (text,) in rows:
        latin = [w for w in text.split() if not fts.han_runs(w)]
        for word in latin:
            typed.update(word[:n] for n in (1, 2, 3))
            typed.add(word)
        typed.update(" ".join(pair) for pair in zip(latin, latin[3:], strict=False))
        for run in fts.han_runs(text):
            typed.update(run[i : i + n] for i in range(len(run)) for n in (1, 2, 3, 5))
    return sorted(typed)


def _differ(sqlite, postgres, typed: list[str]) -> list[str]:
    """The texts that find other meetings, or the same in another order, on the two engines."""
    return [t for t in typed if search.search(sqlite, t) != search.search(postgres, t)]


#: The same changes made on both engines, then the documents they touch rebuilt.
EDITS = [
    ("UPDATE meetings SET title = ?, title_zh = ? WHERE id = ?", ("Renamed gathering", "新聚會")),
    ("UPDATE people SET family_name = ?, name_zh = ? WHERE id = ?", ("Wei", "魏炳江")),
    ("UPDATE meetings SET deleted_at = ? WHERE id = ?", ("2026-01-01",)),
]


def test_every_word_and_prefix_of_the_records_finds_the_same_meetings_on_both(
    tmp_path, postgres_address
):
    file = tmp_path / "office.sqlite3"
    ids = _filled_file(file)
    copy_database(str(file), postgres_address)
    with connect(file) as sqlite, connect(postgres_address) as postgres:
        typed = _typed(sqlite)
        assert len(typed) > 1000
        assert _differ(sqlite, postgres, typed) == []

        for conn in (sqlite, postgres):  # a save on each, its documents rebuilt as it says
            retitle, rename, trash = EDITS
            conn.execute(retitle[0], (*retitle[1], ids["visit"]))
            search.rebuild_document(conn, ids["visit"])
            conn.execute(rename[0], (*rename[1], ids["guest"]))
            assert search.rebuild_naming(conn, "people", ids["guest"]) == 1
            conn.execute(trash[0], (*trash[1], ids["annual"]))
            search.rebuild_document(conn, ids["annual"])
        edited = [*_typed(sqlite), "gathering", "聚会", "魏炳江", "wei", "衞炳江", "Ding", "丁晓东"]
        assert search.search(postgres, "聚会") == [ids["visit"]]
        assert search.search(postgres, "丁晓东") == []  # the trashed meeting's words
        assert _differ(sqlite, postgres, sorted(set(edited) | set(typed))) == []

        for conn in (sqlite, postgres):
            assert search.reindex(conn) == 2
        assert _differ(sqlite, postgres, typed) == []


def _list_texts(conn) -> list[str]:
    """Every word of the lists' records and its first one, two and three letters."""
    texts: set[str] = set()
    for table, columns in postgres_search.LISTS.items():
        for row in conn.execute(f"SELECT {', '.join(columns)} FROM {table}"):
            for value in row:
                for word in (value or "").split():
                    texts.update(word[:n] for n in (1, 2, 3, len(word)))
    return sorted(texts)


def test_the_lists_words_find_the_same_records_on_both_after_saves(tmp_path, postgres_address):
    file = tmp_path / "office.sqlite3"
    ids = _filled_file(file)
    copy_database(str(file), postgres_address)
    with connect(file) as sqlite, connect(postgres_address) as postgres:
        texts = _list_texts(sqlite)
        assert len(texts) > 300

        def differ() -> list[tuple[str, str]]:
            return [
                (table, text)
                for table in postgres_search.LISTS
                for text in texts
                if search.list_ids(sqlite, table, text) != search.list_ids(postgres, table, text)
            ]

        assert differ() == []
        for conn in (sqlite, postgres):  # a person renamed, as the save path will tell it
            conn.execute(
                "UPDATE people SET family_name = ?, name_zh = ? WHERE id = ?",
                ("Wei", "魏炳江", ids["guest"]),
            )
            search.rebuild_record(conn, "people", ids["guest"])
        texts += ["wei", "魏炳江", "魏", "衞炳江"]
        assert search.list_ids(postgres, "people", "魏炳") == [ids["guest"]]
        assert search.list_ids(postgres, "people", "衞炳江") == []
        assert differ() == []


def test_words_are_fts5s_own():
    assert words("Zürich, 香 港  foo_bar ÉCOLE") == ["zurich", "香", "港", "foo", "bar", "ecole"]
    assert words("") == [] and words("—") == []


def test_many_texts_split_at_once_give_each_text_its_own_words(monkeypatch):
    from eventdesk.store.engines import fts5_words

    monkeypatch.setattr(fts5_words, "BATCH", 3)  # the batches' seams crossed
    texts = ["Zürich, 香 港", None, "", "foo_bar ÉCOLE", "—", "Wang Wei 王伟", "a b a", "x"]
    assert fts5_words.words_of_each(texts) == [words(text or "") for text in texts]


def test_three_chinese_characters_must_be_next_to_each_other():
    # 丁晓 and 晓东 are both in the document, but 丁晓东 is not: the pairs alone would find it
    document = postgres_search.document("丁晓 晓东")
    assert document.body == " 丁 晓 晓 东 "
    assert {"丁晓", "晓东", "丁", "晓", "东"} <= set(document.lexemes)
    clause, params = postgres_search.where("丁晓东")
    assert "body LIKE" in clause and "% 丁 晓 东 %" in params


def test_a_search_leaves_the_planners_settings_as_they_were(postgres_address):
    """A keystroke's search sets the planner's settings for its own transaction, which puts
    them back as it ends; one inside another transaction puts them back itself, so the rest
    of that transaction (a save's) is planned as before."""
    from eventdesk.store.engines import postgres_schema

    settings = "SELECT current_setting('enable_seqscan'), current_setting('plan_cache_mode')"
    with connect(postgres_address) as conn:
        postgres_schema.upgrade(conn)
        before = conn.execute(settings).fetchone()
        assert postgres_search.search(conn, "wang") == []
        assert conn.execute(settings).fetchone() == before
        with conn.transaction():
            conn.execute("SET LOCAL enable_seqscan = on")
            assert postgres_search.count(conn, "wang") == 0
            assert conn.execute(settings).fetchone() == ("on", before[1])
        assert conn.execute(settings).fetchone() == before

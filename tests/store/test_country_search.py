"""An organisation's country is searched, on both engines (``[sqlite]``, ``[postgresql]``):
"Korea" or 韩国 finds a Korean partner in the Organisations list and the meetings it was at.

``Organisation.country`` was printed on a foreign partner's first mention but found by no
search. It is declared ``searched`` now: the lists' indexes cover it, a meeting's document
holds the countries of the organisations it names (not their cities: our own university's
would find every meeting), and a database from before the change is brought up to it.
"""

from __future__ import annotations

from datetime import date

from sqlite_utils import Database

from eventdesk.records import Attendance, HostOrganisation, Meeting, Organisation, Person
from eventdesk.store import EventStore, fts, search_index
from eventdesk.store.migrations import MIGRATIONS, m021_country_searched


def _visit(store: EventStore) -> tuple[int, int]:
    """Yonsei University of South Korea hosting our delegation: (its id, the meeting's)."""
    yonsei = store.organisations.save(
        Organisation(
            "Yonsei University", name_zh="延世大学", country="South Korea", country_zh="韩国"
        )
    )
    lee = store.people.save(Person("LEE", "Byung-Hyun", organisation_id=yonsei.id))
    meeting = store.meetings.save(
        Meeting(
            "Visit to Yonsei University",
            date(2024, 5, 20),
            hosts=[HostOrganisation(yonsei.id)],
            attendees=[Attendance(lee.id, organisation_id=yonsei.id)],
        )
    )
    store.meetings.save(Meeting("Council meeting", date(2024, 6, 1)))  # found by neither
    return yonsei.id, meeting.id


def _found(store: EventStore, text: str) -> tuple[list[int], list[int]]:
    return (
        [r.id for r in store.organisations.list(text)],
        [r.id for r in store.meetings.search(text)],
    )


def test_a_country_finds_its_organisations_and_their_meetings(engine_store):
    store = engine_store
    yonsei, visit = _visit(store)
    for typed in ("Korea", "south korea", "韩国", "韓國"):
        assert _found(store, typed) == ([yonsei], [visit]), typed
    # a country given later is found too: the meetings naming it are searched again
    hku = store.organisations.save(Organisation("University of Hong Kong", city="Hong Kong"))
    forum = store.meetings.save(
        Meeting("Forum in Hong Kong", date(2024, 7, 1), hosts=[HostOrganisation(hku.id)])
    )
    assert _found(store, "Japan") == ([], [])
    org = store.organisations.get(hku.id)
    org.country, org.country_zh = "Japan", "日本"  # a clerk's slip, for the test's sake
    store.organisations.save(org)
    assert _found(store, "Japan") == ([hku.id], [forum.id])
    assert _found(store, "日本") == ([hku.id], [forum.id])


def test_the_city_is_not_in_a_meetings_document(engine_store):
    """Our own university's city would find every meeting it was at."""
    store = engine_store
    ours = store.organisations.save(Organisation("Shanghai Ocean University", city="Lingang"))
    store.meetings.save(
        Meeting("Visit of a delegation", date(2024, 3, 1), hosts=[HostOrganisation(ours.id)])
    )
    assert [r.id for r in store.organisations.list("Lingang")] == [ours.id]
    assert store.meetings.search("Lingang") == []


def test_a_file_from_before_the_change_finds_countries_after_opening(tmp_path):
    """A file at migration 20 (organisations' index without the country, documents without
    it) is upgraded on opening: its list and its meetings are found by the country."""
    path = tmp_path / "older.sqlite3"
    with EventStore.open(path) as store:
        yonsei, visit = _visit(store)
    db = Database(path)
    with db.conn:
        before = MIGRATIONS.index(m021_country_searched)
        fts._drop(db, "organisations")
        fts._create_index(db, "organisations", fts._MADE["organisations"], prefix="1 2 3")
        db.execute("DELETE FROM meeting_search")  # documents written without the country
        db.execute("DELETE FROM search_keys")
        db.execute(f"PRAGMA user_version = {before}")
    with EventStore.open(path) as store:
        assert _found(store, "Korea") == ([yonsei], [visit])
        assert search_index.pending(store.db) == 0
    db.close()


def test_a_team_database_from_before_the_change_is_searched_again_on_upgrade(postgres_address):
    """A team database at schema 20 (the organisations' words and the documents without the
    country) gets them at its next opening, in the upgrade's transaction."""
    with EventStore.open(postgres_address) as store:
        yonsei, visit = _visit(store)
        conn = store.connection
        with conn.transaction():
            conn.execute("DELETE FROM organisations_words")
            conn.execute("DELETE FROM meeting_search")
            conn.execute(
                "UPDATE schema_version SET version = ?",
                (MIGRATIONS.index(m021_country_searched),),
            )
    with EventStore.open(postgres_address) as store:
        assert _found(store, "Korea") == ([yonsei], [visit])
        assert [r.id for r in store.organisations.list("Yonsei")] == [yonsei]

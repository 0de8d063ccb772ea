"""The window on a team database (issue 23, items 1 and 6): the recent list, the title.

Against the real PostgreSQL the suite starts (tests/postgres_server.py).
"""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

from eventdesk.store import EventStore
from eventdesk.store.engines.addresses import readable
from tests.conftest import SAMPLE


def _team_with_the_example(address: str) -> None:
    with EventStore.open(address) as store:
        store.interchange.import_file(SAMPLE)


def test_the_recent_list_names_a_team_database_readably_and_reopens_it(
    postgres_address, main_window, settings_path
):  # the database first: dropped after the window closed
    # Given a team database with the example meeting, opened once (its address carrying a
    # password, which the trusting test server does not need and the window must not keep)
    _team_with_the_example(postgres_address)
    first = main_window.store.path
    assert main_window.open_database(f"{postgres_address}?password=not-kept")
    assert main_window.store.address == postgres_address
    assert main_window.store.meetings.count() == 1
    assert main_window.windowTitle().startswith(postgres_address)
    # when the clerk goes back to the file from the recent list
    menu = QMenu()
    main_window.fill_recent_menu(menu)
    texts = [action.text() for action in menu.actions()]
    name = postgres_address.rsplit("/", 1)[1]
    assert (
        texts[0]
        == readable(postgres_address)
        == (f"{name} on 127.0.0.1:{postgres_address.split(':')[2].split('/')[0]} (team, eventdesk)")
    )
    assert menu.actions()[0].toolTip() == postgres_address
    menu.actions()[1].trigger()
    assert main_window.store.path.resolve() == first.resolve()
    # and back to the team database from it
    main_window.fill_recent_menu(menu)
    assert [a.text() for a in menu.actions()][1] == readable(postgres_address)
    menu.actions()[1].trigger()
    assert main_window.store.address == postgres_address
    assert main_window.store.meetings.count() == 1
    # then no password was ever written to the settings
    main_window.settings.qsettings.sync()
    written = "".join(p.read_text(encoding="utf-8") for p in settings_path.parent.rglob("*.ini"))
    assert postgres_address in written
    assert "not-kept" not in written

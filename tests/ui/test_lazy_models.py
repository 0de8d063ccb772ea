"""Lists load a page at a time, so a large database opens without delay."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from eventdesk.records import Meeting
from eventdesk.ui.models import CoursesModel, MeetingsModel, OrganisationsModel, PeopleModel


@pytest.fixture(scope="module")
def big_store(tmp_path_factory):
    from eventdesk.store import EventStore

    store = EventStore.open(tmp_path_factory.mktemp("big") / "big.sqlite3")
    first = date(2000, 1, 1)
    for n in range(1000):
        store.meetings.save(
            Meeting(title=f"Meeting number {n:04d}", start_date=first + timedelta(days=n))
        )
    yield store
    store.close()


def test_only_the_first_page_is_loaded(qtbot, big_store):
    queries = []
    model = MeetingsModel(big_store, page_size=100)
    original = big_store.meetings.list

    def counting(*args, **kwargs):
        queries.append(kwargs)
        return original(*args, **kwargs)

    big_store.meetings.list = counting
    try:
        with qtbot.waitSignal(model.totalKnown, timeout=5000):
            model.reload()
            assert model.rowCount() == 100
            assert not model.total_known()  # the list shows before its rows are counted
        assert model.total() == 1000
        assert model.canFetchMore()
        assert len(queries) == 1  # one query for the page, none per row

        model.fetchMore()
        assert model.rowCount() == 200
        assert len(queries) == 2
    finally:
        del big_store.meetings.list


def test_fetching_stops_at_the_end(big_store):
    model = MeetingsModel(big_store, page_size=400)
    model.reload()
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 1000


def test_newest_first_and_header_sorts_re_query(big_store):
    model = MeetingsModel(big_store, page_size=50)
    model.reload()
    assert model.display(model.row(0), MeetingsModel.TITLE) == "Meeting number 0999"
    model.sort(MeetingsModel.DATE, Qt.SortOrder.AscendingOrder)
    assert model.display(model.row(0), MeetingsModel.TITLE) == "Meeting number 0000"
    assert model.rowCount() == 50
    model.sort(MeetingsModel.TITLE, Qt.SortOrder.AscendingOrder)
    assert model.display(model.row(0), MeetingsModel.TITLE) == "Meeting number 0000"


def test_a_list_view_of_the_big_database_shows_one_page(qtbot, big_store):
    from eventdesk.ui.list_pane import ListPane

    pane = ListPane()
    qtbot.addWidget(pane)
    pane.set_model(MeetingsModel(big_store, page_size=50))
    pane.resize(600, 400)
    pane.show()
    qtbot.waitExposed(pane)
    assert pane.model().rowCount() < 1000
    qtbot.waitUntil(lambda: "1000 records" in pane.count_label.text(), timeout=5000)


def test_people_and_courses_models_page_too(sample_store):
    people = PeopleModel(sample_store, page_size=5)
    people.reload()
    assert people.rowCount() == 5
    assert people.canFetchMore()
    courses = CoursesModel(sample_store, page_size=1)
    courses.reload()
    assert courses.rowCount() == 1
    assert courses.canFetchMore()
    courses.fetchMore()
    assert courses.rowCount() == 2


def test_clicking_a_header_sorts_through_the_store(qtbot, big_store):
    from PySide6.QtCore import QPoint

    from eventdesk.ui.list_pane import ListPane

    pane = ListPane()
    qtbot.addWidget(pane)
    pane.set_model(MeetingsModel(big_store, page_size=50))
    pane.resize(700, 400)
    pane.show()
    qtbot.waitExposed(pane)
    header = pane.table.horizontalHeader()

    def click(column):
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))

    model = pane.model()
    assert model.display(model.row(0), MeetingsModel.TITLE) == "Meeting number 0999"
    click(MeetingsModel.DATE)  # newest first -> oldest first
    assert model.sort_key == "date_asc"
    assert model.display(model.row(0), MeetingsModel.TITLE) == "Meeting number 0000"
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert model.rowCount() == 50  # still one page
    click(MeetingsModel.ATTENDEES)  # the store cannot sort by attendees: nothing changes
    assert model.sort_key == "date_asc"
    assert header.sortIndicatorSection() == MeetingsModel.DATE
    click(MeetingsModel.TITLE)
    click(MeetingsModel.TITLE)  # twice: descending
    assert model.sort_key == "title_desc"
    assert model.display(model.row(0), MeetingsModel.TITLE) == "Meeting number 0999"


def test_people_organisations_and_courses_sort_by_their_columns(sample_store):
    people = PeopleModel(sample_store)
    people.reload()
    people.sort(PeopleModel.NAME, Qt.SortOrder.DescendingOrder)
    assert people.display(people.row(0), PeopleModel.NAME) == "YANG Jiong"
    people.sort(PeopleModel.ORGANISATION, Qt.SortOrder.AscendingOrder)
    shown = [people.display(people.row(n), PeopleModel.ORGANISATION) for n in range(10)]
    assert shown == sorted(shown, key=str.casefold)

    courses = CoursesModel(sample_store)
    courses.reload()
    courses.sort(CoursesModel.TITLE, Qt.SortOrder.DescendingOrder)
    assert courses.display(courses.row(0), CoursesModel.TITLE).startswith("Learning")

    orgs = OrganisationsModel(sample_store)
    orgs.reload()
    orgs.sort(OrganisationsModel.KIND, Qt.SortOrder.AscendingOrder)
    assert orgs.display(orgs.row(0), OrganisationsModel.KIND) == "Alliance"

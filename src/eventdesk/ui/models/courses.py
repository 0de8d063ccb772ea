"""The course register across years: year, course, programme, institution, status, meeting."""

from __future__ import annotations

from typing import Any, ClassVar

from eventdesk.records import CourseStatus
from eventdesk.store import CourseRow, EventStore
from eventdesk.ui.models.paged import DEFAULT_PAGE_SIZE, PagedTableModel


class CoursesModel(PagedTableModel[CourseRow]):
    YEAR, TITLE, PROGRAMME, INSTITUTION, TEACHERS, STATUS, MEETING = range(7)
    MAIN_COLUMN = TITLE
    HEADERS = ("Year", "Course", "Programme", "Institution", "Teachers", "Status", "Meeting")
    #: Column -> the store's sort keys for ascending and descending order.
    SORTS: ClassVar[dict[int, tuple[str, str]]] = {
        YEAR: ("year", "year_desc"),
        TITLE: ("title", "title_desc"),
        PROGRAMME: ("programme", "programme_desc"),
        INSTITUTION: ("institution", "institution_desc"),
        STATUS: ("status", "status_desc"),
    }

    def __init__(self, store: EventStore, page_size: int = DEFAULT_PAGE_SIZE, parent: Any = None):
        super().__init__(page_size, parent)
        self.store = store
        self.year: int | None = None
        self.status: str | None = None

    def set_filters(self, year: int | None, status: str | None) -> None:
        self.year, self.status = year, status
        self.reload()

    def fetch_page(self, limit: int, offset: int) -> list[CourseRow]:
        # The store has no count of courses: the model stops when a page comes back short.
        return self.store.courses.list(
            self.text,
            year=self.year,
            status=self.status,
            sort=self.sort_key or "year_desc",
            limit=limit,
            offset=offset,
        )

    def display(self, row: CourseRow, column: int) -> str:
        if column == self.YEAR:
            return "" if row.year is None else str(row.year)
        if column == self.STATUS:
            try:
                return CourseStatus(row.status).label
            except ValueError:
                return row.status
        values = {
            self.TITLE: row.title or row.title_zh,
            self.PROGRAMME: row.programme,
            self.INSTITUTION: row.institution,
            self.TEACHERS: row.teachers,
            self.MEETING: row.meeting_title,
        }
        return values.get(column, "")

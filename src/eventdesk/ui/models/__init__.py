"""Item models over the store: one query per page of rows, never one per row."""

from eventdesk.ui.models.attended import AttendedModel
from eventdesk.ui.models.courses import CoursesModel
from eventdesk.ui.models.meetings import MeetingsModel
from eventdesk.ui.models.organisations import OrganisationsModel
from eventdesk.ui.models.paged import DEFAULT_PAGE_SIZE, PagedTableModel
from eventdesk.ui.models.people import PeopleModel

__all__ = [
    "DEFAULT_PAGE_SIZE",
    "AttendedModel",
    "CoursesModel",
    "MeetingsModel",
    "OrganisationsModel",
    "PagedTableModel",
    "PeopleModel",
]

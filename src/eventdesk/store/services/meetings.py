"""Meetings: the one write path for a meeting and all its parts, and the lists of them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from eventdesk.records.fields import declared_fields
from eventdesk.records.problems import Problem, raise_if
from eventdesk.store import queries, versions
from eventdesk.store.queries import MeetingFilter
from eventdesk.store.services.base import Service, label

if TYPE_CHECKING:
    from eventdesk.records.models import Meeting

# The records' classes and checks, and the store's meetings and copies modules that import
# them, are imported when a meeting is first saved or read: the window's list needs none of
# them to show its first page (issue 25).


class MeetingService(Service):
    """``store.meetings``: save, load and list meetings."""

    def save(self, meeting: Meeting) -> Meeting:
        """Create or update a meeting with all its parts, in one transaction; the stored meeting.

        The GUI, the command line and the attendee spreadsheet save here. A meeting loaded
        at a version another save has moved on from raises ``Conflict`` and saves nothing
        (``store/versions.py``); each save keeps its line of history.
        """
        return self.get(self.write(meeting))

    def write(self, meeting: Meeting) -> int:
        """What :meth:`save` does but reading the meeting back: its id (``meeting.id`` too).

        For imports of many meetings, inside the caller's transaction. The
        meeting is checked here and only here (:meth:`problems`); a
        ``ValidationError`` carries every problem found.
        """
        from eventdesk.store import meetings

        raise_if(self.problems(meeting))
        with self._saving("meeting", meeting):
            meeting.id = meetings.save_meeting(self.connection, meeting)
            self._store.search_due(meeting.id)
            for course in meeting.courses:  # the register lists a meeting's courses too
                self._store.search_due(listed=("courses", course.id))
        return meeting.id

    def save_copy(self, meeting: Meeting) -> Meeting:
        """Keep ``meeting`` (edits whose save a ``Conflict`` refused) as a new meeting,
        "… (copy by USER)", with its parts and photos; the stored copy."""
        from eventdesk.store import copies, meetings

        user = versions.user_of(self._store.connection)
        return self.save(
            copies.fresh_copy(meeting, user, lambda i: meetings.file_data(self.connection, i))
        )

    def get(self, meeting_id: int, *, with_file_data: bool = False) -> Meeting:
        from eventdesk.store import meetings

        return meetings.load_meeting(self.connection, meeting_id, with_file_data=with_file_data)

    def list(
        self,
        filter: MeetingFilter | None = None,
        *,
        sort: str = "date",
        limit: int = -1,
        offset: int = 0,
    ) -> list[queries.MeetingRow]:
        """Meetings matching ``filter``; ``sort`` is a key of ``queries.MEETING_SORTS``."""
        return queries.list_meetings(
            self.connection, filter or MeetingFilter(), sort=sort, limit=limit, offset=offset
        )

    def count(self, filter: MeetingFilter | None = None) -> int:
        return queries.count_meetings(self.connection, filter or MeetingFilter())

    def search(self, text: str) -> list[queries.MeetingRow]:
        """Meetings whose words match ``text`` (full-text search)."""
        return self.list(MeetingFilter(text=text))

    def series(self) -> list[str]:
        """The series names in use, for a combo box that completes them."""
        sql = "SELECT DISTINCT series FROM meetings WHERE coalesce(series, '') != '' ORDER BY 1"
        return [row[0] for row in self.connection.execute(sql)]

    def problems(self, meeting: Meeting) -> list[Problem]:
        """What stops ``meeting`` from being saved, each naming its part and row; [] if nothing.

        The records' rules, then that every person and organisation it names is in
        the database. :meth:`save` checks this; a form with text it could not read
        asks it, to show every problem at once.
        """
        from eventdesk.records.validation import validate_meeting

        record = label("meeting", meeting.title)
        named = list(_references(meeting, record, "", None))
        missing = {
            table: set(self._missing_ids(table, (n.id for n in named if n.table == table)))
            for table in _CHECKED
        }
        return validate_meeting(meeting, record) + [
            Problem(n.where, n.field, f"refers to a missing record ({n.id})", n.part, n.row)
            for n in named
            if n.id in missing[n.table]
        ]


#: The tables whose records a meeting's save checks are there (a part's session is its own).
_CHECKED = ("people", "organisations")


class _Named(NamedTuple):
    table: str
    id: int
    where: str
    field: str
    part: str
    row: int | None


def _references(record: object, where: str, part: str, row: int | None) -> Iterator[_Named]:
    """Every person and organisation ``record`` and its parts name, each with where it is
    (a part's row; a decision's party counts as its decision's row), from the declarations."""
    for d in declared_fields(type(record)):
        value = getattr(record, d.field)
        field = d.name or d.field
        if d.kind == "ref" and d.table in _CHECKED and value is not None:
            yield _Named(d.table, value, where, field, part, row)
        elif d.kind == "refs" and d.table in _CHECKED:
            yield from (_Named(d.table, v, where, field, part, row) for v in value)
        elif d.kind == "parts":
            for n, child in enumerate(value, 1):
                if part:  # a part of a part: where its owner is
                    yield from _references(child, where, part, row)
                else:
                    singular = d.field.removesuffix("s")
                    yield from _references(child, f"{where} › {singular} {n}", d.field, n)

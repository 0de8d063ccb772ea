"""Meetings: the one write path for a meeting and all its parts, and the lists of them."""

from __future__ import annotations

from eventdesk.records import Meeting, Problem, validate_meeting
from eventdesk.records.validation import raise_if
from eventdesk.store import meetings, queries
from eventdesk.store.queries import MeetingFilter
from eventdesk.store.services.base import Service, label


class MeetingService(Service):
    """``store.meetings``: save, load and list meetings."""

    def save(self, meeting: Meeting) -> Meeting:
        """Create or update a meeting with all its parts, in one transaction; the stored meeting.

        The GUI, the command line and the attendee spreadsheet save here.
        """
        return self.get(self.write(meeting))

    def write(self, meeting: Meeting) -> int:
        """What :meth:`save` does but reading the meeting back: its id (``meeting.id`` too).

        For imports of many meetings, inside the caller's transaction. The
        meeting is checked here and only here (:meth:`problems`); a
        ``ValidationError`` carries every problem found.
        """
        raise_if(self.problems(meeting))
        with self._store.transaction():
            meeting.id = meetings.save_meeting(self.db, meeting)
        return meeting.id

    def get(self, meeting_id: int, *, with_file_data: bool = False) -> Meeting:
        return meetings.load_meeting(self.db, meeting_id, with_file_data=with_file_data)

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
            self.db, filter or MeetingFilter(), sort=sort, limit=limit, offset=offset
        )

    def count(self, filter: MeetingFilter | None = None) -> int:
        return queries.count_meetings(self.db, filter or MeetingFilter())

    def search(self, text: str) -> list[queries.MeetingRow]:
        """Meetings whose words match ``text`` (full-text search)."""
        return self.list(MeetingFilter(text=text))

    def series(self) -> list[str]:
        """The series names in use, for a combo box that completes them."""
        sql = "SELECT DISTINCT series FROM meetings WHERE coalesce(series, '') != '' ORDER BY 1"
        return [row[0] for row in self.db.execute(sql)]

    def problems(self, meeting: Meeting) -> list[Problem]:
        """What stops ``meeting`` from being saved, each naming its part and row; [] if nothing.

        The records' rules, then that every person and organisation it names is in
        the database. :meth:`save` checks this; a form with text it could not read
        asks it, to show every problem at once.
        """
        record = label("meeting", meeting.title)
        found = validate_meeting(meeting, record)
        for table, ids, what in (
            ("people", meeting.people_ids(), "person"),
            ("organisations", meeting.organisation_ids(), "organisation"),
        ):
            missing = self._missing_ids(table, ids)
            if missing:
                found.append(Problem(record, what, f"refers to missing records {missing}"))
        return found

"""Courses: the register's one write path for a course entry on its own, and its list."""

from __future__ import annotations

from typing import Any

from eventdesk.records import CourseEntry, Problem
from eventdesk.records.problems import raise_if
from eventdesk.records.validation import validate_course
from eventdesk.store import meetings, queries
from eventdesk.store.convert import now
from eventdesk.store.services.base import Service, label


class CourseService(Service):
    """``store.courses``: the courses shortlisted for programmes, with or without a meeting."""

    def save(self, course: CourseEntry) -> CourseEntry:
        """Save a course entry on its own (the register, an import), outside a meeting's editor.

        A course loaded at a version another save has moved on from (its meeting's, or the
        register's) raises ``Conflict`` and saves nothing; each save keeps its line of history.
        """
        raise_if(self.problems(course))
        with self._saving("course", course):
            row = {**meetings.course_row(course), "updated_at": now()}
            course.id = self._upsert("courses", course.id, row, stamps=False)
            self._store.search_due(listed=("courses", course.id))
        return self.get(course.id)

    def problems(self, course: CourseEntry) -> list[Problem]:
        """What stops ``course`` from being saved: the records' rules, a missing institution
        or meeting."""
        found = validate_course(course, label("course", course.title))
        for table, record_id, field in (
            ("organisations", course.institution_id, "institution"),
            ("meetings", course.meeting_id, "meeting"),
        ):
            if self._missing_ids(table, [record_id]):
                message = f"refers to a missing record ({record_id})"
                found.append(Problem("course", field, message))
        return found

    def get(self, course_id: int) -> CourseEntry:
        return meetings.course_from_row(self._row("courses", course_id, "course"))

    def list(self, text: str = "", **filters: Any) -> list[queries.CourseRow]:
        """Courses matching ``text``; ``filters``: ``queries.list_courses``'s (year,
        institution_id, status, sort, limit, offset)."""
        return queries.list_courses(self.connection, text, **filters)

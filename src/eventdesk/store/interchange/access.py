"""What the interchange needs of a store: a few reads for an export, the saves for an import.

Why a protocol and not ``EventStore``: the store offers the interchange as
its own methods (``import_file``, ``export_json``), so the interchange may not
import the store's front door back; and a second database engine's store
answers the interchange by offering these methods, nothing more. A meeting
is imported through ``store.meetings.write``, the GUI's ``save`` without the
read-back, so its validation and reference checks are the same.

``db`` (an export's) and ``connection`` (an import's, on either engine) are here for what
is asked of many rows at once (a whole database's ids, sort keys and people inserted in
batches), which would cost a query per record through the methods.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol

from eventdesk.records import CourseEntry, Meeting, Organisation, Person
from eventdesk.store.engines import Connection


class HasId(Protocol):
    @property
    def id(self) -> int: ...


class CourseRow(HasId, Protocol):
    @property
    def meeting_id(self) -> int | None: ...


class MeetingReads(Protocol):
    def get(self, meeting_id: int, *, with_file_data: bool = False) -> Meeting: ...

    def list(self, filter: Any = None, *, sort: str = ...) -> Sequence[HasId]: ...


class MeetingWrites(Protocol):
    def write(self, meeting: Meeting) -> int: ...

    def count(self) -> int: ...


class PeopleReads(Protocol):
    def get_many(self, ids: Iterable[int]) -> dict[int, Person]: ...

    def list(self) -> Sequence[HasId]: ...


class OrganisationReads(Protocol):
    def get_many(self, ids: Iterable[int]) -> dict[int, Organisation]: ...

    def list(self) -> Sequence[HasId]: ...


class CourseReads(Protocol):
    def get(self, course_id: int) -> CourseEntry: ...

    def list(self) -> Sequence[CourseRow]: ...


class CourseWrites(Protocol):
    def save(self, course: CourseEntry) -> CourseEntry: ...


class PeopleWrites(Protocol):
    def count(self) -> int: ...

    def add_all(self, people: Sequence[Person]) -> list[int]: ...


class RecordReader(Protocol):
    """The reads an export makes: records by id, and the ids of the live ones."""

    #: The store's database, file or team database alike (``store/engines``).
    connection: Connection

    @property
    def meetings(self) -> MeetingReads: ...

    @property
    def people(self) -> PeopleReads: ...

    @property
    def organisations(self) -> OrganisationReads: ...

    @property
    def courses(self) -> CourseReads: ...


class BackupWrites(Protocol):
    def automatic_backup(self, reason: str) -> Path | None: ...


class RecordWriter(Protocol):
    """The saves an import makes, each through the store's own write path."""

    #: The store's database, file or team database alike (``store/engines``).
    connection: Connection

    @property
    def meetings(self) -> MeetingWrites: ...

    @property
    def courses(self) -> CourseWrites: ...

    def transaction(self) -> AbstractContextManager[object]: ...

    def search_due(self, *, listed: tuple[str, int] | None = None) -> None:
        """A record the import inserted itself (an organisation) is searched for in its list:
        a team database builds its words before the transaction commits."""
        ...

    @property
    def people(self) -> PeopleWrites: ...

    @property
    def files(self) -> BackupWrites: ...

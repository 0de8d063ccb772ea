"""The one way in to the data, for the GUI and the command line alike.

``EventStore`` owns the connection, its transactions, its lock and whether
it may write; what it serves is split into small services, its attributes,
each the one way in to its records (``store/services/``):

=====================  ===============================================
``store.meetings``     a meeting with all its parts: save, load, lists
``store.people``       people: save (one, or a list's many), lists
``store.organisations``  organisations, and which is this office's own
``store.courses``      the course register
``store.files``        a meeting file's bytes, backups, the full check
``store.search``       the search index's upkeep
``store.trash``        delete, restore, empty
``store.duplicates``   merge two records of one, and undo it
``store.drafts``       editors' crash drafts
``store.interchange``  import and export the interchange format
``store.history``      who changed what: each save's line
``store.editing``      who has unsaved edits in what, for the editors' headers
``store.changes``      what other clerks changed, for the lists (a listener)
=====================  ===============================================

Every save checks its record first (the records' rules and the rows it
names; a ``ValidationError`` whose problems name record, field, part and
row), runs in one transaction and returns the saved record (with its ids),
so a screen can refresh from what was actually stored. Nothing outside
``eventdesk.store`` writes SQL.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from eventdesk.store import search_index
from eventdesk.store.database import damaged, memory_database, open_database, sqlite_told
from eventdesk.store.engines import Connection, is_team_address
from eventdesk.store.engines.sqlite import SQLiteConnection
from eventdesk.store.errors import ReadOnlyStore, StoreError
from eventdesk.store.lock import FileLock, Holder
from eventdesk.store.services.base import telling_damage
from eventdesk.store.sqlite_db import Database

if TYPE_CHECKING:
    from eventdesk.store.services.changes import ChangeService
    from eventdesk.store.services.chinese_forms import ChineseFormService
    from eventdesk.store.services.courses import CourseService
    from eventdesk.store.services.drafts import DraftService
    from eventdesk.store.services.duplicates import DuplicateService
    from eventdesk.store.services.editing import EditingService
    from eventdesk.store.services.files import FileService
    from eventdesk.store.services.history import HistoryService
    from eventdesk.store.services.interchange import InterchangeService
    from eventdesk.store.services.meetings import MeetingService
    from eventdesk.store.services.office import OfficeService
    from eventdesk.store.services.organisations import OrganisationService
    from eventdesk.store.services.people import PeopleService
    from eventdesk.store.services.search import SearchService
    from eventdesk.store.services.trash import TrashService

#: A rename that leaves more meetings than this to re-index may leave them to a worker.
SEARCH_NOW = 100


#: PostgreSQL's SQLSTATE for a statement the login's privileges do not allow.
_NO_PRIVILEGE = "42501"


@telling_damage
class EventStore:
    """An open EventDesk database."""

    def __init__(
        self,
        db: Database,
        path: Path | None = None,
        *,
        read_only: bool = False,
        lock: FileLock | None = None,
        connection: Connection | None = None,
    ):
        self.db = db
        #: The file; None in memory and for a team database (``connection.address`` names it).
        self.path = path
        #: The database as an engine connection (``store/engines``): the queries written once
        #: for a file and a team database run on it. For a file it is the very ``sqlite3``
        #: connection ``db`` uses, so both see the same transactions; a team database's store
        #: has this alone (its ``db`` is a ``NoFile``).
        self.connection: Connection = connection or SQLiteConnection.over(
            db.conn, path or ":memory:"
        )
        self.read_only = read_only
        #: Why a store is read-only that was not opened so (a team database's reader role).
        self.read_only_reason: str | None = None
        #: Told when the store starts refusing writes after it opened (:meth:`refuse_writes`).
        self._refusal_listeners: list[Callable[[], None]] = []
        self._lock = lock
        #: What the user should be told though the file opened (the day's backup was not made).
        self.notes: list[str] = []
        #: Inside :meth:`transaction` (one inside it leaves the search documents to the outermost).
        self._in_transaction = False
        #: On a team database: what the transaction changed that its search must see.
        self._search_due: set[tuple[str, str, int]] = set()

    # -- the services, each made when first asked for -----------------------------
    #
    # Made on first use, so that opening a file imports only what its first screen reads: the
    # files service brings backups and photos, the interchange its formats, and so on
    # (issue 25, start-up).

    @cached_property
    def meetings(self) -> MeetingService:
        from eventdesk.store.services.meetings import MeetingService

        return MeetingService(self)

    @cached_property
    def people(self) -> PeopleService:
        from eventdesk.store.services.people import PeopleService

        return PeopleService(self)

    @cached_property
    def organisations(self) -> OrganisationService:
        from eventdesk.store.services.organisations import OrganisationService

        return OrganisationService(self)

    @cached_property
    def courses(self) -> CourseService:
        from eventdesk.store.services.courses import CourseService

        return CourseService(self)

    @cached_property
    def trash(self) -> TrashService:
        from eventdesk.store.services.trash import TrashService

        return TrashService(self)

    @cached_property
    def duplicates(self) -> DuplicateService:
        from eventdesk.store.services.duplicates import DuplicateService

        return DuplicateService(self)

    @cached_property
    def drafts(self) -> DraftService:
        from eventdesk.store.services.drafts import DraftService

        return DraftService(self)

    @cached_property
    def files(self) -> FileService:
        from eventdesk.store.services.files import FileService

        return FileService(self)

    @cached_property
    def search(self) -> SearchService:
        from eventdesk.store.services.search import SearchService

        return SearchService(self)

    @cached_property
    def interchange(self) -> InterchangeService:
        from eventdesk.store.services.interchange import InterchangeService

        return InterchangeService(self)

    @cached_property
    def office(self) -> OfficeService:
        from eventdesk.store.services.office import OfficeService

        return OfficeService(self)

    @cached_property
    def chinese_forms(self) -> ChineseFormService:
        from eventdesk.store.services.chinese_forms import ChineseFormService

        return ChineseFormService(self)

    @cached_property
    def history(self) -> HistoryService:
        from eventdesk.store.services.history import HistoryService

        return HistoryService(self)

    @cached_property
    def editing(self) -> EditingService:
        from eventdesk.store.services.editing import EditingService

        return EditingService(self)

    @cached_property
    def changes(self) -> ChangeService:
        from eventdesk.store.services.changes import ChangeService

        return ChangeService(self)

    # -- opening ------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str],
        *,
        create: bool = True,
        read_only: bool = False,
        verify: bool = True,
        take_over: bool = False,
    ) -> EventStore:
        """Open the database at ``path``; unless read-only, hold its lock while open.

        Raises ``DatabaseLocked`` (naming who holds it) when another EventDesk
        has the file open; the caller may then offer ``read_only=True``, or
        ``take_over=True`` where the lock is only another PC's record
        (``can_take_over``). A file on a network drive raises ``OnNetworkDrive``.

        A ``postgresql://`` address opens a team database (``team_database.py``): no lock,
        backup or file check, which its server does for itself.
        """
        if is_team_address(path):
            from eventdesk.store.team_database import NoFile, open_team_database

            conn, refused = open_team_database(str(path), create=create, read_only=read_only)
            read_only = read_only or refused is not None  # a reader's role: ``refused`` says so
            team = cls(NoFile(conn.address), read_only=read_only, connection=conn)  # type: ignore[arg-type]
            team.read_only_reason = refused
            return team
        path = Path(path)
        file_lock = None
        if not read_only and path.parent.is_dir():
            file_lock = FileLock(path)
            file_lock.acquire(take_over=take_over)
        notes: list[str] = []
        try:
            db = open_database(path, create=create, read_only=read_only, verify=verify, notes=notes)
        except BaseException:
            if file_lock:
                file_lock.release()
            raise
        store = cls(db, path, read_only=read_only, lock=file_lock)
        store.notes = notes
        return store

    @classmethod
    def in_memory(cls) -> EventStore:
        return cls(memory_database())

    def close(self) -> None:
        if "changes" in vars(self):  # made (a listener may run): its thread first, not after
            self.changes.close()
        if "drafts" in vars(self):  # a team database's drafts file of this window, let go
            self.drafts.close()
        if self.connection.engine != "sqlite":
            self.connection.close()
            return
        # Planner statistics, where they went stale, but only after this connection changed
        # something: a session that only read (or an import refused) changes no byte.
        if not self.read_only:
            with contextlib.suppress(sqlite3.Error):  # closed already, or busy: skip it
                if self.db.conn.total_changes:
                    self.db.execute("PRAGMA analysis_limit = 400")  # a sample: closing is quick
                    self.db.execute("PRAGMA optimize")
        self.db.close()
        if self._lock:
            self._lock.release()

    def _told(self, exc: sqlite3.Error) -> Exception:
        """A ``sqlite3`` error in words: damage with the way out, the others what to do."""
        if type(exc) is sqlite3.DatabaseError:
            return damaged(self.path or Path(":memory:"), str(exc))
        return sqlite_told(exc)

    @contextmanager
    def transaction(self, *, search_later: bool = False) -> Iterator[Database]:
        """One transaction; a failure rolls it all back and says why in words.

        The search documents of the meetings it touched are rebuilt before it
        commits, unless ``search_later`` and more than ``SEARCH_NOW`` wait:
        then ``store.search.refresh`` (a worker's job) rebuilds them. One inside
        another (an import's meetings) leaves them to the outermost, which
        rebuilds them all at once.
        """
        if self.read_only:
            raise ReadOnlyStore(
                self.read_only_reason or f"{self.address} is open read-only; nothing can be saved."
            )
        outermost = not self._in_transaction
        if self.connection.engine != "sqlite":
            try:
                with self.connection.transaction():
                    self._in_transaction = True
                    try:
                        yield self.db
                    finally:
                        self._in_transaction = not outermost
                    if outermost:
                        self._rebuild_search_documents()
            except Exception as exc:
                if getattr(exc, "sqlstate", None) != _NO_PRIVILEGE:
                    raise
                raise self._privilege_lost(exc) from exc
            finally:
                if outermost:
                    self._search_due.clear()
            return
        if outermost and self._lock is not None:
            taken = self._lock.taken_by()
            if taken is not None:
                raise self._lock_lost(taken)
        try:
            with self.db.atomic():
                self._in_transaction = True
                try:
                    yield self.db
                finally:
                    self._in_transaction = not outermost
                if outermost and (not search_later or search_index.pending(self.db) <= SEARCH_NOW):
                    search_index.refresh(self.db)
        except sqlite3.Error as exc:
            if getattr(exc, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_READONLY:
                raise self._file_turned_read_only(exc) from exc
            raise self._told(exc) from exc

    def _privilege_lost(self, exc: Exception) -> StoreError:
        """The team database's server refused a write for the login's privileges (the office's
        IT made it a reader's with the window open): the store refuses writes from now on,
        saying why, as it does for a reader's login at opening; a refusal of one table alone
        (the role half set up) is one sentence, the store left writable."""
        from eventdesk.store.team_database import _role_refuses_writes

        try:
            refused = _role_refuses_writes(self.connection)
        except Exception:  # the server gone meanwhile: what it said is all there is
            refused = None
        if refused is None:
            return StoreError(f"The team database refused the change: {exc}.")
        self.read_only_reason = refused
        self.refuse_writes()
        return ReadOnlyStore(refused)

    def _lock_lost(self, taken: Holder) -> StoreError:
        """Another EventDesk holds the file's lock now (another PC took it over): two writers
        would lose each other's saves, so this store refuses writes from now on, saying who."""
        said = (
            f"{taken.user} on {taken.host} took {self.address} over {taken.since_words()}; "
            "nothing more can be saved here. Copy what you typed, then open the file again."
        )
        return self._writes_refused(said)

    def _file_turned_read_only(self, exc: sqlite3.Error) -> StoreError:
        """The file can no longer be written (its drive or its permissions changed with the
        window open): the store refuses writes from now on, saying why."""
        said = (
            f"{self.address} can no longer be written ({exc}); nothing more can be saved. "
            "Copy what you typed, then open the file again."
        )
        return self._writes_refused(said)

    def _writes_refused(self, said: str) -> ReadOnlyStore:
        """Refuse writes from now on for the reason ``said``, first of the store's notes; the
        error to raise for the save that found it."""
        self.notes.insert(0, said)
        self.refuse_writes()
        return ReadOnlyStore(said)

    def search_due(
        self,
        meeting_id: int | None = None,
        *,
        naming: tuple[str, int] | None = None,
        listed: tuple[str, int] | None = None,
    ) -> None:
        """A save changed what a search finds: the words of meeting ``meeting_id``, the names
        of the person or organisation ``naming`` (``("people", id)``: the documents of the
        meetings naming it), or the words of a person, organisation or course in its list
        (``listed``). They are rebuilt before the outermost transaction commits. A file's
        triggers mark them by themselves; a team database is told here
        (``engines/postgres_search.py``)."""
        if self.connection.engine == "sqlite":
            return
        if meeting_id is not None:
            self._search_due.add(("document", "meetings", meeting_id))
        if naming is not None:
            self._search_due.add(("naming", *naming))
        if listed is not None:
            self._search_due.add(("list", *listed))

    def _rebuild_search_documents(self) -> None:
        from eventdesk.store.engines import postgres_search

        postgres_search.rebuild_due(self.connection, self._search_due)

    @property
    def address(self) -> str:
        """The file's path, or the team database's address without its password."""
        return str(self.path) if self.path is not None else self.connection.address

    def reconnect(self) -> None:
        """Try a team database now, after its server stopped answering: a fresh connection
        if it answers again, ``ConnectionLost`` (a ``StoreError``) while it does not. A file
        has nothing to do. The window calls it on a timer while its banner says the server is
        gone; any other call would reconnect as well (a read is sent again by itself)."""
        self.connection.reconnect()

    def on_connection(self, listener: Callable[[bool, str], None]) -> None:
        """Call ``listener(answering, message)`` when a team database's server stops
        answering ("The team database on HOST stopped answering: …") and when it answers
        again, in the thread that found out; a file never calls it."""
        self.connection.listen(listener)

    def refuse_writes(self) -> None:
        """From now on, every save is refused (after damage was found in the file); the
        listeners of :meth:`on_refusing_writes` are told, in the thread that calls this."""
        already = self.read_only
        self.read_only = True
        if not already:
            for listener in list(self._refusal_listeners):
                listener()

    def on_refusing_writes(self, listener: Callable[[], None]) -> None:
        """Call ``listener()`` when the store starts refusing writes after it opened
        (:meth:`refuse_writes`): a window's pages and commands then show it read-only."""
        self._refusal_listeners.append(listener)

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

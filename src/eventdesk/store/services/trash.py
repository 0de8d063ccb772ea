"""The trash: meetings, people and organisations deleted but not yet gone, and back again."""

from __future__ import annotations

from datetime import UTC, datetime

from eventdesk.store import history, media, related, versions
from eventdesk.store import trash as trash_bin
from eventdesk.store.convert import now
from eventdesk.store.rows import update_row
from eventdesk.store.services.base import Service

#: The kinds of record that go to the trash, and their tables.
SOFT_DELETABLE = {"meeting": "meetings", "person": "people", "organisation": "organisations"}


class TrashService(Service):
    """``store.trash``: put a record in, take it back out, empty it."""

    def put(self, kind: str, record_id: int) -> None:
        """Move a meeting, person or organisation to the trash (what a user calls delete)."""
        self._set_deleted(kind, record_id, now())

    def restore(self, kind: str, record_id: int) -> None:
        """Take a record back out of the trash."""
        self._set_deleted(kind, record_id, None)

    def impact(self, kind: str, record_id: int) -> list[str]:
        """What a user should know before deleting a record: what still refers to it."""
        if kind == "person":
            rows = related.meetings_of_person(self.connection, record_id)
            return [f"attended {r.start_date} {r.title}" for r in rows]
        if kind == "organisation":
            return [
                f"{r.start_date} {r.title}: {r.person or r.role}"
                for r in related.meetings_of_organisation(self.connection, record_id)
            ]
        return []

    def ids(self) -> dict[str, list[int]]:
        """The ids in the trash by kind, the longest there first."""
        return {
            kind: [
                r[0]
                for r in self.connection.execute(
                    f"SELECT id FROM {table} WHERE deleted_at IS NOT NULL ORDER BY deleted_at"
                )
            ]
            for kind, table in SOFT_DELETABLE.items()
        }

    def page(self, *, limit: int = -1, offset: int = 0) -> list[trash_bin.TrashRow]:
        """Kind, id, label and time of deletion of trashed records, most recent first."""
        return trash_bin.page(self.connection, limit=limit, offset=offset)

    def count(self) -> int:
        return trash_bin.count(self.connection)

    def empty(self, *, trashed_before: datetime | None = None) -> trash_bin.Emptied:
        """Remove trashed records for good (only those trashed before a time, if given).

        Meetings go with their parts and search documents; people and
        organisations that live records still name stay in the trash.
        """
        before = (
            trashed_before.astimezone(UTC).isoformat(timespec="seconds") if trashed_before else None
        )
        with self._store.transaction():
            emptied = trash_bin.empty(self.connection, before)
        # their photos go too, once no record names them
        if self.connection.engine == "sqlite":
            media.remove_orphans(self.db)
        else:
            from eventdesk.store.engines import postgres_photos

            postgres_photos.remove_unnamed(self.connection)
        return emptied

    def _set_deleted(self, kind: str, record_id: int, when: str | None) -> None:
        table = SOFT_DELETABLE[kind]
        self._row(table, record_id, kind)
        with self._store.transaction():
            update_row(self.connection, table, record_id, {"deleted_at": when})
            who = versions.user_of(self.connection)
            action = history.DELETED if when else history.RESTORED
            history.noted(self.connection, kind, record_id, action, who)
            if kind == "meeting":  # a trashed meeting has no search document
                self._store.search_due(record_id)

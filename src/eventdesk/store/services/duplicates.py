"""Duplicates: two records of one person or organisation made one, and taken apart again."""

from __future__ import annotations

from eventdesk.store import history, merging, versions
from eventdesk.store.services.base import Service
from eventdesk.store.services.trash import SOFT_DELETABLE


class DuplicateService(Service):
    """``store.duplicates``: merge a duplicate into the record kept, and undo it."""

    def merge(self, kind: str, kept: int, merged: int) -> merging.Merge:
        """Make ``merged`` (a person or organisation) part of ``kept``, in one transaction.

        Every reference moves to ``kept``, its empty fields take ``merged``'s,
        and ``merged`` goes to the trash; :meth:`unmerge` undoes it.
        """
        table = SOFT_DELETABLE[kind]
        self._row(table, kept, kind)
        self._row(table, merged, kind)
        with self._store.transaction():
            merged_one = merging.merge(self.connection, kind, kept, merged)
            who = versions.user_of(self.connection)
            history.merged(self.connection, kind, kept, merged, merged_one.filled, who)
            key = (SOFT_DELETABLE[kind], kept)  # its meetings, and its own words (filled in)
            self._store.search_due(naming=key, listed=key)
            return merged_one

    def unmerge(self, done: merging.Merge) -> None:
        """Undo a :meth:`merge`: each reference back where it was, the duplicate restored."""
        with self._store.transaction():
            merging.unmerge(self.connection, done)
            who = versions.user_of(self.connection)
            history.merged(
                self.connection, done.kind, done.kept, done.merged, done.filled, who, undone=True
            )
            for record_id in (done.kept, done.merged):
                key = (SOFT_DELETABLE[done.kind], record_id)
                self._store.search_due(naming=key, listed=key)

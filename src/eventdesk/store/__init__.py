"""The SQLite file: schema, migrations, queries, search, backups. No Qt.

Use :class:`EventStore`; it is the single way in for the GUI and the CLI.
"""

from eventdesk.store.errors import (
    DatabaseDamaged,
    DatabaseUnavailable,
    ImportRefused,
    NewerSchemaError,
    NotAnEventDeskDatabase,
    ReadOnlyStore,
    RecordNotFound,
    StoreError,
)
from eventdesk.store.lock import DatabaseLocked
from eventdesk.store.queries import MeetingFilter
from eventdesk.store.service import EventStore

__all__ = [
    "DatabaseDamaged",
    "DatabaseLocked",
    "DatabaseUnavailable",
    "EventStore",
    "ImportRefused",
    "MeetingFilter",
    "NewerSchemaError",
    "NotAnEventDeskDatabase",
    "ReadOnlyStore",
    "RecordNotFound",
    "StoreError",
]

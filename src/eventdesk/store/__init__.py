"""The SQLite file: schema, migrations, queries, search, backups. No Qt.

Use :class:`EventStore`; it is the single way in for the GUI and the CLI.
"""

from eventdesk.store.errors import (
    DatabaseUnavailable,
    ImportRefused,
    NewerSchemaError,
    NotAnEventDeskDatabase,
    RecordNotFound,
    StoreError,
)
from eventdesk.store.queries import MeetingFilter
from eventdesk.store.service import EventStore

__all__ = [
    "DatabaseUnavailable",
    "EventStore",
    "ImportRefused",
    "MeetingFilter",
    "NewerSchemaError",
    "NotAnEventDeskDatabase",
    "RecordNotFound",
    "StoreError",
]

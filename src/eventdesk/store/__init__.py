"""The SQLite file: schema, migrations, queries, search, backups. No Qt.

Use :class:`EventStore`; it is the single way in for the GUI and the CLI, and
:class:`DatabaseFiles` for the file itself (backups, restore, upkeep). The GUI
imports from here only: these services, their errors and the types they return
(an import-linter contract in ``pyproject.toml`` checks it).
"""

from typing import Any

from eventdesk.store.backups import Backup
from eventdesk.store.chinese_forms import Glossary, Proposal, load_glossary
from eventdesk.store.core import EventStore
from eventdesk.store.drafts import Draft
from eventdesk.store.engines.addresses import is_team_address, readable, redacted
from eventdesk.store.engines.errors import ConnectionLost, PasswordRequired
from eventdesk.store.errors import (
    BackupNotMade,
    Conflict,
    DatabaseDamaged,
    DatabaseUnavailable,
    DiskFull,
    ImportRefused,
    NewerSchemaError,
    NotAnEventDeskDatabase,
    ReadOnlyLocation,
    ReadOnlyStore,
    RecordNotFound,
    StoreError,
)
from eventdesk.store.files import DatabaseFiles
from eventdesk.store.history import Change
from eventdesk.store.lock import DatabaseLocked, HeldOnAnotherPC
from eventdesk.store.merging import Merge
from eventdesk.store.network_drive import OnNetworkDrive
from eventdesk.store.queries import (
    AttendedRow,
    CourseRow,
    MeetingFilter,
    MeetingRow,
    OrganisationRow,
    PersonRow,
)
from eventdesk.store.same_names import same_name
from eventdesk.store.trash import Emptied, TrashRow

__all__ = [
    "AttendedRow",
    "Backup",
    "BackupNotMade",
    "Change",
    "Conflict",
    "ConnectionLost",
    "CourseRow",
    "DatabaseDamaged",
    "DatabaseFiles",
    "DatabaseLocked",
    "DatabaseUnavailable",
    "DiskFull",
    "Draft",
    "Emptied",
    "EventStore",
    "Glossary",
    "HeldOnAnotherPC",
    "ImportRefused",
    "ImportReport",
    "MeetingFilter",
    "MeetingRow",
    "Merge",
    "NewerSchemaError",
    "NotAnEventDeskDatabase",
    "OnNetworkDrive",
    "OrganisationRow",
    "PasswordRequired",
    "PersonRow",
    "Proposal",
    "ReadOnlyLocation",
    "ReadOnlyStore",
    "RecordNotFound",
    "StoreError",
    "TrashRow",
    "is_team_address",
    "load_glossary",
    "readable",
    "redacted",
    "same_name",
]


def __getattr__(name: str) -> Any:
    """``ImportReport`` on first use: the interchange is not needed to start."""
    if name == "ImportReport":
        from eventdesk.store.interchange import ImportReport

        return ImportReport
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

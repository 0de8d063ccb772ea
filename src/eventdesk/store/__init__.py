"""The SQLite file: schema, migrations, queries, search, backups. No Qt.

Use :class:`EventStore`; it is the single way in for the GUI and the CLI, and
:class:`DatabaseFiles` for the file itself (backups, restore, upkeep). The GUI
imports from here only: these services, their errors and the types they return
(an import-linter contract in ``pyproject.toml`` checks it).
"""

from typing import TYPE_CHECKING, Any

from eventdesk.store.changes import ChangeListener, ChangeNotice
from eventdesk.store.core import EventStore
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
    NotSetUp,
    ReadOnlyLocation,
    ReadOnlyStore,
    RecordNotFound,
    StoreError,
)
from eventdesk.store.lock import DatabaseLocked, HeldOnAnotherPC
from eventdesk.store.network_drive import OnNetworkDrive
from eventdesk.store.queries import (
    AttendedRow,
    CourseRow,
    MeetingFilter,
    MeetingRow,
    OrganisationRow,
    PersonRow,
)

if TYPE_CHECKING:
    from eventdesk.store.backups import Backup
    from eventdesk.store.chinese_forms import Glossary, Proposal, load_glossary
    from eventdesk.store.drafts import Draft
    from eventdesk.store.files import DatabaseFiles
    from eventdesk.store.history import Change
    from eventdesk.store.interchange import ImportReport
    from eventdesk.store.merging import Merge
    from eventdesk.store.same_names import same_name
    from eventdesk.store.trash import Emptied, TrashRow

#: What is imported on first use (PEP 562), not with the store: none of it is needed to show
#: the first screen, and the backups, the Chinese forms and the interchange bring in much
#: more (issue 25, start-up; tests/ui/test_start_loads.py).
_LATER = {
    "Backup": "backups",
    "DatabaseFiles": "files",
    "Glossary": "chinese_forms",
    "Proposal": "chinese_forms",
    "load_glossary": "chinese_forms",
    "Draft": "drafts",
    "Change": "history",
    "ImportReport": "interchange",
    "Merge": "merging",
    "same_name": "same_names",
    "Emptied": "trash",
    "TrashRow": "trash",
}

__all__ = [
    "AttendedRow",
    "Backup",
    "BackupNotMade",
    "Change",
    "ChangeListener",
    "ChangeNotice",
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
    "NotSetUp",
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
    """A name of ``_LATER``, from its module, the first time it is asked for."""
    if name in _LATER:
        import importlib

        value = getattr(importlib.import_module(f"eventdesk.store.{_LATER[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

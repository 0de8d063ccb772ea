"""The versioned JSON interchange format: one meeting, or the whole database."""

from eventdesk.store.interchange.exporter import (
    FORMAT_VERSION,
    dumps,
    export_database,
    export_meeting,
)
from eventdesk.store.interchange.importer import (
    ImportReport,
    import_document,
    import_file,
    read_document,
)
from eventdesk.store.interchange.structure import load_schema

__all__ = [
    "FORMAT_VERSION",
    "ImportReport",
    "dumps",
    "export_database",
    "export_meeting",
    "import_document",
    "import_file",
    "load_schema",
    "read_document",
]

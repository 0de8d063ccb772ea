"""The record tables, derived from the records' field declarations (``records/fields.py``).

The SQLite file's schema is built by its numbered migrations (``migrations.py``),
which must stay as they ran; the definitions here are what those tables are,
read from the declarations. A test holds the two equal on a new file (column
names, types, NOT NULL, keys and foreign keys), so a field declared without its
migration, or a migration without its declaration, fails at once; and a second
database engine can create the same tables from these.

What is the store's own and no record's field is named here: the timestamps
of the records kept in the trash, a file's content hash, and the tables that
are not records (settings, drafts, the search indexes).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from eventdesk.records import Meeting, Organisation, Person
from eventdesk.records.fields import Declared, declared_fields

#: A declared type's column type.
COLUMN_TYPES = {
    "text": "TEXT",
    "date": "TEXT",
    "time": "TEXT",
    "enum": "TEXT",
    "tags": "TEXT",
    "int": "INTEGER",
    "bool": "INTEGER",
    "id": "INTEGER",
    "bytes": "BLOB",
}

#: The records that stand alone, each in its table; they go to the trash before they are gone.
ROOTS: tuple[tuple[type, str], ...] = (
    (Organisation, "organisations"),
    (Person, "people"),
    (Meeting, "meetings"),
)
_TRASH_COLUMNS = ("created_at", "updated_at", "deleted_at")
#: Columns only the store writes: a file's content by its hash (``store/media.py``).
#: When a course was last saved (the others' is with their trash columns): a conflict says when.
_STORE_COLUMNS = {"files": ("sha256",), "courses": ("updated_at",)}


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    not_null: bool = False


@dataclass(frozen=True)
class ForeignKey:
    column: str
    table: str
    other: str = "id"


@dataclass(frozen=True)
class Table:
    """One table: its columns (in no significant order), its primary key, its foreign keys."""

    name: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...]
    #: the record class whose fields its rows hold (None for a link table)
    record: type | None = None
    #: indexes beyond the keys', each its columns in order (the history's, by record)
    indexes: tuple[tuple[str, ...], ...] = ()

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


#: Tables of the store's own, on both engines, that hold no record: who changed what
#: (``store/history.py``, one row a save) and who has what open to edit (``store/editing.py``).
#: The file's migration ``m019_versions_and_history`` makes the same.
HISTORY = Table(
    "history",
    (
        Column("id", "INTEGER"),
        Column("record_type", "TEXT", not_null=True),
        Column("record_id", "INTEGER", not_null=True),
        Column("record_uid", "TEXT"),
        Column("version", "INTEGER"),
        Column("changed_by", "TEXT"),
        Column("changed_at", "TEXT", not_null=True),
        Column("action", "TEXT", not_null=True),
        Column("fields", "TEXT"),
        Column("changes", "TEXT"),
    ),
    ("id",),
    (),
    indexes=(("record_type", "record_id", "id"),),
)
EDITING = Table(
    "editing",
    (
        Column("record_type", "TEXT", not_null=True),
        Column("record_id", "INTEGER", not_null=True),
        Column("user_name", "TEXT", not_null=True),
        Column("host", "TEXT", not_null=True),
        Column("since", "TEXT", not_null=True),
        Column("seen", "TEXT", not_null=True),
    ),
    ("record_type", "record_id", "user_name", "host"),
    (),
)
STORE_TABLES = (HISTORY, EDITING)


@cache
def tables() -> dict[str, Table]:
    """Every record, part and link table, by name, each after the tables it refers to
    (the order to create them in)."""
    found: dict[str, Table] = {}
    for cls, name in ROOTS:
        _add(found, cls, name, extra=_TRASH_COLUMNS)
    ordered: dict[str, Table] = {}

    def place(name: str) -> None:
        if name not in ordered:
            for key in found[name].foreign_keys:
                if key.table != name:
                    place(key.table)
            ordered[name] = found[name]

    for name in found:
        place(name)
    return ordered


def table(name: str) -> Table:
    return tables()[name]


def _add(
    found: dict[str, Table],
    cls: type,
    name: str,
    *,
    extra: tuple[str, ...] = (),
    owner: Declared | None = None,
    owner_table: str = "",
) -> None:
    # The row's own keys first, then its owner and place, then its fields.
    declarations = sorted(declared_fields(cls), key=lambda d: d.kind not in ("id", "uid"))
    own_keys = [d for d in declarations if d.kind in ("id", "uid")]
    has_id = any(d.kind == "id" for d in own_keys)
    columns = [Column(d.column, _column_type(d), d.required) for d in own_keys]
    keys: list[ForeignKey] = []
    if owner is not None:
        columns += _place_columns(owner, owner_table, has_id, keys)
    for d in declarations[len(own_keys) :]:
        if d.kind == "refs":
            _add_link(found, d, name)
        elif d.kind == "parts":
            assert d.part is not None
            _add(found, d.part, d.table, owner=d, owner_table=name)
        elif d.column:
            columns.append(Column(d.column, _column_type(d), d.required))
            if d.kind == "ref":
                keys.append(ForeignKey(d.column, d.table))
    columns += [Column(c, "TEXT") for c in (*extra, *_STORE_COLUMNS.get(name, ()))]
    if has_id:
        primary_key: tuple[str, ...] = ("id",)
    else:
        assert owner is not None, f"{cls.__name__} has no id and no owner"
        primary_key = (owner.owner, owner.key or owner.order)
    found[name] = Table(name, tuple(columns), primary_key, tuple(keys), cls)


def _place_columns(
    owner: Declared, owner_table: str, has_id: bool, keys: list[ForeignKey]
) -> list[Column]:
    """A part's owner and its place in the owner's list: never empty for parts with an id."""
    order = Column(owner.order, "INTEGER", not_null=has_id and not owner.standalone)
    if owner.standalone:  # its own field names the owner (a course's meeting_id)
        return [order]
    keys.append(ForeignKey(owner.owner, owner_table))
    return [Column(owner.owner, "INTEGER", not_null=has_id), order]


def _add_link(found: dict[str, Table], d: Declared, owner_table: str) -> None:
    columns = (
        Column(d.owner, "INTEGER"),
        Column(d.key, "INTEGER"),
        Column("position", "INTEGER"),
    )
    keys = (ForeignKey(d.owner, owner_table), ForeignKey(d.key, d.table))
    found[d.link] = Table(d.link, columns, (d.owner, d.key), keys)


def _column_type(d: Declared) -> str:
    if d.kind == "ref":
        return "INTEGER"  # a sibling part's uid is stored as that part's row id
    return COLUMN_TYPES[d.type]

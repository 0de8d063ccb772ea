"""What a record's fields are to the other layers, declared once beside the field itself.

A field's declaration in the dataclass carries what the store, the interchange
format, the search and the forms need to know about it, so that adding a field
is one line here (and a migration; ``docs/adding-a-field.md`` has the steps).
The kinds:

- :func:`text`: text, ``""`` when empty; :func:`text_fields` lists the plain
  ones (kept as typed), which the interchange format reads and writes as
  strings and its JSON Schema describes without an edit;
- :func:`value`: one value of another type (a number, a yes or no, a date, a
  time, a word of a closed vocabulary, a list of tags, bytes);
- :func:`ref`: the id of another record (a person, an organisation), or with
  ``sibling`` the uid of another part of the same meeting (its session);
- :func:`refs`: a list of ids kept in a link table, in order;
- :func:`parts`: a list of parts kept in a table of their own, in order;
- :func:`row_id` and :func:`identity`: the record's id in its table, and its
  uid, which the interchange format calls ``id``.

Each carries its column (when not the field's own name), its interchange name
(when not the field's own name), whether a Chinese form follows it (``zh``:
the field ``<name>_zh``), whether searches find the record by it
(``searched``), whether the interchange format leaves it out when it holds
its default (``sparse``: every field added after version 1 of the format, so
that the files of records that leave it empty stay byte for byte as they
were), whether a summary prints it with its record and after which words
(``printed``: an attendee's in the minutes' attendee list), and with a
``label`` its place on the record's form (:func:`form_fields`). The store
derives its tables and row converters from :func:`declared_fields`.

No Qt and no SQL here: tables and types are plain words, and the store and
the GUI decide what to make of them.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cache
from typing import Any

_FORM = "eventdesk_form"
_DECLARED = "eventdesk_declared"

#: Pass as ``default`` for a field every record must be given (it has no default).
NO_DEFAULT: Any = dataclasses.MISSING

#: The types of a :func:`value` (and of the other kinds, for the store's column types).
TYPES = ("text", "int", "bool", "date", "time", "enum", "tags", "bytes")


def new_uid() -> str:
    """A stable identity that survives export, import and re-import."""
    import uuid  # with platform: not imported to start the window (issue 25)

    return uuid.uuid4().hex


@dataclass(frozen=True)
class FormField:
    """One field of a record's form: its name, its label (``&`` before the shortcut key)."""

    name: str
    label: str
    #: Lines a text field shows: 1 is a line edit, more a box that height (in text lines).
    lines: int = 1
    placeholder: str = ""


@dataclass(frozen=True)
class Declared:
    """What one field is to the store and the interchange format (plain words, no SQL)."""

    #: "text", "value", "ref", "refs", "parts", "id" (the row id) or "uid"
    kind: str
    #: one of :data:`TYPES`, "id" (a record's or part's id) or "list" (refs, parts)
    type: str
    field: str = ""
    #: the column of the record's table; "" when the field has none (refs, parts)
    column: str = ""
    #: the name in the interchange format; "" when the format does not carry it
    name: str = ""
    #: ref: the table referred to; refs: the table its ids are of; parts: the parts' table
    table: str = ""
    #: refs: the link table; the column of the link or parts table naming the owner
    link: str = ""
    owner: str = ""
    #: parts: the part class; the column that keeps their order; the key besides the owner
    #: of parts without an id of their own (a meeting's hosts: the organisation)
    part: type | None = None
    order: str = "position"
    key: str = ""
    #: parts kept in a table that stands alone too (the course register): the owner may be
    #: empty, and the part's own field holds it
    standalone: bool = False
    #: a ref to another part of the same meeting, by its uid (a presentation's session)
    sibling: bool = False
    #: the field ``<field>_zh`` holds its Chinese form
    zh: bool = False
    #: searches find the record by it (its list's search, its meeting's search document)
    searched: bool = False
    #: it names the record where others refer to it (a meeting's search document)
    naming: bool = False
    #: stored trimmed of spaces (a name a person is matched by)
    strip: bool = False
    #: the column may not be empty (NOT NULL)
    required: bool = False
    #: the store writes it itself (a file's bytes and size), never from the record as is
    managed: bool = False
    #: the interchange format carries it (``name``)
    exchanged: bool = True
    #: the interchange format writes it only when it differs from its default, and a file
    #: without it reads as the default: a field added after version 1 of the format, which
    #: files written before it (and records that leave it empty) do not have
    sparse: bool = False
    #: a summary prints it with its record, after these words in English and in Chinese
    #: (an attendee's, in the minutes' attendee list: "Gift: a porcelain vase"); () not
    printed: tuple[str, ...] = ()


def text(
    label: str = "",
    *,
    lines: int = 1,
    placeholder: str = "",
    default: Any = "",
    column: str = "",
    name: str = "",
    zh: bool = False,
    searched: bool = False,
    naming: bool = False,
    strip: bool = False,
    required: bool = False,
    sparse: bool = False,
    printed: tuple[str, str] | tuple[()] = (),
) -> Any:
    """A text field (default ``""``); with a ``label`` it is on the record's form.

    ``strip``: stored trimmed, as names are; such a field is not among :func:`text_fields`.
    """
    declared = Declared(
        "text",
        "text",
        column=column,
        name=name,
        zh=zh,
        searched=searched,
        naming=naming,
        strip=strip,
        required=required,
        sparse=sparse,
        printed=printed,
    )
    return _field(declared, default, label, lines, placeholder)


def value(
    type_: str,
    label: str = "",
    *,
    default: Any = None,
    default_factory: Any = dataclasses.MISSING,
    column: str = "",
    name: str = "",
    searched: bool = False,
    required: bool = False,
    managed: bool = False,
    exchanged: bool = True,
    sparse: bool = False,
    printed: tuple[str, str] | tuple[()] = (),
) -> Any:
    """One value of ``type_`` (one of :data:`TYPES`): a number, a date, a word of an enum..."""
    if type_ not in TYPES:
        raise ValueError(f"unknown field type {type_!r}; one of {', '.join(TYPES)}")
    declared = Declared(
        "value",
        type_,
        column=column,
        name=name,
        searched=searched,
        required=required,
        managed=managed,
        exchanged=exchanged,
        sparse=sparse,
        printed=printed,
    )
    return _field(declared, default, label, factory=default_factory)


def ref(
    table: str,
    label: str = "",
    *,
    default: Any = None,
    column: str = "",
    name: str = "",
    sibling: bool = False,
    required: bool = False,
    exchanged: bool = True,
) -> Any:
    """The id of a record of ``table`` (default none), or with ``sibling`` a part's uid."""
    declared = Declared(
        "ref",
        "text" if sibling else "id",
        column=column,
        name=name,
        table=table,
        sibling=sibling,
        required=required,
        exchanged=exchanged,
    )
    return _field(declared, default, label)


def refs(table: str, *, link: str, owner: str, key: str, name: str = "") -> Any:
    """A list of ids of records of ``table``, in order, kept in the ``link`` table.

    ``owner`` is the link table's column naming the record that has the list,
    ``key`` the one holding each id.
    """
    declared = Declared("refs", "list", name=name, table=table, link=link, owner=owner, key=key)
    return dataclasses.field(default_factory=list, metadata={_DECLARED: declared, _FORM: None})


def parts(
    part: type,
    table: str,
    *,
    owner: str = "meeting_id",
    order: str = "position",
    key: str = "",
    standalone: bool = False,
    name: str = "",
) -> Any:
    """A list of ``part`` records, in order, kept in ``table`` (its ``owner`` column names whose).

    Parts without an id field are keyed by ``key`` (a meeting's hosts, by the
    organisation) or, without one, by their place in the list.
    """
    declared = Declared(
        "parts",
        "list",
        name=name,
        table=table,
        owner=owner,
        part=part,
        order=order,
        key=key,
        standalone=standalone,
    )
    return dataclasses.field(default_factory=list, metadata={_DECLARED: declared, _FORM: None})


_ROW_ID = Declared("id", "id", exchanged=False)


def row_id() -> Any:
    """The record's id in its table (``None`` until first saved); not in the interchange."""
    return dataclasses.field(default=None, metadata={_DECLARED: _ROW_ID, _FORM: None})


def identity() -> Any:
    """The record's uid, which survives export and import; the interchange calls it ``id``."""
    declared = Declared("uid", "text", name="id", required=True)
    return dataclasses.field(default_factory=new_uid, metadata={_DECLARED: declared, _FORM: None})


def shown(label: str, **kwargs: Any) -> Any:
    """A field with no store declaration of its own, on the record's form."""
    return dataclasses.field(**kwargs, metadata={_FORM: _form(label, 1, "")})


def _field(
    declared: Declared,
    default: Any,
    label: str,
    lines: int = 1,
    placeholder: str = "",
    factory: Any = dataclasses.MISSING,
) -> Any:
    metadata = {_DECLARED: declared, _FORM: _form(label, lines, placeholder)}
    if factory is not dataclasses.MISSING:
        return dataclasses.field(default_factory=factory, metadata=metadata)
    return dataclasses.field(default=default, metadata=metadata)


def _form(label: str, lines: int, placeholder: str) -> FormField | None:
    return FormField("", label, lines, placeholder) if label else None


@cache
def declared_fields(cls: type) -> tuple[Declared, ...]:
    """Every declared field of a record class, in declaration order, named and with its
    column and interchange name filled in (a ref's column is its field's name)."""
    found = []
    names = {f.name for f in dataclasses.fields(cls)}
    for f in dataclasses.fields(cls):
        declared = f.metadata.get(_DECLARED)
        if declared is None:
            continue
        if declared.zh and f"{f.name}_zh" not in names:
            raise TypeError(f"{cls.__name__}.{f.name} is declared zh but has no {f.name}_zh")
        if declared.printed and len(declared.printed) != 2:
            raise TypeError(f"{cls.__name__}.{f.name}: printed=(English words, Chinese words)")
        has_column = declared.kind not in ("refs", "parts")
        found.append(
            dataclasses.replace(
                declared,
                field=f.name,
                column=declared.column or (f.name if has_column else ""),
                name=(declared.name or f.name) if declared.exchanged else "",
            )
        )
    return tuple(found)


@cache
def declared(cls: type, field_name: str) -> Declared:
    """The declaration of one field of ``cls``."""
    for d in declared_fields(cls):
        if d.field == field_name:
            return d
    raise KeyError(f"{cls.__name__}.{field_name} has no declaration")


@cache
def columns_of(cls: type) -> tuple[Declared, ...]:
    """The declared fields that are a column of the record's own row, in declaration order."""
    return tuple(d for d in declared_fields(cls) if d.column)


@cache
def part_lists(cls: type) -> tuple[Declared, ...]:
    """The lists of parts a record has (a meeting's sessions, a decision's parties)."""
    return tuple(d for d in declared_fields(cls) if d.kind == "parts")


@cache
def chinese_pairs(cls: type) -> tuple[tuple[str, str], ...]:
    """(field, its Chinese form) for every field declared ``zh``."""
    return tuple((d.field, f"{d.field}_zh") for d in declared_fields(cls) if d.zh)


@cache
def searched_fields(cls: type) -> tuple[str, ...]:
    """The fields searches find the record by, in declaration order, each Chinese form right
    after its field (the order of a search index's columns and of a search document's words)."""
    searched = [d.field for d in declared_fields(cls) if d.searched]
    twins = {zh for field, zh in chinese_pairs(cls) if field in searched and zh in searched}
    ordered: list[str] = []
    for name in searched:
        if name not in twins:
            ordered.append(name)
            if f"{name}_zh" in twins:
                ordered.append(f"{name}_zh")
    return tuple(ordered)


@cache
def printed_fields(cls: type) -> tuple[Declared, ...]:
    """The fields a summary prints with the record (``printed``), in declaration order."""
    return tuple(d for d in declared_fields(cls) if d.printed)


@cache
def naming_fields(cls: type) -> tuple[str, ...]:
    """The fields that name the record where another refers to it (a person's names)."""
    return tuple(d.field for d in declared_fields(cls) if d.naming)


@cache
def text_fields(cls: type) -> tuple[str, ...]:
    """The plain text fields of a record class (kept as typed), in declaration order."""
    return tuple(d.field for d in declared_fields(cls) if d.kind == "text" and not d.strip)


@cache
def form_fields(cls: type) -> tuple[FormField, ...]:
    """The fields a record's form shows, in declaration order."""
    return tuple(
        dataclasses.replace(f.metadata[_FORM], name=f.name)
        for f in dataclasses.fields(cls)
        if f.metadata.get(_FORM) is not None
    )


def plain_label(label: str) -> str:
    """A form label without its shortcut marker: "&Family name" → "Family name"."""
    return label.replace("&&", "\0").replace("&", "").replace("\0", "&")

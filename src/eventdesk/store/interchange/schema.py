"""The JSON Schema of the interchange format, generated from the records' declarations.

Each record's properties, their types (a date's pattern, an enum's words, a
reference as a key), which are required and the nesting of a meeting's parts
are derived from ``records/fields.py`` by way of :mod:`.declared`; only the
words for a reader and the few rules of version 1 that no declaration says
are written below (:data:`NOTES`). The program reads the generated file,
``format-1.schema.json``, which is shipped beside this module for other
programs to read too; ``tests/store/test_interchange_schema.py`` fails while
it is not what this module generates. After a declaration changes, write it
again with::

    python -m eventdesk.store.interchange.schema
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from enum import Enum
from pathlib import Path
from typing import Any

from eventdesk.records import CourseEntry, Meeting, Organisation, Person
from eventdesk.records.fields import Declared, form_fields, part_lists, plain_label
from eventdesk.store.interchange.declared import defaults, enum_of, exchanged

FILE = Path(__file__).with_name("format-1.schema.json")

#: The records the document lists at its top, by their name in the schema's ``$defs``.
TOP = {"organisation": Organisation, "person": Person, "course": CourseEntry, "meeting": Meeting}

_KEY = {"$ref": "#/$defs/key"}
_DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_TIME = {"type": "string", "pattern": r"^\d{1,2}:\d{2}$"}
#: What a reader is told of a type when its field says nothing more.
_TYPE_WORDS = {"date": "YYYY-MM-DD; the date must exist.", "time": "HH:MM, 24-hour clock."}

#: Per record, by its class's name: "" its description; "required" where version 1 requires
#: other fields than the id and those without a default; per interchange name, its
#: description, or a fragment of schema for a rule no declaration says (a count is not
#: negative). A note naming no field fails tests/store/test_interchange_schema.py.
NOTES: dict[str, dict[str, Any]] = {
    "Organisation": {
        "": "An organisation: university, government body, office, company or alliance.",
        "required": ["id", "kind"],  # a name in English or in Chinese: the records' rule
        "name": "English name.",
        "name_zh": "Chinese name.",
        "short_name": "Short name, e.g. USST.",
        "kind": "What sort of organisation.",
        "parent": "The organisation it belongs to (a department's university).",
        "description": "What it is and does; printed as background.",
        "members": "For an alliance: its member organisations.",
    },
    "Person": {
        "": "A person, stored once and referred to by key.",
        "family_name": {"minLength": 1, "description": "Family name (required)."},
        "name_order": "Printed as 'DING Xiaodong' (family_first) or 'Alexander WAI' (given_first).",
        "name_zh": "Name in Chinese characters.",
        "organisation": "Current organisation.",
    },
    "CourseEntry": {
        "": "A course shortlist entry.",
        "programme": "The programme, e.g. excellent national condition courses.",
        "title": "Course title, exactly as printed.",
        "institution": "Offering institution.",
        "status": "Where the course stands.",
    },
    "Meeting": {
        "": "A meeting with all its parts.",
        "required": ["id", "title", "start_date", "format"],
        "title": "Title (required).",
        "series": "Series, e.g. the alliance's annual meeting.",
        "edition": "Year or edition within the series.",
        "start_date": "First day (required), YYYY-MM-DD.",
        "format": "How it was held.",
        "venue": "Venue, or the online platform.",
        "our_role": "Our university's part in it.",
        "status": "Whether the record is finished.",
    },
    "HostOrganisation": {"": "A host or co-host organisation."},
    "Session": {"": "An agenda item, in order.", "notes": "What happened in it."},
    "Attendance": {
        "": "A person at the meeting; list order is the order of precedence.",
        "title": "Title held at this meeting.",
        "organisation": "Organisation at this meeting.",
        "capacity": "A further role at this meeting, e.g. Chairman of the Alliance.",
    },
    "Presentation": {
        "": "A speech, remarks, presentation or report.",
        "attachment": "A file of this meeting.",
    },
    "Decision": {
        "": "A decision or outcome.",
        "document": "A signed document's short name, as a release names it.",
        "count": {"minimum": 0},
        "count_unit": "What the count counts, e.g. students.",
    },
    "DecisionParty": {
        "": "An organisation or person the decision concerns.",
        "role": "How the decision concerns it, e.g. Chair.",
    },
    "MeetingFile": {
        "": "A photo or attachment, carried in the file.",
        "required": ["id", "original_name", "data"],
        "original_name": {"minLength": 1, "description": "The file's name when it was added."},
        "data": "The file's bytes, base64.",
    },
}


def generate() -> dict[str, Any]:
    """The schema, as ``format-1.schema.json`` holds it."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://eventdesk.invalid/format/1",
        "title": "EventDesk interchange document, version 1",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "format": {"const": "eventdesk"},
            "version": {"const": 1},
            "scope": {
                "type": "string",
                "enum": ["meeting", "database"],
                "description": "One meeting, or the whole database.",
            },
            "generator": {"type": "string"},
            "organisations": _list_of("organisation"),
            "people": _list_of("person"),
            "meetings": _list_of("meeting"),
            "courses": {
                **_list_of("course"),
                "description": "Course entries not tied to a meeting.",
            },
        },
        "required": ["format", "version"],
        "$defs": {
            "key": {
                "type": "string",
                "pattern": "^[A-Za-z0-9_.:-]{1,64}$",
                "description": "A record's stable key (its uid): unique in the file, kept "
                "across exports and imports.",
            },
            **{name: _record(cls) for name, cls in TOP.items()},
        },
    }


def text() -> str:
    """The schema file's text: what :func:`generate` gives, laid out as the exports are."""
    return json.dumps(generate(), ensure_ascii=False, indent=2) + "\n"


def _list_of(name: str) -> dict[str, Any]:
    return {"type": "array", "items": {"$ref": f"#/$defs/{name}"}}


def _record(cls: type) -> dict[str, Any]:
    notes = NOTES.get(cls.__name__, {})
    fields = exchanged(cls)
    required = notes.get("required") or [
        d.name for d in fields if d.kind == "uid" or d.field not in defaults(cls)
    ]
    schema: dict[str, Any] = {"type": "object"}
    if notes.get(""):
        schema["description"] = notes[""]
    schema["properties"] = {d.name: _property(cls, d, notes.get(d.name)) for d in fields}
    schema["required"] = required
    schema["additionalProperties"] = False
    return schema


def _property(cls: type, d: Declared, note: str | dict[str, Any] | None) -> dict[str, Any]:
    schema = _shape(cls, d)
    labels = {f.name: plain_label(f.label) for f in form_fields(cls)}
    words = _TYPE_WORDS.get(d.type) or labels.get(d.field)
    if isinstance(note, dict):
        schema.update(note)
    elif note or words:
        schema["description"] = note or words
    return schema


def _shape(cls: type, d: Declared) -> dict[str, Any]:
    """What the file may hold in the field, by its declaration."""
    optional = d.field in defaults(cls) and defaults(cls)[d.field] is None
    if d.kind == "uid":
        return dict(_KEY)
    if d.kind == "parts":
        part: type = d.part  # type: ignore[assignment]
        top = next((name for name, c in TOP.items() if c is part), None)
        items = {"$ref": f"#/$defs/{top}"} if top else _record(part)
        return {"type": "array", "items": items}
    if d.kind == "refs":
        return {"type": "array", "items": dict(_KEY)}
    if d.kind == "ref":
        return {"anyOf": [dict(_KEY), {"type": "null"}]} if optional else dict(_KEY)
    if d.type in ("date", "time"):
        return {"anyOf": [dict(_DATE if d.type == "date" else _TIME), {"type": "null"}]}
    if d.type == "enum":
        kind: type[Enum] = enum_of(cls, d.field)
        return {"type": "string", "enum": [member.value for member in kind]}
    if d.type == "tags":
        return {"type": "array", "items": {"type": "string", "minLength": 1}}
    if d.type == "bytes":
        return {"type": "string", "contentEncoding": "base64"}
    json_type = {"text": "string", "int": "integer", "bool": "boolean"}[d.type]
    return {"type": [json_type, "null"]} if optional else {"type": json_type}


def named_in_notes() -> list[tuple[str, str]]:
    """(record, name) of every note that names no record or field the file carries."""
    names = {cls.__name__: {d.name for d in exchanged(cls)} for cls in _records(TOP.values())}
    return [
        (record, name)
        for record, notes in NOTES.items()
        for name in notes
        if name not in ("", "required") and name not in names.get(record, ())
    ]


def _records(classes: Iterable[type]) -> set[type]:
    """The classes and, through their lists of parts, every part's."""
    found: set[type] = set()
    for cls in classes:
        found |= {cls} | _records(d.part for d in part_lists(cls) if d.part is not None)
    return found


if __name__ == "__main__":
    FILE.write_text(text(), encoding="utf-8", newline="\n")
    print(f"wrote {FILE}")

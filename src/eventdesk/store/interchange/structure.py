"""Is it an interchange document at all, and does it follow the JSON Schema?

Problems are named the way a person reads the file ("meeting 1 'X' ›
attendee 3: person: is required"), not as JSON pointers.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from importlib import resources
from typing import Any

from eventdesk.records import NameOrder, display_name
from eventdesk.store.interchange.exporter import FORMAT_NAME, FORMAT_VERSION


def load_schema() -> dict[str, Any]:
    """The JSON Schema, as shipped: generated from the records' declarations (``schema.py``)."""
    text = resources.files(__package__).joinpath("format-1.schema.json").read_text("utf-8")
    return json.loads(text)


# -- structure -------------------------------------------------------------------


def schema_problems(document: Any) -> list[str]:
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        return ['not an EventDesk interchange document (no "format": "eventdesk")']
    version = document.get("version")
    if isinstance(version, int) and version > FORMAT_VERSION:
        return [
            f"the document is of format version {version}; this EventDesk reads up to "
            f"{FORMAT_VERSION}. Update EventDesk to import it."
        ]
    if _conforms(document):
        return []
    from jsonschema import Draft202012Validator  # only an import needs it; keeps start-up quick

    validator = Draft202012Validator(load_schema())
    problems = []
    for error in sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path)):
        path = list(error.absolute_path)
        where, field_name = _locate(document, path)
        if error.validator == "required":
            missing = error.message.split("'")[1] if "'" in error.message else error.message
            problems.append(f"{_locate(document, [*path, missing])[0]}: {missing}: is required")
        elif error.validator == "additionalProperties":
            problems.append(f"{where}: {error.message}")
        elif error.validator == "minLength" and error.instance == "":
            problems.append(f"{where}: {field_name}: is required")
        elif error.validator == "enum":
            allowed = ", ".join(error.validator_value)
            problems.append(f"{where}: {field_name}: {error.instance!r} is not one of: {allowed}")
        else:
            problems.append(f"{where}: {field_name}: {error.message}")
    return problems


def _conforms(document: Any) -> bool:
    """Whether the document follows the schema, by the compiled check (a whole database's file
    in a few seconds, where walking it with jsonschema takes most of a minute).

    Only a document it refuses is walked again by jsonschema, which names every
    problem in words; a differential test (tests/store/test_schema_check.py)
    holds that the two never disagree on a document the fast check accepts.
    """
    import fastjsonschema

    try:
        _compiled()(document)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


@functools.cache
def _compiled() -> Callable[[Any], Any]:
    import fastjsonschema

    return fastjsonschema.compile(flattened(load_schema()))


def flattened(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with every ``$ref`` written out in place, as a draft-07 schema.

    fastjsonschema calls a function for each reference and formats a name for
    it on the way, which is most of its time; written out, the checks are
    inline. ``contentEncoding`` is left out: a file's base64 is decoded once,
    where the photo is read (parsing.py), not twice.
    """
    defs = schema["$defs"]

    def inline(node: Any) -> Any:
        if isinstance(node, list):
            return [inline(v) for v in node]
        if not isinstance(node, dict):
            return node
        ref = node.get("$ref", "")
        if ref.startswith("#/$defs/"):
            return inline(defs[ref.removeprefix("#/$defs/")])
        return {
            # the names of "properties" are fields ("title", "description"), not annotations
            k: {name: inline(sub) for name, sub in v.items()} if k == "properties" else inline(v)
            for k, v in node.items()
            if k not in _ANNOTATIONS
        }

    flat = {k: inline(v) for k, v in schema.items() if k not in ("$defs", "$id")}
    flat["$schema"] = "http://json-schema.org/draft-07/schema#"
    return flat


_ANNOTATIONS = {"description", "title", "contentEncoding"}

SINGULAR = {
    "organisations": "organisation",
    "people": "person",
    "meetings": "meeting",
    "courses": "course",
    "sessions": "session",
    "attendees": "attendee",
    "presentations": "presentation",
    "decisions": "decision",
    "files": "file",
    "hosts": "host",
    "parties": "party",
    "members": "member",
    "presenters": "presenter",
}


def _locate(document: Any, path: list[Any]) -> tuple[str, str]:
    """Name the record at ``path`` the way a person would ("meeting 1 'X' › attendee 3")."""
    parts: list[str] = []
    node = document
    field_name = "document"
    i = 0
    while i < len(path):
        key = path[i]
        if isinstance(key, str) and i + 1 < len(path) and isinstance(path[i + 1], int):
            index = path[i + 1]
            try:
                node = node[key][index]
            except (KeyError, IndexError, TypeError):
                node = None
            label = f"{SINGULAR.get(key, key)} {index + 1}"
            if isinstance(node, dict):
                name = _record_name(node)
                if isinstance(name, str) and name:
                    label += f" {name!r}"
            parts.append(label)
            i += 2
        else:
            field_name = str(key)
            if isinstance(node, dict):
                node = node.get(key)
            i += 1
    return (" › ".join(parts) or "document", field_name)


def _record_name(node: dict[str, Any]) -> str | None:
    if "family_name" in node or "given_name" in node:
        return person_label(node) or node.get("given_name") or node.get("id")
    return node.get("title") or node.get("name") or node.get("id")


def person_label(node: dict[str, Any]) -> str:
    family = node.get("family_name")
    if isinstance(family, str) and family:
        given = node.get("given_name") if isinstance(node.get("given_name"), str) else ""
        order = node.get("name_order")  # the problem may be this very field: 1, "sideways"
        known = isinstance(order, str) and order in {o.value for o in NameOrder}
        return display_name(family, given, order if known else NameOrder.FAMILY_FIRST)
    return ""

"""The document as records, with every problem found on the way (dates, references, rules).

Every record of the file is read by the records' declarations (``declared.py``): a field
the file leaves out keeps its default, a date or time is parsed (one that does not exist is
a problem), a photo's base64 is decoded, and a reference keeps the file's key, checked to
be in the file, until :mod:`.writing` gives it the database's id.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Collection
from typing import Any, TypeVar

from eventdesk.records import (
    CourseEntry,
    Meeting,
    Organisation,
    Person,
    Problem,
    parse_date,
    parse_time,
    validate_meeting,
    validate_organisation,
    validate_person,
)
from eventdesk.records.fields import Declared, part_lists
from eventdesk.records.validation import validate_course
from eventdesk.store.interchange.declared import exchanged, is_identified
from eventdesk.store.interchange.structure import SINGULAR, person_label

T = TypeVar("T")
#: A meeting's parts that others refer to by uid (its sessions, its files), by table.
Siblings = dict[str, set[str]]


class Parsed:
    """The document as records, with every problem found on the way."""

    def __init__(self, doc: dict[str, Any]):
        self.problems: list[Problem] = []
        self.doc = doc
        org_keys = [o["id"] for o in doc.get("organisations", [])]
        person_keys = [p["id"] for p in doc.get("people", [])]
        self._duplicates("organisation", org_keys)
        self._duplicates("person", person_keys)
        # Sets: a whole database's file has 600,000 references to look up among 50,000 keys.
        self.known: dict[str, Collection[str]] = {
            "organisations": set(org_keys),
            "people": set(person_keys),
        }
        self._duplicates("meeting", [m["id"] for m in doc.get("meetings", [])])
        self._duplicates("course", [c["id"] for c in doc.get("courses", [])])
        self._parent_cycles(doc.get("organisations", []))
        self.organisations = [
            self._checked(Organisation, o, _named("organisation", n, o), validate_organisation)
            for n, o in enumerate(doc.get("organisations", []), 1)
        ]
        self.people = [
            self._checked(Person, p, f"person {n} {person_label(p) or p['id']!r}", validate_person)
            for n, p in enumerate(doc.get("people", []), 1)
        ]
        self.meetings = [
            self._checked(Meeting, m, _named("meeting", n, m, "title"), validate_meeting)
            for n, m in enumerate(doc.get("meetings", []), 1)
        ]
        self.courses = [
            self._checked(CourseEntry, c, f"course {n}", validate_course)
            for n, c in enumerate(doc.get("courses", []), 1)
        ]

    def _duplicates(self, what: str, keys: list[str]) -> None:
        seen: set[str] = set()
        for key in keys:
            if key in seen:
                self.problems.append(Problem(f"{what} {key!r}", "id", "is used twice"))
            seen.add(key)

    def _parent_cycles(self, organisations: list[dict[str, Any]]) -> None:
        """An organisation cannot be its own parent, directly or through others."""
        parent = {o["id"]: o.get("parent") for o in organisations}
        reported: set[str] = set()
        for start in parent:
            chain = [start]
            key = parent.get(start)
            while key is not None and key in parent and key not in chain:
                chain.append(key)
                key = parent.get(key)
            if key == start and start not in reported:
                reported.update(chain)
                loop = " → ".join([*chain, start])
                self.problems.append(
                    Problem(f"organisation {start!r}", "parent", f"goes round in a circle: {loop}")
                )

    def _checked(
        self,
        cls: type[T],
        raw: dict[str, Any],
        where: str,
        rules: Callable[[Any, str], list[Problem]],
    ) -> T:
        """A record of the file, and the problems its own rules find (a meeting's: its parts')."""
        record = self._record(cls, raw, where, _siblings(cls, raw), top=True)
        self.problems += rules(record, where)
        return record

    def _record(
        self,
        cls: type[T],
        raw: dict[str, Any],
        where: str,
        siblings: Siblings,
        *,
        top: bool = False,
        field_name: str = "",
    ) -> T:
        """A record of ``cls``; problems name ``where`` and the field (or ``field_name``)."""
        values = {}
        for d in exchanged(cls):
            if d.name in raw:
                name = field_name or d.name
                values[d.field] = self._value(d, raw[d.name], where, name, siblings, top)
        return cls(**values)

    def _value(
        self, d: Declared, value: Any, where: str, name: str, siblings: Siblings, top: bool
    ) -> Any:
        if d.kind == "parts":
            return self._parts(d, value, where, siblings, top)
        if d.kind in ("ref", "refs"):
            known = siblings.get(d.table, set()) if d.sibling else self.known[d.table]
            if d.kind == "refs":
                return [self._ref(where, name, key, known) for key in value]
            return self._ref(where, name, value, known)
        if d.type == "date":
            return self._parsed(parse_date, where, name, value)
        if d.type == "time":
            return self._parsed(parse_time, where, name, value)
        if d.type == "tags":
            return list(value)
        if d.type == "bytes":
            try:
                return base64.b64decode(value, validate=True)
            except (binascii.Error, ValueError):
                self.problems.append(Problem(where, name, "is not valid base64"))
                return None  # named once: not again as a photo of 0 bytes
        return value  # text, a number, an enum's word (the record makes it its member)

    def _parts(
        self, d: Declared, raws: list[dict[str, Any]], where: str, siblings: Siblings, top: bool
    ) -> list[Any]:
        """A meeting's parts are named as its rows ("meeting 1 'X' › attendee 3"); the parts
        of a part (a decision's parties) as that part's field ("parties")."""
        part: type = d.part  # type: ignore[assignment]
        if not top:
            return [self._record(part, raw, where, siblings, field_name=d.name) for raw in raws]
        singular = SINGULAR.get(d.name, d.name)
        if is_identified(part):
            self._duplicates(f"{where} › {singular}", [raw["id"] for raw in raws])
        return [
            self._record(part, raw, f"{where} › {singular} {k}", siblings)
            for k, raw in enumerate(raws, 1)
        ]

    def _ref(self, record: str, name: str, key: str | None, known: Collection[str]) -> str | None:
        if key is not None and key not in known:
            self.problems.append(
                Problem(record, name, f"refers to {key!r}, which is not in the file")
            )
        return key

    def _parsed(self, parse: Callable[[str], Any], record: str, name: str, text: str | None):
        """``parse(text)``, or None with the problem noted (a date that does not exist...)."""
        if text is None:
            return None
        try:
            return parse(text)
        except ValueError as exc:
            self.problems.append(Problem(record, name, str(exc)))
            return None


def _named(kind: str, n: int, raw: dict[str, Any], name: str = "name") -> str:
    return f"{kind} {n} {raw.get(name) or raw['id']!r}"


def _siblings(cls: type, raw: dict[str, Any]) -> Siblings:
    """The uids of the record's parts that its other parts may name (a meeting's sessions)."""
    return {
        d.table: {part["id"] for part in raw.get(d.name, [])}
        for d in part_lists(cls)
        if is_identified(d.part)  # type: ignore[arg-type]
    }

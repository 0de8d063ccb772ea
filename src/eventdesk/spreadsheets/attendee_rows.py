"""One row of an attendee list read into the person, organisation and attendance it names.

Kept apart from the plan so the rules for reading a row can be read in one
place: which name columns win, where Chinese text goes, and every reason a
row cannot be taken, in words a user can act on ("family name is empty").
"""

from __future__ import annotations

from dataclasses import dataclass, field

from eventdesk.records import AttendanceRole, NameOrder, Person, Side, validate_person
from eventdesk.records.text import control_problem
from eventdesk.spreadsheets.columns import (
    FAMILY_NAME,
    ColumnMap,
    parse_name_order,
    parse_role,
    parse_side,
)
from eventdesk.spreadsheets.names import has_cjk, has_latin, split_chinese, split_full_name
from eventdesk.spreadsheets.reading import SheetRow
from eventdesk.store.matching import KnownPerson, fold


@dataclass
class RowPlan:
    """What one row will become, and the user's choice for it.

    ``person_id`` is the existing person the row is taken as, or None for a
    new person; ``skip`` leaves the row out. Both start as the proposal and
    the preview may change them. ``problems`` are reasons in the data itself
    that the row cannot be taken, whatever is chosen.
    """

    number: int
    person: Person
    #: The organisation as the list names it ("" when none).
    organisation: str = ""
    #: The existing organisation of that name; None with a name means it will be created.
    organisation_id: int | None = None
    role: AttendanceRole = AttendanceRole.DELEGATE
    side: Side = Side.PARTNER
    candidates: list[KnownPerson] = field(default_factory=list)
    person_id: int | None = None
    skip: bool = False
    problems: list[str] = field(default_factory=list)
    #: True when a full name's order could not be told and the first word was taken as family.
    order_guessed: bool = False

    @property
    def display_name(self) -> str:
        """The name as EventDesk will print it (the new person's; see ``chosen``)."""
        return self.person.display_name

    @property
    def title(self) -> str:
        return self.person.title or self.person.title_zh

    @property
    def chosen(self) -> KnownPerson | None:
        return next((c for c in self.candidates if c.id == self.person_id), None)

    def choose(self, person_id: int | None) -> None:
        """Take the row as this existing person (one of ``candidates``), or None: a new person."""
        if person_id is not None and person_id not in {c.id for c in self.candidates}:
            raise ValueError(f"row {self.number}: person {person_id} is not a candidate")
        self.person_id = person_id
        self.skip = False

    def name_key(self) -> tuple[str, str]:
        return (fold(self.person.family_name), fold(self.person.given_name))

    def same_person(self, other: RowPlan) -> bool:
        """Two rows of one list naming the same new person: same name, nothing telling apart."""
        a, b = self.person, other.person
        if self.name_key() != other.name_key():
            return False
        if a.name_zh and b.name_zh and a.name_zh != b.name_zh:
            return False
        if a.email and b.email and fold(a.email) != fold(b.email):
            return False
        if self.organisation and other.organisation:
            return fold(self.organisation) == fold(other.organisation)
        return True


def read_row(
    row: SheetRow, mapping: ColumnMap, *, default_role: AttendanceRole, default_side: Side
) -> RowPlan:
    """Read one row; every problem is collected, not only the first."""

    def cell(key: str) -> str:
        return row.get(mapping.get(key))

    problems: list[str] = [  # an ESC or BEL pasted into a cell: named by its column
        f"{key.replace('_', ' ')}: {problem}"
        for key in mapping
        if (problem := control_problem(cell(key)))
    ]
    person, guessed = _person(cell, FAMILY_NAME.key in mapping, problems)
    if cell("name_order"):
        try:
            person.name_order = parse_name_order(cell("name_order"))
        except ValueError as exc:
            problems.append(str(exc))
    title = cell("title")
    if title and has_cjk(title) and not has_latin(title):
        person.title_zh = title
    else:
        person.title = title
    person.email = cell("email")
    problems += [
        f"{person.email!r} is not an e-mail address"
        for p in validate_person(person)
        # the name is said in words of the list's columns by _person, controls above
        if p.field == "email" and "e-mail" in p.message
    ]
    role, side = default_role, default_side
    if cell("role"):
        try:
            role = parse_role(cell("role"))
        except ValueError as exc:
            problems.append(str(exc))
    if cell("side"):
        try:
            side = parse_side(cell("side"))
        except ValueError as exc:
            problems.append(str(exc))
    return RowPlan(
        number=row.number,
        person=person,
        organisation=cell("organisation"),
        role=role,
        side=side,
        problems=problems,
        order_guessed=guessed,
    )


def _person(cell, has_family_column: bool, problems: list[str]) -> tuple[Person, bool]:
    """The name from the family/given columns, else the full name, else the Chinese name."""
    family, given, name_zh = cell("family_name"), cell("given_name"), cell("name_zh")
    order, guessed = NameOrder.FAMILY_FIRST, False
    if family:
        if has_cjk(family) and not has_latin(family + given):
            name_zh = name_zh or family + given
    elif cell("full_name"):
        split = split_full_name(cell("full_name"))
        family, given, order = split.family, split.given, split.order
        name_zh = name_zh or split.name_zh
        guessed = not split.certain
    elif name_zh and not given:
        family, given = split_chinese(name_zh)
    if not family:
        if given or has_family_column:
            problems.append("family name is empty")
        else:
            problems.append("the name is empty")
    return Person(family, given, order, name_zh=name_zh), guessed

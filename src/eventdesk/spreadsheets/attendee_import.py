"""Take a partner's attendee list into a meeting: plan, let a person look, then apply.

The import is in two steps so nobody is surprised. :func:`plan_import` reads
the list, proposes for each row an existing person or a new one, and names
every row it cannot take and why; it writes nothing. The preview (or the
command line) shows the plan, and the user may choose another match, a new
person, or skip a row. :func:`apply` then writes the new organisations, new
people and the attendances in one transaction: a failure part-way leaves the
database as it was, and so does not applying at all.

What the import never does: change an existing person (their current title
stays; the title in the list goes on the attendance, as held at the
meeting), or list a person twice at one meeting.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from eventdesk.records import (
    Attendance,
    AttendanceRole,
    Organisation,
    OrganisationKind,
    Person,
    Side,
    new_uid,
)
from eventdesk.spreadsheets.attendee_rows import RowPlan, read_row
from eventdesk.spreadsheets.columns import ColumnMap, guess_mapping
from eventdesk.spreadsheets.names import has_cjk, has_latin
from eventdesk.spreadsheets.reading import Table, read_table
from eventdesk.store import EventStore
from eventdesk.store.matching import BY_NAME, BY_NAME_SWAPPED, OrganisationIndex, PeopleIndex

NAME_FIELDS = ("family_name", "full_name", "name_zh")


@dataclass
class AttendeePlan:
    """What an attendee list will add to a meeting; changed by the preview, applied once."""

    meeting_id: int
    meeting_title: str
    table: Table
    mapping: ColumnMap
    rows: list[RowPlan]
    #: People already at the meeting when the plan was made.
    attending: set[int] = field(default_factory=set)
    #: Problems with the list as a whole (no column holds names).
    problems: list[str] = field(default_factory=list)

    def row(self, number: int) -> RowPlan:
        return next(r for r in self.rows if r.number == number)

    def outcomes(self) -> list[tuple[RowPlan, str | None]]:
        """Each row with the reason it will not be taken, or None when it will be."""
        result: list[tuple[RowPlan, str | None]] = []
        existing_from: dict[int, int] = {}
        new_people: dict[tuple[str, str], list[RowPlan]] = {}
        for row in self.rows:
            reason: str | None = None
            if row.problems:
                reason = "; ".join(row.problems)
            elif row.skip:
                reason = "skipped"
            elif row.person_id is not None:
                name = row.chosen.display_name if row.chosen else row.display_name
                if row.person_id in self.attending:
                    reason = f"{name} already attends this meeting"
                elif row.person_id in existing_from:
                    reason = f"{name} is already taken from row {existing_from[row.person_id]}"
                else:
                    existing_from[row.person_id] = row.number
            else:
                namesakes = new_people.setdefault(row.name_key(), [])
                same = next((r for r in namesakes if r.same_person(row)), None)
                if same is not None:
                    reason = f"{row.display_name} is the same person as row {same.number}"
                else:
                    namesakes.append(row)
            result.append((row, reason))
        return result

    def to_take(self) -> list[RowPlan]:
        return [row for row, reason in self.outcomes() if reason is None]

    def rejections(self, outcomes: list[tuple[RowPlan, str | None]] | None = None) -> list[str]:
        """Every row not taken, and why: "row 7: family name is empty"."""
        lines = list(self.problems)
        outcomes = self.outcomes() if outcomes is None else outcomes
        lines += [f"row {row.number}: {reason}" for row, reason in outcomes if reason]
        return lines

    def summary(self) -> str:
        taken = self.to_take()
        new = sum(1 for r in taken if r.person_id is None)
        return (
            f"{len(self.rows)} row(s) read: {len(taken)} to add to the meeting "
            f"({len(taken) - new} existing people, {new} new); "
            f"{len(self.rows) - len(taken)} not taken"
        )


@dataclass
class ImportResult:
    attendances_added: int = 0
    people_added: int = 0
    people_matched: int = 0
    organisations_added: int = 0
    #: Every row that was not taken, and why.
    not_taken: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.attendances_added} attendee(s) added "
            f"({self.people_matched} existing people, {self.people_added} new); "
            f"{self.organisations_added} organisation(s) added; "
            f"{len(self.not_taken)} row(s) not taken"
        )


def read_plan(
    store: EventStore,
    meeting_id: int,
    path: Path,
    *,
    sheet: str | None = None,
    default_side: Side = Side.PARTNER,
) -> AttendeePlan:
    """Read ``path`` and plan its import into the meeting (raises SpreadsheetError)."""
    return plan_import(store, meeting_id, read_table(path, sheet), default_side=default_side)


def plan_import(
    store: EventStore,
    meeting_id: int,
    table: Table,
    mapping: ColumnMap | None = None,
    *,
    default_role: AttendanceRole = AttendanceRole.DELEGATE,
    default_side: Side = Side.PARTNER,
) -> AttendeePlan:
    """Propose what each row becomes; write nothing.

    Rows without a role or side get the defaults: a list sent by a partner
    is of the partner's delegation, as delegates.
    """
    meeting = store.meetings.get(meeting_id)  # raises RecordNotFound, a StoreError
    mapping = dict(guess_mapping(table.headers) if mapping is None else mapping)
    rows = [
        read_row(r, mapping, default_role=default_role, default_side=default_side)
        for r in table.rows
    ]
    problems = []
    if not any(f in mapping for f in NAME_FIELDS):
        problems.append(
            "no column holds the names: map a column to family name, full name or Chinese name"
        )
    organisations = OrganisationIndex.load(store)
    for row in rows:
        row.organisation_id = organisations.find(row.organisation)
        row.person.organisation_id = row.organisation_id
    people = PeopleIndex.for_people(store, (r.person for r in rows if not r.problems))
    for row in rows:
        if row.problems:
            continue
        found = people.candidates(row.person)
        row.candidates = [known for _, known in found]
        hows = {how for how, _ in found}
        if row.order_guessed and BY_NAME_SWAPPED in hows and BY_NAME not in hows:
            # "Xiaodong Ding" when the database knows DING Xiaodong: the guess was the wrong
            # way round, for a new person as much as for a match.
            p = row.person
            p.family_name, p.given_name = p.given_name, p.family_name
            row.order_guessed = False
        best = people.best(row.person)
        row.person_id = best.id if best else None
    return AttendeePlan(
        meeting_id=meeting_id,
        meeting_title=meeting.title or meeting.title_zh,
        table=table,
        mapping=mapping,
        rows=rows,
        attending={a.person_id for a in meeting.attendees},
        problems=problems,
    )


def apply(store: EventStore, plan: AttendeePlan) -> ImportResult:
    """Write the rows the plan takes, in one transaction; all of them or, on failure, none."""
    outcomes = plan.outcomes()
    taken = [row for row, reason in outcomes if reason is None]
    result = ImportResult(not_taken=plan.rejections(outcomes))
    if not taken:
        return result
    # A rotating backup first, as before any import; then everything in one transaction
    # (the store's calls below nest in it as savepoints).
    store.files.automatic_backup("before-attendee-import")
    with store.transaction():
        meeting = store.meetings.get(plan.meeting_id)
        attending = {a.person_id for a in meeting.attendees}
        existing = store.people.get_many(r.person_id for r in taken if r.person_id is not None)
        organisations = OrganisationIndex.load(store)
        # (row, person, organisation) for every row that becomes an attendee, in list order.
        accepted: list[tuple[RowPlan, Person, int | None]] = []
        new_people: list[Person] = []
        for row in taken:
            # The database may have changed since the plan was shown (another window).
            if row.person_id is not None and row.person_id not in existing:
                result.not_taken.append(f"row {row.number}: the person chosen no longer exists")
                continue
            if row.person_id in attending:
                result.not_taken.append(f"row {row.number}: already attends this meeting")
                continue
            org_id = _organisation_id(store, row, organisations, result)
            if row.person_id is None:
                person = replace(row.person, organisation_id=org_id, id=None, uid=new_uid())
                new_people.append(person)
            else:
                person = existing[row.person_id]
                attending.add(row.person_id)
            accepted.append((row, person, org_id))
        # Thousands of new people in one batch: one call each would take seconds.
        store.people.add_all(new_people)
        for row, person, org_id in accepted:
            assert person.id is not None
            meeting.attendees.append(_attendance(row, person, person.id, org_id))
        result.people_added = len(new_people)
        result.people_matched = len(accepted) - len(new_people)
        result.attendances_added = len(accepted)
        store.meetings.save(meeting)
    return result


def _attendance(row: RowPlan, person: Person, person_id: int, org_id: int | None) -> Attendance:
    """Title and organisation as the list gives them, else as the person's record has them.

    A list gives a title in one language; when it is the title the record
    holds, the record's other language comes with it (校长 brings "President").
    """
    title, title_zh = row.person.title, row.person.title_zh
    if not title and not title_zh:
        title, title_zh = person.title, person.title_zh
    elif title_zh and title_zh == person.title_zh:
        title = title or person.title
    elif title and title.casefold() == person.title.casefold():
        title_zh = title_zh or person.title_zh
    return Attendance(
        person_id=person_id,
        title=title,
        title_zh=title_zh,
        organisation_id=org_id if row.organisation else person.organisation_id,
        role=row.role,
        side=row.side,
    )


def _organisation_id(
    store: EventStore, row: RowPlan, known: OrganisationIndex, result: ImportResult
) -> int | None:
    """The organisation the row names: an existing one, or a new one created once."""
    if not row.organisation:
        return None
    found = row.organisation_id or known.find(row.organisation)
    if found is not None:
        return found
    chinese_only = has_cjk(row.organisation) and not has_latin(row.organisation)
    org = Organisation(
        name="" if chinese_only else row.organisation,
        name_zh=row.organisation if chinese_only else "",
        # The list does not say what kind; "other" until someone who knows edits it.
        kind=OrganisationKind.OTHER,
    )
    org_id = store.organisations.save(org).id
    assert org_id is not None
    known.add(row.organisation, org_id)
    result.organisations_added += 1
    return org_id

"""People: the one write path for a person (one from a form, or the many new ones of a list),
and the lists and pages a person shows."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence

from eventdesk.records import Person, Problem, validate_person
from eventdesk.records.problems import raise_if
from eventdesk.store import copies, history, queries, related, same_names, versions
from eventdesk.store.convert import now, person_from_row, person_row
from eventdesk.store.engines import dialect
from eventdesk.store.rows import insert_rows
from eventdesk.store.services.base import Service, label


class PeopleService(Service):
    """``store.people``: save, load and list people."""

    def save(self, person: Person, *, search_later: bool = False) -> Person:
        """Save a person; ``search_later``: see ``store.organisations.save``."""
        raise_if(self.problems(person))
        with self._saving("person", person, search_later=search_later):
            person.id = self._upsert("people", person.id, person_row(person))
            self._store.search_due(naming=("people", person.id), listed=("people", person.id))
        return self.get(person.id)

    def save_copy(self, person: Person) -> Person:
        """Keep ``person`` (edits whose save a ``Conflict`` refused) as a new person,
        "… (copy by USER)"; the stored copy."""
        return self.save(copies.fresh_copy(person, versions.user_of(self._store.connection)))

    def add_all(self, people: Sequence[Person]) -> list[int]:
        """Insert ``people`` (all new: no ids) in one transaction; their ids in order.

        :meth:`save` for the thousands of new people a partner's attendee list
        may bring (the import must finish in under 3 s): the same checks, every
        problem reported together, the rows inserted in one statement batch.
        """
        if any(p.id is not None for p in people):
            raise ValueError("add_all adds new people only; save existing ones one by one")
        problems = []
        for n, p in enumerate(people, 1):
            problems += validate_person(p, f"person {n} {p.display_name!r}")
        missing = self._missing_ids("organisations", (p.organisation_id for p in people))
        if missing:
            problems.append(Problem("person", "organisation", f"refers to missing {missing}"))
        raise_if(problems)
        stamp, user = now(), versions.user_of(self._store.connection)
        made = {"created_at": stamp, "updated_at": stamp, "version": 1, "updated_by": user}
        rows = [{**person_row(p), **made} for p in people]
        uids = [row["uid"] for row in rows]
        with self._store.transaction():
            insert_rows(self.connection, "people", rows)
            found: dict[str, int] = dict(
                self.connection.execute(
                    f"SELECT uid, id FROM people WHERE uid IN ({dialect.listed(self.connection)})",
                    [json.dumps(uids)],
                ).fetchall()
            )
            for person_id in found.values():
                self._store.search_due(listed=("people", person_id))
            created = [(found[uid], uid) for uid in uids]
            history.created(self._store.connection, "person", created, user)
        for p in people:
            p.id, p.version, p.updated_by = found[p.uid], 1, user
        return [found[uid] for uid in uids]

    def problems(self, person: Person) -> list[Problem]:
        """What stops ``person`` from being saved: the records' rules, a missing organisation."""
        record = label("person", person.display_name)
        found = validate_person(person, record)
        if self._missing_ids("organisations", [person.organisation_id]):
            message = f"refers to a missing record ({person.organisation_id})"
            found.append(Problem("person", "organisation", message))
        return found

    def get(self, person_id: int) -> Person:
        return person_from_row(self._row("people", person_id, "person"))

    def get_many(self, ids: Iterable[int]) -> dict[int, Person]:
        """Load many people in one query (for a meeting's attendees)."""
        wanted = sorted({i for i in ids if i is not None})
        if not wanted:
            return {}
        marks = ",".join("?" * len(wanted))
        rows = self.connection.execute(f"SELECT * FROM people WHERE id IN ({marks})", wanted)
        rows = rows.dicts()
        return {row["id"]: person_from_row(row) for row in rows}

    def list(
        self, text: str = "", *, sort: str = "name", limit: int = -1, offset: int = 0
    ) -> list[queries.PersonRow]:
        """People matching ``text``; ``sort`` is a key of ``queries.PEOPLE_SORTS``."""
        return queries.list_people(self.connection, text, sort=sort, limit=limit, offset=offset)

    def count(self, text: str = "") -> int:
        return queries.count_people(self.connection, text)

    def named(self, person: Person) -> list[queries.PersonRow]:
        """Others of ``person``'s name (case, spaces, script, order aside), offered first."""
        return same_names.people_named(self.connection, person)

    def meetings(
        self, person_id: int, *, limit: int = -1, offset: int = 0
    ) -> list[queries.AttendedRow]:
        """The person's meetings, newest first; ``limit``/``offset`` count meetings."""
        return related.meetings_of_person(self.connection, person_id, limit=limit, offset=offset)

    def count_meetings(self, person_id: int) -> int:
        return related.count_meetings_of_person(self.connection, person_id)

"""Names of the people and organisations a meeting refers to, fetched in bulk.

Parts of a meeting hold ids; tables print names. Asking the store once per
cell would be one query per row, so the editor loads every name a meeting
needs in two queries and remembers them.
"""

from __future__ import annotations

from collections.abc import Iterable

from eventdesk.records import Meeting, Organisation, Person
from eventdesk.store import EventStore


class Labels:
    """A cache of display names, filled from the store a meeting at a time."""

    def __init__(self, store: EventStore):
        self._store = store
        self._people: dict[int, Person] = {}
        self._orgs: dict[int, Organisation] = {}

    def forget(self) -> None:
        """Drop what is cached: people and organisations may have been edited elsewhere."""
        self._people.clear()
        self._orgs.clear()

    def prefetch(self, meeting: Meeting) -> None:
        people, orgs = meeting.people_ids(), meeting.organisation_ids()
        self._load_people(people)
        self._load_orgs(orgs)

    def person_record(self, person_id: int) -> Person | None:
        self._load_people([person_id])
        return self._people.get(person_id)

    def person(self, person_id: int | None) -> str:
        if person_id is None:
            return ""
        found = self.person_record(person_id)
        return found.display_name if found else f"(missing person {person_id})"

    def people(self, ids: Iterable[int]) -> str:
        return ", ".join(self.person(i) for i in ids)

    def organisation(self, org_id: int | None) -> str:
        if org_id is None:
            return ""
        self._load_orgs([org_id])
        found = self._orgs.get(org_id)
        return found.label if found else f"(missing organisation {org_id})"

    def parent_of(self, org_id: int) -> int | None:
        """The organisation ``org_id`` belongs to (a department's university), if any."""
        self._load_orgs([org_id])
        found = self._orgs.get(org_id)
        return found.parent_id if found else None

    def remember_person(self, person: Person) -> None:
        if person.id is not None:
            self._people[person.id] = person

    def _load_people(self, ids: Iterable[int]) -> None:
        missing = {i for i in ids if i is not None and i not in self._people}
        if missing:
            self._people.update(self._store.people.get_many(missing))

    def _load_orgs(self, ids: Iterable[int]) -> None:
        missing = {i for i in ids if i is not None and i not in self._orgs}
        if missing:
            self._orgs.update(self._store.organisations.get_many(missing))

"""What the builder of each part of a meeting's view needs (:mod:`eventdesk.summary.context`).

The records, the people and bodies they name, the document's language and our
own university travel together, so each part's builder (hosts, courses, photos,
sessions) takes one argument for them.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventdesk.records import Meeting, Organisation
from eventdesk.store import EventStore
from eventdesk.summary.language import Language
from eventdesk.summary.people import Lookup, person_view
from eventdesk.summary.view import PersonView


@dataclass
class Builder:
    """What every part's builder needs: the records, the people and bodies they name, the
    language, and our own university."""

    store: EventStore
    meeting: Meeting
    lookup: Lookup
    lang: Language
    our_root: Organisation | None

    def person(self, pid: int | None) -> PersonView:
        """A person as named at this meeting (with the title they attended in, if they did)."""
        att = next((a for a in self.meeting.attendees if a.person_id == pid), None)
        person = self.lookup.people.get(pid)  # type: ignore[arg-type]
        return person_view(person, self.lookup, self.our_root, att, self.lang, self.name_ours)

    @property
    def name_ours(self) -> bool:
        """Several hosts: our people are named with our university, as the others' are."""
        return len(self.meeting.hosts) > 1

"""``store.chinese_forms``: what each empty Chinese field of a meeting could hold, and filling it.

The proposals are :mod:`eventdesk.store.chinese_forms`'; this service reads
the office's earlier records for them and writes what is accepted through
the normal saves (``store.meetings.save``, ``store.organisations.save``), so
a filled form is checked, searched and stamped like one typed.
"""

from __future__ import annotations

from collections.abc import Iterable

from eventdesk.records import Meeting, Organisation
from eventdesk.store.chinese_forms import Earlier, Glossary, Proposal, choose, fold
from eventdesk.store.chinese_variants import name_key, simplified, traditional
from eventdesk.store.services.base import Service


class ChineseFormService(Service):
    """Proposals for a meeting's empty Chinese fields, and filling the ones accepted."""

    def proposals(self, meeting_id: int, glossary: Glossary | None = None) -> list[Proposal]:
        """Every empty Chinese field of the meeting that a record or the glossary can fill."""
        return self.proposals_for(self._store.meetings.get(meeting_id), glossary)

    def proposals_for(self, meeting: Meeting, glossary: Glossary | None = None) -> list[Proposal]:
        """:meth:`proposals` for a meeting as it stands in an editor (saved or not)."""
        glossary = glossary or Glossary()
        found: list[Proposal] = []
        found += self._meeting_fields(meeting)
        found += self._attendees(meeting, glossary)
        found += self._sessions(meeting, glossary)
        found += self._organisations(meeting, glossary)
        return found

    def fill(self, meeting_id: int, proposals: Iterable[Proposal]) -> int:
        """Write ``proposals`` into the meeting and its organisations; how many were written.

        A field filled since the proposal was made is left as it is.
        """
        meeting = self._store.meetings.get(meeting_id)
        orgs: dict[int, Organisation] = {}
        written = 0
        for p in proposals:
            kind, key, attribute = p.target
            if kind == "organisation":
                org = orgs.get(key) or self._store.organisations.get(key)
                orgs[key] = org
                record: object = org
            else:
                record = _part(meeting, kind, key)
            if record is not None and not getattr(record, attribute, "x"):
                setattr(record, attribute, p.chinese)
                written += 1
        with self._store.transaction():
            for org in orgs.values():
                self._store.organisations.save(org)
            self._store.meetings.save(meeting)
        return written

    # -- the meeting's own fields ---------------------------------------------------------

    def _meeting_fields(self, meeting: Meeting) -> list[Proposal]:
        found = []
        for english, attribute in ((meeting.series, "series"), (meeting.venue, "venue")):
            if not english.strip() or getattr(meeting, f"{attribute}_zh"):
                continue
            earlier = self._earlier_meetings(attribute, english, meeting)
            if earlier:
                found.append(
                    Proposal(
                        f"meeting › {attribute}_zh",
                        english,
                        earlier[0].chinese,
                        earlier[0].source,
                        ("meeting", 0, f"{attribute}_zh"),
                    )
                )
        return found

    def _earlier_meetings(self, column: str, english: str, meeting: Meeting) -> list[Earlier]:
        assert column in ("series", "venue")  # a column name, never a user's text
        this = _iso(meeting)
        rows = self._query(
            f"SELECT {column} AS en, {column}_zh AS zh, start_date FROM meetings "
            f"WHERE deleted_at IS NULL AND {column}_zh != '' AND id != ? "
            "ORDER BY start_date DESC, id DESC",
            [meeting.id or 0],
        )
        wanted = fold(english)
        return [
            Earlier(r["zh"], _at_meeting(r["start_date"], this))
            for r in rows
            if fold(r["en"] or "") == wanted
        ]

    # -- attendees --------------------------------------------------------------------------

    def _attendees(self, meeting: Meeting, glossary: Glossary) -> list[Proposal]:
        wanted = [
            a
            for a in meeting.attendees
            if (a.title and not a.title_zh) or (a.capacity and not a.capacity_zh)
        ]
        if not wanted:
            return []
        people = self._store.people.get_many({a.person_id for a in meeting.attendees})
        earlier = self._earlier_attendances(meeting)
        found = []
        for n, a in enumerate(meeting.attendees):
            person = people.get(a.person_id)
            who = person.display_name if person else f"person {a.person_id}"
            for attribute in ("title", "capacity"):
                english = getattr(a, attribute)
                if not english.strip() or getattr(a, f"{attribute}_zh"):
                    continue
                same = earlier.get((attribute, fold(english)), [])
                choice = choose(same, a.person_id, a.organisation_id)
                if (
                    choice is None
                    and attribute == "title"
                    and person is not None
                    and person.title_zh
                    and fold(person.title) == fold(english)
                ):
                    choice = Earlier(person.title_zh, "person record")
                if choice is None and attribute == "title":
                    form = glossary.look_up("titles", english)
                    choice = Earlier(self._in_office_script(form), "glossary") if form else None
                if choice is not None:
                    found.append(
                        Proposal(
                            f"attendee {who} › {attribute}_zh",
                            english,
                            choice.chinese,
                            choice.source,
                            ("attendance", n, f"{attribute}_zh"),
                        )
                    )
        return found

    def _earlier_attendances(self, meeting: Meeting) -> dict[tuple[str, str], list[Earlier]]:
        """The Chinese titles and capacities attendees held at other meetings, newest first."""
        this = _iso(meeting)
        rows = self._query(
            "SELECT a.title, a.title_zh, a.capacity, a.capacity_zh, a.person_id, "
            "a.organisation_id, m.start_date FROM attendances a "
            "JOIN meetings m ON m.id = a.meeting_id "
            "WHERE m.deleted_at IS NULL AND m.id != ? "
            "AND (a.title_zh != '' OR a.capacity_zh != '') "
            "ORDER BY m.start_date DESC, m.id DESC",
            [meeting.id or 0],
        )
        found: dict[tuple[str, str], list[Earlier]] = {}
        for r in rows:
            for attribute in ("title", "capacity"):
                if r[attribute] and r[f"{attribute}_zh"]:
                    found.setdefault((attribute, fold(r[attribute])), []).append(
                        Earlier(
                            r[f"{attribute}_zh"],
                            _at_meeting(r["start_date"], this),
                            r["person_id"],
                            r["organisation_id"],
                        )
                    )
        return found

    # -- sessions -----------------------------------------------------------------------

    def _sessions(self, meeting: Meeting, glossary: Glossary) -> list[Proposal]:
        wanted = [s for s in meeting.sessions if s.title.strip() and not s.title_zh]
        if not wanted:
            return []
        rows = self._query(
            "SELECT s.title, s.title_zh, m.start_date FROM sessions s "
            "JOIN meetings m ON m.id = s.meeting_id "
            "WHERE m.deleted_at IS NULL AND m.id != ? AND s.title_zh != '' "
            "ORDER BY m.start_date DESC, m.id DESC",
            [meeting.id or 0],
        )
        earlier: dict[str, list[Earlier]] = {}
        this = _iso(meeting)
        for r in rows:
            earlier.setdefault(fold(r["title"] or ""), []).append(
                Earlier(r["title_zh"], _at_meeting(r["start_date"], this))
            )
        found = []
        for n, s in enumerate(meeting.sessions):
            if not s.title.strip() or s.title_zh:
                continue
            choice = choose(earlier.get(fold(s.title), []), None, None)
            if choice is None:
                form = glossary.look_up("sessions", s.title)
                choice = Earlier(self._in_office_script(form), "glossary") if form else None
            if choice is not None:
                found.append(
                    Proposal(
                        f"session {n + 1} › title_zh",
                        s.title,
                        choice.chinese,
                        choice.source,
                        ("session", n, "title_zh"),
                    )
                )
        return found

    # -- organisations ------------------------------------------------------------------

    def _organisations(self, meeting: Meeting, glossary: Glossary) -> list[Proposal]:
        """The meeting's organisations with no Chinese name: another record's of the same body,
        else the glossary's."""
        orgs = self._store.organisations.get_many(meeting.organisation_ids())
        parents = {o.parent_id for o in orgs.values() if o.parent_id and o.parent_id not in orgs}
        orgs |= self._store.organisations.get_many(parents)
        empty = [o for o in orgs.values() if o.name.strip() and not o.name_zh]
        if not empty:
            return []
        # Another record of the same body: the same name under the same parent (a department
        # of another university with the same English name may call itself otherwise).
        named: dict[tuple[str, int | None], str] = {}
        for r in self._query(
            "SELECT name, name_zh, parent_id FROM organisations "
            "WHERE deleted_at IS NULL AND name_zh != '' ORDER BY updated_at DESC"
        ):
            named.setdefault((name_key(r["name"] or ""), r["parent_id"]), r["name_zh"])
        found = []
        for org in sorted(empty, key=lambda o: o.name.casefold()):
            chinese = named.get((name_key(org.name), org.parent_id), "")
            source = "organisation record"
            if not chinese:
                chinese, source = (
                    self._in_office_script(glossary.look_up("organisations", org.name)),
                    "glossary",
                )
            if chinese:
                found.append(
                    Proposal(
                        "organisation › name_zh",
                        org.name,
                        chinese,
                        source,
                        ("organisation", org.id or 0, "name_zh"),
                    )
                )
        return found

    def _in_office_script(self, text: str) -> str:
        """A glossary's form (simplified) in the script the office writes."""
        script = self._store.office.chinese_script()
        if not text or script == "zh-Hans":
            return simplified(text)
        return traditional(text, "tw" if script == "zh-Hant-TW" else "hk")


def _at_meeting(start_date: str | None, this: str = "") -> str:
    """Where a form was found: "earlier meeting 2023-05-04" ("later" for one after this one)."""
    if not start_date:
        return "another meeting"
    return f"{'later' if this and start_date > this else 'earlier'} meeting {start_date}"


def _iso(meeting: Meeting) -> str:
    return meeting.start_date.isoformat() if meeting.start_date else ""


def _part(meeting: Meeting, kind: str, index: int) -> object | None:
    if kind == "meeting":
        return meeting
    parts = {"attendance": meeting.attendees, "session": meeting.sessions}.get(kind, [])
    return parts[index] if 0 <= index < len(parts) else None

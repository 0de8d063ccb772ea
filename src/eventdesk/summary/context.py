"""A meeting as a plain view model: the dict every template reads.

Why a dict of strings and lists rather than the dataclasses: templates (HTML,
the Word template, a user's edited copy) must not reach the store or know how
ids join up. Everything a sentence needs is looked up here once, in a few
queries, and named as a reader would ("full_title": "Director of the Hong
Kong, Macao and Taiwan Affairs Office"). No markup is made here: escaping is
the templates' job.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from eventdesk.records import (
    CourseEntry,
    CourseStatus,
    Decision,
    Meeting,
    OrganisationKind,
    PresentationKind,
    Side,
)
from eventdesk.store import EventStore
from eventdesk.summary import prose
from eventdesk.summary.people import (
    Lookup,
    find_our_root,
    groups_by_org,
    org_label,
    org_phrase,
    person_view,
)

SPEECH_KINDS = {PresentationKind.SPEECH, PresentationKind.REMARKS}
ROLE_VERBS = {
    "host": "hosted",
    "co_host": "co-hosted",
    "participant": "participated in",
    "visiting": "visited",
    "visited": "received",
}


def _decision_view(d: Decision, look: Lookup, person) -> dict[str, Any]:
    parties = []
    for party in d.parties:
        if party.organisation_id is not None:
            name = org_label(look.org(party.organisation_id))
        else:
            name = person(party.person_id)["name"]
        parties.append({"name": name, "role": party.role})
    groups: list[dict[str, Any]] = []
    for party in parties:
        match = next((g for g in groups if g["role"] == party["role"]), None)
        if match is None:
            groups.append({"role": party["role"], "names": [party["name"]]})
        else:
            match["names"].append(party["name"])
    for g in groups:
        g["role_plural"] = prose.plural_role(g["role"], len(g["names"]))
    return {
        "kind": d.kind.value,
        "kind_label": d.kind.label,
        "text": d.text,
        "text_zh": d.text_zh,
        "count": d.count,
        "count_unit": d.count_unit,
        "parties": parties,
        "party_groups": groups,
        "owner": person(d.owner_id)["name"] if d.owner_id else "",
        "due_date": prose.long_date(d.due_date),
        "session_uid": d.session_uid,
    }


def _course_groups(courses: list[CourseEntry], look: Lookup, our_root) -> list[dict[str, Any]]:
    groups: list[dict[str, Any]] = []
    for c in courses:
        key = (c.institution_id, c.status, c.programme)
        match = next((g for g in groups if g["key"] == key), None)
        if match is None:
            org = look.org(c.institution_id)
            match = {
                "key": key,
                "institution": org_label(org),
                "institution_short": (org.short_name or org.name) if org else "",
                "is_ours": org is not None and our_root is not None and org.id == our_root.id,
                "status": c.status.value,
                "status_label": c.status.label,
                "is_gain": c.status in (CourseStatus.SHORTLISTED, CourseStatus.APPROVED),
                "programme": c.programme,
                "courses": [],
            }
            groups.append(match)
        match["courses"].append(
            {"title": c.title, "title_zh": c.title_zh, "year": c.year, "teachers": c.teachers}
        )
    for g in groups:
        g["titles"] = [c["title"] for c in g["courses"]]
        g["count"] = len(g["courses"])
    return groups


def _alliance_view(meeting: Meeting, look: Lookup, our_root) -> dict[str, Any] | None:
    hosts = [look.org(h.organisation_id) for h in meeting.hosts]
    alliance = next((o for o in hosts if o and o.kind is OrganisationKind.ALLIANCE), None)
    alliance = alliance or next((o for o in hosts if o and o.member_ids), None)
    if alliance is None:
        return None
    members = [look.org(i) for i in alliance.member_ids]
    members = [o for o in members if o is not None]
    cities = Counter(o.city for o in members if o.city)
    kinds = {o.kind for o in members}
    noun = "universities" if kinds == {OrganisationKind.UNIVERSITY} else "members"
    ours_in = our_root is not None and any(o.id == our_root.id for o in members)
    return {
        "name": org_label(alliance),
        "name_zh": alliance.name_zh,
        "the_name": org_phrase(alliance),
        "founded": prose.long_date(alliance.founded),
        "member_count": len(members),
        "member_noun": noun,
        "by_city": [
            {"city": city, "count": n, "count_word": prose.number_word(n)}
            for city, n in cities.items()
        ]
        if len(cities) > 1 and sum(cities.values()) == len(members)
        else [],
        "ours_is_member": ours_in,
        "members": [org_label(o) for o in members],
        "other_members": [org_label(o) for o in members if our_root is None or o.id != our_root.id],
        "description": alliance.description,
    }


def meeting_context(store: EventStore, meeting: Meeting) -> dict[str, Any]:
    """Everything the news release and the minutes print about one meeting."""
    look = Lookup(store, meeting)
    chosen = store.our_organisation_id()  # picked by the office; else guessed from "ours"
    our_root = (look.root(chosen) if chosen is not None else None) or find_our_root(meeting, look)

    def person(pid: int | None) -> dict[str, Any]:
        att = next((a for a in meeting.attendees if a.person_id == pid), None)
        return person_view(look.people.get(pid), look, our_root, att)  # type: ignore[arg-type]

    attendees = [
        person_view(look.people.get(a.person_id), look, our_root, a) for a in meeting.attendees
    ]
    sides = []
    for side in Side:
        people = [p for p in attendees if p["side"] == side.value]
        if people:
            sides.append(
                {
                    "side": side.value,
                    "label": side.label,
                    "groups": groups_by_org(people, consecutive=False),
                }
            )
    decisions = [_decision_view(d, look, person) for d in meeting.decisions]
    photos = [
        {
            "uid": f.uid,
            "id": f.id,
            "caption": f.caption,
            "credit": f.credit,
            "media_type": f.media_type,
            "data": f.data if f.data is not None else (store.file_data(f.id) if f.id else b""),
            "session_uid": f.session_uid,
            "src": "",
            "width": 0,
        }
        for f in meeting.photos
    ]
    courses = _course_groups(meeting.courses, look, our_root)
    business = next(
        (s.uid for s in meeting.sessions if any(d.session_uid == s.uid for d in meeting.decisions)),
        None,
    )
    sessions = []
    for n, s in enumerate(meeting.sessions, 1):
        talks = [_talk_view(p, person) for p in meeting.presentations if p.session_uid == s.uid]
        sessions.append(
            {
                "number": n,
                "uid": s.uid,
                "title": s.title,
                "title_zh": s.title_zh,
                "title_lower": prose.lower_first(s.title),
                "time": prose.time_range(s.start_time, s.end_time),
                "chair": person(s.chair_id)["with_title"] if s.chair_id else "",
                "notes": s.notes,
                "speeches": [t for t in talks if t["is_speech"]],
                "talks": [t for t in talks if not t["is_speech"]],
                "decisions": [d for d in decisions if d["session_uid"] == s.uid],
                "courses": courses if s.uid == business else [],
                "photos": [p for p in photos if p["session_uid"] == s.uid],
            }
        )
    known = {s.uid for s in meeting.sessions}
    hosts = [
        {"name": org_label(look.org(h.organisation_id)), "role_label": h.role.label}
        for h in meeting.hosts
    ]
    date_text = prose.date_range(meeting.start_date, meeting.end_date)
    ours = None
    if our_root is not None:
        ours = {"name": org_label(our_root), "short": our_root.short_name or our_root.name}
    return {
        "kind": "meeting",
        "meeting": {
            "id": meeting.id,
            "title": meeting.title or meeting.title_zh,
            "title_zh": meeting.title_zh if meeting.title else "",
            "series": meeting.series,
            "edition": meeting.edition,
            "date": date_text,
            "date_iso": meeting.start_date.isoformat() if meeting.start_date else "",
            "time": prose.time_range(meeting.start_time, meeting.end_time),
            "format": meeting.format.value,
            "format_label": meeting.format.label,
            "venue": meeting.venue,
            "venue_zh": meeting.venue_zh,
            "our_role": meeting.our_role.value,
            "our_role_label": meeting.our_role.label,
            "our_role_verb": ROLE_VERBS[meeting.our_role.value],
            "status_label": meeting.status.label,
            "tags": meeting.tags,
            "summary": _paragraphs(meeting.summary),
            "background": _paragraphs(meeting.background),
        },
        "header": " · ".join(x for x in (meeting.title or meeting.title_zh, date_text) if x),
        "ours": ours,
        "hosts": hosts,
        "attendees": attendees,
        "ours_attending": [p for p in attendees if p["side"] == Side.OURS.value],
        "our_groups": groups_by_org(
            [p for p in attendees if p["side"] == Side.OURS.value], consecutive=True
        ),
        "sides": sides,
        "sessions": sessions,
        "presentations": [t for s in sessions for t in s["speeches"] + s["talks"]],
        "loose_decisions": [d for d in decisions if d["session_uid"] not in known],
        "decisions": decisions,
        "courses": courses,
        "courses_placed": business is not None,
        "loose_photos": [p for p in photos if p["session_uid"] not in known],
        "photos": photos,
        "alliance": _alliance_view(meeting, look, our_root),
        "warnings": [],
    }


def _talk_view(p, person) -> dict[str, Any]:
    presenters = [person(i) for i in p.presenter_ids]
    return {
        "kind": p.kind.value,
        "kind_label": p.kind.label,
        "kind_noun": p.kind.value if p.kind is not PresentationKind.REMARKS else "remarks",
        "is_speech": p.kind in SPEECH_KINDS,
        "title": p.title,
        "abstract": p.abstract,
        "presenters": presenters,
        "presenter_names": prose.join_prose(x["name"] for x in presenters),
        "speaker_phrase": prose.join_prose(x["with_title"] for x in presenters),
        "has_titles": any(x["full_title_with_capacity"] for x in presenters),
    }


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]

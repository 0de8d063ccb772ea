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
    HostRole,
    Meeting,
    MeetingFile,
    OrganisationKind,
    PresentationKind,
    Side,
)
from eventdesk.store import EventStore, StoreError
from eventdesk.store.renditions import print_rendition
from eventdesk.summary import prose
from eventdesk.summary.decisions import decision_view, runs
from eventdesk.summary.kinds import add_kind
from eventdesk.summary.language import Language
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


def _course_groups(
    courses: list[CourseEntry], look: Lookup, our_root, lang: Language
) -> list[dict[str, Any]]:
    groups: list[dict[str, Any]] = []
    for c in courses:
        where = f"course {c.title or c.title_zh!r}"
        key = (c.institution_id, c.status, c.programme)
        match = next((g for g in groups if g["key"] == key), None)
        if match is None:
            org = look.org(c.institution_id)
            short = (org.short_name or org.name) if org else ""
            match = {
                "key": key,
                "institution": org_label(org, lang),
                "institution_short": org_label(org, lang) if lang.zh else short,
                "is_ours": org is not None and our_root is not None and org.id == our_root.id,
                "status": c.status.value,
                "status_label": lang.label("course_status", c.status.value, c.status.label),
                "is_gain": c.status in (CourseStatus.SHORTLISTED, CourseStatus.APPROVED),
                "programme": lang.pick(c.programme, c.programme_zh, f"{where} › programme_zh"),
                "courses": [],
            }
            groups.append(match)
        match["courses"].append(
            {
                "title": lang.pick(c.title, c.title_zh, f"{where} › title_zh"),
                "title_zh": c.title_zh if not lang.zh else "",
                "year": c.year,
                "teachers": c.teachers,
            }
        )
    for g in groups:
        g["titles"] = [c["title"] for c in g["courses"]]
        g["count"] = len(g["courses"])
    return groups


def _alliance_view(
    meeting: Meeting, look: Lookup, our_root, lang: Language
) -> dict[str, Any] | None:
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
    where = f"organisation {alliance.name!r}"
    return {
        "name": org_label(alliance, lang),
        "name_zh": alliance.name_zh,
        "the_name": org_phrase(alliance, lang),
        "founded": lang.date(alliance.founded),
        "member_count": len(members),
        "member_noun": noun,
        "by_city": [
            {"city": city, "count": n, "count_word": prose.number_word(n)}
            for city, n in cities.items()
        ]
        if len(cities) > 1 and sum(cities.values()) == len(members)
        else [],
        "ours_is_member": ours_in,
        "members": [org_label(o, lang) for o in members],
        "other_members": [
            org_label(o, lang) for o in members if our_root is None or o.id != our_root.id
        ],
        "description": lang.pick(
            alliance.description, alliance.description_zh, f"{where} › description_zh"
        ),
    }


def meeting_context(store: EventStore, meeting: Meeting, lang: str = "en") -> dict[str, Any]:
    """Everything the news release and the minutes print about one meeting.

    ``lang`` ("en" or "zh") picks the form of every text; the Chinese forms a
    Chinese document lacks are listed in ``missing_zh``.
    """
    tongue = Language(lang)
    look = Lookup(store, meeting)
    chosen = store.our_organisation_id()  # picked by the office; else guessed from "ours"
    our_root = (look.root(chosen) if chosen is not None else None) or find_our_root(meeting, look)

    def person(pid: int | None) -> dict[str, Any]:
        att = next((a for a in meeting.attendees if a.person_id == pid), None)
        return person_view(look.people.get(pid), look, our_root, att, tongue)  # type: ignore[arg-type]

    attendees = [
        person_view(look.people.get(a.person_id), look, our_root, a, tongue)
        for a in meeting.attendees
    ]
    sides = []
    for side in Side:
        people = [p for p in attendees if p["side"] == side.value]
        if people:
            sides.append(
                {
                    "side": side.value,
                    "label": tongue.label("side", side.value, side.label),
                    "groups": groups_by_org(people, consecutive=False),
                }
            )
    decisions = [
        decision_view(n, d, look, person, tongue) for n, d in enumerate(meeting.decisions, 1)
    ]
    photos = [
        {
            "uid": f.uid,
            "id": f.id,
            "caption": tongue.pick(f.caption, f.caption_zh, f"photo {n} › caption_zh"),
            "credit": f.credit,
            "media_type": f.media_type,
            "data": _print_size(store, f),
            "session_uid": f.session_uid,
            "src": "",
            "width": 0,
        }
        for n, f in enumerate(meeting.photos, 1)
    ]
    left_out = _unusable_photos(photos, tongue.zh)
    courses = _course_groups(meeting.courses, look, our_root, tongue)
    business = next(
        (s.uid for s in meeting.sessions if any(d.session_uid == s.uid for d in meeting.decisions)),
        None,
    )
    sessions = []
    for n, s in enumerate(meeting.sessions, 1):
        where = f"session {n} {s.title or s.title_zh!r}"
        title = tongue.pick(s.title, s.title_zh, f"{where} › title_zh")
        talks = [
            _talk_view(k, p, person, tongue)
            for k, p in enumerate(meeting.presentations, 1)
            if p.session_uid == s.uid
        ]
        own = [d for d in decisions if d["session_uid"] == s.uid]
        sessions.append(
            {
                "number": n,
                "uid": s.uid,
                "title": title,
                "title_zh": s.title_zh if not tongue.zh else "",
                "title_lower": title if tongue.zh else prose.lower_first(title),
                "time": prose.time_range(s.start_time, s.end_time),
                "chair": person(s.chair_id)["with_title"] if s.chair_id else "",
                "chair_id": s.chair_id,
                "notes": tongue.pick(s.notes, s.notes_zh, f"{where} › notes_zh"),
                "speeches": [t for t in talks if t["is_speech"]],
                "talks": [t for t in talks if not t["is_speech"]],
                "decisions": own,
                "decision_runs": runs(own),
                "courses": courses if s.uid == business else [],
                "photos": [p for p in photos if p["session_uid"] == s.uid],
            }
        )
    known = {s.uid for s in meeting.sessions}
    loose_talks = [
        _talk_view(k, p, person, tongue)
        for k, p in enumerate(meeting.presentations, 1)
        if p.session_uid not in known
    ]
    hosts = [
        {
            "name": org_label(look.org(h.organisation_id), tongue),
            "the_name": org_phrase(look.org(h.organisation_id), tongue),
            "short": _short(look.org(h.organisation_id), tongue),
            "role": h.role.value,
            "role_label": tongue.label("host_role", h.role.value, h.role.label),
        }
        for h in meeting.hosts
    ]
    date_text = tongue.date_range(meeting.start_date, meeting.end_date)
    title = tongue.pick(meeting.title, meeting.title_zh, "meeting › title_zh")
    ours = None
    if our_root is not None:
        ours = {
            "id": our_root.id,
            "name": org_label(our_root, tongue),
            "the_name": org_phrase(our_root, tongue),
            "short": _short(our_root, tongue),
        }
    loose_decisions = [d for d in decisions if d["session_uid"] not in known]
    m = meeting
    view = {
        "kind": "meeting",
        "lang": tongue.lang,
        "meeting": {
            "id": m.id,
            "title": title,
            "title_zh": m.title_zh if m.title and not tongue.zh else "",
            "title_en": m.title if tongue.zh and m.title_zh else "",
            "series": tongue.pick(m.series, m.series_zh, "meeting › series_zh"),
            "edition": m.edition,
            "date": date_text,
            "date_iso": m.start_date.isoformat() if m.start_date else "",
            "time": prose.time_range(m.start_time, m.end_time),
            "format": m.format.value,
            "format_label": tongue.label("format", m.format.value, m.format.label),
            "venue": tongue.pick(m.venue, m.venue_zh, "meeting › venue_zh"),
            "venue_zh": m.venue_zh,
            "our_role": m.our_role.value,
            "our_role_label": tongue.label("our_role", m.our_role.value, m.our_role.label),
            "our_role_verb": ROLE_VERBS[m.our_role.value],
            "status_label": tongue.label("status", m.status.value, m.status.label),
            "tags": m.tags,
            "summary": _paragraphs(tongue.pick(m.summary, m.summary_zh, "meeting › summary_zh")),
            "background": _paragraphs(
                tongue.pick(m.background, m.background_zh, "meeting › background_zh")
            ),
        },
        "header": " · ".join(x for x in (title, date_text) if x),
        "ours": ours,
        "hosts": hosts,
        "hosts_label": _hosts_label(hosts, tongue),
        "attendees": attendees,
        "ours_attending": [p for p in attendees if p["side"] == Side.OURS.value],
        "our_groups": groups_by_org(
            [p for p in attendees if p["side"] == Side.OURS.value], consecutive=True
        ),
        "sides": sides,
        "sessions": sessions,
        "presentations": [t for s in sessions for t in s["speeches"] + s["talks"]] + loose_talks,
        "loose_talks": loose_talks,
        "loose_session": _loose_session(loose_talks, tongue, len(sessions) + 1),
        "loose_decisions": loose_decisions,
        "loose_decision_runs": runs(loose_decisions),
        "decisions": decisions,
        "courses": courses,
        "courses_placed": business is not None,
        "loose_photos": [p for p in photos if p["session_uid"] not in known],
        "photos": photos,
        "alliance": _alliance_view(meeting, look, our_root, tongue),
        "warnings": left_out,
        "photos_left_out": left_out,
    }
    add_kind(view, meeting, look, tongue)
    view["fact_rows"] = _facts(view, tongue)
    view["missing_zh"] = list(tongue.missing)
    return view


def _short(org, lang: Language) -> str:
    """The name a release repeats: "USST", or in Chinese the Chinese name."""
    if org is None:
        return ""
    if lang.zh:
        return org_label(org, lang)
    return org.short_name or org.name or org.name_zh


def _loose_session(talks: list[dict[str, Any]], lang: Language, number: int) -> list[dict]:
    """Talks tied to no session, as one more block of the minutes (after the sessions)."""
    if not talks:
        return []
    title = "其他致辞与报告" if lang.zh else "Other speeches and presentations"
    return [
        {
            "number": number,
            "title": title,
            "time": "",
            "notes": "",
            "speeches": [t for t in talks if t["is_speech"]],
            "talks": [t for t in talks if not t["is_speech"]],
        }
    ]


def _hosts_label(hosts: list[dict[str, Any]], tongue: Language) -> str:
    """The hosts' label in the facts: three co-hosts are "Co-hosts" (联合主办方), not "Host"."""
    roles = {h["role"] for h in hosts}
    role = roles.pop() if len(roles) == 1 else HostRole.HOST.value
    word = tongue.label("host_role", role, HostRole(role).label)
    if tongue.zh:
        return word + "方"
    return word + ("s" if len(hosts) > 1 else "")


def _facts(c: dict[str, Any], lang: Language) -> list[tuple[str, str]]:
    """The minutes' header block, labelled in the document's language."""
    m = c["meeting"]
    same_as_format = m["venue"].casefold() == m["format_label"].casefold()
    series = m["series"] + (f" ({m['edition']})" if m["edition"] and m["series"] else "")
    labels = (
        ("日期", "时间", "形式", "地点或平台", "系列", c["hosts_label"], "我方角色", "记录状态")
        if lang.zh
        else (
            "Date",
            "Time",
            "Format",
            "Venue or platform",
            "Series",
            c["hosts_label"],
            "Our role",
            "Record status",
        )
    )
    values = (
        m["date"],
        m["time"],
        m["format_label"],
        "" if same_as_format else m["venue"],
        series,
        lang.join(h["name"] for h in c["hosts"]),
        m["our_role_label"],
        m["status_label"],
    )
    return [(label, value) for label, value in zip(labels, values, strict=True) if value]


def _talk_view(n: int, p, person, lang: Language) -> dict[str, Any]:
    presenters = [person(i) for i in p.presenter_ids]
    where = f"presentation {n}"
    kind_noun = p.kind.value if p.kind is not PresentationKind.REMARKS else "remarks"
    return {
        "kind": p.kind.value,
        "kind_label": lang.label("presentation", p.kind.value, p.kind.label),
        "kind_noun": lang.label("presentation", p.kind.value, kind_noun),
        "is_speech": p.kind in SPEECH_KINDS,
        "title": lang.pick(p.title, p.title_zh, f"{where} › title_zh"),
        "abstract": lang.pick(p.abstract, p.abstract_zh, f"{where} › abstract_zh"),
        "presenters": presenters,
        "presenter_ids": list(p.presenter_ids),
        "presenter_names": lang.join(x["name"] for x in presenters),
        "speaker_phrase": lang.join(x["with_title"] for x in presenters),
        "titled_names": lang.join(x["title_before_name"] for x in presenters),
        "has_titles": any(x["full_title_with_capacity"] for x in presenters),
    }


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


def _print_size(store: EventStore, f: MeetingFile) -> bytes:
    """A photo print-size and upright: saved ones through the store's cache."""
    if f.data is not None:
        return print_rendition(f.data)
    if f.id is None:
        return b""
    try:
        return store.photo_for_print(f.id)
    except StoreError:  # its file is missing (``eventdesk check`` names it): print the rest
        return b""


def _unusable_photos(photos: list[dict[str, Any]], zh: bool = False) -> list[str]:
    """Leave out photos that are not images of their type (stored before they were checked).

    A photo's print-size rendition may be another image type than the
    original (a large PNG becomes a JPEG): it then carries the type of its bytes.
    """
    from eventdesk.records.images import FORMATS, check_image, media_type_of

    warnings = []
    for photo in list(photos):
        problem = check_image(photo["data"], photo["media_type"])
        real = media_type_of(photo["data"]) if problem and photo["media_type"] in FORMATS else None
        if real:
            photo["media_type"] = real
            problem = check_image(photo["data"], real)
        if problem:
            photos.remove(photo)
            name = photo["caption"] or f"photo {photo['uid']}"
            if zh:  # the reason stays in English: it names the file's bytes for whoever fixes it
                warnings.append(f"照片“{name}”未印出：{problem}。")
            else:
                warnings.append(f"{name} was left out: {problem}.")
    return warnings

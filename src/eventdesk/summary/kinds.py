"""Which story a news release tells, and the people each story names.

Why a kind at all: an office writes a different release when it took part in
someone else's meeting (participant), held one (host, co-host), received a
delegation (visited), sent one abroad (visiting), or signed an agreement
(signing). The kind is chosen from the meeting's ``our_role`` and what its
records hold:

- ``signing``: our role is host, co-host, visited or visiting and a decision
  of kind ``agreement`` names its parties (who signed);
- ``visited``: our role is visited and the partner side has attendees;
- ``visiting``: our role is visiting and our side has attendees;
- ``host``: our role is host or co-host (also a visit with nobody on the
  other side recorded);
- ``participant``: everything else.

Every attendee whose role is speaker, chair, host or guest must appear in the
release; those the kind's own sentences do not name are gathered in
``also`` so the template can name them.
"""

from __future__ import annotations

from eventdesk.records import Meeting, Organisation, OurRole, Side
from eventdesk.summary.decisions import named_with_org
from eventdesk.summary.language import Language
from eventdesk.summary.people import Lookup, org_label, org_phrase
from eventdesk.summary.venues import host_in_venue, venue_phrase
from eventdesk.summary.view import AlsoView, ChairView, MeetingView, PersonView, VisitView

NAMED_ROLES = ("speaker", "chair", "host", "guest")


def choose_kind(meeting: Meeting, c: MeetingView) -> tuple[str, str]:
    """``(news_kind, base_kind)``: the story, and the story its lead is told as."""
    role = meeting.our_role
    others = [p for p in c.attendees if p.side != Side.OURS.value]
    if role is OurRole.VISITED and others:
        base = "visited"
    elif role is OurRole.VISITING and c.ours_attending:
        base = "visiting"
    elif role in (OurRole.HOST, OurRole.CO_HOST, OurRole.VISITED, OurRole.VISITING):
        base = "host"
    else:
        base = "participant"
    signing = any(d.is_signing for d in c.decisions)
    return ("signing" if signing and base != "participant" else base), base


def group_phrases(people: list[PersonView], lang: Language, skip: set) -> list[str]:
    """Neighbours of one organisation in one phrase, the organisation named once.

    "Director MA Xiaoting and Deputy Director CHEN Qi of the Hong Kong, Macao
    and Taiwan Affairs Office"; in Chinese "港澳台办主任马晓婷、副主任陈琦".
    ``skip`` holds organisation ids the sentence names already.
    """
    phrases: list[str] = []
    groups: list[list[PersonView]] = []
    for p in people:
        if groups and groups[-1][0].organisation_id == p.organisation_id:
            groups[-1].append(p)
        else:
            groups.append([p])
    for g in groups:
        of = "" if g[0].organisation_id in skip else g[0].of
        if lang.zh:
            phrases.append(of + "、".join(p.title_before_name for p in g))
        else:
            names = lang.join(p.title_before_name for p in g)
            phrases.append(f"{names} of {of}" if of else names)
    return phrases


def _led_by(leader: PersonView, org_id: int | None, lang: Language) -> str:
    """ "its Vice President LEE Byung-Hyun" when the leader belongs to the delegation's body."""
    if leader.organisation_id == org_id and leader.title and not lang.zh:
        return f"its {leader.title_before_name}"
    if lang.zh and leader.organisation_id == org_id:
        return leader.title_before_name
    return named_with_org(leader, lang)


def _roots(people: list[PersonView], look: Lookup) -> list[Organisation]:
    seen: list[Organisation] = []
    for p in people:
        root = look.root(p.organisation_id)
        if root is not None and all(r.id != root.id for r in seen):
            seen.append(root)
    return seen


def visit_view(
    c: MeetingView, base: str, look: Lookup, lang: Language, host_ids: list[int]
) -> VisitView:
    """Who went where, who led, who received them: the sentences of a visit."""
    ours = c.ours_attending
    others = [p for p in c.attendees if p.side != Side.OURS.value]
    travellers, receivers = (others, ours) if base == "visited" else (ours, others)
    leader = travellers[0]
    org = look.root(leader.organisation_id)
    org_id = org.id if org else None
    venue = c.meeting.venue if c.meeting else ""
    if base == "visiting":
        hosts = [o for o in (look.org(h) for h in host_ids) if o is not None]
        places = _roots(receivers, look) or hosts
        place = lang.join(org_phrase(o, lang) for o in places) or venue
        place_short = lang.join(_short_name(o, lang) for o in places) or place
    else:
        place = c.ours.the_name if c.ours else venue
        place_short = c.ours.short if c.ours else place
    return VisitView(
        org=org_phrase(org, lang),
        org_short=_short_name(org, lang),
        leader=leader,
        led_by=_led_by(leader, org_id, lang),
        members=group_phrases(travellers[1:], lang, {org_id}),
        count=len(travellers),
        place=place,
        place_short=place_short,
        receiver=group_phrases(receivers[:1], lang, set())[0] if receivers else "",
        receivers_rest=group_phrases(receivers[1:], lang, set()),
        receivers=group_phrases(receivers, lang, set()),
    )


def _short_name(org: Organisation | None, lang: Language) -> str:
    if org is None:
        return ""
    return org_label(org, lang) if lang.zh else org_phrase(org, lang)


def also_view(c: MeetingView, kind: str) -> AlsoView:
    """Attendees with a role a release must name whom the kind's sentences do not name."""
    named: set[int | None] = set()
    for t in c.presentations:
        named.update(t.presenter_ids)
    if kind in ("visited", "visiting"):
        named.update(p.id for p in c.attendees)
    else:
        named.update(p.id for p in c.ours_attending)
    chairs_of: dict[int, list[str]] = {}
    for s in c.sessions:
        if s.chair_id is not None:
            chairs_of.setdefault(s.chair_id, []).append(s.name)
    by_id = {p.id: p for p in c.attendees if p.id is not None}
    for s in c.sessions:
        # Who chaired a session is told with the session, whoever else names them.
        s.chair_person = by_id.get(s.chair_id) if s.chair_id is not None else None
    out = AlsoView()
    for p in c.attendees:
        if p.id in named:
            continue
        if p.role == "speaker":
            out.speakers.append(p)
        elif p.role == "chair":
            out.chairs.append(ChairView(p, chairs_of.get(p.id, []) if p.id is not None else []))
        elif p.role == "host":
            out.hosts.append(p)
        elif p.role == "guest" or kind in ("host", "signing"):
            out.attending.append(p)
    return out


def add_kind(c: MeetingView, meeting: Meeting, look: Lookup, lang: Language) -> None:
    """Set ``news_kind``, ``base_kind``, ``visit``, ``also``, ``signings`` and ``sides_phrase``."""
    kind, base = choose_kind(meeting, c)
    c.news_kind = kind
    c.base_kind = base
    host_ids = [h.organisation_id for h in meeting.hosts]
    c.visit = visit_view(c, base, look, lang, host_ids) if base in ("visited", "visiting") else None
    c.also = also_view(c, base)
    c.signings = [d for d in c.decisions if d.is_signing]
    _add_venue(c, meeting, look, lang)
    if lang.zh:
        _speaker_labels(c)
    two = base in ("visited", "visiting")
    if lang.zh:
        c.sides_phrase = "双方" if two else "与会各方"
    else:
        c.sides_phrase = "the two sides" if two else "the participants"


def _speaker_labels(c: MeetingView) -> None:
    """A speaker who gave only presentations or reports is a 报告人; any other a 演讲嘉宾
    (发言人 reads as a spokesperson)."""
    for p in c.attendees:
        talks = [t for t in c.presentations if p.id is not None and p.id in t.presenter_ids]
        if p.role == "speaker" and talks and not any(t.is_speech for t in talks):
            p.role_label = "报告人"


def _add_venue(c: MeetingView, meeting: Meeting, look: Lookup, lang: Language) -> None:
    """Set ``venue_host``/``venue_rest`` (the host a venue names, the venue without it),
    ``ours_hosting``, and the venue as an English sentence names it."""
    hosts = [look.org(h.organisation_id) for h in meeting.hosts]
    c.ours_hosting = c.ours is not None and any(o and o.id == c.ours.id for o in hosts)
    if c.meeting is None:
        return
    c.meeting.venue_phrase = c.meeting.venue if lang.zh else venue_phrase(c.meeting.venue)
    if c.meeting.format == "online":
        return
    named, rest = host_in_venue(c.meeting.venue, [o for o in hosts if o is not None], lang.zh)
    if named is not None:
        c.venue_host = next(h for o, h in zip(hosts, c.hosts, strict=True) if o is named)
        c.venue_rest = rest if lang.zh else venue_phrase(rest)

"""The hosts of a meeting, our university and the alliance among the hosts, as a summary
names them ("the Shanghai University Alliance", "USST"), and the hosts' label in the facts."""

from __future__ import annotations

from collections import Counter

from eventdesk.records import HostRole, Organisation, OrganisationKind
from eventdesk.summary import prose
from eventdesk.summary.builder import Builder
from eventdesk.summary.language import Language
from eventdesk.summary.people import org_label, org_phrase
from eventdesk.summary.view import AllianceView, CityCount, HostView, OursView


def host_view(b: Builder, org_id: int, role) -> HostView:
    org = b.lookup.org(org_id)
    return HostView(
        name=org_label(org, b.lang),
        the_name=org_phrase(org, b.lang),
        short=_short(org, b.lang),
        role=role.value,
        role_label=b.lang.label("host_role", role.value, role.label),
    )


def ours_view(b: Builder) -> OursView | None:
    root = b.our_root
    if root is None:
        return None
    return OursView(
        root.id, org_label(root, b.lang), org_phrase(root, b.lang), _short(root, b.lang)
    )


def _short(org: Organisation | None, lang: Language) -> str:
    """The name a release repeats: "USST", or in Chinese the Chinese name."""
    if org is None:
        return ""
    if lang.zh:
        return org_label(org, lang)
    return org.short_name or org.name or org.name_zh


def alliance_view(b: Builder) -> AllianceView | None:
    """The alliance among the hosts (or a host with members): the background paragraph."""
    lookup, lang, our_root = b.lookup, b.lang, b.our_root
    hosts = [lookup.org(h.organisation_id) for h in b.meeting.hosts]
    alliance = next((o for o in hosts if o and o.kind is OrganisationKind.ALLIANCE), None)
    alliance = alliance or next((o for o in hosts if o and o.member_ids), None)
    if alliance is None:
        return None
    members = [o for o in (lookup.org(i) for i in alliance.member_ids) if o is not None]
    cities = Counter(o.city for o in members if o.city)
    every_one_placed = len(cities) > 1 and sum(cities.values()) == len(members)
    kinds = {o.kind for o in members}
    where = f"organisation {alliance.name!r}"
    return AllianceView(
        name=org_label(alliance, lang),
        name_zh=alliance.name_zh,
        the_name=org_phrase(alliance, lang),
        founded=lang.date(alliance.founded),
        member_count=len(members),
        member_noun="universities" if kinds == {OrganisationKind.UNIVERSITY} else "members",
        by_city=[CityCount(city, n, prose.number_word(n)) for city, n in cities.items()]
        if every_one_placed
        else [],
        ours_is_member=our_root is not None and any(o.id == our_root.id for o in members),
        members=[org_label(o, lang) for o in members],
        other_members=[
            org_label(o, lang) for o in members if our_root is None or o.id != our_root.id
        ],
        description=lang.pick(
            alliance.description, alliance.description_zh, f"{where} › description_zh"
        ),
    )


def hosts_label(hosts: list[HostView], language: Language) -> str:
    """The hosts' label in the facts: three co-hosts are "Co-hosts" (联合主办方), not "Host"."""
    roles = {h.role for h in hosts}
    role = roles.pop() if len(roles) == 1 else HostRole.HOST.value
    word = language.label("host_role", role, HostRole(role).label)
    if language.zh:
        return word + "方"
    return word + ("s" if len(hosts) > 1 else "")

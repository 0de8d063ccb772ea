"""Who is who in a summary: people and organisations as they are printed.

Why apart from the rest of the view model: the rules of naming ("Director of
the Hong Kong, Macao and Taiwan Affairs Office", "of Shanghai University" but
"of the Ministry of Education", the title held *at the meeting*) are the part
a reader notices first when wrong, and are tested on their own.
"""

from __future__ import annotations

from collections import Counter

from eventdesk.records import (
    Attendance,
    Meeting,
    Organisation,
    OrganisationKind,
    Person,
    Side,
)
from eventdesk.records.fields import printed_fields
from eventdesk.records.text import printable
from eventdesk.store import EventStore
from eventdesk.summary import prose
from eventdesk.summary.countries import in_country_en, in_name_en, in_name_zh
from eventdesk.summary.language import Language
from eventdesk.summary.mentions import once
from eventdesk.summary.view import OrganisationGroup, PersonView

#: Names that take "the" although their kind does not ("the University of Hong Kong").
_OF_NAMES = ("University of ", "Institute of ", "College of ", "School of ", "Academy of ")


def org_phrase(org: Organisation | None, lang: Language | None = None) -> str:
    """An organisation as named inside a sentence.

    The rule for "the" (English only): a name stored with "The" keeps it; a
    university or company is named bare ("Shanghai University", "Yonsei
    University") unless its name starts "University of", "Institute of",
    "College of", "School of" or "Academy of"; every other kind (government
    body, office, alliance, other) takes "the" ("the Ministry of Education").
    """
    if org is None:
        return ""
    if lang is not None and lang.zh:
        return org_label(org, lang)
    name = org.name or org.name_zh
    country = _country_after(org, lang)
    if name.startswith("The "):
        return "the " + name[4:] + country
    bare = (OrganisationKind.UNIVERSITY, OrganisationKind.COMPANY)
    if org.kind in bare and not name.startswith(_OF_NAMES):
        return name + country
    return "the " + name + country


#: First words of organisations' names that are common nouns, not names.
_COMMON_TEXT = """
    The University College Institute School Academy Ministry Department Office Bureau
    Commission Centre Center Council Committee Graduate International National Global Faculty
    Division Foundation Association Society Federation Alliance Forum
"""
_COMMON_FIRST_WORDS = frozenset(_COMMON_TEXT.split())


class Lookup:
    """People and organisations a meeting refers to, fetched in a few queries."""

    def __init__(self, store: EventStore, meeting: Meeting):
        m = meeting
        people = store.people.get_many(m.people_ids())
        self.people: dict[int, Person] = {k: printable(v) for k, v in people.items()}
        org_ids = m.organisation_ids()
        org_ids |= {p.organisation_id for p in self.people.values() if p.organisation_id}
        self.orgs: dict[int, Organisation] = {}
        self._fetch(store, org_ids)
        # Parents (for "our" university) and alliance members (for the background).
        for _ in range(3):
            more = {o.parent_id for o in self.orgs.values() if o.parent_id}
            more |= {i for h in m.hosts for i in self.org(h.organisation_id).member_ids}
            if not self._fetch(store, more):
                break

    def _fetch(self, store: EventStore, ids: set[int | None]) -> bool:
        wanted = {i for i in ids if i is not None and i not in self.orgs}
        if wanted:
            found = store.organisations.get_many(wanted)
            self.orgs.update({k: printable(v) for k, v in found.items()})
        return bool(wanted)

    def proper_words(self) -> frozenset[str]:
        """Words of the meeting's organisations that keep their capital mid-sentence.

        The first word of each name ("Yonsei", "Lingnan", "Fudan") unless it is a
        common noun ("University of Macau"), each short name ("USST") and city.
        """
        words: set[str] = set()
        for o in self.orgs.values():
            first = (o.name.split() or [""])[0]
            if first not in _COMMON_FIRST_WORDS:
                words.add(first)
            words.update(o.short_name.split())
            words.update(o.city.split())
        return frozenset(w for w in words if w[:1].isupper())

    def org(self, org_id: int | None) -> Organisation | None:
        return self.orgs.get(org_id) if org_id is not None else None  # type: ignore[return-value]

    def root(self, org_id: int | None) -> Organisation | None:
        """The top of an organisation's parent chain: a department's university."""
        org, seen = self.org(org_id), set()
        while org is not None and org.parent_id in self.orgs and org.id not in seen:
            seen.add(org.id)
            org = self.orgs[org.parent_id]  # type: ignore[index]
        return org


#: A government body of a Special Administrative Region, as Chinese names it: 香港特区政府教育局.
_SAR_GOVERNMENTS = {
    "hong kong": ("香港", "香港特区政府"),
    "香港": ("香港", "香港特区政府"),
    "macao": ("澳门", "澳门特区政府"),
    "macau": ("澳门", "澳门特区政府"),
    "澳门": ("澳门", "澳门特区政府"),
    "澳門": ("澳門", "澳门特区政府"),
}


def org_label(org: Organisation | None, lang: Language | None = None) -> str:
    """An organisation's name as a heading prints it, in the document's language.

    On its first mention in a document (:mod:`~eventdesk.summary.mentions`), in Chinese a
    government body of Hong Kong or Macao whose Chinese name does not say so (教育局) is named
    with its government: 香港特区政府教育局; a foreign organisation with its country before
    its name (韩国延世大学), in English after it ("Yonsei University in South Korea"), where
    the name does not say it already (docs/summaries.md).
    """
    if org is None:
        return ""
    if lang is None:
        return org.name or org.name_zh
    name = lang.pick(org.name, org.name_zh, f"organisation {org.name!r} › name_zh")
    if not lang.zh:
        return name + _country_after(org, lang)
    sar = _SAR_GOVERNMENTS.get(org.city.strip().casefold())
    if org.name_zh and org.kind is OrganisationKind.GOVERNMENT and sar:
        place, government = sar
        # A name that says where it is already (教育部驻香港…, 中央人民政府驻香港特别行政区
        # 联络办公室: the central government's, not the Region's) is printed as it is.
        if not any(word in name for word in (place, "香港", "澳門", "澳门", "中央")):
            return once(f"g{org.id}", government) + name
    return _country_before(org, lang, name) + name


def _abroad(org: Organisation, lang: Language | None) -> tuple[str, str, str] | None:
    """(key, English, Chinese) of a foreign organisation's country, or None."""
    places = lang.places if lang is not None else None
    country = places.abroad(org) if places is not None else None
    if places is None or country is None:
        return None
    return f"c{places.root(org).id}", *country


def _country_before(org: Organisation, lang: Language, name: str) -> str:
    """韩国 before 延世大学, on its first mention: only before a Chinese name not saying it."""
    abroad = _abroad(org, lang)
    if abroad is None or not org.name_zh or in_name_zh(abroad[2], name):
        return ""
    return once(abroad[0], abroad[2])


def _country_after(org: Organisation, lang: Language | None) -> str:
    """ " in South Korea" after "Yonsei University", on its first mention, where the English
    name does not say it ("Korea University")."""
    abroad = _abroad(org, lang)
    if abroad is None or not org.name or not abroad[1] or in_name_en(abroad[1], org.name):
        return ""
    return once(abroad[0], " " + in_country_en(abroad[1]))


def person_view(
    person: Person | None,
    look: Lookup,
    our_root: Organisation | None,
    attendance: Attendance | None = None,
    lang: Language | None = None,
    name_ours: bool = False,
) -> PersonView:
    """A person as printed: name, Chinese name, the title held *at this meeting*.

    Our own university goes unnamed beside our people ("President DING Xiaodong"),
    unless ``name_ours``: at a meeting of several hosts each president is named with
    their university, ours too.
    """
    lang = lang or Language("en")
    latin = person.display_name if person else "(unknown person)"
    if attendance is not None:
        where = f"attendee {latin}"
        title = lang.pick(attendance.title, attendance.title_zh, f"{where} › title_zh")
        org_id = attendance.organisation_id
        capacity = lang.pick(attendance.capacity, attendance.capacity_zh, f"{where} › capacity_zh")
        role, side = attendance.role, attendance.side
        title_zh = attendance.title_zh
    else:
        en, zh = (person.title, person.title_zh) if person else ("", "")
        title = lang.pick(en, zh, f"person {latin} › title_zh")
        org_id = person.organisation_id if person else None
        capacity, role, side = "", None, None
        title_zh = person.title_zh if person else ""
    org = look.org(org_id)
    is_our_root = org is not None and our_root is not None and org.id == our_root.id
    of = "" if (is_our_root and not name_ours) or org is None else org_phrase(org, lang)
    name_zh = lang.name(person.name_zh) if person else ""  # kept as recorded: script.py
    if person is not None and not person.name_zh:
        lang.latin_name(latin)  # a Chinese document says it prints a Latin name
    names = _zh_names if lang.zh else _en_names
    root = look.root(org_id)
    return PersonView(
        id=person.id if person else None,
        name_zh=name_zh,
        name_latin=latin,
        title=title,
        title_zh=title_zh,
        capacity=capacity,
        organisation=org_label(org, lang),
        organisation_id=org_id,
        root_id=root.id if root else None,
        of=of,
        role=role.value if role else "",
        role_label=lang.label("attendance_role", role.value, role.label) if role else "",
        side=side.value if side else "",
        particulars=particulars(attendance, lang, f"attendee {latin}") if attendance else "",
        **names(latin, name_zh, title, capacity, of, org),
    )


def particulars(attendance: Attendance, lang: Language, where: str) -> str:
    """The attendance's fields declared ``printed``, where set, each after its words ("Gift: a
    porcelain vase"; 礼品：瓷瓶): a field added to ``Attendance`` so declared prints with no edit
    here (docs/adding-a-field.md)."""
    said = []
    for d in printed_fields(type(attendance)):
        value = getattr(attendance, d.field)
        if d.zh:
            chinese = getattr(attendance, f"{d.field}_zh")
            value = lang.pick(value, chinese, f"{where} › {d.field}_zh")
        if value in ("", None, False):
            continue
        words = d.printed[1] if lang.zh else d.printed[0]
        if value is True:
            said.append(words)
        else:
            said.append(f"{words}：{value}" if lang.zh else f"{words}: {value}")
    return ("；" if lang.zh else "; ").join(said)


def _en_names(
    latin: str, name_zh: str, title: str, capacity: str, of: str, org: Organisation | None
) -> dict[str, str]:
    """ "President DING Xiaodong (丁晓东)", "…, Director of the Hong Kong, Macao …"."""
    full_name = f"{latin} ({name_zh})" if name_zh else latin
    full_title = f"{title} of {of}" if title and of else title or (org_label(org) if of else "")
    with_capacity = prose.join_prose([full_title, capacity])
    return {
        "name": latin,
        "full_name": full_name,
        "full_title": full_title,
        "full_title_with_capacity": with_capacity,
        "title_with_capacity": prose.join_prose([title, capacity]),
        "title_before_name": f"{title} {full_name}" if title else full_name,
        "with_title": f"{full_name}, {with_capacity}" if with_capacity else full_name,
    }


def _zh_names(
    latin: str, name_zh: str, title: str, capacity: str, of: str, org: Organisation | None
) -> dict[str, str]:
    """ "校长丁晓东", "港澳台事务办公室主任马晓婷": titles before names, no spaces."""
    name = name_zh or latin
    full_title = f"{of}{title}" if title else (of if of else "")
    with_capacity = "、".join(x for x in (full_title, capacity) if x)
    # An English title (no Chinese one yet) keeps its space before a name.
    gap = " " if title[-1:].isascii() and title[-1:].strip() else ""
    gap2 = " " if with_capacity[-1:].isascii() and with_capacity[-1:].strip() else ""
    return {
        "name": name,
        "full_name": name,
        "full_title": full_title,
        "full_title_with_capacity": with_capacity,
        "title_with_capacity": "、".join(x for x in (title, capacity) if x),
        "title_before_name": f"{title}{gap}{name}",
        "with_title": f"{with_capacity}{gap2}{name}",
    }


def find_our_root(meeting: Meeting, look: Lookup) -> Organisation | None:
    roots = Counter(
        look.root(a.organisation_id).id  # type: ignore[union-attr]
        for a in meeting.attendees
        if a.side is Side.OURS and look.root(a.organisation_id) is not None
    )
    return look.org(roots.most_common(1)[0][0]) if roots else None


def groups_by_org(people: list[PersonView], *, consecutive: bool) -> list[OrganisationGroup]:
    """People by organisation, in order of precedence.

    ``consecutive`` groups only neighbours, as prose does ("Director A and
    Deputy Director B of the X"); otherwise everyone of an organisation is
    gathered under its first appearance, as minutes list them.
    """
    groups: list[OrganisationGroup] = []
    for p in people:
        candidates = groups[-1:] if consecutive else groups
        match = next((g for g in candidates if g.organisation_id == p.organisation_id), None)
        if match is not None:
            match.people.append(p)
        else:
            groups.append(OrganisationGroup(p.organisation_id, p.organisation, p.of, [p]))
    return groups

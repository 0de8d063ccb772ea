"""Where a meeting was held, as a release's sentence names it.

Why: a venue is typed as an address ("Academic Exchange Centre, University of
Shanghai for Science and Technology", "The Hong Kong Polytechnic University"),
and a sentence "was held at Academic Exchange Centre, University of …, hosted by
the University of …" names the host twice, with two spellings of its article.
So the release names a host once: when the venue names one, the host is the
sentence's subject and the venue is printed without it ("USST hosted the forum
at Academic Exchange Centre"; 由上海理工大学主办的论坛在该校学术交流中心举行), and
what is left of a venue takes "the" by the rule organisations' names follow.
"""

from __future__ import annotations

from eventdesk.records import Organisation

#: Names that take "the" inside a sentence ("the University of Macau").
_OF_NAMES = ("University of ", "Institute of ", "College of ", "School of ", "Academy of ")


def venue_phrase(venue: str) -> str:
    """An English venue inside a sentence: each part of it with the article a name takes.

    "Central Building, University of Macau" -> "Central Building, the University of Macau";
    "The Hong Kong Polytechnic University" -> "the Hong Kong Polytechnic University".
    """
    parts = []
    for part in (p.strip() for p in venue.split(",")):
        if part.startswith("The "):
            part = "the " + part[4:]
        elif part.startswith(_OF_NAMES):
            part = "the " + part
        parts.append(part)
    return ", ".join(p for p in parts if p)


def _forms(org: Organisation) -> set[str]:
    names = {org.name, org.short_name}
    if org.name.startswith("The "):
        names.add(org.name[4:])
    return {n.casefold() for n in names if n}


def host_in_venue(
    venue: str, hosts: list[Organisation], zh: bool
) -> tuple[Organisation | None, str]:
    """The host the venue names, and the venue without it ("" when the venue is the host).

    English: a comma-separated part that is the host's name or short name. Chinese: a venue that
    begins with the host's Chinese name (上海理工大学学术交流中心).
    """
    venue = " ".join(venue.split())
    if not venue:
        return None, ""
    for org in hosts:
        if zh and org.name_zh and venue.startswith(org.name_zh):
            return org, venue[len(org.name_zh) :].lstrip("，, ")
        parts = [p.strip() for p in venue.split(",")]
        named = [p for p in parts if p.casefold() in _forms(org)]
        if named:
            return org, ", ".join(p for p in parts if p not in named)
    return None, venue

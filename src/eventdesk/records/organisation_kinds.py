"""The kind of a new organisation, proposed from its name.

A clerk creating "HKSAR Government" or "Ministry of Education" in place got
University, the first kind in the list, and rarely noticed. The name says it
in most cases; the proposal is shown in the form, and the clerk may change it.
"""

from __future__ import annotations

import re

from eventdesk.records.enums import OrganisationKind

#: First match wins: an "Office of International Affairs of Fudan University" is an office.
_RULES: list[tuple[OrganisationKind, re.Pattern[str]]] = [
    (
        OrganisationKind.ALLIANCE,
        re.compile(r"\b(alliance|consortium|association|league|network)\b|联盟|聯盟|协会|協會"),
    ),
    (
        OrganisationKind.OFFICE,
        re.compile(r"\b(office|department|division|secretariat)\b|办公室|辦公室|处$|處$|办$|辦$"),
    ),
    (
        OrganisationKind.GOVERNMENT,
        re.compile(
            r"\b(government|ministry|bureau|commission|consulate|embassy|municipal|council)\b"
            r"|政府|部$|局$|委员会|委員會|领事馆|領事館"
        ),
    ),
    (
        OrganisationKind.COMPANY,
        re.compile(r"\b(ltd|limited|inc|company|corporation|co\.|group|gmbh)\b|公司|集团|集團"),
    ),
    (
        OrganisationKind.UNIVERSITY,
        re.compile(
            r"\b(university|college|institute|school|academy|polytechnic)\b|大学|大學|学院|學院"
        ),
    ),
]


def guess_kind(*names: str) -> OrganisationKind | None:
    """The kind the English or Chinese name suggests, or None when it says nothing."""
    for kind, pattern in _RULES:
        if any(pattern.search(name.casefold().strip()) for name in names if name):
            return kind
    return None

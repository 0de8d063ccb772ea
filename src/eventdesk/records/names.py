"""The one rule for printing a person's name.

Offices mix Chinese names (family name first) with Western ones (given name
first). Capitalising the family name makes the order unambiguous to a reader
of either culture, so the rule is: family-first names print as
"DING Xiaodong", given-first names as "Alexander WAI". The name is stored
once, in parts, and every screen and summary asks this module for its text.
"""

from __future__ import annotations

from eventdesk.records.enums import NameOrder


def display_name(
    family_name: str,
    given_name: str = "",
    name_order: NameOrder | str = NameOrder.FAMILY_FIRST,
) -> str:
    """Return the printed form of a name, e.g. ``DING Xiaodong`` or ``Alexander WAI``.

    A missing given name leaves the family name alone ("MADONNA"); a missing
    family name (only possible in unvalidated drafts) leaves the given name.
    """
    family = " ".join(family_name.split()).upper()
    given = " ".join(given_name.split())
    if not family or not given:
        return family or given
    if NameOrder(name_order) is NameOrder.GIVEN_FIRST:
        return f"{given} {family}"
    return f"{family} {given}"


def sort_key(family_name: str, given_name: str = "") -> tuple[str, str]:
    """Sort people by family name, then given name, ignoring case."""
    return (family_name.casefold(), given_name.casefold())

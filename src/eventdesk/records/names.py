"""The one rule for printing a person's name.

Offices mix Chinese names (family name first) with Western ones (given name
first). Capitalising the family name makes the order unambiguous to a reader
of either culture, so the rule is: family-first names print as
"DING Xiaodong", given-first names as "Alexander WAI". The name is stored
once, in parts, and every screen and summary asks this module for its text.
"""

from __future__ import annotations

import re

from eventdesk.records.enums import NameOrder

_LETTERS = re.compile(r"[^\W\d_]+")


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


def split_typed(typed: str) -> tuple[str, str, NameOrder]:
    """Family name, given name and order of a name typed in one piece, as an office writes it.

    Offices capitalise the family name wherever it stands ("DING Xiaodong",
    "Alexander WAI"), so a run of all-capital words among others is the family
    name ("O'NEIL" is kept as "O'Neil", "AU-YEUNG" as "Au-Yeung"): first, the
    name is family-first; last, given-first. Without that
    mark (or with every word in capitals) the first word is taken for the
    family name, as Chinese names are written. The family name is kept with
    an initial capital ("Wai"): printing capitalises it again. The caller shows
    the result ("Prints as: Alexander WAI") before it is saved.
    """
    words = typed.split()
    capitals = [i for i, word in enumerate(words) if _all_capitals(word)]
    run = capitals and capitals == list(range(capitals[0], capitals[-1] + 1))
    if len(words) < 2 or not run or len(capitals) == len(words):
        family, _, given = " ".join(words).partition(" ")
        return family, given, NameOrder.FAMILY_FIRST
    family = " ".join(_LETTERS.sub(lambda m: m.group().capitalize(), words[i]) for i in capitals)
    given = " ".join(w for i, w in enumerate(words) if i not in capitals)
    order = NameOrder.FAMILY_FIRST if capitals[0] == 0 else NameOrder.GIVEN_FIRST
    return family, given, order


def _all_capitals(word: str) -> bool:
    """ "WAI", "O'NEIL": two letters or more, all capitals (not "I", not "Ding")."""
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def sort_key(family_name: str, given_name: str = "") -> tuple[str, str]:
    """Sort people by family name, then given name, ignoring case."""
    return (family_name.casefold(), given_name.casefold())

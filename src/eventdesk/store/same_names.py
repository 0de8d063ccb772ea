"""Is the name a clerk is about to create already on record? Asked before every "Create".

Creating "Tongji University" a second time (once from the hosts, once from a
decision's parties) splits a partner's meetings between two records. Before
a person or an organisation is made, the store is asked for records of the
same name, case, spaces and script aside (``chinese_variants.name_key``), and
in either order for a person ("Wai Alexander" is "Alexander WAI"); the form
then offers the one recorded.
"""

from __future__ import annotations

from collections.abc import Iterable

from eventdesk.records import Organisation, Person
from eventdesk.store import queries
from eventdesk.store.chinese_variants import name_key
from eventdesk.store.engines import Connection

#: Candidates read per name: the full-text search ranks no better than this many twins.
_CANDIDATES = 50


def same_name(typed: str, names: Iterable[str]) -> bool:
    """True when ``typed`` is one of ``names``, case, spaces, script and word order aside."""
    key, words = name_key(typed), _words(typed)
    if not key:
        return False
    return any(name_key(n) == key or (len(words) > 1 and _words(n) == words) for n in names if n)


def organisations_named(conn: Connection, org: Organisation) -> list[queries.OrganisationRow]:
    """Live organisations whose English, Chinese or short name is one of ``org``'s names."""
    typed = [t for t in (org.name, org.name_zh, org.short_name) if t.strip()]
    found: dict[int, queries.OrganisationRow] = {}
    for text in typed:
        for row in queries.list_organisations(conn, text, limit=_CANDIDATES):
            if row.id != org.id and any(
                same_name(t, (row.name, row.name_zh, row.short_name)) for t in typed
            ):
                found.setdefault(row.id, row)
    return list(found.values())


def people_named(conn: Connection, person: Person) -> list[queries.PersonRow]:
    """Live people of ``person``'s name, in English (either order) or in Chinese."""
    english = f"{person.family_name} {person.given_name}".strip()
    typed = [t for t in (english, person.name_zh) if t.strip()]
    found: dict[int, queries.PersonRow] = {}
    for text in typed:
        for row in queries.list_people(conn, text, limit=_CANDIDATES):
            if row.id != person.id and any(same_name(t, (row.name, row.name_zh)) for t in typed):
                found.setdefault(row.id, row)
    return list(found.values())


def _words(text: str) -> list[str]:
    return sorted(name_key(word) for word in text.split())

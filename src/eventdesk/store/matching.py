"""Is this the person (or organisation) we already have? One answer for every import.

An interchange file and a partner's attendee list both name people and
organisations that may already be in the database. Both ask this module, so
the same name is matched the same way wherever it comes from:

* a record with the same ``uid`` is the same record;
* otherwise the same name (case aside) is the same record, unless something
  else both sides know tells them apart: a different Chinese name, e-mail or
  organisation.

:func:`match_people` and :func:`match_organisation` answer the interchange
importer, by key and by name. :class:`PeopleIndex` and
:class:`OrganisationIndex` answer for thousands of rows at once with one
query each, and list *every* candidate, so an attendee-list preview can show
the proposed match and let the user pick another.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from eventdesk.records import Organisation, Person, display_name
from eventdesk.store.engines import Connection, dialect


class WithDatabase(Protocol):
    """A store (``EventStore`` is one): only its connection is asked for, so the interchange,
    which ``EventStore`` loads, can use this module without importing ``EventStore`` back."""

    connection: Connection


# SQLite's NOCASE and lower() fold ASCII letters only; keys built in Python must agree.
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def fold(text: str) -> str:
    """The case-insensitive key SQLite's ``NOCASE`` uses: trimmed, ASCII letters lowered."""
    return " ".join(text.split()).translate(_ASCII_LOWER)


def match_organisation(store: WithDatabase, org: Organisation) -> int | None:
    """The id of the stored organisation ``org`` is: same uid, else same name."""
    conn = store.connection
    row = conn.execute("SELECT id FROM organisations WHERE uid = ?", [org.uid]).fetchone()
    if row:
        return row[0]
    if org.name.strip():
        same = dialect.same_nocase(conn, "name", "?")
        row = conn.execute(
            f"SELECT id FROM organisations WHERE {same} AND deleted_at IS NULL ORDER BY id LIMIT 1",
            [org.name.strip()],
        ).fetchone()
    elif org.name_zh.strip():
        row = conn.execute(
            "SELECT id FROM organisations WHERE name_zh = ? AND deleted_at IS NULL "
            "ORDER BY id LIMIT 1",
            [org.name_zh.strip()],
        ).fetchone()
    return row[0] if row else None


def match_person(store: WithDatabase, person: Person) -> int | None:
    """The same person: same key, or same name where nothing else known tells them apart."""
    return match_people(store, [person])[0]


def match_people(store: WithDatabase, people: Sequence[Person]) -> list[int | None]:
    """:func:`match_person` for each of ``people``, against the database as it stands.

    Two queries for any number of people, so that a whole database's file
    (50,000 people) is matched in a second: one by key, one by the family
    names through the index ``people_name_nocase`` (migration 11).
    """
    conn = store.connection
    keys = json.dumps([p.uid for p in people])
    by_uid = dict(
        conn.execute(
            f"SELECT uid, id FROM people WHERE uid IN ({dialect.listed(conn)})", [keys]
        ).fetchall()
    )
    families = json.dumps(sorted({p.family_name.strip() for p in people if p.uid not in by_uid}))
    by_name: dict[tuple[str, str], list[tuple[int, str, int | None, str]]] = {}
    same = dialect.same_nocase(conn, "p.family_name", "j.value")
    for pid, family, given, name_zh, org_id, email in conn.execute(
        "SELECT p.id, p.family_name, coalesce(p.given_name, ''), coalesce(p.name_zh, ''), "
        "p.organisation_id, coalesce(p.email, '') "
        f"FROM (SELECT DISTINCT value FROM ({dialect.listed(conn)}) AS v) AS j "
        f"JOIN people p ON {same} "
        "WHERE p.deleted_at IS NULL ORDER BY p.id",
        [families],
    ):
        key = (_nocase(family), _nocase(given))
        by_name.setdefault(key, []).append((pid, name_zh, org_id, email))
    found: list[int | None] = []
    for person in people:
        if person.uid in by_uid:
            found.append(by_uid[person.uid])
            continue
        key = (_nocase(person.family_name.strip()), _nocase(person.given_name.strip()))
        found.append(
            next(
                (pid for pid, *known in by_name.get(key, []) if not _told_apart(person, *known)),
                None,
            )
        )
    return found


def _nocase(text: str) -> str:
    """The key SQLite's ``NOCASE`` compares: ASCII letters lowered, nothing else changed."""
    return text.translate(_ASCII_LOWER)


def _told_apart(person: Person, name_zh: str, org_id: int | None, email: str) -> bool:
    """A different Chinese name, e-mail or organisation says a namesake is someone else."""
    if name_zh and person.name_zh and name_zh != person.name_zh:
        return True
    if email and person.email and email.casefold() != person.email.casefold():
        return True
    return bool(org_id and person.organisation_id and org_id != person.organisation_id)


# -- many at once -------------------------------------------------------------------


@dataclass(frozen=True)
class KnownPerson:
    """A stored person as a match list shows them: name, Chinese name, title, organisation."""

    id: int
    family_name: str
    given_name: str
    name_order: str
    name_zh: str
    title: str
    organisation_id: int | None
    organisation: str
    email: str

    @property
    def display_name(self) -> str:
        return display_name(self.family_name, self.given_name, self.name_order)

    @property
    def label(self) -> str:
        """One line that tells namesakes apart: "DING Xiaodong 丁晓东 (President, USST)"."""
        name = " ".join(part for part in (self.display_name, self.name_zh) if part)
        extra = ", ".join(part for part in (self.title, self.organisation) if part)
        return f"{name} ({extra})" if extra else name


# How a candidate was found, strongest first; the rank orders the match list.
BY_EMAIL, BY_NAME_ZH, BY_NAME, BY_NAME_SWAPPED = range(4)


class PeopleIndex:
    """The stored people who could be any of many incoming people, loaded in one query."""

    def __init__(self, known: Iterable[KnownPerson]):
        self._by_name: dict[tuple[str, str], list[KnownPerson]] = {}
        self._by_zh: dict[str, list[KnownPerson]] = {}
        self._by_email: dict[str, list[KnownPerson]] = {}
        for k in known:
            key = (fold(k.family_name), fold(k.given_name))
            self._by_name.setdefault(key, []).append(k)
            if k.name_zh:
                self._by_zh.setdefault(k.name_zh.strip(), []).append(k)
            if k.email:
                self._by_email.setdefault(k.email.strip().casefold(), []).append(k)

    @classmethod
    def for_people(cls, store: WithDatabase, people: Iterable[Person]) -> PeopleIndex:
        names: set[str] = set()
        zh: set[str] = set()
        emails: set[str] = set()
        for p in people:
            # Whole names, in both orders: a full name's order may have been a guess. (Keys of
            # family names alone would bring back a third of a database of Chinese names.)
            family, given = fold(p.family_name), fold(p.given_name)
            if family:
                names.add(f"{family}\x1f{given}")
                if given:
                    names.add(f"{given}\x1f{family}")
            if p.name_zh.strip():
                zh.add(p.name_zh.strip())
            if p.email.strip():
                emails.add(fold(p.email))
        conn = store.connection
        sep = dialect.character(conn, 31)
        sql = f"""
            SELECT p.id, p.family_name, coalesce(p.given_name, ''), p.name_order,
                   coalesce(p.name_zh, ''), coalesce(p.title, ''), p.organisation_id,
                   coalesce(nullif(o.name, ''), o.name_zh, ''), coalesce(p.email, '')
            FROM people p LEFT JOIN organisations o ON o.id = p.organisation_id
            WHERE p.deleted_at IS NULL AND (
                lower(trim(p.family_name)) || {sep} || lower(trim(coalesce(p.given_name, '')))
                    IN ({dialect.listed(conn, ":names")})
                OR trim(p.name_zh) IN ({dialect.listed(conn, ":zh")})
                OR lower(trim(p.email)) IN ({dialect.listed(conn, ":emails")}))
            ORDER BY p.id
        """
        params = {
            "names": json.dumps(sorted(names)),
            "zh": json.dumps(sorted(zh)),
            "emails": json.dumps(sorted(emails)),
        }
        return cls(KnownPerson(*row) for row in conn.execute(sql, params))

    def candidates(self, person: Person) -> list[tuple[int, KnownPerson]]:
        """Everyone ``person`` could be, as (how found, who), strongest first, each once."""
        family, given = fold(person.family_name), fold(person.given_name)
        found: list[tuple[int, KnownPerson]] = []
        if person.email.strip():
            found += [
                (BY_EMAIL, k) for k in self._by_email.get(person.email.strip().casefold(), [])
            ]
        if person.name_zh.strip():
            found += [(BY_NAME_ZH, k) for k in self._by_zh.get(person.name_zh.strip(), [])]
        if family:
            found += [(BY_NAME, k) for k in self._by_name.get((family, given), [])]
        if family and given:
            found += [(BY_NAME_SWAPPED, k) for k in self._by_name.get((given, family), [])]
        seen: set[int] = set()
        unique = []
        for how, k in sorted(found, key=lambda item: item[0]):
            if k.id not in seen:
                seen.add(k.id)
                unique.append((how, k))
        return unique

    def best(self, person: Person) -> KnownPerson | None:
        """The candidate nothing tells apart from ``person``, as :func:`match_person` decides."""
        for how, k in self.candidates(person):
            if not conflicts(person, k, how):
                return k
        return None


def conflicts(person: Person, known: KnownPerson, how: int = BY_NAME) -> bool:
    """Does something both sides know say these are two people?"""
    if known.name_zh and person.name_zh and known.name_zh.strip() != person.name_zh.strip():
        return True
    if known.email and person.email and fold(known.email) != fold(person.email):
        return True
    if (
        known.organisation_id
        and person.organisation_id
        and known.organisation_id != person.organisation_id
    ):
        return True
    # Found by the Chinese name: a name in letters that differs says two people, unless the
    # "family name" is the Chinese name's own first character (a list with no name in letters).
    family = person.family_name.strip()
    if how == BY_NAME_ZH and family and family not in person.name_zh:
        theirs = {fold(known.family_name), fold(known.given_name)}
        ours = {fold(person.family_name), fold(person.given_name)}
        return theirs != ours
    return False


class OrganisationIndex:
    """Every live organisation by English name, Chinese name and short name, in one query."""

    def __init__(self, rows: Iterable[tuple[int, str, str, str]]):
        self._keys: dict[str, int] = {}
        by_kind: list[dict[str, int]] = [{}, {}, {}]
        for org_id, name, name_zh, short in rows:
            for n, text in enumerate((name, name_zh, short)):
                if text and text.strip():
                    by_kind[n].setdefault(fold(text), org_id)
        # A full name wins over a Chinese name, which wins over an abbreviation.
        for mapping in reversed(by_kind):
            self._keys.update(mapping)

    @classmethod
    def load(cls, store: WithDatabase) -> OrganisationIndex:
        sql = (
            "SELECT id, coalesce(name, ''), coalesce(name_zh, ''), coalesce(short_name, '') "
            "FROM organisations WHERE deleted_at IS NULL ORDER BY id"
        )
        return cls(store.connection.execute(sql).fetchall())

    def find(self, text: str) -> int | None:
        """The organisation called ``text`` (any of its names, case aside), if there is one."""
        return self._keys.get(fold(text)) if text.strip() else None

    def add(self, text: str, org_id: int) -> None:
        """Remember an organisation created during an import, so later rows reuse it."""
        self._keys.setdefault(fold(text), org_id)

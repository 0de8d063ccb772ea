"""Organisations: the one write path for an organisation, the lists and pages one shows, and
which of them is this office's own."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from eventdesk.records.problems import Problem, ValidationError, raise_if
from eventdesk.store import queries, related, settings, versions
from eventdesk.store.convert import organisation_from_row, organisation_row
from eventdesk.store.rows import insert_rows
from eventdesk.store.services.base import Service, label, missing

if TYPE_CHECKING:
    from eventdesk.records.models import Organisation

# The records' classes and checks, and the store's modules that import them, are imported
# when an organisation is first saved or compared: the window's first screen asks only for
# our organisation (issue 25).


class OrganisationService(Service):
    """``store.organisations``: save, load and list organisations; our own."""

    def save(self, org: Organisation, *, search_later: bool = False) -> Organisation:
        """Save an organisation.

        Renaming our own university changes the search document of every
        meeting it was at. With ``search_later`` a rename that touches more
        than ``SEARCH_NOW`` meetings commits at once and leaves their
        documents to ``store.search.refresh``; until then searches find them
        by the old name.
        """
        raise_if(self.problems(org))
        with self._saving("organisation", org, search_later=search_later):
            org.id = self._upsert("organisations", org.id, organisation_row(org))
            self._store.search_due(
                naming=("organisations", org.id), listed=("organisations", org.id)
            )
            self.connection.execute(
                "DELETE FROM organisation_members WHERE alliance_id = ?", [org.id]
            )
            insert_rows(
                self.connection,
                "organisation_members",
                (
                    {"alliance_id": org.id, "member_id": m, "position": n}
                    for n, m in enumerate(dict.fromkeys(org.member_ids))
                ),
            )
        return self.get(org.id)

    def save_copy(self, org: Organisation) -> Organisation:
        """Keep ``org`` (edits whose save a ``Conflict`` refused) as a new organisation,
        "… (copy by USER)"; the stored copy."""
        from eventdesk.store import copies

        return self.save(copies.fresh_copy(org, versions.user_of(self._store.connection)))

    def problems(self, org: Organisation) -> list[Problem]:
        """What stops ``org`` from being saved: the records' rules, a missing parent or
        member, a parent that goes round in a circle back to it."""
        record = label("organisation", org.label)
        from eventdesk.records.validation import validate_organisation

        found = validate_organisation(org, record)
        for field, ids in (("parent", [org.parent_id]), ("members", org.member_ids)):
            for gone in self._missing_ids("organisations", ids):
                message = f"refers to a missing record ({gone})"
                found.append(Problem("organisation", field, message))
        if self._parent_circle(org):
            found.append(Problem(record, "parent", "goes round in a circle"))
        return found

    def get(self, org_id: int) -> Organisation:
        return self.get_many([org_id]).get(org_id) or missing("organisation", org_id)

    def get_many(self, ids: Iterable[int]) -> dict[int, Organisation]:
        wanted = sorted({i for i in ids if i is not None})
        if not wanted:
            return {}
        marks = ",".join("?" * len(wanted))
        members: dict[int, list[int]] = {}
        for alliance, member in self.connection.execute(
            f"SELECT alliance_id, member_id FROM organisation_members "
            f"WHERE alliance_id IN ({marks}) ORDER BY alliance_id, position",
            wanted,
        ):
            members.setdefault(alliance, []).append(member)
        sql = f"SELECT * FROM organisations WHERE id IN ({marks})"
        rows = self.connection.execute(sql, wanted).dicts()
        return {r["id"]: organisation_from_row(r, members.get(r["id"], [])) for r in rows}

    def list(
        self, text: str = "", *, sort: str = "name", limit: int = -1, offset: int = 0
    ) -> list[queries.OrganisationRow]:
        """Organisations matching ``text``; ``sort``: a key of ``queries.ORGANISATION_SORTS``."""
        return queries.list_organisations(
            self.connection, text, sort=sort, limit=limit, offset=offset
        )

    def count(self, text: str = "") -> int:
        return queries.count_organisations(self.connection, text)

    def named(self, org: Organisation) -> list[queries.OrganisationRow]:
        """Others with one of ``org``'s names (case, spaces, script aside): offered first."""
        from eventdesk.store import same_names

        return same_names.organisations_named(self.connection, org)

    def meetings(
        self, org_id: int, *, limit: int = -1, offset: int = 0
    ) -> list[queries.AttendedRow]:
        """Meetings it hosted or attended, newest first; ``limit``/``offset`` count meetings."""
        return related.meetings_of_organisation(self.connection, org_id, limit=limit, offset=offset)

    def count_meetings(self, org_id: int) -> int:
        return related.count_meetings_of_organisation(self.connection, org_id)

    # -- our organisation -------------------------------------------------------------

    def ours(self) -> int | None:
        """The organisation this office belongs to (chosen on first start), if still there."""
        value = settings.get(self.connection, settings.OUR_ORGANISATION)
        if value is None or not value.isdigit():
            return None
        found = self.connection.execute(
            "SELECT id FROM organisations WHERE id = ? AND deleted_at IS NULL", [int(value)]
        ).fetchone()
        return found[0] if found else None

    def set_ours(self, org_id: int | None) -> None:
        if self._missing_ids("organisations", [org_id]):
            raise ValidationError.single(
                "settings", "our organisation", f"refers to a missing record ({org_id})"
            )
        with self._store.transaction():
            value = None if org_id is None else str(org_id)
            settings.put(self.connection, settings.OUR_ORGANISATION, value)

    def _parent_circle(self, org: Organisation) -> bool:
        """Walking up from the new parent meets ``org`` again."""
        seen: set[int] = set()
        parent = org.parent_id
        while parent is not None and org.id is not None and parent not in seen:
            if parent == org.id:
                return True
            seen.add(parent)
            row = self.connection.execute(
                "SELECT parent_id FROM organisations WHERE id = ?", [parent]
            ).fetchone()
            parent = row[0] if row else None
        return False

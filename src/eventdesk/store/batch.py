"""Adding many new people at once, for imports of long lists.

``EventStore.save_person`` validates, checks, inserts and reloads one person
per call: right for a form, slow for the thousands of new people a partner's
attendee list may bring (the import must finish in under 3 s). This does the
same for many: every person validated first (all problems reported
together), the organisations they name checked in one query, all rows
inserted in one statement batch inside the store's transaction, so the
search index is refreshed as for any other save.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from eventdesk.records import Person, ValidationError, validate_person
from eventdesk.records.validation import raise_if
from eventdesk.store.convert import now, person_row
from eventdesk.store.service import EventStore


def add_people(store: EventStore, people: Sequence[Person]) -> list[int]:
    """Insert ``people`` (all new: no ids) in one transaction; return their ids in order."""
    if any(p.id is not None for p in people):
        raise ValueError("add_people adds new people only; save existing ones with save_person")
    problems = []
    for n, p in enumerate(people, 1):
        problems += validate_person(p, f"person {n} {p.display_name!r}")
    raise_if(problems)
    wanted = {p.organisation_id for p in people if p.organisation_id is not None}
    known = set(store.get_organisations(wanted))
    if wanted - known:
        missing = sorted(wanted - known)
        raise ValidationError.single("person", "organisation", f"refers to missing {missing}")
    stamp = now()
    rows = [{**person_row(p), "created_at": stamp, "updated_at": stamp} for p in people]
    uids = [row["uid"] for row in rows]
    with store.transaction() as db:
        db["people"].insert_all(rows, batch_size=500)
        found = dict(
            db.execute(
                "SELECT uid, id FROM people WHERE uid IN (SELECT value FROM json_each(?))",
                [json.dumps(uids)],
            ).fetchall()
        )
    for p in people:
        p.id = found[p.uid]
    return [found[uid] for uid in uids]

"""Crash drafts: what an editor holds but has not saved, kept in the database.

The editor writes its record here a few seconds after each change and
deletes the draft when the record is saved or the edits are discarded. A
draft still present at the next start means the program did not close
normally, and its edits are offered back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from eventdesk.store.convert import now
from eventdesk.store.sqlite_db import Database


@dataclass(frozen=True)
class Draft:
    id: int
    kind: str
    record_id: int | None
    title: str
    saved_at: str
    payload: dict[str, Any]


def save(db: Database, kind: str, record_id: int | None, title: str, payload: dict) -> int:
    """Replace the draft of this record (or of the one new record of this kind)."""
    with db.atomic():
        db.execute("DELETE FROM drafts WHERE kind = ? AND record_id IS ?", [kind, record_id])
        return (
            db["drafts"]
            .insert(
                {
                    "kind": kind,
                    "record_id": record_id,
                    "title": title,
                    "saved_at": now(),
                    "payload": json.dumps(payload, ensure_ascii=False),
                }
            )
            .last_pk
        )


def discard(db: Database, kind: str, record_id: int | None) -> None:
    with db.atomic():
        db.execute("DELETE FROM drafts WHERE kind = ? AND record_id IS ?", [kind, record_id])


def pending(db: Database) -> list[Draft]:
    rows = db.execute(
        "SELECT id, kind, record_id, title, saved_at, payload FROM drafts ORDER BY saved_at"
    ).fetchall()
    return [Draft(i, k, r, t or "", s, json.loads(p)) for i, k, r, t, s, p in rows]

"""Who changed what: one row of ``history`` for every save of a meeting, person, organisation
or course.

The store writes it in the save's own transaction (``store/versions.py``), so a change and
its line of history are kept together or not at all, on a file and on a team database alike:
plain SQL on the store's connection, the table ``tables.HISTORY`` on both engines.

What changed is read from the records' declarations (``records/fields.py``), never from a
list kept here: each declared field of the record whose value differs, with its old and new
value; a list of parts (a meeting's attendees) summed up as what was added, removed and
changed, matched by each part's uid ("attendees: +2 −1, 1 changed"). A part's own changes
count it as changed, its parts' too (a decision's parties). Row ids, the store's own columns
and a file's bytes are no one's edit and are left out.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import Enum
from functools import cache
from typing import Any

from eventdesk.records.fields import Declared, declared_fields
from eventdesk.store.engines import Connection
from eventdesk.store.rows import now

#: The records that keep a history, by the word the store calls them (as the trash does).
TABLES = {
    "meeting": "meetings",
    "person": "people",
    "organisation": "organisations",
    "course": "courses",
}


@cache
def records() -> dict[str, type]:
    """Each record's class by the same word: made when first asked for, since the records'
    classes (``records.models``) are not imported to show the window (issue 25)."""
    from eventdesk.records.models import CourseEntry, Meeting, Organisation, Person

    return {
        "meeting": Meeting,
        "person": Person,
        "organisation": Organisation,
        "course": CourseEntry,
    }


#: An old or new value up to this long is printed in a line of history; longer, "changed".
SHORT = 40
CREATED, CHANGED, DELETED, RESTORED = "created", "changed", "deleted", "restored"
MERGED, UNMERGED = "merged", "unmerged"
#: A course its meeting's save took off the meeting's list (which deletes it).
REMOVED = "removed"
#: A line that is no field's change, in words.
_DONE = {
    DELETED: "moved to the trash",
    RESTORED: "restored from the trash",
    REMOVED: "taken off its meeting's list (deleted)",
}


@dataclass(frozen=True)
class Change:
    """One save of one record: who, when, at which version, and what it changed."""

    kind: str
    record_id: int
    version: int
    who: str
    #: When it was saved, as the store keeps it (UTC, ISO 8601).
    when: str
    action: str
    #: The fields it changed, in declaration order (a field and its ``_zh`` twin apart).
    fields: tuple[str, ...]
    #: ``{field: {"old": …, "new": …}}``; a list of parts: ``{"added", "removed", "changed",
    #: "moved"}`` counts.
    changes: dict[str, Any]

    @property
    def at(self) -> datetime:
        return datetime.fromisoformat(self.when)

    def described(
        self, *, short: int = SHORT, label: Callable[[str], str] | None = None
    ) -> list[str]:
        """What it changed, a phrase a field: ``title: 'A' → 'B'``, ``attendees: +2 −1``;
        ``label`` gives a field's name in words (a form's label), else the field's own."""
        if self.action in (MERGED, UNMERGED):
            other = self.changes.get("duplicate")
            head = "merged with" if self.action == MERGED else "taken apart again from"
            return [f"{head} {self.kind} {other}", *self._fields(short, label)]
        if self.action != CHANGED:
            return [_DONE.get(self.action, self.action)]
        return self._fields(short, label)

    def _fields(self, short: int, label: Callable[[str], str] | None) -> list[str]:
        texts = {d.field for d in _compared(records()[self.kind]) if d.type == "text"}
        return [
            _phrase((label or str)(name), self.changes.get(name, {}), short, quoted=name in texts)
            for name in self.fields
        ]

    def line(self) -> str:
        """One line for ``eventdesk history``: when, who, version, what changed."""
        what = "; ".join(self.described())
        when = self.at.astimezone().strftime("%Y-%m-%d %H:%M")
        return f"{when}  {self.who or '?'}  v{self.version}  {what}"


def write(
    conn: Connection,
    kind: str,
    record: Any,
    version: int,
    who: str,
    before: Any | None,
) -> Change | None:
    """Keep the line of history of ``record``'s save at ``version``; ``before`` is the record
    as it was stored (None: it is new). A save that changed nothing keeps no line."""
    if before is None:
        action, changes = CREATED, {}
    else:
        action, changes = CHANGED, diff(type(record), snapshot(before), snapshot(record))
        if not changes:
            return None
    change = Change(kind, record.id, version, who, now(), action, tuple(changes), changes)
    conn.execute(
        "INSERT INTO history (record_type, record_id, record_uid, version, changed_by, "
        "changed_at, action, fields, changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            kind,
            record.id,
            record.uid,
            version,
            who,
            change.when,
            action,
            json.dumps(list(change.fields), ensure_ascii=False),
            json.dumps(changes, ensure_ascii=False),
        ],
    )
    return change


def created(conn: Connection, kind: str, records: list[tuple[int, str]], who: str) -> None:
    """Keep the line "created" of many new records at once (``(id, uid)`` each): an attendee
    list's thousands of new people."""
    stamp = now()
    conn.executemany(
        "INSERT INTO history (record_type, record_id, record_uid, version, changed_by, "
        "changed_at, action, fields, changes) VALUES (?, ?, ?, 1, ?, ?, ?, '[]', '{}')",
        [(kind, record_id, uid, who, stamp, CREATED) for record_id, uid in records],
    )


def merged(
    conn: Connection,
    kind: str,
    kept: int,
    duplicate: int,
    filled: dict[str, Any],
    who: str,
    *,
    undone: bool = False,
) -> None:
    """Keep the lines of a merge (or its undoing): the record kept, with the fields the
    duplicate filled in (``filled``: their values before), and the duplicate, trashed (or
    restored). Both move on a version, so a clerk who had either open is told."""
    table = TABLES[kind]
    conn.execute(
        f"UPDATE {table} SET version = coalesce(version, 0) + 1, updated_by = ? WHERE id IN (?, ?)",
        [who, kept, duplicate],
    )
    # What was filled in is the duplicate's: taken in by the merge, given back by its undoing.
    given = conn.execute(f"SELECT * FROM {table} WHERE id = ?", [duplicate]).first_dict() or {}
    changes: dict[str, Any] = {
        c: {"old": given.get(c), "new": old} if undone else {"old": old, "new": given.get(c)}
        for c, old in filled.items()
    }
    changes["duplicate"] = duplicate
    conn.execute(
        "INSERT INTO history (record_type, record_id, record_uid, version, changed_by, "
        "changed_at, action, fields, changes) SELECT ?, id, uid, version, ?, ?, ?, ?, ? "
        f"FROM {table} WHERE id = ?",
        [
            kind,
            who,
            now(),
            UNMERGED if undone else MERGED,
            json.dumps(list(filled), ensure_ascii=False),
            json.dumps(changes, ensure_ascii=False, default=str),
            kept,
        ],
    )
    noted(conn, kind, duplicate, RESTORED if undone else DELETED, who)


def noted(conn: Connection, kind: str, record_id: int, action: str, who: str) -> None:
    """Keep a line that changes no field (the record moved to the trash, or back), at the
    record's version."""
    table = TABLES[kind]
    conn.execute(
        "INSERT INTO history (record_type, record_id, record_uid, version, changed_by, "
        f"changed_at, action, fields, changes) SELECT ?, id, uid, coalesce(version, 0), ?, ?, "
        f"?, '[]', '{{}}' FROM {table} WHERE id = ?",
        [kind, who, now(), action, record_id],
    )


def of(conn: Connection, kind: str, record_id: int) -> list[Change]:
    """Every line of history of one record, the newest first."""
    if kind not in TABLES:
        raise ValueError(f"no history is kept of a {kind!r}; one of {', '.join(TABLES)}")
    rows = conn.execute(
        "SELECT record_type, record_id, version, changed_by, changed_at, action, fields, "
        "changes FROM history WHERE record_type = ? AND record_id = ? ORDER BY id DESC",
        [kind, record_id],
    )
    return [
        Change(k, i, v or 0, who or "", at, action, tuple(json.loads(f or "[]")), _loaded(c))
        for k, i, v, who, at, action, f, c in rows
    ]


def _loaded(text: str | None) -> dict[str, Any]:
    found = json.loads(text or "{}")
    return found if isinstance(found, dict) else {}


# -- what changed ----------------------------------------------------------------------------


def snapshot(record: Any) -> dict[str, Any]:
    """The record's declared values as JSON would keep them, parts as lists of theirs."""
    values: dict[str, Any] = {}
    for d in _compared(type(record)):
        value = getattr(record, d.field)
        if d.kind == "parts":
            values[d.field] = [[_key(d, part), snapshot(part)] for part in value]
        elif d.kind == "refs":
            values[d.field] = list(value)
        else:
            values[d.field] = _plain(d, value)
    return values


def diff(cls: type, old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    """What differs between two snapshots of one record of ``cls``, field by field, in order."""
    parts = {d.field for d in _compared(cls) if d.kind == "parts"}
    changes: dict[str, Any] = {}
    for name, value in new.items():
        before = old.get(name)
        if value == before:
            continue
        if name in parts:
            counts = _parts_changed(before or [], value)
            if counts:
                changes[name] = counts
        else:
            changes[name] = {"old": before, "new": value}
    return changes


def parts_summary(counts: dict[str, int]) -> str:
    """``+2 −1, 1 changed`` (and ``reordered`` when only the order moved)."""
    signs = [f"+{counts['added']}" if counts.get("added") else ""]
    signs.append(f"\u2212{counts['removed']}" if counts.get("removed") else "")
    words = " ".join(s for s in signs if s)
    rest = [f"{counts['changed']} changed"] if counts.get("changed") else []
    if counts.get("moved") and not (words or rest):
        rest.append("reordered")
    return ", ".join(x for x in (words, *rest) if x)


def _parts_changed(old: list[Any], new: list[Any]) -> dict[str, int]:
    before = {json.dumps(key): values for key, values in old}
    after = {json.dumps(key): values for key, values in new}
    counts = {
        "added": len(after.keys() - before.keys()),
        "removed": len(before.keys() - after.keys()),
        "changed": sum(1 for k in after.keys() & before.keys() if after[k] != before[k]),
    }
    kept = [k for k in (json.dumps(key) for key, _ in new) if k in before]
    counts["moved"] = int(kept != [k for k in (json.dumps(key) for key, _ in old) if k in after])
    return {k: n for k, n in counts.items() if n}


def _phrase(name: str, change: dict[str, Any], short: int, *, quoted: bool) -> str:
    if "old" not in change:
        return f"{name}: {parts_summary(change)}"
    old, new = _shown(change["old"], quoted), _shown(change["new"], quoted)
    if len(old) > short or len(new) > short:
        return f"{name} changed"
    return f"{name}: {old} \u2192 {new}"


def _shown(value: Any, quoted: bool) -> str:
    if value in (None, "", []):
        return "(empty)"
    if isinstance(value, str) and quoted:
        return repr(value)
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


def _compared(cls: type) -> Iterator[Declared]:
    for d in declared_fields(cls):
        if d.kind not in ("id", "uid") and not d.managed and d.type != "bytes":
            yield d


def _key(d: Declared, part: Any) -> Any:
    """What matches a part with itself across two saves: its uid, its key (a host's
    organisation) or, for a part with neither, all it holds."""
    if hasattr(part, "uid"):
        return part.uid
    if d.key:
        return getattr(part, d.key)
    return snapshot(part)


def _plain(d: Declared, value: Any) -> Any:
    """A value as the store keeps it (``rows.py``): a name trimmed, a date in ISO form."""
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() if d.strip else value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):  # tags
        return [str(v).strip() for v in value]
    return value

"""A team database keeps the history of changes EventDesk did not make (issue 23, item 5).

EventDesk's own saves write their lines of ``history`` themselves, in the save's transaction,
with what changed read from the records' declarations (``store/history.py``), the same on a
file; each such transaction says so to the server (``eventdesk.saving``, set for it alone by
``store/versions.py``), and every EventDesk connection is the application ``EventDesk``
(``engines/postgres.py``), whose other writes (a copy, a merge) are its own business. A
change made to a meeting, person, organisation or course any other way (an administrator's
``UPDATE`` in psql, another program) is kept by the database itself: a
trigger moves the row's version on and names the session's role as who saved it, so a
clerk who had it open is told (``Conflict``) instead of overwriting it, and writes the line,
each changed column with its old and new value, in the table's column order. Changes of the
row's own stamps and trash mark alone make no line. A course is such a record too; a row of a
meeting's part (an attendance, a session, a talk's presenter) changed that way is a change of
its meeting: the meeting moves on a version and its line says which list changed and how.
"""

from __future__ import annotations

from eventdesk.records import Meeting
from eventdesk.records.fields import declared_fields
from eventdesk.store.engines.base import Connection

#: The records whose rows the trigger watches, and the word their lines carry.
WATCHED = {
    "meetings": "meeting",
    "people": "person",
    "organisations": "organisation",
    "courses": "course",
}
#: Columns that are no one's edit of the record: its keys and the store's own stamps.
_UNWATCHED = ("id", "uid", "version", "updated_by", "created_at", "updated_at", "deleted_at")

FUNCTION = """
CREATE OR REPLACE FUNCTION eventdesk_changed_elsewhere() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    before jsonb := to_jsonb(OLD);
    after jsonb := to_jsonb(NEW);
    changes jsonb := '{}'::jsonb;
    names jsonb := '[]'::jsonb;
    col text;
BEGIN
    IF coalesce(current_setting('eventdesk.saving', true), '') = 'on'
       OR coalesce(current_setting('application_name', true), '') = 'EventDesk' THEN
        RETURN NEW;
    END IF;
    FOR col IN
        SELECT column_name FROM information_schema.columns
         WHERE table_schema = TG_TABLE_SCHEMA AND table_name = TG_TABLE_NAME
           AND column_name <> ALL (TG_ARGV[1]::text[])
         ORDER BY ordinal_position
    LOOP
        IF after -> col IS DISTINCT FROM before -> col THEN
            changes := changes || jsonb_build_object(
                col, jsonb_build_object('old', before -> col, 'new', after -> col));
            names := names || to_jsonb(col);
        END IF;
    END LOOP;
    IF names = '[]'::jsonb THEN
        RETURN NEW;
    END IF;
    NEW.version := coalesce(OLD.version, 0) + 1;
    NEW.updated_by := session_user;
    NEW.updated_at := to_char(clock_timestamp() AT TIME ZONE 'UTC',
                              'YYYY-MM-DD"T"HH24:MI:SS"+00:00"');
    INSERT INTO history (record_type, record_id, record_uid, version, changed_by, changed_at,
                         action, fields, changes)
    VALUES (TG_ARGV[0], NEW.id, NEW.uid, NEW.version, session_user, NEW.updated_at,
            'changed', names::text, changes::text);
    RETURN NEW;
END
$$
"""


#: A row of a meeting's part (an attendance, a session, a talk's presenter) added, changed or
#: deleted elsewhere: the meeting it belongs to moves on a version, named after the role, with
#: its line ("attendees: +1", "sessions: 1 changed", as a list of parts is told). Arguments:
#: the meeting's field the part is in, the column naming its owner, and the owner's table when
#: that is a part itself (a presenter names its presentation, which names the meeting).
PART_FUNCTION = """
CREATE OR REPLACE FUNCTION eventdesk_part_changed_elsewhere() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    part jsonb;
    counts jsonb;
    owner bigint;
    meeting bigint;
    stamp text;
    moved bigint;
BEGIN
    IF coalesce(current_setting('eventdesk.saving', true), '') = 'on'
       OR coalesce(current_setting('application_name', true), '') = 'EventDesk' THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE' THEN
        part := to_jsonb(OLD);
        counts := '{"removed": 1}';
    ELSIF TG_OP = 'INSERT' THEN
        part := to_jsonb(NEW);
        counts := '{"added": 1}';
    ELSE
        IF to_jsonb(NEW) = to_jsonb(OLD) THEN
            RETURN NULL;
        END IF;
        part := to_jsonb(NEW);
        counts := '{"changed": 1}';
    END IF;
    owner := (part ->> TG_ARGV[1])::bigint;
    IF TG_ARGV[2] = '' THEN
        meeting := owner;
    ELSE  -- a part's own list: the part it belongs to is what changed
        counts := '{"changed": 1}';
        EXECUTE format('SELECT meeting_id FROM %I WHERE id = $1', TG_ARGV[2])
           INTO meeting USING owner;
    END IF;
    IF meeting IS NULL THEN
        RETURN NULL;
    END IF;
    stamp := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+00:00"');
    UPDATE meetings SET version = coalesce(version, 0) + 1, updated_by = session_user,
                        updated_at = stamp
     WHERE id = meeting RETURNING version INTO moved;
    IF moved IS NULL THEN  -- the meeting itself is going: its parts with it
        RETURN NULL;
    END IF;
    INSERT INTO history (record_type, record_id, record_uid, version, changed_by, changed_at,
                         action, fields, changes)
    SELECT 'meeting', id, uid, moved, session_user, stamp, 'changed',
           jsonb_build_array(TG_ARGV[0])::text, jsonb_build_object(TG_ARGV[0], counts)::text
      FROM meetings WHERE id = meeting;
    RETURN NULL;
END
$$
"""


#: Whether the row was written by anything but EventDesk, asked before the function is called:
#: EventDesk's own saves write a meeting's hundreds of part rows, and skip it at no cost.
_ELSEWHERE = (
    "coalesce(current_setting('eventdesk.saving', true), '') <> 'on' "
    "AND coalesce(current_setting('application_name', true), '') <> 'EventDesk'"
)


def meeting_parts() -> list[tuple[str, str, str, str]]:
    """The tables of a meeting's parts, from the declarations: ``(table, the meeting's field,
    the column naming its owner, the owner's table if it is a part)``; not the courses, which
    are records of their own (``WATCHED``)."""
    found = []
    for d in declared_fields(Meeting):
        if d.kind == "refs":
            found.append((d.link, d.field, d.owner, ""))
        if d.kind != "parts" or d.standalone:
            continue
        found.append((d.table, d.field, d.owner, ""))
        assert d.part is not None
        for child in declared_fields(d.part):  # a presentation's presenters, a decision's parties
            if child.kind == "refs":
                found.append((child.link, d.field, child.owner, d.table))
            elif child.kind == "parts":
                found.append((child.table, d.field, child.owner, d.table))
    return found


def create(conn: Connection) -> None:
    """The triggers on each watched table and each table of a meeting's parts (made again if
    there: safe to repeat)."""
    conn.execute(FUNCTION)
    conn.execute(PART_FUNCTION)
    unwatched = "{" + ",".join(_UNWATCHED) + "}"
    for table, kind in WATCHED.items():
        conn.execute(f'DROP TRIGGER IF EXISTS eventdesk_history ON "{table}"')
        conn.execute(
            f'CREATE TRIGGER eventdesk_history BEFORE UPDATE ON "{table}" FOR EACH ROW '
            f"EXECUTE FUNCTION eventdesk_changed_elsewhere('{kind}', '{unwatched}')"
        )
    for table, field, owner, parent in meeting_parts():
        conn.execute(f'DROP TRIGGER IF EXISTS eventdesk_history ON "{table}"')
        conn.execute(
            f'CREATE TRIGGER eventdesk_history AFTER INSERT OR UPDATE OR DELETE ON "{table}" '
            f"FOR EACH ROW WHEN ({_ELSEWHERE}) EXECUTE FUNCTION "
            f"eventdesk_part_changed_elsewhere('{field}', '{owner}', '{parent}')"
        )


def saving(conn: Connection) -> None:
    """This transaction is EventDesk's own save: it writes its own lines of history."""
    conn.execute("SELECT set_config('eventdesk.saving', 'on', true)")

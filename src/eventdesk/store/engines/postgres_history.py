"""A team database keeps the history of changes EventDesk did not make (issue 23, item 5).

EventDesk's own saves write their lines of ``history`` themselves, in the save's transaction,
with what changed read from the records' declarations (``store/history.py``), the same on a
file; each such transaction says so to the server (``eventdesk.saving``, set for it alone by
``store/versions.py``), and every EventDesk connection is the application ``EventDesk``
(``engines/postgres.py``), whose other writes (a copy, a merge) are its own business. A
change made to a meeting, person or organisation any other way (an administrator's
``UPDATE`` in psql, another program) is kept by the database itself: a
trigger moves the row's version on and names the session's role as who saved it, so a
clerk who had it open is told (``Conflict``) instead of overwriting it, and writes the line,
each changed column with its old and new value, in the table's column order. Changes of the
row's own stamps and trash mark alone make no line.
"""

from __future__ import annotations

from eventdesk.store.engines.base import Connection

#: The records whose rows the trigger watches, and the word their lines carry.
WATCHED = {"meetings": "meeting", "people": "person", "organisations": "organisation"}
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


def create(conn: Connection) -> None:
    """The trigger on each watched table (made again if there: safe to repeat)."""
    conn.execute(FUNCTION)
    unwatched = "{" + ",".join(_UNWATCHED) + "}"
    for table, kind in WATCHED.items():
        conn.execute(f'DROP TRIGGER IF EXISTS eventdesk_history ON "{table}"')
        conn.execute(
            f'CREATE TRIGGER eventdesk_history BEFORE UPDATE ON "{table}" FOR EACH ROW '
            f"EXECUTE FUNCTION eventdesk_changed_elsewhere('{kind}', '{unwatched}')"
        )


def saving(conn: Connection) -> None:
    """This transaction is EventDesk's own save: it writes its own lines of history."""
    conn.execute("SELECT set_config('eventdesk.saving', 'on', true)")

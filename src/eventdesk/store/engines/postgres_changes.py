"""A team database tells every open EventDesk what changed (issue 23, item 4).

Lists show others' saves within two seconds: a trigger on the records' tables sends a
notification (``pg_notify``) on the channel :data:`CHANNEL` for each row of a meeting, person,
organisation or course that is added, changed (a save, the trash and back) or removed. The
server delivers it when the transaction commits, and never for one rolled back, so a clerk is
told only of what was kept. It is the database's own trigger rather than the store's
``NOTIFY``: a change made in psql or by another program is told as well.

The payload is the kind and the row's id, ``meeting 12``. One transaction sends at most
:data:`NAMED` notifications of a kind naming a row (a row saved twice in it counts twice;
the server drops the repeat), then one ``meeting *`` (any meeting) and no more, so an import
of 5,000 people sends at most 51 notifications, not 5,000. The listener
(``postgres_listener.py``) knows the sender by its backend's process id, so a clerk's own
saves are not told back to them.

A team database made before this trigger gets it when it is next opened by a login that may
make it (the owner's, ``docs/team.md``): :func:`ensure`, called by
``postgres_schema.upgrade`` at every opening, looks at the function's revision in its comment
(one catalog query) and makes it again when it differs. A clerk's login may not make
triggers; it goes on without, its lists refreshed by its own saves, as before.
"""

from __future__ import annotations

from eventdesk.store.engines.base import Connection

#: The channel every EventDesk listens on.
CHANNEL = "eventdesk_changes"
#: The records whose rows are told, and the word the payload names them by.
WATCHED = {
    "meetings": "meeting",
    "people": "person",
    "organisations": "organisation",
    "courses": "course",
}
#: Rows of a kind one transaction names by id; after them one ``kind *`` stands for the rest.
NAMED = 50
#: Raised when the function or its triggers change: a database at another revision gets them
#: made again when opened.
REVISION = "eventdesk_notify_change 1"
_FUNCTION = "eventdesk_notify_change"
_TRIGGER = "eventdesk_notify"

FUNCTION = f"""
CREATE OR REPLACE FUNCTION {_FUNCTION}() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    counter text := 'eventdesk.told_' || TG_ARGV[0];
    told integer := coalesce(nullif(current_setting(counter, true), ''), '0')::integer;
    row_id bigint;
BEGIN
    IF told > {NAMED} THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE' THEN
        row_id := OLD.id;
    ELSE
        row_id := NEW.id;
    END IF;
    IF told < {NAMED} THEN
        PERFORM pg_notify('{CHANNEL}', TG_ARGV[0] || ' ' || row_id);
    ELSE
        PERFORM pg_notify('{CHANNEL}', TG_ARGV[0] || ' *');
    END IF;
    PERFORM set_config(counter, (told + 1)::text, true);
    RETURN NULL;
END
$$
"""


def create(conn: Connection) -> None:
    """The function and a trigger on each watched table (made again if there: safe to repeat)."""
    conn.execute(FUNCTION)
    conn.execute(f"COMMENT ON FUNCTION {_FUNCTION}() IS '{REVISION}'")
    for table, kind in WATCHED.items():
        conn.execute(f'DROP TRIGGER IF EXISTS {_TRIGGER} ON "{table}"')
        conn.execute(
            f'CREATE TRIGGER {_TRIGGER} AFTER INSERT OR UPDATE OR DELETE ON "{table}" '
            f"FOR EACH ROW EXECUTE FUNCTION {_FUNCTION}('{kind}')"
        )


def present(conn: Connection) -> bool:
    """The function at this revision, with its trigger on every watched table."""
    found = conn.execute(
        "SELECT obj_description(to_regprocedure(?), 'pg_proc'), "
        "(SELECT count(*) FROM pg_trigger WHERE tgname = ? AND NOT tgisinternal "
        "AND tgrelid = ANY (ARRAY[" + ", ".join("to_regclass(?)" for _ in WATCHED) + "]))",
        (f"{_FUNCTION}()", _TRIGGER, *WATCHED),
    ).fetchone()
    return found is not None and found[0] == REVISION and found[1] == len(WATCHED)


def may_create(conn: Connection) -> bool:
    """Whether this login may make triggers on the records' tables: it owns them (or is a
    member of the role that does, as the office's owner login is)."""
    return bool(
        conn.execute(
            "SELECT pg_has_role(current_user, relowner, 'USAGE') FROM pg_class "
            "WHERE oid = to_regclass('meetings')"
        ).scalar()
    )


def ensure(conn: Connection) -> bool:
    """Make the trigger where it is missing or older and this login may; True if it is there
    now. Inside the opening's transaction (``postgres_schema.upgrade``)."""
    if present(conn):
        return True
    if not may_create(conn):
        return False
    create(conn)
    return True

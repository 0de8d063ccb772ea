"""Settings that belong to a database, not to a user: which organisation is ours.

"Our organisation" decides which attendees are "ours" and whose behalf a
summary speaks on; it is a fact about the records, so every user and the
command line see the same one. It is kept by id, so renaming the
organisation keeps it.
"""

from __future__ import annotations

from eventdesk.store.engines import Connection

OUR_ORGANISATION = "our_organisation_id"
#: The script of Chinese documents, and whether people's names follow it (services/office.py).
CHINESE_SCRIPT = "chinese_script"
CONVERT_NAMES = "convert_chinese_names"


def get(conn: Connection, key: str) -> str | None:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def put(conn: Connection, key: str, value: str | None) -> None:
    if value is None:
        conn.execute("DELETE FROM settings WHERE key = ?", [key])
    else:
        conn.execute(
            "INSERT INTO settings(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

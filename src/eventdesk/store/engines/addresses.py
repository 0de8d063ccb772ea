"""Which engine an address names, and the address as it may be shown or kept.

``--db`` takes a file path (SQLite) or a ``postgresql://`` address (a team database).
A password never leaves this module: libpq takes it from the prompt, ``.pgpass`` or a
service file, and an address that carries one anyway is shown and kept without it.
"""

from __future__ import annotations

import os
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

#: The schemes libpq reads as a connection URI.
SCHEMES = ("postgresql://", "postgres://")


def is_team_address(address: str | os.PathLike[str]) -> bool:
    """True for a ``postgresql://`` (or ``postgres://``) address, False for a file path."""
    return isinstance(address, str) and address.lower().startswith(SCHEMES)


def redacted(address: str) -> str:
    """The address without its password (in the user part or as ``?password=``): what a
    message, a log or the recent list may show."""
    parts = urlsplit(address)
    netloc = parts.netloc
    if "@" in netloc:
        user, _, host = netloc.rpartition("@")
        netloc = f"{user.partition(':')[0]}@{host}"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "password"]
    return urlunsplit((parts.scheme, netloc, parts.path, urlencode(query), parts.fragment))


#: libpq's port when an address names none.
DEFAULT_PORT = 5432


def readable(address: str) -> str:
    """The address as a clerk reads it in a menu: ``eventdesk on db.office.local (team,
    clerk_anna)``; a service file's entry as ``service office (team)``. No password."""
    parts = urlsplit(address)
    query = dict(parse_qsl(parts.query))
    user = parts.username or query.get("user", "")
    host = parts.hostname or query.get("host", "")
    port = parts.port or query.get("port")
    database = parts.path.lstrip("/") or query.get("dbname", "")
    if not host and not database and query.get("service"):
        return f"service {query['service']} ({', '.join(filter(None, ['team', user]))})"
    where = host or "this PC"
    if port and str(port) != str(DEFAULT_PORT):
        where += f":{port}"
    name = unquote(database) or unquote(user) or "(the login's database)"
    return f"{name} on {where} ({', '.join(filter(None, ['team', unquote(user)]))})"

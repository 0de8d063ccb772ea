"""Which engine an address names, and the address as it may be shown or kept.

``--db`` takes a file path (SQLite) or a ``postgresql://`` address (a team database).
A password never leaves this module: libpq takes it from the prompt, ``.pgpass`` or a
service file, and an address that carries one anyway is shown and kept without it.
"""

from __future__ import annotations

import os
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

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

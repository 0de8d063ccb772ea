"""Which side a new attendee is on, from their organisation and ours.

Copying the side of the row before put a visiting president among "our
delegation". With our organisation known, someone of it, or of one of its
departments (an organisation whose parent chain reaches it), is ours; anyone
else at the meeting (its hosts, its visitors) is a partner. The clerk can
change it; without our organisation set, nothing is proposed.
"""

from __future__ import annotations

from collections.abc import Callable

from eventdesk.records import Side


def proposed_side(
    ours: int | None, org_id: int | None, parent_of: Callable[[int], int | None]
) -> Side | None:
    """OURS, PARTNER, or None when there is nothing to go by."""
    if ours is None or org_id is None:
        return None
    seen: set[int] = set()
    current: int | None = org_id
    while current is not None and current not in seen:
        if current == ours:
            return Side.OURS
        seen.add(current)
        current = parent_of(current)
    return Side.PARTNER

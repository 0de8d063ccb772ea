"""Simplified and traditional Chinese as one: 浸会 finds 浸會, and the other way round.

Hong Kong and Taiwan partners write traditional characters, the mainland
simplified; a clerk types whichever their input method gives. Every search
of a list, a picker or the meetings asks for the typed text, its simplified
form and its traditional form (OpenCC's conversion tables, the standard
ones), so the stored spelling does not matter. A name stored in both scripts at once
(香港浸會大学, as an input method may give) is found through the meetings' search
documents, which also hold their Chinese in simplified characters (``search_index.py``).

OpenCC is imported, and its tables loaded, on the first Chinese search.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

#: OpenCC's conversions used: traditional to simplified and back. The packaged program
#: ships only the tables these name (packaging/eventdesk.spec reads this line).
CONFIGS = ("t2s", "s2t")
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


def variants(text: str) -> list[str]:
    """``text``, then its simplified and traditional forms where they differ (no duplicates)."""
    if not _HAN.search(text):
        return [text]
    found = [text]
    for config in CONFIGS:
        converted = _converter(config).convert(text)
        if converted not in found:
            found.append(converted)
    return found


def simplified(text: str) -> str:
    """``text`` in simplified characters (unchanged if it has no Chinese)."""
    return _converter("t2s").convert(text) if _HAN.search(text) else text


@lru_cache(maxsize=2)
def _converter(config: str) -> Any:
    import opencc

    return opencc.OpenCC(config)

"""Simplified, traditional, Hong Kong and Taiwan Chinese as one: any spelling finds a name.

Hong Kong and Taiwan partners write traditional characters, the mainland
simplified, and Hong Kong and Taiwan each keep characters of their own
(衞 in Hong Kong, 衛 in Taiwan, 卫 on the mainland; 峯 峰, 綫 線 线). A clerk
types whichever their input method gives. OpenCC's plain ``t2s`` keeps 衞
and 峯, so a name recorded as 衞炳江 was found by 衞 alone; its ``hk2s`` and
``tw2s`` tables fold the regional forms too. So:

* :func:`simplified` folds any text to one simplified form (Taiwan's, Hong
  Kong's and the standard tables in turn); the meetings' search documents
  hold their Chinese once more in it (``search_index.py``), so a name stored
  half in each script (香港浸會大学) is found as well;
* :func:`variants` gives a query as typed, folded, and that folded form
  written back in standard, Hong Kong and Taiwan traditional, so a list or a
  picker that compares with the stored spelling finds it in any of them;
* :func:`name_key` is the key two names are "the same" by: case, spaces
  and script aside (Tongji University, tongji  university; 衞炳江, 卫炳江).

OpenCC is imported, and its tables loaded, on the first Chinese text.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

#: OpenCC's conversions used. The packaged program ships only the tables these
#: name (packaging/eventdesk.spec reads this line).
CONFIGS = ("t2s", "s2t", "hk2s", "tw2s", "s2hk", "s2tw")
#: Folding to simplified: Taiwan's forms, then Hong Kong's (each also does t2s).
_FOLD = ("tw2s", "hk2s")
#: The folded form written back: standard, Hong Kong and Taiwan traditional.
_SPELLINGS = ("s2t", "s2hk", "s2tw")


@cache
def _han() -> re.Pattern[str]:
    """A Chinese character: compiled on first use (a few milliseconds, not at start)."""
    return re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


_NOT_A_LETTER = re.compile(r"[\W_]+")


def variants(text: str) -> list[str]:
    """``text``, then its folded simplified form and that form's traditional spellings.

    No duplicates; text without Chinese is returned alone.
    """
    if not _han().search(text):
        return [text]
    folded = simplified(text)
    found = [text]
    for form in (_converter("t2s").convert(text), folded):
        if form not in found:
            found.append(form)
    for config in _SPELLINGS:
        form = _converter(config).convert(folded)
        if form not in found:
            found.append(form)
    return found


def simplified(text: str) -> str:
    """``text`` in simplified characters, regional forms folded (unchanged without Chinese)."""
    if not _han().search(text):
        return text
    for config in _FOLD:
        text = _converter(config).convert(text)
    return text


def traditional(text: str, region: str = "hk") -> str:
    """``text`` in traditional characters with Hong Kong's (``hk``) or Taiwan's (``tw``) forms.

    OpenCC's ``s2hk``/``s2tw`` leave a character already traditional as it is and
    then write the standard form in the region's (衛 becomes 衞 in Hong Kong), so
    a text typed half in each script comes out whole in one. Characters, not
    phrases: ``s2twp`` would also change words (软件 to 軟體), which is an
    editor's call, not a script's.
    """
    if not _han().search(text):
        return text
    return _converter("s2tw" if region == "tw" else "s2hk").convert(text)


def standard_simplified(text: str) -> str:
    """OpenCC's ``t2s`` alone: what search documents held before regional forms were folded."""
    return _converter("t2s").convert(text) if _han().search(text) else text


def name_key(text: str) -> str:
    """What two names must share to be the same: no case, no spaces or dots, one script."""
    return _NOT_A_LETTER.sub("", simplified(text).casefold())


@lru_cache(maxsize=len(CONFIGS))
def _converter(config: str) -> Any:
    import opencc

    return opencc.OpenCC(config)

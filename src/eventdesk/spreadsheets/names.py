"""Split a name typed in one cell into the parts EventDesk stores.

Attendee lists often have one "Name" or "姓名" column. EventDesk stores a
family name, a given name and their order (see ``records.names``), so the
cell has to be split, and the rules are kept few enough to state:

* Chinese characters are the Chinese name: "丁晓东" is family 丁 (or one of
  the common two-character family names such as 欧阳), given 晓东. A cell with
  both, "DING Xiaodong 丁晓东" or "丁晓东 (Ding Xiaodong)", gives both.
* In Latin letters, the part written in capitals is the family name, and
  where it stands gives the order: "DING Xiaodong" is family first,
  "Alexander WAI" given first. This is the rule EventDesk prints by, so a
  list written in it reads back exactly.
* "Wai, Alexander": the part before the comma is the family name.
* Otherwise ("Ding Xiaodong", "ding xiaodong") the order cannot be told: the
  first word is taken as the family name, as in Chinese names, and the
  result says it was a guess. Matching tries the other order too, and the
  preview shows the name as it will print, so a wrong guess is seen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventdesk.records import NameOrder

# CJK ideographs (basic, extension A, compatibility) and the middle dot of transcribed names.
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff·・]+")
_LATIN_LETTER = re.compile(r"[^\W\d_]")
#: Two-character family names common enough that a list will meet them.
COMPOUND_SURNAMES = frozenset(
    {
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
        "宇文", "司徒", "夏侯", "令狐", "端木", "歐陽", "諸葛", "東方", "長孫", "軒轅",
        "澹台", "司空", "呼延", "南宫", "南宮", "西门", "西門",
    }
)  # fmt: skip


@dataclass(frozen=True)
class SplitName:
    family: str
    given: str
    order: NameOrder
    name_zh: str = ""
    #: False when the order was guessed ("Ding Xiaodong"): either part may be the family name.
    certain: bool = True


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


def has_latin(text: str) -> bool:
    return bool(_LATIN_LETTER.search(_CJK.sub("", text)))


def split_chinese(name: str) -> tuple[str, str]:
    """丁晓东 → (丁, 晓东); 欧阳修 → (欧阳, 修); a transcribed name with a dot stays whole."""
    name = "".join(name.split())
    if "·" in name or "・" in name or len(name) < 2:
        return name, ""
    if len(name) > 2 and name[:2] in COMPOUND_SURNAMES:
        return name[:2], name[2:]
    return name[:1], name[1:]


def split_full_name(text: str) -> SplitName:
    """The parts of a name in one cell; see the module's rules."""
    text = " ".join(text.split())
    name_zh = "".join(_CJK.findall(text))
    latin = " ".join(_CJK.sub(" ", text).replace("(", " ").replace(")", " ").split())
    latin = latin.replace("（", " ").replace("）", " ").strip(" /|-")
    if not has_latin(latin):
        family, given = split_chinese(name_zh)
        return SplitName(family, given, NameOrder.FAMILY_FIRST, name_zh)
    parts = _split_latin(latin)
    return SplitName(parts.family, parts.given, parts.order, name_zh, parts.certain)


def _split_latin(text: str) -> SplitName:
    if "," in text:
        family, _, given = text.partition(",")
        return SplitName(_tidy(family.strip()), given.strip(), NameOrder.GIVEN_FIRST)
    words = text.split()
    if len(words) == 1:
        return SplitName(_tidy(words[0]), "", NameOrder.FAMILY_FIRST)
    caps = [_is_capitals(w) for w in words]
    if any(caps) and not all(caps):
        first, last = caps.index(True), len(caps) - 1 - caps[::-1].index(True)
        family = " ".join(_tidy(w) for w in words[first : last + 1])
        given = " ".join(words[:first] + words[last + 1 :])
        order = NameOrder.FAMILY_FIRST if first == 0 else NameOrder.GIVEN_FIRST
        return SplitName(family, given, order)
    tidy = [_tidy(w) for w in words] if all(caps) else words
    return SplitName(tidy[0], " ".join(tidy[1:]), NameOrder.FAMILY_FIRST, certain=False)


def _is_capitals(word: str) -> bool:
    """ "DING", "O'NEILL": two or more letters, none of them lower-case."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _tidy(word: str) -> str:
    """A family name written in capitals is stored as a name: "DING" → "Ding"."""
    return word.title() if _is_capitals(word) else word

"""A Chinese name in characters, proposed as family and given name in pinyin.

A clerk types 丁晓东 and gets "Ding" / "Xiaodong", family first, to correct if
the person spells their name otherwise (Hong Kong and Taiwan romanisations
differ). The readings come from pypinyin; only the surname needs help, since
a few common surnames are read differently from the same character elsewhere
(单 is Shan as a surname, not Dan) and some are two characters (欧阳).

pypinyin loads its dictionaries in about 0.4 s, so it is imported on the
first proposal, never at start.
"""

from __future__ import annotations

#: Two-character surnames: the first two characters are the family name.
COMPOUND_SURNAMES = frozenset(
    {"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文"}
    | {"司徒", "夏侯", "令狐", "端木", "澹台", "轩辕", "歐陽", "司馬", "諸葛", "長孫"}
)
#: Surnames whose reading differs from the character's usual one.
SURNAME_READINGS = {
    "单": "shan", "單": "shan", "曾": "zeng", "区": "ou", "區": "ou", "仇": "qiu",
    "解": "xie", "查": "zha", "朴": "piao", "盖": "ge", "蓋": "ge", "乐": "yue", "樂": "yue",
    "覃": "qin", "翟": "zhai", "缪": "miao", "繆": "miao", "尉迟": "yuchi", "尉遲": "yuchi",
    "万俟": "moqi", "黑": "he", "种": "chong", "秘": "bi", "长孙": "zhangsun", "長孫": "zhangsun",
}  # fmt: skip


def is_chinese_name(text: str) -> bool:
    """Two to four CJK characters (a middle dot allowed): a name pinyin can be proposed for."""
    chars = [c for c in text.strip() if c not in "·・ "]
    return 2 <= len(chars) <= 4 and all(_is_cjk(c) for c in chars)


def propose(name_zh: str) -> tuple[str, str] | None:
    """("Ding", "Xiaodong") for 丁晓东; None if the text is no Chinese name."""
    if not is_chinese_name(name_zh):
        return None
    chars = "".join(c for c in name_zh.strip() if c not in "·・ ")
    split = 2 if len(chars) >= 3 and chars[:2] in COMPOUND_SURNAMES else 1
    family, given = chars[:split], chars[split:]
    from pypinyin import Style, lazy_pinyin

    family_py = SURNAME_READINGS.get(family) or "".join(lazy_pinyin(family, style=Style.NORMAL))
    given_py = "".join(lazy_pinyin(given, style=Style.NORMAL))
    # ü is written v by pypinyin's NORMAL style; names use "u" or "yu" (Lü → Lyu, Lu)
    return _cap(family_py.replace("v", "u")), _cap(given_py.replace("v", "u"))


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch >= "\U00020000"

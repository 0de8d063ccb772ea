"""Which column of a partner's list holds what, and what the words in its cells mean.

Lists arrive with headers in English or Chinese, spelled every way ("E-mail",
"Email address", "邮箱"). :func:`guess_mapping` proposes a mapping from the
headers; the preview shows it and the user may change it, so a guess only
has to be right most of the time. Role and side cells are read the same
forgiving way: the value EventDesk stores ("speaker"), its label, or a
common Chinese word for it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from eventdesk.records import AttendanceRole, NameOrder, Side


@dataclass(frozen=True)
class Field:
    key: str
    label: str


FAMILY_NAME = Field("family_name", "Family name")
GIVEN_NAME = Field("given_name", "Given name")
FULL_NAME = Field("full_name", "Full name (split)")
NAME_ZH = Field("name_zh", "Chinese name")
NAME_ORDER = Field("name_order", "Name order")
TITLE = Field("title", "Title")
ORGANISATION = Field("organisation", "Organisation")
ROLE = Field("role", "Role")
SIDE = Field("side", "Side")
EMAIL = Field("email", "E-mail")

FIELDS: tuple[Field, ...] = (
    FAMILY_NAME,
    GIVEN_NAME,
    FULL_NAME,
    NAME_ZH,
    NAME_ORDER,
    TITLE,
    ORGANISATION,
    ROLE,
    SIDE,
    EMAIL,
)
FIELD_KEYS = tuple(f.key for f in FIELDS)

E = TypeVar("E", AttendanceRole, Side, NameOrder)

#: field key → column index. A field is in one column at most; unmapped fields are absent.
ColumnMap = dict[str, int]

# Headers compared after normalising: case folded, everything but letters and digits dropped.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "family_name": ("familyname", "surname", "lastname", "family", "姓", "姓氏", "英文姓"),
    "given_name": ("givenname", "firstname", "forename", "given", "名", "名字"),
    "full_name": (
        "name", "fullname", "englishname", "nameinenglish", "nameenglish", "英文姓名",
        "姓名英文", "英文名", "姓名", "attendee", "attendeename", "participant",
        "participantname", "delegate", "delegatename", "参会人员", "参会人", "与会人员",
        "出席人员", "與會人員", "出席人員", "pinyin", "拼音",
    ),
    "name_zh": (
        "chinesename", "nameinchinese", "namechinese", "中文名", "中文姓名", "姓名中文",
        "中文名字", "汉字姓名",
    ),
    "name_order": ("nameorder", "姓名顺序", "姓名順序"),
    "title": (
        "title", "position", "jobtitle", "post", "designation", "titleposition",
        "positiontitle", "职务", "職務", "职位", "職位", "头衔", "頭銜", "职称", "職稱",
    ),
    "organisation": (
        "organisation", "organization", "institution", "university", "affiliation",
        "unit", "department", "employer", "company", "单位", "單位", "机构", "機構",
        "学校", "學校", "院校", "工作单位", "所在单位", "单位名称", "工作單位", "组织", "組織",
    ),
    "role": ("role", "roleatmeeting", "角色", "身份", "参会身份", "參會身份"),
    "side": ("side", "delegation", "方", "所属方", "代表方", "所屬方"),
    "email": (
        "email", "emailaddress", "mail", "邮箱", "电子邮箱", "电子邮件", "郵箱", "電郵",
        "电邮", "電子郵件",
    ),
}  # fmt: skip
_ENGLISH_NAME = frozenset(
    {
        "englishname", "nameinenglish", "nameenglish", "pinyin",
        "英文姓名", "姓名英文", "英文名", "拼音",
    }
)  # fmt: skip
_GENERIC_NAME = frozenset({"姓名"})
# Second chance for headers like "Name of organisation" or "Participant's e-mail".
_HINTS: tuple[tuple[str, str], ...] = (
    ("mail", "email"),
    ("邮", "email"),
    ("郵", "email"),
    ("chinese", "name_zh"),
    ("中文", "name_zh"),
    ("surname", "family_name"),
    ("family", "family_name"),
    ("given", "given_name"),
    ("first", "given_name"),
    ("organi", "organisation"),
    ("institution", "organisation"),
    ("单位", "organisation"),
    ("單位", "organisation"),
    ("position", "title"),
    ("title", "title"),
    ("职", "title"),
    ("職", "title"),
    ("role", "role"),
    ("name", "full_name"),
    ("姓名", "full_name"),
)


def normalise(header: str) -> str:
    return re.sub(r"[\W_]+", "", header.casefold())


def guess_field(header: str) -> str | None:
    """The field a header most likely names, or None."""
    key = normalise(header)
    if not key:
        return None
    for field, names in _SYNONYMS.items():
        if key in names:
            return field
    for hint, field in _HINTS:
        if hint in key:
            return field
    return None


def guess_mapping(headers: Sequence[str]) -> ColumnMap:
    """Each field in the first column whose header names it; exact names before hints.

    A Chinese list often has "姓名" beside "英文名": then 姓名 is the Chinese
    name and the English column the name to split.
    """
    mapping: ColumnMap = {}
    exact = {n: f for n, h in enumerate(headers) for f in [_exact(h)] if f}
    english = [n for n, h in enumerate(headers) if normalise(h) in _ENGLISH_NAME]
    generic = [n for n, h in enumerate(headers) if normalise(h) in _GENERIC_NAME]
    if english and generic and "name_zh" not in exact.values():
        exact[english[0]], exact[generic[0]] = "full_name", "name_zh"
        exact = dict(sorted(exact.items()))
    for n, field in exact.items():
        mapping.setdefault(field, n)
    for n, header in enumerate(headers):
        if n in exact:
            continue
        field = guess_field(header)
        if field and field not in mapping:
            mapping[field] = n
    return mapping


def _exact(header: str) -> str | None:
    key = normalise(header)
    return next((f for f, names in _SYNONYMS.items() if key and key in names), None)


# -- what the cells say -----------------------------------------------------------------

_ROLE_WORDS = {
    "代表": AttendanceRole.DELEGATE,
    "参会代表": AttendanceRole.DELEGATE,
    "参会": AttendanceRole.DELEGATE,
    "發言人": AttendanceRole.SPEAKER,
    "发言人": AttendanceRole.SPEAKER,
    "演讲嘉宾": AttendanceRole.SPEAKER,
    "演講嘉賓": AttendanceRole.SPEAKER,
    "报告人": AttendanceRole.SPEAKER,
    "報告人": AttendanceRole.SPEAKER,
    "发言": AttendanceRole.SPEAKER,
    "致辞": AttendanceRole.SPEAKER,
    "主讲": AttendanceRole.SPEAKER,
    "主持": AttendanceRole.CHAIR,
    "主持人": AttendanceRole.CHAIR,
    "主席": AttendanceRole.CHAIR,
    "主办": AttendanceRole.HOST,
    "主辦": AttendanceRole.HOST,
    "东道主": AttendanceRole.HOST,
    "嘉宾": AttendanceRole.GUEST,
    "嘉賓": AttendanceRole.GUEST,
    "来宾": AttendanceRole.GUEST,
    "观察员": AttendanceRole.OBSERVER,
    "觀察員": AttendanceRole.OBSERVER,
    "列席": AttendanceRole.OBSERVER,
}
_SIDE_WORDS = {
    "our side": Side.OURS,
    "us": Side.OURS,
    "we": Side.OURS,
    "我方": Side.OURS,
    "我校": Side.OURS,
    "本校": Side.OURS,
    "partners": Side.PARTNER,
    "their side": Side.PARTNER,
    "对方": Side.PARTNER,
    "對方": Side.PARTNER,
    "合作方": Side.PARTNER,
    "外方": Side.PARTNER,
    "来访方": Side.PARTNER,
    "others": Side.OTHER,
    "其他": Side.OTHER,
    "其它": Side.OTHER,
}
_ORDER_WORDS = {
    "family first": NameOrder.FAMILY_FIRST,
    "family name first": NameOrder.FAMILY_FIRST,
    "姓在前": NameOrder.FAMILY_FIRST,
    "given first": NameOrder.GIVEN_FIRST,
    "given name first": NameOrder.GIVEN_FIRST,
    "名在前": NameOrder.GIVEN_FIRST,
}


def parse_role(text: str) -> AttendanceRole:
    """A role cell: "speaker", "Speaker", "发言人". Raises ValueError naming the allowed ones."""
    return _parse(text, AttendanceRole, _ROLE_WORDS, "a role")


def parse_side(text: str) -> Side:
    """A side cell: "partner", "Partners", "ours", "我方". Raises ValueError when unknown."""
    return _parse(text, Side, _SIDE_WORDS, "a side")


def parse_name_order(text: str) -> NameOrder:
    return _parse(text, NameOrder, _ORDER_WORDS, "a name order")


def _parse(text: str, kind: type[E], words: dict[str, E], what: str) -> E:
    key = " ".join(text.replace("_", " ").replace("-", " ").split()).casefold()
    for member in kind:
        if key in (member.value.replace("_", " "), member.label.casefold()):
            return member
    if key in words:
        return words[key]
    allowed = ", ".join(m.value.replace("_", " ") for m in kind)
    raise ValueError(f"{text!r} is not {what} ({allowed})")

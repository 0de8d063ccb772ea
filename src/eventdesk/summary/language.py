"""The language a summary is written in: which form of each text it prints, and its words.

Why one object carried through the view model: the records hold an English
and a Chinese form of each text (``title``/``title_zh`` …). An English summary
prints the English form (the Chinese one when that is all there is); a Chinese
summary prints the Chinese form, and where a clerk has not filled it in yet,
the English one, noting the field so the CLI and the preview can name it
before anything is printed. Dates are written from Babel's CLDR data in
either language, never by hand.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from babel.dates import format_date, format_skeleton

from eventdesk.summary import prose
from eventdesk.summary.script import DEFAULT, SCRIPTS, check_script, keep

if TYPE_CHECKING:
    from eventdesk.summary.countries import Places

#: The languages a document is written in (its templates: news.html.j2, news_zh.html.j2).
LANGUAGES = ("en", "zh")
#: What ``--lang`` and the preview take: a language, or Chinese in a named script. "zh" is
#: Chinese in the office's script (Preferences; simplified unless the office chose otherwise);
#: "both" the Chinese document followed by the English one (documents.py).
CHOICES = ("en", "zh", *SCRIPTS, "both")
BOTH = "both"

#: The Chinese words of the vocabularies (enum values) a summary prints.
ZH_LABELS: dict[str, dict[str, str]] = {
    "format": {"online": "线上", "onsite": "线下", "hybrid": "线上线下结合"},
    "our_role": {
        "host": "主办",
        "co_host": "联合主办",
        "participant": "参会",
        "visiting": "出访",
        "visited": "来访接待",
    },
    "status": {"draft": "草稿", "final": "定稿"},
    "host_role": {"host": "主办", "co_host": "联合主办", "organiser": "承办"},
    "attendance_role": {
        "delegate": "代表",
        "speaker": "演讲嘉宾",
        "chair": "主持人",
        "host": "东道主",
        "guest": "嘉宾",
        "observer": "列席",
    },
    "side": {"ours": "我方", "partner": "合作方", "other": "其他"},
    "presentation": {
        "speech": "致辞",
        "remarks": "讲话",
        "presentation": "报告",
        "report": "工作报告",
    },
    "course_status": {
        "nominated": "获提名",
        "shortlisted": "入选",
        "approved": "获批",
        "not_selected": "未入选",
    },
    "decision": {
        "election": "选举",
        "resolution": "决议",
        "agreement": "协议",
        "outcome": "成果",
        "action_item": "待办事项",
        "discussion": "讨论议题",
    },
}


#: How a note names a person a Chinese document prints in Latin ("person YOO Ji-beom: …").
LATIN_NAME = "no Chinese name; printed in Latin"


def check_language(lang: str) -> str:
    """The document language of a choice: "en", or "zh" for Chinese in any script (and for
    both languages, whose first document is the Chinese one)."""
    if lang not in CHOICES:
        from eventdesk.summary.errors import SummaryError

        raise SummaryError(f"Unknown language {lang!r}; use {', '.join(CHOICES)}.")
    return "en" if lang == "en" else "zh"


def chosen_script(lang: str) -> str | None:
    """The script a choice names ("zh-Hant"), or None where the office's is meant ("zh")."""
    return lang if lang in SCRIPTS else None


class Language:
    """Picks each text's form for the document's language and notes Chinese forms missing.

    ``script`` is the Chinese script the document is printed in; with
    ``keep_names`` people's Chinese names are printed as recorded
    (:mod:`eventdesk.summary.script`).
    """

    def __init__(self, lang: str = "en", script: str = DEFAULT, keep_names: bool = True):
        self.lang = check_language(lang)
        #: "" in English: an English document's Chinese is printed as recorded.
        self.script = check_script(script) if self.lang == "zh" else ""
        self.keep_names = keep_names
        self.missing: list[str] = []
        #: The English texts a Chinese document prints for want of Chinese ones (names too):
        #: set apart from the Latin beside them when the document is finished (script.py).
        self.latin: list[str] = []
        #: Our country and each organisation's, for a foreign one's first mention; set by the
        #: view model for one meeting (:class:`~eventdesk.summary.countries.Places`).
        self.places: Places | None = None

    def name(self, name_zh: str) -> str:
        """A person's Chinese name, marked to be kept as recorded where the office keeps names."""
        return keep(name_zh) if self.keep_names and self.zh else name_zh

    def latin_name(self, latin: str) -> str:
        """A person with no Chinese name: printed in Latin in a Chinese document, and said so."""
        if self.zh and latin:
            self._note(f"person {latin}: {LATIN_NAME}")
            self._print_latin(latin)
        return latin

    def _note(self, note: str) -> None:
        if note not in self.missing:
            self.missing.append(note)

    def _print_latin(self, text: str) -> None:
        if text not in self.latin:
            self.latin.append(text)

    @property
    def zh(self) -> bool:
        return self.lang == "zh"

    def pick(self, en: str, zh: str, where: str = "") -> str:
        """The form to print; in Chinese, an English-only text is printed and noted."""
        if not self.zh:
            return en or zh
        if zh:
            return fullwidth_brackets(zh)
        if en and where:
            shown = en if len(en) <= 48 else en[:45].rstrip() + "…"
            self._note(f"{where}: no Chinese form; the English {shown!r} is printed")
        if en:
            self._print_latin(en)
        return en

    def label(self, vocabulary: str, value: str, english: str) -> str:
        """An enum's label: the English one, or its Chinese word."""
        return ZH_LABELS[vocabulary].get(value, english) if self.zh else english

    def join(self, items: Iterable[object]) -> str:
        return join_zh(items) if self.zh else prose.join_prose(items)

    def date(self, value: date | None) -> str:
        return long_date(value, self.lang)

    def date_range(self, start: date | None, end: date | None) -> str:
        return date_range(start, end, self.lang)


_CJK_CHAR = "\u3400-\u9fff\uf900-\ufaff"
_BRACKETS = re.compile(rf"(?<=[{_CJK_CHAR}])\s*\(([^()]*)\)|\(([^()]*[{_CJK_CHAR}][^()]*)\)")


def fullwidth_brackets(text: str) -> str:
    """Parentheses in Chinese text as Chinese writes them: 年会 (2021) -> 年会（2021）.

    Only a pair that follows a Chinese character or holds one; "Principal
    Assistant Secretary (Higher Education)" in an English title keeps its own.
    """
    return _BRACKETS.sub(lambda m: f"（{m[1] if m[1] is not None else m[2]}）", text)


def join_zh(items: Iterable[object]) -> str:
    """``["甲", "乙", "丙"]`` -> ``"甲、乙和丙"``, as Chinese lists are written."""
    parts = [str(i).strip() for i in items if i is not None and str(i).strip()]
    if len(parts) <= 1:
        return parts[0] if parts else ""
    return "、".join(parts[:-1]) + "和" + parts[-1]


def join_zh_clauses(items: Iterable[object]) -> str:
    """Phrases that hold 、 themselves are parted by "，" and "以及" so the list stays readable."""
    parts = [str(i).strip() for i in items if i is not None and str(i).strip()]
    if len(parts) <= 1:
        return parts[0] if parts else ""
    if not any("、" in p or "和" in p for p in parts):
        return join_zh(parts)
    return "，".join(parts[:-1]) + "，以及" + parts[-1]


_LOCALES = {"en": "en_US", "zh": "zh_CN"}


def long_date(value: date | None, lang: str = "en") -> str:
    """``December 22, 2021`` or ``2021年12月22日`` (CLDR's long date of the language)."""
    if value is None:
        return ""
    return format_date(value, "long", locale=_LOCALES[lang])


def date_range(start: date | None, end: date | None, lang: str = "en") -> str:
    """One day, or a span written as briefly as it stays clear, in either language."""
    if start is None:
        return ""
    if end is None or end == start:
        return long_date(start, lang)
    loc = _LOCALES[lang]
    if lang == "zh":
        if start.year != end.year:
            tail = long_date(end, lang)
        elif start.month != end.month:
            tail = format_skeleton("MMMd", end, locale=loc)
        else:
            tail = format_skeleton("d", end, locale=loc)
        return f"{long_date(start, lang)}至{tail}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{format_skeleton('MMMMd', start, locale=loc)}–{end.day}, {end.year}"
    if start.year == end.year:
        first = format_skeleton("MMMMd", start, locale=loc)
        return f"{first} – {long_date(end, lang)}"
    return f"{long_date(start, lang)} – {long_date(end, lang)}"


def sentence_zh(text: str) -> str:
    """A typed Chinese text as a sentence: white space collapsed, ending in "。"."""
    text = " ".join(text.split())
    if text and text[-1] not in "。！？”’.!?":
        text += "。"
    return text

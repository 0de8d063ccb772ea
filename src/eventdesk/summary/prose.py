"""Small pieces of English that turn records into sentences.

A news release reads "A, B and C" and "two courses", not a bullet list of
fields (dates are :mod:`eventdesk.summary.language`'s, in either language).
These helpers are also the Jinja filters the templates use, so a user
editing a template writes the same phrases.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import time

_WORDS = [
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]


def join_prose(items: Iterable[object], conjunction: str = "and") -> str:
    """``["A", "B", "C"]`` -> ``"A, B and C"``.

    When an item itself holds a comma or the conjunction ("Director of the Hong
    Kong, Macao and Taiwan Affairs Office"), a serial comma goes before the last
    item so the reader can still see where one item ends, as the office's own
    report does.
    """
    parts = [str(i).strip() for i in items if i is not None and str(i).strip()]
    if len(parts) <= 1:
        return parts[0] if parts else ""
    if len(parts) == 2:
        return f"{parts[0]} {conjunction} {parts[1]}"
    serial = any("," in p or f" {conjunction} " in p for p in parts)
    head = ", ".join(parts[:-1])
    return f"{head}{',' if serial else ''} {conjunction} {parts[-1]}"


def join_clauses(items: Iterable[object]) -> str:
    """Clauses of one sentence ("agreed to A, B and C"); semicolons when one holds a comma.

    "Greater Bay Area teacher exchange, including practicum placements; and Hong Kong
    joint research": with commas between them the reader could not tell where the first
    topic ends.
    """
    parts = [str(i).strip() for i in items if i is not None and str(i).strip()]
    if len(parts) > 1 and any("," in p for p in parts):
        return "; ".join(parts[:-1]) + "; and " + parts[-1]
    return join_prose(parts)


def time_range(start: time | None, end: time | None) -> str:
    if start is None:
        return ""
    text = f"{start:%H:%M}"
    return f"{text}–{end:%H:%M}" if end else text


def number_word(n: int | None) -> str:
    """Numbers up to twenty in words, as a release writes them; larger ones in digits."""
    if n is None:
        return ""
    return _WORDS[n] if 0 <= n < len(_WORDS) else str(n)


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """``counted(2, "course")`` -> ``"two courses"``."""
    return f"{number_word(n)} {singular if n == 1 else plural or singular + 's'}"


def plural_role(role: str, n: int) -> str:
    """ "Vice Chairman" for one, "Vice Chairmen" for two."""
    if n == 1 or not role:
        return role
    if role.endswith("man"):
        return role[:-3] + "men"
    return role


#: Words that name a place, a people or a language: they keep their capital mid-sentence
#: ("Hong Kong universities", "Macao students", "Chinese poetry").
_PROPER_TEXT = """
    Shanghai Beijing Guangzhou Shenzhen Hangzhou Nanjing Hong Kong Macao Macau Taiwan Taipei
    China Chinese Asia Asian Europe European Africa African America American Korea Korean Seoul
    Japan Japanese Tokyo Singapore Malaysia Thailand Vietnam India Indian Australia Britain
    British UK US USA English France French Germany German Russia Russian Canada Canadian
    Mainland Guangdong Jiangsu Zhejiang Yangtze Pearl Greater Bay Belt Road Silk Olympic
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday
"""
PROPER_WORDS = frozenset(_PROPER_TEXT.split())


def _keeps_capital(word: str, rest: str, proper: frozenset[str] | set[str]) -> bool:
    """Is ``word`` (the first word of a phrase) a name rather than a common word?"""
    bare = word.strip("\"'“”‘’()[]").split("'")[0].split("’")[0]
    if not bare or not bare[0].isupper():
        return False
    if any(ch.isupper() or ch.isdigit() for ch in bare[1:]):
        return True  # an acronym or a name like "PolyU"
    if bare in PROPER_WORDS or bare in proper or bare.split("-")[0] in PROPER_WORDS:
        return True
    if bare.endswith(("ian", "ese")) and len(bare) > 5:
        return True  # a people or its language: "Malaysian", "Indonesian", "Vietnamese"
    following = rest.split(maxsplit=1)
    # "Hong Kong", "Greater Bay Area", "Yonsei University": a name of several capitalised words.
    return bool(following) and following[0][:1].isupper() and following[0].lower() != "i"


def lower_first(text: str, proper: frozenset[str] | set[str] = frozenset()) -> str:
    """Lower-case a leading capital when it starts a phrase mid-sentence ("Excellent courses").

    A name keeps it: an acronym ("USST students"), a place or people ("Macao
    students", "Chinese poetry", :data:`PROPER_WORDS`), a word of ``proper`` (the
    meeting's own organisations and cities), or the first of several
    capitalised words ("Hong Kong Baptist University's programme").
    """
    head, _, rest = text.partition(" ")
    if len(text) > 1 and not _keeps_capital(head, rest, proper):
        return text[0].lower() + text[1:]
    return text


def upper_first(text: str) -> str:
    """ "the Alliance" -> "The Alliance" at the start of a sentence (unlike Jinja's capitalize)."""
    return text[:1].upper() + text[1:]


def sentence(text: str) -> str:
    """Whitespace collapsed and a full stop at the end, for text typed into a field."""
    text = " ".join(text.split())
    if text and text[-1] not in ".!?。！？\"'”’":
        text += "."
    return text


def was_were(n: int) -> str:
    return "was" if n == 1 else "were"

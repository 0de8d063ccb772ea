"""One script per document: every Chinese text printed in simplified or in traditional.

Why at print time: the records hold each text as the clerk typed it, and
partners' names come in either script (香港浸會大學 from a Hong Kong
partner's list, 岭南大学 typed on a mainland keyboard). A document that
prints them as recorded around template words in simplified mixes the two
(香港浸會大學主办). So the whole document, its template words included, is
written in the script the office publishes in, converted by OpenCC
(:mod:`eventdesk.store.chinese_variants`, the tables search folding uses):

* ``zh-Hans``: simplified (Taiwan's and Hong Kong's forms folded: ``tw2s``,
  ``hk2s``);
* ``zh-Hant``: traditional with Hong Kong's forms (``s2hk``: 衞, 綫), the
  forms Hong Kong and Macao print; an office writing for Hong Kong and Macao
  partners, as a Hong Kong, Macao and Taiwan Affairs Office does, wants
  these;
* ``zh-Hant-TW``: traditional with Taiwan's forms (``s2tw``: 衛, 線).

People's names are kept as recorded unless the office says otherwise
(Preferences › "Convert people's names too"): converting is by character
and phrase tables, and a name is neither; a Hong Kong colleague's 張家輝
must not print as 张家辉 on a mainland page if the office has not decided
so, and a simplified name has more than one traditional form (发 is 發 or
髮, 干 is 乾, 幹 or 干). A name to keep is wrapped in two noncharacters
(:func:`keep`) while the document is built; :func:`convert_tree` converts
everything else and removes the wrappers.

An English document prints the little Chinese it holds (a name in
brackets, a course's Chinese title beside its English one) as recorded: it
is the Chinese documents whose sentences mix their words with the records'.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from eventdesk.store.chinese_variants import simplified, traditional

SIMPLIFIED, TRADITIONAL, TRADITIONAL_TW = "zh-Hans", "zh-Hant", "zh-Hant-TW"
SCRIPTS = (SIMPLIFIED, TRADITIONAL, TRADITIONAL_TW)
DEFAULT = SIMPLIFIED
#: As Preferences shows the choice.
LABELS = {
    SIMPLIFIED: "Simplified (简体)",
    TRADITIONAL: "Traditional, Hong Kong and Macao forms (繁體)",
    TRADITIONAL_TW: "Traditional, Taiwan forms (正體)",
}
#: Around a text kept as recorded (U+FDD0, U+FDD1: noncharacters, never typed or printed).
KEEP_START, KEEP_END = "\ufdd0", "\ufdd1"
_KEPT = re.compile(f"{KEEP_START}(.*?){KEEP_END}", re.S)
_MARKS = re.compile(f"[{KEEP_START}{KEEP_END}]")
#: A document's notes for the clerk, quoting the records as they are: not converted.
NOT_PRINTED = frozenset({"missing_zh", "latin_zh"})
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


def check_script(script: str) -> str:
    """``script`` if it is one of :data:`SCRIPTS`, else the default (a setting from elsewhere)."""
    return script if script in SCRIPTS else DEFAULT


def keep(text: str) -> str:
    """``text`` marked to be printed as recorded (a person's name)."""
    return f"{KEEP_START}{text}{KEEP_END}" if _HAN.search(text) else text


def convert_text(text: str, script: str) -> str:
    """``text`` in ``script``; unchanged without Chinese characters or without a script
    (an English document prints the little Chinese it holds as recorded)."""
    if not _HAN.search(text):
        return text
    if script == TRADITIONAL:
        return traditional(text, "hk")
    if script == TRADITIONAL_TW:
        return traditional(text, "tw")
    return simplified(text) if script == SIMPLIFIED else text


def convert(text: str, script: str) -> str:
    """``text`` in ``script``, its kept parts as recorded, and the marks taken out."""
    if KEEP_START not in text and KEEP_END not in text:
        return convert_text(text, script)
    out, at = [], 0
    for kept in _KEPT.finditer(text):
        out.append(convert_text(text[at : kept.start()], script))
        out.append(kept.group(1))
        at = kept.end()
    out.append(convert_text(text[at:], script))
    return _MARKS.sub("", "".join(out))


#: A Latin text's edge that runs into the next Latin word ("Education" + "Deputy", "charge." +
#: "All"), and that word's start: a capital, a digit or an opening bracket or quote.
_LATIN_END = re.compile(r"[A-Za-z0-9.,;:!?)\]”’\"']$")
_LATIN_START = re.compile(r"^[A-Z0-9(\[“‘\"]")


def separate_latin(text: str, latin: tuple[str, ...] | list[str]) -> str:
    """``text`` with a space wherever one of the ``latin`` texts touches another Latin word.

    A Chinese document prints an English text where the Chinese one is missing,
    and Chinese sentences put two texts side by side with nothing between
    (of + title: 教育部副主任). Two English ones would run together
    ("Ministry of EducationDeputy Director", "free of charge.All the members"):
    they are parted by a space, and only they: a word of the records
    ("PolyU") is never split, since only the printed texts' own edges are.
    """
    if not latin or not any(t in text for t in latin):
        return text
    cuts: set[int] = set()
    for piece in latin:
        if len(piece) < 2:
            continue
        at = text.find(piece)
        while at >= 0:
            end = at + len(piece)
            before, after = text[at - 1 : at], text[end : end + 1]
            if before and _LATIN_END.search(before) and _LATIN_START.search(piece):
                cuts.add(at)
            if after and _LATIN_END.search(piece) and _LATIN_START.search(after):
                cuts.add(end)
            at = text.find(piece, at + 1)
    for cut in sorted(cuts, reverse=True):
        text = text[:cut] + " " + text[cut:]
    return text


def unmarked(text: str) -> str:
    """``text`` without the marks of :func:`keep`, unconverted."""
    return _MARKS.sub("", text)


def convert_tree(value: Any, script: str, latin: tuple[str, ...] = ()) -> Any:
    """Convert every string of nested views, dicts, lists and tuples in place; return ``value``.

    Run once on a document after its sentences are written and before any
    output reads it, so a Word file, a PDF and the preview print the same
    characters. ``latin``: the English texts a Chinese document prints,
    parted from the Latin words beside them (:func:`separate_latin`). Bytes
    (a photo) are left alone.
    """
    seen: set[int] = set()

    def walk(item: Any) -> Any:
        if isinstance(item, str):
            return separate_latin(convert(item, script), latin)
        if isinstance(item, tuple):
            return tuple(walk(x) for x in item)
        if id(item) in seen:
            return item
        seen.add(id(item))
        if isinstance(item, list):
            item[:] = [walk(x) for x in item]
        elif isinstance(item, dict):
            for key in list(item):
                item[key] = walk(item[key])
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):
            for f in dataclasses.fields(item):
                if f.name in NOT_PRINTED:
                    continue
                child = getattr(item, f.name)
                if isinstance(child, (str, tuple, list, dict)) or dataclasses.is_dataclass(child):
                    object.__setattr__(item, f.name, walk(child))
        return item

    return walk(value)

"""Which Chinese a text is written in, for the language tags of a Word document.

Why it matters: Word and LibreOffice choose the face for Chinese characters
by the run's East Asian language. Untagged, LibreOffice falls back to the
document's default CJK locale and may print a Chinese name in a Japanese
face, with Japanese glyph shapes.

Why codecs and not a converter: GB 2312 holds the simplified characters in
daily use and Big5-HKSCS the traditional ones, so a character found in one
and not the other tells the script. Characters common to both (上海, 大) say
nothing; a text that leans neither way is taken as simplified, the office's
own script. Traditional text is ``zh-HK`` when it uses a character only
Hong Kong's supplement has (衞, 峯, 綫, 邨), else ``zh-TW``.
"""

from __future__ import annotations

import re

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")


def _in(char: str, codec: str) -> bool:
    try:
        char.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def has_chinese(text: str) -> bool:
    return CJK.search(text) is not None


def chinese_language(text: str) -> str:
    """``zh-CN``, ``zh-HK`` or ``zh-TW`` for the Chinese characters of ``text``."""
    simplified = traditional = 0
    hong_kong = False
    for char in set(CJK.findall(text)):
        in_gb = _in(char, "gb2312")
        in_hkscs = _in(char, "big5hkscs")
        if in_gb and not in_hkscs:
            simplified += 1
        elif in_hkscs and not in_gb:
            traditional += 1
            hong_kong = hong_kong or not _in(char, "cp950")
    if traditional > simplified:
        return "zh-HK" if hong_kong else "zh-TW"
    return "zh-CN"


#: The language of an English document: its dates are written the American way.
ENGLISH = "en-US"


def document_language(lang: str, text: str) -> str:
    """The language a document is marked with: ``en-US``, or for a Chinese document
    ``zh-CN``, ``zh-TW`` or ``zh-HK`` by the script its text is in, so the mark follows
    the office's choice of script whatever the template."""
    return chinese_language(text) if str(lang).startswith("zh") else ENGLISH

"""How a release names a session inside a sentence, and the theme its title gives.

Why not print the title as typed: an agenda is typed as a list ("Opening
ceremony", "Keynote speeches", "Parallel Session I: Digital Transformation of
Higher Education"), and a release says "At the opening ceremony", "At the
keynote session", "At Parallel Session I, themed “Digital Transformation of
Higher Education”". The rules:

- a title "Label: Theme" (or "分论坛一：高等教育数字化转型") is a session with a
  theme; the label names the session, the theme is printed in quotes;
- a label that ends in a number or letter ("Session 2", "Parallel Session
  I", "Panel A") is a name: printed as typed, without "the";
- any other label is a common noun: "the" and lower case ("the opening
  ceremony"), names inside it keeping their capitals (:func:`prose.lower_first`);
- a session named after its keynote speeches ("Keynote speeches", 主旨演讲) is
  "the keynote session" (主旨演讲环节), and its speeches are keynote speeches.

A Chinese title is recognised in any script (主旨演講, 交流環節, 分論壇一：…):
Hong Kong and Taiwan partners' agendas come in traditional characters, and the
document is put in one script only after its sentences are written
(``script.convert_tree``). The title is matched folded to simplified
(``store.chinese_variants``) and printed as recorded, but a closing 環節 is
written 环节, the word the sentence templates look for ("在交流环节，").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from eventdesk.store.chinese_variants import simplified
from eventdesk.summary import prose

_THEME = re.compile(r"^(?P<label>[^:：]{1,40}?)\s*[:：]\s*(?P<theme>\S.*)$")
_NAMED = re.compile(r"(^|\s)([0-9]+|[IVXL]+|[A-Z]|[一二三四五六七八九十]+)$")
_KEYNOTE_EN = re.compile(r"^keynote(s| speech(es)?| address(es)?| lectures?| talks?)?$", re.I)
#: Matched against the title folded to simplified (any script recorded).
_KEYNOTE_ZH = re.compile(r"^主旨(演讲|报告|发言)$")
#: A session named as a stage of the programme: "在交流环节，" rather than "交流环节上，".
_STAGE_ZH = "环节"


@dataclass
class SessionName:
    #: As a sentence names it: "the opening ceremony", "Parallel Session I"; 开幕式, 分论坛一.
    name: str
    #: The theme its title gives ("Digital Transformation of Higher Education"), or "".
    theme: str
    #: Its speeches are keynote speeches.
    keynote: bool


def session_name(
    title: str, zh: bool, proper: frozenset[str] | set[str] = frozenset()
) -> SessionName:
    """The name and theme of a session titled ``title`` in a sentence of the document's language."""
    title = " ".join(title.split())
    match = _THEME.match(title)
    label, theme = (match["label"], match["theme"]) if match else (title, "")
    if zh:
        folded = simplified(label)
        if _KEYNOTE_ZH.match(folded):
            return SessionName("主旨演讲环节", theme, True)
        if folded.endswith(_STAGE_ZH):
            label = label[: -len(_STAGE_ZH)] + _STAGE_ZH
        return SessionName(label, theme, "主旨" in folded)
    keynote = "keynote" in label.lower()
    if _KEYNOTE_EN.match(label):
        return SessionName("the keynote session", theme, True)
    if _NAMED.search(label):
        return SessionName(label, theme, keynote)
    words = label.split(" ")
    if len(words) > 1 and all(w[:1].isupper() for w in words if len(w) > 3):
        # "Opening Ceremony" typed in title case: each common word lower-cased.
        label = " ".join(
            prose.lower_first(w, proper) if len(w) > 3 or i == 0 else w for i, w in enumerate(words)
        )
    return SessionName("the " + prose.lower_first(label, proper), theme, keynote)

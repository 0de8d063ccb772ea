"""Where an exported file goes, and what it is called, proposed the way a clerk would name it.

The export dialog opened in the home folder and proposed ``news.pdf`` for
every meeting in both languages, so the Chinese release overwrote the English
one. It now opens in the folder last used for that kind of file (PDFs to the
leadership's folder, DOCX to the publicity office's share) and proposes
"2021-12-22 Annual Meeting … - News release (English).pdf". The kind last
written (a Word file for the publicity office) is the kind proposed next.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

_KEY = "export/folder/{}"
_LAST_KIND = "export/last_kind"
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
#: A title longer than this is cut at a word: Windows paths have a length limit.
TITLE_ROOM = 60
LANGUAGES = {"en": "English", "zh": "中文", "both": "中文 + English"}


def folder_for(suffix: str) -> Path:
    """The folder last used for files of ``suffix`` (".pdf"), else the documents folder."""
    stored = QSettings().value(_KEY.format(suffix.lstrip(".").lower()), "")
    if stored and Path(str(stored)).is_dir():
        return Path(str(stored))
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def remember(path: Path) -> None:
    """The next file of this kind is proposed in ``path``'s folder, and this kind next."""
    kind = path.suffix.lstrip(".").lower()
    settings = QSettings()
    settings.setValue(_KEY.format(kind), str(path.parent))
    settings.setValue(_LAST_KIND, kind)


def last_suffix(known: tuple[str, ...]) -> str:
    """The suffix of the kind of file last exported (one of ``known``), else the first."""
    last = f".{QSettings().value(_LAST_KIND, '')}"
    return last if last in known else known[0]


def summary_name(start_date: str, title: str, document: str, lang: str) -> str:
    """ "2021-12-22 Annual Meeting … - News release (English)": one per meeting and language."""
    short = " ".join(title.split())
    if len(short) > TITLE_ROOM:
        short = short[:TITLE_ROOM].rsplit(" ", 1)[0] + "…"
    language = LANGUAGES.get(lang, lang)
    name = " ".join(x for x in (start_date, short) if x) + f" - {document} ({language})"
    return _UNSAFE.sub(" ", name).strip(" .")

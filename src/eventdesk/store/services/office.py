"""The office's choices kept in the database: how its Chinese documents are written.

Why in the database and not each user's preferences: the script an office
publishes in (simplified on the mainland, traditional in Hong Kong, Macao and
Taiwan) is the office's, so every clerk's PC, the reviewer's and the command
line print the same characters from the same records.
"""

from __future__ import annotations

from eventdesk.store import settings
from eventdesk.store.services.base import Service

#: The scripts a Chinese document may be written in (``eventdesk.summary.script``).
SCRIPTS = ("zh-Hans", "zh-Hant", "zh-Hant-TW")


class OfficeService(Service):
    """``store.office``: the Chinese script of the documents, and whether names follow it."""

    def chinese_script(self) -> str:
        """``zh-Hans`` (the default), ``zh-Hant`` (Hong Kong forms) or ``zh-Hant-TW``."""
        value = settings.get(self.connection, settings.CHINESE_SCRIPT)
        return value if value in SCRIPTS else SCRIPTS[0]

    def set_chinese_script(self, script: str) -> None:
        if script not in SCRIPTS:
            raise ValueError(f"Unknown Chinese script {script!r}; use one of {', '.join(SCRIPTS)}.")
        with self._store.transaction():
            settings.put(self.connection, settings.CHINESE_SCRIPT, script)

    def convert_names(self) -> bool:
        """Whether people's Chinese names are converted too (by default kept as recorded)."""
        return settings.get(self.connection, settings.CONVERT_NAMES) == "1"

    def set_convert_names(self, convert: bool) -> None:
        with self._store.transaction():
            settings.put(self.connection, settings.CONVERT_NAMES, "1" if convert else None)

"""An empty Chinese field shows the form the records propose; Ctrl+Enter takes it.

Why a placeholder and a key rather than filling the field: a proposal is the
office's earlier record or the glossary's, right most times and wrong some
("Director" is 处长 in one office, 主任 in another), so the clerk sees it
where the Chinese goes, with where it comes from, and takes it with one key,
or types over it. Nothing is written until taken. The proposals are the
store's (``store.chinese_forms``), the same ``eventdesk fill-chinese`` lists.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit

from eventdesk import paths
from eventdesk.records import Meeting
from eventdesk.store import EventStore, Glossary, Proposal, StoreError, load_glossary
from eventdesk.ui.editable import is_editable


@lru_cache(maxsize=1)
def glossary() -> Glossary:
    """The bundled glossary, read once."""
    return load_glossary(paths.resources_dir() / "glossary" / "zh.json")


def proposal(store: EventStore, meeting: Meeting, target: tuple[str, int, str]) -> Proposal | None:
    """What the records propose for one field of ``meeting`` (as it stands in the editor)."""
    try:
        found = store.chinese_forms.proposals_for(meeting, glossary())
    except StoreError:  # the database went away meanwhile: no proposal, no error
        return None
    return next((p for p in found if p.target == target), None)


def part_alone(meeting: Meeting | None, **parts: list) -> Meeting | None:
    """``meeting`` with only the given parts: a proposal for one row asks about that row."""
    if meeting is None:
        return None
    return Meeting(
        title=meeting.title,
        start_date=meeting.start_date,
        id=meeting.id,
        series=parts.pop("series", ""),
        venue=parts.pop("venue", ""),
        **parts,
    )


class Proposer(QObject):
    """Shows a proposal in an empty Chinese field's placeholder; Ctrl+Enter writes it there."""

    def __init__(self, edit: QLineEdit, find: Callable[[], Proposal | None]):
        super().__init__(edit)
        self.edit = edit
        self.find = find
        self.proposal: Proposal | None = None
        self._placeholder = edit.placeholderText()
        self._tooltip = edit.toolTip()
        edit.installEventFilter(self)  # before the field's own Enter (which adds a row)
        edit.textChanged.connect(lambda _t: self._show())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+Enter in the field takes the proposal; any other key is the field's."""
        if (
            watched is self.edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.take()
            return True  # never the field's Enter: that would add a row
        return super().eventFilter(watched, event)

    def refresh(self) -> None:
        """Ask the records again (another row is shown, or its English text changed)."""
        self.proposal = self.find() if not self.edit.text().strip() else None
        self._show()

    def take(self) -> bool:
        """Put the proposal in the empty field, as if typed; False if there is none to take."""
        if self.proposal is None or self.edit.text().strip() or not is_editable(self.edit):
            return False
        self.edit.setFocus()
        self.edit.insert(self.proposal.chinese)  # an edit, so the form takes it as typed
        return True

    def _show(self) -> None:
        p = self.proposal
        if not is_editable(self.edit):  # a read-only page proposes nothing, shows no example
            self.edit.setPlaceholderText("")
        elif p is not None and not self.edit.text():
            self.edit.setPlaceholderText(f"{p.chinese}  ← Ctrl+Enter ({p.source})")
            self.edit.setToolTip(
                f"Proposed from the {p.source}: {p.chinese}. Ctrl+Enter takes it; typing "
                "replaces it."
            )
        else:
            self.edit.setPlaceholderText(self._placeholder)
            self.edit.setToolTip(self._tooltip)

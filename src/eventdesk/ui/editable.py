"""One switch for a page's fields: editable, or shown read-only (issue 23, item 6).

A reader's login on a team database, a file open read-only (in use in another EventDesk, on a
network drive, a disk full) or a file the store stopped writing to (damage found): the pages
still show every record, but a reader must not type a whole form and learn only at Save that
it cannot be kept. :func:`set_editable` walks a page once and puts each kind of field in its
read-only state, so every editor honours one switch rather than each widget its own check:

- text fields (line edits, text edits, dates, numbers) become read-only: their text can
  still be selected and copied; an empty one shows no grey example, which a reader would
  take for the record's;
- choices (check boxes, radio buttons, combo boxes) are disabled: they still show the value;
- tables and lists stop editing in place and accept no drops (photos dragged in);
- the buttons that add, remove, move or create are hidden, except those marked
  :func:`reads` (Export…, which only reads), and so are the finders marked :func:`adds`;

and :func:`set_editable` with ``True`` puts back what it changed, no more. Internal parts
(a combo box's line, a spin box's arrows, a tab bar's scroll buttons) are left alone.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

#: The property that marks the root of a page shown read-only (see :func:`is_editable`).
_READ_ONLY = "eventdeskReadOnly"
#: What the switch changed on a widget, to put back: "hidden", "disabled", "read_only", or
#: the edit triggers of an item view.
_CHANGED = "eventdeskReadOnlyChanged"
#: A field that only adds rows (a finder): hidden while read-only, as an Add button is.
_ADDS = "eventdeskAdds"
#: A field's grey example, taken away while read-only.
_HINT = "eventdeskHint"
#: Drops were accepted before the page was shown read-only.
_NO_DROPS = "eventdeskDropsOff"
#: A widget (and what is under it) that only reads: left as it is.
_READS = "eventdeskReads"


def reads(widget: QWidget) -> QWidget:
    """Mark ``widget`` as one that only reads (an Export… button, a history table): a
    read-only page keeps it as it is. Returns it."""
    widget.setProperty(_READS, True)
    return widget


def adds(widget: QWidget) -> QWidget:
    """Mark ``widget`` as one that only adds (a finder "Add host: type an organisation…", the
    hint "Drop image files here"): a read-only page hides it, as it hides the Add buttons.
    Returns it."""
    widget.setProperty(_ADDS, True)
    return widget


def is_editable(widget: QWidget) -> bool:
    """False when ``widget`` is on a page shown read-only (a key that adds a row asks this)."""
    shown: QWidget | None = widget
    while shown is not None:
        if shown.property(_READ_ONLY):
            return False
        shown = shown.parentWidget()
    return True


def set_editable(root: QWidget, editable: bool) -> None:
    """Show everything under ``root`` editable, or read-only (see the module's docstring).

    Called again after parts are added under ``root`` (a tab made when first shown), it
    switches those too; the ones switched before are not touched twice.
    """
    if editable and not root.property(_READ_ONLY):
        return  # never shown read-only: nothing to put back, and no walk at start-up
    root.setProperty(_READ_ONLY, not editable)
    _walk(root, editable)


def _walk(widget: QWidget, editable: bool) -> None:
    for child in widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if child.property(_READS) or isinstance(child, (QScrollBar, QTabBar)):
            continue
        if _switch(child, editable):
            continue  # a field: what is inside it is its own
        _walk(child, editable)


def _switch(w: QWidget, editable: bool) -> bool:
    """Switch one widget; True when it is a field (its insides are left to it)."""
    if w.property(_ADDS):
        _toggle(w, editable, "hidden", not w.isHidden(), w.setVisible)
        return True
    if isinstance(w, (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)):
        if editable:
            if w.property(_CHANGED) == "read_only":
                w.setReadOnly(False)
                w.setProperty(_CHANGED, None)
        elif not w.isReadOnly():
            w.setReadOnly(True)
            w.setProperty(_CHANGED, "read_only")
        _hint(w, editable)
        _drops(w, editable)
        return True
    if isinstance(w, (QCheckBox, QRadioButton, QComboBox)):
        if isinstance(w, QComboBox) and w.lineEdit() is not None:
            _hint(w.lineEdit(), editable)
        # its own state, not its parents' (a meeting's tabs are off while no meeting is shown)
        enabled = not w.testAttribute(Qt.WidgetAttribute.WA_ForceDisabled)
        _toggle(w, editable, "disabled", enabled, w.setEnabled)
        if not editable:  # a form turns its fields on as it shows a row: this one stays off
            w.installEventFilter(_kept_off())
        return True
    if isinstance(w, QAbstractButton):
        _toggle(w, editable, "hidden", not w.isHidden(), w.setVisible)
        return True
    if isinstance(w, QAbstractItemView):
        if editable:
            triggers = w.property(_CHANGED)
            if isinstance(triggers, int):
                w.setEditTriggers(QAbstractItemView.EditTrigger(triggers))
                w.setProperty(_CHANGED, None)
        elif w.property(_CHANGED) is None:
            w.setProperty(_CHANGED, w.editTriggers().value)
            w.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        _drops(w, editable)
        _drops(w.viewport(), editable)
        return True
    _drops(w, editable)
    return False


def _toggle(w: QWidget, editable: bool, change: str, on: bool, set_on) -> None:
    """Turn ``w`` off (remembering it) while read-only; back on after, if it was on."""
    if editable:
        if w.property(_CHANGED) == change:
            set_on(True)
            w.setProperty(_CHANGED, None)
    elif on:
        set_on(False)
        w.setProperty(_CHANGED, change)


class _KeptOff(QObject):
    """Turns a choice on a read-only page off again when a form turns it on (RecordForm.load
    enables its fields once a row is shown, a host's role once a host is chosen)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.EnabledChange
            and isinstance(watched, QWidget)
            and not watched.testAttribute(Qt.WidgetAttribute.WA_ForceDisabled)
            and not is_editable(watched)
        ):
            watched.setEnabled(False)
            watched.setProperty(_CHANGED, "disabled")
        return False


_filter: list[_KeptOff] = []


def _kept_off() -> _KeptOff:
    if not _filter:
        _filter.append(_KeptOff())
    return _filter[0]


def _hint(w: QWidget, editable: bool) -> None:
    """No grey example in an empty field while read-only ("South Korea, Japan …" would be
    read as the record's); put back after."""
    if not isinstance(w, (QLineEdit, QTextEdit, QPlainTextEdit)):
        return
    if editable:
        kept = w.property(_HINT)
        if isinstance(kept, str):
            w.setPlaceholderText(kept)
            w.setProperty(_HINT, None)
    elif w.placeholderText() and w.property(_HINT) is None:
        w.setProperty(_HINT, w.placeholderText())
        w.setPlaceholderText("")


def _drops(w: QWidget, editable: bool) -> None:
    """No drops while read-only (photos dragged onto the Photos tab); put back after."""
    if editable:
        if w.property(_NO_DROPS):
            w.setAcceptDrops(True)
            w.setProperty(_NO_DROPS, None)
    elif w.acceptDrops():
        w.setAcceptDrops(False)
        w.setProperty(_NO_DROPS, True)

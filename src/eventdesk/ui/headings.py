"""The large heading above a record's page (a person's name, a course's title)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSizePolicy


def heading_label(*, wrap: bool = False) -> QLabel:
    """A heading that shows a name exactly as typed (``<b>`` and all).

    Without wrapping, a long name is cut rather than making the scrolling form
    take its preferred height and scroll; the field below holds it whole. A
    page whose heading is the only place a text is shown asks for ``wrap``.
    """
    label = QLabel()
    label.setStyleSheet("font-size: 15pt; font-weight: 600;")
    label.setTextFormat(Qt.TextFormat.PlainText)
    if wrap:
        label.setWordWrap(True)
    else:
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label

"""Windows and dialogs open no larger than the screen they are on.

The most common office laptop has a 1366x768 screen, and a 1920x1080 screen at
150% scaling is 1280x720 to Qt. A window asked for 1280x800 there has its
bottom (Save, Print, Close) off-screen. Every top-level window takes its size
through :func:`fit_to_screen`, which keeps the wanted size when it fits and
otherwise shrinks it to the screen's available area, less the room a window
frame and title bar take.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

#: Room left for the window frame and title bar, which Qt's sizes do not count.
FRAME = QSize(16, 40)


def available(widget: QWidget | None = None) -> QRect:
    """The usable area (without task bars) of the screen ``widget`` is on, or the primary one."""
    screen: QScreen | None = None
    if widget is not None:
        parent = widget.parentWidget()
        screen = (parent.screen() if parent is not None else None) or widget.screen()
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1280, 720)


def fitted(wanted: QSize, area: QRect) -> QSize:
    """``wanted``, shrunk where it would not fit in ``area`` with its frame."""
    return QSize(
        min(wanted.width(), max(area.width() - FRAME.width(), 200)),
        min(wanted.height(), max(area.height() - FRAME.height(), 200)),
    )


def fit_to_screen(widget: QWidget, width: int, height: int) -> QSize:
    """Resize ``widget`` to width x height, or less if its screen is smaller; the size set."""
    area = available(widget)
    size = fitted(QSize(width, height), area)
    widget.resize(size)
    return size


def keep_on_screen(widget: QWidget) -> None:
    """After a restored geometry: shrink and move the window back inside its screen."""
    area = available(widget)
    size = fitted(widget.size(), area)
    if size != widget.size():
        widget.resize(size)
    frame = widget.frameGeometry()
    x = min(max(frame.x(), area.x()), area.right() - frame.width() + 1)
    y = min(max(frame.y(), area.y()), area.bottom() - frame.height() + 1)
    if (x, y) != (frame.x(), frame.y()):
        widget.move(max(x, area.x()), max(y, area.y()))

"""The bundled CJK fonts in the window: before it shows where the PC has no Chinese font,
after its first paint where it has one.

A PC without a Chinese font would show every Chinese name as empty boxes, so there the
bundled fonts (``eventdesk.summary.fonts``) are registered before the first frame. Where
the PC has fonts for simplified and traditional Chinese (an office's Windows has several),
the first frame shows the names in them and the bundled fonts follow once it is painted:
reading 11 MB of fonts was 8 ms of the start (issue 25). A summary's preview or PDF
registers them itself before laying a document out.
"""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase


def register() -> None:
    """Register the bundled fonts with Qt (once; later calls do nothing)."""
    try:
        from eventdesk.summary.fonts import register_with_qt
    except ImportError:  # the summaries (which own the fonts) are not installed
        return
    register_with_qt()


def system_has_chinese() -> bool:
    """The PC has a font for simplified and one for traditional Chinese (needs a
    QGuiApplication; Qt reads the PC's fonts for the first text anyway)."""
    systems = (
        QFontDatabase.WritingSystem.SimplifiedChinese,
        QFontDatabase.WritingSystem.TraditionalChinese,
    )
    return all(QFontDatabase.families(system) for system in systems)


def register_before_the_window() -> bool:
    """At start: register now if the PC has no Chinese font; whether it did."""
    if system_has_chinese():
        return False
    register()
    return True

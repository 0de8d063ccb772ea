"""The application icon, drawn once as SVG and shipped with a PNG rendering.

The PNG is what window managers and packagers want; the SVG stays the
source. ``render_png`` regenerates the PNG after the SVG changes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon

from eventdesk import paths

ICON_NAME = "eventdesk"


def icon_dir() -> Path:
    return paths.resources_dir() / "icons"


def app_icon() -> QIcon:
    """The icon from the PNG and the SVG (whichever the platform scales best)."""
    icon = QIcon()
    for suffix in (".png", ".svg"):
        path = icon_dir() / f"{ICON_NAME}{suffix}"
        if path.is_file():
            icon.addFile(str(path))
    return icon


def render_png(svg: Path, png: Path, size: int = 256) -> None:
    """Render the SVG to a square PNG of ``size`` pixels (needs a QGuiApplication)."""
    from PySide6.QtGui import QImage, QPainter  # not made to start the program (issue 25)
    from PySide6.QtSvg import QSvgRenderer  # only here: the running program needs no QtSvg

    renderer = QSvgRenderer(str(svg))
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(png)):
        raise OSError(f"Cannot write {png}")


if __name__ == "__main__":  # python -m eventdesk.ui.app_icon: re-render the PNG
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication([])
    render_png(icon_dir() / f"{ICON_NAME}.svg", icon_dir() / f"{ICON_NAME}.png")

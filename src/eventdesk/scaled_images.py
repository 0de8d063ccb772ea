"""A picture decoded at the size it is shown or printed at, upright: one rule for Qt's views.

A phone photo is 12 million pixels. Decoded whole it takes tens of
milliseconds and as much memory as a hundred thumbnails; asked for a smaller
size before reading, Qt's JPEG reader decodes at a half, a quarter or an
eighth of it. The photos tab's thumbnails and preview and the PDF's photos all
come through here, so each is decoded once at about the size it needs.

Qt reads only PNG and JPEG here: any other type (TIFF, WebP, a CMYK JPEG)
is first made portable with Pillow (``records/images.py``). Qt's TIFF reader
crashed the program on a 40 x 30 TIFF, and the packaged program carries no
TIFF or WebP reader at all.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageIOHandler, QImageReader

from eventdesk.records.images import portable

#: Orientations that swap width and height (the reader scales before it turns).
_QUARTER_TURN = QImageIOHandler.Transformation.TransformationRotate90


def fitted(data: bytes, box: QSize, *, enlarge: bool = True) -> QImage:
    """``data`` decoded to fit ``box`` in proportion, turned by its EXIF orientation.

    A null image if the bytes are no picture Qt reads. ``enlarge=False`` leaves
    a picture smaller than the box at its own size (a print keeps its pixels).
    """
    buffer = QBuffer()
    buffer.setData(QByteArray(portable(data)))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    try:
        image = _read(reader, box)
    finally:
        # The reader's handler may still touch the buffer as it goes (a TIFF
        # reader closes its file then): it must go first, never after the buffer.
        reader.setDevice(None)
        del reader
    if image.isNull() or not box.isValid():
        return image
    if not enlarge and image.width() <= box.width() and image.height() <= box.height():
        return image
    return image.scaled(
        box, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
    )


def _read(reader: QImageReader, box: QSize) -> QImage:
    """Read at the size that fits ``box`` (Qt's JPEG reader then decodes a fraction of it)."""
    reader.setAutoTransform(True)  # a phone stores a portrait on its side and says so
    full = reader.size()
    turned = bool(reader.transformation() & _QUARTER_TURN)
    if full.isValid() and box.isValid():
        upright = full.transposed() if turned else full
        scaled = upright.scaled(box, Qt.AspectRatioMode.KeepAspectRatio)
        if scaled.width() < upright.width():
            reader.setScaledSize(scaled.transposed() if turned else scaled)
    return reader.read()

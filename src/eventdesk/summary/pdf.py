"""PDF and printing: the HTML laid out by QTextDocument, painted page by page.

Why paint each page ourselves rather than ``QTextDocument.print_()``: every
page needs a running header (the meeting's title and date) and "n / N", and
Qt's own printing has neither. The document is laid out with the header's
height kept free, then each page paints the header and its slice of the body.

This is the only module of ``eventdesk.summary`` that loads Qt, and it does so
when called, so the HTML and DOCX outputs never need it.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from eventdesk.summary import fonts, pagination, qt_app
from eventdesk.summary.chinese import document_language
from eventdesk.summary.errors import SummaryError
from eventdesk.summary.view import Page, PhotoView, photos_of

PAGE_SIZES = ("A4", "Letter")


def ensure_gui_app() -> Any:
    """The Qt application (started if need be), with the bundled fonts registered."""
    app = qt_app.ensure_gui_app()
    fonts.register_with_qt()
    return app


def page_size(name: str) -> Any:
    from PySide6.QtGui import QPageSize

    sizes = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
    if name.lower() not in sizes:
        raise SummaryError(f"Unknown page size {name!r}; use A4 or Letter.")
    return QPageSize(sizes[name.lower()])


class PageGeometry:
    """Where header and body go on a page, in the device's pixels."""

    HEADER_MM = 9.0

    def __init__(self, device: Any):
        from PySide6.QtCore import QRectF

        dpi = device.resolution()
        paint = device.pageLayout().paintRectPixels(dpi)
        self.dpi = dpi
        self.width = float(paint.width())
        self.header = self.HEADER_MM / 25.4 * dpi
        self.body = QRectF(0, self.header, self.width, paint.height() - self.header)

    @property
    def body_width_css_px(self) -> float:
        """The body's width in CSS pixels (96 per inch), for sizing photos."""
        return self.width / self.dpi * 96


def setup_device(device: Any, size: str, *, landscape: bool = False) -> None:
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QPageLayout

    device.setPageSize(page_size(size))
    if landscape:  # the wide register tables
        device.setPageOrientation(QPageLayout.Orientation.Landscape)
    device.setPageMargins(QMarginsF(18, 14, 18, 16), QPageLayout.Unit.Millimeter)


#: Photos print a little over half the text's width, at this many dots an inch.
PHOTO_SHARE, PHOTO_DPI = 0.55, 300


def prepare_photos(photos: list[PhotoView], width_css_px: float) -> dict[str, Any]:
    """Give each photo a resource name and a width that fits the page; return the images.

    Each is decoded at the pixels it prints with (300 dpi at its printed width),
    not the store's 1600-pixel copy: the PDF writer compresses every pixel it
    is given, which took most of a news release's time with four photos.
    """
    printed = width_css_px * PHOTO_SHARE
    pixels = round(printed * PHOTO_DPI / 96)  # CSS pixels are 1/96 inch
    images = {}
    for n, photo in enumerate(photos):
        image = upright(photo.data or b"", pixels)
        name = f"eventdesk-photo-{n}.png"
        photo.src = name
        if not image.isNull():
            photo.width = int(min(image.width(), printed))
            images[name] = image
    return images


def upright(data: bytes, width: int | None = None) -> Any:
    """The photo as a QImage turned by its EXIF orientation, at most ``width`` pixels wide.

    The store's rendition is upright and at most print size already; a photo
    not yet saved comes here as its original, and Qt's reader turns it.
    """
    from PySide6.QtCore import QSize

    from eventdesk.scaled_images import fitted
    from eventdesk.store.renditions import PRINT_EDGE

    edge = min(width or PRINT_EDGE, PRINT_EDGE)
    return fitted(data, QSize(edge, PRINT_EDGE), enlarge=False)


def build_document(html: str, images: dict[str, Any], geometry: PageGeometry, device: Any) -> Any:
    """A QTextDocument of the HTML, laid out in pages of the body's size on ``device``."""
    from PySide6.QtCore import QSizeF, QUrl
    from PySide6.QtGui import QFont, QTextDocument

    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    font = QFont()
    font.setFamilies(fonts.FALLBACKS)
    font.setPointSizeF(10.5)
    doc.setDefaultFont(font)
    for name, image in images.items():
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    doc.setHtml(html)
    doc.setPageSize(QSizeF(geometry.body.width(), geometry.body.height()))
    pagination.mend(doc)
    return doc


def paint(
    device: Any, doc: Any, header: str, geometry: PageGeometry, second_header: str = ""
) -> int:
    """Paint ``doc`` page by page with the running header and "n / N"; return the page count.

    A bilingual document's English half carries ``second_header`` from its first page on,
    so a reader of either half sees its title in its language.
    """
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QFont, QPainter, QPen

    pages = pagination.page_count(doc)
    second = pagination.page_of_state(doc, pagination.SECOND_HALF) if second_header else None
    painter = QPainter()
    if not painter.begin(device):
        raise SummaryError("Cannot start writing the document (is the file writable?).")
    try:
        head_font = QFont()
        head_font.setFamilies(fonts.FALLBACKS)
        head_font.setPointSizeF(8.5)
        body_h = geometry.body.height()
        for page in range(pages):
            if page:
                device.newPage()
            painter.setFont(head_font)
            painter.setPen(QColor("#555555"))
            number = f"{page + 1} / {pages}"
            text_h = geometry.header * 0.6
            number_w = painter.fontMetrics().horizontalAdvance(number) + 4
            title_rect = QRectF(0, 0, geometry.width - number_w - 20, text_h)
            running = second_header if second is not None and page >= second else header
            title = painter.fontMetrics().elidedText(
                running, Qt.TextElideMode.ElideRight, int(title_rect.width())
            )
            align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(title_rect, align, title)
            painter.drawText(
                QRectF(geometry.width - number_w, 0, number_w, text_h),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                number,
            )
            painter.setPen(QPen(QColor("#999999"), max(1.0, geometry.dpi / 300)))
            painter.drawLine(QPointF(0, text_h + 2), QPointF(geometry.width, text_h + 2))
            painter.save()
            painter.translate(0, geometry.header - page * body_h)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = QRectF(0, page * body_h, geometry.width, body_h)
            painter.setClipRect(context.clip)
            doc.documentLayout().draw(painter, context)
            painter.restore()
    finally:
        painter.end()
    return pages


def write_pdf(path: Path, render_html: Any, context: Page, size: str = "A4") -> int:
    """Write ``context`` through ``render_html(context) -> str`` as a PDF; return the page count.

    ``render_html`` is called after the photos have their resource names.
    """
    ensure_gui_app()
    from PySide6.QtGui import QPdfWriter

    _check_writable(path)
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setCreator("EventDesk")
    writer.setTitle(context.header)
    setup_device(writer, size, landscape=context.landscape)
    geometry = PageGeometry(writer)
    images = prepare_photos(photos_of(context), geometry.body_width_css_px)
    doc = build_document(render_html(context), images, geometry, writer)
    pages = paint(writer, doc, context.header, geometry, _second_header(context))
    del writer  # painter.end() finished the file; let go of it before it is read (Windows)
    mark_language(path, document_language(context.lang, doc.toPlainText()))
    return pages


def mark_language(path: Path, language: str) -> None:
    """Name the document's language in the PDF's catalog (``/Lang``).

    Screen readers, and a reader's choice of font and line breaking, go by it;
    Qt's PDF writer has no setting for it. pypdf appends it as an incremental
    update, so what Qt wrote stays byte for byte.
    """
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    try:
        writer = PdfWriter(io.BytesIO(path.read_bytes()), incremental=True)
        writer.root_object[NameObject("/Lang")] = TextStringObject(language)
        out = io.BytesIO()
        writer.write(out)
        path.write_bytes(out.getvalue())
    except OSError as exc:
        raise SummaryError(f"Cannot write {path}: {exc.strerror}.") from None


def print_document(printer: Any, render_html: Any, context: Page) -> int:
    """The same pages on a QPrinter the user chose (page size as they set it)."""
    return print_prepared(printer, prepare_print(render_html, context, body_width(printer)))


def body_width(device: Any) -> float:
    """The width photos are sized for on ``device``, in CSS pixels (a number a child can take)."""
    return PageGeometry(device).body_width_css_px


def prepare_print(render_html: Any, context: Page, width_css_px: float) -> dict:
    """What printing needs, as plain data: the HTML, the header and each photo's bytes.

    Made apart from the painting so a user's template can render in another
    process (``isolation.py``) while the window paints what comes back.
    """
    photos = photos_of(context)
    images = prepare_photos(photos, width_css_px)
    pixels = round(width_css_px * PHOTO_SHARE * PHOTO_DPI / 96)
    return {
        "html": render_html(context),
        "header": context.header,
        "second_header": _second_header(context),
        "photos": [(p.src, p.data, pixels) for p in photos if p.src in images],
        "warnings": list(context.warnings),
    }


def print_prepared(printer: Any, prepared: dict) -> int:
    """Paint :func:`prepare_print`'s document on ``printer``; return the page count."""
    fonts.register_with_qt()
    geometry = PageGeometry(printer)
    images = {name: upright(data, pixels) for name, data, pixels in prepared["photos"]}
    doc = build_document(prepared["html"], images, geometry, printer)
    return paint(printer, doc, prepared["header"], geometry, prepared.get("second_header", ""))


def _second_header(context: Page) -> str:
    """The running header of a bilingual document's English half ("" for one language)."""
    second = getattr(context, "second", None)
    return second.header if second is not None else ""


def _check_writable(path: Path) -> None:
    """QPdfWriter fails silently on a bad path; find out first and say so in one line."""
    try:
        with open(path, "ab"):
            pass
    except OSError as exc:
        raise SummaryError(f"Cannot write {path}: {exc.strerror}.") from None

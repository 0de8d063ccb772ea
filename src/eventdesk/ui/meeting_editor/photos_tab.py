"""Photos (and other files) of the meeting: thumbnails, captions, credits, order.

Files come from a file picker or by dropping image files onto the tab. Their
bytes are read at once and travel in ``MeetingFile.data`` until the meeting
is saved; stored photos are loaded without bytes, so their thumbnails are
fetched from the store only when a row is painted, once each.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QSize
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage, QPixmap, QShowEvent
from PySide6.QtWidgets import QFileDialog, QLabel, QWidget

from eventdesk.records import FileKind, MeetingFile
from eventdesk.records.images import check_image, media_type_of
from eventdesk.scaled_images import fitted
from eventdesk.store import EventStore, StoreError
from eventdesk.ui.editable import adds, is_editable
from eventdesk.ui.meeting_editor.labels import Labels
from eventdesk.ui.meeting_editor.list_tab import ListTab
from eventdesk.ui.meeting_editor.models import PartsModel
from eventdesk.ui.meeting_editor.part_views import PhotoForm

THUMBNAIL = QSize(96, 72)
IMAGE_FILTER = "Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp *.tif *.tiff);;All files (*)"


class Thumbnails:
    """Small pictures by file uid, made once from the bytes at hand or from the store."""

    def __init__(self, store: EventStore):
        self._store = store
        self._cache: dict[str, QPixmap | None] = {}

    def get(self, f: MeetingFile) -> QPixmap | None:
        if f.uid not in self._cache:
            data = f.data
            if data is None and f.id is not None:
                try:  # the store's print-size copy, upright: quick to decode, kept on disk
                    data = self._store.files.photo_for_print(f.id)
                except StoreError:
                    data = None
            self._cache[f.uid] = _thumbnail(data) if data else None
        return self._cache[f.uid]


def _thumbnail(data: bytes) -> QPixmap | None:
    image = fitted(data, THUMBNAIL)
    return None if image.isNull() else QPixmap.fromImage(image)


class PhotosModel(PartsModel):
    THUMBNAIL, CAPTION, CREDIT, SESSION, FILE = range(5)
    HEADERS = ("Photo", "Caption", "Credit", "Session", "File")
    LIST = "files"
    WIDTHS: ClassVar[dict[int, int]] = {CAPTION: 380, CREDIT: 330, SESSION: 170}

    def __init__(self, labels: Labels, thumbnails: Thumbnails, parent: QWidget | None = None):
        super().__init__(labels, parent)
        self.thumbnails = thumbnails

    def texts(self, f: MeetingFile) -> tuple[str, ...]:
        return (
            "",
            f.caption or f.caption_zh,
            f.credit,
            self.session_title(f.session_uid),
            f.original_name,
        )

    def decoration(self, f: MeetingFile, column: int) -> Any:
        return self.thumbnails.get(f) if column == self.THUMBNAIL else None


class PhotosTab(ListTab):
    RECORD = "file"
    NOUN = "photos…"

    def __init__(self, store: EventStore, labels: Labels, parent: QWidget | None = None):
        self._store = store
        super().__init__(PhotosModel(labels, Thumbnails(store)), PhotoForm(THUMBNAIL * 2), parent)
        self.setAcceptDrops(True)
        self.add_button.setToolTip("Add photos from files (or drop image files here)")
        self.view.setIconSize(THUMBNAIL)
        self.view.verticalHeader().setDefaultSectionSize(THUMBNAIL.height() + 6)
        self.view.setColumnWidth(PhotosModel.THUMBNAIL, THUMBNAIL.width() + 12)
        self._preview_due = False
        self.hint = adds(QLabel("Drop image files here to add them.", self))  # none when read-only
        self.toolbar.addWidget(self.hint)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._preview_due:
            self._show_file()

    def bind(self, v: PhotoForm) -> None:
        f = self.form
        self.preview = v.preview
        self.file_label = v.file_label
        f.custom(
            "original_name",
            v.file_label,
            lambda: self.current().original_name,
            lambda _name: self._show_file(),
            None,
        )
        self.caption = self.first_field = f.text("caption", v.caption)
        self.caption_zh = f.text("caption_zh", v.caption_zh)
        self.credit = f.text("credit", v.credit)
        self.session = f.choice("session_uid", v.session, "session")
        self.kind = f.enum("kind", v.kind, FileKind)

    # -- adding files -------------------------------------------------------------

    def choose_files(self) -> list[str]:
        """Ask for image files (tests replace this so no dialog waits)."""
        paths, _ = QFileDialog.getOpenFileNames(self, "Add photos", "", IMAGE_FILTER)
        return paths

    def add_record(self) -> None:
        if is_editable(self):  # Enter in the list of a page shown read-only asks for nothing
            self.add_files(self.choose_files())

    def add_files(self, paths: list[str | Path]) -> list[MeetingFile]:
        """Read each file's bytes into a new photo; name the files that are not images."""
        added: list[MeetingFile] = []
        refused: list[str] = []
        for raw in paths:
            path = Path(raw)
            try:
                data = path.read_bytes()
            except OSError as exc:
                refused.append(f"{path.name} ({exc.strerror})")
                continue
            media_type = media_type_of(data)  # from the bytes, not the file's name
            if media_type or not data:
                problem = check_image(data, media_type or "")  # 0 bytes: "it is empty"
            else:
                problem = "not an image"
            if problem:
                refused.append(f"{path.name} ({problem})")
                continue
            before = self.current()
            record = MeetingFile(
                original_name=path.name,
                media_type=media_type,
                kind=FileKind.PHOTO,
                credit=before.credit if before else "",
                session_uid=before.session_uid if before else None,
                data=data,
                size=len(data),
            )
            self.insert(record)
            added.append(record)
        self.hint.setText("Not added: " + ", ".join(refused) if refused else "")
        if added:
            self.caption.setFocus()
        return added

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths and is_editable(self):
            event.acceptProposedAction()
            self.add_files(paths)

    # -- showing -------------------------------------------------------------------

    def _show_file(self) -> None:
        f = self.current()
        if f is None:
            self.preview.clear()
            self.file_label.clear()
            return
        size = f.size or (len(f.data) if f.data else 0)
        self.file_label.setText(f"{f.original_name}  ({size // 1024 or 1} KB, {f.media_type})")
        self._preview_due = not self.isVisible()
        if self._preview_due:  # opening a meeting decodes no photo: the tab does, when shown
            self.preview.clear()
            return
        data, missing = f.data, ""
        if data is None and f.id is not None:
            try:  # the print-size copy the store keeps: a few KB to decode, not a 6 MB original
                data = self._store.files.photo_for_print(f.id)
            except StoreError as exc:  # its file is gone: say so, keep the record editable
                missing = str(exc)
        image = fitted(data, self.preview.size()) if data else QImage()
        self.preview.setPixmap(QPixmap() if image.isNull() else QPixmap.fromImage(image))
        if missing:
            self.preview.setText(missing)

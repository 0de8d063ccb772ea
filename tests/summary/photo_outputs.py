"""Child process: one photo of one kind through one output; prints what the output holds.

``python -m tests.summary.photo_outputs OUTPUT FOLDER``: the database in
FOLDER (made by :func:`meeting_with_photo` in the parent) holds the example
meeting with one photo of a kind (``tests/photo_kinds.py``), saved as the
window saves it; OUTPUT (pdf, docx, html, thumbnail, preview) is made as a
user would make it, and one line of JSON tells the parent what came out. A
crash ends this process only.
"""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def meeting_with_photo(folder: Path, kind: str) -> None:
    """The example meeting in a new database in ``folder``, its photos one photo of ``kind``."""
    from eventdesk import paths
    from eventdesk.records import FileKind, MeetingFile
    from eventdesk.store import EventStore
    from eventdesk.store.interchange import import_file
    from tests.photo_kinds import KINDS, photo

    store = EventStore.open(folder / "eventdesk.sqlite3")
    import_file(store, paths.sample_meeting())
    (row,) = store.meetings.list()
    meeting = store.meetings.get(row.id)
    meeting.files = [
        MeetingFile(
            original_name=f"photo.{kind}",
            media_type=KINDS[kind],
            kind=FileKind.PHOTO,
            caption=f"A {kind} photo",
            data=photo(kind),
        )
    ]
    store.meetings.save(meeting)
    store.close()


def _colour(image) -> list[int]:
    """The colour at the middle of a Pillow image, as RGB."""
    return list(image.convert("RGB").getpixel((image.width // 2, image.height // 2)))


def _document(store, meeting, output: str, folder: Path) -> dict:
    from PIL import Image

    from eventdesk.cli.main import main

    out = folder / f"news.{output}"
    db = folder / "eventdesk.sqlite3"
    status = main(["--db", str(db), "summary", str(meeting.id), "-o", str(out)])
    found = {"status": status, "size": out.stat().st_size if out.exists() else 0, "colours": []}
    if output == "pdf":
        from pypdf import PdfReader

        for page in PdfReader(str(out)).pages:
            found["colours"] += [_colour(i.image) for i in page.images]
    elif output == "docx":
        from docx import Document

        for shape in Document(str(out)).inline_shapes:
            blob = shape._inline.graphic.graphicData.pic.blipFill.blip.embed
            part = Document(str(out)).part.related_parts[blob]
            found["colours"].append(_colour(Image.open(io.BytesIO(part.blob))))
    else:
        import base64
        import re

        for b64 in re.findall(
            r"data:image/[a-z]+;base64,([A-Za-z0-9+/=]+)", out.read_text(encoding="utf-8")
        ):
            found["colours"].append(_colour(Image.open(io.BytesIO(base64.b64decode(b64)))))
    return found


def _editor(store, meeting, output: str) -> dict:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from eventdesk.ui.meeting_editor import MeetingEditor
    from eventdesk.ui.meeting_editor.photos_tab import PhotosModel

    app = QApplication.instance() or QApplication([])
    editor = MeetingEditor(store)
    editor.resize(1280, 800)
    editor.show()
    editor.load(meeting.id)
    tab = editor.photos
    editor.tabs.setCurrentWidget(tab)
    app.processEvents()
    tab.select(0)
    if output == "thumbnail":
        pixmap = tab.model.index(0, PhotosModel.THUMBNAIL).data(Qt.ItemDataRole.DecorationRole)
    else:
        pixmap = tab.preview.pixmap()
    image = pixmap.toImage() if pixmap is not None and not pixmap.isNull() else None
    colour = image.pixelColor(image.width() // 2, image.height() // 2) if image else None
    return {
        "status": 0,
        "size": image.width() if image else 0,
        "colours": [[colour.red(), colour.green(), colour.blue()]] if colour else [],
    }


def run(output: str, folder: Path) -> dict:
    from eventdesk.store import EventStore

    store = EventStore.open(folder / "eventdesk.sqlite3")
    (row,) = store.meetings.list()
    meeting = store.meetings.get(row.id)
    if output in ("pdf", "docx", "html"):
        store.close()  # the command opens it as a user's would
    if output in ("thumbnail", "preview"):
        return _editor(store, meeting, output)
    return _document(store, meeting, output, folder)


if __name__ == "__main__":
    result = run(sys.argv[1], Path(sys.argv[2]))
    print(json.dumps(result))

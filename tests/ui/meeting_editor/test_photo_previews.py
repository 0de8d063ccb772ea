"""Thumbnails and the preview of a phone photo: upright, in proportion, at the size shown."""

from __future__ import annotations

import io

from PIL import Image
from PySide6.QtCore import QSize, Qt

from eventdesk.scaled_images import fitted
from eventdesk.ui.meeting_editor.photos_tab import PhotosModel

#: EXIF orientation 6: the camera was held upright, the pixels lie on their side.
ROTATED_RIGHT = 6


def phone_photo(width: int = 4000, height: int = 3000, orientation: int = 1) -> bytes:
    """A JPEG the size of a phone's, left half red, right half blue, with its EXIF orientation."""
    image = Image.new("RGB", (width, height), "red")
    image.paste((0, 0, 255), (width // 2, 0, width, height))
    exif = Image.Exif()
    exif[0x0112] = orientation
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80, exif=exif.tobytes())
    return out.getvalue()


def test_a_landscape_photo_fits_the_box_in_proportion():
    image = fitted(phone_photo(), QSize(96, 72))
    assert (image.width(), image.height()) == (96, 72)
    assert image.pixelColor(10, 36).red() > 200 and image.pixelColor(86, 36).blue() > 200


def test_a_photo_taken_upright_is_shown_upright():
    image = fitted(phone_photo(orientation=ROTATED_RIGHT), QSize(96, 72))
    assert image.height() == 72 and image.width() == 54  # portrait, in the landscape box
    # turned a quarter to the right: the red half of the pixels is now the top half
    assert image.pixelColor(27, 5).red() > 200 and image.pixelColor(27, 66).blue() > 200


def test_a_small_picture_is_not_blown_up_past_the_box():
    image = fitted(phone_photo(64, 48), QSize(400, 300))
    assert (image.width(), image.height()) == (400, 300)  # scaled to the box, as before
    assert fitted(b"not a picture", QSize(96, 72)).isNull()


def test_the_editor_shows_a_phone_photo_upright(sample_editor, tmp_path):
    path = tmp_path / "upright.jpg"
    path.write_bytes(phone_photo(orientation=ROTATED_RIGHT))
    tab = sample_editor.photos
    sample_editor.show()
    sample_editor.tabs.setCurrentWidget(tab)
    (added,) = tab.add_files([path])
    row = tab.model.rows().index(added)
    thumbnail = tab.model.index(row, PhotosModel.THUMBNAIL).data(Qt.ItemDataRole.DecorationRole)
    assert (thumbnail.width(), thumbnail.height()) == (54, 72)
    tab.select(row)
    preview = tab.preview.pixmap()
    assert preview.height() > preview.width() > 0


def test_a_photo_is_decoded_only_when_the_photos_tab_is_shown(
    sample_editor, sample_store, tmp_path
):
    (meeting,) = sample_store.meetings.list()
    tab = sample_editor.photos
    path = tmp_path / "upright.jpg"
    path.write_bytes(phone_photo(orientation=ROTATED_RIGHT))
    sample_editor.show()
    sample_editor.tabs.setCurrentWidget(sample_editor.details)
    sample_editor.load(meeting.id)
    tab.add_files([path])
    assert tab.preview.pixmap().isNull()  # on the Details tab: nothing decoded yet
    sample_editor.tabs.setCurrentWidget(tab)
    preview = tab.preview.pixmap()
    assert preview.height() > preview.width() > 0


def test_an_empty_file_is_not_added_and_is_named(sample_editor, tmp_path):
    empty = tmp_path / "empty.jpg"
    empty.write_bytes(b"")
    tab = sample_editor.photos
    before = len(tab.model.rows())
    assert tab.add_files([empty]) == []
    assert len(tab.model.rows()) == before
    assert tab.hint.text() == "Not added: empty.jpg (it is an empty file of 0 bytes)"

"""A meeting's photos as a summary prints them, and those it must leave out, with why.

Each photo is printed from its print-size, upright rendition; a photo whose file
cannot be read, or whose bytes are not an image of its type, is left out and
named in a warning, and the rest of the summary is printed.
"""

from __future__ import annotations

from eventdesk.records import MeetingFile
from eventdesk.store import EventStore, StoreError
from eventdesk.store.media import BadPhoto
from eventdesk.store.renditions import print_rendition
from eventdesk.summary.language import Language
from eventdesk.summary.view import PhotoView


def photo_view(
    store: EventStore, n: int, f: MeetingFile, lang: Language, unread: dict[int, str]
) -> PhotoView:
    """The photo's view; why its file could not be read goes in ``unread`` by the view's id."""
    problem = ""
    try:
        data = _print_size(store, f)
    except BadPhoto:
        data = b""
        problem = "its file is not the photo saved (a changed byte, or a link in its place)"
    except StoreError:
        data = b""
        problem = "its file is missing or cannot be read"
    view = PhotoView(
        uid=f.uid,
        id=f.id,
        caption=lang.pick(f.caption, f.caption_zh, f"photo {n} › caption_zh"),
        credit=f.credit,
        media_type=f.media_type,
        data=data,
        session_uid=f.session_uid,
    )
    if problem:
        unread[id(view)] = f"{problem}; `eventdesk check` names it"
    return view


def _print_size(store: EventStore, f: MeetingFile) -> bytes:
    """A photo print-size and upright: saved ones through the store's cache."""
    if f.data is not None:
        return print_rendition(f.data)
    if f.id is None:
        return b""
    return store.files.photo_for_print(f.id)  # a missing or bad file: left out, the rest printed


#: What every output reads: print copies of the other types are made into one of these.
PRINTABLE_TYPES = ("image/png", "image/jpeg")


def unusable_photos(
    photos: list[PhotoView], zh: bool = False, unread: dict[int, str] | None = None
) -> list[str]:
    """Leave out photos that are not images of their type (stored before they were checked).

    A photo's print-size rendition may be another image type than the
    original (a large PNG becomes a JPEG): it then carries the type of its bytes.
    """
    from eventdesk.records.images import FORMATS, check_image, media_type_of

    warnings = []
    for photo in list(photos):
        problem = (unread or {}).get(id(photo)) or check_image(photo.data, photo.media_type)
        real = media_type_of(photo.data) if problem and photo.media_type in FORMATS else None
        if real:
            photo.media_type = real
            problem = check_image(photo.data, real)
        if not problem and photo.media_type not in PRINTABLE_TYPES:
            # Its print copy could not be made a PNG or JPEG (records/images.py::portable):
            # no output reads it safely.
            problem = f"it could not be made into a PNG or JPEG for printing ({photo.media_type})"
        if problem:
            photos.remove(photo)
            name = photo.caption or f"photo {photo.uid}"
            if zh:  # the reason stays in English: it names the file's bytes for whoever fixes it
                warnings.append(f"照片“{name}”未印出：{problem}。")
            else:
                warnings.append(f"{name} was left out: {problem}.")
    return warnings

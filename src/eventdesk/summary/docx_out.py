"""DOCX output from a Word template (docxtpl): real headings, tables and pictures.

Why Word templates instead of converting HTML: the publicity office edits the
release in Word, and staff restyle it there with their letterhead. The
template is a .docx with Jinja tags; a copy of the same name in the user's
templates folder wins over the built-in one in ``resources/templates``.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from eventdesk.summary import docx_style, mentions, prose
from eventdesk.summary.errors import SummaryError
from eventdesk.summary.sandbox import SafeEnvironment, budget
from eventdesk.summary.templates import (
    ScriptWords,
    builtin_docx_folder,
    template_error,
    templates_folder,
)
from eventdesk.summary.view import MeetingView, Page

PHOTO_WIDTH_MM = 120


def docx_template(name: str, user_folder: Path | None = None) -> Path:
    """The user's copy of ``name.docx`` if there is one, else the built-in one."""
    for folder in (user_folder if user_folder is not None else _user(), builtin_docx_folder()):
        if folder is not None and (folder / f"{name}.docx").is_file():
            return folder / f"{name}.docx"
    raise SummaryError(f"There is no Word template named {name}.docx.")


def _user() -> Path | None:
    try:
        return templates_folder()
    except OSError:
        return None


def _credit(credit: str | None) -> str:
    return f"(Photo: {credit})" if credit else ""


def _word_picture(data: bytes) -> bytes | None:
    """Bytes python-docx can place: as they are, else written again by Pillow; None if neither.

    Print copies are PNG or JPEG already (``records/images.py::portable``);
    this is the second line for whatever python-docx's own parser still
    refuses, which would otherwise end the whole document in an error.
    """
    from docx.image.image import Image as WordImage

    from eventdesk.records.images import portable_copy

    for candidate in (data, portable_copy(data) if data else b""):
        try:
            if candidate:
                WordImage.from_blob(candidate)
                return candidate
        except Exception:  # python-docx raises many types for bytes it cannot place
            continue
    return None


def write_docx(path: Path, name: str, context: Page) -> None:
    """Fill the Word template ``name`` with ``context`` and save it at ``path``.

    A bilingual document's English ``second`` is filled in its own template
    (``news`` after ``news_zh``) and follows on a page of its own.
    """
    tpl = _filled(name, context)
    second = getattr(context, "second", None)
    if second is not None:
        from eventdesk.summary.docx_join import append_document

        append_document(tpl.docx, _filled(name.removesuffix("_zh"), second).docx)
    docx_style.finish(tpl.docx, name, context)
    try:
        tpl.save(str(path))
    except OSError as exc:
        raise SummaryError(f"Cannot write {path}: {exc.strerror}.") from None


def _filled(name: str, context: Page) -> Any:
    """The Word template ``name`` filled in with ``context`` (a DocxTemplate)."""
    import jinja2
    from docx.image.exceptions import UnrecognizedImageError
    from docx.shared import Mm
    from docxtpl import DocxTemplate, InlineImage

    class DescribedImage(InlineImage):
        """A picture with alt text (its caption), read aloud by screen readers."""

        def __init__(self, tpl: Any, data: io.BytesIO, description: str, **kw: Any):
            super().__init__(tpl, data, **kw)
            self.description = description

        def _insert_image(self) -> str:
            inline = self.tpl.current_rendering_part.new_pic_inline(
                self.image_descriptor, self.width, self.height
            )
            inline.docPr.set("descr", self.description)
            inline.docPr.set("title", self.description)
            drawing = f"<w:drawing>{inline.xml}</w:drawing>"
            return f'</w:t></w:r><w:r>{drawing}</w:r><w:r><w:t xml:space="preserve">'

    template = docx_template(name)
    try:
        tpl = DocxTemplate(str(template))
    except Exception as exc:  # a file that is not a .docx
        raise SummaryError(f"Cannot open the Word template {template}: {exc}.") from None
    for photo in context.photos if isinstance(context, MeetingView) else []:
        photo.image = ""
        data = _word_picture(photo.data or b"")
        if data:
            try:
                described = " ".join(x for x in (photo.caption, _credit(photo.credit)) if x)
                photo.image = DescribedImage(
                    tpl,
                    io.BytesIO(data),
                    described or "Photo",
                    width=Mm(PHOTO_WIDTH_MM),
                )
            except UnrecognizedImageError:
                photo.image = f"[picture: {photo.caption or 'unreadable image'}]"
    # The Word template's own words in the document's Chinese script, as the HTML ones.
    env = SafeEnvironment(
        autoescape=True,
        extensions=["jinja2.ext.do", ScriptWords],
        finalize=mentions.finalize,  # first mentions counted in the Word file's print order
    )
    env.extend(chinese_script=context.script)
    env.filters.update(
        join_prose=prose.join_prose, counted=prose.counted, unmarked=mentions.unmarked
    )
    try:
        with budget(), mentions.document():  # one budget for the body, headers and footers
            tpl.render(context.as_context(), jinja_env=env, autoescape=True)
    except (jinja2.TemplateError, RecursionError, OverflowError, MemoryError) as exc:
        exc.filename = None  # docxtpl names no file: the .docx is the one to name
        raise template_error(exc, str(template)) from None
    return tpl

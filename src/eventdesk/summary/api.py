"""What the command line and the GUI call: a document in, a file or HTML out.

Every user mistake (an unknown meeting, a bad template, a file that cannot be
written, an extension we do not write) ends in a :class:`SummaryError` or
another :class:`StoreError` with one line fit to show as it is. Warnings
(characters no font can show) are returned, and also printed in the
document itself.
"""

from __future__ import annotations

import functools
import inspect
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, ParamSpec

from eventdesk.records.text import clean_tree
from eventdesk.store import EventStore
from eventdesk.summary import docx_out, fonts, html_out
from eventdesk.summary.context import meeting_context
from eventdesk.summary.documents import (
    MEETING_TEMPLATES,
    course_document,
    document_script,
    meeting_document,
    period_document,
)
from eventdesk.summary.errors import SummaryError
from eventdesk.summary.language import LANGUAGES, check_language
from eventdesk.summary.templates import (
    copy_templates_for_editing,
    make_environment,
    render,
    templates_folder,
    warn,
)
from eventdesk.summary.view import MeetingView, Page

FORMATS = (".pdf", ".docx", ".html")
P = ParamSpec("P")

__all__ = [
    "FORMATS",
    "LANGUAGES",
    "SummaryError",
    "copy_templates_for_editing",
    "meeting_context_for",
    "missing_chinese",
    "prepare_print",
    "print_prepared",
    "print_summary",
    "render_html",
    "renders_apart",
    "templates_folder",
    "write_course_register",
    "write_period_report",
    "write_summary",
]


def renders_apart(store: EventStore) -> bool:
    """Whether summaries of ``store`` render in the child process (a user template differs)."""
    from eventdesk.summary import isolation

    return isolation.needed(store)


_isolate = renders_apart


def print_prepared(printer: Any, prepared: dict[str, Any]) -> int:
    """Paint a document :func:`prepare_print` made on ``printer``; return the page count."""
    from eventdesk.summary import pdf

    return pdf.print_prepared(printer, prepared)


def printed_title(store: EventStore, title: str, lang: str) -> str:
    """``title`` in the script a document in ``lang`` prints its Chinese in: an exported
    file's name says the meeting as its document does (台灣 in a traditional office's)."""
    from eventdesk.summary.script import convert_text

    return convert_text(title, document_script(store, lang))


def _environment(store: EventStore, lang: str) -> Any:
    """The templates, their Chinese words in the script a document in ``lang`` prints."""
    return make_environment(chinese_script=document_script(store, lang))


def _check_template(template: str, lang: str = "en") -> str:
    """The file name's stem of a meeting template in a language: "news", "minutes_zh"."""
    if template not in MEETING_TEMPLATES:
        raise SummaryError(f"Unknown template {template!r}; use news or minutes.")
    return template if check_language(lang) == "en" else f"{template}_zh"


def missing_chinese(store: EventStore, meeting_id: int) -> list[str]:
    """Each field a Chinese summary of the meeting prints in English, for want of Chinese."""
    meeting = store.meetings.get(meeting_id)
    return meeting_context(store, meeting, "zh").missing_zh


def _name_missing(document: MeetingView) -> None:
    """Name each missing Chinese form on stderr before anything is printed."""
    for note in document.missing_zh if document.lang == "zh" else []:
        warn(note)


def _format_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".htm":
        return ".html"
    if suffix not in FORMATS:
        raise SummaryError(f"Cannot tell the format of {path.name}: name it .pdf, .docx or .html.")
    return suffix


def _check_folder(path: Path) -> None:
    if not path.parent.exists():
        raise SummaryError(f"Cannot write {path}: the folder {path.parent} does not exist.")
    if path.is_dir():
        raise SummaryError(f"Cannot write {path}: it is a folder.")


def meeting_context_for(store: EventStore, meeting_id: int, lang: str = "en") -> MeetingView:
    """The full view model of one meeting (for a preview that renders more than once)."""
    return meeting_document(_environment(store, lang), store, meeting_id, lang)


def _add_font_warnings(document: Page, *, use_qt: bool) -> list[str]:
    text = "".join(fonts.texts_of(document))
    missing = fonts.missing_glyphs(text, use_qt=use_qt)
    warning = fonts.warning_for(missing, zh=document.lang == "zh")
    # Warnings found while building the document (a photo left out) are kept.
    earlier = list(getattr(document, "photos_left_out", []))
    document.warnings = earlier + ([warning] if warning else [])
    return list(document.warnings)


def render_html(
    store: EventStore,
    meeting_id: int,
    template: str = "news",
    *,
    for_qt: bool = False,
    lang: str = "en",
) -> str:
    """The meeting's summary as a self-contained HTML page.

    ``for_qt`` is for a QTextBrowser preview: the bundled fonts are registered
    with Qt instead of embedded in the page, and characters are checked against
    the fonts Qt has here.
    """
    name = _check_template(template, lang)
    env = _environment(store, lang)
    context = meeting_document(env, store, meeting_id, lang)
    _add_font_warnings(context, use_qt=for_qt)
    if for_qt:
        fonts.register_with_qt()
        html_out.photo_uris(context.photos)
        context.font_stack = fonts.css_stack()
    else:
        html_out.prepare(context)
    return render(env, f"{name}.html.j2", context)


def _write(path: Path, template: str, context: Page, env: Any, page_size: str) -> list[str]:
    """Write a prepared context in the format ``path``'s extension names."""
    fmt = _format_of(path)
    _check_folder(path)
    clean_tree(context)  # no control character reaches Word, a PDF or a page (records/text.py)
    warnings = _add_font_warnings(context, use_qt=fmt == ".pdf")
    if fmt == ".html":
        html_out.prepare(context)
        text = render(env, f"{template}.html.j2", context)
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise SummaryError(f"Cannot write {path}: {exc.strerror}.") from None
    elif fmt == ".docx":
        docx_out.write_docx(path, template, context)
    else:
        from eventdesk.summary import pdf  # Qt only for PDF

        context.font_stack = fonts.css_stack()
        context.show_header = False
        pdf.write_pdf(path, lambda c: render(env, f"{template}.html.j2", c), context, page_size)
    for warning in warnings:
        warn(warning)
    return warnings


def _written_apart(write: Callable[P, list[str]]) -> Callable[P, list[str]]:
    """``write``, its ``path`` checked first; in the child process when ``store``'s
    templates are a user's own (:func:`renders_apart`).

    There it writes under a name of its own that is put in place when whole
    (:func:`_isolated_write`), and is called with the same arguments, so a new
    parameter of ``write`` needs no passing on by hand.
    """
    signature = inspect.signature(write)

    @functools.wraps(write)
    def checked(*args: P.args, **kwargs: P.kwargs) -> list[str]:
        arguments = signature.bind(*args, **kwargs).arguments
        path = arguments["path"] = Path(arguments["path"])
        _format_of(path)
        store = arguments.pop("store")
        if _isolate(store):
            del arguments["path"]
            return _isolated_write(checked, store, path, **arguments)
        return write(store, **arguments)

    return checked


@_written_apart
def write_summary(
    store: EventStore,
    meeting_id: int,
    template: str,
    path: Path,
    page_size: str = "A4",
    lang: str = "en",
) -> list[str]:
    """Write one meeting's news release or minutes as .pdf, .docx or .html; return warnings.

    ``lang`` "zh" writes the Chinese document; each field it prints in English
    for want of a Chinese form is named on stderr first and returned with the
    font warnings.
    """
    name = _check_template(template, lang)
    env = _environment(store, lang)
    context = meeting_document(env, store, meeting_id, lang)
    _name_missing(context)
    missing = list(context.missing_zh) if context.lang == "zh" else []
    return missing + _write(path, name, context, env, page_size)


@_written_apart
def write_period_report(
    store: EventStore,
    date_from: date | None,
    date_to: date | None,
    *,
    path: Path,
    organisation: str | None = None,
    series: str | None = None,
    person_id: int | None = None,
    page_size: str = "A4",
) -> list[str]:
    """The meetings of a date range (with a partner, of a series, or with a person)."""
    env = make_environment()
    context = period_document(
        env,
        store,
        date_from,
        date_to,
        organisation=organisation,
        series=series,
        person_id=person_id,
    )
    return _write(path, "report", context, env, page_size)


@_written_apart
def write_course_register(
    store: EventStore,
    path: Path,
    *,
    text: str = "",
    year: int | None = None,
    status: str | None = None,
    page_size: str = "A4",
) -> list[str]:
    """The course-shortlist register, every entry or those of one year or status."""
    env = make_environment()
    context = course_document(store, text=text, year=year, status=status)
    return _write(path, "courses", context, env, page_size)


def print_summary(
    store: EventStore, meeting_id: int, template: str, printer: Any, lang: str = "en"
) -> int:
    """Print on a QPrinter the user set up; returns the number of pages."""
    from eventdesk.summary import pdf

    prepared = prepare_print(store, meeting_id, template, pdf.body_width(printer), lang)
    return pdf.print_prepared(printer, prepared)


def prepare_print(
    store: EventStore,
    meeting_id: int,
    template: str,
    width_css_px: float,
    lang: str = "en",
    *,
    seconds: float | None = None,
    cancelled: Any = None,
    apart: bool | None = None,
) -> dict[str, Any]:
    """The document to print or preview, as data (``pdf.prepare_print``).

    A user's own template renders in the child process (``isolation.py``),
    stopped past ``seconds``; ``cancelled()`` true stops it sooner.
    ``apart=True`` (a thread that must not touch the store's connection)
    renders there whatever the templates are.
    """
    from eventdesk.summary import isolation, pdf

    if apart or (apart is None and isolation.needed(store)):
        return isolation.run(
            prepare_print,
            store,
            seconds=seconds,
            cancelled=cancelled,
            meeting_id=meeting_id,
            template=template,
            width_css_px=width_css_px,
            lang=lang,
        )
    name = _check_template(template, lang)
    env = _environment(store, lang)
    context = clean_tree(meeting_document(env, store, meeting_id, lang))
    _add_font_warnings(context, use_qt=True)
    context.font_stack = fonts.css_stack()
    context.show_header = False
    pdf.ensure_gui_app()
    return pdf.prepare_print(lambda c: render(env, f"{name}.html.j2", c), context, width_css_px)


def _isolated_write(
    function: Callable[..., list[str]], store: EventStore, path: Path, **kwargs: Any
) -> list[str]:
    """Write ``path`` in the child under a name of its own, then put it in place.

    A template stopped half way leaves no file, and an older file of that
    name is kept until the new one is whole.
    """
    from eventdesk.summary import isolation

    _check_folder(path)
    temp = path.with_name(f"{path.stem}.partial-{os.getpid()}{path.suffix}")
    try:
        warnings = isolation.run(function, store, path=temp, **kwargs)
        try:
            os.replace(temp, path)
        except OSError as exc:
            raise SummaryError(f"Cannot write {path}: {exc.strerror}.") from None
    finally:
        temp.unlink(missing_ok=True)
    return warnings

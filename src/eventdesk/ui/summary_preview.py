"""The summary dialog: preview a meeting's news release or minutes, print it, export it.

The preview is Qt's print preview of the very pages that print (running
header, "n / N" and all), drawn by :mod:`eventdesk.summary`, so what the user
sees is what the printer and the PDF get. Nothing here writes to the store.

A summary made with the user's own templates renders in a child process
(``summary/isolation.py``) started from a background task: the window stays
usable, and a template that runs past :data:`PREVIEW_SECONDS` is stopped and
told ("this template took too long"). The built-in templates render at once.

Nothing in the dialog opens a modal box of its own except the print and file
dialogs the user asked for; results and errors show in a line under the
preview, so the dialog can be driven by tests without blocking.

The main window opens it for File > Print (Ctrl+P) and File > Export summary:
``SummaryPreviewDialog(store, meeting_id, parent).show()``, or call
:func:`export_summary` / :meth:`SummaryPreviewDialog.print_document` directly.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QPageLayout, QPageSize, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from eventdesk.store import EventStore, StoreError
from eventdesk.summary import (
    copy_templates_for_editing,
    fonts,
    missing_chinese,
    prepare_print,
    print_prepared,
    print_summary,
    printed_title,
    renders_apart,
    write_summary,
)
from eventdesk.ui import export_names
from eventdesk.ui.background import BackgroundTask
from eventdesk.ui.screen_fit import fit_to_screen

TEMPLATES = [("News release", "news"), ("Minutes", "minutes")]
LANGUAGES = [("English", "en"), ("中文 (Chinese)", "zh"), ("中文 + English", "both")]
PAGE_SIZES = [("A4", QPageSize.PageSizeId.A4), ("Letter", QPageSize.PageSizeId.Letter)]
EXPORT_FILTERS = "PDF (*.pdf);;Word document (*.docx);;Web page (*.html)"
_SUFFIX_OF_FILTER = {"PDF": ".pdf", "Word": ".docx", "Web": ".html"}
#: Seconds a user's template may take to preview before it is stopped (an export has
#: the sandbox's full budget).
PREVIEW_SECONDS = 30.0


def reveal_templates_folder() -> Path:
    """Copy the built-in templates for editing (keeping edited ones) and open their folder."""
    folder = copy_templates_for_editing()
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
    return folder


def with_suffix_for(path: str, chosen_filter: str) -> Path:
    """The path the user typed, with the extension of the chosen filter if they left it off."""
    target = Path(path)
    if target.suffix.lower() in (".pdf", ".docx", ".html", ".htm"):
        return target
    for word, suffix in _SUFFIX_OF_FILTER.items():
        if chosen_filter.startswith(word):
            return target.with_name(target.name + suffix)
    return target.with_name(target.name + ".pdf")


class SummaryPreviewDialog(QDialog):
    """Preview, print and export the summary of one meeting."""

    #: A file was written (its path); the main window may add it to recent files.
    exported = Signal(Path)

    def __init__(self, store: EventStore, meeting_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        fonts.register_with_qt()
        self.store = store
        self.meeting_id = meeting_id
        self.setWindowTitle("Summary")
        fit_to_screen(self, 820, 900)
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        self.printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        # The same margins as the PDF, so the preview, the print and the file match.
        self.printer.setPageMargins(QMarginsF(18, 14, 18, 16), QPageLayout.Unit.Millimeter)

        self.template_box = QComboBox()
        for label, name in TEMPLATES:
            self.template_box.addItem(label, name)
        self.lang_box = QComboBox()
        for label, lang in LANGUAGES:
            self.lang_box.addItem(label, lang)
        self.page_box = QComboBox()
        for label, size in PAGE_SIZES:
            self.page_box.addItem(label, size)
        self.preview = QPrintPreviewWidget(self.printer, self)
        self.preview.paintRequested.connect(self._paint)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.print_button = QPushButton("&Print…")
        self.export_button = QPushButton("&Export…")
        self.templates_button = QPushButton("Reveal &templates folder")
        self.close_button = QPushButton("Close")
        self._layout()

        self.template_box.currentIndexChanged.connect(self.refresh)
        self.lang_box.currentIndexChanged.connect(self._language_changed)
        self.page_box.currentIndexChanged.connect(self._page_size_changed)
        self.print_button.clicked.connect(self.print_document)
        self.export_button.clicked.connect(self.export)
        self.templates_button.clicked.connect(self._reveal)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Print, self, activated=self.print_document)
        self.pages = 0
        #: The document a user's template made beside the window, painted by the preview.
        self.prepared: dict | None = None
        self._generation = 0  # each refresh; a render for an older one is dropped
        self.rendering = False
        if renders_apart(store):  # the first paint shows nothing: render beside it now
            QTimer.singleShot(0, self, self.refresh)

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel("&Document:", buddy=self.template_box))
        top.addWidget(self.template_box)
        top.addSpacing(16)
        top.addWidget(QLabel("&Language:", buddy=self.lang_box))
        top.addWidget(self.lang_box)
        top.addSpacing(16)
        top.addWidget(QLabel("Page &size:", buddy=self.page_box))
        top.addWidget(self.page_box)
        top.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.templates_button)
        buttons.addStretch(1)
        for button in (self.print_button, self.export_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    # -- what is shown ---------------------------------------------------------

    @property
    def template(self) -> str:
        return self.template_box.currentData()

    @property
    def lang(self) -> str:
        return self.lang_box.currentData()

    def set_language(self, lang: str) -> None:
        self.lang_box.setCurrentIndex(self.lang_box.findData(lang))

    def _language_changed(self) -> None:
        self.show_missing()
        self.refresh()

    def show_missing(self) -> list[str]:
        """In Chinese, name each field printed in English for want of a Chinese form."""
        if self.lang not in ("zh", "both"):
            self.show_message("")
            return []
        try:
            missing = missing_chinese(self.store, self.meeting_id)
        except StoreError as exc:
            self.show_message(str(exc), error=True)
            return []
        from eventdesk.summary.language import LATIN_NAME

        names = [n.removeprefix("person ").removesuffix(f": {LATIN_NAME}") for n in missing]
        names = [n for n, note in zip(names, missing, strict=True) if note.endswith(LATIN_NAME)]
        forms = [n for n in missing if not n.endswith(LATIN_NAME)]
        parts = []
        if forms:
            parts.append(
                f"{len(forms)} Chinese form(s) missing, printed in English: " + "; ".join(forms)
            )
        if names:
            parts.append(
                f"{len(names)} name(s) with no Chinese form, printed in Latin: " + ", ".join(names)
            )
        if parts:
            self.show_message(". ".join(parts) + ".", error=True)
        else:
            self.show_message("Every text and name has its Chinese form.")
        return missing

    @property
    def page_size(self) -> str:
        return self.page_box.currentText()

    def set_template(self, name: str) -> None:
        self.template_box.setCurrentIndex(self.template_box.findData(name))

    def refresh(self) -> None:
        self._generation += 1
        self.prepared = None
        if not renders_apart(self.store):
            self.preview.updatePreview()
            return
        self._render_beside()

    def _render_beside(self) -> None:
        """Render with the user's templates in the child, from a background task."""
        generation = self._generation
        template, lang, meeting_id = self.template, self.lang, self.meeting_id
        width = _body_width(self.printer)

        def work(store: EventStore) -> dict:
            return prepare_print(
                store,
                meeting_id,
                template,
                width,
                lang,
                seconds=PREVIEW_SECONDS,
                cancelled=lambda: generation != self._generation,
                apart=True,
            )

        task = BackgroundTask(self.store, work, self)
        task.finished.connect(lambda prepared: self._rendered(generation, prepared, ""))
        task.failed.connect(lambda message: self._rendered(generation, None, message))
        self.rendering = True
        self.show_message("Preparing the summary with your templates…")
        self.preview.updatePreview()  # blank until it comes
        task.start()

    def _rendered(self, generation: int, prepared: dict | None, message: str) -> None:
        if generation != self._generation:
            return  # an older render: the user has moved on
        self.rendering = False
        self.prepared = prepared
        if prepared is None:
            self.show_message(message, error=True)
        else:
            warnings = prepared.get("warnings", [])
            self.show_message(" ".join(warnings), error=bool(warnings))
        self.preview.updatePreview()

    def done(self, result: int) -> None:
        self._generation += 1  # a render under way is stopped
        super().done(result)

    def _page_size_changed(self) -> None:
        self.printer.setPageSize(QPageSize(self.page_box.currentData()))
        self.refresh()

    def _paint(self, printer: QPrinter) -> None:
        if self.prepared is not None:
            self.pages = print_prepared(printer, self.prepared)
            return
        if self.rendering or renders_apart(self.store):
            self.pages = 0  # the user's templates render beside the window, never here
            return
        try:
            self.pages = print_summary(
                self.store, self.meeting_id, self.template, printer, self.lang
            )
        except StoreError as exc:
            self.pages = 0
            self.show_message(str(exc), error=True)

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet("color: #9c1c1c;" if error else "")
        self.message.setText(text)

    # -- print, export ---------------------------------------------------------

    def print_document(self) -> bool:
        """Ask for a printer as usual, then print; False if the user cancelled."""
        self.show_missing()
        dialog = QPrintDialog(self.printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        try:
            if self.prepared is not None:  # what the user's templates made for the preview
                pages = print_prepared(self.printer, self.prepared)
            elif renders_apart(self.store):
                self.show_message("The summary is not ready yet; print when the preview shows it.")
                return False
            else:
                pages = print_summary(
                    self.store, self.meeting_id, self.template, self.printer, self.lang
                )
        except StoreError as exc:
            self.show_message(str(exc), error=True)
            return False
        self.show_message(f"Sent {pages} page(s) to the printer.")
        return True

    def export(self) -> Path | None:
        """Ask where (the kind of file last exported, in the folder last used for that kind,
        under a name of its own), then write it there."""
        path, chosen = QFileDialog.getSaveFileName(self, *self.export_question())
        if not path:
            return None
        written = self.export_to(with_suffix_for(path, chosen))
        if written is not None:
            export_names.remember(written)
        return written

    def export_question(self) -> tuple[str, str, str, str]:
        """The save dialog's caption, proposed path, filters and the filter chosen."""
        suffix = export_names.last_suffix(tuple(_SUFFIX_OF_FILTER.values()))
        chosen = next(f for f in EXPORT_FILTERS.split(";;") if f.endswith(f"(*{suffix})"))
        return "Export summary", str(self.proposed_path(suffix)), EXPORT_FILTERS, chosen

    def proposed_path(self, suffix: str) -> Path:
        """The meeting, the document and the language in the name: one file each."""
        meeting = self.store.meetings.get(self.meeting_id)
        title = meeting.title
        if self.lang == "zh":  # in the script the document prints
            title = printed_title(self.store, meeting.title_zh or meeting.title, self.lang)
        document = dict((value, label) for label, value in TEMPLATES).get(
            self.template, self.template
        )
        name = export_names.summary_name(str(meeting.start_date or ""), title, document, self.lang)
        return export_names.folder_for(suffix) / f"{name}{suffix}"

    def export_to(self, path: Path) -> Path | None:
        """Write ``path``; with the user's templates, beside the window (None until written)."""
        template, lang, size, meeting_id = self.template, self.lang, self.page_size, self.meeting_id

        def work(store: EventStore) -> list[str]:
            return write_summary(store, meeting_id, template, path, page_size=size, lang=lang)

        if renders_apart(self.store):
            task = BackgroundTask(self.store, work, self)
            task.finished.connect(lambda warnings: self._exported(path, warnings))
            task.failed.connect(lambda message: self.show_message(message, error=True))
            self.show_message(f"Writing {path} with your templates…")
            task.start()
            return None
        try:
            warnings = work(self.store)
        except StoreError as exc:
            self.show_message(str(exc), error=True)
            return None
        return self._exported(path, warnings)

    def _exported(self, path: Path, warnings: list[str]) -> Path:
        if warnings:
            self.show_message(f"Saved {path}, with a warning: {' '.join(warnings)}", error=True)
        else:
            self.show_message(f"Saved {path}.")
        self.exported.emit(path)
        return path

    def _reveal(self) -> None:
        try:
            folder = reveal_templates_folder()
        except OSError as exc:
            self.show_message(f"Cannot open the templates folder: {exc.strerror}.", error=True)
            return
        self.show_message(f"Templates folder: {folder}. Edited copies there are used instead.")


def export_summary(
    store: EventStore,
    meeting_id: int,
    parent: QWidget | None = None,
    template: str = "news",
    lang: str = "en",
) -> Path | None:
    """File > Export summary without showing the preview: ask where, write, return the path."""
    dialog = SummaryPreviewDialog(store, meeting_id, parent)
    dialog.set_template(template)
    dialog.set_language(lang)
    try:
        return dialog.export()
    finally:
        dialog.deleteLater()


def _body_width(printer: QPrinter) -> float:
    """The width photos are sized for on the printer's page, in CSS pixels."""
    from eventdesk.summary import pdf

    return pdf.body_width(printer)

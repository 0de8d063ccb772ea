"""The summary dialog: preview, print and export a meeting's summary.

Given the example meeting, when the dialog is shown, then the preview holds
the pages that print; choosing Minutes or Letter changes them; Export writes
the format the user picked; Print prints through the printer the user set up;
a failure shows as a line in the dialog, never as a blocking box.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices, QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog

from eventdesk import paths
from eventdesk.ui.summary_preview import SummaryPreviewDialog, with_suffix_for
from tests.summary.conftest import pdf_text, read_back


@pytest.fixture(autouse=True)
def user_data(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "userdata"
    folder.mkdir()
    monkeypatch.setattr(paths, "data_dir", lambda: folder)
    return folder


@pytest.fixture
def dialog(qtbot, sample_store, sample_meeting):
    d = SummaryPreviewDialog(sample_store, sample_meeting.id)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitUntil(lambda: d.pages > 0, timeout=5000)
    return d


def test_preview_shows_the_news_release_pages(dialog):
    assert dialog.template == "news"
    assert dialog.pages >= 2
    assert dialog.preview.pageCount() == dialog.pages


def test_choosing_minutes_previews_the_minutes(qtbot, dialog):
    news_pages = dialog.pages
    dialog.set_template("minutes")
    qtbot.waitUntil(lambda: dialog.pages != news_pages, timeout=5000)
    assert dialog.pages > news_pages


def test_choosing_letter_sets_the_printer(dialog):
    dialog.page_box.setCurrentText("Letter")
    assert dialog.printer.pageLayout().pageSize().id() == QPageSize.PageSizeId.Letter
    assert dialog.page_size == "Letter"


def test_export_writes_the_chosen_format(qtbot, dialog, tmp_path, monkeypatch):
    target = tmp_path / "release"
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        staticmethod(lambda *a, **k: (str(target), "Word document (*.docx)")),
    )
    with qtbot.waitSignal(dialog.exported) as signal:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    written = tmp_path / "release.docx"
    assert signal.args == [written]
    assert "USST participated in the annual meeting" in read_back(written)
    assert dialog.message.text() == f"Saved {written}."


def test_export_cancelled_writes_nothing(dialog, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    assert dialog.export() is None
    assert dialog.message.text() == ""


def test_export_failure_is_a_line_in_the_dialog(dialog, tmp_path):
    assert dialog.export_to(tmp_path / "missing" / "x.pdf") is None
    assert "Cannot write" in dialog.message.text()
    assert "9c1c1c" in dialog.message.styleSheet()


def test_print_prints_the_minutes(qtbot, dialog, tmp_path, monkeypatch):
    out = tmp_path / "printed.pdf"
    dialog.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    dialog.printer.setOutputFileName(str(out))
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    dialog.set_template("minutes")
    assert dialog.print_document() is True
    text = pdf_text(out)
    assert "Minutes: Annual Meeting" in text and "丁晓东" in text and "LAI Tze-kin" in text
    assert "page(s) to the printer" in dialog.message.text()


def test_ctrl_p_asks_for_a_printer(qtbot, dialog, monkeypatch):
    asked = []

    def refuse(self):
        asked.append(True)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QPrintDialog, "exec", refuse)
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert asked == [True]


def test_reveal_templates_folder(qtbot, dialog, user_data, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url)))
    qtbot.mouseClick(dialog.templates_button, Qt.MouseButton.LeftButton)
    folder = user_data / "templates"
    assert [u.toLocalFile() for u in opened] == [str(folder)]
    assert (folder / "news.docx").is_file() and (folder / "minutes.html.j2").is_file()


@pytest.mark.parametrize(
    ("typed", "chosen", "expected"),
    [
        ("/x/a", "PDF (*.pdf)", "/x/a.pdf"),
        ("/x/a", "Web page (*.html)", "/x/a.html"),
        ("/x/a.docx", "PDF (*.pdf)", "/x/a.docx"),
    ],
)
def test_suffix_from_the_chosen_filter(typed, chosen, expected):
    assert with_suffix_for(typed, chosen) == Path(expected)


def test_html_for_a_text_browser_pane(qtbot, sample_store, sample_meeting):
    """A preview pane may show the HTML instead: the bundled font is registered for it."""
    from PySide6.QtGui import QFontDatabase
    from PySide6.QtWidgets import QTextBrowser

    from eventdesk.summary import fonts, render_html

    browser = QTextBrowser()
    qtbot.addWidget(browser)
    browser.setHtml(render_html(sample_store, sample_meeting.id, "minutes", for_qt=True))
    assert "丁晓东" in browser.toPlainText() and "LAI Tze-kin" in browser.toPlainText()
    assert fonts.FAMILY in QFontDatabase.families()


def test_choosing_chinese_names_the_missing_forms_and_previews_chinese(
    qtbot, dialog, tmp_path, monkeypatch
):
    """The example meeting lacks some Chinese forms: each is named before anything prints."""
    shown = dialog.pages
    dialog.pages = 0
    dialog.set_language("zh")
    qtbot.waitUntil(lambda: dialog.pages > 0, timeout=5000)
    assert dialog.lang == "zh" and shown
    message = dialog.message.text()
    assert "Chinese form(s) missing, printed in English" in message
    assert "attendee LAI Tze-kin › title_zh" in message
    assert "photo 1 › caption_zh" in message
    # The names printed in Latin are listed too: the example has no Chinese name for eight.
    assert "8 name(s) with no Chinese form, printed in Latin: MA Xiaoting, CHEN Qi" in message

    out = tmp_path / "printed.pdf"
    dialog.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    dialog.printer.setOutputFileName(str(out))
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    assert dialog.print_document() is True
    text = pdf_text(out)
    assert "上海理工大学参加2021年沪港大学联盟年会暨交流研讨会" in text
    assert "2021年12月22日" in text and "校长丁晓东" in text


def test_export_in_chinese_writes_the_chinese_minutes(qtbot, dialog, tmp_path):
    dialog.set_template("minutes")
    dialog.set_language("zh")
    written = dialog.export_to(tmp_path / "minutes.docx")
    text = read_back(written)
    assert "会议纪要：2021年沪港大学联盟年会暨交流研讨会" in text and "出席人员" in text
    assert "Chinese form" in dialog.message.text()  # the export names what was missing, too


def test_english_preview_names_nothing_missing(dialog):
    dialog.set_language("zh")
    dialog.set_language("en")
    assert dialog.message.text() == ""


def test_export_proposes_a_name_per_language_in_the_folder_last_used(
    qtbot, dialog, tmp_path, monkeypatch
):
    proposals = []

    def save_as(parent, caption, proposed, filters, chosen=""):
        proposals.append(Path(proposed))
        return str(tmp_path / "leadership" / Path(proposed).name), "PDF (*.pdf)"

    (tmp_path / "leadership").mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    # Given the English news release exported to the leadership's folder,
    english = dialog.export()
    # when the Chinese one is exported next,
    dialog.set_language("zh")
    chinese = dialog.export()
    # then it is proposed in that folder, under a name of its own: nothing is overwritten
    assert proposals[1].parent == tmp_path / "leadership"
    assert english.name.startswith("2021-12-22 ") and english.name.endswith(
        " - News release (English).pdf"
    )
    assert chinese.name.endswith(" - News release (中文).pdf")
    assert english.exists() and chinese.exists() and english != chinese


def test_no_two_documents_or_languages_are_proposed_the_same_name(dialog):
    """News release and minutes, English, Chinese and both: six files, six names."""
    names = []
    for template in ("news", "minutes"):
        dialog.set_template(template)
        for lang in ("en", "zh", "both"):
            dialog.set_language(lang)
            names.append(Path(dialog.export_question()[1]).name.casefold())
    assert len(set(names)) == 6, names
    assert names[1].startswith("2021-12-22 2021年沪港大学联盟年会")  # by the Chinese title
    assert names[2].endswith(" - news release (中文 + english).pdf")


def test_a_traditional_office_is_proposed_its_chinese_file_in_traditional(dialog, sample_store):
    """The document prints in the office's script: its file's name says the meeting so too."""
    sample_store.office.set_chinese_script("zh-Hant")
    dialog.set_language("zh")
    name = Path(dialog.export_question()[1]).name
    assert name.startswith("2021-12-22 2021年滬港大學聯盟年會")
    dialog.set_language("en")
    assert "Annual Meeting" in Path(dialog.export_question()[1]).name


def test_each_kind_of_file_is_proposed_in_its_own_folder_and_the_last_kind_first(
    dialog, tmp_path, monkeypatch
):
    questions = []
    answers = iter(
        [
            (tmp_path / "publicity" / "release.docx", "Word document (*.docx)"),
            (tmp_path / "leadership" / "release.pdf", "PDF (*.pdf)"),
        ]
    )

    def save_as(parent, caption, proposed, filters, chosen):
        questions.append((Path(proposed), chosen))
        path, kind = next(answers, ("", ""))
        return str(path), kind

    for folder in ("publicity", "leadership"):
        (tmp_path / folder).mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    # Given a Word file exported to the publicity office's folder,
    dialog.export()
    # the next export proposes a Word file there,
    dialog.export()
    assert questions[1][0].parent == tmp_path / "publicity"
    assert questions[1][0].suffix == ".docx" and questions[1][1] == "Word document (*.docx)"
    # and after a PDF to the leadership's folder, a PDF there, the Word folder still kept
    dialog.export()
    assert questions[2][0].parent == tmp_path / "leadership"
    assert (questions[2][0].suffix, questions[2][1]) == (".pdf", "PDF (*.pdf)")
    assert dialog.proposed_path(".docx").parent == tmp_path / "publicity"


def test_chinese_preview_lists_the_names_printed_in_latin(qtbot, sample_store, sample_meeting):
    """A person with no Chinese name prints in Latin in a Chinese release: the preview says whom."""
    people = sample_store.people.get_many(sample_meeting.people_ids()).values()
    named = [p for p in people if p.name_zh]
    d = SummaryPreviewDialog(sample_store, sample_meeting.id)
    qtbot.addWidget(d)
    d.set_language("zh")
    before = d.message.text()
    assert named[0].display_name not in before.partition("printed in Latin")[2]
    named[0].name_zh = ""
    sample_store.people.save(named[0])
    d.set_language("en")
    d.set_language("zh")
    latin = d.message.text().partition("printed in Latin: ")[2]
    assert named[0].display_name in latin
    assert "Every text" not in d.message.text()


def test_both_languages_preview_the_chinese_then_the_english(qtbot, dialog, tmp_path):
    dialog.set_language("zh")
    qtbot.waitUntil(lambda: dialog.pages > 0, timeout=5000)
    chinese_pages = dialog.pages
    dialog.pages = 0
    dialog.set_language("both")
    qtbot.waitUntil(lambda: dialog.pages > 0, timeout=5000)
    assert dialog.pages > chinese_pages
    assert "Chinese form(s) missing" in dialog.message.text()  # the Chinese half's, named
    text = read_back(dialog.export_to(tmp_path / "both.html"))
    assert text.index("上海理工大学参加") < text.index("USST participated in")

"""A bilingual document's pages each carry the running header of their own half.

The Chinese half of ``--lang both`` is headed by the meeting's Chinese title and
date; its English half kept that Chinese header on every page, in the PDF and in
Word alike. Each page's first line (pdftotext lays the header out first) is read
back here, for the release and the minutes, from the PDF file, from what printing
paints, and from the Word file as LibreOffice prints it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk.summary import write_summary
from tests.tools import pdftotext_pages


def _headers(pdf: Path) -> list[str]:
    """Each page's running header: its first line, without the "n / N" at its right."""
    firsts = [
        next(line for line in page.splitlines() if line.strip()) for page in pdftotext_pages(pdf)
    ]
    return [line.rsplit("  ", 1)[0].strip() for line in firsts]


def _english_from(pdf: Path, opening: str) -> int:
    """The index of the page the English half starts on."""
    return next(n for n, page in enumerate(pdftotext_pages(pdf)) if opening in page)


@pytest.mark.parametrize(
    ("template", "opening"), [("news", "USST participated in"), ("minutes", "Attendees")]
)
def test_each_half_of_a_bilingual_pdf_is_headed_in_its_own_language(
    sample_store, sample_meeting, tmp_path, template, opening
):
    pdf = tmp_path / f"{template}.pdf"
    write_summary(sample_store, sample_meeting.id, template, pdf, lang="both")
    headers = _headers(pdf)
    english = _english_from(pdf, opening)
    assert 0 < english < len(headers)
    chinese_title = sample_meeting.title_zh[:12]
    for n, header in enumerate(headers):
        if n < english:
            assert header.startswith(chinese_title) and "2021年12月22日" in header, (n, header)
        else:
            assert header.startswith("Annual Meeting and Exchange"), (n, header)
            assert not any("\u4e00" <= ch <= "\u9fff" for ch in header), (n, header)


def test_a_one_language_pdf_keeps_one_header(sample_store, sample_meeting, tmp_path):
    pdf = tmp_path / "news.pdf"
    write_summary(sample_store, sample_meeting.id, "news", pdf, lang="zh")
    headers = _headers(pdf)
    assert len(set(headers)) == 1 and headers[0].startswith(sample_meeting.title_zh[:12])


def test_printing_a_bilingual_release_heads_each_half_in_its_language(
    qapp, sample_store, sample_meeting, tmp_path
):
    """What the preview and the printer get: printed here to Qt's PDF printer."""
    from PySide6.QtGui import QPageSize
    from PySide6.QtPrintSupport import QPrinter

    from eventdesk.summary import print_summary

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    pdf = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(pdf))
    assert print_summary(sample_store, sample_meeting.id, "news", printer, "both") > 1
    headers = _headers(pdf)
    english = _english_from(pdf, "USST participated in")
    assert headers[english - 1].startswith(sample_meeting.title_zh[:12])
    assert headers[english].startswith("Annual Meeting and Exchange")


@pytest.mark.slow  # LibreOffice starts slowly
def test_each_half_of_a_bilingual_word_file_is_headed_in_its_own_language(
    sample_store, sample_meeting, tmp_path
):
    """The English half is a section of its own, with the English template's header; the
    pages are numbered on through both."""
    from docx import Document

    from tests.tools import soffice_convert

    docx = tmp_path / "news.docx"
    write_summary(sample_store, sample_meeting.id, "news", docx, lang="both")
    chinese, english = Document(str(docx)).sections
    assert chinese.header.paragraphs[0].text.startswith(sample_meeting.title_zh[:12])
    assert english.header.paragraphs[0].text.startswith("Annual Meeting and Exchange")
    (pdf,) = soffice_convert([docx], "pdf", tmp_path / "pdf", tmp_path / "profile")
    headers = _headers(pdf)
    first_english = _english_from(pdf, "USST participated in")
    assert 0 < first_english < len(headers)
    for n, header in enumerate(headers):
        if n < first_english:
            assert header.replace(" ", "").startswith(sample_meeting.title_zh[:12]), (n, header)
        else:
            assert header.startswith("Annual Meeting and Exchange"), (n, header)
    numbers = [page.splitlines()[0].split()[-1] for page in pdftotext_pages(pdf)]
    assert numbers == [f"{n}/{len(numbers)}" for n in range(1, len(numbers) + 1)]

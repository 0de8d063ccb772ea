"""Fixtures for the summary tests: the example meeting, a private templates folder, readers.

Rendered documents are read back the way a person would see their words:
the PDF's text through pypdf, the DOCX's paragraphs, tables and header through
python-docx, the HTML's text without its tags. White space is collapsed first,
because PDF text extraction breaks lines where the layout did.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from eventdesk import paths
from eventdesk.store import EventStore


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch) -> Path:
    """Every test gets its own user data folder, so no real templates folder is read."""
    folder = tmp_path / "userdata"
    folder.mkdir()
    monkeypatch.setattr(paths, "data_dir", lambda: folder)
    return folder


@pytest.fixture
def meeting_id(sample_store: EventStore) -> int:
    (row,) = sample_store.meetings.list()
    return row.id


def squash(text: str) -> str:
    return " ".join(text.split())


CJK = "\u3000-\u9fff\uff00-\uffef"


def squash_pdf(text: str) -> str:
    """Collapse white space, and drop what text extraction puts around Chinese characters."""
    text = re.sub(rf"\s+(?=[{CJK}])|(?<=[{CJK}])\s+", "", text)
    text = re.sub(rf"\(\s+(?=[{CJK}])", "(", text)
    return squash(text)


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    return squash_pdf(" ".join(page.extract_text() or "" for page in PdfReader(str(path)).pages))


def pdf_pages(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [squash_pdf(page.extract_text() or "") for page in PdfReader(str(path)).pages]


def docx_text(path: Path) -> str:
    from docx import Document

    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return squash(" ".join(parts))


def html_text(path: Path) -> str:
    source = path.read_text(encoding="utf-8")
    source = re.sub(r"<(style|script)[^>]*>.*?</\1>", " ", source, flags=re.S)
    return squash(html.unescape(re.sub(r"<[^>]+>", " ", source)))


def read_back(path: Path) -> str:
    return {".pdf": pdf_text, ".docx": docx_text, ".html": html_text}[path.suffix](path)


def save_meeting(store: EventStore, title: str = "Quiet meeting", **fields) -> int:
    """A meeting saved through the store, as the editor would; returns its id."""
    from datetime import date

    from eventdesk.records import Meeting

    meeting = Meeting(title=title, start_date=fields.pop("start_date", date(2024, 1, 5)), **fields)
    return store.meetings.save(meeting).id


KIND_DATA = Path(__file__).parent / "data"
_kind_files: dict[tuple[Path, str, str, str, str], Path] = {}


def kind_document(folder: Path, kind: str, template: str, lang: str, suffix: str) -> Path:
    """The document of the fixture meeting of ``kind`` (``data/KIND.json``), written once per
    ``folder`` (a module's): the file. Each kind is imported into a store of its own there."""
    from eventdesk.store.interchange import import_file
    from eventdesk.summary import write_summary

    key = (folder, kind, template, lang, suffix)
    if key not in _kind_files:
        with EventStore.open(folder / f"{kind}.sqlite3") as store:
            if not store.meetings.list():
                import_file(store, KIND_DATA / f"{kind}.json")
            (row,) = store.meetings.list()
            out = folder / f"{kind}-{template}-{lang}{suffix}"
            write_summary(store, row.id, template, out, lang=lang)
        _kind_files[key] = out
    return _kind_files[key]

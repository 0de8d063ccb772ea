"""A bilingual document: ``--lang both`` gives the Chinese release or minutes, then the English.

Given a forum and a signing recorded in both languages, when each is written
with ``--lang both`` as PDF, DOCX and HTML, then the Chinese document reads
back first and the English one after it, each whole; in the PDF the English
one starts on a page of its own; in Word its pictures are there too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk.cli.main import main
from eventdesk.store import EventStore
from eventdesk.store.interchange import import_file
from eventdesk.summary import write_summary
from tests.summary.conftest import pdf_pages, read_back

DATA = Path(__file__).parent / "data"

#: What each half must hold, in order: the Chinese first, the English after it.
HALVES = {
    ("forum", "news"): (
        "上海理工大学、香港理工大学和澳门大学联合主办2025沪港澳大学校长论坛",
        "USST, PolyU and UM co-hosted the",
    ),
    ("forum", "minutes"): ("会议纪要：2025沪港澳大学校长论坛", "Minutes: Shanghai-Hong"),
    ("agreement", "news"): ("上海理工大学与香港教育大学签署", "signed a new cooperation agreement"),
    ("agreement", "minutes"): ("出席人员", "Attendees"),
}


@pytest.fixture(scope="module")
def stores(tmp_path_factory) -> dict[str, tuple[Path, int]]:
    found = {}
    for kind in ("forum", "agreement"):
        db = tmp_path_factory.mktemp(kind) / f"{kind}.sqlite3"
        with EventStore.open(db) as store:
            import_file(store, DATA / f"{kind}.json")
            (row,) = store.meetings.list()
        found[kind] = (db, row.id)
    return found


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".html"])
@pytest.mark.parametrize(("kind", "template"), list(HALVES))
def test_the_chinese_document_then_the_english_one(stores, tmp_path, kind, template, suffix):
    db, meeting_id = stores[kind]
    out = tmp_path / f"{template}{suffix}"
    with EventStore.open(db) as store:
        write_summary(store, meeting_id, template, out, lang="both")
    text = read_back(out)
    chinese, english = HALVES[kind, template]
    assert chinese in text and english in text
    assert text.index(chinese) < text.index(english)
    with EventStore.open(db) as store:
        for lang in ("zh", "en"):  # each half whole: as long as the document alone
            alone = tmp_path / f"alone-{lang}{suffix}"
            write_summary(store, meeting_id, template, alone, lang=lang)
            assert read_back(alone)[-15:] in text  # its last words


def test_the_english_release_starts_on_a_page_of_its_own(stores, tmp_path):
    db, meeting_id = stores["forum"]
    out = tmp_path / "release.pdf"
    argv = ["--db", str(db), "summary", str(meeting_id), "--lang", "both", "-o", str(out)]
    assert main(argv) == 0
    pages = pdf_pages(out)
    (first_english,) = [n for n, page in enumerate(pages) if "USST, PolyU and UM co-hosted" in page]
    assert first_english > 0
    assert "分别致辞" not in pages[first_english]  # no Chinese sentence on the English page
    assert "分别致辞" in " ".join(pages[:first_english])


def test_word_carries_the_pictures_of_both_halves(sample_store, meeting_id, tmp_path):
    from docx import Document

    out = tmp_path / "release.docx"
    write_summary(sample_store, meeting_id, "news", out, lang="both")
    photos = len(sample_store.meetings.get(meeting_id).photos)
    document = Document(str(out))
    assert photos > 0 and len(document.inline_shapes) == 2 * photos
    for shape in document.inline_shapes:  # each points at an image the document holds
        blip = shape._inline.graphic.graphicData.pic.blipFill.blip
        assert document.part.related_parts[blip.embed].content_type.startswith("image/")

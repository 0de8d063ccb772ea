"""English in a Chinese document: set apart from the Latin beside it, and every Latin name told.

Given meetings whose records lack some Chinese forms (an organisation, a title,
a decision, a person's Chinese name), when their Chinese release and minutes
are written, then the English printed in their place never runs into the
English beside it ("Ministry of EducationDeputy Director", "free of
charge.All the members"), read back from the HTML, the PDF and the Word file;
and every person printed in Latin is named on stderr before the file is
written, and in what ``write_summary`` returns.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from eventdesk.cli.main import main
from eventdesk.store import EventStore
from eventdesk.store.interchange import import_file
from eventdesk.summary import write_summary
from eventdesk.summary.script import separate_latin
from tests.summary.conftest import read_back

DATA = Path(__file__).parent / "data"
#: Two English texts run together: a word's end, then a capital (EducationDeputy, charge.All).
GLUED = re.compile(r"[a-z0-9)][.!?,;:]?[A-Z]")


def _without_chinese(value):
    """A fixture as a clerk who typed no Chinese form at all would have it."""
    if isinstance(value, dict):
        return {
            k: ("" if k.endswith("_zh") and isinstance(v, str) else _without_chinese(v))
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [_without_chinese(v) for v in value]
    return value


@pytest.fixture(params=["forum", "agreement", "visited", "cohost"])
def english_only(request, tmp_path) -> tuple[EventStore, int]:
    data = _without_chinese(json.loads((DATA / f"{request.param}.json").read_text("utf-8")))
    source = tmp_path / "meeting.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    store = EventStore.open(tmp_path / "english.sqlite3")
    import_file(store, source)
    (row,) = store.meetings.list()
    return store, row.id


@pytest.mark.parametrize("template", ["news", "minutes"])
@pytest.mark.parametrize("suffix", [".html", ".pdf", ".docx"])
def test_english_printed_in_chinese_is_never_glued_to_english(
    english_only, tmp_path, suffix, template
):
    store, meeting_id = english_only
    out = tmp_path / f"{template}{suffix}"
    with store:
        write_summary(store, meeting_id, template, out, lang="zh")
    text = read_back(out)
    glued = [text[max(0, m.start() - 20) : m.end() + 10] for m in GLUED.finditer(text)]
    assert glued == []
    assert re.search("[\u4e00-\u9fff]", text)  # a Chinese document, its own words in Chinese


def test_an_organisation_and_a_title_without_chinese_are_two_words(tmp_path):
    data = json.loads((DATA / "forum.json").read_text("utf-8"))
    for org in data["organisations"]:
        if org["name"].endswith("of the Ministry of Education"):
            org["name_zh"] = ""
    for attendee in data["meetings"][0]["attendees"]:
        attendee["title_zh"] = ""
    source = tmp_path / "forum.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with EventStore.open(tmp_path / "forum.sqlite3") as store:
        import_file(store, source)
        (row,) = store.meetings.list()
        for suffix in (".html", ".pdf", ".docx"):
            out = tmp_path / f"news{suffix}"
            write_summary(store, row.id, "news", out, lang="zh")
            text = read_back(out)
            assert "Taiwan Affairs Office of the Ministry of Education Deputy Director" in text
            assert "EducationDeputy" not in text


def test_two_english_decisions_are_two_sentences(tmp_path):
    with EventStore.open(tmp_path / "visited.sqlite3") as store:
        import_file(store, DATA / "visited.json")
        (row,) = store.meetings.list()
        meeting = store.meetings.get(row.id)
        for decision in meeting.decisions:
            decision.text_zh = ""
        meeting.summary_zh = ""
        store.meetings.save(meeting)
        for suffix in (".html", ".pdf", ".docx"):
            out = tmp_path / f"minutes{suffix}"
            write_summary(store, row.id, "minutes", out, lang="zh")
            assert GLUED.search(read_back(out)) is None


def test_every_latin_name_is_told(capsys, tmp_path):
    db = tmp_path / "signing.sqlite3"
    with EventStore.open(db) as store:
        import_file(store, DATA / "signing.json")
        (row,) = store.meetings.list()
    out = tmp_path / "release.pdf"
    argv = ["--db", str(db), "summary", str(row.id), "--lang", "zh", "-o", str(out)]
    assert main(argv) == 0
    err = capsys.readouterr().err
    assert "person YOO Ji-beom: no Chinese name; printed in Latin" in err
    assert "YOO Ji-beom" in read_back(out)
    with EventStore.open(db) as store:
        warnings = write_summary(store, row.id, "news", tmp_path / "again.html", lang="zh")
    assert "person YOO Ji-beom: no Chinese name; printed in Latin" in warnings
    capsys.readouterr()
    # In English the Latin name is the name: nothing to tell.
    assert main([*argv[:5], "en", *argv[6:]]) == 0
    assert "YOO Ji-beom" not in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "latin", "expected"),
    [
        (
            "教育部EducationDeputy Director",
            ["Education", "Deputy Director"],
            "教育部Education Deputy Director",
        ),
        (
            "free of charge.All the members",
            ["free of charge.", "All the members"],
            "free of charge. All the members",
        ),
        ("香港理工大学PolyU代表", ["PolyU"], "香港理工大学PolyU代表"),  # a word is never split
        ("Deanna", ["Dean"], "Deanna"),
        ("副校长LEE Byung-Hyun率团", ["LEE Byung-Hyun"], "副校长LEE Byung-Hyun率团"),
    ],
)
def test_only_the_edges_of_printed_english_are_parted(text, latin, expected):
    assert separate_latin(text, latin) == expected

"""One script per document: a Chinese release or minutes in simplified or traditional throughout.

Given a forum whose records mix the scripts (two partners' names typed in
traditional, the rest in simplified, as a partner's list and a mainland
keyboard give them), when its Chinese documents are written in simplified
(the default, ``--lang zh-Hans``) and in traditional (``--lang zh-Hant``, or
the office's choice behind ``--lang zh``), then every recorded text and
every template word reads back in that script from the HTML, the PDF and the
Word file, header and headline too; people's names print as recorded unless
the office chose to convert them as well.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk.cli.main import main
from eventdesk.store import EventStore
from eventdesk.store.interchange import import_file
from eventdesk.summary import write_summary
from eventdesk.summary.script import convert, convert_tree, keep
from tests.summary.conftest import read_back

DATA = Path(__file__).parent / "data"


@pytest.fixture
def forum(tmp_path: Path) -> tuple[Path, int]:
    """The hosted forum, its Hong Kong and Macao partners' names recorded in traditional."""
    db = tmp_path / "forum.sqlite3"
    with EventStore.open(db) as store:
        import_file(store, DATA / "forum.json")
        (row,) = store.meetings.list()
        for org in store.organisations.list(""):
            if org.name_zh in ("香港理工大学", "澳门大学"):
                record = store.organisations.get(org.id)
                record.name_zh = {"香港理工大学": "香港理工大學", "澳门大学": "澳門大學"}[
                    org.name_zh
                ]
                store.organisations.save(record)
    return db, row.id


def _write(db: Path, meeting_id: int, template: str, lang: str, out: Path) -> str:
    with EventStore.open(db) as store:
        write_summary(store, meeting_id, template, out, lang=lang)
    return read_back(out)


@pytest.mark.parametrize("suffix", [".html", ".pdf", ".docx"])
def test_a_traditional_release_is_traditional_throughout(forum, tmp_path, suffix):
    db, meeting_id = forum
    text = _write(db, meeting_id, "news", "zh-Hant", tmp_path / f"release{suffix}")
    # Template words, recorded texts in either script, the headline: all traditional.
    assert "上海理工大學、香港理工大學和澳門大學聯合主辦2025滬港澳大學校長論壇" in text
    assert "在上海理工大學學術交流中心舉行" in text
    assert "分別致辭" in text
    for simplified in ("主办", "大学", "会议", "论坛", "学术", "澳门", "举行"):
        assert simplified not in text, simplified
    # People's names are kept as recorded.
    assert "上海理工大學校長丁晓东" in text


@pytest.mark.parametrize("suffix", [".html", ".pdf", ".docx"])
def test_a_simplified_release_folds_the_names_typed_in_traditional(forum, tmp_path, suffix):
    db, meeting_id = forum
    text = _write(db, meeting_id, "news", "zh-Hans", tmp_path / f"release{suffix}")
    assert "上海理工大学、香港理工大学和澳门大学联合主办" in text
    assert "大學" not in text and "澳門" not in text


@pytest.mark.parametrize("suffix", [".html", ".docx", ".pdf"])
def test_traditional_minutes_print_their_headings_in_traditional(forum, tmp_path, suffix):
    db, meeting_id = forum
    text = _write(db, meeting_id, "minutes", "zh-Hant", tmp_path / f"minutes{suffix}")
    assert "會議紀要" in text and "出席人員" in text and "議程" in text
    assert "会议纪要" not in text and "出席人员" not in text


def test_the_pdf_running_header_follows_the_script(forum, tmp_path):
    from pypdf import PdfReader

    db, meeting_id = forum
    out = tmp_path / "minutes.pdf"
    _write(db, meeting_id, "minutes", "zh-Hant", out)
    first = PdfReader(str(out)).pages[0].extract_text()
    assert "滬港澳大學校長論壇" in first.replace(" ", "").replace("\n", "")


def test_the_office_may_convert_names_too(forum, tmp_path):
    db, meeting_id = forum
    with EventStore.open(db) as store:
        store.office.set_convert_names(True)
    text = _write(db, meeting_id, "news", "zh-Hant", tmp_path / "release.html")
    assert "上海理工大學校長丁曉東" in text and "晓" not in text


def test_the_html_names_its_chinese(forum, tmp_path):
    db, meeting_id = forum
    out = tmp_path / "release.html"
    _write(db, meeting_id, "news", "zh-Hant", out)
    assert '<html lang="zh-HK">' in out.read_text(encoding="utf-8")
    _write(db, meeting_id, "news", "zh-Hans", out)
    assert '<html lang="zh-CN">' in out.read_text(encoding="utf-8")


def test_taiwan_forms_where_asked(forum, tmp_path):
    db, meeting_id = forum
    with EventStore.open(db) as store:
        store.office.set_convert_names(True)
        meeting = store.meetings.get(meeting_id)
        meeting.summary_zh = "卫生楼落成。"  # Hong Kong writes 衞, Taiwan 衛
        store.meetings.save(meeting)
    assert "衛生樓" in _write(db, meeting_id, "news", "zh-Hant-TW", tmp_path / "tw.html")
    assert "衞生樓" in _write(db, meeting_id, "news", "zh-Hant", tmp_path / "hk.html")


def test_zh_prints_the_office_script(forum, tmp_path, capsys):
    db, meeting_id = forum
    out = tmp_path / "release.html"
    argv = ["--db", str(db), "summary", str(meeting_id), "--lang", "zh", "-o", str(out)]
    assert main(argv) == 0
    assert "联合主办" in read_back(out)  # simplified unless the office chose otherwise
    with EventStore.open(db) as store:
        store.office.set_chinese_script("zh-Hant")
    assert main(argv) == 0
    assert "聯合主辦" in read_back(out)
    assert main([*argv[:5], "zh-Hans", *argv[6:]]) == 0  # a script named wins
    assert "联合主办" in read_back(out)
    capsys.readouterr()


def test_the_office_script_is_kept_in_the_database(tmp_path):
    db = tmp_path / "office.sqlite3"
    with EventStore.open(db) as store:
        assert store.office.chinese_script() == "zh-Hans" and not store.office.convert_names()
        store.office.set_chinese_script("zh-Hant-TW")
        store.office.set_convert_names(True)
        with pytest.raises(ValueError, match="zh-Hans, zh-Hant, zh-Hant-TW"):
            store.office.set_chinese_script("zh-Latn")
    with EventStore.open(db) as store:
        assert store.office.chinese_script() == "zh-Hant-TW" and store.office.convert_names()


def test_kept_text_is_left_as_recorded_and_unmarked():
    text = f"{keep('丁晓东')}校长与{keep('張家輝')}会见"
    assert convert(text, "zh-Hant") == "丁晓东校長與張家輝會見"
    assert convert(text, "zh-Hans") == "丁晓东校长与張家輝会见"
    tree = {"a": [("标签", text)], "b": "English only"}
    assert convert_tree(tree, "zh-Hant") == {
        "a": [("標籤", "丁晓东校長與張家輝會見")],
        "b": "English only",
    }

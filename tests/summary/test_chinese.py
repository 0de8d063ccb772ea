"""Chinese news releases and minutes: `--lang zh`, the missing Chinese forms, the dates.

Given a meeting whose records hold the Chinese forms, when its Chinese release
is written from the command line, then dates read 2025年4月15日, titles come
before names, lists join with 、 and 和, and a person with no Chinese name is
printed in the Latin display form. Where a Chinese form is missing, the
English is printed and the field is named on stderr before the file is
written.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventdesk.cli.main import main
from eventdesk.records import Organisation, OrganisationKind
from eventdesk.store import EventStore
from eventdesk.store.interchange import import_file
from eventdesk.summary import copy_templates_for_editing, fonts, write_summary
from eventdesk.summary.language import date_range, join_zh, long_date
from eventdesk.summary.people import org_phrase
from tests.summary.conftest import read_back

DATA = Path(__file__).parent / "data"


@pytest.fixture
def visited_db(tmp_path: Path) -> tuple[str, int]:
    db = tmp_path / "visited.sqlite3"
    with EventStore.open(db) as store:
        import_file(store, DATA / "visited.json")
        (row,) = store.meetings.list()
    return str(db), row.id


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_cli_writes_the_chinese_release_as_pdf(capsys, visited_db, tmp_path):
    db, meeting_id = visited_db
    out = tmp_path / "release.pdf"
    status, stdout, err = run(
        capsys,
        "--db",
        db,
        "summary",
        str(meeting_id),
        "--template",
        "news",
        "--lang",
        "zh",
        "-o",
        str(out),
    )
    assert (status, stdout) == (0, f"Wrote {out}.\n")
    assert err.splitlines() == [  # every Chinese form is there; two names have none
        "eventdesk: warning: person LEE Byung-Hyun: no Chinese name; printed in Latin",
        "eventdesk: warning: person PARK Soo-jin: no Chinese name; printed in Latin",
    ]
    text = read_back(out)
    assert "2025年4月15日，韩国延世大学副校长LEE Byung-Hyun率团访问上海理工大学。" in text
    assert "副校长蔡永莲" in text and "国际学研究生院副教授張家輝" in text


def test_english_stays_the_default(capsys, visited_db, tmp_path):
    db, meeting_id = visited_db
    out = tmp_path / "release.html"
    assert run(capsys, "--db", db, "summary", str(meeting_id), "-o", str(out))[0] == 0
    assert "On April 15, 2025, a delegation from Yonsei University" in read_back(out)


def test_an_unknown_language_is_a_command_line_error(capsys, visited_db, tmp_path):
    db, meeting_id = visited_db
    with pytest.raises(SystemExit) as exit_:
        main(
            ["--db", db, "summary", str(meeting_id), "--lang", "fr", "-o", str(tmp_path / "x.pdf")]
        )
    assert exit_.value.code == 2
    assert "--lang" in capsys.readouterr().err


def test_each_missing_chinese_form_is_named_and_the_english_printed(capsys, visited_db, tmp_path):
    db, meeting_id = visited_db
    with EventStore.open(Path(db)) as store:
        meeting = store.meetings.get(meeting_id)
        park = next(a for a in meeting.attendees if a.title == "Director" and a.side == "partner")
        park.title_zh = ""
        meeting.decisions[1].text_zh = ""
        store.meetings.save(meeting)
    out = tmp_path / "release.docx"
    status, stdout, err = run(
        capsys, "--db", db, "summary", str(meeting_id), "--lang", "zh", "-o", str(out)
    )
    assert (status, stdout) == (0, f"Wrote {out}.\n")
    assert err.splitlines() == [
        "eventdesk: warning: person LEE Byung-Hyun: no Chinese name; printed in Latin",
        "eventdesk: warning: attendee PARK Soo-jin › title_zh: no Chinese form; "
        "the English 'Director' is printed",
        "eventdesk: warning: person PARK Soo-jin: no Chinese name; printed in Latin",
        "eventdesk: warning: decision 2 › text_zh: no Chinese form; "
        "the English 'Promote talent co-cultivation' is printed",
    ]
    text = read_back(out)
    assert "国际处Director PARK Soo-jin" in text
    assert "双方同意共建联合实验室、Promote talent co-cultivation和扩大学生短期交流。" in text


def test_dates_come_from_cldr_in_both_languages():
    assert long_date(date(2025, 4, 15), "zh") == "2025年4月15日"
    assert long_date(date(2021, 12, 22), "en") == "December 22, 2021"
    assert date_range(date(2025, 3, 12), date(2025, 3, 13), "zh") == "2025年3月12日至13日"
    assert date_range(date(2025, 6, 30), date(2025, 7, 2), "zh") == "2025年6月30日至7月2日"


def test_chinese_lists_join_with_the_enumeration_comma_and_he():
    assert join_zh(["甲"]) == "甲"
    assert join_zh(["甲", "乙"]) == "甲和乙"
    assert join_zh(["甲", "乙", "丙"]) == "甲、乙和丙"


@pytest.mark.parametrize(
    ("name", "kind", "phrase"),
    [
        (
            "University of Shanghai for Science and Technology",
            "university",
            "the University of Shanghai for Science and Technology",
        ),
        ("Yonsei University", "university", "Yonsei University"),
        ("City University of Hong Kong", "university", "City University of Hong Kong"),
        (
            "The Hong Kong Polytechnic University",
            "university",
            "the Hong Kong Polytechnic University",
        ),
        ("Ministry of Education", "government", "the Ministry of Education"),
        (
            "Shanghai-Hong Kong University Alliance",
            "alliance",
            "the Shanghai-Hong Kong University Alliance",
        ),
        ("Huawei", "company", "Huawei"),
    ],
)
def test_names_that_need_an_article_get_one(name, kind, phrase):
    assert org_phrase(Organisation(name=name, kind=OrganisationKind(kind))) == phrase


def test_chinese_templates_are_user_editable(visited_db, tmp_path, data_dir):
    folder = copy_templates_for_editing()
    for name in (
        "news_prose_zh.txt.j2",
        "news_zh.html.j2",
        "minutes_zh.html.j2",
        "news_zh.docx",
        "minutes_zh.docx",
    ):
        assert (folder / name).is_file(), name
    prose = folder / "news_prose_zh.txt.j2"
    prose.write_text(
        prose.read_text(encoding="utf-8").replace("率团访问", "率代表团来访"), encoding="utf-8"
    )
    db, meeting_id = visited_db
    with EventStore.open(Path(db)) as store:
        for suffix in (".html", ".docx"):
            out = tmp_path / f"edited{suffix}"
            write_summary(store, meeting_id, "news", out, lang="zh")
            assert "副校长LEE Byung-Hyun率代表团来访上海理工大学" in read_back(out)


HK_TW = "衞峯綫邨"


def test_names_used_in_hong_kong_and_taiwan_print_without_a_warning(capsys, tmp_path):
    db = tmp_path / "visiting.sqlite3"
    with EventStore.open(db) as store:
        import_file(store, DATA / "visiting.json")
        (row,) = store.meetings.list()
        meeting = store.meetings.get(row.id)
        meeting.venue_zh = "華富邨賽馬會創新樓"
        meeting.summary_zh = "双方就交换生年度招收、博士生联合指导和网上学习平台交换了意见。"
        store.meetings.save(meeting)
    assert {ord(c) for c in HK_TW} <= fonts.bundled_codepoints()
    for suffix in (".pdf", ".html", ".docx"):
        out = tmp_path / f"release{suffix}"
        status, _, err = run(
            capsys, "--db", str(db), "summary", str(row.id), "--lang", "zh-Hant", "-o", str(out)
        )
        assert (status, err) == (0, "")
        text = read_back(out)  # in Hong Kong's forms (衞, 峯, 綫 kept, 华 written 華)
        assert "副校長（環球事務）曾衞峯" in text and "處長林綫儀" in text and "華富邨" in text

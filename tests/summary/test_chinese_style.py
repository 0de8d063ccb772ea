"""Chinese documents as a Chinese office publishes them.

Given the forum we co-hosted and the online meeting with the Hong Kong Education Bureau's
secretary, when their Chinese release and minutes are written and read back, then a speaker is
an 演讲嘉宾 or, having given a report, a 报告人 (never 发言人, a spokesperson); parentheses in
Chinese text are full-width (年会（2021）); captions are upright; and the Hong Kong government
body is named with its government (香港特区政府教育局).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventdesk.records import Meeting
from eventdesk.store import EventStore
from eventdesk.store.interchange import import_file
from eventdesk.summary import render_html, write_summary
from eventdesk.summary.language import fullwidth_brackets
from tests.summary.conftest import read_back, squash

DATA = Path(__file__).parent / "data"


def imported(tmp_path: Path, name: str) -> tuple[EventStore, int]:
    store = EventStore.open(tmp_path / f"{name}.sqlite3")
    import_file(store, DATA / f"{name}.json")
    (row,) = store.meetings.list()
    return store, row.id


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".html"])
def test_a_speaker_is_an_invited_speaker_or_a_presenter(tmp_path, suffix):
    store, mid = imported(tmp_path, "cohost")
    forum, fid = imported(tmp_path, "forum")
    with store, forum:
        write_summary(store, mid, "minutes", tmp_path / f"cohost{suffix}", lang="zh")
        write_summary(forum, fid, "minutes", tmp_path / f"forum{suffix}", lang="zh")
    cohost = read_back(tmp_path / f"cohost{suffix}")
    presenters = read_back(tmp_path / f"forum{suffix}")
    assert "发言人" not in cohost + presenters
    assert "演讲嘉宾" in cohost  # the Secretary for Education spoke without a talk record
    assert "报告人" in presenters  # the professors gave presentations


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("沪港大学联盟年会 (2021)", "沪港大学联盟年会（2021）"),
        ("副校長(環球事務)", "副校長（環球事務）"),
        ("(香港)理工大学", "（香港）理工大学"),
        (
            "Principal Assistant Secretary (Higher Education)",
            "Principal Assistant Secretary (Higher Education)",
        ),
    ],
)
def test_parentheses_in_chinese_text_are_full_width(text, expected):
    assert fullwidth_brackets(text) == expected


def test_a_chinese_title_typed_with_half_width_parentheses_prints_full_width(fresh_store):
    meeting = Meeting(
        "Annual Meeting (2021)",
        date(2021, 12, 22),
        title_zh="沪港大学联盟年会 (2021)",
        series="Annual meeting",
        series_zh="沪港大学联盟年会",
        edition="2021",
    )
    mid = fresh_store.meetings.save(meeting).id
    minutes = squash(render_html(fresh_store, mid, "minutes", lang="zh"))
    assert "沪港大学联盟年会（2021）" in minutes
    assert "年会 (2021)" not in minutes and "年会(2021)" not in minutes
    assert "Annual Meeting (2021)" in squash(render_html(fresh_store, mid, "minutes"))


def test_chinese_captions_are_upright_and_english_ones_italic(sample_store, meeting_id, tmp_path):
    from docx import Document

    zh = render_html(sample_store, meeting_id, "news", lang="zh")
    en = render_html(sample_store, meeting_id, "news")
    caption_rule = next(line for line in zh.splitlines() if line.startswith("span.caption"))
    assert "italic" not in caption_rule
    assert "italic" in next(line for line in en.splitlines() if line.startswith("span.caption"))
    for lang, italic in (("zh", None), ("en", True)):
        out = tmp_path / f"news-{lang}.docx"
        write_summary(sample_store, meeting_id, "news", out, lang=lang)
        assert Document(str(out)).styles["Caption"].font.italic is italic


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".html"])
def test_the_hong_kong_government_body_is_named_with_its_government(tmp_path, suffix):
    store, mid = imported(tmp_path, "cohost")
    with store:
        write_summary(store, mid, "news", tmp_path / f"news{suffix}", lang="zh")
    assert "香港特区政府教育局局长梁文傑" in read_back(tmp_path / f"news{suffix}")


def test_the_central_government_liaison_office_is_not_the_regions(sample_store, meeting_id):
    """中央人民政府驻香港特别行政区联络办公室 is the central government's body in Hong Kong:
    it is not named as one of the Region's government (香港特区政府…)."""
    text = squash(render_html(sample_store, meeting_id, "news", lang="zh"))
    assert "中央人民政府驻香港特别行政区联络办公室" in text
    assert "香港特区政府中央人民政府" not in text

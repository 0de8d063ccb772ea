"""The news release of the example meeting carries every fact of the office's own report.

Given the example meeting, when its news release is written as PDF, DOCX or
HTML and read back, then each fact of examples/shua-2021-annual-meeting.txt
is there, names in the one display form, Chinese names in Chinese characters
(from the bundled font: this machine has no system Chinese font).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk.summary import render_html, write_summary
from tests.summary.conftest import pdf_text, read_back

OUR_PEOPLE = [
    "President DING Xiaodong",
    "Director MA Xiaoting and Deputy Director CHEN Qi of the Hong Kong, Macao and Taiwan "
    "Affairs Office",
    "Deputy Director HUANG Zhiqiang of the Party Committee (President) Office",
    "Director YANG Jiong of the Mental Health Education and Counseling Center",
]
SPEAKERS = [
    "CHENG Danhong (成旦红), Secretary of the Party Committee of Shanghai University and "
    "Chairman of the Alliance",
    "SHU Gangbo, Deputy Director of the Hong Kong, Macao and Taiwan Affairs Office of the "
    "Ministry of Education",
    "LIU Maozhou, Representative of the Liaison Office of the Central Government in the Hong "
    "Kong Special Administrative Region",
    "LI Yongzhi, Deputy Director of the Shanghai Municipal Education Commission",
    "LAI Tze-kin, Principal Assistant Secretary (Higher Education) of the Hong Kong Education "
    "Bureau",
]
FACTS = [
    "USST participated in the annual meeting of the Shanghai-Hong Kong University Alliance 2021",
    "On December 22, 2021",
    "was held online",
    "DING Xiaodong (丁晓东)",
    "At the opening ceremony",
    "delivered speeches",
    '"<Shi Jing> and Chinese Poetry Education"',
    '"Learning Entrepreneurship by Knowing and Doing"',
    "shortlisted for the excellent national condition courses",
    "10 USST students",
    "summer international courses of Fudan University",
    "Hong Kong Baptist University was elected Chairman of the 3rd Council",
    "Tongji University and Lingnan University were elected Vice Chairmen",
    '"The Growth of Pony 98 during the Epidemic"',
    "established on November 6, 2018",
    "sixteen universities: eight in Shanghai and eight in Hong Kong",
    "City University of Hong Kong",
]


_written: dict[str, str] = {}


@pytest.fixture(params=[".pdf", ".docx", ".html"])
def news_text(request, sample_store, meeting_id, tmp_path: Path) -> str:
    """The release as read back; written once per format (the records do not change)."""
    if request.param not in _written:
        path = tmp_path / f"news{request.param}"
        warnings = write_summary(sample_store, meeting_id, "news", path)
        assert warnings == []
        _written[request.param] = read_back(path)
    return _written[request.param]


def test_our_delegation_with_titles_in_one_sentence(news_text):
    sentence = ", ".join(OUR_PEOPLE[:-1]) + ", and " + OUR_PEOPLE[-1] + " attended the meeting"
    assert sentence.replace("President DING Xiaodong", "President DING Xiaodong (丁晓东)") in (
        news_text
    )


@pytest.mark.parametrize("speaker", SPEAKERS)
def test_each_opening_speaker_with_capacity(news_text, speaker):
    assert speaker in news_text


@pytest.mark.parametrize("fact", FACTS)
def test_each_fact_of_the_office_report(news_text, fact):
    assert fact in news_text


def test_all_ten_names_in_display_form(news_text):
    for name in [
        "DING Xiaodong",
        "MA Xiaoting",
        "CHEN Qi",
        "HUANG Zhiqiang",
        "YANG Jiong",
        "CHENG Danhong",
        "SHU Gangbo",
        "LIU Maozhou",
        "LI Yongzhi",
        "LAI Tze-kin",
    ]:
        assert name in news_text
    assert "CHENn" not in news_text and "HUANGg" not in news_text


def test_lists_read_as_prose_not_bullets(sample_store, meeting_id):
    page = render_html(sample_store, meeting_id, "news")
    assert "<li>" not in page and "<ul" not in page


def test_chinese_names_come_from_the_bundled_font(sample_store, meeting_id, tmp_path):
    """The only font in the PDF is ours, so 丁晓东 shows without any system Chinese font."""
    from pypdf import PdfReader

    path = tmp_path / "news.pdf"
    write_summary(sample_store, meeting_id, "news", path)
    fonts = set()
    for page in PdfReader(str(path)).pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert fonts and all("EventDeskNotoSansCJKsc" in f for f in fonts)
    assert "丁晓东" in pdf_text(path) and "成旦红" in pdf_text(path)

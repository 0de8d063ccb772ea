"""The minutes of the example meeting: a formal record, section by section.

Given the example meeting, when its minutes are written, then the header
block, the attendees by side and organisation with their titles, the agenda,
the speeches, the decisions with the parties they concern and the photos with
captions are all there, in each format.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk.summary import write_summary
from tests.summary.conftest import pdf_pages, read_back

FACTS = [
    "Minutes: Annual Meeting and Exchange Symposium of the Shanghai-Hong Kong University "
    "Alliance 2021",
    "2021年沪港大学联盟年会暨交流研讨会",
    "December 22, 2021",
    "Online",
    "Attendees",
    "Our delegation",
    "Partners",
    "Others",
    "University of Shanghai for Science and Technology",
    "丁晓东",
    "成旦红",
    "Hong Kong, Macao and Taiwan Affairs Office",
    "Mental Health Education and Counseling Center",
    "Party Committee (President) Office",
    "Secretary of the Party Committee and Chairman of the Alliance",
    "Principal Assistant Secretary (Higher Education)",
    "Agenda",
    "Opening ceremony",
    "Council meeting",
    "Exchange symposium",
    "Speeches and presentations",
    '"The Growth of Pony 98 during the Epidemic"',
    "<Shi Jing> and Chinese Poetry Education",
    "Learning Entrepreneurship by Knowing and Doing",
    "Shortlisted",
    "Decisions and action items",
    "10 USST students",
    "10 students (free places)",
    "Hong Kong Baptist University (Chairman of the 3rd Council)",
    "Tongji University (Vice Chairman)",
    "Lingnan University (Vice Chairman)",
    "Photos",
    "Online group photo at the opening ceremony",
    "Topic report by YANG Jiong",
    "Background",
    "November 6, 2018",
]
NAMES = [
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
]
_written: dict[str, str] = {}


@pytest.fixture(params=[".pdf", ".docx", ".html"])
def minutes_text(request, sample_store, meeting_id, tmp_path: Path) -> str:
    if request.param not in _written:
        path = tmp_path / f"minutes{request.param}"
        write_summary(sample_store, meeting_id, "minutes", path)
        _written[request.param] = read_back(path)
    return _written[request.param]


@pytest.mark.parametrize("fact", FACTS + NAMES)
def test_each_fact_is_in_the_minutes(minutes_text, fact):
    assert fact in minutes_text


def test_docx_has_real_headings_tables_and_pictures(sample_store, meeting_id, tmp_path):
    from docx import Document

    path = tmp_path / "minutes.docx"
    write_summary(sample_store, meeting_id, "minutes", path)
    doc = Document(str(path))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:4] == ["Attendees", "Our delegation", "Partners", "Others"]
    assert {"Agenda", "Speeches and presentations", "Decisions and action items"} <= set(headings)
    assert {"Photos", "Background"} <= set(headings)
    attendees = doc.tables[1]
    assert [c.text for c in attendees.rows[0].cells] == ["Name", "Chinese name", "Title", "Role"]
    assert ["DING Xiaodong", "丁晓东", "President", "Delegate"] in [
        [c.text for c in row.cells] for row in attendees.rows
    ]
    assert len(doc.inline_shapes) == 3
    header = doc.sections[0].header
    assert "December 22, 2021" in header.paragraphs[0].text
    fields = header._element.xml
    assert "PAGE" in fields and "NUMPAGES" in fields


def test_every_pdf_page_has_the_running_header_and_n_of_n(sample_store, meeting_id, tmp_path):
    path = tmp_path / "minutes.pdf"
    write_summary(sample_store, meeting_id, "minutes", path)
    pages = pdf_pages(path)
    assert len(pages) > 1
    for n, text in enumerate(pages, 1):
        assert text.startswith("Annual Meeting and Exchange Symposium")
        assert "December 22, 2021" in text[:200]
        assert f"{n} / {len(pages)}" in text[:200]


@pytest.mark.parametrize(("size", "points"), [("A4", (595, 842)), ("Letter", (612, 792))])
def test_pdf_page_size(sample_store, meeting_id, tmp_path, size, points):
    from pypdf import PdfReader

    path = tmp_path / "minutes.pdf"
    write_summary(sample_store, meeting_id, "minutes", path, page_size=size)
    box = PdfReader(str(path)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == points


@pytest.mark.parametrize(
    ("roles", "lang", "label"),
    [
        (["co_host"] * 3, "en", "Co-hosts"),
        (["host", "co_host", "co_host"], "en", "Hosts"),
        (["host"], "en", "Host"),
        (["co_host"] * 3, "zh", "联合主办方"),
    ],
)
@pytest.mark.parametrize("suffix", [".html", ".docx"])
def test_the_hosts_label_follows_their_number_and_role(
    fresh_store, tmp_path, roles, lang, label, suffix
):
    """Given a meeting with three co-hosts, when its minutes are written, then they say
    "Co-hosts: A, B and C", not "Host"."""
    from eventdesk.records import HostOrganisation, HostRole, Organisation
    from tests.summary.conftest import save_meeting

    names = ["Tongji University", "Lingnan University", "Fudan University"][: len(roles)]
    orgs = [fresh_store.organisations.save(Organisation(name)) for name in names]
    hosts = [HostOrganisation(o.id, role=HostRole(r)) for o, r in zip(orgs, roles, strict=True)]
    meeting_id = save_meeting(fresh_store, "Annual Meeting", hosts=hosts)
    path = tmp_path / f"minutes{suffix}"
    write_summary(fresh_store, meeting_id, "minutes", path, lang=lang)
    text = read_back(path)
    assert label in text
    if label != "Host":
        assert "Host\n" not in text and "Host " not in text

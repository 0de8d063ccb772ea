"""A foreign partner's country, and a Hong Kong government body's government, on first mention.

Given the meetings of tests/summary/data with their partners' countries recorded (Yonsei
University and Sungkyunkwan University in South Korea, the University of Malaya in Malaysia,
Korea University, a Taiwan foundation, a Hong Kong university; USST in China) and a forum whose
Hong Kong Education Bureau is named 教育局, when their releases and minutes are written as HTML,
PDF and Word in English, simplified and traditional Chinese and read back, then the first
mention of a foreign organisation says its country (韩国延世大学, "Yonsei University in South
Korea"; a release's headline counts apart from the story under it) and every later one does
not; the mainland, Hong Kong, Macao and Taiwan are never foreign to each other; a name that says
its country already is not given it twice; and 香港特区政府 goes with 教育局 once.
"""

from __future__ import annotations

import json
from pathlib import Path

import jinja2
import pytest
from markupsafe import Markup

from eventdesk.records import Organisation
from eventdesk.store import EventStore
from eventdesk.store.interchange import import_document
from eventdesk.summary import write_summary
from eventdesk.summary.countries import Places, country_code, in_country_en
from eventdesk.summary.mentions import document, finalize, first_form, once, unmarked
from tests.summary.conftest import kind_document, read_back, squash_pdf

DATA = Path(__file__).parent / "data"
FORMATS = [".html", ".pdf", ".docx"]
_texts: dict[tuple[str, str, str, str], str] = {}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("first-mention")


def text_of(folder: Path, kind: str, template: str, lang: str, suffix: str) -> str:
    """The document as read back; each written once for the module."""
    key = (kind, template, lang, suffix)
    if key not in _texts:
        out = kind_document(folder, kind, template, lang, suffix)
        _texts[key] = squash_pdf(_docx_text(out) if suffix == ".docx" else read_back(out))
    return _texts[key]


def _docx_text(path: Path) -> str:
    """A Word file's paragraphs and table cells, a merged cell once (python-docx gives it for
    each column it spans)."""
    from docx import Document

    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            seen: list[object] = []
            for cell in row.cells:
                if cell._tc not in seen:
                    seen.append(cell._tc)
                    parts.append(cell.text)
    return " ".join(parts)


#: (kind, template, lang): the sentences with the first mentions, then those with later ones,
#: and how often the first mention's words are printed (headline and story count apart).
CASES = {
    ("signing", "news", "zh-Hans"): (
        [
            "上海理工大学与韩国成均馆大学签署《学术合作谅解备忘录》",
            "2025年6月3日，韩国成均馆大学校长",
        ],
        ["上海理工大学与成均馆大学签署《学术合作谅解备忘录》，", "代表成均馆大学签署"],
        ("韩国", 2),
    ),
    ("signing", "news", "zh-Hant"): (
        [
            "上海理工大學與韓國成均館大學簽署《學術合作諒解備忘錄》",
            "2025年6月3日，韓國成均館大學校長",
        ],
        ["上海理工大學與成均館大學簽署《學術合作諒解備忘錄》，", "代表成均館大學簽署"],
        ("韓國", 2),
    ),
    ("signing", "news", "en"): (
        ["a delegation from Sungkyunkwan University in South Korea led by its President"],
        ["Technology and Sungkyunkwan University signed the Memorandum"],
        ("South Korea", 1),
    ),
    ("abroad", "minutes", "zh-Hans"): (
        ["主办方 马来西亚马来亚大学"],
        ["马来亚大学 林伟明"],
        ("马来西亚马来亚大学", 1),
    ),
    ("abroad", "minutes", "zh-Hant"): (
        ["主辦方 馬來西亞馬來亞大學"],
        ["馬來亞大學 林伟明"],  # a name as recorded
        ("馬來西亞馬來亞大學", 1),
    ),
    ("abroad", "minutes", "en"): (
        ["Host University of Malaya in Malaysia"],
        ["University of Malaya LIM Wei Ming"],
        ("in Malaysia", 1),
    ),
    ("abroad", "news", "zh-Hans"): (
        ["上海理工大学代表团访问马来西亚马来亚大学", "率团访问马来西亚马来亚大学。"],
        ["马来亚大学副校长（学术与国际事务）林伟明"],
        ("马来西亚马来亚大学", 2),
    ),
    ("abroad", "news", "en"): (
        ["visited the University of Malaya in Malaysia."],
        ["International) LIM Wei Ming (林伟明) of the University of Malaya met the delegation"],
        ("in Malaysia", 2),
    ),
    ("visited", "news", "zh-Hans"): (
        [
            "韩国延世大学代表团访问上海理工大学",
            "2025年4月15日，韩国延世大学副校长LEE Byung-Hyun率团",
        ],
        [],
        ("韩国", 2),
    ),
    ("visited", "news", "en"): (
        ["a delegation from Yonsei University in South Korea led by its Vice President"],
        [],
        ("in South Korea", 2),
    ),
    ("participant", "news", "zh-Hans"): (
        ["由韩国高丽大学主办的2025年首尔高等教育论坛"],
        ["高丽大学总长金敏俊", "高丽大学教授HWANG Seung-woo主持"],
        ("韩国", 1),
    ),
    ("forum", "news", "zh-Hans"): (
        ["香港特区政府教育局副局长黄家乐"],
        [],
        ("香港特区政府", 1),
    ),
    ("forum", "minutes", "zh-Hans"): (
        ["香港特区政府教育局 黄家乐"],
        ["教育局副局长黄家乐"],
        ("香港特区政府", 1),
    ),
    ("forum", "minutes", "zh-Hant"): (
        ["香港特區政府教育局 黄家乐"],
        ["教育局副局長黄家乐"],
        ("香港特區政府", 1),
    ),
}


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("case", list(CASES), ids="-".join)
def test_the_first_mention_says_the_country_and_later_ones_do_not(folder, case, suffix):
    kind, template, lang = case
    first, later, (words, times) = CASES[case]
    text = text_of(folder, kind, template, lang, suffix)
    assert [s for s in first + later if squash_pdf(s) not in text] == []
    assert text.count(words) == times


@pytest.mark.parametrize("suffix", [".html", ".pdf"])
@pytest.mark.parametrize("lang", ["en", "zh-Hans"])
def test_hong_kong_macao_and_taiwan_are_not_abroad_and_a_name_says_its_country_once(
    folder, lang, suffix
):
    visiting = text_of(folder, "visiting", "news", lang, suffix)
    participant = text_of(folder, "participant", "news", lang, suffix)
    minutes = text_of(folder, "participant", "minutes", lang, suffix)
    for text in (visiting, participant, minutes):
        assert "中国香港" not in text and "in Hong Kong" not in text
        assert "台湾财团法人" not in text and "in Taiwan" not in text
        assert "中国上海理工大学" not in text and "in China" not in text  # ours: never abroad
    if lang == "en":  # "Korea University" says where it is
        assert "Korea University in South Korea" not in participant + minutes
    else:
        assert minutes.count("韩国高丽大学") == 1


def test_the_marks_never_reach_a_document(folder):
    for (kind, template, lang, suffix), text in _texts.items():
        assert not any("\ufdd0" <= ch <= "\ufdef" for ch in text), (kind, template, lang, suffix)


# -- the rule, case by case ------------------------------------------------------------------


def _org(id_: int, country: str = "", country_zh: str = "", parent: int | None = None):
    return Organisation(
        f"Org {id_}", id=id_, country=country, country_zh=country_zh, parent_id=parent
    )


@pytest.mark.parametrize(
    ("ours", "theirs", "abroad"),
    [
        (("", ""), ("South Korea", "韩国"), ("South Korea", "韩国")),  # ours unset: China
        (("China", ""), ("", "韩国"), ("South Korea", "韩国")),  # CLDR's English for 韩国
        (("China", ""), ("Korea", ""), ("Korea", "韩国")),  # CLDR's Chinese for "Korea"
        (("中国", ""), ("Hong Kong", "中国香港"), None),
        (("China", "中国"), ("", "臺灣"), None),
        (("Hong Kong SAR", ""), ("", "中国"), None),  # a Hong Kong office: the mainland
        (("Macau", ""), ("Taiwan", ""), None),
        (("China", ""), ("", ""), None),  # no country: not said
        (("South Korea", ""), ("", "韩国"), None),
        (("China", ""), ("Ruritania", "鲁里塔尼亚"), ("Ruritania", "鲁里塔尼亚")),
    ],
)
def test_which_organisations_are_foreign(ours, theirs, abroad):
    us, them = _org(1, *ours), _org(2, *theirs)
    places = Places({1: us, 2: them}, us)
    assert places.abroad(them) == abroad


def test_a_department_is_where_its_university_is():
    yonsei, office = _org(2, "South Korea"), _org(3, parent=2)
    places = Places({2: yonsei, 3: office}, None)
    assert places.abroad(office) == ("South Korea", "韩国")
    assert places.root(office) is yonsei


def test_country_names_and_their_article():
    assert {country_code(c) for c in ("South Korea", "Korea", "韩国", "南韓", "KOREA ")} == {"KR"}
    assert country_code("Atlantis") is None
    assert in_country_en("United Kingdom") == "in the United Kingdom"
    assert in_country_en("Netherlands") == "in the Netherlands"
    assert in_country_en("the Philippines") == "in the Philippines"
    assert in_country_en("South Korea") == "in South Korea"


def test_a_summary_of_a_meeting_with_an_organisation_abroad_and_no_chinese_country(tmp_path):
    """A country typed in English only is printed in Chinese by CLDR's name; one CLDR does not
    know, in English, is not printed in a Chinese document (no English glued into Chinese)."""
    source = json.loads((DATA / "signing.json").read_text(encoding="utf-8"))
    for org in source["organisations"]:
        if org["id"] == "org-skku":
            org["country"], org["country_zh"] = "Korea", ""
    with EventStore.open(tmp_path / "s.sqlite3") as store:
        import_document(store, source)
        (row,) = store.meetings.list()
        write_summary(store, row.id, "news", tmp_path / "zh.html", lang="zh")
        write_summary(store, row.id, "news", tmp_path / "en.html", lang="en")
    assert "2025年6月3日，韩国成均馆大学校长" in read_back(tmp_path / "zh.html")
    assert "Sungkyunkwan University in Korea led by" in read_back(tmp_path / "en.html")


# -- the mechanism ---------------------------------------------------------------------------


def test_a_template_prints_the_marked_words_with_the_first_mention_of_their_key_only():
    env = jinja2.Environment(autoescape=True, finalize=finalize)
    yonsei = once("c1", "韩国") + "延世大学"
    ku = once("c2", "韩国") + "高丽大学"
    page = env.from_string("{{ a }}、{{ b }}；{{ a }}代表团，{{ [b, a] | join('和') }}；{{ m }}")
    with document():
        out = page.render(a=yonsei, b=ku, m=Markup("<b>") + yonsei)
    assert out == "韩国延世大学、韩国高丽大学；延世大学代表团，高丽大学和延世大学；<b>延世大学"
    with document():  # another document counts afresh
        assert page.render(a=yonsei, b=ku, m="").startswith("韩国延世大学、韩国高丽大学；延世大学")
    assert env.from_string("{{ a }}{{ a }}").render(a=yonsei) == "韩国延世大学韩国延世大学"
    assert (first_form(yonsei), unmarked(yonsei)) == ("韩国延世大学", "延世大学")

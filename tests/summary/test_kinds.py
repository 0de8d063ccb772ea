"""A news release and minutes for every kind of meeting, in English and in Chinese.

Given five meetings entered as a clerk would (tests/summary/data/*.json: an
incoming delegation, our delegation abroad with only topics discussed, an
online meeting co-hosted by three universities with officials who spoke
without a presentation record, a signing, and a forum we took part in), when
each is written as PDF, DOCX and HTML in both languages and read back, then
every attendee and every decision is there, and the release tells the story
of its kind in the words an office writes. The machine has no system Chinese
font: the Chinese comes from the bundled one.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from eventdesk.store.chinese_variants import simplified, traditional
from tests.summary.conftest import kind_document, read_back

DATA = Path(__file__).parent / "data"
KINDS = [
    "visited",
    "visiting",
    "cohost",
    "signing",
    "participant",
    "forum",
    "agreement",
    "abroad",
]
FORMATS = [".pdf", ".docx", ".html"]

#: The sentences each kind's release must hold, as a reader would find them.
STORY = {
    ("visited", "en"): [
        "A delegation from Yonsei University in South Korea visited USST",
        "On April 15, 2025, a delegation from Yonsei University in South Korea led by its Vice "
        "President "
        "LEE Byung-Hyun visited the University of Shanghai for Science and Technology.",
        "The delegation included Dean KIM Ji-won (金智媛) of the Graduate School of International "
        "Studies, Director PARK Soo-jin of the Office of International Affairs",
        "Vice President CAI Yonglian (蔡永莲) met the delegation",
        "In a speech, Vice President CAI Yonglian (蔡永莲) welcomed the delegation",
        "The two sides agreed to establish joint laboratories, promote talent co-cultivation and "
        "expand short-term student exchanges.",
    ],
    ("visited", "zh"): [
        "延世大学代表团访问上海理工大学",
        "2025年4月15日，韩国延世大学副校长LEE Byung-Hyun率团访问上海理工大学。",
        "代表团成员包括国际学研究生院院长金智媛、国际处处长PARK Soo-jin和国际学研究生院副教授張家輝。",
        "副校长蔡永莲在行政楼101会议室会见了代表团一行，国际交流处处长周建民、研究生院院长王丽华和"
        "光电信息与计算机工程学院院长孙海涛参加会见。",
        "双方同意共建联合实验室、推进人才联合培养和扩大学生短期交流。",
    ],
    ("visiting", "en"): [
        "A delegation from USST visited the Hong Kong Polytechnic University",
        "a delegation from the University of Shanghai for Science and Technology led by its "
        "President DING Xiaodong (丁晓东) visited the Hong Kong Polytechnic University.",
        "met the delegation at Jockey Club Innovation Tower",
        "The two sides exchanged views on annual enrolment of exchange students, joint "
        "supervision of doctoral students and an e-learning platform.",
    ],
    ("visiting", "zh"): [
        "上海理工大学代表团访问香港理工大学",  # recorded 香港理工大學: one script
        "2025年5月20日，上海理工大学校长丁晓东率团访问香港理工大学。",
        "双方就交换生年度招收、博士生联合指导和网上学习平台交换了意见。",
    ],
    ("cohost", "en"): [
        "The Council elected its next chair: Lingnan University was elected Chair of the Council.",
        "USST, LU and SHU co-hosted the Annual Meeting of the Shanghai-Hong Kong University "
        "Forum 2024",
        "co-hosted by the University of Shanghai for Science and Technology, Lingnan University, "
        "and Shanghai University.",
        "LEUNG Man-kit (梁文傑), Secretary for Education of the Education Bureau and XU Min "
        "(徐敏), Deputy Director of the Shanghai Municipal Education Commission, addressed the "
        "meeting.",
        "LIU Changsheng (刘昌胜), President of Shanghai University, chaired the opening ceremony.",
        "Lingnan University was elected Chair of the Council.",
        'gave a presentation titled "Student mobility after the pandemic"',
        "The meeting resolved to hold a joint summer school in 2025.",
    ],
    ("cohost", "zh"): [
        "上海理工大学、岭南大学和上海大学联合主办2024年沪港高校论坛年会",
        "2024年11月28日，2024年沪港高校论坛年会以线上形式举行。",
        "教育局局长梁文傑和上海市教育委员会副主任徐敏出席会议并致辞。",  # name as recorded
        "上海大学校长刘昌胜主持开幕式。",
        "理事会选举产生下一届理事长单位，岭南大学当选。",
        "国立清华大学教授陳建宏作题为《疫情后的学生流动》的报告。",
        "会议决定于2025年联合举办暑期学校。",
    ],
    ("signing", "en"): [
        "USST and SKKU signed the Memorandum of Understanding on Academic Cooperation",
        "The University of Shanghai for Science and Technology and Sungkyunkwan University signed "
        "the Memorandum of Understanding on Academic Cooperation. President DING Xiaodong (丁晓东) "
        "signed for USST and President YOO Ji-beom for SKKU.",
    ],
    ("signing", "zh"): [
        "上海理工大学与成均馆大学签署《学术合作谅解备忘录》",
        "上海理工大学与成均馆大学签署《学术合作谅解备忘录》，校长丁晓东代表上海理工大学、"
        "校长YOO Ji-beom代表成均馆大学签署。",
        "2025年6月3日，韩国成均馆大学校长YOO Ji-beom率团访问上海理工大学。",
    ],
    ("forum", "en"): [
        "On October 16, 2025, the University of Shanghai for Science and Technology, the Hong "
        "Kong Polytechnic University, and the University of Macau co-hosted the Shanghai-Hong "
        "Kong-Macao University Presidents' Forum 2025 at Academic Exchange Centre of USST.",
        "President DING Xiaodong (丁晓东) and Vice President CAI Yonglian (蔡永莲) of the "
        "University of Shanghai for Science and Technology,",
        "At the keynote session, DING Xiaodong (丁晓东), President",
        'delivered a keynote speech titled "Shared Futures: Universities of the Yangtze River '
        'Delta and the Greater Bay Area".',
        "LAM Kin-man (林建文), President of the Hong Kong Polytechnic University, delivered a "
        'keynote speech titled "Talent without Borders".',
        'At Parallel Session I, themed "Digital Transformation of Higher Education", ZHANG Wei '
        "(张伟), Professor of the School of Optical-Electrical and Computer Engineering, gave a "
        'presentation titled "Smart Classrooms for Engineering Education".',
        'delivered remarks titled "Ten Years of Exchange Programmes at USST".',
    ],
    ("forum", "zh"): [
        "2025年10月16日，由上海理工大学、香港理工大学和澳门大学联合主办的2025沪港澳大学校长论坛"
        "在上海理工大学学术交流中心举行。",
        "上海理工大学副校长蔡永莲主持开幕式。上海理工大学校长丁晓东、",
        "在主旨演讲环节，",
        "发表题为《共享未来：长三角与大湾区的大学》的主旨演讲。",
        "香港理工大学校长林建文发表题为《人才无界》的主旨演讲。",
        "在主题为“高等教育数字化转型”的分论坛一上，光电信息与计算机工程学院教授张伟作题为"
        "《面向工程教育的智慧教室》的报告。",
        "澳门大学副校长李文豪主持主题为“沪港澳学生流动”的分论坛二。港澳台事务办公室主任马晓婷发表题为"
        "《上海理工大学交流项目十年回顾》的讲话。",
    ],
    ("agreement", "en"): [
        "The two sides exchanged views on Greater Bay Area teacher exchange, including practicum "
        "placements; and Hong Kong and Shanghai joint research in STEM education.",
        "USST and EdUHK signed a new cooperation agreement",
        "The University of Shanghai for Science and Technology and the Education University of "
        "Hong Kong signed a new cooperation agreement. President DING Xiaodong (丁晓东) signed for "
        "USST and President CHEUNG Siu-wai (张少伟) for EdUHK.",
    ],
    ("agreement", "zh"): [
        "环球事务处处长吴美玲随团来访。",
        "双方就以下议题交换了意见：大湾区教师交流，包括教育实习安排；沪港STEM教育联合研究。",
        "上海理工大学与香港教育大学签署《合作协议》",
        "上海理工大学与香港教育大学签署《合作协议》，校长丁晓东代表上海理工大学、"
        "校长张少伟代表香港教育大学签署。",
    ],
    ("abroad", "en"): [
        "a delegation from the University of Shanghai for Science and Technology led by its "
        "President DING Xiaodong (丁晓东) visited the University of Malaya in Malaysia.",
        "of the University of Malaya met the delegation at Chancellery Building, together with",
        "The two sides exchanged views on Malaysian students at USST, including scholarships; and "
        "joint supervision of doctoral students.",
        "The two sides agreed to open the Kuala Lumpur and Shanghai summer schools",
    ],
    ("abroad", "zh"): [
        "2025年11月4日，上海理工大学校长丁晓东率团访问马来西亚马来亚大学。国际交流处处长周建民随团出访。",
        "马来亚大学副校长（学术与国际事务）林伟明在行政楼会见了代表团一行，",
        "双方就以下议题交换了意见：马来西亚学生来校学习，包括奖学金；博士生联合指导。",
    ],
    ("participant", "en"): [
        "USST participated in the Seoul Forum on Higher Education 2025",
        "On March 12–13, 2025, Korea University hosted the Seoul Forum on Higher Education 2025 at "
        "Inchon Memorial Hall.",
        "HWANG Seung-woo, Professor of Korea University, chaired the panel on student mobility.",
        "Also attending was TSAI Ming-hui (蔡明慧), Executive Director of the Foundation for "
        "International Cooperation in Higher Education of Taiwan.",
        "The participants exchanged views on credit transfer between member universities and "
        "scholarships for short-term exchange.",
    ],
    ("participant", "zh"): [
        "上海理工大学参加2025年首尔高等教育论坛",
        "2025年3月12日至13日，由韩国高丽大学主办的2025年首尔高等教育论坛在该校仁村纪念馆举行。",
        "高丽大学教授HWANG Seung-woo主持学生流动专题研讨。",
        "与会各方就成员高校间的学分互认和短期交流奖学金交换了意见。",
    ],
}


def record(kind: str) -> dict:
    return json.loads((DATA / f"{kind}.json").read_text(encoding="utf-8"))


def attendee_names(kind: str, lang: str) -> list[str]:
    """Every attendee as the document prints the name: Chinese characters, or the Latin form."""
    doc = record(kind)
    people = {p["id"]: p for p in doc["people"]}
    names = []
    for a in doc["meetings"][0]["attendees"]:
        p = people[a["person"]]
        latin = f"{p['family_name'].upper()} {p['given_name']}"
        names.append(p["name_zh"] or latin if lang == "zh" else latin)
    return names


def decision_texts(kind: str, lang: str, template: str = "minutes") -> list[str]:
    """Each decision as the document must print it: a signed document by its short name in a
    release (its description is the minutes'), action items in the minutes only."""
    texts = []
    for d in record(kind)["meetings"][0]["decisions"]:
        if template == "news" and d["kind"] == "action_item":
            continue  # the minutes' alone
        text = d["text_zh"] if lang == "zh" else d["text"]
        document = d.get("document_zh" if lang == "zh" else "document", "")
        if template == "news" and document:
            text = document
        texts.append(text.rstrip(".。"))
    return texts


_texts: dict[tuple[str, str, str, str], str] = {}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("kinds")


def document(folder: Path, kind: str, lang: str, template: str, suffix: str) -> str:
    """The document as read back; each written once for the module."""
    key = (kind, lang, template, suffix)
    if key not in _texts:
        out = kind_document(folder, kind, template, lang, suffix)
        text = read_back(out)
        if suffix == ".pdf":  # a line broken after a hyphen ("Ming-|hui") reads "Ming- hui"
            text = re.sub(r"(?<=\w)- (?=\w)", "-", text)
            text = text.replace("\u2012", "\u2013")  # some fonts map the en dash's glyph to U+2012
        _texts[key] = text
    return _texts[key]


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("kind", KINDS)
def test_the_release_tells_the_story_of_its_kind(folder, kind, lang, suffix):
    text = document(folder, kind, lang, "news", suffix)
    missing = [s for s in STORY[kind, lang] if s not in text]
    assert missing == []


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("template", ["news", "minutes"])
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_attendee_and_decision_is_in_release_and_minutes(
    folder, kind, lang, template, suffix
):
    text = document(folder, kind, lang, template, suffix)
    absent = [n for n in attendee_names(kind, lang) if n not in text]
    # The release frames a decision ("agreed to establish …"): compare without case.
    absent += [
        t for t in decision_texts(kind, lang, template) if t.casefold() not in text.casefold()
    ]
    assert absent == []


def titles_and_themes(kind: str, lang: str) -> list[str]:
    """Every presentation's title and every session's theme ("Label: Theme") as recorded."""
    meeting = record(kind)["meetings"][0]
    key = "title_zh" if lang == "zh" else "title"
    found = [p[key] for p in meeting.get("presentations", []) if p.get(key)]
    for s in meeting.get("sessions", []):
        _label, colon, theme = s[key].replace("：", ":").partition(":")
        if colon:
            found.append(theme.strip())
    return found


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_title_and_theme_is_in_the_release(folder, kind, lang, suffix):
    """The release says what each meeting was about, and no sentence says only that people spoke
    at the speeches."""
    text = document(folder, kind, lang, "news", suffix)
    assert [t for t in titles_and_themes(kind, lang) if t not in text] == []
    assert "At the keynote speeches" not in text and "主旨演讲上" not in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_signing_never_names_the_document_by_its_description(folder, lang):
    """The agreement's record holds its whole description; the release names it by its short
    name and lists no person among the signing bodies."""
    text = document(folder, "agreement", lang, "news", ".html")
    assert "for closer cooperation on" not in text and "深化双方" not in text
    assert "President DING Xiaodong (丁晓东), and" not in text
    assert "、校长丁晓东和" not in text


def test_a_signing_without_a_short_name_reads_an_agreement(fresh_store):
    """A description typed as the text, with no short name: "signed an agreement" (签署协议)."""
    from datetime import date

    from eventdesk.records import Decision, DecisionParty, Meeting, Organisation, OurRole
    from eventdesk.summary import render_html
    from tests.summary.conftest import squash

    a = fresh_store.organisations.save(Organisation("Alpha University", name_zh="甲大学"))
    b = fresh_store.organisations.save(Organisation("Beta University", name_zh="乙大学"))
    described = Decision(
        "New round of cooperation between Alpha and Beta, for closer cooperation on research",
        text_zh="甲乙两校新一轮合作，深化科研合作",
        kind="agreement",
        parties=[DecisionParty(organisation_id=a.id), DecisionParty(organisation_id=b.id)],
    )
    meeting = Meeting("Signing", date(2025, 3, 1), our_role=OurRole.HOST, decisions=[described])
    mid = fresh_store.meetings.save(meeting).id
    en = squash(render_html(fresh_store, mid, "news"))
    zh = squash(render_html(fresh_store, mid, "news", lang="zh"))
    assert "Alpha University and Beta University signed an agreement." in en
    assert "甲大学与乙大学签署协议。" in zh


@pytest.mark.parametrize("kind", ["forum", "cohost", "participant"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_host_is_named_once_and_hosts_attend_as_hosts(folder, kind, lang):
    """No venue and "hosted by" naming one host twice; our people at a meeting we host do not
    attend "on behalf of" our university; a person is not made the host (担任东道主)."""
    text = document(folder, kind, lang, "news", ".html")
    assert "Korea University, hosted by Korea University" not in text
    assert "University of Shanghai for Science and Technology, co-hosted" not in text
    assert "会议由高丽大学主办" not in text and "担任东道主" not in text
    if kind != "participant":
        assert "on behalf of USST" not in text and "代表上海理工大学出席" not in text


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("kind", ["signing", "agreement"])
def test_action_items_are_in_the_minutes_not_the_release(folder, kind, lang, suffix):
    annex = "起草学生交换附件" if lang == "zh" else "student exchange annex"
    assert annex not in document(folder, kind, lang, "news", suffix)
    assert annex in document(folder, kind, lang, "minutes", suffix)


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_nothing_is_said_twice(folder, lang, suffix):
    """The summary's paragraph that says again what the topics said is left out, the one that
    says something new is printed; the forum's summary repeats its outcome; the co-hosted
    meeting's election prints once."""
    agreement = document(folder, "agreement", lang, "news", suffix)
    topics = "大湾区教师交流" if lang == "zh" else "Greater Bay Area teacher exchange"
    assert agreement.count(topics) == 1
    assert ("两校自2012年起开展合作" if lang == "zh" else "since 2012") in agreement
    forum = document(folder, "forum", lang, "news", suffix)
    assert forum.count("上海共识" if lang == "zh" else "Shanghai Consensus") == 1
    cohost = document(folder, "cohost", lang, "news", suffix)
    assert cohost.count("当选" if lang == "zh" else "was elected") == 1


def test_a_chinese_release_prints_no_english_summary(folder):
    """The visit's summary has no Chinese form: the Chinese release leaves it out (the topics
    are told in Chinese already), rather than repeat them in English."""
    text = document(folder, "visiting", "zh", "news", ".html")
    assert "The two sides discussed" not in text
    assert "双方就交换生年度招收" in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_one_member_is_not_a_list_of_members(folder, lang):
    """代表团成员包括 is said of several members; one member 随团来访/随团出访."""
    for kind in ("agreement", "abroad", "signing"):
        text = document(folder, kind, lang, "news", ".html")
        assert "代表团成员包括" not in text
    several = document(folder, "visited", lang, "news", ".html")
    assert "代表团成员包括" in several or lang == "en"


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_sessions_chair_opens_its_paragraph(folder, lang, suffix):
    """Who chaired each session is told with the session, also of a chair the lead names."""
    text = document(folder, "forum", lang, "news", suffix)
    if lang == "zh":
        assert "上海理工大学副校长蔡永莲主持开幕式。" in text
        assert "澳门大学副校长李文豪主持主题为“沪港澳学生流动”的分论坛二。" in text
    else:
        assert (
            "Vice President of the University of Shanghai for Science and Technology, chaired the "
            "opening ceremony."
        ) in text
        assert (
            "LEI Man-hou (李文豪), Vice Rector of the University of Macau, chaired Parallel "
            'Session II, themed "Student Mobility across Shanghai, Hong Kong and Macao".'
        ) in text


def test_a_topic_summary_is_not_made_the_headline(folder):
    """The visit's summary ("The two sides discussed A; B; C") is not the headline; it says what
    the topics said already, so it is not printed at all."""
    text = document(folder, "visiting", "en", "news", ".html")
    headline = text.split("A delegation from USST", 1)[1][:80]
    assert "visited the Hong Kong Polytechnic University" in headline
    assert "The two sides discussed" not in text


def _in_script(text: str, lang: str) -> str:
    """A recorded Chinese text as a document in ``lang`` prints it (people's names are kept)."""
    if lang == "zh-Hant":
        return traditional(text, "hk")
    return simplified(text)


@pytest.mark.parametrize("suffix", FORMATS)
@pytest.mark.parametrize("lang", ["zh-Hant", "both"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_fact_in_traditional_and_in_both(folder, kind, lang, suffix):
    """In traditional characters, and in the bilingual document (Chinese, then English): every
    title and theme, attendee and decision of the release, and of the minutes' decisions."""
    news = document(folder, kind, lang, "news", suffix)
    minutes = document(folder, kind, lang, "minutes", suffix)
    tongues = ["zh", "en"] if lang == "both" else ["zh"]
    absent = []
    script = "zh-Hans" if lang == "both" else lang
    for tongue in tongues:

        def shown(text: str, tongue: str = tongue) -> str:
            return _in_script(text, script) if tongue == "zh" else text

        absent += [t for t in map(shown, titles_and_themes(kind, tongue)) if t not in news]
        absent += [n for n in attendee_names(kind, tongue) if n not in news]
        for template, text in (("news", news), ("minutes", minutes)):
            absent += [
                t
                for t in map(shown, decision_texts(kind, tongue, template))
                if t.casefold() not in text.casefold()
            ]
    assert absent == []

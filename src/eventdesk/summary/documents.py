"""The full context of each kind of document: view model plus the sentences written for it.

The sentences of a news release come from ``news_prose.txt.j2`` (a template
a user can edit) and are put here into ``news.blocks``, so the HTML/PDF
template and the Word template print the same words.
"""

from __future__ import annotations

import re
from datetime import date

import jinja2

from eventdesk.store import EventStore, MeetingFilter
from eventdesk.summary import mentions, prose
from eventdesk.summary.context import meeting_context
from eventdesk.summary.errors import SummaryError
from eventdesk.summary.language import BOTH, chosen_script, long_date
from eventdesk.summary.script import convert_tree
from eventdesk.summary.templates import guarded
from eventdesk.summary.view import (
    CourseRegisterView,
    MeetingView,
    NewsBlock,
    NewsView,
    PhotoView,
    RegisterRow,
    ReportView,
)

PROSE = "news_prose.txt.j2"
PROSE_ZH = "news_prose_zh.txt.j2"
MEETING_TEMPLATES = ("news", "minutes")


_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_CJK_PUNCT = "\u3000-\u303f\uff00-\uffef"
#: White space a template's line breaks leave beside Chinese text, where none is written:
#: between two Chinese characters, or next to Chinese punctuation.
_CJK_SPACE = re.compile(
    rf"(?<=[{_CJK}])\s+(?=[{_CJK}])|(?<=[{_CJK_PUNCT}])\s+|\s+(?=[{_CJK_PUNCT}])"
)


def _clean(text: str) -> str:
    return _CJK_SPACE.sub("", " ".join(str(text).split()))


def _is_headline(text: str) -> bool:
    """One short, whole sentence: what an office writes as the title of its release.

    A summary of topics ("The two sides discussed A; B") is not one: it holds
    a semicolon or does not end as a sentence ends.
    """
    text = text.strip()
    if not text or len(text) > 160 or any(ch in text for ch in ";；:："):
        return False
    if text[-1] not in ".。":
        return False
    return len(re.findall(r"[.!?。！？](\s|$)", text)) <= 1


#: Words that say nothing of what a paragraph is about, left out when paragraphs are compared.
_COMMON_TEXT = """
    the and for with from that this these those their its was were are has have had been will
    also both two sides all which who whom into onto upon about meeting
"""
_COMMON_WORDS = frozenset(_COMMON_TEXT.split())
#: A summary paragraph is said already when this share of its words is in the release before it.
SAID_ALREADY = 0.8


def _words(text: str) -> set[str]:
    """What a paragraph says, to compare: its words of three letters or more but the common ones,
    and each pair of neighbouring Chinese characters."""
    text = text.casefold()
    words = {w for w in re.findall(r"[\w'’-]{3,}", text) if not re.search(f"[{_CJK}]", w)}
    cjk = re.findall("[\u4e00-\u9fff]+", text)
    pairs = {run[i : i + 2] for run in cjk for i in range(len(run) - 1)}
    return (words - _COMMON_WORDS) | pairs


def said_already(paragraph: str, before: str) -> bool:
    """Does the release say this summary paragraph's words already (:data:`SAID_ALREADY`)?

    The office types its summary after the records, so it often says again what a decision
    says ("Lingnan University was elected Chair of the Council."), or a paragraph before it.
    """
    own = _words(paragraph)
    if not own:
        return False
    return len(own & _words(before)) >= SAID_ALREADY * len(own)


def add_news(env: jinja2.Environment, c: MeetingView) -> MeetingView:
    """Write the release's paragraphs into ``c.news``: headline, blocks of text and photos.

    The order is the same for every kind: the lead (who, when, where), the
    signing when the release is about one, the people with a role no other
    sentence names, each session, then talks and decisions tied to no
    session, the office's own summary (each paragraph the release does not
    say already, and in a Chinese release only a summary written in Chinese),
    and the background.
    """
    prose_name = PROSE_ZH if c.lang == "zh" else PROSE

    def build() -> NewsView:
        p = env.get_template(prose_name).module
        blocks: list[NewsBlock] = []

        def add(text: str, photos: list[PhotoView] | None = None) -> None:
            text = _clean(text)
            if text or photos:
                blocks.append(NewsBlock(text, photos or []))

        assert c.meeting is not None
        summary = list(c.meeting.summary)
        in_language = c.lang != "zh" or bool(re.search(f"[{_CJK}]", "".join(summary)))
        if summary and c.news_kind == "participant" and in_language and _is_headline(summary[0]):
            # The office's own one-line summary ("USST participated in ...") heads the release.
            headline = summary.pop(0).rstrip(".")
        else:
            with mentions.document():  # a headline names a foreign partner's country itself
                headline = _clean(p.headline(c))
        with mentions.document():  # ... and so does the release under it, on first mention
            add(p.lead(c), c.loose_photos)
            if c.news_kind == "signing":
                add(p.signings(c))
            add(p.also(c))
            for s in c.sessions:
                add(p.session(c, s), s.photos)
                add(p.session_talks(c, s))
            add(p.loose_talks(c))
            add(p.loose(c))
            for para in summary if in_language else []:
                # Printed once: a paragraph the release says already is left out (summaries.md).
                if not said_already(para, " ".join(b.text for b in blocks)):
                    add(prose.sentence(para))
            background = [_clean(p.background(c)), *c.meeting.background]
        return NewsView(headline, blocks, [b for b in background if b])

    c.news = guarded(prose_name, build)
    return c


def meeting_document(
    env: jinja2.Environment, store: EventStore, meeting_id: int, lang: str = "en"
) -> MeetingView:
    """The meeting's view with its release's sentences, every Chinese text in one script.

    ``lang`` "both": the Chinese document with the English one as its ``second``,
    printed after it, the release and the minutes alike. The minutes are not
    set side by side: at half a page's width their four-column tables of
    attendees wrap every name and title (see docs/summaries.md).
    """
    if lang == BOTH:
        first = meeting_document(env, store, meeting_id, "zh")
        first.second = meeting_document(env, store, meeting_id, "en")
        return first
    meeting = store.meetings.get(meeting_id)  # photos come print-size, not whole
    document = add_news(env, meeting_context(store, meeting, lang, convert=False))
    return convert_tree(document, document.script, tuple(document.latin_zh))


def document_script(store: EventStore, lang: str) -> str:
    """The script a document in ``lang`` prints its Chinese in: the one named, or the office's
    ("" for English: its Chinese is printed as recorded)."""
    if lang == "en":
        return ""
    return chosen_script(lang) or store.office.chinese_script()


def find_organisation(store: EventStore, name: str) -> int:
    """The id of the organisation called ``name`` (or its short name); one line if not one."""
    wanted = name.strip().casefold()
    rows = store.organisations.list(name)
    exact = [r for r in rows if wanted in (r.name.casefold(), r.short_name.casefold())]
    if len(exact) == 1:
        return exact[0].id
    if len(rows) == 1:
        return rows[0].id
    if not rows:
        raise SummaryError(f"There is no organisation called {name!r}.")
    names = ", ".join(r.name for r in rows[:5])
    raise SummaryError(f"{name!r} could mean more than one organisation: {names}.")


def period_document(
    env: jinja2.Environment,
    store: EventStore,
    date_from: date | None,
    date_to: date | None,
    *,
    organisation: str | None = None,
    series: str | None = None,
    person_id: int | None = None,
) -> ReportView:
    """Meetings in a date range, optionally with one partner, of one series or with one person."""
    org_id = find_organisation(store, organisation) if organisation else None
    rows = store.meetings.list(
        MeetingFilter(
            date_from=date_from,
            date_to=date_to,
            organisation_id=org_id,
            series=series or None,
            person_id=person_id,
        )
    )
    rows = sorted(rows, key=lambda r: (r.start_date or "", r.id))
    meetings = [meeting_document(env, store, r.id) for r in rows]
    filters = []
    if organisation:
        filters.append(f"with {store.organisations.get(org_id).name}")  # type: ignore[arg-type]
    if series:
        filters.append(f"in the series {series}")
    if person_id is not None:
        filters.append(f"attended by {store.people.get(person_id).display_name}")
    span = _span(date_from, date_to)
    title = f"Meetings {span}".strip() if span else "Meetings"
    return ReportView(
        kind="report",
        header=title,
        title=title,
        filters=prose.join_prose(filters),
        meetings=meetings,
    )


def _span(date_from: date | None, date_to: date | None) -> str:
    if date_from and date_to:
        return f"from {long_date(date_from)} to {long_date(date_to)}"
    if date_from:
        return f"since {long_date(date_from)}"
    if date_to:
        return f"until {long_date(date_to)}"
    return ""


def course_document(
    store: EventStore, *, text: str = "", year: int | None = None, status: str | None = None
) -> CourseRegisterView:
    """The course-shortlist register: every course entry, newest year first."""
    rows = store.courses.list(text, year=year, status=status)
    courses = [
        RegisterRow(
            year=r.year or "",
            title=r.title or r.title_zh,
            title_zh=r.title_zh if r.title else "",
            programme=r.programme,
            institution=r.institution,
            teachers=r.teachers,
            status=r.status.replace("_", " ").capitalize(),
            meeting=r.meeting_title,
        )
        for r in rows
    ]
    title = "Course shortlist register" + (f", {year}" if year else "")
    return CourseRegisterView(
        kind="courses",
        header=title,
        landscape=True,
        title=title,
        courses=courses,
        today=long_date(date.today()),
    )

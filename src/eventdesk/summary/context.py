"""A meeting as the typed view model every template reads (:mod:`eventdesk.summary.view`).

Why a view model rather than the records: templates (HTML, the Word template,
a user's edited copy) must not reach the store or know how ids join up.
Everything a sentence needs is looked up here once, in a few queries, and
named as a reader would ("full_title": "Director of the Hong Kong, Macao and
Taiwan Affairs Office"). No markup is made here: escaping is the templates'
job. Each part of the meeting has its small builder, below or in a module of
its own: the people are :mod:`~eventdesk.summary.people`'s, the hosts and the
alliance :mod:`~eventdesk.summary.hosts`', the courses
:mod:`~eventdesk.summary.courses`', the photos :mod:`~eventdesk.summary.photos`',
the decisions :mod:`~eventdesk.summary.decisions`', the story
:mod:`~eventdesk.summary.kinds`'.
"""

from __future__ import annotations

from eventdesk.records import Meeting, Presentation, PresentationKind, Side
from eventdesk.records.text import printable
from eventdesk.store import EventStore
from eventdesk.summary import prose
from eventdesk.summary.builder import Builder
from eventdesk.summary.countries import Places
from eventdesk.summary.courses import course_groups
from eventdesk.summary.decisions import decision_view, runs
from eventdesk.summary.hosts import alliance_view, host_view, hosts_label, ours_view
from eventdesk.summary.kinds import add_kind
from eventdesk.summary.language import Language, chosen_script
from eventdesk.summary.people import Lookup, find_our_root, groups_by_org, person_view
from eventdesk.summary.photos import photo_view, unusable_photos
from eventdesk.summary.script import convert_tree
from eventdesk.summary.sessions import session_name
from eventdesk.summary.view import (
    CourseGroup,
    DecisionView,
    MeetingFacts,
    MeetingView,
    PersonView,
    PhotoView,
    SessionView,
    SideView,
    TalkView,
)

SPEECH_KINDS = {PresentationKind.SPEECH, PresentationKind.REMARKS}
ROLE_VERBS = {
    "host": "hosted",
    "co_host": "co-hosted",
    "participant": "participated in",
    "visiting": "visited",
    "visited": "received",
}


def office_language(store: EventStore, lang: str) -> Language:
    """The language ``lang`` names ("en", "zh", "zh-Hant"), in the office's script where
    it names none, and with people's names kept as recorded unless the office converts them."""
    script = chosen_script(lang) or store.office.chinese_script()
    return Language(lang, script, keep_names=not store.office.convert_names())


def meeting_context(
    store: EventStore, meeting: Meeting, lang: str | Language = "en", *, convert: bool = True
) -> MeetingView:
    """Everything the news release and the minutes print about one meeting.

    ``lang`` ("en", "zh", "zh-Hans", "zh-Hant", "zh-Hant-TW") picks the form of
    every text; the Chinese forms a Chinese document lacks are listed in
    ``missing_zh``. Every Chinese text is converted to the document's script
    (:mod:`eventdesk.summary.script`) unless ``convert`` is false: the caller
    writes more sentences from the view, then converts it all at once.
    """
    language = lang if isinstance(lang, Language) else office_language(store, lang)
    meeting = printable(meeting)  # a U+202E in a title turns round only the title
    lookup = Lookup(store, meeting)
    chosen = store.organisations.ours()  # picked by the office; else guessed from "ours"
    our_root = (lookup.root(chosen) if chosen is not None else None) or find_our_root(
        meeting, lookup
    )
    language.places = Places(lookup.orgs, our_root)
    b = Builder(store, meeting, lookup, language, our_root)

    attendees = [
        person_view(lookup.people.get(a.person_id), lookup, our_root, a, language, b.name_ours)
        for a in meeting.attendees
    ]
    ours_attending = [p for p in attendees if p.side == Side.OURS.value]
    decisions = [
        decision_view(n, d, lookup, b.person, language) for n, d in enumerate(meeting.decisions, 1)
    ]
    unread: dict[int, str] = {}
    photos = [photo_view(store, n, f, language, unread) for n, f in enumerate(meeting.photos, 1)]
    left_out = unusable_photos(photos, language.zh, unread)
    courses = course_groups(b)
    sessions = _sessions(b, decisions, photos, courses)
    known = {s.uid for s in meeting.sessions}
    loose_talks = [
        _talk_view(b, k, p)
        for k, p in enumerate(meeting.presentations, 1)
        if p.session_uid not in known
    ]
    loose_decisions = [d for d in decisions if d.session_uid not in known]
    facts = _facts(b)
    view = MeetingView(
        kind="meeting",
        header=" · ".join(x for x in (facts.title, facts.date) if x),
        lang=language.lang,
        warnings=left_out,
        meeting=facts,
        ours=ours_view(b),
        hosts=[host_view(b, h.organisation_id, h.role) for h in meeting.hosts],
        attendees=attendees,
        ours_attending=ours_attending,
        our_groups=groups_by_org(ours_attending, consecutive=True),
        sides=_sides(attendees, language),
        sessions=sessions,
        presentations=[t for s in sessions for t in s.speeches + s.talks] + loose_talks,
        loose_talks=loose_talks,
        loose_session=_loose_session(loose_talks, language, len(sessions) + 1),
        loose_decisions=loose_decisions,
        loose_decision_runs=runs(loose_decisions),
        decisions=decisions,
        courses=courses,
        courses_placed=any(s.courses for s in sessions),
        loose_photos=[p for p in photos if p.session_uid not in known],
        photos=photos,
        alliance=alliance_view(b),
        photos_left_out=list(left_out),
    )
    view.hosts_label = hosts_label(view.hosts, language)
    add_kind(view, meeting, lookup, language)
    view.fact_rows = _fact_rows(view, language)
    view.missing_zh = list(language.missing)
    view.script = language.script
    view.latin_zh = list(language.latin)
    return convert_tree(view, language.script, tuple(view.latin_zh)) if convert else view


def _facts(b: Builder) -> MeetingFacts:
    """The meeting's own fields in the document's language."""
    m, lang = b.meeting, b.lang
    title = lang.pick(m.title, m.title_zh, "meeting › title_zh")
    return MeetingFacts(
        id=m.id,
        title=title,
        title_zh=m.title_zh if m.title and not lang.zh else "",
        title_en=m.title if lang.zh and m.title_zh else "",
        series=lang.pick(m.series, m.series_zh, "meeting › series_zh"),
        edition=m.edition,
        date=lang.date_range(m.start_date, m.end_date),
        date_iso=m.start_date.isoformat() if m.start_date else "",
        time=prose.time_range(m.start_time, m.end_time),
        format=m.format.value,
        format_label=lang.label("format", m.format.value, m.format.label),
        venue=lang.pick(m.venue, m.venue_zh, "meeting › venue_zh"),
        venue_zh=m.venue_zh,
        our_role=m.our_role.value,
        our_role_label=lang.label("our_role", m.our_role.value, m.our_role.label),
        our_role_verb=ROLE_VERBS[m.our_role.value],
        status_label=lang.label("status", m.status.value, m.status.label),
        tags=m.tags,
        summary=_paragraphs(lang.pick(m.summary, m.summary_zh, "meeting › summary_zh")),
        background=_paragraphs(lang.pick(m.background, m.background_zh, "meeting › background_zh")),
    )


def _sides(attendees: list[PersonView], lang: Language) -> list[SideView]:
    """Attendees by side, each side's people gathered by organisation (as minutes list them)."""
    sides = []
    for side in Side:
        people = [p for p in attendees if p.side == side.value]
        if people:
            label = lang.label("side", side.value, side.label)
            sides.append(SideView(side.value, label, groups_by_org(people, consecutive=False)))
    return sides


def _sessions(
    b: Builder,
    decisions: list[DecisionView],
    photos: list[PhotoView],
    courses: list[CourseGroup],
) -> list[SessionView]:
    """Each session with its speeches, talks, decisions, photos; the courses go with the
    first session that decided something (the council meeting)."""
    m = b.meeting
    business = next(
        (s.uid for s in m.sessions if any(d.session_uid == s.uid for d in m.decisions)), None
    )
    sessions = []
    for n, s in enumerate(m.sessions, 1):
        where = f"session {n} {s.title or s.title_zh!r}"
        title = b.lang.pick(s.title, s.title_zh, f"{where} › title_zh")
        talks = [
            _talk_view(b, k, p) for k, p in enumerate(m.presentations, 1) if p.session_uid == s.uid
        ]
        own = [d for d in decisions if d.session_uid == s.uid]
        named = session_name(title, b.lang.zh, b.lookup.proper_words())
        sessions.append(
            SessionView(
                number=n,
                uid=s.uid,
                title=title,
                title_zh=s.title_zh if not b.lang.zh else "",
                title_lower=title if b.lang.zh else named.name.removeprefix("the "),
                time=prose.time_range(s.start_time, s.end_time),
                chair=b.person(s.chair_id).with_title if s.chair_id else "",
                chair_id=s.chair_id,
                notes=b.lang.pick(s.notes, s.notes_zh, f"{where} › notes_zh"),
                speeches=[t for t in talks if t.is_speech],
                talks=[t for t in talks if not t.is_speech],
                decisions=own,
                decision_runs=runs(own),
                courses=courses if s.uid == business else [],
                photos=[p for p in photos if p.session_uid == s.uid],
                name=named.name,
                theme=named.theme,
                keynote=named.keynote,
            )
        )
    return sessions


def _talk_view(b: Builder, n: int, p: Presentation) -> TalkView:
    lang = b.lang
    presenters = [b.person(i) for i in p.presenter_ids]
    where = f"presentation {n}"
    kind_noun = p.kind.value if p.kind is not PresentationKind.REMARKS else "remarks"
    return TalkView(
        kind=p.kind.value,
        kind_label=lang.label("presentation", p.kind.value, p.kind.label),
        kind_noun=lang.label("presentation", p.kind.value, kind_noun),
        is_speech=p.kind in SPEECH_KINDS,
        title=lang.pick(p.title, p.title_zh, f"{where} › title_zh"),
        abstract=lang.pick(p.abstract, p.abstract_zh, f"{where} › abstract_zh"),
        presenters=presenters,
        presenter_ids=list(p.presenter_ids),
        presenter_names=lang.join(x.name for x in presenters),
        speaker_phrase=lang.join(x.with_title for x in presenters),
        titled_names=lang.join(x.title_before_name for x in presenters),
        has_titles=any(x.full_title_with_capacity for x in presenters),
    )


def _loose_session(talks: list[TalkView], lang: Language, number: int) -> list[SessionView]:
    """Talks tied to no session, as one more block of the minutes (after the sessions)."""
    if not talks:
        return []
    title = "其他致辞与报告" if lang.zh else "Other speeches and presentations"
    return [
        SessionView(
            number=number,
            uid="",
            title=title,
            title_zh="",
            title_lower=title,
            name=title,
            time="",
            chair="",
            chair_id=None,
            notes="",
            speeches=[t for t in talks if t.is_speech],
            talks=[t for t in talks if not t.is_speech],
        )
    ]


def _fact_rows(c: MeetingView, lang: Language) -> list[tuple[str, str]]:
    """The minutes' header block, labelled in the document's language."""
    m = c.meeting
    assert m is not None
    same_as_format = m.venue.casefold() == m.format_label.casefold()
    edition = (f"（{m.edition}）" if lang.zh else f" ({m.edition})") if m.edition else ""
    series = m.series + (edition if m.series else "")
    labels = (
        ("日期", "时间", "形式", "地点或平台", "系列", c.hosts_label, "我方角色", "记录状态")
        if lang.zh
        else (
            "Date",
            "Time",
            "Format",
            "Venue or platform",
            "Series",
            c.hosts_label,
            "Our role",
            "Record status",
        )
    )
    values = (
        m.date,
        m.time,
        m.format_label,
        "" if same_as_format else m.venue,
        series,
        lang.join(h.name for h in c.hosts),
        m.our_role_label,
        m.status_label,
    )
    return [(label, value) for label, value in zip(labels, values, strict=True) if value]


def _paragraphs(text: str) -> list[str]:
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]

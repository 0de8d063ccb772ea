"""A meeting's shortlisted courses, grouped by institution, status and programme."""

from __future__ import annotations

from eventdesk.records import CourseEntry, CourseStatus
from eventdesk.summary.builder import Builder
from eventdesk.summary.people import org_label
from eventdesk.summary.view import CourseGroup, CourseView


def course_groups(b: Builder) -> list[CourseGroup]:
    """The meeting's course entries by institution, status and programme."""
    groups: list[CourseGroup] = []
    for c in b.meeting.courses:
        key = (c.institution_id, c.status, c.programme)
        match = next((g for g in groups if g.key == key), None)
        if match is None:
            match = _course_group(b, c, key)
            groups.append(match)
        where = f"course {c.title or c.title_zh!r}"
        match.courses.append(
            CourseView(
                title=b.lang.pick(c.title, c.title_zh, f"{where} › title_zh"),
                title_zh=c.title_zh if not b.lang.zh else "",
                year=c.year,
                teachers=c.teachers,
            )
        )
    return groups


def _course_group(b: Builder, c: CourseEntry, key: tuple) -> CourseGroup:
    lang, where = b.lang, f"course {c.title or c.title_zh!r}"
    org = b.lookup.org(c.institution_id)
    short = (org.short_name or org.name) if org else ""
    return CourseGroup(
        key=key,
        institution=org_label(org, lang),
        institution_short=org_label(org, lang) if lang.zh else short,
        is_ours=org is not None and b.our_root is not None and org.id == b.our_root.id,
        status=c.status.value,
        status_label=lang.label("course_status", c.status.value, c.status.label),
        is_gain=c.status in (CourseStatus.SHORTLISTED, CourseStatus.APPROVED),
        programme=lang.pick(c.programme, c.programme_zh, f"{where} › programme_zh"),
        courses=[],
    )

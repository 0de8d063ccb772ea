"""Taking a partner's attendee list into a meeting: matches, new people, rows refused, all or
nothing; on a file and on a team database (ids ``[sqlite]``, ``[postgresql]``)."""

from __future__ import annotations

import pytest

from eventdesk.records import Attendance, AttendanceRole, Side
from eventdesk.spreadsheets.attendee_import import apply, plan_import, read_plan
from eventdesk.spreadsheets.reading import read_table
from eventdesk.store import EventStore, StoreError
from tests.spreadsheets.files import write_csv, write_xlsx

HEADERS = ["Name", "Title", "Organisation", "Role", "Side", "E-mail"]


@pytest.fixture
def sample_store(engine_sample_store):
    return engine_sample_store


def person_id(store: EventStore, name: str) -> int:
    return next(p.id for p in store.people.list() if p.name == name)


def counts(store: EventStore) -> tuple[int, int, int]:
    attendances = store.connection.execute("SELECT count(*) AS n FROM attendances").scalar()
    return store.people.count(), store.organisations.count(), attendances


def attendee_names(store: EventStore, meeting_id: int) -> list[str]:
    meeting = store.meetings.get(meeting_id)
    people = store.people.get_many(a.person_id for a in meeting.attendees)
    return [people[a.person_id].display_name for a in meeting.attendees]


def test_an_existing_person_is_matched_and_a_new_one_added(sample_store, empty_meeting, tmp_path):
    path = write_xlsx(
        tmp_path / "hku.xlsx",
        [
            HEADERS,
            ["DING Xiaodong", "President", "University of Shanghai for Science and Technology"],
            ["Alexander WAI", "President", "Hong Kong Polytechnic University", "Speaker"],
        ],
    )
    people_before = sample_store.people.count()
    plan = read_plan(sample_store, empty_meeting, path)

    ding = person_id(sample_store, "DING Xiaodong")
    assert plan.row(2).person_id == ding
    assert "DING Xiaodong 丁晓东 (President" in plan.row(2).candidates[0].label
    assert plan.row(3).person_id is None and plan.row(3).display_name == "Alexander WAI"
    assert plan.rejections() == []

    result = apply(sample_store, plan)

    assert (result.attendances_added, result.people_matched, result.people_added) == (2, 1, 1)
    assert attendee_names(sample_store, empty_meeting) == ["DING Xiaodong", "Alexander WAI"]
    assert sample_store.people.count() == people_before + 1
    wai = sample_store.meetings.get(empty_meeting).attendees[1]
    assert (wai.role, wai.side, wai.title) == (AttendanceRole.SPEAKER, Side.PARTNER, "President")


def test_broken_rows_are_named_and_the_rest_imported(sample_store, empty_meeting, tmp_path):
    path = write_csv(
        tmp_path / "名单.csv",
        [
            ["姓", "名", "中文姓名", "职务", "单位", "角色"],
            ["Ding", "Xiaodong", "丁晓东", "校长", "上海理工大学", "代表"],
            ["", "Wei", "", "教授", "复旦大学", ""],
            ["Li", "Na", "李娜", "院长", "新学院", "observer x"],
            ["", "", "王伟", "主任", "新学院", "嘉宾"],
        ],
        encoding="gb18030",
    )
    plan = read_plan(sample_store, empty_meeting, path)
    assert plan.table.source == "GB18030"
    assert plan.rejections() == [
        "row 3: family name is empty",
        "row 4: 'observer x' is not a role (delegate, speaker, chair, host, guest, observer)",
    ]

    result = apply(sample_store, plan)

    assert result.attendances_added == 2 and len(result.not_taken) == 2
    assert attendee_names(sample_store, empty_meeting) == ["DING Xiaodong", "王 伟"]
    ding, wang = sample_store.meetings.get(empty_meeting).attendees
    # The Chinese title held then, with its English twin from the record it matches.
    assert (ding.title, ding.title_zh) == ("President", "校长")
    assert wang.role is AttendanceRole.GUEST
    new_org = sample_store.organisations.get(wang.organisation_id)
    assert (new_org.name, new_org.name_zh) == ("", "新学院")


def test_a_plan_that_is_not_applied_changes_nothing(sample_store, empty_meeting, tmp_path):
    path = write_xlsx(tmp_path / "l.xlsx", [HEADERS, ["Alexander WAI", "President", "PolyU"]])
    before = counts(sample_store)
    plan = read_plan(sample_store, empty_meeting, path)
    assert len(plan.to_take()) == 1
    assert counts(sample_store) == before


def test_a_failure_in_the_middle_leaves_nothing(sample_store, empty_meeting, tmp_path, monkeypatch):
    path = write_xlsx(
        tmp_path / "l.xlsx",
        [
            HEADERS,
            ["Alexander WAI", "President", "New University"],
            ["LI Na", "Dean", "New College"],
        ],
    )
    plan = read_plan(sample_store, empty_meeting, path)
    before = counts(sample_store)

    def fail(meeting):
        raise StoreError("the disk is full")

    monkeypatch.setattr(sample_store.meetings, "save", fail)  # after people and organisations
    with pytest.raises(StoreError, match="disk is full"):
        apply(sample_store, plan)
    assert counts(sample_store) == before


def test_someone_already_at_the_meeting_is_not_listed_twice(sample_store, sample_meeting, tmp_path):
    path = write_csv(tmp_path / "l.csv", [HEADERS, ["DING Xiaodong", "President"]], "utf-8-sig")
    plan = read_plan(sample_store, sample_meeting.id, path)
    assert plan.rejections() == ["row 2: DING Xiaodong already attends this meeting"]
    assert apply(sample_store, plan).attendances_added == 0


def test_the_user_may_choose_a_new_person_or_skip_a_row(sample_store, empty_meeting, tmp_path):
    path = write_xlsx(
        tmp_path / "l.xlsx", [HEADERS, ["DING Xiaodong", "Professor"], ["MA Xiaoting", "Director"]]
    )
    plan = read_plan(sample_store, empty_meeting, path)
    assert plan.row(2).person_id is not None
    plan.row(2).choose(None)  # a namesake, not our president
    plan.row(3).skip = True
    assert plan.rejections() == ["row 3: skipped"]

    result = apply(sample_store, plan)

    assert (result.people_added, result.people_matched) == (1, 0)
    (attendance,) = sample_store.meetings.get(empty_meeting).attendees
    assert attendance.person_id != person_id(sample_store, "DING Xiaodong")


def test_a_namesake_elsewhere_is_offered_but_not_proposed(sample_store, empty_meeting, tmp_path):
    path = write_xlsx(
        tmp_path / "l.xlsx", [HEADERS, ["DING Xiaodong", "Professor", "Fudan University"]]
    )
    row = read_plan(sample_store, empty_meeting, path).row(2)
    assert row.person_id is None
    assert [c.id for c in row.candidates] == [person_id(sample_store, "DING Xiaodong")]


def test_a_name_in_either_order_finds_the_person(sample_store, empty_meeting, tmp_path):
    path = write_xlsx(tmp_path / "l.xlsx", [["Full name"], ["Xiaodong Ding"], ["丁晓东"]])
    plan = read_plan(sample_store, empty_meeting, path)
    ding = person_id(sample_store, "DING Xiaodong")
    assert [r.person_id for r in plan.rows] == [ding, ding]
    assert plan.rejections() == ["row 3: DING Xiaodong is already taken from row 2"]


def test_organisations_are_found_by_any_name_or_created_once(sample_store, empty_meeting, tmp_path):
    path = write_xlsx(
        tmp_path / "l.xlsx",
        [
            HEADERS,
            ["Alexander WAI", "", "HKU"],
            ["LEE Siu", "", "香港大學"],
            ["CHAN Tai", "", "New College"],
            ["WONG Ka", "", "new college"],
        ],
    )
    plan = read_plan(sample_store, empty_meeting, path)
    orgs_before = sample_store.organisations.count()
    result = apply(sample_store, plan)
    assert result.organisations_added == 1
    assert sample_store.organisations.count() == orgs_before + 1
    a, b, c, d = sample_store.meetings.get(empty_meeting).attendees
    assert a.organisation_id == b.organisation_id
    assert sample_store.organisations.get(a.organisation_id).name == "University of Hong Kong"
    assert c.organisation_id == d.organisation_id != a.organisation_id


def test_one_new_person_twice_in_a_list_is_taken_once(sample_store, empty_meeting, tmp_path):
    path = write_xlsx(
        tmp_path / "l.xlsx",
        [HEADERS, ["Alexander WAI", "President"], ["Alexander WAI", "", "", "", "", "aw@polyu.hk"]],
    )
    plan = read_plan(sample_store, empty_meeting, path)
    assert plan.rejections() == ["row 3: Alexander WAI is the same person as row 2"]


def test_a_list_without_a_name_column_takes_nothing(sample_store, empty_meeting, tmp_path):
    path = write_xlsx(tmp_path / "l.xlsx", [["Title", "Organisation"], ["President", "HKU"]])
    table = read_table(path)
    plan = plan_import(sample_store, empty_meeting, table)
    assert plan.to_take() == []
    assert plan.rejections()[0].startswith("no column holds the names")
    # Mapping the first column as the full name makes the row a person.
    plan = plan_import(sample_store, empty_meeting, table, {"full_name": 0})
    assert plan.row(2).display_name == "PRESIDENT"


def test_a_change_made_elsewhere_after_the_preview_is_respected(
    sample_store, empty_meeting, tmp_path
):
    path = write_xlsx(tmp_path / "l.xlsx", [HEADERS, ["DING Xiaodong"], ["Alexander WAI"]])
    plan = read_plan(sample_store, empty_meeting, path)
    meeting = sample_store.meetings.get(empty_meeting)  # meanwhile, in the meeting editor
    meeting.attendees.append(Attendance(person_id=person_id(sample_store, "DING Xiaodong")))
    sample_store.meetings.save(meeting)

    result = apply(sample_store, plan)

    assert result.attendances_added == 1
    assert "row 2: already attends this meeting" in result.not_taken
    assert attendee_names(sample_store, empty_meeting) == ["DING Xiaodong", "Alexander WAI"]


def test_a_guessed_order_is_turned_round_when_the_database_knows_better(
    sample_store, empty_meeting, tmp_path
):
    # MA Xiaoting is in the database, but at another office: not proposed, yet named right.
    path = write_xlsx(
        tmp_path / "l.xlsx", [HEADERS, ["Xiaoting Ma", "Director", "Fudan University"]]
    )
    row = read_plan(sample_store, empty_meeting, path).row(2)
    assert row.person_id is None
    assert row.display_name == "MA Xiaoting"
    assert [c.display_name for c in row.candidates] == ["MA Xiaoting"]


def test_an_attendee_list_row_with_an_escape_is_not_taken_and_named(
    sample_store, empty_meeting, tmp_path
):
    path = write_csv(
        tmp_path / "list.csv",
        [["Name", "Title"], ["DING Xiaodong", "President"], ["WAI Alexander", "Pres\x1bident"]],
    )
    plan = read_plan(sample_store, empty_meeting, path)
    assert plan.rejections() == [
        "row 3: title: holds the control character U+001B (ESC) at position 5; "
        "only tabs and line breaks may be used"
    ]

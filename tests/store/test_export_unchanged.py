"""The interchange format does not change: exports are compared byte for byte with files kept
in ``tests/store/data/exports`` (written by the code of issue 22's start, before the store and
the interchange were rebuilt from the declared fields).

Every record below is given its ``uid``, so nothing in the files is random; the only line
that may differ is the generator's, which names the program's version.
"""

from __future__ import annotations

import base64
import json
import re
from datetime import date, time
from pathlib import Path

from tests.conftest import SAMPLE

from eventdesk.records import (
    Attendance,
    CourseEntry,
    Decision,
    DecisionParty,
    HostOrganisation,
    Meeting,
    MeetingFile,
    Organisation,
    Person,
    Presentation,
    Session,
)
from eventdesk.store import EventStore
from eventdesk.store.interchange import dumps, export_database, export_meeting, import_document
from eventdesk.store.interchange.streaming import write_database

EXPORTS = Path(__file__).parent / "data" / "exports"
EXAMPLE = EXPORTS / "shua-2021-annual-meeting.json"
SMALL_DATABASE = EXPORTS / "small-database.json"

#: A 4 x 3 red PNG, kept as bytes so no image library's version can change it.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAQAAAADCAIAAAA7ljmRAAAAFElEQVR4nGM8IafBAANMDEgAhQMAKEIBFB+VIxoAAAAASUVORK5CYII="
)
PDF = b"%PDF-1.4\n% a signed agreement, as an attachment\n%%EOF\n"


def unversioned(text: str | bytes) -> bytes:
    """The bytes with the generator's version taken out (the one line a release changes)."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    return re.sub(rb'("generator": "EventDesk )[^"]*"', rb'\1*"', data, count=1)


def build_small_database(store: EventStore) -> None:
    """Five kinds of meeting an office records, in English and Chinese, with every part."""
    alliance = store.organisations.save(
        Organisation(
            "Shanghai-Hong Kong University Alliance",
            name_zh="沪港大学联盟",
            short_name="SHUA",
            kind="alliance",
            founded=date(2016, 1, 15),
            uid="org-shua",
        )
    )
    ours = store.organisations.save(
        Organisation(
            "University of Shanghai for Science and Technology",
            name_zh="上海理工大学",
            short_name="USST",
            city="Shanghai",
            description="Our university.",
            description_zh="本校。",
            uid="org-usst",
        )
    )
    office = store.organisations.save(
        Organisation(
            "Hong Kong, Macao and Taiwan Affairs Office",
            name_zh="港澳台事务办公室",
            kind="office",
            parent_id=ours.id,
            notes="Us.",
            uid="org-hmt",
        )
    )
    partner = store.organisations.save(
        Organisation(
            "Hong Kong Baptist University",
            name_zh="香港浸會大學",
            short_name="HKBU",
            city="Hong Kong",
            uid="org-hkbu",
        )
    )
    taipei = store.organisations.save(
        Organisation("National Taipei University", name_zh="國立臺北大學", uid="org-ntpu")
    )
    bureau = store.organisations.save(
        Organisation("Education Bureau", name_zh="教育局", kind="government", uid="org-edb")
    )
    alliance.member_ids = [ours.id, partner.id]
    store.organisations.save(alliance)

    def person(family: str, given: str, uid: str, **kw) -> int:
        return store.people.save(Person(family, given, uid=uid, **kw)).id

    ding = person(
        "Ding",
        "Xiaodong",
        "p-ding",
        name_zh="丁晓东",
        honorific="Prof.",
        honorific_zh="教授",
        title="President",
        title_zh="校长",
        organisation_id=ours.id,
        email="ding@usst.example",
    )
    li = person("Li", "Na", "p-li", name_zh="李娜", organisation_id=office.id, phone="+86 21 1")
    wai = person(
        "Wai",
        "Alexander",
        "p-wai",
        name_order="given_first",
        organisation_id=partner.id,
        title="Vice-President",
        notes="Prefers English.",
    )
    chen = person("Chen", "Mei-ling", "p-chen", name_zh="陳美玲", organisation_id=taipei.id)
    person("Wong", "Ka Ming", "p-wong", name_zh="黃家明")  # in no meeting, still exported

    store.meetings.save(
        Meeting(
            "SHUA Annual Meeting 2022",
            date(2022, 11, 18),
            title_zh="沪港大学联盟2022年年会",
            series="SHUA Annual Meeting",
            series_zh="沪港大学联盟年会",
            edition="7th",
            end_date=date(2022, 11, 19),
            start_time=time(9, 30),
            end_time=time(17, 0),
            format="hybrid",
            venue="Hong Kong Baptist University",
            venue_zh="香港浸會大學",
            our_role="participant",
            summary="The alliance met for its seventh year.",
            summary_zh="联盟第七次年会。",
            background="Founded 2016.",
            background_zh="联盟成立于2016年。",
            status="final",
            tags=["alliance", "annual"],
            hosts=[HostOrganisation(partner.id), HostOrganisation(alliance.id, "organiser")],
            sessions=[
                Session(
                    "Opening",
                    "开幕式",
                    time(9, 30),
                    time(10, 0),
                    chair_id=wai,
                    notes="Welcome.",
                    notes_zh="致辞。",
                    uid="m1-s1",
                ),
                Session("Council", "理事会", time(10, 30), uid="m1-s2"),
            ],
            attendees=[
                Attendance(
                    ding,
                    "President",
                    "校长",
                    ours.id,
                    "Chairman of the Alliance",
                    "联盟主席",
                    role="speaker",
                    uid="m1-a1",
                ),
                Attendance(li, "Officer", organisation_id=office.id, uid="m1-a2"),
                Attendance(
                    wai,
                    "Vice-President",
                    organisation_id=partner.id,
                    role="host",
                    side="partner",
                    uid="m1-a3",
                ),
            ],
            presentations=[
                Presentation(
                    "speech",
                    "Welcome address",
                    "欢迎辞",
                    "m1-s1",
                    [wai],
                    "A warm welcome.",
                    "热烈欢迎。",
                    uid="m1-p1",
                ),
                Presentation(
                    "report",
                    "Annual report",
                    "年度报告",
                    "m1-s2",
                    [ding, li],
                    attachment_uid="m1-f2",
                    uid="m1-p2",
                ),
            ],
            courses=[
                CourseEntry(
                    "Data Science",
                    "Summer School",
                    "暑期学校",
                    "数据科学",
                    2023,
                    ours.id,
                    "Prof. Zhang",
                    "shortlisted",
                    "Two weeks.",
                    uid="c-data",
                ),
            ],
            decisions=[
                Decision(
                    "Prof. Ding was elected Chairman.",
                    "丁晓东教授当选联盟主席。",
                    kind="election",
                    session_uid="m1-s2",
                    parties=[DecisionParty(person_id=ding, role="Chairman", role_zh="主席")],
                    uid="m1-d1",
                ),
                Decision(
                    "Exchange 20 students a year.",
                    document="the exchange plan",
                    document_zh="《交换计划》",
                    kind="action_item",
                    count=20,
                    count_unit="students",
                    owner_id=li,
                    due_date=date(2023, 3, 1),
                    parties=[DecisionParty(organisation_id=partner.id)],
                    uid="m1-d2",
                ),
            ],
            files=[
                MeetingFile(
                    "group.png",
                    "image/png",
                    caption="Group photo",
                    caption_zh="合影",
                    credit="HKBU",
                    session_uid="m1-s1",
                    data=PNG,
                    uid="m1-f1",
                ),
                MeetingFile("report.pdf", "application/pdf", "attachment", data=PDF, uid="m1-f2"),
            ],
            uid="meeting-shua-2022",
        )
    )
    store.meetings.save(
        Meeting(
            "Delegation from National Taipei University",
            date(2023, 4, 3),
            title_zh="國立臺北大學代表團來訪",
            our_role="visited",
            venue="USST, Shanghai",
            hosts=[HostOrganisation(ours.id)],
            attendees=[
                Attendance(
                    chen,
                    "Dean",
                    organisation_id=taipei.id,
                    side="partner",
                    role="guest",
                    uid="m2-a1",
                ),
                Attendance(ding, "President", organisation_id=ours.id, role="host", uid="m2-a2"),
            ],
            decisions=[
                Decision("Exchanged views on joint degrees.", kind="discussion", uid="m2-d1"),
            ],
            uid="meeting-ntpu-visit",
        )
    )
    store.meetings.save(
        Meeting(
            "Our delegation to Hong Kong",
            date(2023, 6, 12),
            end_date=date(2023, 6, 14),
            our_role="visiting",
            format="onsite",
            venue="Education Bureau, Hong Kong",
            hosts=[HostOrganisation(bureau.id)],
            attendees=[Attendance(ding, "President", organisation_id=ours.id, uid="m3-a1")],
            uid="meeting-hk-trip",
        )
    )
    store.meetings.save(
        Meeting(
            "Signing of the cooperation agreement",
            date(2023, 9, 1),
            title_zh="合作协议签约仪式",
            our_role="co_host",
            hosts=[HostOrganisation(ours.id, "co_host"), HostOrganisation(partner.id, "co_host")],
            attendees=[
                Attendance(ding, "President", organisation_id=ours.id, uid="m4-a1"),
                Attendance(
                    wai, "Vice-President", organisation_id=partner.id, side="partner", uid="m4-a2"
                ),
            ],
            decisions=[
                Decision(
                    "Agreement on cooperation in teaching and research",
                    "教学科研合作协议",
                    document="the cooperation agreement",
                    document_zh="《合作协议》",
                    kind="agreement",
                    parties=[
                        DecisionParty(ours.id, ding, "Signatory", "签约人"),
                        DecisionParty(partner.id, wai, "Signatory", "签约人"),
                    ],
                    uid="m4-d1",
                ),
            ],
            files=[MeetingFile("signing.png", "image/png", data=PNG, uid="m4-f1")],
            uid="meeting-signing",
        )
    )
    store.meetings.save(
        Meeting(
            "Online forum on student mobility",
            date(2024, 1, 20),
            format="online",
            our_role="host",
            status="draft",
            hosts=[HostOrganisation(ours.id)],
            sessions=[Session("Panel", uid="m5-s1")],
            attendees=[Attendance(li, organisation_id=office.id, uid="m5-a1")],
            presentations=[Presentation(title="Remarks", kind="remarks", uid="m5-p1")],
            uid="meeting-forum",
        )
    )
    gone = store.meetings.save(Meeting("A meeting in the trash", date(2024, 2, 1), uid="m-gone"))
    store.trash.put("meeting", gone.id)
    store.courses.save(
        CourseEntry("Chinese Calligraphy", year=2024, institution_id=taipei.id, uid="c-loose")
    )


def _example_store(tmp_path: Path) -> EventStore:
    from eventdesk.store.interchange import import_file

    store = EventStore.open(tmp_path / "example.sqlite3")
    import_file(store, SAMPLE)  # as the tests' sample_store fixture loads it
    return store


def test_the_example_meeting_exports_as_before(tmp_path):
    with _example_store(tmp_path) as store:
        (row,) = store.meetings.list()
        exported = dumps(export_meeting(store, row.id))
        assert unversioned(exported) == unversioned(EXAMPLE.read_bytes())
        assert unversioned(store.interchange.export_json(row.id)) == unversioned(
            EXAMPLE.read_bytes()
        )


def test_the_example_meeting_round_trips_byte_for_byte(tmp_path):
    with EventStore.open(tmp_path / "copy.sqlite3") as copy:
        report = import_document(copy, json.loads(EXAMPLE.read_text(encoding="utf-8")))
        again = dumps(export_meeting(copy, report.meetings_added[0]))
    assert unversioned(again) == unversioned(EXAMPLE.read_bytes())


def test_a_whole_database_exports_as_before(tmp_path):
    with EventStore.open(tmp_path / "small.sqlite3") as store:
        build_small_database(store)
        assert unversioned(dumps(export_database(store))) == unversioned(
            SMALL_DATABASE.read_bytes()
        )
        assert unversioned(store.interchange.export_json()) == unversioned(
            SMALL_DATABASE.read_bytes()
        )
        streamed = tmp_path / "streamed.json"
        write_database(store, streamed)
    assert unversioned(streamed.read_bytes()) == unversioned(SMALL_DATABASE.read_bytes())


def test_a_whole_database_round_trips_byte_for_byte(tmp_path):
    document = json.loads(SMALL_DATABASE.read_text(encoding="utf-8"))
    with EventStore.open(tmp_path / "copy.sqlite3") as copy:
        report = import_document(copy, document)
        assert len(report.meetings_added) == 5 and report.people_added == 5
        again = dumps(export_database(copy))
    assert unversioned(again) == unversioned(SMALL_DATABASE.read_bytes())


def test_the_kept_files_hold_every_part_of_the_format():
    """The comparison above is worth something only if the kept files use the whole format."""
    document = json.loads(SMALL_DATABASE.read_text(encoding="utf-8"))
    meetings = {m["id"]: m for m in document["meetings"]}
    assert "m-gone" not in meetings and len(meetings) == 5
    assert {m["our_role"] for m in meetings.values()} == {
        "participant",
        "visited",
        "visiting",
        "co_host",
        "host",
    }
    shua = meetings["meeting-shua-2022"]
    for part in (
        "hosts",
        "sessions",
        "attendees",
        "presentations",
        "courses",
        "decisions",
        "files",
    ):
        assert shua[part], part
    assert shua["files"][0]["data"] == base64.b64encode(PNG).decode("ascii")
    assert [c["id"] for c in document["courses"]] == ["c-loose"]
    alliance = next(o for o in document["organisations"] if o["id"] == "org-shua")
    assert alliance["members"] == ["org-usst", "org-hkbu"]
    assert "p-wong" in [p["id"] for p in document["people"]]

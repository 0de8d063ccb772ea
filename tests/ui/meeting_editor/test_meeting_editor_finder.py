"""What the find-as-you-type popups offer, and in what order."""

from __future__ import annotations

from eventdesk.ui.meeting_editor.finder import organisation_source, people_source
from eventdesk.ui.meeting_editor.labels import Labels


def test_people_whose_name_matches_come_before_titles_that_match(sample_store):
    find = people_source(sample_store, Labels(sample_store))
    labels = [c.label for c in find("d")]
    assert labels[:2] == ["CHENG Danhong", "DING Xiaodong"]  # then every Deputy Director
    assert "MA Xiaoting" in labels  # a Director: found, but later
    first = find("ding x")[0]
    assert (first.label, first.detail) == (
        "DING Xiaodong",
        "President, University of Shanghai for Science and Technology",
    )


def test_a_meetings_attendees_are_offered_first(sample_store, sample_meeting):
    labels = Labels(sample_store)
    attendees = [a.person_id for a in sample_meeting.attendees]
    find = people_source(sample_store, labels, lambda: attendees[4:6])
    assert [c.label for c in find("")] == ["YANG Jiong", "CHENG Danhong"]
    assert [c.label for c in find("yang")] == ["YANG Jiong"]


def test_organisations_are_found_by_name_short_name_or_chinese_name(sample_store):
    find = organisation_source(sample_store)
    assert [c.label for c in find("USST")] == ["University of Shanghai for Science and Technology"]
    assert [c.label for c in find("HKBU")] == ["Hong Kong Baptist University"]
    assert [c.label for c in find("香港浸會")] == ["Hong Kong Baptist University"]
    assert find("") == []

"""Guessing what each column holds, splitting names, reading roles and sides."""

from __future__ import annotations

import pytest

from eventdesk.records import AttendanceRole, NameOrder, Side
from eventdesk.spreadsheets.columns import guess_mapping, parse_role, parse_side
from eventdesk.spreadsheets.names import split_full_name


def test_english_headers_in_the_spellings_partners_use():
    headers = [
        "No.",
        "Surname",
        "First name",
        "Chinese name",
        "Position",
        "Organization",
        "Role",
        "Side",
        "E-mail address",
    ]
    assert guess_mapping(headers) == {
        "family_name": 1,
        "given_name": 2,
        "name_zh": 3,
        "title": 4,
        "organisation": 5,
        "role": 6,
        "side": 7,
        "email": 8,
    }


def test_chinese_headers():
    assert guess_mapping(["序号", "姓名", "职务", "单位", "邮箱", "角色"]) == {
        "full_name": 1,
        "title": 2,
        "organisation": 3,
        "email": 4,
        "role": 5,
    }
    assert guess_mapping(["姓", "名", "職務", "單位"]) == {
        "family_name": 0,
        "given_name": 1,
        "title": 2,
        "organisation": 3,
    }


def test_an_exact_header_wins_over_a_hint_and_each_field_is_used_once():
    # "Name of organisation" hints at the organisation, but "Organisation" says it exactly.
    assert guess_mapping(["Name", "Name of organisation", "Organisation"]) == {
        "full_name": 0,
        "organisation": 2,
    }


@pytest.mark.parametrize(
    ("text", "family", "given", "order", "name_zh", "certain"),
    [
        ("DING Xiaodong", "Ding", "Xiaodong", NameOrder.FAMILY_FIRST, "", True),
        ("Alexander WAI", "Wai", "Alexander", NameOrder.GIVEN_FIRST, "", True),
        ("Ding Xiaodong", "Ding", "Xiaodong", NameOrder.FAMILY_FIRST, "", False),
        ("Wai, Alexander", "Wai", "Alexander", NameOrder.GIVEN_FIRST, "", True),
        ("丁晓东", "丁", "晓东", NameOrder.FAMILY_FIRST, "丁晓东", True),
        ("欧阳修", "欧阳", "修", NameOrder.FAMILY_FIRST, "欧阳修", True),
        ("DING Xiaodong 丁晓东", "Ding", "Xiaodong", NameOrder.FAMILY_FIRST, "丁晓东", True),
        ("LAI Tze-kin", "Lai", "Tze-kin", NameOrder.FAMILY_FIRST, "", True),
        ("Mary Anne SMITH", "Smith", "Mary Anne", NameOrder.GIVEN_FIRST, "", True),
    ],
)
def test_a_full_name_is_split_by_the_printing_rule(text, family, given, order, name_zh, certain):
    split = split_full_name(text)
    assert (split.family, split.given, split.order, split.name_zh, split.certain) == (
        family,
        given,
        order,
        name_zh,
        certain,
    )


def test_roles_and_sides_in_english_labels_and_chinese():
    assert parse_role("Speaker") is AttendanceRole.SPEAKER
    assert parse_role("发言人") is AttendanceRole.SPEAKER
    assert parse_side("Our delegation") is Side.OURS
    assert parse_side("我方") is Side.OURS
    assert parse_side("partner") is Side.PARTNER
    with pytest.raises(ValueError, match=r"'observer x' is not a role \(delegate, speaker, "):
        parse_role("observer x")


def test_a_chinese_name_column_beside_an_english_one():
    assert guess_mapping(["序号", "姓名", "英文名", "职务"]) == {
        "name_zh": 1,
        "full_name": 2,
        "title": 3,
    }

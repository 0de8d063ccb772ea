import pytest

from eventdesk.records import NameOrder, Person, display_name
from eventdesk.records.names import split_typed


def test_family_first_name_prints_family_name_in_capitals_first():
    assert display_name("Ding", "Xiaodong") == "DING Xiaodong"


def test_given_first_name_prints_given_name_first():
    assert display_name("Wai", "Alexander", NameOrder.GIVEN_FIRST) == "Alexander WAI"


def test_missing_given_name_leaves_the_family_name_alone():
    assert display_name("Madonna", "", NameOrder.GIVEN_FIRST) == "MADONNA"
    assert display_name("Ding", "   ") == "DING"


def test_hyphenated_given_name_and_extra_spaces_are_kept_tidy():
    assert display_name(" lai ", "Tze-kin ") == "LAI Tze-kin"
    assert display_name("van  der Berg", "Anna", "given_first") == "Anna VAN DER BERG"


def test_person_uses_the_one_rule():
    assert Person("Chen", "Qi").display_name == "CHEN Qi"


FAMILY, GIVEN = NameOrder.FAMILY_FIRST, NameOrder.GIVEN_FIRST


@pytest.mark.parametrize(
    ("typed", "parts"),
    [
        ("Alexander WAI", ("Wai", "Alexander", GIVEN)),  # the name, split wrongly before
        ("DING Xiaodong", ("Ding", "Xiaodong", FAMILY)),
        ("Hiu Tung WONG", ("Wong", "Hiu Tung", GIVEN)),
        ("Maria DE LA CRUZ", ("De La Cruz", "Maria", GIVEN)),
        ("Sean O'NEIL", ("O'Neil", "Sean", GIVEN)),
        ("AU-YEUNG Kin Man", ("Au-Yeung", "Kin Man", FAMILY)),
        ("Wai Alexander", ("Wai", "Alexander", FAMILY)),  # no capitals: first word, as before
        ("LENZEN DIETER", ("LENZEN", "DIETER", FAMILY)),  # all capitals tell nothing
        ("Lenzen", ("Lenzen", "", FAMILY)),
        ("Tim I Smith", ("Tim", "I Smith", FAMILY)),  # one capital letter is no family name
    ],
)
def test_a_name_typed_in_one_piece_splits_as_an_office_writes_it(typed, parts):
    assert split_typed(typed) == parts


def test_a_name_with_its_family_name_in_capitals_prints_as_typed():
    for typed in ("Alexander WAI", "DING Xiaodong", "Maria DE LA CRUZ"):
        assert display_name(*split_typed(typed)) == typed

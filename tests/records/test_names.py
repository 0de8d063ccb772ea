from eventdesk.records import NameOrder, Person, display_name


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

import pytest

from eventdesk.records import OrganisationKind as K
from eventdesk.records.organisation_kinds import guess_kind


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("HKSAR Government", K.GOVERNMENT),
        ("Ministry of Education", K.GOVERNMENT),
        ("Education Bureau", K.GOVERNMENT),
        ("香港特别行政区政府", K.GOVERNMENT),
        ("Tongji University", K.UNIVERSITY),
        ("同济大学", K.UNIVERSITY),
        ("Shanghai-Hong Kong University Alliance", K.ALLIANCE),
        ("Office of International Affairs, Fudan University", K.OFFICE),
        ("Huawei Technologies Co., Ltd.", K.COMPANY),
        ("Friends of the Library", None),
    ],
)
def test_a_new_organisations_kind_is_proposed_from_its_name(name, kind):
    assert guess_kind(name) == kind

"""One map from consent item to fields: the profile page and the API show the same things per consent."""

import pytest

from inzet.api.routers.experts import _as_output
from inzet.experts.consent_fields import CONSENT_FIELDS, item_values, shown_postcode
from inzet.experts.disclosure import ITEM_FIELDS, SELF, disclose
from inzet.experts.models import Audience
from inzet.experts.selectors import profile_view

LEVELS = [SELF, Audience.COORDINATORS, Audience.ASKERS, Audience.PUBLIC]


def test_every_consent_item_says_which_fields_it_opens():
    # competences and training are lists of their own on the page; every other item has lines too.
    assert set(CONSENT_FIELDS) == set(ITEM_FIELDS)


@pytest.mark.parametrize("level", LEVELS)
def test_the_postcode_is_cut_to_four_digits_for_all_but_the_expert_and_coordinators(level):
    expected = "3511 AB" if level in (SELF, Audience.COORDINATORS) else "3511"
    assert shown_postcode("3511 AB", level) == expected


@pytest.mark.parametrize("level", LEVELS)
def test_the_page_and_the_api_show_the_same_items_and_postcode(expert, expert_profile, level):
    expert_profile.vis_region = Audience.PUBLIC
    expert_profile.save(update_fields=["vis_region"])
    disclosed = disclose(expert, expert_profile, context="page", level=level)
    body = _as_output(disclosed)
    view = profile_view(disclosed)
    page_rows = {row.item: row for section in view.sections for row in section.rows}

    for item in CONSENT_FIELDS:
        fields = item_values(expert_profile, item, level)
        if disclosed.sees(item):
            assert {name: body[name] for name in fields} == fields
        else:
            assert all(body.get(name) in (None, [], {}) for name in fields)
        if item in page_rows:
            assert page_rows[item].shown == disclosed.sees(item)
    expected = shown_postcode(expert_profile.postcode, level)
    assert body["postcode"] == expected
    assert page_rows["region"].lines[0].startswith(expected)
    if level not in (SELF, Audience.COORDINATORS):
        assert "AB" not in page_rows["region"].lines[0] and body["postcode"] == "3511"

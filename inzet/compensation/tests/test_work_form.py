"""Path to paid work: changing the work form runs the benefit check again and shows what changes;
the coordinator sees UWV and municipal instruments as information."""

import re

import pytest
from django.conf import settings
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from inzet.compensation.models import WorkInstrument
from inzet.compensation.rules.types import BenefitSituation
from inzet.compensation.rules.work_form import Change, work_form_changes
from inzet.compensation.tests import factories as f
from inzet.experts.models import AccessLog, Audience, ExpertProfile

pytestmark = pytest.mark.django_db

FORMS = ["volunteer", "employee", "zzp"]


def test_from_volunteer_to_employee_in_bijstand_names_the_duty_to_apply_and_the_exemption():
    changes = work_form_changes(old="volunteer", new="employee", benefit=BenefitSituation.BIJSTAND)
    assert Change.ALLOWANCE_CHECK_ENDS in changes
    assert Change.BIJSTAND_DUTY_TO_APPLY in changes and Change.BIJSTAND_EXEMPTION_ENDS in changes
    assert Change.INSTRUMENTS_MAY_APPLY in changes


def test_without_a_known_benefit_only_general_changes_remain():
    changes = work_form_changes(old="volunteer", new="zzp", benefit=None)
    assert changes == [Change.ALLOWANCE_CHECK_ENDS, Change.ZZP_OWN_BUSINESS]


@given(st.sampled_from(FORMS), st.sampled_from(FORMS), st.sampled_from([None, *BenefitSituation]))
def test_no_change_means_nothing_to_say_and_back_to_volunteer_restarts_the_check(old, new, benefit):
    changes = work_form_changes(old=old, new=new, benefit=benefit)
    if old == new:
        assert changes == []
    elif new == "volunteer":
        assert changes == [Change.ALLOWANCE_CHECK_STARTS]
    else:
        assert (Change.ALLOWANCE_CHECK_ENDS in changes) == (old == "volunteer")
        assert (Change.REPORT_INCOME in changes) == (benefit not in (None, BenefitSituation.NONE))


def _profile(expert, orgs, **fields):
    return f.profile_for(expert, orgs.deploying, benefit_situation="bijstand", **fields)


def test_the_expert_sees_what_changes_then_confirms(client, expert, orgs):
    profile = _profile(expert, orgs)
    client.force_login(expert)
    url = reverse("compensation:work_form", args=[profile.pk])
    response = client.post(url, {"work_form": "employee", "preview": ""})
    body = response.content.decode()
    assert "sollicitatieplicht" in body and "ontheffing" in body
    assert "wetten.overheid.nl" in body
    profile.refresh_from_db()
    assert profile.work_form == "volunteer"  # only seeing, not yet changed
    assert client.post(url, {"work_form": "employee", "confirm": ""}).status_code == 302
    profile.refresh_from_db()
    assert profile.work_form == "employee"


def test_zzp_without_kvk_number_is_refused_and_the_choice_stays(client, expert, orgs):
    profile = _profile(expert, orgs)
    client.force_login(expert)
    response = client.post(reverse("compensation:work_form", args=[profile.pk]), {"work_form": "zzp", "confirm": ""})
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors and form["work_form"].value() == "zzp"
    assert "KvK" in response.content.decode()
    assert ExpertProfile.objects.get(pk=profile.pk).work_form == "volunteer"


def test_a_coordinator_without_consent_sees_no_benefit_lines_but_the_instruments(client, coordinator, expert, orgs):
    profile = _profile(expert, orgs, vis_benefit=Audience.ONLY_ME)
    client.force_login(coordinator)
    response = client.post(
        reverse("compensation:work_form", args=[profile.pk]), {"work_form": "employee", "preview": ""}
    )
    body = response.content.decode()
    assert "sollicitatieplicht" not in body and "alleen de persoon zelf" in body
    assert "Loonkostensubsidie" in body and "No-riskpolis" in body and "geen advies" in body
    assert not AccessLog.objects.filter(profile=profile, item="benefit").exists()


def test_a_coordinator_with_consent_sees_the_benefit_lines_and_it_is_logged(client, coordinator, expert, orgs):
    profile = _profile(expert, orgs, vis_benefit=Audience.COORDINATORS)
    client.force_login(coordinator)
    client.post(reverse("compensation:work_form", args=[profile.pk]), {"work_form": "employee", "preview": ""})
    assert AccessLog.objects.filter(profile=profile, item="benefit", viewer=coordinator).exists()


def test_the_expert_does_not_see_the_instruments_list(client, expert, orgs):
    profile = _profile(expert, orgs)
    client.force_login(expert)
    body = client.get(reverse("compensation:work_form", args=[profile.pk])).content.decode()
    assert "Loonkostensubsidie" not in body


def test_the_instruments_are_reference_data_with_public_sources(client, operator):
    rows = list(WorkInstrument.objects.all())
    assert {"Loonkostensubsidie", "Jobcoaching", "Proefplaatsing", "No-riskpolis"} <= {r.name for r in rows}
    assert all(r.source.startswith("https://") and ".txt" not in r.source for r in rows)
    client.force_login(operator)
    body = client.get(reverse("compensation:rules")).content.decode()
    assert "Regelingen naar betaald werk" in body and "Loonkostensubsidie" in body


PUBLIC_SOURCES = ("https://wetten.overheid.nl/", "https://www.uwv.nl/", "https://www.rijksoverheid.nl/")


def test_every_instrument_cites_a_public_page_and_explains_itself_in_dutch_and_english():
    rows = list(WorkInstrument.objects.all())
    assert len(rows) >= 5
    for row in rows:
        assert row.source.startswith(PUBLIC_SOURCES) and " " not in row.source, row.name
        assert re.fullmatch(r"https://[a-z.]+/[\w/.:&=-]*", row.source), row.source  # no file of ours
        for field in ("name", "description", "conditions", "name_en", "description_en", "conditions_en"):
            assert getattr(row, field).strip(), (row.name, field)
        assert row.description_en != row.description


def test_the_english_page_explains_the_instruments_in_english(client, coordinator, expert, orgs):
    profile = _profile(expert, orgs)
    client.force_login(coordinator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    body = client.get(reverse("compensation:work_form", args=[profile.pk])).content.decode()
    assert "Wage cost subsidy" in body and "A job coach helps someone at the workplace" in body
    assert "wetten.overheid.nl" in body
    assert not re.search(r"\b0\d\d_[0-9a-f]{4,}|\.txt\b", body)  # never a file name of ours
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "nl"
    body = client.get(reverse("compensation:work_form", args=[profile.pk])).content.decode()
    assert "Een jobcoach helpt iemand op de werkplek" in body and "Wage cost subsidy" not in body

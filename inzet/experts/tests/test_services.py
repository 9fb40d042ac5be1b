"""The write flows, called directly."""

import pytest
from django.core.exceptions import ValidationError

from conftest import term
from inzet.experts import services
from inzet.experts.models import Audience, ExpertProfile, resolve_areas


def test_a_profile_is_created_once_per_person(expert, orgs):
    services.profile_create(user=expert, organisation=orgs.deploying)
    with pytest.raises(ValidationError):
        services.profile_create(user=expert, organisation=orgs.deploying)
    assert ExpertProfile.objects.count() == 1


def test_update_refuses_fields_it_does_not_know(expert_profile):
    with pytest.raises(ValidationError):
        services.profile_update(profile=expert_profile, changes={"status": "active"})


def test_update_checks_the_kvk_number_and_the_charity(expert_profile):
    with pytest.raises(ValidationError) as caught:
        services.profile_update(profile=expert_profile, changes={"work_form": "zzp", "reward_form": "donation"})
    assert set(caught.value.message_dict) == {"kvk_number", "donation_charity"}
    expert_profile.refresh_from_db()
    assert expert_profile.work_form == "volunteer"


def test_update_sets_the_postcode_area(expert_profile):
    services.profile_update(profile=expert_profile, changes={"postcode": "3811ab"})
    expert_profile.refresh_from_db()
    assert expert_profile.postcode == "3811 AB" and expert_profile.area.municipality == "Amersfoort"


def test_leaving_zzp_clears_the_kvk_number(expert_profile):
    services.profile_update(profile=expert_profile, changes={"work_form": "zzp", "kvk_number": "12345678"})
    services.profile_update(profile=expert_profile, changes={"work_form": "volunteer"})
    expert_profile.refresh_from_db()
    assert expert_profile.kvk_number == ""


def test_visibility_refuses_unknown_items_and_hiding_the_name_from_the_coordinator(expert_profile):
    with pytest.raises(ValidationError):
        services.visibility_set(profile=expert_profile, items={"name": Audience.ONLY_ME})
    with pytest.raises(ValidationError):
        services.visibility_set(profile=expert_profile, items={"iban": Audience.PUBLIC})
    with pytest.raises(ValidationError):
        services.visibility_set(profile=expert_profile, items={}, experiences={"autism": 1})
    services.visibility_set(
        profile=expert_profile, items={"benefit": Audience.COORDINATORS}, experiences={"addiction": 1}
    )
    expert_profile.refresh_from_db()
    assert expert_profile.vis_benefit == Audience.COORDINATORS
    assert expert_profile.experiences.get(area__code="addiction").visibility == Audience.COORDINATORS


def test_new_stories_start_private_and_existing_choices_are_kept(expert_profile):
    addiction, autism = term("experience_area", "addiction"), term("experience_area", "autism")
    services.experiences_set(profile=expert_profile, stories={addiction: "Nieuw verhaal", autism: "Ander verhaal"})
    rows = {e.area_term.code: e for e in resolve_areas(expert_profile.experiences.select_related("area"))}
    assert set(rows) == {"addiction", "autism"}  # the other two were left out, so removed
    assert rows["autism"].visibility == Audience.ONLY_ME
    assert rows["addiction"].description == "Nieuw verhaal"


def test_nobody_confirms_their_own_competence(expert, competence):
    with pytest.raises(ValidationError):
        services.competence_confirm(competence=competence, confirmed_by=expert)


def test_confirming_twice_keeps_the_first_confirmation(coordinator, trainer, competence):
    services.competence_confirm(competence=competence, confirmed_by=coordinator)
    first = competence.confirmed_at
    services.competence_confirm(competence=competence, confirmed_by=trainer)
    competence.refresh_from_db()
    assert competence.confirmed_by == coordinator and competence.confirmed_at == first

from django.db import connection

from conftest import term
from inzet.experts.disclosure import SELF, disclose, has_visible_experience, viewer_level
from inzet.experts.models import AccessLog, Audience, ExpertProfile


def _areas(disclosed):
    return {e.area.code for e in disclosed.experiences}


def test_the_expert_sees_everything_and_nothing_is_logged(expert, expert_profile):
    seen = disclose(expert, expert_profile, context="page")
    assert seen.level == SELF
    assert _areas(seen) == {"addiction", "poverty_debt", "mental_health"}
    assert seen.sees("benefit")
    assert AccessLog.objects.count() == 0


def test_a_coordinator_of_the_organisation_sees_what_is_shared_with_coordinators(coordinator, expert_profile):
    seen = disclose(coordinator, expert_profile, context="page")
    assert seen.level == Audience.COORDINATORS
    assert _areas(seen) == {"poverty_debt", "mental_health"}
    assert seen.hidden_experience_count == 1
    assert not seen.sees("benefit")
    assert seen.sees("needs")


def test_another_organisations_coordinator_sees_only_public_items(other_coordinator, expert_profile):
    seen = disclose(other_coordinator, expert_profile, context="page")
    assert seen.level == Audience.PUBLIC
    assert _areas(seen) == {"mental_health"}
    assert seen.shown == {"roles", "experience"}


def test_an_asker_without_an_accepted_assignment_sees_only_public_items(asker, expert_profile):
    assert viewer_level(asker, expert_profile) == Audience.PUBLIC


def test_each_special_category_read_is_logged_with_viewer_and_context(coordinator, expert_profile):
    disclose(coordinator, expert_profile, context="api", path="/api/experts/1")
    logged = set(AccessLog.objects.values_list("item", "context", "viewer_id"))
    assert logged == {(item, "api", coordinator.pk) for item in ("experience", "needs", "does_not_want")}


def test_a_hidden_item_is_not_logged_as_read(other_coordinator, expert_profile):
    disclose(other_coordinator, expert_profile, context="page")
    assert set(AccessLog.objects.values_list("item", flat=True)) == {"experience"}


def test_filters_only_use_visible_experience(expert_profile):
    addiction = term("experience_area", "addiction").pk
    public = expert_profile.experiences.get(area__code="mental_health").area_id
    profiles = ExpertProfile.objects.all()
    # The addiction story is private: filtering on it must not find the expert for anyone else.
    assert not profiles.filter(has_visible_experience(Audience.COORDINATORS, [addiction])).exists()
    # Its area is sealed ("Alleen ik"): no filter can use it, not even the expert's own (unknown).
    assert not profiles.filter(has_visible_experience(SELF, [addiction])).exists()
    assert profiles.filter(has_visible_experience(Audience.PUBLIC, [public])).exists()


def test_special_category_fields_are_encrypted_in_the_database(expert_profile):
    with connection.cursor() as cursor:
        cursor.execute("SELECT benefit_situation, needs FROM experts_expertprofile WHERE id = %s", [expert_profile.pk])
        benefit, needs = cursor.fetchone()
        cursor.execute("SELECT description FROM experts_expertexperience WHERE profile_id = %s", [expert_profile.pk])
        stories = [row[0] for row in cursor.fetchall()]
    assert "wajong" not in benefit and benefit.startswith("gAAAA")
    assert "transport" not in needs
    assert all("verhaal" not in story for story in stories)
    expert_profile.refresh_from_db()
    assert expert_profile.benefit_situation == "wajong"

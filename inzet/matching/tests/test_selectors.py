"""selectors: from model rows to rules.Candidate / RequestSpec, with consent per viewer and bounded queries."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from conftest import term
from inzet.engagements.models import EngagementRequest, Invitation
from inzet.experts.models import Audience, UnavailablePeriod
from inzet.matching import rules, selectors
from inzet.matching.tests.conftest import make_expert, make_request
from inzet.organisations.models import PolicySettings


def only(candidates, profile):
    return next(c for c in candidates if c.expert_id == profile.pk)


def test_it_describes_the_request_for_the_rules(orgs, asker, coordinator):
    request = make_request(orgs, asker, coordinator, practice_setting=term("practice_setting", "institutions"))
    request.competences.set([term("competence", "change_advice")])
    spec = selectors.request_spec(request)
    assert spec.required_areas == {"poverty_debt", "addiction"}
    assert spec.required_roles == {"policy_influencer"}
    assert spec.required_competences == {"change_advice"}
    assert spec.min_level == "expertise"
    assert spec.languages == {"nl"}
    assert spec.kinds == {
        "role:policy_influencer",
        "practice_setting:institutions",
        "experience_area:poverty_debt",
        "experience_area:addiction",
    }
    assert (spec.start, spec.end) == (request.start_date, request.end_date)
    assert spec.location == (float(request.area.latitude), float(request.area.longitude))
    assert spec.experts_needed == 2 and not spec.use_feedback


def test_online_work_has_no_place_and_one_date_is_a_one_day_period(orgs, asker, coordinator):
    day = timezone.localdate() + timedelta(days=3)
    request = make_request(orgs, asker, coordinator, online=True, start_date=day, end_date=None)
    spec = selectors.request_spec(request)
    assert spec.location is None
    assert (spec.start, spec.end) == (day, day)


def test_it_maps_every_item_to_what_the_coordinator_may_see(orgs, coordinator, matching_request):
    profile = make_expert(
        orgs.deploying,
        areas={"poverty_debt": Audience.COORDINATORS, "addiction": Audience.ONLY_ME},
        competences={"change_advice": True, "methods_tools": False},
        vis_languages=Audience.ONLY_ME,
        vis_region=Audience.ONLY_ME,
        vis_does_not_want=Audience.COORDINATORS,
        available_days=1 + 4,  # Monday and Wednesday
        hours_per_week=6,
        travel_radius_km=30,
    )
    matching_request.competences.set([term("competence", c) for c in ("change_advice", "methods_tools")])
    c = only(selectors.candidates_for(matching_request, coordinator), profile)
    assert c.experience_areas == {"poverty_debt"}  # the hidden area is simply not there
    assert c.may_see("experience_areas") and c.may_see("roles") and c.may_see("level")
    assert not c.may_see("languages") and not c.may_see("location")
    assert c.may_see("availability") and c.may_see("wants") and c.may_see("workload")
    assert not c.may_see("feedback")
    assert c.competences == {"change_advice"} and c.self_assessed_competences == {"methods_tools"}
    assert c.roles == {"policy_influencer"} and c.level == "expertise"
    assert c.available_weekdays == {0, 2}
    assert (c.hours_per_week, c.travel_radius_km) == (6.0, 30.0)
    assert c.person_id == profile.user_id and c.consent_to_matching and not c.paused


def test_a_viewer_without_a_relation_sees_only_public_items(orgs, outsider, matching_request):
    profile = make_expert(orgs.deploying, areas={"poverty_debt": Audience.PUBLIC, "addiction": Audience.COORDINATORS})
    c = only(selectors.candidates_for(matching_request, outsider), profile)
    assert c.experience_areas == {"poverty_debt"}
    assert not c.may_see("roles") and not c.may_see("workload") and not c.may_see("availability")


def test_feedback_counts_only_when_the_installation_allows_it(orgs, coordinator, matching_request):
    profile = make_expert(orgs.deploying)
    PolicySettings.objects.filter(pk=PolicySettings.current().pk).update(reviews=True)
    c = only(selectors.candidates_for(matching_request, coordinator), profile)
    assert c.may_see("feedback") and c.feedback_score is None
    assert selectors.request_spec(matching_request).use_feedback


def test_it_reads_only_the_terms_the_request_asks_about(orgs, coordinator, matching_request):
    profile = make_expert(
        orgs.deploying,
        areas={"autism": Audience.PUBLIC, "addiction": Audience.PUBLIC},
        roles=("researcher", "policy_influencer"),
        languages=("nl", "en"),
    )
    c = only(selectors.candidates_for(matching_request, coordinator), profile)
    assert c.experience_areas == {"addiction"}
    assert c.roles == {"policy_influencer"} and c.languages == {"nl"}


def test_it_leaves_out_experts_who_should_not_be_read(orgs, coordinator, matching_request):
    from inzet.experts.models import ExpertStatus

    willing = make_expert(orgs.deploying)
    make_expert(orgs.deploying, paused=True)
    make_expert(orgs.deploying, consent_matching=False)
    make_expert(orgs.deploying, status=ExpertStatus.IN_TRAINING)
    elsewhere = make_expert(orgs.other_deploying)
    assert [c.expert_id for c in selectors.candidates_for(matching_request, coordinator)] == [willing.pk]
    everyone = selectors.candidates_for(matching_request, coordinator, organisation_ids=None)
    assert {c.expert_id for c in everyone} == {willing.pk, elsewhere.pk}


def test_unavailable_periods_and_unwanted_work_reach_the_hard_filters(orgs, coordinator, matching_request):
    away = make_expert(orgs.deploying)
    UnavailablePeriod.objects.create(profile=away, start=matching_request.start_date, end=matching_request.end_date)
    UnavailablePeriod.objects.create(
        profile=away,
        start=matching_request.end_date + timedelta(days=30),
        end=matching_request.end_date + timedelta(days=31),
    )
    refuses = make_expert(orgs.deploying, unwanted=(("experience_area", "addiction"),))
    no_days = make_expert(orgs.deploying, available_days=0)
    candidates = selectors.candidate_set(matching_request, coordinator, keep_excluded=True).candidates
    spec = selectors.request_spec(matching_request)
    assert only(candidates, away).unavailable_periods == ((matching_request.start_date, matching_request.end_date),)
    assert rules.filter_reason(spec, only(candidates, away), coordinator.pk) == rules.UNAVAILABLE
    assert only(candidates, refuses).does_not_want == {"experience_area:addiction"}
    assert rules.filter_reason(spec, only(candidates, refuses), coordinator.pk) == rules.DOES_NOT_WANT
    assert rules.filter_reason(spec, only(candidates, no_days), coordinator.pk) == rules.UNAVAILABLE


def test_it_adds_up_recent_accepted_work_in_one_query(orgs, asker, coordinator, matching_request):
    busy = make_expert(orgs.deploying)
    today = timezone.localdate()

    def work(days_ago: int, hours: str, *, heavy: bool = False, state=Invitation.State.ACCEPTED):
        other = make_request(orgs, asker, coordinator, is_heavy=heavy)
        day = today - timedelta(days=days_ago)
        EngagementRequest.objects.filter(pk=other.pk).update(
            start_date=day, end_date=day + timedelta(days=1), hours_estimate=Decimal(hours)
        )
        Invitation.objects.create(
            request=other, expert=busy, invited_by=coordinator, state=state, expires_at=timezone.now()
        )

    work(10, "6.5", heavy=True)
    work(40, "3.2")
    work(70, "20")  # longer ago than 8 weeks
    work(5, "9", state=Invitation.State.DECLINED)
    c = only(selectors.candidates_for(matching_request, coordinator), busy)
    assert c.hours_last_8_weeks == pytest.approx(9.7)
    assert c.heavy_assignments_recent == 1


def test_it_knows_who_is_already_invited(orgs, coordinator, matching_request):
    invited = make_expert(orgs.deploying)
    Invitation.objects.create(
        request=matching_request, expert=invited, invited_by=coordinator, expires_at=timezone.now()
    )
    pool = selectors.candidate_set(matching_request, coordinator)
    assert pool.invited == {invited.pk: Invitation.State.PENDING}


def test_it_uses_the_same_number_of_queries_for_any_pool_size(orgs, coordinator, matching_request):
    def count() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            selectors.candidates_for(matching_request, coordinator)
        return len(captured)

    make_expert(orgs.deploying)
    count()  # the viewer's roles are read once and kept
    small = count()
    for _ in range(25):
        make_expert(
            orgs.deploying,
            areas={"poverty_debt": Audience.COORDINATORS, "addiction": Audience.PUBLIC},
            competences={"change_advice": True},
        )
    # The request's terms, the policy switch, profiles, one UNION for everything else, the periods.
    assert count() == small == 5


def test_the_viewer_is_a_candidate_but_never_ranked_or_in_a_team(
    orgs, coordinator, coordinator_expert, matching_request
):
    make_expert(orgs.deploying)
    pool = selectors.candidate_set(matching_request, coordinator)
    assert coordinator_expert.pk in {c.expert_id for c in pool.candidates}
    matches = selectors.rank(pool, coordinator, limit=300)
    assert coordinator_expert.pk not in {m.expert_id for m in matches}
    team = selectors.compose(pool, matches, coordinator)
    assert coordinator_expert.pk not in team.chosen


def test_it_does_not_build_candidates_the_rules_would_drop_for_distance_or_wishes(orgs, coordinator, matching_request):
    from inzet.taxonomy.models import PostcodeArea

    here = matching_request.area
    far = max(PostcodeArea.objects.all(), key=lambda a: rules.distance_km(_point(here), _point(a)))
    distance = rules.distance_km(_point(here), _point(far))
    assert distance > 50
    too_far = make_expert(orgs.deploying, area=far, travel_radius_km=int(distance) - 1)
    just_in = make_expert(orgs.deploying, area=far, travel_radius_km=int(distance) + 1)
    refuses = make_expert(orgs.deploying, unwanted=(("role", "policy_influencer"),))
    kept = {c.expert_id for c in selectors.candidates_for(matching_request, coordinator)}
    assert kept == {just_in.pk}
    everyone = selectors.candidate_set(matching_request, coordinator, keep_excluded=True).candidates
    spec = selectors.request_spec(matching_request)
    reasons = {c.expert_id: rules.filter_reason(spec, c, coordinator.pk) for c in everyone}
    assert reasons == {too_far.pk: rules.TOO_FAR, just_in.pk: None, refuses.pk: rules.DOES_NOT_WANT}
    # The same ranking either way.
    labels = selectors.request_terms(matching_request).labels
    assert rules.rank(spec, everyone, viewer_person_id=coordinator.pk, labels=labels) == selectors.rank(
        selectors.candidate_set(matching_request, coordinator), coordinator
    )


def _point(area) -> tuple[float, float]:
    return float(area.latitude), float(area.longitude)

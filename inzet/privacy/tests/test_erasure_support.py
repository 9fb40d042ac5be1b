"""Erasure reaches support and training: talks, check-ins and enrolments are about the person only."""

import datetime as dt

import pytest

from inzet.privacy.erasure import profile_strip
from inzet.support import services as support
from inzet.support.models import CheckIn, MentorTalk
from inzet.training import services as training
from inzet.training.models import Enrolment

pytestmark = pytest.mark.django_db


def test_erasing_a_profile_removes_its_talks_check_ins_and_enrolments(orgs, expert, expert_profile, coordinator):
    today = dt.date.today()
    support.talk_record(
        actor=coordinator,
        expert=expert_profile,
        partner=coordinator,
        held_on=today,
        goal="Rust vinden",
        discussed="Persoonlijk verhaal",
        nonce="talk-1",
    )
    support.checkin_record(expert=expert_profile, actor=expert, score=2, words="Zwaar", nonce="check-1")
    course = training.course_create(
        organisation=orgs.deploying,
        by=coordinator,
        title="Eigen verhaal delen",
        provider="Stichting Ervaring",
        lessons=2,
        hours_per_lesson=2,
        minimum_lessons=2,
        starts_on=today + dt.timedelta(days=7),
        ends_on=today + dt.timedelta(days=14),
        places=8,
    )
    training.enrolment_join(course=course, profile=expert_profile)

    assert profile_strip(profile=expert_profile) is True

    assert not MentorTalk.objects.filter(expert=expert_profile).exists()
    assert not CheckIn.objects.filter(expert=expert_profile).exists()
    assert not Enrolment.objects.filter(profile=expert_profile).exists()


def test_erasing_a_profile_removes_the_growth_plan_with_its_goals_and_reviews(expert, expert_profile):
    from inzet.support import growth
    from inzet.support.models import GrowthPlan, PlanGoal, PlanReview

    plan = growth.plan_start(actor=expert, expert=expert_profile)
    growth.plan_update(plan=plan, actor=expert, dreams="Betaald werk")
    growth.goal_add(plan=plan, actor=expert, title="Herstel", nonce="goal-1")
    growth.review_record(plan=plan, actor=expert, reviewed_on=dt.date.today(), notes="Goed", nonce="review-1")

    assert profile_strip(profile=expert_profile) is True

    assert not GrowthPlan.objects.exists()
    assert not PlanGoal.objects.exists()
    assert not PlanReview.objects.exists()

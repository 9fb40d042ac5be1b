"""Growth plan: from a template, owned by the expert, shared by choice, reviewed, reminded, printed."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from inzet.experts.models import AccessLog
from inzet.support import growth, services
from inzet.support.models import GoalKind, GrowthPlan, PlanGoal, PlanReview, PlanTemplate

TODAY = timezone.localdate()


@pytest.fixture
def template(orgs, coordinator):
    return growth.template_save(
        actor=coordinator,
        organisation=orgs.deploying,
        name="Eerste half jaar",
        review_after_days=60,
        goals=[
            growth.GoalLine("Training eigen verhaal volgen", GoalKind.TRAINING, 30),
            growth.GoalLine("Verkennen of betaald werk past", GoalKind.PAID_WORK, 180),
        ],
        nonce="t1",
    )


@pytest.fixture
def plan(profile, expert):
    return growth.plan_start(actor=expert, expert=profile)


def test_a_template_becomes_the_experts_own_goals_with_dates(profile, expert, template):
    plan = growth.plan_start(actor=expert, expert=profile, template=template, today=dt.date(2026, 3, 1))
    assert growth.plan_start(actor=expert, expert=profile, template=template).pk == plan.pk  # double click
    goals = list(plan.goals.all())
    assert [(g.title, g.kind, g.target_on) for g in goals] == [
        ("Training eigen verhaal volgen", "training", dt.date(2026, 3, 31)),
        ("Verkennen of betaald werk past", "paid_work", dt.date(2026, 8, 28)),
    ]
    assert plan.next_review_on == dt.date(2026, 4, 30)
    # Changing the template later leaves the expert's plan alone: the goals are theirs now.
    template.goals.all().delete()
    assert plan.goals.count() == 2


def test_a_template_of_another_organisation_is_refused(orgs, other_coordinator, profile, expert):
    foreign = growth.template_save(
        actor=other_coordinator, organisation=orgs.other_deploying, name="Elders", goals=[], nonce="t2"
    )
    with pytest.raises(ValidationError) as exc:
        growth.plan_start(actor=expert, expert=profile, template=foreign)
    assert "eigen organisatie" in str(exc.value)
    assert not GrowthPlan.objects.exists()


def test_only_the_expert_starts_and_changes_the_plan(profile, expert, coordinator, plan):
    with pytest.raises(PermissionDenied):
        growth.plan_start(actor=coordinator, expert=profile)
    with pytest.raises(PermissionDenied):
        growth.plan_update(plan=plan, actor=coordinator, dreams="Iets anders", shared_with_coordinators=True)


def test_the_plan_is_private_until_the_expert_shares_it(client, plan, expert, coordinator, trainer, other_coordinator):
    growth.plan_update(plan=plan, actor=expert, dreams="Ooit betaald werk")
    url = reverse("support:plan_detail", args=[plan.pk])
    for person in (coordinator, trainer, other_coordinator):
        client.force_login(person)
        assert client.get(url).status_code == 404
    growth.plan_update(plan=plan, actor=expert, dreams="Ooit betaald werk", shared_with_coordinators=True)
    client.force_login(coordinator)
    response = client.get(url)
    assert response.status_code == 200 and "Ooit betaald werk" in response.content.decode()
    # Which item was read is logged for the expert, never its content.
    log = AccessLog.objects.get(profile=plan.expert, viewer=coordinator)
    assert log.item == "growth_plan"
    client.force_login(trainer)
    assert client.get(url).status_code == 404  # not chosen: mentors
    growth.plan_update(plan=plan, actor=expert, shared_with_mentors=True)
    assert client.get(url).status_code == 200
    client.force_login(coordinator)
    assert client.get(url).status_code == 404  # taken back
    assert client.post(reverse("support:plan_edit", args=[plan.pk])).status_code == 404


def test_the_personal_words_are_encrypted_at_rest(plan, expert):
    growth.plan_update(plan=plan, actor=expert, dreams="Ooit betaald werk", needs="Rust")
    goal = growth.goal_add(plan=plan, actor=expert, title="Mijn herstel", actions="Wandelen", nonce="g1")
    with connection.cursor() as cursor:
        cursor.execute("SELECT dreams, needs FROM support_growthplan WHERE id = %s", [plan.pk])
        row = cursor.fetchone()
        cursor.execute("SELECT title, actions FROM support_plangoal WHERE id = %s", [goal.pk])
        row += cursor.fetchone()
    assert all(value and "werk" not in value and "Rust" not in value and "herstel" not in value for value in row)
    assert "Wandelen" not in row[3]


def test_a_goal_saves_once_and_bad_input_keeps_what_was_typed(client, plan, expert):
    client.force_login(expert)
    url = reverse("support:goal_new", args=[plan.pk])
    data = {"title": "", "kind": "paid_work", "status": "open", "actions": "Vacatures lezen", "nonce": "abc"}
    response = client.post(url, data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Dit veld is verplicht" in body and "Vacatures lezen" in body
    data["title"] = "Solliciteren als ervaringswerker"
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302  # a retry
    goal = PlanGoal.objects.get()
    assert (goal.title, goal.kind, goal.actions) == ("Solliciteren als ervaringswerker", "paid_work", "Vacatures lezen")
    edit = reverse("support:goal_edit", args=[goal.pk])
    response = client.post(edit, {**data, "status": "done", "nonce": "x"})
    assert response.status_code == 302
    goal.refresh_from_db()
    assert goal.status == "done"


def test_a_review_in_a_mentor_talk_sets_the_next_date(plan, expert, trainer, coordinator, fellow):
    talk = services.talk_record(
        actor=trainer, expert=plan.expert, partner=trainer, held_on=TODAY, goal="Groeiplan", nonce="talk1"
    )
    growth.plan_update(plan=plan, actor=expert, shared_with_mentors=True)
    review = growth.review_record(
        plan=plan,
        actor=trainer,
        reviewed_on=TODAY,
        talk=talk,
        notes="Training gehaald",
        next_review_on=TODAY + dt.timedelta(days=90),
        nonce="r1",
    )
    assert growth.review_record(plan=plan, actor=trainer, reviewed_on=TODAY, nonce="r1").pk == review.pk
    plan.refresh_from_db()
    assert plan.next_review_on == TODAY + dt.timedelta(days=90)
    with pytest.raises(Exception) as exc:  # not shared with coordinators: they cannot see it, so 404
        growth.review_record(plan=plan, actor=coordinator, reviewed_on=TODAY, nonce="r2")
    assert exc.type.__name__ == "Http404"
    other_talk = services.talk_record(
        actor=trainer, expert=fellow, partner=trainer, held_on=TODAY, goal="Iets", nonce="talk2"
    )
    with pytest.raises(ValidationError):
        growth.review_record(plan=plan, actor=expert, reviewed_on=TODAY, talk=other_talk, nonce="r3")
    with pytest.raises(ValidationError) as exc:
        growth.review_record(
            plan=plan, actor=expert, reviewed_on=TODAY, next_review_on=TODAY - dt.timedelta(days=1), nonce="r4"
        )
    assert "volgende bespreking" in str(exc.value)
    assert PlanReview.objects.count() == 1


def test_the_review_reminder_goes_once_per_date(plan, expert, django_capture_on_commit_callbacks):
    growth.plan_update(plan=plan, actor=expert, next_review_on=TODAY + dt.timedelta(days=5))
    with django_capture_on_commit_callbacks(execute=True):
        assert growth.review_reminders_send() == 1
        assert growth.review_reminders_send() == 0  # the second run finds it claimed
    assert [m.to for m in mail.outbox] == [["expert@test.nl"]]
    assert "groeiplan" in mail.outbox[0].subject
    growth.plan_update(plan=plan, actor=expert, next_review_on=TODAY + dt.timedelta(days=60))
    assert growth.review_reminders_send() == 0  # far away: nothing yet


def test_the_home_page_asks_the_expert_to_review(client, plan, expert):
    client.force_login(expert)
    assert "Groeiplan bespreken" not in client.get(reverse("dashboard:home")).content.decode()
    growth.plan_update(plan=plan, actor=expert, next_review_on=TODAY + dt.timedelta(days=3))
    assert "Groeiplan bespreken" in client.get(reverse("dashboard:home")).content.decode()


def test_the_plan_page_is_printable_and_bounded_in_queries(client, plan, expert, django_assert_max_num_queries):
    for i in range(30):
        growth.goal_add(plan=plan, actor=expert, title=f"Doel {i}", nonce=f"g{i}")
        growth.review_record(plan=plan, actor=expert, reviewed_on=TODAY, notes=f"Bespreking {i}", nonce=f"r{i}")
    client.force_login(expert)
    with django_assert_max_num_queries(25):
        response = client.get(reverse("support:plan_detail", args=[plan.pk]))
    body = response.content.decode()
    assert "Doel 29" in body and "data-inzet-print" in body


def test_the_expert_starts_a_plan_from_the_page(client, profile, expert, template):
    client.force_login(expert)
    response = client.get(reverse("support:plan_mine"))
    assert "Eerste half jaar" in response.content.decode()
    response = client.post(reverse("support:plan_start"), {"template": template.pk})
    plan = GrowthPlan.objects.get(expert=profile)
    assert response.url == reverse("support:plan_detail", args=[plan.pk])
    assert plan.goals.count() == 2
    assert client.get(reverse("support:plan_mine")).url == response.url


def test_a_coordinator_edits_a_template_on_the_page(client, orgs, coordinator):
    client.force_login(coordinator)
    data = {
        "organisation": orgs.deploying.pk,
        "name": "Start",
        "review_after_days": 90,
        "is_active": "on",
        "nonce": "tpl-1",
        "goals-TOTAL_FORMS": 2,
        "goals-INITIAL_FORMS": 0,
        "goals-0-title": "Kennismaken met het team",
        "goals-0-kind": "get",
        "goals-0-due_after_days": 14,
        "goals-1-title": "Betaald werk verkennen",
        "goals-1-kind": "paid_work",
        "goals-1-due_after_days": "9999",
    }
    response = client.post(reverse("support:template_new"), data)
    assert response.status_code == 200  # too far away: a Dutch message, nothing lost
    assert "Betaald werk verkennen" in response.content.decode()
    assert not PlanTemplate.objects.exists()
    data["goals-1-due_after_days"] = 365
    assert client.post(reverse("support:template_new"), data).status_code == 302
    assert client.post(reverse("support:template_new"), data).status_code == 302  # double click
    template = PlanTemplate.objects.get()
    assert [(g.title, g.due_after_days) for g in template.goals.all()] == [
        ("Kennismaken met het team", 14),
        ("Betaald werk verkennen", 365),
    ]


def test_the_api_shows_the_plan_only_as_the_expert_shares_it(client, plan, expert, coordinator, trainer, asker):
    from inzet.accounts.models import ApiToken

    def get(person, path):
        _token, raw = ApiToken.issue(user=person, name="t", made_after_two_step=True)
        return client.get(path, HTTP_AUTHORIZATION=f"Bearer {raw}")

    growth.plan_update(plan=plan, actor=expert, dreams="Betaald werk")
    growth.goal_add(plan=plan, actor=expert, title="Solliciteren", kind=GoalKind.PAID_WORK, nonce="g1")
    body = get(expert, f"/api/support/growth-plans/{plan.pk}").json()
    assert (body["dreams"], [g["kind"] for g in body["goals"]]) == ("Betaald werk", ["paid_work"])
    for person in (coordinator, trainer, asker):
        assert get(person, f"/api/support/growth-plans/{plan.pk}").status_code == 404
    assert get(coordinator, "/api/support/growth-plans").json() == []
    growth.plan_update(plan=plan, actor=expert, dreams="Betaald werk", shared_with_coordinators=True)
    assert [p["id"] for p in get(coordinator, "/api/support/growth-plans").json()] == [plan.pk]
    assert get(trainer, f"/api/support/growth-plans/{plan.pk}").status_code == 404
    assert AccessLog.objects.filter(viewer=coordinator, item="growth_plan", context="api").exists()


def test_a_goal_towards_paid_work_leads_the_expert_and_the_coordinator_to_the_work_form(
    client, plan, expert, coordinator, trainer
):
    growth.plan_update(plan=plan, actor=expert, shared_with_coordinators=True, shared_with_mentors=True)
    url = reverse("support:plan_detail", args=[plan.pk])
    work_form = reverse("compensation:work_form", args=[plan.expert_id])
    client.force_login(coordinator)
    assert work_form not in client.get(url).content.decode()  # no such goal yet
    growth.goal_add(plan=plan, actor=expert, title="Betaald werk verkennen", kind=GoalKind.PAID_WORK, nonce="pw")
    for person, shown in ((expert, True), (coordinator, True), (trainer, False)):  # a mentor gets no work form page
        client.force_login(person)
        assert (work_form in client.get(url).content.decode()) is shown

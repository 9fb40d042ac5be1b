"""Growth plan (POP): the expert's own plan, templates per organisation, reviews, reminders.

Who sees a plan (used by the pages and the API alike):
- the expert: always, and only the expert changes it;
- coordinators of the organisation: only when the expert shares it with coordinators;
- trainers (mentors) of the organisation: only when the expert shares it with mentors;
- everyone else, askers and operators included: 404.
Anyone who may see the plan may record a review of it (usually during a mentor talk).
Write flows are keyword-only and atomic, like services.py.
"""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max, Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.accounts.permissions import get_roles
from inzet.experts.models import ExpertProfile
from inzet.organisations.models import Organisation, Role
from inzet.support import rules
from inzet.support.models import (
    GoalKind,
    GoalStatus,
    GrowthPlan,
    MentorTalk,
    PlanGoal,
    PlanReview,
    PlanTemplate,
    TemplateGoal,
)
from inzet.support.services import _notify, _once

# --- who may see what ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanAccess:
    is_owner: bool

    @property
    def can_change(self) -> bool:
        return self.is_owner


def shared_plans_q(user) -> Q:
    roles = get_roles(user)
    return Q(organisation_id__in=roles.organisation_ids(Role.COORDINATOR), shared_with_coordinators=True) | Q(
        organisation_id__in=roles.organisation_ids(Role.TRAINER), shared_with_mentors=True
    )


def get_plan_for_user(user, pk: int, *, owner_only: bool = False) -> tuple[GrowthPlan, PlanAccess]:
    """A plan the person may see (404 otherwise); `owner_only` for changes only the expert makes (403)."""
    try:
        plan = (
            GrowthPlan.objects.select_related("expert__user", "organisation")
            .filter(Q(expert__user=user) | shared_plans_q(user))
            .get(pk=pk)
        )
    except GrowthPlan.DoesNotExist as exc:
        raise Http404 from exc
    access = PlanAccess(is_owner=plan.expert.user_id == user.pk)
    if owner_only and not access.is_owner:
        raise PermissionDenied
    return plan, access


def get_goal_for_owner(user, pk: int) -> PlanGoal:
    """A goal of the person's own plan (404 for anyone else, also for staff it was shared with)."""
    try:
        return PlanGoal.objects.select_related("plan").get(pk=pk, plan__expert__user=user)
    except PlanGoal.DoesNotExist as exc:
        raise Http404 from exc


def shared_plans(user) -> QuerySet:
    """Plans the person (coordinator or trainer) may read, for the team list."""
    return (
        GrowthPlan.objects.filter(shared_plans_q(user))
        .exclude(expert__user=user)
        .select_related("expert__user")
        .order_by("expert__user__full_name")
    )


def coordinator_template_org_ids(user) -> set[int]:
    return get_roles(user).organisation_ids(Role.COORDINATOR)


def get_template_for_coordinator(user, pk: int) -> PlanTemplate:
    try:
        return PlanTemplate.objects.get(pk=pk, organisation_id__in=coordinator_template_org_ids(user))
    except PlanTemplate.DoesNotExist as exc:
        raise Http404 from exc


def templates_for_expert(profile: ExpertProfile) -> QuerySet:
    return PlanTemplate.objects.filter(organisation_id=profile.organisation_id, is_active=True).prefetch_related(
        "goals"
    )


def plan_detail(plan: GrowthPlan, *, viewer: User | None = None) -> dict:
    """Goals and reviews in two queries, whatever their number. With a goal towards paid work, the
    expert and their coordinator get the work form page (what a change means for a benefit)."""
    goals = list(plan.goals.all())
    paid_work = any(g.kind == GoalKind.PAID_WORK for g in goals)
    return {
        "goals": goals,
        "reviews": list(plan.reviews.select_related("recorded_by", "talk")[:50]),
        "work_form_link": paid_work
        and viewer is not None
        and (
            plan.expert.user_id == viewer.pk
            or get_roles(viewer).has(Role.COORDINATOR, organisation_id=plan.expert.organisation_id)
        ),
    }


# --- templates -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoalLine:
    title: str
    kind: str
    due_after_days: int


@transaction.atomic
def template_save(
    *,
    actor: User,
    organisation: Organisation,
    name: str,
    description: str = "",
    is_active: bool = True,
    review_after_days: int = 90,
    goals: list[GoalLine],
    template: PlanTemplate | None = None,
    nonce: str,
) -> PlanTemplate:
    """Create or change a template and replace its goals. A double click saves once."""
    if not get_roles(actor).has(Role.COORDINATOR, organisation_id=organisation.pk):
        raise PermissionDenied
    if template is None:
        existing = _once(PlanTemplate, nonce)
        if existing is not None:
            return existing
    elif template.organisation_id != organisation.pk:
        raise PermissionDenied
    if not name.strip():
        raise ValidationError({"name": [_("Geef het sjabloon een naam.")]})
    for line in goals:
        if not 0 <= line.due_after_days <= rules.MAX_OFFSET_DAYS:
            raise ValidationError(_("Een doel is klaar binnen vijf jaar (0 tot 1825 dagen)."))
    values = {
        "organisation": organisation,
        "name": name.strip(),
        "description": description.strip(),
        "is_active": is_active,
        "review_after_days": review_after_days,
        "updated_by": actor,
    }
    if template is None:
        try:
            with transaction.atomic():
                template = PlanTemplate.objects.create(nonce=nonce, **values)
        except IntegrityError:
            return PlanTemplate.objects.get(nonce=nonce)
    else:
        for key, value in values.items():
            setattr(template, key, value)
        template.save()
        template.goals.all().delete()
    TemplateGoal.objects.bulk_create(
        [
            TemplateGoal(
                template=template, title=g.title.strip(), kind=g.kind, due_after_days=g.due_after_days, position=i
            )
            for i, g in enumerate(goals)
            if g.title.strip()
        ]
    )
    return template


# --- the plan --------------------------------------------------------------------------------------


@transaction.atomic
def plan_start(
    *, actor: User, expert: ExpertProfile, template: PlanTemplate | None = None, today: dt.date | None = None
) -> GrowthPlan:
    """The expert starts their plan, empty or from a template: its goals become the expert's own."""
    if expert.user_id != actor.pk:
        raise PermissionDenied
    existing = GrowthPlan.objects.filter(expert=expert).first()
    if existing is not None:  # one plan per expert: a second click opens the same plan
        return existing
    if template is not None and (template.organisation_id != expert.organisation_id or not template.is_active):
        raise ValidationError({"template": [_("Kies een sjabloon van uw eigen organisatie.")]})
    today = today or timezone.localdate()
    try:
        with transaction.atomic():
            plan = GrowthPlan.objects.create(
                expert=expert,
                organisation_id=expert.organisation_id,
                template=template,
                started_on=today,
                next_review_on=today + dt.timedelta(days=template.review_after_days) if template else None,
            )
    except IntegrityError:
        return GrowthPlan.objects.get(expert=expert)
    if template is not None:
        PlanGoal.objects.bulk_create(
            [
                PlanGoal(
                    plan=plan,
                    title=g.title,
                    kind=g.kind,
                    target_on=rules.goal_target(start=today, offset_days=g.due_after_days),
                    position=g.position,
                    nonce=f"template-{plan.pk}-{g.pk}",
                )
                for g in template.goals.all()
            ]
        )
    return plan


@transaction.atomic
def plan_update(
    *,
    plan: GrowthPlan,
    actor: User,
    want_to_get: str = "",
    want_to_give: str = "",
    dreams: str = "",
    needs: str = "",
    next_review_on: dt.date | None = None,
    shared_with_coordinators: bool = False,
    shared_with_mentors: bool = False,
) -> GrowthPlan:
    """Only the expert changes their plan and decides who may read it. Saving twice is harmless."""
    if plan.expert.user_id != actor.pk:
        raise PermissionDenied
    plan.want_to_get = want_to_get.strip()
    plan.want_to_give = want_to_give.strip()
    plan.dreams = dreams.strip()
    plan.needs = needs.strip()
    plan.next_review_on = next_review_on
    plan.shared_with_coordinators = shared_with_coordinators
    plan.shared_with_mentors = shared_with_mentors
    plan.save()
    return plan


def _goal_values(title: str, kind: str, status: str) -> None:
    if not title.strip():
        raise ValidationError({"title": [_("Schrijf op wat uw doel is.")]})
    if kind not in GoalKind.values:
        raise ValidationError({"kind": [_("Kies een soort doel.")]})
    if status not in GoalStatus.values:
        raise ValidationError({"status": [_("Kies hoe het ervoor staat.")]})


@transaction.atomic
def goal_add(
    *,
    plan: GrowthPlan,
    actor: User,
    title: str,
    kind: str = GoalKind.GET,
    target_on: dt.date | None = None,
    status: str = GoalStatus.OPEN,
    actions: str = "",
    support_wanted: str = "",
    nonce: str,
) -> PlanGoal:
    if plan.expert.user_id != actor.pk:
        raise PermissionDenied
    existing = _once(PlanGoal, nonce)
    if existing is not None:
        return existing
    _goal_values(title, kind, status)
    position = (plan.goals.aggregate(m=Max("position"))["m"] or 0) + 1
    try:
        with transaction.atomic():
            return PlanGoal.objects.create(
                plan=plan,
                title=title.strip(),
                kind=kind,
                target_on=target_on,
                status=status,
                actions=actions.strip(),
                support_wanted=support_wanted.strip(),
                position=position,
                nonce=nonce,
            )
    except IntegrityError:
        return PlanGoal.objects.get(nonce=nonce)


@transaction.atomic
def goal_update(
    *,
    goal: PlanGoal,
    actor: User,
    title: str,
    kind: str,
    target_on: dt.date | None,
    status: str,
    actions: str = "",
    support_wanted: str = "",
) -> PlanGoal:
    if goal.plan.expert.user_id != actor.pk:
        raise PermissionDenied
    _goal_values(title, kind, status)
    goal.title, goal.kind, goal.target_on, goal.status = title.strip(), kind, target_on, status
    goal.actions, goal.support_wanted = actions.strip(), support_wanted.strip()
    goal.save()
    return goal


@transaction.atomic
def review_record(
    *,
    plan: GrowthPlan,
    actor: User,
    reviewed_on: dt.date,
    notes: str = "",
    next_review_on: dt.date | None = None,
    talk: MentorTalk | None = None,
    nonce: str,
) -> PlanReview:
    """The expert, or someone the plan is shared with, records a review; it sets the next date."""
    get_plan_for_user(actor, plan.pk)  # 404 for anyone the expert did not share it with
    existing = _once(PlanReview, nonce)
    if existing is not None:
        return existing
    if reviewed_on > timezone.localdate():
        raise ValidationError(
            {"reviewed_on": [_("Deze datum ligt in de toekomst. Vul de datum in waarop u het plan besprak.")]}
        )
    if next_review_on is not None and next_review_on <= reviewed_on:
        raise ValidationError({"next_review_on": [_("Kies voor de volgende bespreking een datum na deze bespreking.")]})
    if talk is not None and talk.expert_id != plan.expert_id:
        raise ValidationError({"talk": [_("Kies een gesprek van deze ervaringsdeskundige.")]})
    try:
        with transaction.atomic():
            review = PlanReview.objects.create(
                plan=plan,
                talk=talk,
                reviewed_on=reviewed_on,
                notes=notes.strip(),
                next_review_on=next_review_on,
                recorded_by=actor,
                nonce=nonce,
            )
    except IntegrityError:
        return PlanReview.objects.get(nonce=nonce)
    GrowthPlan.objects.filter(pk=plan.pk).update(next_review_on=next_review_on, updated_at=timezone.now())
    return review


def review_reminders_send(*, today: dt.date | None = None) -> int:
    """E-mail each expert once per agreed review date, a week before it. Claimed before sending."""
    today = today or timezone.localdate()
    due = GrowthPlan.objects.filter(
        next_review_on__isnull=False, next_review_on__lte=today + dt.timedelta(days=rules.REVIEW_WARN_DAYS)
    ).exclude(reminded_for=F("next_review_on"))
    sent = 0
    for plan in due.select_related("expert__user"):
        with transaction.atomic():
            claimed = (
                GrowthPlan.objects.filter(pk=plan.pk, next_review_on=plan.next_review_on)
                .exclude(reminded_for=plan.next_review_on)
                .update(reminded_for=plan.next_review_on)
            )
            if claimed != 1:
                continue  # another run got there first, or the date changed
            _notify(
                [plan.expert.user],
                "support/email/plan_review_due",
                {"day": plan.next_review_on.strftime("%d-%m-%Y"), "path": reverse("support:plan_mine")},
            )
            sent += 1
    return sent


def review_is_due(plan: GrowthPlan | None, *, today: dt.date | None = None) -> bool:
    if plan is None:
        return False
    return rules.review_due(next_review_on=plan.next_review_on, today=today or timezone.localdate())

"""Growth plan pages: the expert's own plan, goals, reviews; templates for coordinators."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inzet.lib.views import posted, save_form
from inzet.organisations.models import Organisation
from inzet.support import growth
from inzet.support.growth_forms import (
    GOAL_FIELDS,
    PLAN_FIELDS,
    GoalForm,
    PlanForm,
    PlanStartForm,
    ReviewForm,
    TemplateForm,
    TemplateGoalFormSet,
)
from inzet.support.models import GrowthPlan
from inzet.support.permissions import own_profile, require_support_user, staff_org_ids
from inzet.support.views import log_read

# --- the expert's own plan -------------------------------------------------------------------------


@login_required
def plan_mine(request: HttpRequest) -> HttpResponse:
    require_support_user(request.user)
    try:
        profile = own_profile(request.user)
    except Http404:
        return render(request, "support/no_profile.html")
    plan = GrowthPlan.objects.filter(expert=profile).first()
    if plan is not None:
        return redirect("support:plan_detail", pk=plan.pk)
    templates = growth.templates_for_expert(profile)
    return render(
        request,
        "support/plan_start.html",
        {"form": PlanStartForm(templates=templates), "templates": list(templates)},
    )


@login_required
@require_POST
def plan_start(request: HttpRequest) -> HttpResponse:
    require_support_user(request.user)
    profile = own_profile(request.user)
    templates = growth.templates_for_expert(profile)
    form = PlanStartForm(request.POST, templates=templates)
    if form.is_valid():
        saved = save_form(
            request,
            form,
            lambda: growth.plan_start(actor=request.user, expert=profile, template=form.cleaned_data["template"]),
            success=_("Uw groeiplan staat klaar. Vul in wat u wilt."),
        )
        if saved:
            return redirect("support:plan_detail", pk=saved.result.pk)
    return render(request, "support/plan_start.html", {"form": form, "templates": list(templates)}, status=200)


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    require_support_user(request.user)
    plan, access = growth.get_plan_for_user(request.user, pk)
    if not access.is_owner:
        log_read(viewer=request.user, profile=plan.expert, item="growth_plan", context="page", path=request.path)
    return render(
        request,
        "support/plan_detail.html",
        {
            "plan": plan,
            "access": access,
            "review_due": growth.review_is_due(plan),
            **growth.plan_detail(plan, viewer=request.user),
        },
    )


@login_required
def plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    require_support_user(request.user)
    plan, _access = growth.get_plan_for_user(request.user, pk, owner_only=True)
    initial = {name: getattr(plan, name) for name in PLAN_FIELDS}
    form = PlanForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        growth.plan_update(plan=plan, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Uw groeiplan is bewaard."))
        return redirect("support:plan_detail", pk=plan.pk)
    return render(request, "support/plan_form.html", {"form": form, "plan": plan})


@login_required
def goal_new(request: HttpRequest, pk: int) -> HttpResponse:
    require_support_user(request.user)
    plan, _access = growth.get_plan_for_user(request.user, pk, owner_only=True)
    form = GoalForm(posted(request))
    if (
        request.method == "POST"
        and form.is_valid()
        and save_form(
            request,
            form,
            lambda: growth.goal_add(plan=plan, actor=request.user, **form.cleaned_data),
            success=_("Het doel staat in uw groeiplan."),
        )
    ):
        return redirect("support:plan_detail", pk=plan.pk)
    return render(request, "support/goal_form.html", {"form": form, "plan": plan})


@login_required
def goal_edit(request: HttpRequest, pk: int) -> HttpResponse:
    require_support_user(request.user)
    goal = growth.get_goal_for_owner(request.user, pk)
    form = GoalForm(posted(request), initial={name: getattr(goal, name) for name in GOAL_FIELDS})
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in GOAL_FIELDS}
        if save_form(
            request,
            form,
            lambda: growth.goal_update(goal=goal, actor=request.user, **data),
            success=_("Het doel is bijgewerkt."),
        ):
            return redirect("support:plan_detail", pk=goal.plan_id)
    return render(request, "support/goal_form.html", {"form": form, "plan": goal.plan, "goal": goal})


@login_required
def plan_review(request: HttpRequest, pk: int) -> HttpResponse:
    """The expert or someone the plan is shared with records a review, e.g. in a mentor talk."""
    require_support_user(request.user)
    plan, _access = growth.get_plan_for_user(request.user, pk)
    talks = plan.expert.mentor_talks.order_by("-held_on")[:20]
    form = ReviewForm(posted(request), talks=plan.expert.mentor_talks.filter(pk__in=[t.pk for t in talks]))
    if (
        request.method == "POST"
        and form.is_valid()
        and save_form(
            request,
            form,
            lambda: growth.review_record(plan=plan, actor=request.user, **form.cleaned_data),
            success=_("De bespreking is vastgelegd."),
        )
    ):
        return redirect("support:plan_detail", pk=plan.pk)
    return render(request, "support/plan_review.html", {"form": form, "plan": plan})


# --- staff -----------------------------------------------------------------------------------------


@login_required
def plan_team(request: HttpRequest) -> HttpResponse:
    """Plans experts shared with this coordinator or trainer; nothing of the others."""
    require_support_user(request.user)
    if not staff_org_ids(request.user):
        raise Http404
    return render(request, "support/plan_team.html", {"plans": list(growth.shared_plans(request.user)[:200])})


@login_required
def template_list(request: HttpRequest) -> HttpResponse:
    require_support_user(request.user)
    org_ids = growth.coordinator_template_org_ids(request.user)
    if not org_ids:
        raise Http404
    templates = growth.PlanTemplate.objects.filter(organisation_id__in=org_ids).select_related("organisation")
    return render(request, "support/template_list.html", {"templates": list(templates[:200])})


@login_required
def template_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    require_support_user(request.user)
    org_ids = growth.coordinator_template_org_ids(request.user)
    if not org_ids:
        raise Http404
    template = growth.get_template_for_coordinator(request.user, pk) if pk else None
    initial = {"organisation": min(org_ids)}
    goals_initial = []
    if template is not None:
        initial = {
            "organisation": template.organisation_id,
            "name": template.name,
            "description": template.description,
            "review_after_days": template.review_after_days,
            "is_active": template.is_active,
        }
        goals_initial = [
            {"title": g.title, "kind": g.kind, "due_after_days": g.due_after_days} for g in template.goals.all()
        ]
    form = TemplateForm(posted(request), organisations=Organisation.objects.filter(pk__in=org_ids), initial=initial)
    formset = TemplateGoalFormSet(posted(request), initial=goals_initial, prefix="goals")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        lines = [
            growth.GoalLine(g["title"], g["kind"], g.get("due_after_days") or 0)
            for g in formset.cleaned_data
            if g.get("title")
        ]
        saved = save_form(
            request,
            form,
            lambda: growth.template_save(actor=request.user, template=template, goals=lines, **form.cleaned_data),
            success=_("Het sjabloon is bewaard."),
        )
        if saved:
            return redirect("support:template_edit", pk=saved.result.pk)
    return render(request, "support/template_form.html", {"form": form, "formset": formset, "template": template})

"""Pages of the neighbourhood teams. Thin: permissions.py decides who sees what, services.py writes."""

import json
import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inzet.neighbourhood import pdf, permissions, rules, services, topics
from inzet.neighbourhood.forms import ClosureForm, ContactForm, FirstContactForm, QuestionFormForm
from inzet.neighbourhood.models import Closure, QuestionForm, TeamMember

WARNING_TEXT = {
    "too_few_experts": _("Dit team heeft minder dan 2 ervaringsdeskundigen. Werk nooit alleen: zorg voor een collega."),
}


@login_required
def home(request: HttpRequest) -> HttpResponse:
    teams = permissions.teams_of(request.user).annotate(
        open_count=Count("trajectories", filter=Q(trajectories__closed_on__isnull=True), distinct=True)
    )
    mine = (
        permissions.trajectories_of(request.user)
        .filter(experts=request.user, closed_on__isnull=True)
        .select_related("team")[:200]
    )
    return render(request, "neighbourhood/home.html", {"teams": teams, "mine": mine})


@login_required
def team_detail(request: HttpRequest, pk: int) -> HttpResponse:
    team = permissions.get_team(request.user, pk)
    members = list(team.members.filter(is_active=True).select_related("user").order_by("role", "user__full_name"))
    expert_count = sum(1 for m in members if m.role == TeamMember.Role.EXPERT)
    warnings = [WARNING_TEXT[code] for code in rules.team_warnings(expert_count=expert_count)]
    trajectories = team.trajectories.filter(anonymised_at__isnull=True).prefetch_related("experts")[:300]
    return render(
        request,
        "neighbourhood/team.html",
        {"team": team, "members": members, "warnings": warnings, "trajectories": trajectories},
    )


@login_required
def contact_new(request: HttpRequest, pk: int) -> HttpResponse:
    team = permissions.get_team(request.user, pk)
    form = FirstContactForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        trajectory, created = services.first_contact_register(
            team=team,
            by=request.user,
            request_key=data["request_key"],
            channel=data["channel"],
            referrer=data["referrer"],
            question=data["question"],
            name=data["name"],
            reach=data["reach"],
        )
        if created:
            messages.success(request, _("Het eerste contact is vastgelegd."))
        return redirect("neighbourhood:trajectory", pk=trajectory.pk)
    return render(request, "neighbourhood/contact_new.html", {"team": team, "form": form})


def _trajectory_page(request, trajectory, contact_form=None, status=200) -> HttpResponse:
    domains = topics.life_domains()
    labels = dict(domains)
    contacts = list(trajectory.contacts.select_related("by"))
    for contact in contacts:
        contact.domain_label = labels.get(contact.domain, "")
    context = {
        "trajectory": trajectory,
        "team": trajectory.team,
        "experts": trajectory.experts.all(),
        "contacts": contacts,
        "contact_form": contact_form
        or ContactForm(domains=domains, initial={"on": timezone.localdate(), "request_key": uuid.uuid4()}),
    }
    return render(request, "neighbourhood/trajectory.html", context, status=status)


@login_required
def trajectory_detail(request: HttpRequest, pk: int) -> HttpResponse:
    trajectory = permissions.get_trajectory(request.user, pk, item="trajectory")
    return _trajectory_page(request, trajectory)


@login_required
@require_POST
def contact_add(request: HttpRequest, pk: int) -> HttpResponse:
    trajectory = permissions.get_trajectory(request.user, pk, item="contacts")
    form = ContactForm(request.POST, domains=topics.life_domains())
    if not form.is_valid():
        return _trajectory_page(request, trajectory, contact_form=form)
    _contact, created = services.contact_log(trajectory=trajectory, by=request.user, **form.cleaned_data)
    if created:
        messages.success(request, _("Het contact is vastgelegd."))
    return redirect("neighbourhood:trajectory", pk=trajectory.pk)


@login_required
def form1(request: HttpRequest, pk: int) -> HttpResponse:
    trajectory = permissions.get_trajectory(request.user, pk, item="form1")
    rows = topics.form1_rows()
    existing = QuestionForm.objects.filter(trajectory=trajectory).prefetch_related("rows").first()
    initial = {}
    if existing:
        initial = {"name": existing.name, "filled_on": existing.filled_on}
        for row in existing.rows.all():
            initial[f"now_{row.topic}"], initial[f"wish_{row.topic}"] = row.now, row.wish
    form = QuestionFormForm(request.POST if request.method == "POST" else None, initial=initial, rows=rows)
    if request.method == "POST" and form.is_valid():
        services.question_form_save(
            trajectory=trajectory,
            name=form.cleaned_data["name"],
            filled_on=form.cleaned_data["filled_on"],
            rows=form.row_values(),
        )
        messages.success(request, _("Het formulier is opgeslagen."))
        return redirect("neighbourhood:form1", pk=trajectory.pk)
    return render(request, "neighbourhood/form1.html", {"trajectory": trajectory, "form": form})


@login_required
def closure(request: HttpRequest, pk: int) -> HttpResponse:
    trajectory = permissions.get_trajectory(request.user, pk, item="closure")
    existing = Closure.objects.filter(trajectory=trajectory).first()
    actions = json.loads(existing.actions) if existing and existing.actions else {}
    form = ClosureForm(
        request.POST if request.method == "POST" else None,
        instance=existing,
        domains=topics.life_domains(),
        actions=actions,
        initial={"closed_on": trajectory.closed_on or timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in ClosureForm.Meta.fields}
        services.closure_save(
            trajectory=trajectory, fields=fields, actions=form.actions(), closed_on=form.cleaned_data["closed_on"]
        )
        messages.success(request, _("Het afsluitverslag is opgeslagen en het traject is afgesloten."))
        return redirect("neighbourhood:closure", pk=trajectory.pk)
    context = {
        "trajectory": trajectory,
        "form": form,
        "counts": services.contact_counts(trajectory),
        "has_closure": existing is not None,
    }
    return render(request, "neighbourhood/closure.html", context)


@login_required
def closure_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    trajectory = permissions.get_trajectory(request.user, pk, item="closure_pdf")
    found = Closure.objects.filter(trajectory=trajectory).select_related("trajectory__team__organisation").first()
    if found is None:
        raise Http404
    response = HttpResponse(pdf.closure_pdf(found), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="afsluitverslag-{trajectory.pk}.pdf"'
    return response

"""Pages of the neighbourhood teams. Thin: permissions.py decides who sees what, services.py writes."""

import json
import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inzet.lib.views import posted
from inzet.neighbourhood import consent as consent_rules
from inzet.neighbourhood import pdf, permissions, review_rules, rules, selectors, services, topics
from inzet.neighbourhood.forms import (
    NO_CONSENT,
    ClosureForm,
    ConsentForm,
    ContactForm,
    FirstContactForm,
    MapPartnerForm,
    PartnerForm,
    PartnerMessageForm,
    QuestionFormForm,
    ReviewForm,
    make_read_only,
)
from inzet.neighbourhood.models import Closure, Consent, QuestionForm, Review, TeamMember
from inzet.network import selectors as network_selectors

TEAM_PAGE_SIZE = 50

WARNING_TEXT = {
    "too_few_experts": _("Dit team heeft minder dan 2 ervaringsdeskundigen. Werk nooit alleen: zorg voor een collega."),
    "project_few_experts": _("Een project heeft minstens 5 ervaringsdeskundigen nodig."),
    "project_few_trajectories": _("Een project heeft minstens 20 trajecten per jaar nodig (afgelopen 12 maanden)."),
    "uneven_caseload": _("Eén ervaringsdeskundige heeft twee keer zoveel bewoners als gemiddeld, of meer."),
}


def _read_only(request, trajectory) -> bool:
    """True for an anonymised trajectory; a change to one is refused (403), whatever the form says."""
    if trajectory.anonymised_at is None:
        return False
    if request.method == "POST":
        raise PermissionDenied
    return True


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
    coordinated = Q(
        team__members__user=request.user,
        team__members__is_active=True,
        team__members__role=TeamMember.Role.COORDINATOR,
    )
    own_or_coordinated = permissions.trajectories_of(request.user).filter(Q(experts=request.user) | coordinated)
    due = selectors.due_reviews(own_or_coordinated.distinct())
    return render(request, "neighbourhood/home.html", {"teams": teams, "mine": mine, "due": due})


@login_required
def team_detail(request: HttpRequest, pk: int) -> HttpResponse:
    team = permissions.get_team(request.user, pk)
    members = list(team.members.filter(is_active=True).select_related("user").order_by("role", "user__full_name"))
    expert_count = sum(1 for m in members if m.role == TeamMember.Role.EXPERT)
    warnings = [WARNING_TEXT[code] for code in rules.team_warnings(expert_count=expert_count)]
    # Paged, so the page costs the same whatever the caseload (assert in test_reviews).
    trajectories = Paginator(
        team.trajectories.filter(anonymised_at__isnull=True).prefetch_related("experts"), TEAM_PAGE_SIZE
    ).get_page(request.GET.get("pagina"))
    due = selectors.due_reviews(team.trajectories.all())
    new_referrals = team.referrals.filter(status="new").count()
    return render(
        request,
        "neighbourhood/team.html",
        {
            "team": team,
            "members": members,
            "warnings": warnings,
            "trajectories": trajectories,
            "due": due,
            "new_referrals": new_referrals,
            "is_coordinator": any(
                m.user_id == request.user.pk and m.role == TeamMember.Role.COORDINATOR for m in members
            ),
        },
    )


@login_required
def contact_new(request: HttpRequest, pk: int) -> HttpResponse:
    team = permissions.get_team(request.user, pk)
    form = FirstContactForm(posted(request))
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
        "reviews": selectors.review_statuses(trajectory),
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
    _read_only(request, trajectory)
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
    read_only = _read_only(request, trajectory)
    rows = topics.form1_rows()
    existing = QuestionForm.objects.filter(trajectory=trajectory).prefetch_related("rows").first()
    initial = {}
    if existing:
        initial = {"name": existing.name, "filled_on": existing.filled_on}
        for row in existing.rows.all():
            initial[f"now_{row.topic}"], initial[f"wish_{row.topic}"] = row.now, row.wish
    form = QuestionFormForm(posted(request), initial=initial, rows=rows)
    if read_only:
        make_read_only(form)
    if request.method == "POST" and form.is_valid():
        services.question_form_save(
            trajectory=trajectory,
            name=form.cleaned_data["name"],
            filled_on=form.cleaned_data["filled_on"],
            rows=form.row_values(),
        )
        messages.success(request, _("Het formulier is opgeslagen."))
        return redirect("neighbourhood:form1", pk=trajectory.pk)
    return render(request, "neighbourhood/form1.html", {"trajectory": trajectory, "form": form, "read_only": read_only})


@login_required
def closure(request: HttpRequest, pk: int) -> HttpResponse:
    trajectory = permissions.get_trajectory(request.user, pk, item="closure")
    read_only = _read_only(request, trajectory)
    existing = Closure.objects.filter(trajectory=trajectory).first()
    actions = json.loads(existing.actions) if existing and existing.actions else {}
    form = ClosureForm(
        posted(request),
        instance=existing,
        domains=topics.life_domains(),
        actions=actions,
        initial={"closed_on": trajectory.closed_on or timezone.localdate()},
    )
    if read_only:
        make_read_only(form)
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
        "read_only": read_only,
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


def _review_round(months: int) -> int:
    if months not in review_rules.ROUNDS:
        raise Http404
    return months


@login_required
def review(request: HttpRequest, pk: int, months: int) -> HttpResponse:
    """Form 2 after 3 or 6 months: fill in online together, or print it and type it in later."""
    months = _review_round(months)
    trajectory = permissions.get_trajectory(request.user, pk, item=f"review_{months}")
    read_only = _read_only(request, trajectory)
    existing, initial = selectors.review_initial(trajectory, months)
    form = ReviewForm(
        posted(request),
        initial=initial,
        rows=topics.life_domains(),
        wishes=selectors.form1_wishes(trajectory),
    )
    if read_only:
        make_read_only(form)
    if request.method == "POST" and form.is_valid():
        services.review_save(
            trajectory=trajectory,
            months=months,
            by=request.user,
            filled_on=form.cleaned_data["filled_on"],
            rows=form.row_values(),
        )
        messages.success(request, _("Het voortgangsformulier is opgeslagen."))
        return redirect("neighbourhood:review", pk=trajectory.pk, months=months)
    status = review_rules.round_status(
        opened_on=trajectory.opened_on,
        months=months,
        done=existing is not None,
        today=timezone.localdate(),
        closed_on=trajectory.closed_on,
    )
    context = {
        "trajectory": trajectory,
        "form": form,
        "months": months,
        "round_label": Review.Round(months).label,
        "status": status,
        "existing": existing,
        "read_only": read_only,
    }
    return render(request, "neighbourhood/review.html", context)


@login_required
def review_pdf(request: HttpRequest, pk: int, months: int) -> HttpResponse:
    months = _review_round(months)
    trajectory = permissions.get_trajectory(request.user, pk, item=f"review_{months}_pdf")
    found = Review.objects.filter(trajectory=trajectory, months=months).first()
    if found is None:
        raise Http404
    response = HttpResponse(pdf.review_pdf(found), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="voortgang-{months}-maanden-{trajectory.pk}.pdf"'
    return response


@login_required
def partners(request: HttpRequest, pk: int) -> HttpResponse:
    """The team's partners: the parties a resident can consent to share with."""
    team = permissions.get_team(request.user, pk)
    data = posted(request)
    picking = data is not None and "map_entry" in data
    form = PartnerForm(None if picking else data)
    map_form = MapPartnerForm(data if picking else None, choices=network_selectors.partner_choices())
    if picking and map_form.is_valid():
        entry = get_object_or_404(network_selectors.partners(), pk=map_form.cleaned_data["map_entry"])
        _partner, created = services.partner_from_map(team=team, entry=entry)
        if created:
            messages.success(request, _("De partner is toegevoegd."))
        return redirect("neighbourhood:partners", pk=team.pk)
    if data is not None and not picking and form.is_valid():
        _partner, created = services.partner_add(team=team, **form.cleaned_data)
        if created:
            messages.success(request, _("De partner is toegevoegd."))
        return redirect("neighbourhood:partners", pk=team.pk)
    listed = team.partners.select_related("map_entry").order_by("name")[:500]
    context = {"team": team, "form": form, "map_form": map_form, "partners": listed}
    return render(request, "neighbourhood/partners.html", context)


def _consents_page(request, trajectory, *, consent_form=None, message_form=None, read_only=False, status=200):
    team = trajectory.team
    context = {
        "trajectory": trajectory,
        "consents": list(trajectory.consents.select_related("partner", "recorded_by", "revoked_by")[:200]),
        "messages_sent": list(trajectory.partner_messages.select_related("partner", "by")[:200]),
        "consent_form": consent_form
        or ConsentForm(team=team, initial={"request_key": uuid.uuid4(), "given_on": timezone.localdate()}),
        "message_form": message_form or PartnerMessageForm(team=team, initial={"request_key": uuid.uuid4()}),
        "read_only": read_only,
        "has_partners": team.partners.exists(),
    }
    return render(request, "neighbourhood/consents.html", context, status=status)


@login_required
def consents(request: HttpRequest, pk: int) -> HttpResponse:
    """Consent per partner and purpose: record, see who recorded it and when, revoke."""
    trajectory = permissions.get_trajectory(request.user, pk, item="consents")
    read_only = _read_only(request, trajectory)
    if request.method != "POST":
        return _consents_page(request, trajectory, read_only=read_only)
    form = ConsentForm(request.POST, team=trajectory.team)
    if not form.is_valid():
        return _consents_page(request, trajectory, consent_form=form)
    _consent, created = services.consent_record(trajectory=trajectory, by=request.user, **form.cleaned_data)
    if created:
        messages.success(request, _("De toestemming is vastgelegd."))
    return redirect("neighbourhood:consents", pk=trajectory.pk)


@login_required
@require_POST
def consent_revoke(request: HttpRequest, pk: int, consent_pk: int) -> HttpResponse:
    trajectory = permissions.get_trajectory(request.user, pk, item="consents")
    found = Consent.objects.filter(trajectory=trajectory, pk=consent_pk).first()
    if found is None:
        raise Http404
    if services.consent_revoke(consent=found, by=request.user):
        messages.success(request, _("De toestemming is ingetrokken. Er wordt vanaf nu niets meer gedeeld."))
    return redirect("neighbourhood:consents", pk=trajectory.pk)


@login_required
@require_POST
def partner_message(request: HttpRequest, pk: int) -> HttpResponse:
    """Send information to a partner; refused with a clear message without a live consent."""
    trajectory = permissions.get_trajectory(request.user, pk, item="partner_message")
    _read_only(request, trajectory)
    form = PartnerMessageForm(request.POST, team=trajectory.team)
    if form.is_valid():
        try:
            _message, created = services.partner_message_send(
                trajectory=trajectory, by=request.user, **form.cleaned_data
            )
        except consent_rules.NoConsent:
            form.add_error("partner", NO_CONSENT)
        else:
            if created:
                messages.success(request, _("Het bericht is verstuurd."))
            return redirect("neighbourhood:consents", pk=trajectory.pk)
    return _consents_page(request, trajectory, message_form=form)

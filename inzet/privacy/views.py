"""Data rights pages: my data (download, ask for erasure), erasure requests for coordinators and
the operator, and the processing register for the operator."""

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inzet.accounts.permissions import get_roles, role_required
from inzet.organisations.models import Role
from inzet.privacy import export, registry, services
from inzet.privacy.models import DataRightsEvent, ErasureRequest, RetentionRule


def _handled_by(user):
    """The erasure requests this person may carry out: their coordinated organisations', and for
    the operator those of people without an organisation."""
    roles = get_roles(user)
    queryset = ErasureRequest.objects.none()
    coordinated = roles.organisation_ids(Role.COORDINATOR)
    if coordinated:
        queryset = ErasureRequest.objects.filter(organisation_id__in=coordinated)
    if roles.is_operator:
        queryset = queryset | ErasureRequest.objects.filter(organisation__isnull=True)
    return queryset


def _get_request_for_user(user, pk: int) -> ErasureRequest:
    try:
        found = _handled_by(user).select_related("user", "organisation").get(pk=pk)
    except ErasureRequest.DoesNotExist as exc:
        raise Http404 from exc
    if found.user_id == user.pk:
        raise PermissionDenied  # nobody carries out their own request: a colleague does
    return found


@login_required
def mine(request: HttpRequest) -> HttpResponse:
    open_request = ErasureRequest.objects.filter(user=request.user, state=ErasureRequest.State.REQUESTED).first()
    return render(request, "privacy/mine.html", {"open_request": open_request})


@login_required
def export_download(request: HttpRequest) -> HttpResponse:
    content = export.as_zip(request.user)
    services.event_log(kind=DataRightsEvent.Kind.EXPORT, subject=request.user, actor=request.user)
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="inzet-mijn-gegevens-{timezone.localdate():%Y-%m-%d}.zip"'
    return response


@login_required
@require_POST
def erasure_ask(request: HttpRequest) -> HttpResponse:
    _request, created = services.erasure_request(user=request.user, reason=request.POST.get("reason", "")[:2000])
    if created:
        messages.success(
            request, _("Uw verzoek is ontvangen. Een coördinator handelt het af. Daarna krijgt u bericht.")
        )
    else:
        messages.info(request, _("U had dit al gevraagd. Uw verzoek loopt nog."))
    return redirect("privacy:mine")


@role_required(Role.COORDINATOR, Role.OPERATOR)
def erasure_list(request: HttpRequest) -> HttpResponse:
    rows = (
        _handled_by(request.user)
        .select_related("user", "organisation", "completed_by")
        .order_by("state", "-requested_at")[:200]
    )
    return render(request, "privacy/erasure_list.html", {"rows": rows})


@login_required
def erasure_detail(request: HttpRequest, pk: int) -> HttpResponse:
    found = _get_request_for_user(request.user, pk)
    return render(request, "privacy/erasure_detail.html", {"erasure": found})


@login_required
@require_POST
def erasure_carry_out(request: HttpRequest, pk: int) -> HttpResponse:
    found = _get_request_for_user(request.user, pk)
    _done, now = services.erasure_carry_out(erasure_request_id=found.pk, actor=request.user)
    if now:
        messages.success(request, _("De gegevens zijn verwijderd. De persoon krijgt bericht."))
    else:
        messages.info(request, _("Dit verzoek was al uitgevoerd."))
    return redirect("privacy:erasure_detail", pk=found.pk)


@role_required(Role.OPERATOR)
def register(request: HttpRequest) -> HttpResponse:
    rules = {rule.code: rule for rule in RetentionRule.objects.all()}
    return render(request, "privacy/register.html", {"entries": list(registry.entries()), "rules": rules})


@role_required(Role.OPERATOR)
def register_download(request: HttpRequest) -> HttpResponse:
    rules = {rule.code: rule for rule in RetentionRule.objects.all()}
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(
        [
            _("Gegevens"),
            _("Doel"),
            _("Op welke grond (wet)"),
            _("Wie krijgt ze"),
            _("Hoe lang bewaard"),
            _("Bewaarregel (dagen)"),
            _("Velden"),
            _("Versleuteld"),
            _("Bijzonder persoonsgegeven"),
        ]
    )
    for entry in registry.entries():
        p = entry["processing"]
        rule = rules.get(p.rule)
        writer.writerow(
            [
                f"{entry['name']} ({entry['label']})",
                p.purpose,
                p.legal_basis,
                p.recipients,
                p.retention,
                rule.period_days if rule else "",
                ", ".join(entry["fields"]),
                ", ".join(entry["encrypted"]),
                _("ja") if p.special else _("nee"),
            ]
        )
    services.event_log(kind=DataRightsEvent.Kind.REGISTER_DOWNLOADED, subject=None, actor=request.user)
    response = HttpResponse(buffer.getvalue().encode("utf-8-sig"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="verwerkingsregister.csv"'
    return response

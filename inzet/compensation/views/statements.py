"""The expert's year statement, the bookkeeping export, and allowances from outside Inzet."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inzet.accounts.permissions import get_roles, role_required
from inzet.compensation import documents, selectors, services
from inzet.compensation.forms import ExportForm, ExternalAllowanceForm
from inzet.compensation.permissions import get_expert_for_allowances, get_external_allowance_for_user
from inzet.compensation.views.common import XLSX
from inzet.experts.disclosure import log_access
from inzet.experts.models import ExpertProfile
from inzet.lib.views import add_service_errors, posted
from inzet.organisations.models import Organisation, Role


@login_required
def statement(request: HttpRequest, year: int) -> HttpResponse:
    profile = ExpertProfile.objects.select_related("user").filter(user=request.user).first()
    if profile is None or not (2000 <= year <= selectors.today().year + 1):
        raise Http404
    content = documents.statement_pdf(selectors.year_statement(profile, year))
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="jaaroverzicht-{year}.pdf"'
    return response


@role_required(Role.COORDINATOR)
def export(request: HttpRequest) -> HttpResponse:
    organisations = Organisation.objects.filter(pk__in=get_roles(request.user).organisation_ids(Role.COORDINATOR))
    today = selectors.today()
    bound = request.GET if "start" in request.GET else None
    form = ExportForm(
        bound,
        organisations=organisations,
        initial={
            "start": today.replace(day=1),
            "end": today,
            "organisation": organisations.first().pk if organisations else None,
        },
    )
    if bound is not None and form.is_valid():
        data = form.cleaned_data
        content = documents.bookkeeping_xlsx(
            viewer=request.user,
            organisation_ids={data["organisation"]},
            start=data["start"],
            end=data["end"],
            path=request.path,
        )
        response = HttpResponse(content, content_type=XLSX)
        name = f"boekhouding-{data['start']:%Y%m%d}-{data['end']:%Y%m%d}.xlsx"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    return render(request, "compensation/export.html", {"form": form})


# --- allowances from outside Inzet (the expert, or their coordinator on their behalf) ----------------


@login_required
def external_allowances(request: HttpRequest, expert_pk: int) -> HttpResponse:
    profile, on_behalf = get_expert_for_allowances(request.user, expert_pk)
    if on_behalf:
        log_access(
            viewer=request.user, profile=profile, items=["benefit"], context="external_allowances", path=request.path
        )
    form = ExternalAllowanceForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.external_allowance_save(expert=profile, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("De vergoeding is opgeslagen. Die telt nu mee voor de grenzen."))
            return redirect("compensation:external", expert_pk=profile.pk)
    return render(
        request,
        "compensation/external.html",
        {
            "profile": profile,
            "on_behalf": on_behalf,
            "allowances": selectors.external_allowances(profile.pk),
            "form": form,
        },
    )


@login_required
def external_allowance_edit(request: HttpRequest, pk: int) -> HttpResponse:
    allowance, on_behalf = get_external_allowance_for_user(request.user, pk)
    if allowance.removed_at is not None:
        messages.info(request, _("Deze vergoeding is al verwijderd."))
        return redirect("compensation:external", expert_pk=allowance.expert_id)
    initial = {
        "organisation_name": allowance.organisation_name,
        "amount": allowance.amount_decimal,
        "from_month": allowance.from_month,
        "to_month": allowance.to_month,
    }
    form = ExternalAllowanceForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.external_allowance_save(
                expert=allowance.expert, actor=request.user, allowance=allowance, **form.cleaned_data
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("De wijziging is opgeslagen."))
            return redirect("compensation:external", expert_pk=allowance.expert_id)
    return render(
        request,
        "compensation/external_edit.html",
        {"allowance": allowance, "on_behalf": on_behalf, "form": form},
    )


@login_required
@require_POST
def external_allowance_delete(request: HttpRequest, pk: int) -> HttpResponse:
    allowance, _on_behalf = get_external_allowance_for_user(request.user, pk)
    expert_pk = allowance.expert_id
    services.external_allowance_delete(allowance=allowance, actor=request.user)
    messages.success(request, _("De vergoeding is verwijderd."))
    return redirect("compensation:external", expert_pk=expert_pk)

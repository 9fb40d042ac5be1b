"""Overview, rule tables (caps, benefit rules) and an organisation's payment settings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from inzet.accounts.permissions import get_organisation_for_user, get_roles, role_required
from inzet.compensation import selectors, services
from inzet.compensation.forms import CapRowForm, PaymentSettingsForm
from inzet.compensation.models import AllowanceCapRow, BenefitRuleRow
from inzet.compensation.views.common import ANY_ROLE
from inzet.experts.disclosure import viewer_levels
from inzet.experts.models import AgeBand, BenefitSituation, ExpertProfile
from inzet.lib.views import add_service_errors, posted
from inzet.organisations.models import Organisation, Role


@role_required(*ANY_ROLE)
def overview(request: HttpRequest) -> HttpResponse:
    roles = get_roles(request.user)
    context: dict = {"roles": roles, "is_coordinator": roles.has(Role.COORDINATOR)}
    if roles.has(Role.EXPERT):
        context["assignments"] = list(selectors.assignments_of_expert(request.user))
        context["payouts"] = list(selectors.payouts_of_expert(request.user, year=selectors.today().year))
        context["statement_years"] = selectors.statement_years(request.user)
        context["own_profile"] = ExpertProfile.objects.filter(user=request.user).first()
        context["has_profile"] = context["own_profile"] is not None
    if roles.has(Role.COORDINATOR):
        assignments = list(selectors.assignments_of_coordinator(request.user)[:200])
        levels = viewer_levels(request.user, [a.expert for a in assignments])
        context["team"] = [(a, selectors.expert_label(a.expert, levels[a.expert.pk])) for a in assignments]
        context["coordinated"] = Organisation.objects.filter(pk__in=roles.organisation_ids(Role.COORDINATOR))
    if roles.has(Role.ASKER) or roles.has(Role.COORDINATOR):
        context["invoice_count"] = selectors.invoices_for(request.user).count()
    return render(request, "compensation/overview.html", context)


@role_required(*ANY_ROLE)
def rule_tables(request: HttpRequest) -> HttpResponse:
    roles = get_roles(request.user)
    organisation_ids = None if roles.is_operator else roles.organisation_ids(Role.COORDINATOR, Role.TRAINER)
    return render(
        request,
        "compensation/rules.html",
        {
            "cap_years": selectors.cap_years(),
            "benefit_rules": [
                (
                    row,
                    ", ".join(
                        str(BenefitSituation(k).label) for k in row.benefit_kinds if k in BenefitSituation.values
                    ),
                    ", ".join(str(AgeBand(b).label) for b in row.age_bands if b in AgeBand.values),
                )
                for row in BenefitRuleRow.objects.order_by("code", "valid_from")
            ],
            "guidelines": selectors.guidelines(),
            "instruments": selectors.work_instruments(),
            "tariffs": selectors.tariffs(organisation_ids) if organisation_ids != set() else [],
            "is_operator": roles.is_operator,
        },
    )


@role_required(Role.OPERATOR)
def cap_add(request: HttpRequest) -> HttpResponse:
    initial = {}
    if request.GET.get("jaar", "").isdigit():
        initial["year"] = int(request.GET["jaar"])
    form = CapRowForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "year"}
        services.cap_row_save(year=form.cleaned_data["year"], data=data, actor=request.user)
        messages.success(request, _("De grenzen voor %(year)s zijn opgeslagen.") % {"year": form.cleaned_data["year"]})
        return redirect("compensation:rules")
    return render(request, "compensation/cap_form.html", {"form": form, "existing": AllowanceCapRow.objects.count()})


@login_required
def org_settings(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_organisation_for_user(request.user, pk, write=True)
    if organisation.kind != Organisation.Kind.DEPLOYING:
        raise Http404
    current = selectors.payment_settings(organisation)
    form = PaymentSettingsForm(posted(request), instance=current, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        changes = {name: form.cleaned_data[name] for name in form.Meta.fields}
        numbers = {name: form.cleaned_data[name] for name in form.ORGANISATION_FIELDS}
        try:
            services.payment_settings_update(organisation=organisation, changes=changes, numbers=numbers)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("De instellingen zijn opgeslagen."))
            return redirect("compensation:org_settings", pk=pk)
    return render(
        request,
        "compensation/org_settings.html",
        {"organisation": organisation, "form": form, "tariffs": selectors.tariffs([organisation.pk])},
    )

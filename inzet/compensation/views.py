"""Pages for hours, expenses, the rule check, settlements, payouts, statements and exports.

Each view authorises first (inzet/compensation/permissions.py), then validates a form, calls one
service and renders or redirects.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inzet.accounts.permissions import get_organisation_for_user, get_roles, role_required
from inzet.compensation import documents, selectors, services
from inzet.compensation.forms import (
    BatchForm,
    CapRowForm,
    DecisionForm,
    ExpenseCorrectionForm,
    ExpenseForm,
    ExportForm,
    ExternalAllowanceForm,
    HoursCorrectionForm,
    HoursForm,
    PaymentSettingsForm,
    PayoutApproveForm,
    RewardChoiceForm,
)
from inzet.compensation.models import AllowanceCapRow, BenefitRuleRow, PayoutBatch
from inzet.compensation.permissions import (
    get_assignment_for_user,
    get_batch_for_user,
    get_expense_for_user,
    get_expert_for_allowances,
    get_external_allowance_for_user,
    get_hour_entry_for_user,
    get_invoice_for_user,
    get_payout_for_user,
    get_settlement_for_user,
    is_coordinator_of,
    require_decider,
)
from inzet.engagements.forms import RespondForm
from inzet.engagements.models import EngagementRequest
from inzet.engagements.permissions import get_invitation_for_expert
from inzet.experts.disclosure import log_access, viewer_levels
from inzet.experts.models import AgeBand, BenefitSituation, ExpertProfile
from inzet.lib import uploads
from inzet.lib.views import add_service_errors, posted, posted_files
from inzet.organisations.models import Organisation, Role

ANY_ROLE = (Role.OPERATOR, Role.COORDINATOR, Role.TRAINER, Role.EXPERT, Role.ASKER)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _next_or(request: HttpRequest, fallback: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return fallback


def _assignment_url(pk: int) -> str:
    from django.urls import reverse

    return reverse("compensation:assignment", args=[pk])


# --- overview and rule tables -------------------------------------------------------------------


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


# --- one assignment: hours, expenses, the reward choice -------------------------------------------


@login_required
def assignment(request: HttpRequest, pk: int) -> HttpResponse:
    access = get_assignment_for_user(request.user, pk)
    invitation = access.invitation
    hours, expenses = selectors.assignment_rows(invitation)
    level = viewer_levels(request.user, [invitation.expert])[invitation.expert.pk]
    return render(
        request,
        "compensation/assignment.html",
        {
            "access": access,
            "invitation": invitation,
            "engagement": invitation.request,
            "expert_name": selectors.expert_label(invitation.expert, level),
            "hours": hours,
            "expenses": expenses,
            "payouts": invitation.payouts.order_by("-created_at", "-pk"),
            "choices": invitation.reward_choices.select_related("chosen_by").order_by("-chosen_at", "-pk"),
        },
    )


@login_required
def assignment_reward(request: HttpRequest, pk: int) -> HttpResponse:
    """The rule check for an invitation or assignment, and choosing another reward form for it."""
    access = get_assignment_for_user(request.user, pk, pending_too=True)
    invitation = access.invitation
    form = RewardChoiceForm(posted(request), auto_id="id_keuze_%s")
    if request.method == "POST" and form.is_valid():
        try:
            services.reward_choice_record(
                invitation=invitation,
                reward_form=form.cleaned_data["reward_form"],
                charity=form.cleaned_data["charity"],
                details=form.cleaned_data["details"],
                actor=request.user,
                on_behalf=access.on_behalf,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Uw keuze is opgeslagen."))
            return redirect(_next_or(request, request.path))
    check = selectors.invitation_check(request.user, invitation, path=request.path)
    if not form.is_bound:
        form = RewardChoiceForm(
            initial={"reward_form": check.reward.reward_form, "charity": check.reward.charity}, auto_id="id_keuze_%s"
        )
    return render(
        request,
        "compensation/reward.html",
        {"access": access, "invitation": invitation, "engagement": invitation.request, "cv": check, "form": form},
    )


@login_required
def hours_add(request: HttpRequest, pk: int) -> HttpResponse:
    access = get_assignment_for_user(request.user, pk)
    agreement = selectors.agreement_of(access.invitation.request)
    form = HoursForm(
        posted(request),
        initial={"date": selectors.today()},
        half_days=agreement is not None and agreement.half_day_rate is not None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.hours_log(invitation=access.invitation, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("De uren zijn opgeslagen. De coördinator keurt ze goed."))
            return redirect("compensation:assignment", pk=pk)
    return render(
        request,
        "compensation/hours_form.html",
        {"access": access, "invitation": access.invitation, "form": form, "correcting": None},
    )


@login_required
def hours_correct(request: HttpRequest, pk: int) -> HttpResponse:
    entry, access = get_hour_entry_for_user(request.user, pk)
    form = HoursCorrectionForm(
        posted(request), initial={"date": entry.date, "hours": entry.hours, "description": entry.description}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.hours_correct(entry=entry, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("De correctie is opgeslagen. De oude regel blijft bewaard."))
            return redirect("compensation:assignment", pk=entry.invitation_id)
    return render(
        request,
        "compensation/hours_form.html",
        {"access": access, "invitation": access.invitation, "form": form, "correcting": entry},
    )


@login_required
@require_POST
def hours_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    entry, _access = get_hour_entry_for_user(request.user, pk)
    try:
        services.hours_withdraw(entry=entry, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("De regel is ingetrokken."))
    return redirect("compensation:assignment", pk=entry.invitation_id)


def _decide(request: HttpRequest, access, invitation_id: int, decide) -> HttpResponse:
    """Approve or reject one hour row or expense claim; `decide(approve=, note=)` is the service call."""
    require_decider(access)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies goedkeuren of afwijzen."))
    else:
        try:
            decide(approve=form.cleaned_data["decision"] == "approve", note=form.cleaned_data["note"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Het besluit is opgeslagen."))
    return redirect(_next_or(request, _assignment_url(invitation_id)))


@login_required
@require_POST
def hours_decide(request: HttpRequest, pk: int) -> HttpResponse:
    entry, access = get_hour_entry_for_user(request.user, pk)
    return _decide(
        request, access, entry.invitation_id, lambda **kw: services.hours_decide(entry=entry, actor=request.user, **kw)
    )


@uploads.accepts_uploads("receipt")
@login_required
def expense_add(request: HttpRequest, pk: int) -> HttpResponse:
    access = get_assignment_for_user(request.user, pk)
    form = ExpenseForm(posted(request), posted_files(request), initial={"date": selectors.today()})
    if request.method == "POST" and form.is_valid():
        try:
            services.expense_submit(invitation=access.invitation, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("De kosten zijn opgeslagen. De coördinator keurt ze goed."))
            return redirect("compensation:assignment", pk=pk)
    return render(
        request,
        "compensation/expense_form.html",
        {"access": access, "invitation": access.invitation, "form": form, "correcting": None},
    )


@uploads.accepts_uploads("receipt")
@login_required
def expense_correct(request: HttpRequest, pk: int) -> HttpResponse:
    claim, access = get_expense_for_user(request.user, pk)
    form = ExpenseCorrectionForm(
        posted(request),
        posted_files(request),
        initial={"date": claim.date, "amount": claim.amount, "description": claim.description},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.expense_correct(claim=claim, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("De correctie is opgeslagen. De oude regel blijft bewaard."))
            return redirect("compensation:assignment", pk=claim.invitation_id)
    return render(
        request,
        "compensation/expense_form.html",
        {"access": access, "invitation": access.invitation, "form": form, "correcting": claim},
    )


@login_required
@require_POST
def expense_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    claim, _access = get_expense_for_user(request.user, pk)
    try:
        services.expense_withdraw(claim=claim, actor=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("De declaratie is ingetrokken."))
    return redirect("compensation:assignment", pk=claim.invitation_id)


@login_required
@require_POST
def expense_decide(request: HttpRequest, pk: int) -> HttpResponse:
    claim, access = get_expense_for_user(request.user, pk)
    return _decide(
        request,
        access,
        claim.invitation_id,
        lambda **kw: services.expense_decide(claim=claim, actor=request.user, **kw),
    )


@login_required
def expense_receipt(request: HttpRequest, pk: int) -> FileResponse:
    claim, _access = get_expense_for_user(request.user, pk)
    kind = uploads.USES["receipt"].kind_of(claim.receipt.name) or ""
    try:
        handle = claim.receipt.open("rb")
    except FileNotFoundError as exc:
        raise Http404 from exc
    response = FileResponse(handle, content_type=uploads.content_type(claim.receipt.name))
    response["Content-Disposition"] = f'inline; filename="bon-{claim.pk}.{"jpg" if kind == "jpeg" else kind}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


# --- coordinator: approve, settle, pay -----------------------------------------------------------


@role_required(Role.COORDINATOR)
def approvals(request: HttpRequest) -> HttpResponse:
    hours, expenses = selectors.waiting_for_approval(request.user)
    hours, expenses = list(hours[:300]), list(expenses[:300])
    levels = viewer_levels(request.user, {r.invitation.expert for r in hours + expenses})
    return render(
        request,
        "compensation/approvals.html",
        {
            "hours": [(e, selectors.expert_label(e.invitation.expert, levels[e.invitation.expert.pk])) for e in hours],
            "expenses": [
                (c, selectors.expert_label(c.invitation.expert, levels[c.invitation.expert.pk])) for c in expenses
            ],
        },
    )


@role_required(Role.COORDINATOR)
def settlements(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "compensation/settlements.html",
        {
            "to_settle": selectors.requests_to_settle(request.user),
            "settlements": selectors.settlements_of(request.user)[:100],
        },
    )


@login_required
def settle(request: HttpRequest, pk: int) -> HttpResponse:
    engagement = EngagementRequest.objects.select_related("agreement", "asker_organisation").filter(pk=pk).first()
    if engagement is None or not is_coordinator_of(request.user, engagement.deploying_organisation_id):
        raise Http404
    if request.method == "POST":
        try:
            settlement = services.settlement_create(request=engagement, actor=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                _("Factuur %(number)s en de betalingen zijn gemaakt.") % {"number": settlement.invoice.number},
            )
            return redirect("compensation:settlement", pk=settlement.pk)
    unsettled = selectors.unsettled_by_invitation([engagement.pk])
    invitations = selectors.prefetch_choices(
        engagement.invitations.filter(pk__in=unsettled).select_related("expert__user")
    ).order_by("pk")
    levels = viewer_levels(request.user, [i.expert for i in invitations])
    rows = [
        (i, selectors.expert_label(i.expert, levels[i.expert.pk]), unsettled[i.pk], selectors.effective_reward(i))
        for i in invitations
    ]
    return render(
        request,
        "compensation/settle.html",
        {
            "engagement": engagement,
            "rows": rows,
            "price": selectors.invoice_rate(engagement),
            "rate": selectors.pay_rate(engagement),
            "config": selectors.payment_settings(engagement.deploying_organisation),
        },
    )


@login_required
def settlement(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_settlement_for_user(request.user, pk)
    payouts = list(found.payouts.select_related("expert__user").order_by("expert_id", "kind"))
    levels = viewer_levels(request.user, [p.expert for p in payouts])
    return render(
        request,
        "compensation/settlement.html",
        {
            "settlement": found,
            "invoice": found.invoice,
            "lines": found.invoice.lines.all(),
            "payouts": [(p, selectors.expert_label(p.expert, levels[p.expert.pk])) for p in payouts],
        },
    )


@role_required(Role.COORDINATOR, Role.ASKER)
def invoices(request: HttpRequest) -> HttpResponse:
    return render(request, "compensation/invoices.html", {"invoices": selectors.invoices_for(request.user)[:300]})


@login_required
def invoice_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    invoice, _is_sender = get_invoice_for_user(request.user, pk)
    response = HttpResponse(documents.invoice_pdf(invoice), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="factuur-{invoice.number}.pdf"'
    return response


@role_required(Role.COORDINATOR)
def payouts(request: HttpRequest) -> HttpResponse:
    rows = list(selectors.payouts_of(request.user)[:500])
    levels = viewer_levels(request.user, [p.expert for p in rows])
    organisations = Organisation.objects.filter(pk__in=get_roles(request.user).organisation_ids(Role.COORDINATOR))
    return render(
        request,
        "compensation/payouts.html",
        {
            "rows": [(p, selectors.expert_label(p.expert, levels[p.expert.pk])) for p in rows],
            "batches": selectors.batches_of(request.user)[:100],
            "organisations": organisations,
            "kinds": PayoutBatch.Kind.choices,
        },
    )


@login_required
def payout(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_payout_for_user(request.user, pk)
    form = PayoutApproveForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.payout_approve(payout=found, actor=request.user, acknowledged=form.cleaned_data["acknowledged"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("De betaling is goedgekeurd."))
            return redirect("compensation:payouts")
    level = viewer_levels(request.user, [found.expert])[found.expert.pk]
    return render(
        request,
        "compensation/payout.html",
        {
            "payout": found,
            "expert_name": selectors.expert_label(found.expert, level),
            "cv": selectors.payout_check(request.user, found, path=request.path),
            "form": form,
        },
    )


@login_required
@require_POST
def batch_create(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = get_organisation_for_user(request.user, pk)
    if not is_coordinator_of(request.user, organisation.pk):
        raise PermissionDenied
    form = BatchForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies een soort bestand."))
        return redirect("compensation:payouts")
    try:
        batch, _skipped = services.batch_create(
            organisation=organisation, kind=form.cleaned_data["kind"], actor=request.user
        )
    except services.BankDetailsMissing as exc:
        links = format_html_join(
            ", ",
            '<a href="{}">{}</a>',
            (
                (
                    reverse("experts:bank_for", args=[p.pk]),
                    _("IBAN invullen voor %(name)s") % {"name": p.user.full_name},
                )
                for p in exc.profiles
            ),
        )
        messages.error(request, format_html("{} {}", exc.messages[0], links))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Het bestand %(name)s is gemaakt.") % {"name": batch.filename})
    return redirect("compensation:payouts")


@login_required
def batch_download(request: HttpRequest, pk: int) -> FileResponse:
    batch = get_batch_for_user(request.user, pk)
    content_type = "application/xml" if batch.kind == PayoutBatch.Kind.BANK else XLSX
    return FileResponse(batch.file.open("rb"), as_attachment=True, filename=batch.filename, content_type=content_type)


# --- the expert's year statement, and the bookkeeping export -------------------------------------


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
    form = ExternalAllowanceForm(request.POST or None)
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
    form = ExternalAllowanceForm(request.POST or None, initial=initial)
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


# --- the invitation: reward choice and yes/no in one form ------------------------------------------


@login_required
def invitation_answer(request: HttpRequest, pk: int) -> HttpResponse:
    """The invitation page's form posts here: the reward form and yes/no are saved together.

    A mistake (a donation without a charity, no answer) shows this page with the message and keeps
    everything that was filled in; GET shows the same form."""
    invitation = get_invitation_for_expert(request.user, pk)
    current = selectors.effective_reward(invitation)
    answer = RespondForm(posted(request))
    reward = RewardChoiceForm(
        posted(request),
        initial={"reward_form": current.reward_form, "charity": current.charity, "details": current.details},
    )
    if request.method == "POST":
        answer_ok = answer.is_valid()
        accept = answer_ok and answer.cleaned_data["answer"] == "yes"
        if answer_ok and (not accept or reward.is_valid()):
            try:
                services.invitation_answer(
                    invitation=invitation,
                    actor=request.user,
                    accept=accept,
                    reason=answer.cleaned_data["reason"],
                    **({k: reward.cleaned_data[k] for k in ("reward_form", "charity", "details")} if accept else {}),
                )
            except ValidationError as exc:
                if not hasattr(exc, "error_dict"):
                    messages.error(request, " ".join(exc.messages))
                    return redirect("engagements:invitation", pk=pk)
                add_service_errors(reward, exc)
            else:
                messages.success(
                    request,
                    _("Dank u wel. U doet mee.")
                    if accept
                    else _("Dank u wel voor uw antwoord. Nee zeggen mag altijd."),
                )
                # Saying yes goes on to "what do you need to do this?" (engagements).
                return redirect("engagements:invitation_needs" if accept else "engagements:invitation", pk=pk)
    return render(
        request,
        "compensation/invitation_answer.html",
        {"invitation": invitation, "engagement": invitation.request, "answer": answer, "reward": reward},
    )

"""Coordinator: approve, settle, pay."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from inzet.accounts.permissions import get_organisation_for_user, get_roles, role_required
from inzet.compensation import documents, selectors, services
from inzet.compensation.forms import BatchForm, PayoutApproveForm
from inzet.compensation.models import PayoutBatch
from inzet.compensation.permissions import (
    get_batch_for_user,
    get_invoice_for_user,
    get_payout_for_user,
    get_settlement_for_user,
    is_coordinator_of,
)
from inzet.compensation.views.common import XLSX
from inzet.engagements.models import EngagementRequest
from inzet.experts.disclosure import viewer_levels
from inzet.lib.views import add_service_errors, posted
from inzet.organisations.models import Organisation, Role


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
            settlement = services.settlement_create(engagement=engagement, actor=request.user)
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

"""The collaboration agreement and the quote as PDF (WeasyPrint): a plain template with print CSS, A4, Dutch."""

from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import override

from inzet.engagements import quote
from inzet.engagements.models import Agreement, Invitation


def _no_fetch(url: str, *args, **kwargs):
    # Everything the PDF needs is in the template; never reach out to a URL named in user text.
    raise ValueError(f"External resources are not loaded: {url}")


def _render(template: str, context: dict) -> bytes:
    from weasyprint import HTML

    with override("nl"):
        html = render_to_string(template, context)
    return HTML(string=html, url_fetcher=_no_fetch).write_pdf()


def vat_parts(agreement: Agreement) -> tuple[tuple[Decimal, Decimal], ...]:
    """Each accepted expert's share of the work with the VAT of their work form (the rule the invoice
    uses: compensation.selectors.vat_rate_for); seats not filled yet carry the agreement's rate."""
    from inzet.compensation.selectors import payment_settings, vat_rate_for

    request = agreement.request
    needed = max(request.experts_needed, 1)
    accepted = [
        i.expert for i in request.invitations.filter(state=Invitation.State.ACCEPTED).select_related("expert")[:needed]
    ]
    config = payment_settings(request.deploying_organisation)
    parts = [(Decimal(1), vat_rate_for(profile, config)) for profile in accepted]
    if len(accepted) < needed:
        parts.append((Decimal(needed - len(accepted)), Decimal(agreement.vat_rate)))
    return tuple(parts)


def quote_for(agreement: Agreement) -> quote.Quote:
    return quote.calculate(
        hours=agreement.hours,
        hourly_rate=agreement.hourly_rate,
        vat_rate=Decimal(agreement.vat_rate),
        first_assignment=agreement.first_assignment_discount,
        vat_parts=vat_parts(agreement),
        half_days=agreement.half_days or Decimal(0),
        half_day_rate=agreement.half_day_rate,
    )


def coordination_for(agreement: Agreement, q: quote.Quote) -> dict | None:
    """The split the quote promises: what goes to the experts and what stays with the coordination.
    Same rule as the settlement (compensation.pricing)."""
    from inzet.compensation import pricing
    from inzet.compensation.selectors import half_day_pay, pay_rate, payment_settings

    request = agreement.request
    config = payment_settings(request.deploying_organisation)
    rate = pay_rate(request, config)
    if rate is None or q.net <= 0:
        return None
    experts = pricing.work_value(
        hours=agreement.hours,
        rate=rate,
        half_days=agreement.half_days or Decimal(0),
        half_day_rate=half_day_pay(request, config),
    )
    return {"experts": experts, "coordination": pricing.coordination_amount(income=q.net, paid_to_experts=experts)}


def agreement_pdf(agreement: Agreement) -> bytes:
    request = agreement.request
    return _render(
        "engagements/pdf/agreement.html",
        {
            "agreement": agreement,
            "engagement": request,
            "organisation": request.deploying_organisation,
            "today": timezone.localdate(),
        },
    )


def quote_pdf(agreement: Agreement) -> bytes:
    request = agreement.request
    return _render(
        "engagements/pdf/quote.html",
        {
            "agreement": agreement,
            "engagement": request,
            "organisation": request.deploying_organisation,
            "quote": (q := quote_for(agreement)),
            "coordination": coordination_for(agreement, q),
            "today": timezone.localdate(),
        },
    )

"""The collaboration agreement and the quote as PDF (WeasyPrint): a plain template with print CSS, A4, Dutch."""

from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import override

from inzet.engagements import quote
from inzet.engagements.models import Agreement
from inzet.engagements.selectors import needs_for_asker


def _no_fetch(url: str, *args, **kwargs):
    # Everything the PDF needs is in the template; never reach out to a URL named in user text.
    raise ValueError(f"External resources are not loaded: {url}")


def _render(template: str, context: dict) -> bytes:
    from weasyprint import HTML

    with override("nl"):
        html = render_to_string(template, context)
    return HTML(string=html, url_fetcher=_no_fetch).write_pdf()


# Filled by the compensation app when it is ready (AppConfig.ready): the VAT of each accepted expert's
# work form and the split between experts and coordination, so the quote follows exactly the rules of
# the invoice while engagements never imports compensation (it sits in a lower layer).
QUOTE_HOOKS: dict = {"vat_parts": None, "coordination": None}


def vat_parts(agreement: Agreement) -> tuple[tuple[Decimal, Decimal], ...] | None:
    hook = QUOTE_HOOKS["vat_parts"]
    return hook(agreement) if hook else None


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
    hook = QUOTE_HOOKS["coordination"]
    return hook(agreement, q) if hook else None


def agreement_pdf(agreement: Agreement) -> bytes:
    request = agreement.request
    return _render(
        "engagements/pdf/agreement.html",
        {
            "agreement": agreement,
            "engagement": request,
            "organisation": request.deploying_organisation,
            "shared_needs": needs_for_asker(request),
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

"""The collaboration agreement and the quote as PDF (WeasyPrint): a plain template with print CSS, A4, Dutch."""

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import override

from inzet.engagements import quote
from inzet.engagements.models import Agreement


def _no_fetch(url: str, *args, **kwargs):
    # Everything the PDF needs is in the template; never reach out to a URL named in user text.
    raise ValueError(f"External resources are not loaded: {url}")


def _render(template: str, context: dict) -> bytes:
    from weasyprint import HTML

    with override("nl"):
        html = render_to_string(template, context)
    return HTML(string=html, url_fetcher=_no_fetch).write_pdf()


def quote_for(agreement: Agreement) -> quote.Quote:
    return quote.calculate(
        hours=agreement.hours,
        hourly_rate=agreement.hourly_rate,
        vat_rate=agreement.vat_rate,
        first_assignment=agreement.first_assignment_discount,
    )


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
            "quote": quote_for(agreement),
            "today": timezone.localdate(),
        },
    )

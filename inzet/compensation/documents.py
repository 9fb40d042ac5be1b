"""Files for people and machines: invoice and year statement (PDF), SEPA file, lists and exports (XLSX).

PDFs come from plain templates with print CSS (WeasyPrint), in Dutch, never fetching anything from
outside. Amounts stay Decimal all the way into the files.
"""

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from io import BytesIO

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from inzet.compensation import selectors
from inzet.compensation.models import (
    EntryState,
    HourEntry,
    Invoice,
    OrganisationPaymentSettings,
    Payout,
    PayoutBatch,
)
from inzet.experts.disclosure import log_access, viewer_levels
from inzet.experts.models import reward_form_label
from inzet.lib import iban
from inzet.lib.spreadsheets import safe_row

EURO_FORMAT = '"€" #,##0.00'
# The remittance text on the expert's bank statement, per kind of payout (Dutch: the file is Dutch).
REMITTANCE = {
    Payout.Kind.ALLOWANCE: "Vergoeding ervaringsdeskundige: %(titles)s",
    Payout.Kind.COSTS: "Onkostenvergoeding: %(titles)s",
}
HOURS_FORMAT = "0.00"


def _no_fetch(url: str, *args, **kwargs):
    # Everything the PDF needs is in the template; never reach out to a URL named in user text.
    raise ValueError(f"External resources are not loaded: {url}")


def render_pdf(template: str, context: dict) -> bytes:
    from weasyprint import HTML

    with override("nl"):
        html = render_to_string(template, context)
    return HTML(string=html, url_fetcher=_no_fetch).write_pdf()


def invoice_pdf(invoice: Invoice) -> bytes:
    settlement = invoice.settlement
    vat_groups: dict[Decimal, list[Decimal]] = defaultdict(lambda: [Decimal("0.00"), Decimal("0.00")])
    for line in invoice.lines.all():
        vat_groups[line.vat_rate][0] += line.amount
        vat_groups[line.vat_rate][1] += line.vat_amount
    return render_pdf(
        "compensation/pdf/invoice.html",
        {
            "invoice": invoice,
            "lines": list(invoice.lines.all()),
            "vat_groups": sorted((rate, base, vat) for rate, (base, vat) in vat_groups.items()),
            "hours_income": sum(
                (line.amount for line in invoice.lines.all() if line.kind != "expense"), Decimal("0.00")
            ),
            "settlement": settlement,
            "engagement": settlement.request,
            "config": selectors.payment_settings(invoice.organisation),
        },
    )


def statement_pdf(statement: selectors.YearStatement) -> bytes:
    return render_pdf(
        "compensation/pdf/statement.html",
        {"statement": statement, "today": timezone.localdate()},
    )


# --- payouts ---------------------------------------------------------------------------------------


def sepa_transfer(config: OrganisationPaymentSettings, payouts: list[Payout], *, execution_date: dt.date) -> bytes:
    """A pain.001.001.03 credit transfer: one transaction per expert and kind, so the bank statement says
    what it is ("Onkostenvergoeding" for real costs, "Vergoeding ervaringsdeskundige" for work).

    The IBAN and account name are needed to pay; they go into this file and nowhere else. An invalid
    IBAN never gets here: batch_create refuses it, and this function checks once more.
    """
    from sepaxml import SepaTransfer

    transfer = SepaTransfer(
        {
            "name": config.account_name,
            "IBAN": iban.compact(config.iban),
            "BIC": config.bic.replace(" ", "").upper(),
            "batch": True,
            "currency": "EUR",
        },
        schema="pain.001.001.03",
        clean=True,
    )
    per_expert: dict[tuple[int, str], list[Payout]] = defaultdict(list)
    for payout in payouts:
        per_expert[(payout.expert_id, payout.kind)].append(payout)
    for (_expert_id, kind), expert_payouts in per_expert.items():
        profile = expert_payouts[0].expert
        if not iban.is_valid(profile.iban):
            raise ValueError(f"Invalid IBAN for expert {profile.pk}")
        total = sum((p.amount for p in expert_payouts), Decimal("0.00"))
        titles = ", ".join(sorted({p.invitation.request.title for p in expert_payouts}))
        text = REMITTANCE[kind] % {"titles": titles}
        transfer.add_payment(
            {
                "name": (profile.account_holder.strip() or profile.user.full_name)[:70],
                "IBAN": iban.compact(profile.iban),
                "amount": int((total * 100).to_integral_value()),
                "execution_date": execution_date,
                "description": text[:140],
                "endtoend_id": f"INZET-{'-'.join(str(p.pk) for p in expert_payouts)}"[:35],
            }
        )
    return transfer.export(validate=True)


def _workbook():
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    return workbook


def _sheet(workbook, title: str, headers: list[str], rows: list[list], money_columns=(), hours_columns=()):
    from openpyxl.styles import Font

    sheet = workbook.create_sheet(title)
    sheet.append(headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(safe_row(row))  # names are typed by people: never a live formula
    for column in money_columns:
        for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
            cell.number_format = EURO_FORMAT
    for column in hours_columns:
        for (cell,) in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
            cell.number_format = HOURS_FORMAT
    for index, header in enumerate(headers, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=index).column_letter].width = max(12, len(header) + 4)
    sheet.freeze_panes = "A2"
    return sheet


def _save(workbook) -> bytes:
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def payout_list_xlsx(kind: str, payouts: list[Payout]) -> bytes:
    """The voucher list or the donation list (names are needed to hand out vouchers and give receipts)."""
    workbook = _workbook()
    if kind == PayoutBatch.Kind.DONATION:
        headers = [_("Goed doel"), _("Bedrag"), _("Namens"), _("Opdracht"), _("Betaling")]
        rows = [[p.charity, p.amount, p.expert.user.full_name, p.invitation.request.title, p.pk] for p in payouts]
        _sheet(workbook, _("Giften"), headers, rows, money_columns=[2])
    elif kind == PayoutBatch.Kind.VOUCHER:
        headers = [_("Naam"), _("E-mailadres"), _("Bedrag"), _("Opdracht"), _("Betaling")]
        rows = [
            [p.expert.user.full_name, p.expert.user.email, p.amount, p.invitation.request.title, p.pk] for p in payouts
        ]
        _sheet(workbook, _("Cadeaubonnen"), headers, rows, money_columns=[3])
    else:
        # Time credit, in kind, training: the hours and what was agreed, so someone can arrange it.
        headers = [_("Naam"), _("E-mailadres"), _("Wat precies"), _("Uren"), _("Waarde"), _("Opdracht"), _("Betaling")]
        rows = [
            [
                p.expert.user.full_name,
                p.expert.user.email,
                p.details,
                p.hours,
                p.amount,
                p.invitation.request.title,
                p.pk,
            ]
            for p in payouts
        ]
        _sheet(workbook, str(PayoutBatch.Kind(kind).label)[:31], headers, rows, money_columns=[5], hours_columns=[4])
    return _save(workbook)


def bookkeeping_xlsx(*, viewer, organisation_ids: set[int], start: dt.date, end: dt.date, path: str = "") -> bytes:
    """Hours, payments and invoices of a period, for the bookkeeping (one sheet each)."""
    hours = list(
        HourEntry.objects.filter(
            invitation__request__deploying_organisation_id__in=organisation_ids,
            date__range=(start, end),
        )
        .exclude(state=EntryState.WITHDRAWN)
        .select_related("invitation__request__asker_organisation", "invitation__expert__user", "corrects")
        .order_by("date", "pk")
    )
    payouts = list(
        Payout.objects.filter(
            organisation_id__in=organisation_ids,
            state__in=selectors.PAID_STATES,
            pay_date__range=(start, end),
        )
        .select_related("invitation__request", "expert__user", "batch")
        .order_by("pay_date", "pk")
    )
    invoices = list(
        Invoice.objects.filter(organisation_id__in=organisation_ids, issued_on__range=(start, end))
        .select_related("asker_organisation", "settlement")
        .order_by("issued_on", "sequence")
    )
    profiles = {e.invitation.expert for e in hours} | {p.expert for p in payouts}
    levels = viewer_levels(viewer, profiles)
    for profile in profiles:
        log_access(viewer=viewer, profile=profile, items=["name"], context="export", path=path)

    def name(profile) -> str:
        return selectors.expert_label(profile, levels[profile.pk])

    workbook = _workbook()
    _sheet(
        workbook,
        _("Uren"),
        [
            _("Datum"),
            _("Ervaringsdeskundige"),
            _("Opdracht"),
            _("Vrager"),
            _("Uren"),
            _("Status"),
            _("Corrigeert regel"),
            _("Regel"),
        ],
        [
            [
                e.date,
                name(e.invitation.expert),
                e.invitation.request.title,
                e.invitation.request.asker_organisation.name,
                e.hours,
                e.get_state_display(),
                e.corrects_id or "",
                e.pk,
            ]
            for e in hours
        ],
        hours_columns=[5],
    )
    _sheet(
        workbook,
        _("Betalingen"),
        [
            _("Betaaldatum"),
            _("Ervaringsdeskundige"),
            _("Opdracht"),
            _("Soort"),
            _("Vorm"),
            _("Uren"),
            _("Bedrag"),
            _("Bestand"),
        ],
        [
            [
                p.pay_date,
                name(p.expert),
                p.invitation.request.title,
                p.get_kind_display(),
                reward_form_label(p.channel),
                p.hours,
                p.amount,
                p.batch.filename if p.batch else "",
            ]
            for p in payouts
        ],
        money_columns=[7],
        hours_columns=[6],
    )
    _sheet(
        workbook,
        _("Facturen"),
        [_("Datum"), _("Nummer"), _("Vrager"), _("Zonder btw"), _("Btw"), _("Totaal"), _("Voor coördinatie")],
        [
            [
                i.issued_on,
                i.number,
                i.asker_organisation.name,
                i.subtotal,
                i.vat_total,
                i.total,
                i.settlement.coordination_amount,
            ]
            for i in invoices
        ],
        money_columns=[4, 5, 6, 7],
    )
    for sheet in workbook.worksheets:
        for (cell,) in sheet.iter_rows(min_row=2, min_col=1, max_col=1):
            cell.number_format = "DD-MM-YYYY"
    return _save(workbook)

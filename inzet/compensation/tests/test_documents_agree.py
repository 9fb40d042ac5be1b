"""Quote, invoice, payouts and their texts tell the same story: VAT per work form, the coordination share."""

from decimal import Decimal as D
from io import BytesIO

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from inzet.compensation import pricing, services
from inzet.compensation.models import Payout
from inzet.compensation.tests import factories as f
from inzet.engagements import pdf
from inzet.organisations.models import Organisation


def _text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages)


@pytest.mark.parametrize(
    "work_form,kor,expected",
    [("zzp", False, D("21")), ("zzp", True, D("0")), ("volunteer", False, D("0")), ("employee", False, D("0"))],
)
def test_quote_and_invoice_charge_the_same_vat_for_each_work_form(
    orgs, expert, asker, coordinator, work_form, kor, expected
):
    invitation = f.assignment(
        orgs,
        expert=expert,
        asker=asker,
        profile_fields={"work_form": work_form, "vat_kor": kor, "kvk_number": "12345678" if work_form == "zzp" else ""},
        rate="50.00",
        hours="4",
    )
    request = invitation.request
    request.experts_needed = 1
    request.save(update_fields=["experts_needed"])
    f.approved_hours(invitation, coordinator, "4")

    quote = pdf.quote_for(request.agreement)
    settlement = services.settlement_create(engagement=request, actor=coordinator)

    (line,) = settlement.invoice.lines.all()
    assert line.vat_rate == expected
    assert quote.vat == settlement.invoice.vat_total == pricing.cents(D("200") * expected / 100)
    assert quote.total == settlement.invoice.total


def test_the_coordination_share_is_the_same_on_quote_invoice_and_payout(orgs, expert, asker, coordinator):
    services.payment_settings_update(organisation=orgs.deploying, changes={"coordination_share": D("10")})
    invitation = f.assignment(orgs, expert=expert, asker=asker, rate="125.00", hours="1")
    request = invitation.request
    request.experts_needed = 1
    request.save(update_fields=["experts_needed"])
    f.approved_hours(invitation, coordinator, "1")

    quote_text = _text(pdf.quote_pdf(request.agreement))
    settlement = services.settlement_create(engagement=request, actor=coordinator)
    payout = settlement.payouts.get(kind=Payout.Kind.ALLOWANCE)
    invoice_text = _text(__import__("inzet.compensation.documents", fromlist=["x"]).invoice_pdf(settlement.invoice))

    # The asker pays € 125; the expert gets € 112,50; € 12,50 stays for the coordination.
    assert settlement.invoice.subtotal == D("125.00")
    assert payout.amount == D("112.50")
    assert (settlement.experts_amount, settlement.coordination_amount) == (D("112.50"), D("12.50"))
    for text in (quote_text, invoice_text):
        assert "€ 112,50 naar de ervaringsdeskundigen. € 12,50 gaat naar de coördinatie" in " ".join(text.split())


def test_an_agreed_amount_for_the_expert_leaves_the_rest_and_the_text_says_so(orgs, expert, asker, coordinator):
    services.payment_settings_update(organisation=orgs.deploying, changes={"coordination_share": D("10")})
    invitation = f.assignment(orgs, expert=expert, asker=asker, rate="125.00", hours="1", amount_offered="125.00")
    f.approved_hours(invitation, coordinator, "1")

    settlement = services.settlement_create(engagement=invitation.request, actor=coordinator)

    # No "10 % (€ 12,50)" that nobody receives: with € 125 to the expert nothing is left.
    assert (settlement.experts_amount, settlement.coordination_amount) == (D("125.00"), D("0.00"))


def test_the_organisations_kvk_and_vat_numbers_are_on_quote_and_invoice(orgs, expert, asker, coordinator):
    Organisation.objects.filter(pk=orgs.deploying.pk).update(kvk_number="12345678", vat_number="NL123456789B01")
    invitation = f.assignment(orgs, expert=expert, asker=asker)
    f.approved_hours(invitation, coordinator, "2")
    request = invitation.request
    request.refresh_from_db()
    settlement = services.settlement_create(engagement=request, actor=coordinator)
    from inzet.compensation.documents import invoice_pdf

    for text in (_text(pdf.quote_pdf(request.agreement)), _text(invoice_pdf(settlement.invoice))):
        assert "KvK-nummer: 12345678" in text and "Btw-nummer: NL123456789B01" in text


@given(
    price=st.decimals(min_value=0, max_value=500, places=2),
    share=st.decimals(min_value=0, max_value=100, places=2),
    hours=st.decimals(min_value=0, max_value=40, places=2),
)
def test_expert_pay_and_coordination_always_add_up_to_the_income(price, share, hours):
    rate = pricing.expert_rate(price=price, offered=None, share=share)
    income = pricing.cents(hours * price)
    experts = pricing.work_value(hours=hours, rate=rate)
    assert experts + pricing.coordination_amount(income=income, paid_to_experts=experts) == income
    assert 0 <= rate <= price


@pytest.mark.parametrize(
    "code,counted_as,pays",
    [
        ("in_kind", "voucher", True),
        ("training", "voucher", True),
        ("time_credit", "none", False),
        ("donation", "donation", True),
        ("bank_transfer", "bank_transfer", True),
    ],
)
def test_each_reward_form_is_counted_by_the_check_where_the_rules_say_so(code, counted_as, pays):
    assert pricing.check_form(code) == counted_as
    assert pricing.pays_amount(code) is pays


def test_half_days_at_a_flat_amount_are_on_the_quote_the_invoice_and_the_payout(orgs, expert, asker, coordinator):
    import datetime as dt

    invitation = f.assignment(orgs, expert=expert, asker=asker, rate="50.00", hours="2")
    request = invitation.request
    request.experts_needed = 1
    request.save(update_fields=["experts_needed"])
    agreement = request.agreement
    agreement.half_day_rate, agreement.half_days = D("150.00"), D("1")
    agreement.save()
    entry = services.hours_log(
        invitation=invitation, actor=expert, date=dt.date.today(), hours=D("2"), half_days=D("1")
    )
    services.hours_decide(entry=entry, actor=coordinator, approve=True)

    quote = pdf.quote_for(agreement)
    settlement = services.settlement_create(engagement=request, actor=coordinator)
    payout = settlement.payouts.get(kind=Payout.Kind.ALLOWANCE)

    assert (quote.hours_amount, quote.half_day_amount, quote.net) == (D("100.00"), D("150.00"), D("250.00"))
    assert settlement.invoice.subtotal == quote.net == D("250.00")
    assert sorted(line.description.split(" ")[0] for line in settlement.invoice.lines.all()) == ["Dagdelen", "Uren"]
    assert payout.amount == D("250.00") and payout.half_days == D("1")
    # Settled once: nothing of the half-day is left to settle.
    from inzet.compensation import selectors

    assert selectors.unsettled_by_invitation([request.pk]) == {}


def test_half_days_are_refused_when_no_flat_amount_was_agreed(orgs, expert, asker):
    import datetime as dt

    from django.core.exceptions import ValidationError

    invitation = f.assignment(orgs, expert=expert, asker=asker)
    with pytest.raises(ValidationError) as refused:
        services.hours_log(invitation=invitation, actor=expert, date=dt.date.today(), hours=None, half_days=D("1"))
    assert "geen bedrag per dagdeel" in refused.value.messages[0]


def test_the_year_statement_disclaimer_never_sits_alone_on_a_page(in_2025, orgs, expert, asker, coordinator):
    """Whatever the number of rows, the disclaimer shares its page with the rules it belongs to."""
    import dataclasses

    from inzet.compensation import documents, selectors

    settlement = f.settled(orgs, expert=expert, asker=asker, coordinator=coordinator, hours="2", costs=None)
    for payout in settlement.payouts.all():
        services.payout_approve(payout=payout, actor=coordinator, acknowledged=True)
    f.bank_settings(orgs.deploying)
    services.batch_create(organisation=orgs.deploying, kind="bank_transfer", actor=coordinator)
    statement = selectors.year_statement(settlement.payouts.first().expert, 2025)
    (org,) = statement.organisations
    row = org.payouts[0]
    for count in range(20, 44, 2):  # moves the end of the content across the page boundary
        padded = dataclasses.replace(
            statement, organisations=[dataclasses.replace(org, payouts=[row] * count)], unpaid=[row] * 3
        )
        pages = [p.extract_text() for p in PdfReader(BytesIO(documents.statement_pdf(padded))).pages]
        last = next(p for p in pages if "Indicatie, geen advies." in p)
        assert "Wat zeggen de regels?" in last, f"{count} rows: the disclaimer is alone on page {pages.index(last) + 1}"


@pytest.mark.parametrize(
    "reward_form,warns", [("bank_transfer", True), ("in_kind", True), ("training", True), ("time_credit", False)]
)
def test_the_check_counts_a_reward_in_kind_or_training_at_its_value(in_2025, orgs, expert, asker, reward_form, warns):
    from inzet.compensation import selectors

    invitation = f.assignment(
        orgs, expert=expert, asker=asker, state="pending", amount_offered="50.00", hours_estimate="8"
    )
    services.reward_choice_record(
        invitation=invitation, reward_form=reward_form, charity="", details="Cursus", actor=expert, on_behalf=False
    )
    view = selectors.invitation_check(expert, invitation)  # € 400: over the month cap of € 210
    assert view.warn is warns

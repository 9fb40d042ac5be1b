import datetime as dt
from decimal import Decimal as D
from io import BytesIO
from pathlib import Path

import pytest
import sepaxml
import xmlschema
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from conftest import make_person
from inzet.compensation import services
from inzet.compensation.models import (
    AssignmentRewardChoice,
    EntryState,
    ExpenseClaim,
    HourEntry,
    InvoiceLine,
    Payout,
    PayoutBatch,
)
from inzet.compensation.tests import factories as f
from inzet.organisations.models import Role

SEPA_XSD = Path(sepaxml.__file__).parent / "schemas" / "pain.001.001.03.xsd"


def second_expert(orgs, name="Bo Tweede", **profile_fields):
    person = make_person(f"{name.split()[0].lower()}@test.nl", name, [(orgs.deploying, Role.EXPERT)])
    f.profile_for(person, orgs.deploying, **profile_fields)
    return person


# --- hours -------------------------------------------------------------------------------------


def test_it_logs_hours_and_marks_the_ones_a_coordinator_logs_as_on_behalf(job, expert, coordinator):
    own = services.hours_log(invitation=job, actor=expert, date=dt.date(2025, 3, 1), hours=D("2.5"))
    for_them = services.hours_log(invitation=job, actor=coordinator, date=dt.date(2025, 3, 2), hours=D(1))
    assert (own.on_behalf, own.state) == (False, EntryState.SUBMITTED)
    assert for_them.on_behalf is True and for_them.created_by == coordinator


def test_it_refuses_hours_in_the_future_and_zero_hours(job, expert):
    with pytest.raises(ValidationError) as future:
        services.hours_log(invitation=job, actor=expert, date=dt.date.today() + dt.timedelta(days=2), hours=D(1))
    assert "toekomst" in str(future.value)
    with pytest.raises(ValidationError):
        services.hours_log(invitation=job, actor=expert, date=dt.date(2025, 1, 1), hours=D(0))
    assert not HourEntry.objects.exists()


def test_it_refuses_hours_on_an_invitation_that_was_not_accepted(orgs, expert, asker):
    pending = f.assignment(orgs, expert=expert, asker=asker, state="pending")
    with pytest.raises(ValidationError):
        services.hours_log(invitation=pending, actor=expert, date=dt.date(2025, 1, 1), hours=D(1))


def test_nobody_approves_their_own_hours(orgs, asker, coordinator):
    # A coordinator can also be an expert on an assignment of their own organisation.
    job = f.assignment(orgs, expert=coordinator, asker=asker)
    entry = services.hours_log(invitation=job, actor=coordinator, date=dt.date(2025, 3, 1), hours=D(2))
    with pytest.raises(PermissionDenied):
        services.hours_decide(entry=entry, actor=coordinator, approve=True)
    entry.refresh_from_db()
    assert entry.state == EntryState.SUBMITTED


def test_a_rejection_needs_a_reason_and_keeps_it(job, expert, coordinator):
    entry = services.hours_log(invitation=job, actor=expert, date=dt.date(2025, 3, 1), hours=D(2))
    with pytest.raises(ValidationError):
        services.hours_decide(entry=entry, actor=coordinator, approve=False, note="  ")
    services.hours_decide(entry=entry, actor=coordinator, approve=False, note="Deze dag was er geen sessie.")
    entry.refresh_from_db()
    assert (entry.state, entry.decided_by, entry.decision_note) == (
        EntryState.REJECTED,
        coordinator,
        "Deze dag was er geen sessie.",
    )


def test_a_correction_is_a_new_row_and_the_approved_row_never_changes(job, expert, coordinator):
    original = f.approved_hours(job, coordinator, "3", dt.date(2025, 3, 1))
    before = HourEntry.objects.filter(pk=original.pk).values().get()

    correction = services.hours_correct(
        entry=original, actor=expert, date=dt.date(2025, 3, 1), hours=D("2.5"), description="", reason="Eerder weg"
    )
    services.hours_decide(entry=correction, actor=coordinator, approve=True)

    assert HourEntry.objects.filter(pk=original.pk).values().get() == before
    correction.refresh_from_db()
    assert (correction.corrects, correction.root_id, correction.reason) == (original, original.pk, "Eerder weg")
    assert correction.created_by == expert and correction.decided_by == coordinator
    from inzet.compensation.selectors import effective_hours

    assert list(effective_hours()) == [correction]


def test_it_refuses_to_correct_a_row_twice_or_a_row_that_is_not_approved(job, expert, coordinator):
    original = f.approved_hours(job, coordinator, "3", dt.date(2025, 3, 1))
    args = {"actor": expert, "date": dt.date(2025, 3, 1), "hours": D(2), "description": "", "reason": "Typfout"}
    correction = services.hours_correct(entry=original, **args)
    with pytest.raises(ValidationError):
        services.hours_correct(entry=original, **args)
    with pytest.raises(ValidationError):
        services.hours_correct(entry=correction, **args)  # still waiting for approval
    with pytest.raises(ValidationError):
        services.hours_correct(entry=original, **{**args, "reason": ""})


def test_only_a_row_waiting_for_approval_can_be_withdrawn(job, expert, coordinator):
    waiting = services.hours_log(invitation=job, actor=expert, date=dt.date(2025, 3, 1), hours=D(1))
    services.hours_withdraw(entry=waiting, actor=expert)
    waiting.refresh_from_db()
    assert waiting.state == EntryState.WITHDRAWN
    with pytest.raises(ValidationError):
        services.hours_withdraw(entry=f.approved_hours(job, coordinator, "1"), actor=expert)


# --- expenses ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "upload",
    [
        f.pdf_upload(),
        f.png_upload(),
        SimpleUploadedFile("BON.JPG", f.JPEG_BYTES),
        SimpleUploadedFile("bon.jpeg", f.JPEG_BYTES),
    ],
    ids=["pdf", "png", "JPG", "jpeg"],
)
def test_it_accepts_photos_and_pdfs_and_stores_them_under_a_random_name(
    job, expert, upload, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the file is moved into place on commit
        claim = services.expense_submit(
            invitation=job, actor=expert, date=dt.date(2025, 3, 1), amount=D("7.40"), description="Bus", receipt=upload
        )
    assert claim.receipt_name == upload.name
    assert upload.name not in claim.receipt.name and claim.receipt.name.startswith(f"receipts/{job.pk}/")
    assert Path(claim.receipt.path).exists()


@pytest.mark.parametrize(
    "upload,message",
    [
        (SimpleUploadedFile("bon.exe", f.PDF_BYTES), "Dit soort bestand kan niet"),
        (SimpleUploadedFile("bon.pdf", b"MZ\x90\x00 not a pdf"), "geen echte pdf"),
        (SimpleUploadedFile("bon.png", f.JPEG_BYTES), "geen echte png"),
        (SimpleUploadedFile("bon.pdf", f.PDF_BYTES + b"0" * (10 * 1024 * 1024)), "te groot"),
    ],
    ids=["extension", "fake-pdf", "jpeg-named-png", "too-big"],
)
def test_it_refuses_a_receipt_by_extension_content_or_size(job, expert, upload, message):
    with pytest.raises(ValidationError) as refused:
        services.expense_submit(
            invitation=job, actor=expert, date=dt.date(2025, 3, 1), amount=D(5), description="Bus", receipt=upload
        )
    assert message in str(refused.value)
    assert not ExpenseClaim.objects.exists()


def test_a_corrected_claim_keeps_the_old_receipt_unless_a_new_one_comes(job, expert, coordinator):
    original = f.approved_expense(job, coordinator, "12.40")
    correction = services.expense_correct(
        claim=original, actor=expert, date=original.date, amount=D("10.40"), description="", reason="Retour goedkoper"
    )
    assert correction.receipt.name == original.receipt.name
    assert correction.description == original.description and correction.corrects == original


# --- the reward choice -----------------------------------------------------------------------


def test_the_choice_is_recorded_with_a_time_and_proposed_payouts_follow_it(orgs, expert, asker, coordinator):
    settlement = f.settled(orgs, expert=expert, asker=asker, coordinator=coordinator, hours="4", costs="12.40")
    job = settlement.payouts.first().invitation
    choice = services.reward_choice_record(
        invitation=job, reward_form="donation", charity="Voedselbank", actor=expert, on_behalf=False
    )
    assert choice.chosen_at is not None and choice.chosen_by == expert

    allowance = settlement.payouts.get(kind=Payout.Kind.ALLOWANCE)
    costs = settlement.payouts.get(kind=Payout.Kind.COSTS)
    assert (allowance.channel, allowance.charity, allowance.amount) == ("donation", "Voedselbank", D("200.00"))
    # Real costs are the expert's own money back: always to their bank account.
    assert (costs.channel, costs.amount) == ("bank_transfer", D("12.40"))

    services.reward_choice_record(invitation=job, reward_form="none", charity="", actor=expert, on_behalf=False)
    allowance.refresh_from_db()
    assert allowance.amount == D("0.00")
    assert AssignmentRewardChoice.objects.filter(invitation=job).count() == 2


def test_a_donation_needs_a_charity(job, expert):
    with pytest.raises(ValidationError):
        services.reward_choice_record(
            invitation=job, reward_form="donation", charity=" ", actor=expert, on_behalf=False
        )


# --- settlement ----------------------------------------------------------------------------------


def test_it_charges_vat_on_zzp_hours_only_and_adds_up_exactly(orgs, expert, asker, coordinator):
    zzp = second_expert(orgs, work_form="zzp")
    request = f.engagement(orgs, asker=asker, rate="47.50")
    volunteer_job = f.assignment(orgs, expert=expert, asker=asker, request=request)
    zzp_job = f.assignment(orgs, expert=zzp, asker=asker, request=request)
    f.approved_hours(volunteer_job, coordinator, "3.25")
    f.approved_hours(zzp_job, coordinator, "2.5")
    f.approved_expense(zzp_job, coordinator, "18.90")

    invoice = services.settlement_create(engagement=request, actor=coordinator).invoice

    lines = {(line.kind, line.vat_rate): line for line in invoice.lines.all()}
    volunteer = lines[(InvoiceLine.Kind.HOURS, D(0))]
    zzp_line = lines[(InvoiceLine.Kind.HOURS, D(21))]
    expense = lines[(InvoiceLine.Kind.EXPENSE, D(0))]
    assert (volunteer.amount, volunteer.vat_amount) == (D("154.38"), D("0.00"))  # 3.25 × 47.50 = 154.375
    assert (zzp_line.amount, zzp_line.vat_amount) == (D("118.75"), D("24.94"))  # 21% of 118.75 = 24.9375
    assert (expense.amount, expense.vat_amount) == (D("18.90"), D("0.00"))
    assert (invoice.subtotal, invoice.vat_total, invoice.total) == (D("292.03"), D("24.94"), D("316.97"))
    assert all(isinstance(v, D) for v in (invoice.subtotal, invoice.vat_total, invoice.total))


def test_the_organisation_can_switch_off_vat_on_zzp_hours(orgs, asker, coordinator):
    services.payment_settings_update(organisation=orgs.deploying, changes={"vat_on_zzp_hours": False})
    zzp = second_expert(orgs, work_form="zzp")
    settlement = f.settled(orgs, expert=zzp, asker=asker, coordinator=coordinator, hours="2", costs=None)
    assert settlement.invoice.vat_total == D("0.00")


def test_invoices_are_numbered_one_after_another_per_organisation_and_year(
    orgs, expert, asker, coordinator, time_machine
):
    time_machine.move_to(dt.datetime(2025, 12, 30, 12), tick=False)
    services.payment_settings_update(organisation=orgs.deploying, changes={"invoice_prefix": "SE-"})
    first = f.settled(orgs, expert=expert, asker=asker, coordinator=coordinator, costs=None)
    second = f.settled(orgs, expert=expert, asker=asker, coordinator=coordinator, costs=None, title="Tweede vraag")
    other_coordinator = make_person("c2@test.nl", "Ander", [(orgs.other_deploying, Role.COORDINATOR)])
    other_expert = make_person("e2@test.nl", "Expert Twee", [(orgs.other_deploying, Role.EXPERT)])
    elsewhere = f.settled(
        orgs,
        expert=other_expert,
        asker=asker,
        coordinator=other_coordinator,
        costs=None,
        deploying=orgs.other_deploying,
    )
    time_machine.move_to(dt.datetime(2026, 1, 2, 12), tick=False)
    next_year = f.settled(orgs, expert=expert, asker=asker, coordinator=coordinator, costs=None, title="Nieuw jaar")

    assert [first.invoice.number, second.invoice.number] == ["SE-2025-0001", "SE-2025-0002"]
    assert elsewhere.invoice.number == "2025-0001"
    assert next_year.invoice.number == "SE-2026-0001"


def test_a_first_assignment_has_a_line_that_takes_off_the_hours_but_never_says_free(orgs, expert, asker, coordinator):
    settlement = f.settled(orgs, expert=expert, asker=asker, coordinator=coordinator, hours="4", first_assignment=True)
    invoice = settlement.invoice
    discount = invoice.lines.get(kind=InvoiceLine.Kind.DISCOUNT)
    assert discount.amount == D("-200.00")
    assert "gratis" not in discount.description.lower()
    assert invoice.total == D("12.40")  # only the real costs remain
    # The expert is still paid for the work.
    assert settlement.payouts.get(kind=Payout.Kind.ALLOWANCE).amount == D("200.00")


def test_the_coordination_share_is_a_percentage_of_the_hours_income(orgs, expert, asker, coordinator):
    services.payment_settings_update(organisation=orgs.deploying, changes={"coordination_share": D("15")})
    settlement = f.settled(orgs, expert=expert, asker=asker, coordinator=coordinator, hours="3", costs="20.00")
    assert (settlement.coordination_share, settlement.coordination_amount) == (D("15.00"), D("22.50"))


def test_after_a_correction_of_paid_hours_only_the_difference_is_settled(orgs, expert, asker, coordinator):
    first = f.settled(orgs, expert=expert, asker=asker, coordinator=coordinator, hours="4", costs=None)
    job = first.payouts.get().invitation
    original = HourEntry.objects.get(invitation=job)
    correction = services.hours_correct(
        entry=original, actor=expert, date=original.date, hours=D("5.5"), description="", reason="Nagesprek vergeten"
    )
    services.hours_decide(entry=correction, actor=coordinator, approve=True)

    second = services.settlement_create(engagement=job.request, actor=coordinator)

    payout = second.payouts.get()
    assert (payout.hours, payout.amount) == (D("1.50"), D("75.00"))
    assert second.invoice.lines.get().quantity == D("1.50")
    with pytest.raises(ValidationError):
        services.settlement_create(engagement=job.request, actor=coordinator)


def test_a_correction_below_what_was_paid_is_refused_without_a_trace(orgs, expert, asker, coordinator):
    first = f.settled(orgs, expert=expert, asker=asker, coordinator=coordinator, hours="4", costs=None)
    job = first.payouts.get().invitation
    original = HourEntry.objects.get(invitation=job)
    correction = services.hours_correct(
        entry=original, actor=expert, date=original.date, hours=D(1), description="", reason="Te veel"
    )
    services.hours_decide(entry=correction, actor=coordinator, approve=True)
    with pytest.raises(ValidationError):
        services.settlement_create(engagement=job.request, actor=coordinator)
    assert job.request.settlements.count() == 1


def test_it_will_not_settle_without_an_agreed_rate(orgs, expert, asker, coordinator):
    job = f.assignment(orgs, expert=expert, asker=asker, rate=None)
    f.approved_hours(job, coordinator, "2")
    with pytest.raises(ValidationError):
        services.settlement_create(engagement=job.request, actor=coordinator)


def test_the_request_amount_is_what_the_expert_gets_and_the_agreement_what_the_asker_pays(
    orgs, expert, asker, coordinator
):
    settlement = f.settled(
        orgs,
        expert=expert,
        asker=asker,
        coordinator=coordinator,
        hours="2",
        costs=None,
        rate="75.00",
        amount_offered="50.00",
    )
    assert settlement.invoice.subtotal == D("150.00")
    assert settlement.payouts.get().amount == D("100.00")


# --- approving payouts ---------------------------------------------------------------------------


def test_approving_a_payout_over_a_cap_needs_a_confirmation(in_2025, orgs, expert, asker, coordinator):
    settlement = f.settled(orgs, expert=expert, asker=asker, coordinator=coordinator, hours="10", costs=None)
    payout = settlement.payouts.get()  # € 500, above € 210 a month and € 5,60 an hour
    with pytest.raises(ValidationError):
        services.payout_approve(payout=payout, actor=coordinator)
    services.payout_approve(payout=payout, actor=coordinator, acknowledged=True)
    payout.refresh_from_db()
    assert (payout.state, payout.warned, payout.pay_date) == (Payout.State.APPROVED, True, in_2025)


def test_approving_a_payout_within_the_caps_needs_nothing_extra(in_2025, orgs, expert, asker, coordinator):
    settlement = f.settled(
        orgs, expert=expert, asker=asker, coordinator=coordinator, hours="10", costs=None, amount_offered="5.00"
    )
    payout = services.payout_approve(payout=settlement.payouts.get(), actor=coordinator)
    assert payout.state == Payout.State.APPROVED and payout.warned is False


def test_nobody_approves_their_own_payout(orgs, asker, coordinator):
    settlement = f.settled(
        orgs,
        expert=coordinator,
        asker=asker,
        coordinator=make_person("c3@test.nl", "Collega", [(orgs.deploying, Role.COORDINATOR)]),
        costs=None,
    )
    with pytest.raises(PermissionDenied):
        services.payout_approve(payout=settlement.payouts.get(), actor=coordinator, acknowledged=True)


# --- payout files --------------------------------------------------------------------------------


def _approve_all(settlement, coordinator):
    for payout in settlement.payouts.all():
        services.payout_approve(payout=payout, actor=coordinator, acknowledged=True)


def test_the_bank_file_is_a_valid_pain_001_001_03_with_one_transfer_per_expert(orgs, expert, asker, coordinator):
    f.bank_settings(orgs.deploying)
    second = second_expert(orgs, iban="NL69INGB0123456789")
    request = f.engagement(orgs, asker=asker, rate="50.00")
    job = f.assignment(orgs, expert=expert, asker=asker, request=request)
    other = f.assignment(orgs, expert=second, asker=asker, request=request)
    f.approved_hours(job, coordinator, "1.5")
    f.approved_expense(job, coordinator, "3.35")
    f.approved_hours(other, coordinator, "2")
    _approve_all(services.settlement_create(engagement=request, actor=coordinator), coordinator)

    batch, skipped = services.batch_create(organisation=orgs.deploying, kind="bank_transfer", actor=coordinator)

    content = batch.file.read()
    xmlschema.XMLSchema(str(SEPA_XSD)).validate(content.decode())  # raises when invalid
    data = xmlschema.XMLSchema(str(SEPA_XSD)).to_dict(content.decode())
    transfers = data["CstmrCdtTrfInitn"]["PmtInf"][0]["CdtTrfTxInf"]
    amounts = sorted((t["CdtrAcct"]["Id"]["IBAN"], D(str(t["Amt"]["InstdAmt"]["$"]))) for t in transfers)
    # One transfer per expert and kind: the expense reimbursement says so on the bank statement.
    assert amounts == [
        ("NL69INGB0123456789", D("100.00")),
        ("NL91ABNA0417164300", D("3.35")),
        ("NL91ABNA0417164300", D("75.00")),
    ]
    texts = {D(str(t["Amt"]["InstdAmt"]["$"])): "".join(t["RmtInf"]["Ustrd"]) for t in transfers}
    assert texts[D("3.35")].startswith("Onkostenvergoeding: ")
    assert texts[D("75.00")].startswith("Vergoeding ervaringsdeskundige: ")
    assert data["CstmrCdtTrfInitn"]["GrpHdr"]["CtrlSum"] == D("178.35")
    assert (batch.count, batch.total, skipped) == (3, D("178.35"), [])
    assert set(Payout.objects.values_list("state", flat=True)) == {Payout.State.BATCHED}


@pytest.mark.parametrize("bad_iban", ["", "NL92ABNA0417164300"])
def test_a_bank_file_is_refused_and_names_each_expert_without_a_valid_iban(orgs, expert, asker, coordinator, bad_iban):
    f.bank_settings(orgs.deploying)
    no_iban = second_expert(orgs, iban="")
    no_iban.expert_profile.iban = bad_iban  # e.g. an old row with a wrong checksum: it must never reach the file
    no_iban.expert_profile.save(update_fields=["iban"])
    request = f.engagement(orgs, asker=asker)
    for person in (expert, no_iban):
        f.approved_hours(f.assignment(orgs, expert=person, asker=asker, request=request), coordinator, "1")
    _approve_all(services.settlement_create(engagement=request, actor=coordinator), coordinator)

    with pytest.raises(services.BankDetailsMissing) as refused:
        services.batch_create(organisation=orgs.deploying, kind="bank_transfer", actor=coordinator)

    assert [p.user for p in refused.value.profiles] == [no_iban]
    assert no_iban.full_name in refused.value.messages[0]
    assert not PayoutBatch.objects.exists()
    assert set(Payout.objects.values_list("state", flat=True)) == {Payout.State.APPROVED}  # nothing skipped


def test_without_approved_payouts_the_message_says_what_is_waiting(orgs, expert, asker, coordinator):
    f.bank_settings(orgs.deploying)
    request = f.engagement(orgs, asker=asker)
    f.approved_hours(f.assignment(orgs, expert=expert, asker=asker, request=request), coordinator, "1")
    services.settlement_create(engagement=request, actor=coordinator)

    with pytest.raises(ValidationError) as refused:
        services.batch_create(organisation=orgs.deploying, kind="bank_transfer", actor=coordinator)

    assert "1 betaling wacht nog op uw goedkeuring" in refused.value.messages[0]


def test_the_bank_file_needs_the_organisations_bank_details(orgs, expert, asker, coordinator):
    _approve_all(f.settled(orgs, expert=expert, asker=asker, coordinator=coordinator, costs=None), coordinator)
    with pytest.raises(ValidationError) as refused:
        services.batch_create(organisation=orgs.deploying, kind="bank_transfer", actor=coordinator)
    assert "IBAN" in str(refused.value)


def test_voucher_and_donation_lists_hold_exact_amounts(orgs, expert, asker, coordinator):
    donor = second_expert(orgs, reward_form="donation", donation_charity="Voedselbank Utrecht")
    f.profile_for(expert, orgs.deploying, reward_form="voucher")
    request = f.engagement(orgs, asker=asker, rate="50.00")
    f.approved_hours(f.assignment(orgs, expert=expert, asker=asker, request=request), coordinator, "1.25")
    f.approved_hours(f.assignment(orgs, expert=donor, asker=asker, request=request), coordinator, "2")
    _approve_all(services.settlement_create(engagement=request, actor=coordinator), coordinator)

    vouchers, _ = services.batch_create(organisation=orgs.deploying, kind="voucher", actor=coordinator)
    donations, _ = services.batch_create(organisation=orgs.deploying, kind="donation", actor=coordinator)

    voucher_rows = list(load_workbook(BytesIO(vouchers.file.read())).active.iter_rows(values_only=True))
    donation_rows = list(load_workbook(BytesIO(donations.file.read())).active.iter_rows(values_only=True))
    assert voucher_rows[1][:3] == ("Eef Expert", "expert@test.nl", 62.5)
    assert donation_rows[1][:3] == ("Voedselbank Utrecht", 100, "Bo Tweede")
    assert (vouchers.total, donations.total) == (D("62.50"), D("100.00"))
    with pytest.raises(ValidationError):
        services.batch_create(organisation=orgs.deploying, kind="voucher", actor=coordinator)

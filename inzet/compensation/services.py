"""Write flows for money matters: one keyword-only, atomic function per use case.

Views and the API check who may do what first (inzet/compensation/permissions.py); these
functions check the state of things and refuse with a Dutch ValidationError.
"""

import datetime as dt
import uuid
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.compensation import documents, pricing, selectors
from inzet.compensation.files import validate_receipt
from inzet.compensation.models import (
    AllowanceCapRow,
    AssignmentRewardChoice,
    EntryState,
    ExpenseClaim,
    ExternalAllowance,
    HourEntry,
    Invoice,
    InvoiceLine,
    OrganisationPaymentSettings,
    Payout,
    PayoutBatch,
    Settlement,
    SettlementItem,
)
from inzet.engagements import plausibility
from inzet.engagements.models import EngagementRequest, Invitation
from inzet.experts.models import Audience, RewardForm
from inzet.lib import iban
from inzet.lib.dates import within
from inzet.lib.money import cents
from inzet.organisations.models import Organisation

ZERO = Decimal("0.00")
HUNDRED = Decimal(100)
BATCH_NAMES = {
    "bank_transfer": "sepa",
    "voucher": "cadeaubonnen",
    "donation": "giften",
    "time_credit": "tijdtegoed",
    "in_kind": "in-natura",
    "training": "opleidingen",
}


def _now():
    return timezone.now()


def _require_accepted(invitation: Invitation) -> None:
    if invitation.state != Invitation.State.ACCEPTED:
        raise ValidationError(_("Dit kan alleen bij een opdracht waar de ervaringsdeskundige ja op zei."))


def _check_date(day: dt.date) -> None:
    if day > selectors.today():
        raise ValidationError({"date": _("Deze datum ligt in de toekomst. Vul een datum in die al geweest is.")})
    if not within(day, today=selectors.today(), years_back=2, years_ahead=0):
        raise ValidationError(
            {"date": _("Deze datum is meer dan twee jaar geleden. Kijk of het jaartal klopt, bijvoorbeeld 2026.")}
        )


# --- the expert's choice of reward form -----------------------------------------------------------


@transaction.atomic
def reward_choice_record(
    *, invitation: Invitation, reward_form: str, charity: str, actor: User, on_behalf: bool, details: str = ""
) -> AssignmentRewardChoice:
    """Record the choice (with a timestamp); payouts not yet approved follow it.

    A repeat of the newest choice (a double click, a retry) records nothing new."""
    if invitation.state not in (Invitation.State.PENDING, Invitation.State.ACCEPTED):
        raise ValidationError(_("Voor deze uitnodiging kunt u niets meer kiezen."))
    if reward_form not in RewardForm.values:
        raise ValidationError({"reward_form": _("Kies een vorm van vergoeding.")})
    charity = charity.strip()
    if reward_form == RewardForm.DONATION and not charity:
        raise ValidationError({"charity": _("Schrijf op aan welk goed doel het geld gaat.")})
    if reward_form in pricing.NEEDS_DETAILS and not details.strip():
        raise ValidationError({"details": _("Schrijf op wat u krijgt, bijvoorbeeld de naam van de cursus.")})
    if reward_form != RewardForm.DONATION:
        charity = ""
    details = details.strip()[:200] if reward_form in pricing.NEEDS_DETAILS else ""
    newest = invitation.reward_choices.order_by("-chosen_at", "-pk").first()
    if newest is not None and (newest.reward_form, newest.charity, newest.details) == (reward_form, charity, details):
        return newest
    choice = AssignmentRewardChoice.objects.create(
        invitation=invitation,
        reward_form=reward_form,
        charity=charity,
        details=details,
        chosen_by=actor,
        on_behalf=on_behalf,
    )
    for payout in Payout.objects.select_for_update().filter(
        invitation=invitation, kind=Payout.Kind.ALLOWANCE, state=Payout.State.PROPOSED
    ):
        payout.channel = reward_form
        payout.charity = charity
        payout.details = details
        payout.amount = pricing.reward_amount(
            reward_form,
            pricing.work_value(
                hours=payout.hours, rate=payout.rate, half_days=payout.half_days, half_day_rate=payout.half_day_rate
            ),
        )
        payout.save(update_fields=["channel", "charity", "details", "amount"])
    return choice


@transaction.atomic
def invitation_answer(
    *,
    invitation: Invitation,
    actor: User,
    accept: bool,
    reason: str = "",
    reward_form: str = "",
    charity: str = "",
    details: str = "",
) -> Invitation:
    """Yes with the reward form chosen on the same page, or no. Both or nothing are saved."""
    from inzet.engagements.services import invitation_respond

    if accept and reward_form:
        reward_choice_record(
            invitation=invitation,
            reward_form=reward_form,
            charity=charity,
            details=details,
            actor=actor,
            on_behalf=invitation.expert.user_id != actor.pk,
        )
    return invitation_respond(invitation=invitation, actor=actor, accept=accept, reason=reason)


# --- hours -----------------------------------------------------------------------------------------


@transaction.atomic
def hours_log(
    *,
    invitation: Invitation,
    actor: User,
    date: dt.date,
    hours: Decimal | None,
    description: str = "",
    half_days: Decimal | None = None,
    confirm: bool | None = None,
) -> HourEntry:
    """One row of hours. Unusual rows (engagements.plausibility) are flagged for the coordinator.

    `confirm` False: the writer is asked first (the page): an unusual row is refused with the
    reason until they confirm. None: the caller does not ask (demo, imports); the row is flagged."""
    _require_accepted(invitation)
    _check_date(date)
    hours = hours or ZERO
    half_days = half_days or Decimal(0)
    if hours < 0 or half_days < 0 or (hours == 0 and half_days == 0):
        raise ValidationError({"hours": _("Vul een aantal uren in dat groter is dan 0.")})
    flags = _hour_flags(invitation, date=date, hours=hours)
    if flags and confirm is False:
        raise ValidationError({"confirm": _unusual_hours_message(flags)})
    if half_days:
        agreement = selectors.agreement_of(invitation.request)
        if agreement is None or agreement.half_day_rate is None:
            raise ValidationError(
                {"half_days": _("Voor deze opdracht is geen bedrag per dagdeel afgesproken. Schrijf uren.")}
            )
    entry = HourEntry(
        invitation=invitation,
        date=date,
        hours=hours,
        half_days=half_days,
        description=description.strip(),
        flags=",".join(flags),
        created_by=actor,
        on_behalf=invitation.expert.user_id != actor.pk,
    )
    entry.full_clean()
    entry.save()
    return entry


def _hour_flags(invitation: Invitation, *, date: dt.date, hours: Decimal) -> list[str]:
    request = invitation.request
    # Rows that still count: not rejected or withdrawn, and not replaced by a correction.
    before = (
        HourEntry.objects.filter(invitation=invitation)
        .exclude(state__in=[EntryState.REJECTED, EntryState.WITHDRAWN])
        .exclude(corrections__state__in=[EntryState.APPROVED, EntryState.SUBMITTED])
        .aggregate(total=Sum("hours"))["total"]
        or ZERO
    )
    return [
        str(flag)
        for flag in plausibility.hour_flags(
            date=date,
            start=request.start_date,
            end=request.end_date,
            hours=hours,
            hours_before=before,
            estimate=request.hours_estimate,
        )
    ]


def _unusual_hours_message(flags: list[str]) -> str:
    texts = {
        "before_period": _("De datum ligt vóór de periode van de opdracht."),
        "after_period": _("De datum ligt na de periode van de opdracht."),
        "over_estimate": _("Met deze uren komt u op meer dan twee keer de geschatte uren."),
    }
    reasons = " ".join(texts[f] for f in flags)
    return reasons + " " + _("Klopt het toch? Vink dan aan dat het klopt. De coördinator kijkt ernaar.")


def _decide(entry, *, actor: User, approve: bool, note: str):
    if entry.state != EntryState.SUBMITTED:
        raise ValidationError(_("Hierover is al besloten."))
    if entry.invitation.expert.user_id == actor.pk:
        raise PermissionDenied(_("U kunt uw eigen uren en kosten niet goedkeuren."))
    if not approve and not note.strip():
        raise ValidationError({"note": _("Schrijf kort waarom u dit afwijst.")})
    if approve and entry.corrects_id is not None:
        original = type(entry).objects.select_for_update().get(pk=entry.corrects_id)
        if original.corrections.filter(state=EntryState.APPROVED).exclude(pk=entry.pk).exists():
            raise ValidationError(_("Deze regel is al door een andere correctie vervangen."))
    entry.state = EntryState.APPROVED if approve else EntryState.REJECTED
    entry.decided_by = actor
    entry.decided_at = _now()
    entry.decision_note = note.strip()
    entry.save(update_fields=["state", "decided_by", "decided_at", "decision_note"])
    return entry


@transaction.atomic
def hours_decide(*, entry: HourEntry, actor: User, approve: bool, note: str = "") -> HourEntry:
    entry = HourEntry.objects.select_for_update().select_related("invitation__expert").get(pk=entry.pk)
    return _decide(entry, actor=actor, approve=approve, note=note)


def _withdraw(entry, *, actor: User):
    if entry.state != EntryState.SUBMITTED:
        raise ValidationError(_("Alleen een regel die nog wacht op goedkeuring kunt u intrekken."))
    entry.state = EntryState.WITHDRAWN
    entry.decided_by = actor
    entry.decided_at = _now()
    entry.save(update_fields=["state", "decided_by", "decided_at"])
    return entry


@transaction.atomic
def hours_withdraw(*, entry: HourEntry, actor: User) -> HourEntry:
    entry = HourEntry.objects.select_for_update().get(pk=entry.pk)
    return _withdraw(entry, actor=actor)


def _check_correctable(entry) -> None:
    if entry.state != EntryState.APPROVED:
        raise ValidationError(_("Alleen een goedgekeurde regel corrigeert u. Een andere regel kunt u intrekken."))
    if entry.corrections.filter(state__in=[EntryState.APPROVED, EntryState.SUBMITTED]).exists():
        raise ValidationError(_("Voor deze regel is al een correctie gemaakt."))


@transaction.atomic
def hours_correct(
    *, entry: HourEntry, actor: User, date: dt.date, hours: Decimal, description: str, reason: str
) -> HourEntry:
    """A new row that supersedes an approved one once it is approved; the old row stays as it was."""
    entry = HourEntry.objects.select_for_update().select_related("invitation").get(pk=entry.pk)
    _check_correctable(entry)
    _check_date(date)
    if not reason.strip():
        raise ValidationError({"reason": _("Schrijf op waarom u dit corrigeert.")})
    if hours < 0:
        raise ValidationError({"hours": _("Het aantal uren kan niet lager zijn dan 0.")})
    correction = HourEntry(
        invitation=entry.invitation,
        date=date,
        hours=hours,
        half_days=entry.half_days,
        description=description.strip(),
        created_by=actor,
        on_behalf=entry.invitation.expert.user_id != actor.pk,
        corrects=entry,
        root_id=entry.root_id or entry.pk,
        reason=reason.strip(),
    )
    correction.full_clean()
    correction.save()
    return correction


# --- expenses --------------------------------------------------------------------------------------


def _store_receipt(claim: ExpenseClaim, upload) -> None:
    validate_receipt(upload)
    claim.receipt_name = (upload.name or "bon")[-200:]
    claim.receipt.save(upload.name, upload, save=False)


@transaction.atomic
def expense_submit(
    *, invitation: Invitation, actor: User, date: dt.date, amount: Decimal, description: str, receipt
) -> ExpenseClaim:
    _require_accepted(invitation)
    _check_date(date)
    if amount <= 0:
        raise ValidationError({"amount": _("Vul een bedrag in dat groter is dan 0.")})
    if not description.strip():
        raise ValidationError({"description": _("Schrijf op waarvoor u dit betaalde.")})
    try:
        validate_receipt(receipt)
    except ValidationError as exc:
        raise ValidationError({"receipt": exc.messages}) from exc
    claim = ExpenseClaim(
        invitation=invitation,
        date=date,
        amount=amount,
        description=description.strip(),
        created_by=actor,
        on_behalf=invitation.expert.user_id != actor.pk,
    )
    _store_receipt(claim, receipt)
    claim.save()
    return claim


@transaction.atomic
def expense_decide(*, claim: ExpenseClaim, actor: User, approve: bool, note: str = "") -> ExpenseClaim:
    claim = ExpenseClaim.objects.select_for_update().select_related("invitation__expert").get(pk=claim.pk)
    return _decide(claim, actor=actor, approve=approve, note=note)


@transaction.atomic
def expense_withdraw(*, claim: ExpenseClaim, actor: User) -> ExpenseClaim:
    claim = ExpenseClaim.objects.select_for_update().get(pk=claim.pk)
    return _withdraw(claim, actor=actor)


@transaction.atomic
def expense_correct(
    *, claim: ExpenseClaim, actor: User, date: dt.date, amount: Decimal, description: str, reason: str, receipt=None
) -> ExpenseClaim:
    """A new claim that supersedes an approved one; without a new receipt it keeps the old one."""
    claim = ExpenseClaim.objects.select_for_update().select_related("invitation").get(pk=claim.pk)
    _check_correctable(claim)
    _check_date(date)
    if not reason.strip():
        raise ValidationError({"reason": _("Schrijf op waarom u dit corrigeert.")})
    if amount < 0:
        raise ValidationError({"amount": _("Het bedrag kan niet lager zijn dan 0.")})
    correction = ExpenseClaim(
        invitation=claim.invitation,
        date=date,
        amount=amount,
        description=description.strip() or claim.description,
        created_by=actor,
        on_behalf=claim.invitation.expert.user_id != actor.pk,
        corrects=claim,
        root_id=claim.root_id or claim.pk,
        reason=reason.strip(),
        receipt=claim.receipt.name,
        receipt_name=claim.receipt_name,
    )
    if receipt is not None:
        try:
            _store_receipt(correction, receipt)
        except ValidationError as exc:
            raise ValidationError({"receipt": exc.messages}) from exc
    correction.save()
    return correction


# --- rule tables and organisation settings -------------------------------------------------------


@transaction.atomic
def cap_row_save(*, year: int, data: dict, actor: User) -> AllowanceCapRow:
    row, _created = AllowanceCapRow.objects.update_or_create(year=year, defaults={**data, "updated_by": actor})
    return row


@transaction.atomic
def payment_settings_update(
    *, organisation: Organisation, changes: dict, numbers: dict | None = None
) -> OrganisationPaymentSettings:
    """The payment settings, and the organisation's KvK and VAT numbers printed on quotes and invoices."""
    if numbers:
        Organisation.objects.filter(pk=organisation.pk).update(
            **{k: v for k, v in numbers.items() if k in ("kvk_number", "vat_number")}
        )
        for name, value in numbers.items():
            setattr(organisation, name, value)
    row, _created = OrganisationPaymentSettings.objects.select_for_update().get_or_create(organisation=organisation)
    for name, value in changes.items():
        setattr(row, name, value)
    row.full_clean()
    row.save()
    return row


# --- settlement: invoice + payouts ---------------------------------------------------------------


def _line(invoice, position, kind, description, amount, vat_rate, quantity=None, unit_price=None) -> InvoiceLine:
    return InvoiceLine(
        invoice=invoice,
        position=position,
        kind=kind,
        description=description[:300],
        quantity=quantity,
        unit_price=unit_price,
        amount=amount,
        vat_rate=vat_rate,
        vat_amount=cents(amount * vat_rate / HUNDRED),
    )


@transaction.atomic
def settlement_create(*, request: EngagementRequest, actor: User) -> Settlement:
    """Settle what is approved and not yet settled: one numbered invoice and a payout per expert and form.

    Hours of zzp experts carry the organisation's VAT rate (21% unless set otherwise); other hours and
    real costs carry none. The first-assignment arrangement is a separate line per VAT rate.
    """
    request = (
        EngagementRequest.objects.select_for_update(of=("self",))
        .select_related("agreement", "asker_organisation", "deploying_organisation")
        .get(pk=request.pk)
    )
    organisation = request.deploying_organisation
    # Locking the settings row serialises invoice numbers per organisation.
    config, _created = OrganisationPaymentSettings.objects.select_for_update().get_or_create(organisation=organisation)
    price = selectors.invoice_rate(request)
    rate = selectors.pay_rate(request, config)
    agreement_row = selectors.agreement_of(request)
    half_day_price = agreement_row.half_day_rate if agreement_row is not None else None
    half_day_rate = selectors.half_day_pay(request, config)
    if price is None or rate is None:
        raise ValidationError(_("Er zijn nog geen afspraken met een tarief per uur. Maak eerst afspraken."))
    unsettled = selectors.unsettled_by_invitation([request.pk])
    if not unsettled:
        raise ValidationError(
            _("Er is niets af te rekenen: er zijn geen goedgekeurde uren of kosten die nog open staan.")
        )
    invitations = selectors.prefetch_choices(
        Invitation.objects.filter(pk__in=unsettled).select_related("expert__user")
    ).order_by("pk")

    today = selectors.today()
    settlement = Settlement.objects.create(
        request=request,
        organisation=organisation,
        created_by=actor,
        coordination_share=config.coordination_share,
        coordination_amount=ZERO,
        experts_amount=ZERO,
    )
    year = today.year
    sequence = (Invoice.objects.filter(organisation=organisation, year=year).aggregate(m=Max("sequence"))["m"] or 0) + 1
    agreement = selectors.agreement_of(request)
    invoice = Invoice.objects.create(
        settlement=settlement,
        organisation=organisation,
        asker_organisation=request.asker_organisation,
        year=year,
        sequence=sequence,
        number=f"{config.invoice_prefix}{year}-{sequence:04d}",
        issued_on=today,
        due_on=today + dt.timedelta(days=config.payment_days),
        first_assignment_discount=bool(agreement and agreement.first_assignment_discount),
        subtotal=ZERO,
        vat_total=ZERO,
        total=ZERO,
    )
    hour_lines, cost_lines, items = [], [], []
    experts_amount = ZERO
    for invitation in invitations:
        todo = unsettled[invitation.pk]
        profile = invitation.expert
        name = selectors.expert_label(profile, Audience.ASKERS)
        hours = todo.total_hours
        half_days = todo.total_half_days
        if half_days and half_day_price is None:
            raise ValidationError(_("Er zijn dagdelen geschreven, maar de afspraken hebben geen bedrag per dagdeel."))
        if hours or half_days:
            vat_rate = selectors.vat_rate_for(profile, config)
            if half_days:
                hour_lines.append(
                    (
                        InvoiceLine.Kind.HOURS,
                        _("Dagdelen %(name)s") % {"name": name},
                        cents(half_days * half_day_price),
                        vat_rate,
                        half_days,
                        half_day_price,
                    )
                )
            if hours or not half_days:
                hour_lines.append(
                    (
                        InvoiceLine.Kind.HOURS,
                        _("Uren %(name)s") % {"name": name},
                        cents(hours * price),
                        vat_rate,
                        hours,
                        price,
                    )
                )
            reward = selectors.effective_reward(invitation)
            value = pricing.work_value(hours=hours, rate=rate, half_days=half_days, half_day_rate=half_day_rate)
            amount = pricing.reward_amount(reward.reward_form, value)
            experts_amount += amount
            payout = Payout.objects.create(
                settlement=settlement,
                organisation=organisation,
                invitation=invitation,
                expert=profile,
                kind=Payout.Kind.ALLOWANCE,
                channel=reward.reward_form,
                charity=reward.charity,
                details=reward.details,
                hours=hours,
                rate=rate,
                half_days=half_days,
                half_day_rate=half_day_rate if half_days else None,
                amount=amount,
            )
            items += [
                SettlementItem(
                    settlement=settlement, payout=payout, hour_entry=e, hours=d, half_days=todo.half_days.get(e.pk, 0)
                )
                for e, d in todo.hours
            ]
            if amount < 0:
                raise ValidationError(
                    _(
                        "Een correctie maakt de uren van %(name)s lager dan wat al is betaald. Spreek samen af hoe u dit verrekent."
                    )
                    % {"name": name}
                )
        costs = todo.total_costs
        if costs:
            if costs < 0:
                raise ValidationError(
                    _(
                        "Een correctie maakt de kosten van %(name)s lager dan wat al is betaald. Spreek samen af hoe u dit verrekent."
                    )
                    % {"name": name}
                )
            payout = Payout.objects.create(
                settlement=settlement,
                organisation=organisation,
                invitation=invitation,
                expert=profile,
                kind=Payout.Kind.COSTS,
                channel=RewardForm.BANK_TRANSFER,
                amount=costs,
            )
            for claim, delta in todo.expenses:
                cost_lines.append(
                    (
                        InvoiceLine.Kind.EXPENSE,
                        _("Kosten %(name)s: %(what)s") % {"name": name, "what": claim.description},
                        delta,
                        ZERO,
                        None,
                        None,
                    )
                )
                items.append(SettlementItem(settlement=settlement, payout=payout, expense=claim, amount=delta))

    lines = []
    for kind, description, amount, vat_rate, quantity, unit_price in hour_lines + cost_lines:
        lines.append(_line(invoice, len(lines) + 1, kind, description, amount, vat_rate, quantity, unit_price))
    if invoice.first_assignment_discount:
        by_rate: dict[Decimal, Decimal] = {}
        for line in lines:
            if line.kind == InvoiceLine.Kind.HOURS:
                by_rate[line.vat_rate] = by_rate.get(line.vat_rate, ZERO) + line.amount
        for vat_rate, amount in sorted(by_rate.items()):
            lines.append(
                _line(
                    invoice,
                    len(lines) + 1,
                    InvoiceLine.Kind.DISCOUNT,
                    _("Eerste opdracht zonder kosten voor de uren. We bespreken de prijs samen na afloop."),
                    -amount,
                    vat_rate,
                )
            )
    InvoiceLine.objects.bulk_create(lines)
    SettlementItem.objects.bulk_create(items)

    invoice.subtotal = sum((line.amount for line in lines), ZERO)
    invoice.vat_total = sum((line.vat_amount for line in lines), ZERO)
    invoice.total = invoice.subtotal + invoice.vat_total
    if invoice.total < 0:
        raise ValidationError(_("Het totaal van deze factuur is lager dan 0. Spreek samen af hoe u dit verrekent."))
    invoice.save(update_fields=["subtotal", "vat_total", "total"])
    # The share is what stays of the hours income after the experts' rewards (pricing module docstring).
    hours_income = sum((line.amount for line in lines if line.kind != InvoiceLine.Kind.EXPENSE), ZERO)
    settlement.experts_amount = experts_amount
    settlement.coordination_amount = pricing.coordination_amount(income=hours_income, paid_to_experts=experts_amount)
    settlement.save(update_fields=["coordination_amount", "experts_amount"])
    return settlement


@transaction.atomic
def payout_approve(*, payout: Payout, actor: User, acknowledged: bool = False) -> Payout:
    """Approve a payout. When a cap or rule would be crossed, the coordinator must confirm they talked about it."""
    payout = Payout.objects.select_for_update(of=("self",)).select_related("expert__user").get(pk=payout.pk)
    if payout.state != Payout.State.PROPOSED:
        raise ValidationError(_("Deze betaling is al goedgekeurd."))
    if payout.expert.user_id == actor.pk:
        raise PermissionDenied(_("U kunt uw eigen betaling niet goedkeuren."))
    view = selectors.payout_check(actor, payout)
    needs_talk = view.warn or view.missing_year is not None
    if needs_talk and not acknowledged:
        raise ValidationError(
            {
                "acknowledged": _(
                    "Er is een waarschuwing. Bespreek die eerst met de ervaringsdeskundige en vink dit aan."
                )
            }
        )
    payout.state = Payout.State.APPROVED
    payout.approved_by = actor
    payout.approved_at = _now()
    payout.pay_date = selectors.today()
    payout.warned = needs_talk
    payout.save(update_fields=["state", "approved_by", "approved_at", "pay_date", "warned"])
    return payout


class BankDetailsMissing(ValidationError):
    """The bank file is refused: these experts have no IBAN yet, or one that is not valid."""

    def __init__(self, profiles: list):
        self.profiles = profiles
        names = ", ".join(p.user.full_name for p in profiles)
        super().__init__(
            _(
                "Het bestand voor de bank is niet gemaakt. Van deze ervaringsdeskundigen ontbreekt het IBAN, "
                "of het IBAN klopt niet: %(names)s. Vul het eerst in; daarna kunt u het bestand maken."
            )
            % {"names": names}
        )


@transaction.atomic
def batch_create(
    *, organisation: Organisation, kind: str, actor: User, execution_date: dt.date | None = None
) -> tuple[PayoutBatch, list[Payout]]:
    """Put every approved payout of one form into one file. Returns the batch and the payouts left out."""
    if kind not in PayoutBatch.Kind.values:
        raise ValidationError(_("Kies een soort bestand."))
    payouts = list(
        Payout.objects.select_for_update(of=("self",))
        .filter(organisation=organisation, state=Payout.State.APPROVED, channel=kind, batch__isnull=True)
        .select_related("expert__user", "invitation__request")
        .order_by("pk")
    )
    execution_date = execution_date or selectors.today() + dt.timedelta(days=1)
    skipped: list[Payout] = []  # always empty now: nothing is left out silently; kept for the callers
    if not payouts:
        waiting = Payout.objects.filter(organisation=organisation, state=Payout.State.PROPOSED, channel=kind).count()
        label = PayoutBatch.Kind(kind).label
        if waiting:
            raise ValidationError(
                _("Er is nog niets klaar voor “%(kind)s”: %(count)s betaling(en) wachten nog op uw goedkeuring.")
                % {"kind": label, "count": waiting}
            )
        raise ValidationError(
            _(
                "Er is nog niets klaar voor “%(kind)s”: er zijn geen goedgekeurde betalingen in deze vorm die nog niet in een bestand staan."
            )
            % {"kind": label}
        )
    if kind == PayoutBatch.Kind.BANK:
        config = selectors.payment_settings(organisation)
        if not (config.iban and config.bic and config.account_name) or not iban.is_valid(config.iban):
            raise ValidationError(_("Vul eerst de naam, het IBAN en de BIC van de organisatie in bij de instellingen."))
        missing = {p.expert_id: p.expert for p in payouts if not iban.is_valid(p.expert.iban)}
        if missing:
            raise BankDetailsMissing(list(missing.values()))
    batch = PayoutBatch(
        organisation=organisation,
        kind=kind,
        created_by=actor,
        execution_date=execution_date,
        total=sum((p.amount for p in payouts), ZERO),
        count=len(payouts),
    )
    if kind == PayoutBatch.Kind.BANK:
        content = documents.sepa_transfer(config, payouts, execution_date=execution_date)
        extension = "xml"
    else:
        content = documents.payout_list_xlsx(kind, payouts)
        extension = "xlsx"
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    batch.filename = f"{BATCH_NAMES[kind]}-{organisation.slug}-{stamp}.{extension}"
    batch.file.save(f"{uuid.uuid4().hex}.{extension}", ContentFile(content), save=False)
    batch.save()
    Payout.objects.filter(pk__in=[p.pk for p in payouts]).update(batch=batch, state=Payout.State.BATCHED)
    return batch, skipped


# --- allowances from organisations outside Inzet ---------------------------------------------------


def _external_values(*, organisation_name: str, amount: Decimal, from_month: dt.date, to_month: dt.date | None):
    name = organisation_name.strip()
    if not name:
        raise ValidationError({"organisation_name": _("Vul de naam van de organisatie in.")})
    if amount <= 0:
        raise ValidationError({"amount": _("Vul een bedrag in dat groter is dan nul.")})
    start = from_month.replace(day=1)
    end = to_month.replace(day=1) if to_month else None
    if end is not None and end < start:
        raise ValidationError({"to_month": _("De laatste maand ligt voor de eerste maand.")})
    return {
        "organisation_name": name,
        "amount": f"{amount.quantize(Decimal('0.01'))}",
        "from_month": start,
        "to_month": end,
    }


@transaction.atomic
def external_allowance_save(
    *,
    expert,
    actor: User,
    organisation_name: str,
    amount: Decimal,
    from_month: dt.date,
    to_month: dt.date | None = None,
    allowance: ExternalAllowance | None = None,
) -> ExternalAllowance:
    """Declare (or change) an allowance from outside Inzet; it counts toward the caps from now on.

    A double click or a retry returns the row that is already there (same expert, period and values).
    """
    values = _external_values(
        organisation_name=organisation_name, amount=amount, from_month=from_month, to_month=to_month
    )
    if allowance is not None:
        if allowance.expert_id != expert.pk:
            raise PermissionDenied
        locked = ExternalAllowance.objects.select_for_update().get(pk=allowance.pk)
        if locked.removed_at is not None:
            raise ValidationError(_("Deze vergoeding is al verwijderd."))
        for name, value in values.items():
            setattr(locked, name, value)
        locked.save()
        return locked
    # Encrypted columns cannot be compared in SQL: narrow down by the plain columns, compare the rest here.
    for existing in ExternalAllowance.objects.select_for_update().filter(
        expert=expert, from_month=values["from_month"], to_month=values["to_month"], removed_at__isnull=True
    ):
        if existing.organisation_name == values["organisation_name"] and existing.amount == values["amount"]:
            return existing
    return ExternalAllowance.objects.create(expert=expert, created_by=actor, **values)


@transaction.atomic
def external_allowance_delete(*, allowance: ExternalAllowance, actor: User) -> None:
    """Remove a declared allowance: amount and name are wiped at once. Removing twice is harmless."""
    ExternalAllowance.objects.filter(pk=allowance.pk, removed_at__isnull=True).update(
        removed_at=_now(), amount="", organisation_name=""
    )

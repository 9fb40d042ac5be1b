"""Settlement: the invoice and payouts of a request, approving a payout, the payout batch files."""

import datetime as dt
import uuid
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from inzet.accounts.models import User
from inzet.compensation import documents, pricing, selectors
from inzet.compensation.models import (
    Invoice,
    InvoiceLine,
    OrganisationPaymentSettings,
    Payout,
    PayoutBatch,
    Settlement,
    SettlementItem,
)
from inzet.compensation.services.common import BATCH_NAMES, HUNDRED, ZERO, _now
from inzet.engagements.models import EngagementRequest, Invitation
from inzet.experts.models import Audience, RewardForm
from inzet.lib import iban
from inzet.lib.money import cents
from inzet.organisations.models import Organisation


def _line(
    invoice: Invoice,
    position: int,
    kind: str,
    description: str,
    amount: Decimal,
    vat_rate: Decimal,
    quantity: Decimal | None = None,
    unit_price: Decimal | None = None,
) -> InvoiceLine:
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
def settlement_create(*, engagement: EngagementRequest, actor: User) -> Settlement:
    """Settle what is approved and not yet settled: one numbered invoice and a payout per expert and form.

    Hours of zzp experts carry the organisation's VAT rate (21% unless set otherwise); other hours and
    real costs carry none. The first-assignment arrangement is a separate line per VAT rate.
    """
    engagement = (
        EngagementRequest.objects.select_for_update(of=("self",))
        .select_related("agreement", "asker_organisation", "deploying_organisation")
        .get(pk=engagement.pk)
    )
    organisation = engagement.deploying_organisation
    # Locking the settings row serialises invoice numbers per organisation.
    config, _created = OrganisationPaymentSettings.objects.select_for_update().get_or_create(organisation=organisation)
    price = selectors.invoice_rate(engagement)
    rate = selectors.pay_rate(engagement, config)
    agreement_row = selectors.agreement_of(engagement)
    half_day_price = agreement_row.half_day_rate if agreement_row is not None else None
    half_day_rate = selectors.half_day_pay(engagement, config)
    if price is None or rate is None:
        raise ValidationError(_("Er zijn nog geen afspraken met een tarief per uur. Maak eerst afspraken."))
    unsettled = selectors.unsettled_by_invitation([engagement.pk])
    if not unsettled:
        raise ValidationError(
            _("Er is niets af te rekenen: er zijn geen goedgekeurde uren of kosten die nog open staan.")
        )
    invitations = selectors.prefetch_choices(
        Invitation.objects.filter(pk__in=unsettled).select_related("expert__user")
    ).order_by("pk")

    today = selectors.today()
    settlement = Settlement.objects.create(
        request=engagement,
        organisation=organisation,
        created_by=actor,
        coordination_share=config.coordination_share,
        coordination_amount=ZERO,
        experts_amount=ZERO,
    )
    year = today.year
    sequence = (Invoice.objects.filter(organisation=organisation, year=year).aggregate(m=Max("sequence"))["m"] or 0) + 1
    agreement = selectors.agreement_of(engagement)
    invoice = Invoice.objects.create(
        settlement=settlement,
        organisation=organisation,
        asker_organisation=engagement.asker_organisation,
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
            if half_days and half_day_price is not None:
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

    lines: list[InvoiceLine] = []
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
                ngettext(
                    "Er is nog niets klaar voor “%(kind)s”: %(count)s betaling wacht nog op uw goedkeuring.",
                    "Er is nog niets klaar voor “%(kind)s”: %(count)s betalingen wachten nog op uw goedkeuring.",
                    waiting,
                )
                % {"kind": label, "count": waiting}
            )
        raise ValidationError(
            _(
                "Er is nog niets klaar voor “%(kind)s”: er zijn geen goedgekeurde betalingen in deze vorm "
                "die nog niet in een bestand staan. Keur eerst betalingen goed op de pagina met betalingen."
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

"""Settlement: an invoice to the asker and payouts to the experts."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from inzet.compensation.models.entries import ExpenseClaim, HourEntry
from inzet.compensation.models.tables import MONEY
from inzet.experts.models import RewardForm


class Settlement(models.Model):
    """One settlement run for one request: what was approved and not yet settled."""

    request = models.ForeignKey("engagements.EngagementRequest", on_delete=models.PROTECT, related_name="settlements")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    coordination_share = models.DecimalField(_("deel voor coördinatie (procent)"), max_digits=5, decimal_places=2)
    coordination_amount = models.DecimalField(_("bedrag voor coördinatie"), **MONEY)
    experts_amount = models.DecimalField(_("naar de ervaringsdeskundigen"), **MONEY, default=0)

    class Meta:
        verbose_name = _("afrekening")
        verbose_name_plural = _("afrekeningen")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.request} ({self.created_at:%d-%m-%Y})"


class Invoice(models.Model):
    settlement = models.OneToOneField(Settlement, on_delete=models.PROTECT, related_name="invoice")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    asker_organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="invoices_received"
    )
    year = models.PositiveSmallIntegerField()
    sequence = models.PositiveIntegerField()
    number = models.CharField(_("factuurnummer"), max_length=30)
    issued_on = models.DateField(_("datum"))
    due_on = models.DateField(_("betalen voor"))
    first_assignment_discount = models.BooleanField(default=False)
    subtotal = models.DecimalField(_("totaal zonder btw"), **MONEY)
    vat_total = models.DecimalField(_("btw"), **MONEY)
    total = models.DecimalField(_("totaal"), **MONEY)

    class Meta:
        verbose_name = _("factuur")
        verbose_name_plural = _("facturen")
        ordering = ["-issued_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year", "sequence"], name="invoice_sequence_per_year"),
            models.UniqueConstraint(fields=["organisation", "number"], name="invoice_unique_number"),
        ]

    def __str__(self) -> str:
        return self.number


class InvoiceLine(models.Model):
    class Kind(models.TextChoices):
        HOURS = "hours", _("Uren")
        EXPENSE = "expense", _("Kosten")
        DISCOUNT = "discount", _("Eerste opdracht")

    invoice = models.ForeignKey(Invoice, on_delete=models.CASCADE, related_name="lines")
    position = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=10, choices=Kind.choices)
    description = models.CharField(max_length=300)
    quantity = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    unit_price = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    amount = models.DecimalField(**MONEY)
    vat_rate = models.DecimalField(max_digits=4, decimal_places=1)
    vat_amount = models.DecimalField(**MONEY)

    class Meta:
        ordering = ["invoice", "position"]

    def __str__(self) -> str:
        return self.description


class PayoutBatch(models.Model):
    """One file for the bank (SEPA), or a list for vouchers or donations. Kept as it was made."""

    class Kind(models.TextChoices):
        BANK = "bank_transfer", _("Bankoverschrijving (SEPA-bestand)")
        VOUCHER = "voucher", _("Lijst met cadeaubonnen")
        DONATION = "donation", _("Lijst met giften aan goede doelen")
        TIME_CREDIT = "time_credit", _("Lijst met tijdtegoed")
        IN_KIND = "in_kind", _("Lijst met vergoedingen in natura")
        TRAINING = "training", _("Lijst met opleidingen")

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    execution_date = models.DateField(_("uitvoeren op"))
    total = models.DecimalField(**MONEY)
    count = models.PositiveIntegerField()
    file = models.FileField(upload_to="payout-batches/", max_length=200)
    filename = models.CharField(max_length=100)

    class Meta:
        verbose_name = _("betaalbestand")
        verbose_name_plural = _("betaalbestanden")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.filename


class Payout(models.Model):
    """What one expert gets from one settlement: the allowance in the form they chose, or real costs.

    Real costs always go to the bank account (they are the expert's own money back); the allowance
    goes the way the expert chose for this assignment: bank, voucher, donation, or nothing.
    """

    class Kind(models.TextChoices):
        ALLOWANCE = "allowance", _("Vergoeding")
        COSTS = "costs", _("Echte kosten")

    class State(models.TextChoices):
        PROPOSED = "proposed", _("Wacht op goedkeuring")
        APPROVED = "approved", _("Goedgekeurd")
        BATCHED = "batched", _("In een betaalbestand")

    settlement = models.ForeignKey(Settlement, on_delete=models.PROTECT, related_name="payouts")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+")
    invitation = models.ForeignKey("engagements.Invitation", on_delete=models.PROTECT, related_name="payouts")
    expert = models.ForeignKey("experts.ExpertProfile", on_delete=models.PROTECT, related_name="payouts")
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices)
    channel = models.CharField(_("vorm"), max_length=20, choices=RewardForm.choices)
    charity = models.CharField(_("goed doel"), max_length=200, blank=True)
    details = models.CharField(_("wat precies"), max_length=200, blank=True)
    hours = models.DecimalField(_("uren"), max_digits=7, decimal_places=2, null=True, blank=True)
    rate = models.DecimalField(_("per uur"), max_digits=8, decimal_places=2, null=True, blank=True)
    half_days = models.DecimalField(_("dagdelen"), max_digits=5, decimal_places=1, default=0)
    half_day_rate = models.DecimalField(_("per dagdeel"), max_digits=8, decimal_places=2, null=True, blank=True)
    amount = models.DecimalField(_("bedrag"), **MONEY)
    state = models.CharField(max_length=20, choices=State.choices, default=State.PROPOSED)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    pay_date = models.DateField(_("betaaldatum"), null=True, blank=True)
    warned = models.BooleanField(_("er was een waarschuwing"), default=False)
    batch = models.ForeignKey(PayoutBatch, null=True, blank=True, on_delete=models.PROTECT, related_name="payouts")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("betaling")
        verbose_name_plural = _("betalingen")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["organisation", "state", "channel"]),
            models.Index(fields=["expert", "pay_date"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="costs") | models.Q(channel="bank_transfer"), name="payout_costs_by_bank"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.expert}: {self.amount}"

    @property
    def is_allowance(self) -> bool:
        return self.kind == self.Kind.ALLOWANCE


class SettlementItem(models.Model):
    """Which hour or expense row a settlement paid, and how much of it (a delta after corrections)."""

    settlement = models.ForeignKey(Settlement, on_delete=models.CASCADE, related_name="items")
    payout = models.ForeignKey(Payout, on_delete=models.CASCADE, related_name="items")
    hour_entry = models.ForeignKey(
        HourEntry, null=True, blank=True, on_delete=models.PROTECT, related_name="settled_items"
    )
    expense = models.ForeignKey(
        ExpenseClaim, null=True, blank=True, on_delete=models.PROTECT, related_name="settled_items"
    )
    hours = models.DecimalField(max_digits=7, decimal_places=2, null=True, blank=True)
    half_days = models.DecimalField(max_digits=5, decimal_places=1, default=0)
    amount = models.DecimalField(**MONEY, null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(hour_entry__isnull=False, expense__isnull=True, hours__isnull=False))
                | (models.Q(hour_entry__isnull=True, expense__isnull=False, amount__isnull=False)),
                name="settlement_item_one_kind",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.settlement}: {self.hour_entry or self.expense}"

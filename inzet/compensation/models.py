"""Money for experience experts: rule tables, hours, expenses, settlements, invoices and payouts.

Rules of the house:
- every amount is a Decimal in a DecimalField; never a float;
- an approved hour or expense row is never edited: a correction is a new row that points to it
  (`corrects`) and to the first row of its chain (`root`), with a reason and who/when;
- invoices and payouts are written once by a settlement and not changed afterwards (only a
  payout's state moves on: proposed → approved → in a batch).
"""

import uuid
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from inzet.compensation import rules
from inzet.experts.models import RewardForm
from inzet.lib.crypto import EncryptedCharField

MONEY = {"max_digits": 10, "decimal_places": 2}


def _choices(enum, labels: dict) -> list[tuple[str, str]]:
    return [(member.value, labels[member]) for member in enum]


BENEFIT_METHOD_CHOICES = _choices(
    rules.BenefitMethod,
    {
        rules.BenefitMethod.UWV_VOLUNTEER_LIMIT: _("UWV: boven een grens gaat alles af"),
        rules.BenefitMethod.UWV_HOURS_DEDUCTION: _("UWV WW: boven de grenzen gaan de gewerkte uren af"),
        rules.BenefitMethod.EARNINGS_DISREGARD: _("Bijstand: een deel mag u houden"),
        rules.BenefitMethod.WITHIN_TAX_CAPS_KEPT: _("Bijstand: binnen de belastinggrenzen vrij, daarboven alles"),
        rules.BenefitMethod.ONLY_REAL_COSTS_FREE: _("Alleen echte kosten zijn vrij"),
        rules.BenefitMethod.COUNTS_AS_INCOME: _("Telt als inkomen als het belast is"),
    },
)


# --- rule tables (the operator keeps them up to date; each row has a period and a source) ------


class AllowanceCapRow(models.Model):
    """Belastingdienst caps for the volunteer allowance in one calendar year (the period is the year)."""

    year = models.PositiveSmallIntegerField(
        _("jaar"), unique=True, validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    hourly_21_plus = models.DecimalField(
        _("per uur, 21 jaar en ouder"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Leeg laten als er dat jaar geen grens per uur was."),
    )
    hourly_under_21 = models.DecimalField(
        _("per uur, jonger dan 21"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    hourly_age = models.PositiveSmallIntegerField(
        _("leeftijd voor de hogere uurgrens"),
        default=21,
        choices=[(21, "21"), (22, "22"), (23, "23")],
        help_text=_("Vanaf deze leeftijd geldt de hogere grens per uur (2018: 23, 2019–2020: 22, sinds 2021: 21)."),
    )
    monthly = models.DecimalField(_("per maand"), max_digits=8, decimal_places=2)
    yearly = models.DecimalField(_("per jaar"), max_digits=9, decimal_places=2)
    source = models.CharField(
        _("bron"),
        max_length=300,
        help_text=_("Het adres van een openbare pagina, bijvoorbeeld van de Belastingdienst."),
    )
    note = models.TextField(_("toelichting"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("grens vrijwilligersvergoeding")
        verbose_name_plural = _("grenzen vrijwilligersvergoeding")
        ordering = ["year"]

    def __str__(self) -> str:
        return str(self.year)


class BenefitRuleRow(models.Model):
    """One dated rule about what an allowance does to a benefit (2018 values from the seeds first)."""

    code = models.SlugField(_("code"), max_length=60)
    name = models.CharField(_("naam"), max_length=200)
    method = models.CharField(_("soort regel"), max_length=30, choices=BENEFIT_METHOD_CHOICES)
    benefit_kinds = models.JSONField(_("uitkeringen"), default=list)  # list of rules.BenefitSituation codes
    age_bands = models.JSONField(_("leeftijden"), default=list, blank=True)  # empty: every age
    valid_from = models.DateField(_("geldig vanaf"))
    valid_to = models.DateField(_("geldig tot en met"), null=True, blank=True)
    hourly_limit_23_plus = models.DecimalField(
        _("grens per uur, 23 jaar en ouder"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    hourly_limit_under_23 = models.DecimalField(
        _("grens per uur, jonger dan 23"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    free_percentage = models.DecimalField(
        _("vrij percentage"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    monthly_max = models.DecimalField(_("maximaal per maand"), max_digits=8, decimal_places=2, null=True, blank=True)
    duration_months = models.PositiveSmallIntegerField(_("hoeveel maanden"), null=True, blank=True)
    source = models.CharField(
        _("bron"), max_length=500, help_text=_("Het adres van een openbare pagina (UWV, gemeente, wetten.overheid.nl).")
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("regel voor uitkeringen")
        verbose_name_plural = _("regels voor uitkeringen")
        ordering = ["code", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["code", "valid_from"], name="benefit_rule_unique_start"),
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=models.F("valid_from")),
                name="benefit_rule_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.valid_from:%Y})"


class ExternalAllowance(models.Model):
    """An allowance the expert gets from an organisation outside Inzet, per month (it counts toward the caps).

    Benefit-related money: amount and organisation are encrypted; only the expert and the
    coordinators of the expert's organisation see it.
    """

    expert = models.ForeignKey("experts.ExpertProfile", on_delete=models.CASCADE, related_name="external_allowances")
    organisation_name = EncryptedCharField(_("naam van de organisatie"))
    amount = EncryptedCharField(_("bedrag per maand"))  # a Decimal as text, e.g. "85.00"
    from_month = models.DateField(_("vanaf maand"))  # always the first day of a month
    to_month = models.DateField(_("tot en met maand"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Removing wipes the amount and name and keeps only this mark, so a second click finds the row.
    removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("vergoeding van buiten Inzet")
        verbose_name_plural = _("vergoedingen van buiten Inzet")
        ordering = ["from_month", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(to_month__isnull=True) | models.Q(to_month__gte=models.F("from_month")),
                name="external_allowance_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_month:%Y-%m}"

    @property
    def amount_decimal(self) -> Decimal:
        return Decimal(self.amount or "0")


class HourlyGuideline(models.Model):
    """A guideline for a fair hourly reward, such as VWS's € 50 an hour for structural involvement."""

    name = models.CharField(_("naam"), max_length=200)
    amount = models.DecimalField(_("bedrag per uur"), max_digits=8, decimal_places=2)
    valid_from = models.DateField(_("geldig vanaf"))
    valid_to = models.DateField(_("geldig tot en met"), null=True, blank=True)
    source = models.CharField(_("bron"), max_length=300)

    class Meta:
        verbose_name = _("richtlijn per uur")
        verbose_name_plural = _("richtlijnen per uur")
        ordering = ["valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=models.F("valid_from")),
                name="guideline_period",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Tariff(models.Model):
    """What an organisation charges askers per hour, by role and level (docs/domain/money-rules.md)."""

    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.CASCADE,
        related_name="tariffs",
        limit_choices_to={"kind": "deploying"},
        verbose_name=_("organisatie"),
    )
    role = models.ForeignKey(
        "taxonomy.Term",
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"vocabulary": "role"},
        verbose_name=_("rol"),
    )
    level = models.ForeignKey(
        "taxonomy.Term",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"vocabulary": "level"},
        verbose_name=_("niveau"),
        help_text=_("Leeg: voor elk niveau."),
    )
    hourly_rate = models.DecimalField(_("tarief per uur"), max_digits=8, decimal_places=2)
    half_day_rate = models.DecimalField(
        _("vast bedrag per dagdeel"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Leeg laten als u alleen per uur rekent."),
    )
    valid_from = models.DateField(_("geldig vanaf"))
    valid_to = models.DateField(_("geldig tot en met"), null=True, blank=True)
    source = models.CharField(
        _("bron"), max_length=300, help_text=_("Bijvoorbeeld: tarievenlijst van het bestuur, 2025.")
    )

    class Meta:
        verbose_name = _("tarief")
        verbose_name_plural = _("tarieven")
        ordering = ["organisation__name", "role__sort_order", "level__sort_order", "valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=models.F("valid_from")),
                name="tariff_period",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.role} {self.level or ''}".strip()


class OrganisationPaymentSettings(models.Model):
    """How a deploying organisation invoices and pays. One row per organisation, made on first use."""

    organisation = models.OneToOneField(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="payment_settings"
    )
    vat_on_zzp_hours = models.BooleanField(
        _("btw rekenen over uren van zzp'ers"),
        default=True,
        help_text=_("Over uren van vrijwilligers rekenen we nooit btw."),
    )
    zzp_vat_rate = models.DecimalField(
        _("btw-percentage voor uren van zzp'ers"),
        max_digits=4,
        decimal_places=1,
        default=21,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    coordination_share = models.DecimalField(
        _("deel voor coördinatie (procent)"),
        max_digits=5,
        decimal_places=2,
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Welk deel van de opbrengst van opdrachten betaalt de coördinatie? 0 is: niets."),
    )
    account_name = models.CharField(_("naam bij de bank"), max_length=70, blank=True)
    iban = models.CharField(_("IBAN van de organisatie"), max_length=34, blank=True)
    bic = models.CharField(_("BIC"), max_length=11, blank=True)
    invoice_prefix = models.CharField(
        _("begin van het factuurnummer"), max_length=10, blank=True, help_text=_("Bijvoorbeeld: PEU-")
    )
    payment_days = models.PositiveSmallIntegerField(
        _("betaaltermijn in dagen"), default=30, validators=[MinValueValidator(1), MaxValueValidator(120)]
    )
    invoice_footer = models.TextField(
        _("onder aan de factuur"), blank=True, help_text=_("Adres, KvK-nummer, btw-nummer.")
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("betaalinstellingen")
        verbose_name_plural = _("betaalinstellingen")

    def __str__(self) -> str:
        return str(self.organisation)


# --- per assignment (an accepted invitation) ------------------------------------------------------


class AssignmentRewardChoice(models.Model):
    """The expert's choice of reward form for one assignment. The newest row counts; all are kept."""

    invitation = models.ForeignKey("engagements.Invitation", on_delete=models.CASCADE, related_name="reward_choices")
    reward_form = models.CharField(_("vorm van vergoeding"), max_length=20, choices=RewardForm.choices)
    charity = models.CharField(_("goed doel"), max_length=200, blank=True)
    details = models.CharField(
        _("wat precies"), max_length=200, blank=True, help_text=_("Bij in natura of een opleiding: wat u krijgt.")
    )
    chosen_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    on_behalf = models.BooleanField(_("door de coördinator namens de ervaringsdeskundige"), default=False)
    chosen_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("keuze voor vergoeding")
        verbose_name_plural = _("keuzes voor vergoeding")
        ordering = ["-chosen_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.invitation}: {self.get_reward_form_display()}"


class EntryState(models.TextChoices):
    SUBMITTED = "submitted", _("Wacht op goedkeuring")
    APPROVED = "approved", _("Goedgekeurd")
    REJECTED = "rejected", _("Afgewezen")
    WITHDRAWN = "withdrawn", _("Ingetrokken")


class _Entry(models.Model):
    """Shared fields of hour and expense rows: who, state, decision, correction chain."""

    invitation = models.ForeignKey("engagements.Invitation", on_delete=models.PROTECT, related_name="+")
    date = models.DateField(_("datum"))
    state = models.CharField(_("status"), max_length=20, choices=EntryState.choices, default=EntryState.SUBMITTED)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    on_behalf = models.BooleanField(_("ingevoerd door de coördinator"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(_("toelichting bij het besluit"), blank=True)
    reason = models.TextField(_("reden van de correctie"), blank=True)

    class Meta:
        abstract = True

    @property
    def is_correction(self) -> bool:
        return self.corrects_id is not None

    @property
    def chain_id(self) -> int:
        return self.root_id or self.pk


class HourEntry(_Entry):
    invitation = models.ForeignKey("engagements.Invitation", on_delete=models.PROTECT, related_name="hour_entries")
    hours = models.DecimalField(
        _("uren"), max_digits=5, decimal_places=2, validators=[MinValueValidator(0), MaxValueValidator(24)]
    )
    # Dagdelen at the agreement's flat amount per half-day, besides (or instead of) hours × rate.
    half_days = models.DecimalField(
        _("dagdelen"),
        max_digits=4,
        decimal_places=1,
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(2)],
    )
    description = models.CharField(_("wat heeft u gedaan?"), max_length=300, blank=True)
    # engagements.plausibility.HourFlag codes, comma-separated: confirmed by the writer, shown to the coordinator.
    flags = models.CharField(_("om na te kijken"), max_length=100, blank=True)
    corrects = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="corrections",
        verbose_name=_("corrigeert"),
    )
    root = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("urenregel")
        verbose_name_plural = _("urenregels")
        ordering = ["date", "pk"]
        indexes = [
            models.Index(fields=["invitation", "state"]),
            models.Index(fields=["state", "date"]),
            # Covers the evaluation report's sums over a period (no table lookups for 1,000,000 rows).
            models.Index(fields=["state", "date", "invitation", "hours", "half_days"], name="hourentry_period_sums"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(corrects__isnull=True) | ~models.Q(reason=""), name="hour_correction_has_reason"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date}: {self.hours} uur"

    @property
    def flag_texts(self) -> list[str]:
        texts = {
            "before_period": _("Vóór de periode van de opdracht"),
            "after_period": _("Na de periode van de opdracht"),
            "over_estimate": _("Meer dan twee keer de geschatte uren"),
        }
        return [str(texts[code]) for code in self.flags.split(",") if code in texts]


def receipt_path(instance, filename: str) -> str:
    # Never the original name on disk; served only through the permission-checked view.
    return f"receipts/{instance.invitation_id}/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class ExpenseClaim(_Entry):
    """Real, documented costs (with a receipt). They never count toward the allowance caps."""

    invitation = models.ForeignKey("engagements.Invitation", on_delete=models.PROTECT, related_name="expense_claims")
    amount = models.DecimalField(_("bedrag"), max_digits=8, decimal_places=2, validators=[MinValueValidator(0)])
    description = models.CharField(_("waarvoor?"), max_length=300)
    receipt = models.FileField(_("bonnetje"), upload_to=receipt_path, max_length=200)
    receipt_name = models.CharField(max_length=200)
    corrects = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="corrections",
        verbose_name=_("corrigeert"),
    )
    root = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("onkostendeclaratie")
        verbose_name_plural = _("onkostendeclaraties")
        ordering = ["date", "pk"]
        indexes = [models.Index(fields=["invitation", "state"]), models.Index(fields=["state", "date"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(corrects__isnull=True) | ~models.Q(reason=""), name="expense_correction_has_reason"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date}: {self.description}"


# --- settlement: an invoice to the asker and payouts to the experts -------------------------------


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

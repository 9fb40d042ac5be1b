"""Rule tables the operator keeps up to date (each row has a period and a source), tariffs and an organisation's payment settings."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from inzet.compensation import rules
from inzet.lib.crypto import EncryptedCharField
from inzet.taxonomy.fields import term_field

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
    role = term_field("role", _("rol"), optional=False)
    level = term_field("level", _("niveau"), help_text=_("Leeg: voor elk niveau."))
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


class WorkInstrument(models.Model):
    """A UWV or municipal instrument that may help on the way to paid work (loonkostensubsidie,
    jobcoaching, …). Shown to coordinators as information, never as advice; the operator keeps it."""

    class Provider(models.TextChoices):
        UWV = "uwv", _("UWV")
        MUNICIPALITY = "municipality", _("Gemeente")
        UWV_OR_MUNICIPALITY = "both", _("UWV of gemeente")

    name = models.CharField(_("naam"), max_length=200)
    description = models.TextField(_("wat is het"))
    provider = models.CharField(_("wie regelt het"), max_length=20, choices=Provider.choices)
    conditions = models.TextField(_("voorwaarden, in gewone woorden"))
    # English for the English pages; left empty, the Dutch text is shown.
    name_en = models.CharField(_("naam (Engels)"), max_length=200, blank=True)
    description_en = models.TextField(_("wat is het (Engels)"), blank=True)
    conditions_en = models.TextField(_("voorwaarden (Engels)"), blank=True)
    source = models.URLField(_("bron (openbare pagina)"), max_length=300)
    valid_from = models.DateField(_("geldig vanaf"))
    valid_to = models.DateField(_("geldig tot en met"), null=True, blank=True)

    class Meta:
        verbose_name = _("instrument naar betaald werk")
        verbose_name_plural = _("instrumenten naar betaald werk")
        ordering = ["name", "valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_to__isnull=True) | models.Q(valid_to__gte=models.F("valid_from")),
                name="instrument_period",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def _in_language(self, name: str) -> str:
        english = getattr(self, f"{name}_en")
        return english if english and (get_language() or "nl").startswith("en") else getattr(self, name)

    @property
    def shown_name(self) -> str:
        return self._in_language("name")

    @property
    def shown_description(self) -> str:
        return self._in_language("description")

    @property
    def shown_conditions(self) -> str:
        return self._in_language("conditions")

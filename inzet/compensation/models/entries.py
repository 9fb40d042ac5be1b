"""Per assignment (an accepted invitation): the reward choice, hour rows and expense claims."""

import uuid
from pathlib import Path

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from inzet.experts.models import RewardForm


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
    # A correction points at the row it replaces and at the first row of its chain ("self": the
    # concrete model, so hour rows correct hour rows and claims correct claims).
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


class ApprovedHoursDay(models.Model):
    """The approved hours of one deploying organisation on one day, kept for the evaluation report.

    Derived data: the hour rows decide. Counted the way the report counts: approved rows that no
    approved correction replaced. Kept up to date inside the transaction of every hour write
    (compensation.hour_sums, called by the services); `manage.py inzet_hour_sums` rebuilds it.
    Per day, not per month, so any period a coordinator picks is exact. Counts and sums of an
    organisation only, no person in it: not personal data (privacy/detect.py finds no such field).
    """

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    date = models.DateField()
    entries = models.PositiveIntegerField(default=0)
    hours = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    half_days = models.DecimalField(max_digits=12, decimal_places=1, default=0)

    class Meta:
        verbose_name = _("goedgekeurde uren per dag")
        verbose_name_plural = _("goedgekeurde uren per dag")
        constraints = [models.UniqueConstraint(fields=["organisation", "date"], name="approved_hours_day_unique")]

    def __str__(self) -> str:
        return f"{self.organisation_id} {self.date}: {self.hours} uur"

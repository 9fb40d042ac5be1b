"""Data rights (AVG/GDPR): erasure requests, a log of what was done for whom, and the retention
rules an operator keeps up to date (each with its period and public legal basis)."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class ErasureRequest(models.Model):
    """A person's request to be forgotten (AVG art. 17). At most one open request per person."""

    class State(models.TextChoices):
        REQUESTED = "requested", _("Aangevraagd")
        COMPLETED = "completed", _("Gedaan")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="erasure_requests")
    # The organisation whose coordinators carry it out; empty: the platform operator does.
    organisation = models.ForeignKey(
        "organisations.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    state = models.CharField(_("status"), max_length=20, choices=State.choices, default=State.REQUESTED)
    reason = models.TextField(_("toelichting (niet verplicht)"), blank=True)
    requested_at = models.DateTimeField(_("aangevraagd op"), auto_now_add=True)
    completed_at = models.DateTimeField(_("uitgevoerd op"), null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Counts per kind of data (never content), and until when the kept bookkeeping stays.
    outcome = models.JSONField(_("uitkomst"), default=dict, blank=True)

    class Meta:
        verbose_name = _("verzoek om verwijdering")
        verbose_name_plural = _("verzoeken om verwijdering")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=models.Q(state="requested"), name="erasure_one_open_request"
            ),
        ]
        indexes = [models.Index(fields=["organisation", "state"])]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.get_state_display()}"


class DataRightsEvent(models.Model):
    """Who exported or erased whose data, and when (which action, never the content)."""

    class Kind(models.TextChoices):
        EXPORT = "export", _("Gegevens gedownload")
        ERASURE_REQUESTED = "erasure_requested", _("Verwijdering aangevraagd")
        ERASURE_COMPLETED = "erasure_completed", _("Verwijdering uitgevoerd")
        REGISTER_DOWNLOADED = "register_downloaded", _("Verwerkingsregister gedownload")

    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(max_length=30, choices=Kind.choices)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("gebeurtenis gegevensrechten")
        verbose_name_plural = _("gebeurtenissen gegevensrechten")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.kind} {self.subject_id}"


class RetentionRule(models.Model):
    """How long one kind of personal data is kept. The code links the row to the job that applies it."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("naam"), max_length=200)
    period_days = models.PositiveIntegerField(_("bewaartermijn in dagen"), validators=[MinValueValidator(1)])
    action = models.CharField(_("wat er daarna gebeurt"), max_length=300)
    legal_basis = models.CharField(_("grondslag"), max_length=300)
    source = models.URLField(_("bron"), max_length=300)
    minimum_days = models.PositiveIntegerField(
        _("minimaal wettelijk bewaren (dagen)"),
        default=0,
        help_text=_("Korter bewaren mag niet, bijvoorbeeld voor de boekhouding."),
    )
    is_active = models.BooleanField(_("aan"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("bewaarregel")
        verbose_name_plural = _("bewaarregels")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_days__gte=models.F("minimum_days")), name="retention_not_below_minimum"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class RetentionRun(models.Model):
    """One run of one rule: how many rows it handled (counts only)."""

    rule = models.ForeignKey(RetentionRule, on_delete=models.CASCADE, related_name="runs")
    started_at = models.DateTimeField(auto_now_add=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("bewaarronde")
        verbose_name_plural = _("bewaarrondes")
        ordering = ["-started_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.rule_id}: {self.count}"

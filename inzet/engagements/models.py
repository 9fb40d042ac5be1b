"""Requests from askers, the organisation's intake, invitations, agreements, sessions and the audit trail."""

import uuid
from pathlib import Path

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from inzet.engagements.rules import Status
from inzet.experts.models import RewardForm


class RequestStatus(models.TextChoices):
    DRAFT = Status.DRAFT, _("Concept")
    SUBMITTED = Status.SUBMITTED, _("Ingediend")
    INTAKE = Status.INTAKE, _("In behandeling")
    CHANGES_REQUESTED = Status.CHANGES_REQUESTED, _("Aanpassing gevraagd")
    DECLINED = Status.DECLINED, _("Afgewezen")
    MATCHING = Status.MATCHING, _("Zoeken naar ervaringsdeskundigen")
    AGREED = Status.AGREED, _("Afgesproken")
    RUNNING = Status.RUNNING, _("Bezig")
    COMPLETED = Status.COMPLETED, _("Afgerond")
    CANCELLED = Status.CANCELLED, _("Geannuleerd")


class EngagementRequest(models.Model):
    """A question from an asker organisation to a deploying organisation ("vraag / opdracht")."""

    asker_organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="requests_made",
        verbose_name=_("vragende organisatie"),
    )
    deploying_organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        related_name="requests_received",
        verbose_name=_("aan welke organisatie"),
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(_("status"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.DRAFT)

    # 1. The goal first, then the competences needed (docs/domain/request-loop.md#steps).
    title = models.CharField(_("korte titel"), max_length=200)
    goal = models.TextField(_("wat is het doel?"))
    # 2. The kind of work.
    role = models.ForeignKey(
        "taxonomy.Term",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"vocabulary": "role"},
        verbose_name=_("rol"),
    )
    practice_setting = models.ForeignKey(
        "taxonomy.Term",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"vocabulary": "practice_setting"},
        verbose_name=_("praktijk"),
    )
    structural = models.BooleanField(_("het gaat om structurele inzet"), default=False)
    experience_areas = models.ManyToManyField(
        "taxonomy.Term",
        blank=True,
        related_name="+",
        limit_choices_to={"vocabulary": "experience_area"},
        verbose_name=_("ervaringsgebieden"),
    )
    competences = models.ManyToManyField(
        "taxonomy.Term",
        blank=True,
        related_name="+",
        limit_choices_to={"vocabulary": "competence"},
        verbose_name=_("competenties"),
    )
    min_level = models.ForeignKey(
        "taxonomy.Term",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"vocabulary": "level"},
        verbose_name=_("minimaal niveau"),
    )
    languages = models.ManyToManyField(
        "taxonomy.Term",
        blank=True,
        related_name="+",
        limit_choices_to={"vocabulary": "language"},
        verbose_name=_("talen"),
    )
    experts_needed = models.PositiveSmallIntegerField(
        _("hoeveel ervaringsdeskundigen"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text=_("Wij raden aan om met twee mensen samen te werken."),
    )
    # 3. Time and place.
    start_date = models.DateField(_("vanaf"), null=True, blank=True)
    end_date = models.DateField(_("tot en met"), null=True, blank=True)
    hours_estimate = models.DecimalField(
        _("hoeveel uur per persoon (ongeveer)"), max_digits=6, decimal_places=1, null=True, blank=True
    )
    time_investment = models.TextField(_("tijd en planning"), blank=True)
    online = models.BooleanField(_("online"), default=False)
    location = models.CharField(_("plaats en adres"), max_length=300, blank=True)
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    area = models.ForeignKey(
        "taxonomy.PostcodeArea", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accessibility = models.TextField(_("toegankelijkheid van de plek"), blank=True)
    participant_needs = models.TextField(_("wat deelnemers nodig hebben"), blank=True)
    activities = models.TextField(_("wat gaan de ervaringsdeskundigen doen?"), blank=True)
    requirements = models.TextField(_("wat vraagt u van hen?"), blank=True)
    is_heavy = models.BooleanField(
        _("het onderwerp kan zwaar zijn"),
        default=False,
        help_text=_("Dan zorgen wij voor een vangnet: iemand om na afloop mee te praten."),
    )
    # 4. The reward offered.
    reward_form = models.CharField(
        _("vorm van vergoeding"), max_length=20, choices=RewardForm.choices, default=RewardForm.BANK_TRANSFER
    )
    amount_offered = models.DecimalField(
        _("bedrag per uur (euro)"), max_digits=8, decimal_places=2, null=True, blank=True
    )

    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["deploying_organisation", "status"]),
            models.Index(fields=["asker_organisation", "status"]),
        ]

    def __str__(self) -> str:
        return self.title


def attachment_path(instance, filename: str) -> str:
    return f"requests/{instance.request_id}/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class RequestAttachment(models.Model):
    request = models.ForeignKey(EngagementRequest, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path)
    original_name = models.CharField(max_length=200)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.original_name


class IntakeReview(models.Model):
    """The organisation's three questions (docs/domain/request-loop.md#steps), each with an answer and a reason."""

    class Decision(models.TextChoices):
        ACCEPT = "accept", _("Aannemen")
        CHANGES = "changes", _("Aanpassing vragen")
        DECLINE = "decline", _("Afwijzen")

    request = models.ForeignKey(EngagementRequest, on_delete=models.CASCADE, related_name="intake_reviews")
    fits_mission = models.BooleanField(_("past de vraag bij onze missie?"))
    fits_mission_reason = models.TextField(_("toelichting"))
    has_expertise = models.BooleanField(_("hebben wij de deskundigheid?"))
    has_expertise_reason = models.TextField(_("toelichting"))
    conditions_ok = models.BooleanField(_("zijn de voorwaarden goed (eerlijke betaling, psychologische veiligheid)?"))
    conditions_ok_reason = models.TextField(_("toelichting"))
    decision = models.CharField(_("besluit"), max_length=10, choices=Decision.choices)
    # Accepting despite a "no" is an explicit exception with its own reason (rules.intake_problems).
    override = models.BooleanField(_("aangenomen ondanks een nee"), default=False)
    override_reason = models.TextField(_("waarom toch aannemen?"), blank=True)
    message = models.TextField(_("bericht aan de vrager"), blank=True)
    reviewed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reviewed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-reviewed_at"]

    def __str__(self) -> str:
        return f"{self.request}: {self.get_decision_display()}"


class Invitation(models.Model):
    """An invitation to one expert; the expert decides freely (a reason is optional)."""

    class State(models.TextChoices):
        PENDING = "pending", _("Wacht op antwoord")
        ACCEPTED = "accepted", _("Ja")
        DECLINED = "declined", _("Nee")
        EXPIRED = "expired", _("Verlopen")
        WITHDRAWN = "withdrawn", _("Ingetrokken")

    request = models.ForeignKey(EngagementRequest, on_delete=models.CASCADE, related_name="invitations")
    expert = models.ForeignKey("experts.ExpertProfile", on_delete=models.PROTECT, related_name="invitations")
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    state = models.CharField(max_length=20, choices=State.choices, default=State.PENDING)
    message = models.TextField(_("persoonlijk bericht"), blank=True)
    reason = models.TextField(_("reden (niet verplicht)"), blank=True)
    # Optional safety net (vangnet) contact named for this expert on this assignment.
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    reminded_at = models.DateTimeField(null=True, blank=True)
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [models.UniqueConstraint(fields=["request", "expert"], name="invitation_unique_expert")]
        indexes = [models.Index(fields=["state", "expires_at"]), models.Index(fields=["expert", "state"])]

    def __str__(self) -> str:
        return f"{self.expert} → {self.request}"


class Agreement(models.Model):
    """The collaboration agreement (samenwerkingsafspraken) and the quote to the asker."""

    request = models.OneToOneField(EngagementRequest, on_delete=models.CASCADE, related_name="agreement")
    communication = models.TextField(_("communicatie"))
    time_and_pay = models.TextField(_("tijd en betaling"))
    tasks_and_roles = models.TextField(_("taken en rollen"))
    expectations = models.TextField(_("wat verwachten we van elkaar"))
    participation_needs = models.TextField(_("wat mensen nodig hebben om mee te doen"), blank=True)
    safety_net_contact = models.CharField(_("vangnet: wie kunnen de ervaringsdeskundigen bellen?"), max_length=200)
    meeting_chair = models.CharField(_("onafhankelijke gespreksleider"), max_length=200, blank=True)
    hourly_rate = models.DecimalField(_("tarief per uur"), max_digits=8, decimal_places=2)
    hours = models.DecimalField(_("uren in totaal"), max_digits=7, decimal_places=1)
    # Besides hours × rate: a flat amount per half-day (dagdeel), e.g. for a training day.
    half_day_rate = models.DecimalField(
        _("vast bedrag per dagdeel"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    half_days = models.DecimalField(_("dagdelen in totaal"), max_digits=5, decimal_places=1, null=True, blank=True)
    first_assignment_discount = models.BooleanField(
        _("eerste opdracht zonder kosten, met evaluatie van de prijs achteraf"), default=False
    )
    vat_rate = models.DecimalField(_("btw-percentage"), max_digits=4, decimal_places=1, default=0)
    drafted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    drafted_at = models.DateTimeField(auto_now_add=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Afspraken: {self.request}"


class Session(models.Model):
    """A meeting or day of the deployment, for the calendar (.ics)."""

    request = models.ForeignKey(EngagementRequest, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("wat"), max_length=200)
    starts_at = models.DateTimeField(_("begint"))
    ends_at = models.DateTimeField(_("eindigt"))
    location = models.CharField(_("waar"), max_length=300, blank=True)
    uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)

    class Meta:
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="session_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.title


class AuditEvent(models.Model):
    """Who did what to a request, and when."""

    request = models.ForeignKey(EngagementRequest, on_delete=models.CASCADE, related_name="audit")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    verb = models.CharField(max_length=40)
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.request}: {self.verb}"


class CalendarFeed(models.Model):
    """A person's private calendar feed: a secret URL a calendar app can subscribe to without logging in.

    The token can be renewed at any time, which makes the old URL stop working.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed")
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("agenda-koppeling")
        verbose_name_plural = _("agenda-koppelingen")

    def __str__(self) -> str:
        return str(self.user)

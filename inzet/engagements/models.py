"""Requests from askers, the organisation's intake, invitations, agreements, sessions and the audit trail."""

import json
import uuid
from pathlib import Path

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from inzet.engagements.plausibility import SessionKind, SessionWarning, session_warnings
from inzet.engagements.rules import Status
from inzet.experts.models import RewardForm
from inzet.lib.crypto import EncryptedCharField, EncryptedTextField
from inzet.taxonomy.fields import term_field, terms_field


class RequestStatus(models.TextChoices):
    DRAFT = Status.DRAFT, _("Nog niet verstuurd")
    SUBMITTED = Status.SUBMITTED, _("Verstuurd")
    INTAKE = Status.INTAKE, _("In behandeling")
    CHANGES_REQUESTED = Status.CHANGES_REQUESTED, _("Aanpassing gevraagd")
    DECLINED = Status.DECLINED, _("Afgewezen")
    MATCHING = Status.MATCHING, _("Zoeken naar ervaringsdeskundigen")
    AGREED = Status.AGREED, _("Afgesproken")
    RUNNING = Status.RUNNING, _("Bezig")
    COMPLETED = Status.COMPLETED, _("Afgerond")
    CANCELLED = Status.CANCELLED, _("Geannuleerd")


class DecisionRole(models.TextChoices):
    THINK_TANK = "think_tank", _("Denktank: de ervaringsdeskundigen adviseren, de vrager beslist")
    PARTNER = "partner", _("Volwaardig partner: samen beslissen")


# The reward choices as an asker reads them: the shared label "Geld op mijn bankrekening" speaks for
# the expert, so an asker would be offering money to their own bank account.
OFFERED_REWARD_LABELS = {RewardForm.BANK_TRANSFER: _("Geld op de bankrekening van de ervaringsdeskundige")}


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
    role = term_field("role", _("rol"))
    practice_setting = term_field("practice_setting", _("praktijk"))
    structural = models.BooleanField(_("het gaat om werk voor langere tijd"), default=False)
    # Who the experts speak for, and the stage of involvement (docs/domain/reference-lists.md).
    represented_group = models.CharField(
        _("welke groep vertegenwoordigen de ervaringsdeskundigen?"), max_length=300, blank=True
    )
    policy_phase = term_field("policy_phase", _("fase van het beleid"))
    research_rung = term_field("research_rung", _("rol in onderzoek"))
    influence = term_field("influence", _("hoeveel invloed"))
    decision_role = models.CharField(_("rol bij besluiten"), max_length=20, choices=DecisionRole.choices, blank=True)
    who_decides = models.CharField(_("wie beslist uiteindelijk?"), max_length=300, blank=True)
    expected_result = models.TextField(_("wat is het verwachte resultaat?"), blank=True)
    experience_areas = terms_field("experience_area", _("ervaringsgebieden"))
    competences = terms_field("competence", _("competenties"))
    min_level = term_field("level", _("minimaal niveau"))
    languages = terms_field("language", _("talen"))
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
    preparation_hours = models.DecimalField(
        _("voorbereiding per persoon (uur)"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    travel_hours = models.DecimalField(
        _("reistijd per persoon (uur)"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    getting_to_know = models.BooleanField(
        _("eerst een kennismaking"),
        default=False,
        help_text=_("Een kort gesprek om elkaar te leren kennen voordat het werk begint."),
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

    @property
    def reward_form_offered_display(self) -> str:
        """The reward as the asker offers it: the choice label says "mijn bankrekening" (the expert's view)."""
        return str(OFFERED_REWARD_LABELS.get(self.reward_form) or self.get_reward_form_display())


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


class InvitationNeed(models.TextChoices):
    """What an expert needs to do this assignment ("Wat heb jij nodig om dit te kunnen doen?")."""

    DUO = "duo", _("Samen met een duo-partner")
    SAFETY_NET = "safety_net", _("Een vangnet: iemand om na afloop mee te praten")
    INTERPRETER = "interpreter", _("Een tolk (bijvoorbeeld gebarentaal)")
    TRANSPORT = "transport", _("Vervoer")
    QUIET_ROOM = "quiet_room", _("Een rustige ruimte")
    PAPERS_IN_ADVANCE = "papers_in_advance", _("De stukken van tevoren")
    OTHER = "other", _("Iets anders")


class InvitationNeeds(models.Model):
    """What one expert needs for one assignment, stated when saying yes.

    Special category (it can tell about health): the choices and every free text are encrypted.
    The coordinator sees it; the asker only when the expert ticks `share_with_asker`, and then only
    the practical needs (never the safety-net person or when to call them).
    """

    invitation = models.OneToOneField(Invitation, on_delete=models.CASCADE, related_name="needs")
    kinds = EncryptedTextField(_("wat ik nodig heb"), blank=True)  # JSON list of InvitationNeed codes
    duo_partner = EncryptedCharField(_("met wie wil ik samen werken?"), blank=True)
    safety_net_person = EncryptedCharField(_("mijn vangnet: wie?"), blank=True)
    safety_net_when = EncryptedTextField(_("wanneer bellen na een zware bijeenkomst?"), blank=True)
    other = EncryptedTextField(_("wat ik nog meer nodig heb, in mijn eigen woorden"), blank=True)
    share_with_asker = models.BooleanField(_("de vrager mag zien wat ik nodig heb"), default=False)
    stated_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("wat de ervaringsdeskundige nodig heeft")
        verbose_name_plural = _("wat de ervaringsdeskundigen nodig hebben")

    def __str__(self) -> str:
        return f"{self.invitation}"

    @property
    def kind_list(self) -> list[str]:
        return [code for code in (json.loads(self.kinds) if self.kinds else []) if code in InvitationNeed.values]

    @property
    def kind_labels(self) -> list[str]:
        return [str(InvitationNeed(code).label) for code in self.kind_list]

    @property
    def is_empty(self) -> bool:
        return not self.kind_list and not self.other.strip()


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
        _("eerste opdracht zonder kosten; achteraf bekijken we samen de prijs"), default=False
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


class AgreementVersion(models.Model):
    """One version of the agreement and quote as the asker saw it; the history is never changed.

    The asker may ask for changes to a version, with a reason; the coordinator then saves a new
    version, which the asker can accept.
    """

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("versie"))
    data = models.JSONField(encoder=DjangoJSONEncoder)  # the agreement's fields and the quote total
    saved_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    saved_at = models.DateTimeField(auto_now_add=True)
    change_reason = models.TextField(_("wat wilt u anders?"), blank=True)
    change_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    change_requested_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("versie van de afspraken")
        verbose_name_plural = _("versies van de afspraken")
        ordering = ["agreement", "number"]
        constraints = [models.UniqueConstraint(fields=["agreement", "number"], name="agreement_version_unique")]

    def __str__(self) -> str:
        return f"{self.agreement_id} v{self.number}"


class Session(models.Model):
    """A meeting or day of the deployment, for the calendar (.ics)."""

    class Kind(models.TextChoices):
        WHOLE_TEAM = SessionKind.WHOLE_TEAM, _("Met het hele team (vrager en ervaringsdeskundigen)")
        EXPERTS_ONLY = SessionKind.EXPERTS_ONLY, _("Alleen de ervaringsdeskundigen")
        ONE_TO_ONE = SessionKind.ONE_TO_ONE, _("Een-op-een gesprek")

    request = models.ForeignKey(EngagementRequest, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("wat"), max_length=200)
    kind = models.CharField(_("soort bijeenkomst"), max_length=20, choices=Kind.choices, default=Kind.WHOLE_TEAM)
    chair = models.CharField(_("onafhankelijke gespreksleider"), max_length=200, blank=True)
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

    @property
    def warnings(self) -> list[str]:
        minutes = int((self.ends_at - self.starts_at).total_seconds() // 60)
        texts = {
            SessionWarning.TOO_SHORT: _("Een bijeenkomst met het hele team duurt minstens 2 uur."),
            SessionWarning.NO_CHAIR: _("Een bijeenkomst met het hele team heeft een onafhankelijke gespreksleider."),
        }
        return [str(texts[w]) for w in session_warnings(kind=self.kind, minutes=minutes, chair=self.chair)]


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


class Referral(models.Model):
    """With brokerage off: an asker's question to an organisation, which takes it on (or not) outside Inzet's flow."""

    class State(models.TextChoices):
        SENT = "sent", _("Verstuurd, wacht op antwoord")
        TAKEN_ON = "taken_on", _("De organisatie pakt het op")
        NOT_TAKEN = "not_taken", _("De organisatie pakt het niet op")

    asker_organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="referrals_made"
    )
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="referrals_received"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    question = models.TextField(_("uw vraag"))
    contact = models.CharField(_("hoe kan de organisatie u bereiken?"), max_length=200)
    state = models.CharField(max_length=20, choices=State.choices, default=State.SENT)
    answer = models.TextField(_("antwoord aan de vrager"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("doorverwijzing")
        verbose_name_plural = _("doorverwijzingen")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["organisation", "state"])]

    def __str__(self) -> str:
        return f"{self.asker_organisation} → {self.organisation}"


class Introduction(models.Model):
    """The optional kennismaking before the work starts (asked on the request: `getting_to_know`)."""

    request = models.OneToOneField(EngagementRequest, on_delete=models.CASCADE, related_name="introduction")
    starts_at = models.DateTimeField(_("begint"))
    ends_at = models.DateTimeField(_("eindigt"))
    online = models.BooleanField(_("online"), default=False)
    location = models.CharField(_("waar"), max_length=300, blank=True)
    link = models.URLField(_("link voor het online gesprek"), blank=True)
    coordinator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("coördinator")
    )
    planned_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    planned_at = models.DateTimeField(auto_now=True)
    uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="introduction_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return f"{_('Kennismaking')}: {self.request}"


class IntroductionOutcome(models.Model):
    """Go or no-go after the kennismaking, per side: the asker (no invitation) or one expert."""

    introduction = models.ForeignKey(Introduction, on_delete=models.CASCADE, related_name="outcomes")
    invitation = models.ForeignKey(Invitation, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    go = models.BooleanField()
    reason = models.TextField(_("reden"), blank=True)  # for the coordinators only
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["introduction", "invitation"],
                condition=models.Q(invitation__isnull=False),
                name="introduction_outcome_per_expert",
            ),
            models.UniqueConstraint(
                fields=["introduction"],
                condition=models.Q(invitation__isnull=True),
                name="introduction_outcome_asker_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.introduction_id}: {'go' if self.go else 'no-go'}"

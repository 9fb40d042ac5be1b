"""A funder's read-only access to one evaluation report, and the log of its use."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from inzet.lib.crypto import EncryptedCharField, EncryptedTextField


def new_token() -> str:
    return secrets.token_urlsafe(32)


class ReportGrant(models.Model):
    """One report (organisation or team, fixed period) that one funder may read through a secret link.

    A link rather than an account: a funder reads one report a year and holds no role in the
    organisation. The report holds only counts and sums (small counts hidden), never a person.
    The coordinator can revoke the link at any time; it also ends on `expires_on`.
    """

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    team = models.ForeignKey(
        "neighbourhood.Team",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("wijkteam"),
    )
    funder = models.CharField(_("financier"), max_length=200, help_text=_("Bijvoorbeeld: Gemeente Utrecht."))
    period_start = models.DateField(_("periode van"))
    period_end = models.DateField(_("periode tot en met"))
    expires_on = models.DateField(_("link werkt tot en met"))
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("inzage voor een financier")
        verbose_name_plural = _("inzages voor financiers")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")), name="report_grant_period_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.funder} ({self.period_start} – {self.period_end})"


class ReportGrantAccess(models.Model):
    """Each time the funder's link is opened: which report and when, nothing else."""

    grant = models.ForeignKey(ReportGrant, on_delete=models.CASCADE, related_name="accesses")
    item = models.CharField(max_length=20)  # page, pdf or xlsx
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.grant_id}: {self.item} {self.at:%Y-%m-%d %H:%M}"


class Story(models.Model):
    """A story of what the work meant, told by an expert, a resident (through their expert) or a partner.

    Used only for the purposes the teller consented to (the report, the website), anonymised unless
    the teller chose to be named. Withdrawing consent empties the text and takes the story out of
    every report at once; the consent record (who, when, for what) stays as proof.
    """

    class Teller(models.TextChoices):
        EXPERT = "expert", _("Ervaringsdeskundige (ikzelf)")
        RESIDENT = "resident", _("Bewoner of deelnemer (ik schrijf het op namens hem of haar)")
        PARTNER = "partner", _("Samenwerkingspartner")

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    teller = models.CharField(_("wie vertelt het verhaal?"), max_length=20, choices=Teller.choices)
    title = EncryptedCharField(_("titel"))
    text = EncryptedTextField(_("het verhaal"))
    anonymous = models.BooleanField(
        _("anoniem gebruiken"), default=True, help_text=_("Zonder naam. Laat dit aan staan als u twijfelt.")
    )
    name_shown = EncryptedCharField(_("naam bij het verhaal (alleen als het niet anoniem is)"), blank=True)
    for_report = models.BooleanField(_("mag in het evaluatierapport voor financiers"), default=False)
    for_website = models.BooleanField(_("mag op de website van de organisatie"), default=False)
    consent_at = models.DateTimeField()
    approved_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    request_key = models.UUIDField(unique=True)

    class Meta:
        verbose_name = _("verhaal")
        verbose_name_plural = _("verhalen")
        ordering = ["-consent_at", "-pk"]

    def __str__(self) -> str:
        return f"#{self.pk}"

    @property
    def withdrawn(self) -> bool:
        return self.withdrawn_at is not None


class Reflection(models.Model):
    """A short structured look back after a meeting, a case talk, a closure or an assignment (004 l.1995–2003).

    Read by the writer and the coordinators of the organisation; the report counts them, never quotes them.
    """

    class Occasion(models.TextChoices):
        TEAM_MEETING = "team_meeting", _("Teamoverleg")
        CASE_MEETING = "case_meeting", _("Casusoverleg")
        INTERVISION = "intervision", _("Intervisie")
        TRAJECTORY_CLOSED = "trajectory_closed", _("Afsluiting van een traject")
        ASSIGNMENT = "assignment", _("Opdracht")

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    occasion = models.CharField(_("na welk moment?"), max_length=20, choices=Occasion.choices)
    meeting = models.ForeignKey(
        "support.Meeting",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("welke bijeenkomst?"),
    )
    held_on = models.DateField(_("datum"))
    went_well = EncryptedTextField(_("wat ging goed?"))
    was_hard = EncryptedTextField(_("wat was moeilijk?"))
    we_learn = EncryptedTextField(_("wat leren we ervan?"))
    created_at = models.DateTimeField(auto_now_add=True)
    request_key = models.UUIDField(unique=True)

    class Meta:
        verbose_name = _("terugblik")
        verbose_name_plural = _("terugblikken")
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_occasion_display()} {self.held_on}"


# --- Closing a request, both ways (#14 item 1) ------------------------------------------------------


class StigmaWord(models.Model):
    """A word that holds a remark for a coordinator's check (stigmatising or about health).

    Operators keep the list (`/evaluatie/feedback/woorden/`); the Dutch starting list comes from
    a data migration. A match never refuses a remark by itself: a person decides.
    """

    word = models.CharField(_("woord"), max_length=60, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("woord om op te letten")
        verbose_name_plural = _("woorden om op te letten")
        ordering = ["word"]

    def __str__(self) -> str:
        return self.word


class Moderation(models.TextChoices):
    PENDING = "pending", _("Wacht op controle")
    APPROVED = "approved", _("Goedgekeurd")
    REFUSED = "refused", _("Geweigerd")


class Scale(models.IntegerChoices):
    """A five-point scale, worded plainly (B1)."""

    VERY_BAD = 1, _("Heel slecht")
    BAD = 2, _("Slecht")
    NEUTRAL = 3, _("Gaat wel")
    GOOD = 4, _("Goed")
    VERY_GOOD = 5, _("Heel goed")


class Moderated(models.Model):
    """What both kinds of feedback share: the coordinator's check before anyone else sees it, and the
    key that makes a double submit store it once."""

    flagged = models.TextField(blank=True)  # words of the list found in the texts (list words, not content)
    state = models.CharField(max_length=10, choices=Moderation.choices, default=Moderation.PENDING)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moderated_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    request_key = models.UUIDField(unique=True)

    class Meta:
        abstract = True


class AskerFeedback(Moderated):
    """The asker's answers when a request is completed (001 l.4204–4208, 002 l.413).

    The follow-up (what was done with the experts' input) goes to the experts once a coordinator
    approved it. Texts can tell about people: encrypted.
    """

    class Price(models.TextChoices):
        LOWER = "lower", _("Lager dan verwacht")
        FAIR = "fair", _("Redelijk")
        HIGHER = "higher", _("Hoger dan verwacht")
        NOT_APPLICABLE = "n_a", _("Niet van toepassing")

    request = models.OneToOneField(
        "engagements.EngagementRequest", on_delete=models.CASCADE, related_name="asker_feedback"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    goal_met = models.PositiveSmallIntegerField(_("is het doel bereikt?"), choices=Scale.choices)
    cooperation = models.PositiveSmallIntegerField(_("hoe ging de samenwerking?"), choices=Scale.choices)
    follow_up = EncryptedTextField(_("wat heeft u gedaan met de inbreng van de ervaringsdeskundigen?"))
    price = models.CharField(
        _("wat vindt u van de prijs, na een eerste opdracht zonder kosten?"),
        max_length=10,
        choices=Price.choices,
        default=Price.NOT_APPLICABLE,
    )
    remarks = EncryptedTextField(_("wat wilt u verder nog kwijt?"), blank=True)

    class Meta:
        verbose_name = _("terugkoppeling van de vrager")
        verbose_name_plural = _("terugkoppelingen van vragers")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(goal_met__gte=1, goal_met__lte=5, cooperation__gte=1, cooperation__lte=5),
                name="evaluation_asker_feedback_scale",
            )
        ]
        indexes = [models.Index(fields=["state", "request"])]

    def __str__(self) -> str:
        return f"#{self.request_id}"


class ExpertFeedback(Moderated):
    """One expert's rating of the asker when a request is completed: conditions, safety, payment."""

    class Paid(models.TextChoices):
        YES = "yes", _("Ja")
        PARTLY = "partly", _("Gedeeltelijk")
        NO = "no", _("Nee")
        NOT_YET = "not_yet", _("Nog niet")

    request = models.ForeignKey("engagements.EngagementRequest", on_delete=models.CASCADE, related_name="+")
    expert = models.ForeignKey("experts.ExpertProfile", on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    conditions = models.PositiveSmallIntegerField(
        _("hoe waren de voorwaarden en de begeleiding?"), choices=Scale.choices
    )
    safety = models.PositiveSmallIntegerField(_("voelde u zich veilig om uw ervaring te delen?"), choices=Scale.choices)
    paid = models.CharField(_("bent u betaald zoals afgesproken?"), max_length=10, choices=Paid.choices)
    remarks = EncryptedTextField(_("wat wilt u verder nog kwijt?"), blank=True)

    class Meta:
        verbose_name = _("terugkoppeling van een ervaringsdeskundige")
        verbose_name_plural = _("terugkoppelingen van ervaringsdeskundigen")
        constraints = [
            models.UniqueConstraint(fields=["request", "expert"], name="evaluation_expert_feedback_once"),
            models.CheckConstraint(
                condition=models.Q(conditions__gte=1, conditions__lte=5, safety__gte=1, safety__lte=5),
                name="evaluation_expert_feedback_scale",
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.request_id} {self.expert_id}"


class CostItem(models.TextChoices):
    """The cost items of a project budget (004 l.2100–2168)."""

    STAFF = "staff", _("Personeel: projectleiding, ondersteuning, pr")
    EXPERTS = "experts", _("Vergoedingen ervaringsdeskundigen")
    OTHER_STAFF = "other_staff", _("Overige personeelskosten: scholing, reizen, attenties")
    FURNISHING = "furnishing", _("Inrichting")
    HOUSING = "housing", _("Huisvesting, telefoon, ICT en kantoor")
    INSURANCE = "insurance", _("Verzekeringen en belastingen")
    OVERHEAD = "overhead", _("Bestuur en bijdrage in de overhead")
    ACTIVITIES = "activities", _("Activiteiten en materialen")


class BudgetLine(models.Model):
    """The budget of one cost item for one organisation and year, and what was spent (from the books).

    Entered by a coordinator. What experts were paid is known in Inzet: the report reads it from the
    payments, not from `spent`.
    """

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("jaar"))
    cost_item = models.CharField(_("kostenpost"), max_length=20, choices=CostItem.choices)
    budget = models.DecimalField(_("begroot (euro)"), max_digits=12, decimal_places=2, default=0)
    spent = models.DecimalField(_("uitgegeven (euro)"), max_digits=12, decimal_places=2, null=True, blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("begrotingsregel")
        verbose_name_plural = _("begrotingsregels")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year", "cost_item"], name="evaluation_budget_line_once"),
            models.CheckConstraint(condition=models.Q(budget__gte=0), name="evaluation_budget_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} {self.year} {self.cost_item}"

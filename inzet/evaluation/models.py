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

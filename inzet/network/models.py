"""The field around the work: the social map, events and quality marks.

Partners here are organisations a coordinator or resident may be referred to; they need no account
on the platform. Neighbourhood trajectories pick their partners from this list (selectors.py).
"""

import uuid
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from inzet.lib.crypto import EncryptedTextField


class Partner(models.Model):
    """An organisation on the social map."""

    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Gemeente of loket")
        WELFARE = "welfare", _("Welzijn en buurtwerk")
        CARE = "care", _("Zorg en ondersteuning")
        CLIENT = "client", _("Cliënten- of belangenorganisatie")
        SELF_HELP = "self_help", _("Zelfhulp en lotgenoten")
        WORK = "work", _("Werk en dagbesteding")
        EDUCATION = "education", _("Onderwijs en scholing")
        MONEY = "money", _("Geld en schulden")
        OTHER = "other", _("Anders")

    name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    target_groups = models.CharField(
        _("voor wie"), max_length=300, blank=True, help_text=_("Bijvoorbeeld: jongeren, mensen met schulden")
    )
    area = models.CharField(_("gebied"), max_length=200, blank=True, help_text=_("Wijk, gemeente of regio"))
    postcode = models.CharField(
        _("postcode"), max_length=7, blank=True, help_text=_("Voor de kaart: de 4 cijfers zijn genoeg")
    )
    services = models.TextField(_("wat bieden zij"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    address = models.CharField(_("adres"), max_length=300, blank=True)
    accessibility = models.TextField(
        _("toegankelijkheid"),
        blank=True,
        help_text=_("Bijvoorbeeld: rolstoeltoegankelijk, ringleiding, prikkelarme ruimte"),
    )
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="network_partners",
        verbose_name=_("organisatie op het platform"),
    )
    is_active = models.BooleanField(_("op de kaart"), default=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("organisatie op de sociale kaart")
        verbose_name_plural = _("sociale kaart")
        ordering = ["area", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def pc4(self) -> str:
        digits = "".join(ch for ch in self.postcode if ch.isdigit())
        return digits[:4] if len(digits) >= 4 else ""


class Event(models.Model):
    """A meeting between askers and experts, an inspiration day, an open day or a symposium."""

    class Kind(models.TextChoices):
        MEETING = "meeting", _("Ontmoeting van vragers en ervaringsdeskundigen")
        INSPIRATION = "inspiration", _("Inspiratiedag")
        OPEN_DAY = "open_day", _("Open dag")
        SYMPOSIUM = "symposium", _("Symposium")

    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("beschrijving"), blank=True)
    starts_at = models.DateTimeField(_("begint"))
    ends_at = models.DateTimeField(_("eindigt"))
    location = models.CharField(_("plaats"), max_length=300, blank=True)
    accessibility = models.TextField(
        _("toegankelijkheid"),
        blank=True,
        help_text=_("Bijvoorbeeld: rolstoeltoegankelijk, ringleiding, tolk gebarentaal"),
    )
    capacity = models.PositiveIntegerField(_("aantal plaatsen"), null=True, blank=True, help_text=_("Leeg: geen grens"))
    is_published = models.BooleanField(_("openbaar"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        ordering = ["starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="network_event_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Registration(models.Model):
    """One person's sign-up, with or without an account. Needs are special-category: encrypted."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Aangemeld")
        WAITING = "waiting", _("Op de wachtlijst")
        CANCELLED = "cancelled", _("Afgemeld")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="event_registrations"
    )
    full_name = models.CharField(_("naam"), max_length=200)
    email = models.EmailField(_("e-mailadres"))
    needs = EncryptedTextField(_("wat heeft u nodig om mee te doen?"), blank=True)
    share_consent = models.BooleanField(_("mijn naam mag op de deelnemerslijst voor andere deelnemers"), default=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    attended = models.BooleanField(_("aanwezig"), null=True, blank=True)
    # Only the hash of the personal link is stored.
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    promoted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        ordering = ["created_at", "pk"]
        # One sign-up per address per event: signing up again finds the first one.
        constraints = [models.UniqueConstraint(fields=["event", "email"], name="network_registration_once")]

    def __str__(self) -> str:
        return f"#{self.pk}"


class ReadLog(models.Model):
    """Who opened which person's sign-up details (needs), and when. Never the content."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="read_log")
    item = models.CharField(max_length=40)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("inzage aanmelding")
        verbose_name_plural = _("inzage aanmeldingen")

    def __str__(self) -> str:
        return f"{self.item} #{self.registration_id}"


def evidence_path(instance, filename: str) -> str:
    # Never the uploaded file name on disk; the original name is kept in the row for downloads.
    return f"network/evidence/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class Scheme(models.Model):
    """A quality mark scheme, defined by the operator: what is assessed, on what evidence, by whom, how long."""

    name = models.CharField(_("naam"), max_length=200)
    description = models.TextField(_("uitleg"), blank=True)
    criteria = models.TextField(_("criteria"))
    evidence_required = models.TextField(_("gevraagd bewijs"))
    assessor = models.CharField(
        _("wie beoordeelt"), max_length=300, help_text=_("Altijd iemand anders dan de aanvrager")
    )
    validity_months = models.PositiveSmallIntegerField(_("geldig (maanden)"), default=24)
    is_active = models.BooleanField(_("in gebruik"), default=True)

    class Meta:
        verbose_name = _("keurmerk")
        verbose_name_plural = _("keurmerken")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Award(models.Model):
    """An application for a mark and, after assessment by someone else, the mark with its dates."""

    class Status(models.TextChoices):
        APPLIED = "applied", _("Aangevraagd")
        AWARDED = "awarded", _("Toegekend")
        REFUSED = "refused", _("Niet toegekend")

    scheme = models.ForeignKey(Scheme, on_delete=models.PROTECT, related_name="awards", verbose_name=_("keurmerk"))
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="awards", verbose_name=_("organisatie"))
    scope = models.CharField(
        _("voor welke dienst"), max_length=300, blank=True, help_text=_("Leeg: voor de hele organisatie")
    )
    applicant = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    applied_at = models.DateTimeField(auto_now_add=True)
    evidence = models.FileField(_("bewijs"), upload_to=evidence_path, blank=True)
    evidence_name = models.CharField(max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.APPLIED)
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    assessment = models.TextField(_("beoordeling"), blank=True)
    assessed_on = models.DateField(_("beoordeeld op"), null=True, blank=True)
    valid_from = models.DateField(_("geldig vanaf"), null=True, blank=True)
    valid_until = models.DateField(_("geldig tot en met"), null=True, blank=True)

    class Meta:
        verbose_name = _("toekenning keurmerk")
        verbose_name_plural = _("toekenningen keurmerk")
        ordering = ["-applied_at", "-pk"]
        constraints = [
            # The seed warns against labels without a real assessment: never by the applicant.
            models.CheckConstraint(
                condition=models.Q(assessor__isnull=True) | ~models.Q(assessor=models.F("applicant")),
                name="network_award_assessed_by_someone_else",
            )
        ]

    def __str__(self) -> str:
        return f"{self.scheme} – {self.partner}"

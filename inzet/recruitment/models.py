"""Recruitment: a public application page per deploying organisation, a configurable selection
pipeline, applications and the decision taken at each stage (docs/domain/recruitment.md).

Motivation, transcripts and stage notes can touch on someone's health and recovery, so they are
encrypted at rest. Motivation files are stored under random names and served only through a
permission-checked view.
"""

import uuid
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from inzet.lib.crypto import EncryptedTextField

# How long closed applications are kept (told to the applicant in the consent text).
RETENTION_DAYS = 365


class RecruitmentPage(models.Model):
    """What an organisation tells applicants up front: duration, time, activities, requirements."""

    organisation = models.OneToOneField(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="recruitment_page"
    )
    is_open = models.BooleanField(
        _("open voor aanmeldingen"),
        default=True,
        help_text=_("Uit: mensen zien een vriendelijke melding dat aanmelden nu niet kan."),
    )
    intro = models.TextField(_("inleiding"), blank=True, help_text=_("Wie zoekt u, en waarom?"))
    duration = models.CharField(
        _("hoe lang"), max_length=200, blank=True, help_text=_("Bijvoorbeeld: minstens 1 jaar.")
    )
    time_investment = models.CharField(
        _("hoeveel tijd"), max_length=200, blank=True, help_text=_("Bijvoorbeeld: 4 uur per week, overdag.")
    )
    activities = models.TextField(_("wat gaat u doen"), blank=True)
    requirements = models.TextField(_("wat vragen wij"), blank=True)
    compensation = models.TextField(_("vergoeding"), blank=True)
    # For the printed vacancy and flyer (offline channels: flyer, poster, local paper).
    offer = models.TextField(
        _("wat wij bieden"), blank=True, help_text=_("Bijvoorbeeld: een training, een stage of een vaste plek.")
    )
    contact_name = models.CharField(_("contactpersoon"), max_length=200, blank=True)
    contact_phone = models.CharField(_("telefoon contactpersoon"), max_length=30, blank=True)
    contact_email = models.EmailField(_("e-mail contactpersoon"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("wervingspagina")
        verbose_name_plural = _("wervingspagina's")

    def __str__(self) -> str:
        return str(self.organisation)


class PipelineStage(models.Model):
    """One step of an organisation's selection. Passing the last step makes someone an expert."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="pipeline_stages"
    )
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("naam"), max_length=100)
    can_skip = models.BooleanField(_("mag overgeslagen worden"), default=False)

    class Meta:
        verbose_name = _("selectiestap")
        verbose_name_plural = _("selectiestappen")
        ordering = ["organisation", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["organisation", "code"], name="stage_unique_code")]

    def __str__(self) -> str:
        return self.name


class Channel(models.TextChoices):
    SOCIAL_MEDIA = "social_media", _("Sociale media (zoals LinkedIn of Facebook)")
    INTEREST_ORGANISATION = "interest_organisation", _("Een belangenorganisatie of cliëntenorganisatie")
    WORD_OF_MOUTH = "word_of_mouth", _("Iemand die ik ken")
    WEBSITE = "website", _("Een website")
    REFERRER = "referrer", _("Een zorgverlener of hulpverlener")
    COORDINATOR = "coordinator", _("Een coördinator heeft mij aangemeld")
    FLYER = "flyer", _("Een flyer")
    POSTER = "poster", _("Een poster")
    LOCAL_PAPER = "local_paper", _("De buurtkrant of een lokale krant")
    OTHER = "other", _("Anders")


class PreferredContact(models.TextChoices):
    EMAIL = "email", _("Per e-mail")
    PHONE = "phone", _("Bellen")
    TEXT_MESSAGE = "text_message", _("Sms of WhatsApp")


class ApplicationStatus(models.TextChoices):
    OPEN = "open", _("Loopt")
    ACCEPTED = "accepted", _("Aangenomen: ervaringsdeskundige")
    DECLINED = "declined", _("Niet aangenomen")
    WITHDRAWN = "withdrawn", _("Teruggetrokken")


class FileKind(models.TextChoices):
    AUDIO = "audio", _("geluid")
    VIDEO = "video", _("video")
    DOCUMENT = "document", _("document")


def motivation_path(instance, filename: str) -> str:
    # Never the applicant's file name on disk; the original name is kept in the row for downloads.
    return f"recruitment/{instance.organisation_id}/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class Application(models.Model):
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="applications"
    )
    full_name = models.CharField(_("naam"), max_length=200)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    preferred_contact = models.CharField(
        _("contact via"), max_length=20, choices=PreferredContact.choices, default=PreferredContact.EMAIL
    )
    channel = models.CharField(_("hoe gehoord"), max_length=30, choices=Channel.choices)
    channel_other = models.CharField(_("toelichting"), max_length=200, blank=True)

    # Special-category-like: encrypted at rest.
    motivation_text = EncryptedTextField(_("motivatie"), blank=True)
    motivation_in_talk = models.BooleanField(_("vertelt de motivatie liever in een gesprek"), default=False)
    motivation_file = models.FileField(_("bestand"), upload_to=motivation_path, blank=True)
    motivation_file_name = models.CharField(max_length=200, blank=True)
    motivation_file_kind = models.CharField(max_length=10, choices=FileKind.choices, blank=True)
    motivation_file_size = models.PositiveIntegerField(null=True, blank=True)
    motivation_transcript = EncryptedTextField(_("uitgeschreven tekst of notities bij het bestand"), blank=True)

    current_stage = models.ForeignKey(
        PipelineStage, on_delete=models.RESTRICT, related_name="current_applications", verbose_name=_("stap")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.OPEN
    )
    # Set when a coordinator entered the application for someone (motivation told in person).
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("ingevoerd door"),
    )
    consent_at = models.DateTimeField(_("toestemming gegeven op"))
    expert_profile = models.OneToOneField(
        "experts.ExpertProfile",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recruitment_application",
        verbose_name=_("profiel"),
    )
    created_at = models.DateTimeField(_("aangemeld op"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("aanmelding")
        verbose_name_plural = _("aanmeldingen")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["organisation", "status", "current_stage"]),
            models.Index(fields=["status", "updated_at"]),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def is_open(self) -> bool:
        return self.status == ApplicationStatus.OPEN

    @property
    def entered_on_behalf(self) -> bool:
        return self.entered_by_id is not None


class Decision(models.TextChoices):
    # Same codes as inzet.recruitment.rules.Decision.
    PASSED = "passed", _("Gehaald: door naar de volgende stap")
    REPEAT = "repeat", _("Nog een keer: deze stap herhalen")
    SKIPPED = "skipped", _("Overslaan: door naar de volgende stap")
    NOT_PASSED = "not_passed", _("Niet gehaald: de selectie stopt")


class StageDecision(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="decisions")
    stage = models.ForeignKey(PipelineStage, on_delete=models.RESTRICT, related_name="decisions")
    date = models.DateField(_("datum"))
    decision = models.CharField(_("besluit"), max_length=20, choices=Decision.choices)
    notes = EncryptedTextField(_("notities"), blank=True)
    message = EncryptedTextField(_("bericht aan de aanmelder"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("besloten door"),
    )
    email_sent_at = models.DateTimeField(_("e-mail verstuurd op"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("besluit")
        verbose_name_plural = _("besluiten")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.application} – {self.stage}: {self.get_decision_display()}"


class ApplicationQuestion(models.Model):
    """An organisation's own question on its application form (000: the questions you ask are crucial)."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="application_questions"
    )
    text = models.CharField(_("vraag"), max_length=300)
    help_text = models.CharField(_("uitleg bij de vraag"), max_length=300, blank=True)
    required = models.BooleanField(_("verplicht"), default=False)
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    is_active = models.BooleanField(_("staat op het formulier"), default=True)

    class Meta:
        verbose_name = _("aanmeldvraag")
        verbose_name_plural = _("aanmeldvragen")
        ordering = ["organisation", "position", "pk"]

    def __str__(self) -> str:
        return self.text


class ApplicationAnswer(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(ApplicationQuestion, on_delete=models.CASCADE, related_name="answers")
    # Answers may touch on health or recovery: encrypted at rest.
    answer = EncryptedTextField(_("antwoord"), blank=True)

    class Meta:
        verbose_name = _("antwoord op een aanmeldvraag")
        verbose_name_plural = _("antwoorden op aanmeldvragen")
        ordering = ["question__position", "question_id"]
        constraints = [models.UniqueConstraint(fields=["application", "question"], name="answer_once_per_question")]

    def __str__(self) -> str:
        return f"{self.application} – {self.question}"


class IntroTalk(models.Model):
    """The introductory talk (002 TIP 3, 000): how far in recovery, distance, self-insight, learning goals."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="intro_talk")
    date = models.DateField(_("datum"))
    recovery = EncryptedTextField(_("hoe ver in het eigen herstel"), blank=True)
    distance = EncryptedTextField(_("afstand tot de eigen ervaring"), blank=True)
    self_insight = EncryptedTextField(_("zelfinzicht en grenzen"), blank=True)
    learning_goals = EncryptedTextField(_("leerdoelen (van beide kanten)"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("kennismakingsgesprek")
        verbose_name_plural = _("kennismakingsgesprekken")

    def __str__(self) -> str:
        return f"{self.application} – {self.date}"


class ShadowKind(models.TextChoices):
    DAY = "day", _("Meeloopdag")
    HALF_DAY = "half_day", _("Extra dagdeel")


class ShadowDay(models.Model):
    """One shadowing day, or one of the optional extra half-days after the joint evaluation (002 l.251)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="shadow_days")
    date = models.DateField(_("datum"))
    kind = models.CharField(_("soort"), max_length=10, choices=ShadowKind.choices, default=ShadowKind.DAY)
    notes = EncryptedTextField(_("notities"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("meeloopdag")
        verbose_name_plural = _("meeloopdagen")
        ordering = ["date", "pk"]
        constraints = [models.UniqueConstraint(fields=["application", "date", "kind"], name="shadow_day_once")]

    def __str__(self) -> str:
        return f"{self.application} – {self.date}"


class ShadowOutcome(models.TextChoices):
    CONTINUE = "continue", _("Door naar de volgende stap")
    MORE_HALF_DAYS = "more_half_days", _("Nog vijf dagdelen meelopen")
    STOP = "stop", _("We stoppen samen")


class ShadowEvaluation(models.Model):
    """Looking back together after the shadowing days: both sides say how it went."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="shadow_evaluation")
    date = models.DateField(_("datum"))
    applicant_view = EncryptedTextField(_("hoe vond de aanmelder het"), blank=True)
    organisation_view = EncryptedTextField(_("hoe vonden wij het"), blank=True)
    outcome = models.CharField(_("samen besloten"), max_length=20, choices=ShadowOutcome.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("samen terugkijken")
        verbose_name_plural = _("samen terugkijken")

    def __str__(self) -> str:
        return f"{self.application} – {self.get_outcome_display()}"


class ApplicationReadLog(models.Model):
    """Who read which special-category part of an application (the intro talk, shadowing notes, the
    joint evaluation), where, and when. Never the content. Goes with the application when it is erased."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="read_log")
    item = models.CharField(_("gegeven"), max_length=40)
    context = models.CharField(_("waar"), max_length=10)  # page or api
    path = models.CharField(max_length=300, blank=True)
    at = models.DateTimeField(_("wanneer"), auto_now_add=True)

    class Meta:
        verbose_name = _("inzage aanmelding")
        verbose_name_plural = _("inzage aanmeldingen")
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.item} #{self.application_id}"

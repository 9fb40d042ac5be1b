"""The toolkit (articles and Q&A), the asker's readiness checklist and the helpdesk queue."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from inzet.lib.crypto import EncryptedCharField, EncryptedTextField


def _in_language(nl: str, en: str) -> str:
    return en if en and (get_language() or "nl").startswith("en") else nl


class Category(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(_("naam"), max_length=100)
    name_en = models.CharField(_("naam (Engels)"), max_length=100)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("categorie")
        verbose_name_plural = _("categorieën")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return _in_language(self.name, self.name_en)


class Audience(models.TextChoices):
    ASKER = "asker", _("vragers")
    EXPERT = "expert", _("ervaringsdeskundigen")
    COORDINATOR = "coordinator", _("coördinatoren")


class Article(models.Model):
    """One page of the toolkit: a longer article or a short question with its answer."""

    class Kind(models.TextChoices):
        ARTICLE = "article", _("artikel")
        QA = "qa", _("vraag en antwoord")

    slug = models.SlugField(_("adres"), unique=True, max_length=80)
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices, default=Kind.ARTICLE)
    category = models.ForeignKey(
        Category, on_delete=models.PROTECT, related_name="articles", verbose_name=_("categorie")
    )
    title = models.CharField(_("titel"), max_length=200)
    title_en = models.CharField(_("titel (Engels)"), max_length=200)
    summary = models.TextField(_("samenvatting"), max_length=600)
    summary_en = models.TextField(_("samenvatting (Engels)"), max_length=600)
    body = models.TextField(_("tekst"), blank=True)
    body_en = models.TextField(_("tekst (Engels)"), blank=True)
    for_askers = models.BooleanField(_("voor vragers"), default=False)
    for_experts = models.BooleanField(_("voor ervaringsdeskundigen"), default=False)
    for_coordinators = models.BooleanField(_("voor coördinatoren"), default=False)
    unanswered = models.BooleanField(
        _("nog geen antwoord"),
        default=False,
        help_text=_("Zet dit aan als er (nog) geen goed antwoord is op deze vraag. Dat is ook nuttig om te weten."),
    )
    related = models.ManyToManyField("self", blank=True, symmetrical=False, related_name="+", verbose_name=_("zie ook"))
    published = models.BooleanField(_("gepubliceerd"), default=True)
    search_text = models.TextField(default="", editable=False)
    revision_count = models.PositiveIntegerField(default=0, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["category__position", "title"]
        verbose_name = _("artikel")
        verbose_name_plural = _("artikelen")

    def __str__(self) -> str:
        return self.title

    @property
    def display_title(self) -> str:
        return _in_language(self.title, self.title_en)

    @property
    def display_summary(self) -> str:
        return _in_language(self.summary, self.summary_en)

    @property
    def display_body(self) -> str:
        return _in_language(self.body, self.body_en)

    @property
    def audiences(self) -> list:
        flags = ((self.for_askers, Audience.ASKER), (self.for_experts, Audience.EXPERT))
        flags += ((self.for_coordinators, Audience.COORDINATOR),)
        return [audience.label for on, audience in flags if on]


class Source(models.Model):
    """A public page where the reader finds more (a law, a Belastingdienst or UWV page, a report)."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(_("titel"), max_length=200)
    url = models.URLField(_("adres (URL)"), max_length=500)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


def media_path(instance, filename: str) -> str:
    return f"knowledge/{uuid.uuid4().hex}"


class MediaItem(models.Model):
    """Audio or video with an article: uploaded or linked, never without a transcript."""

    class Kind(models.TextChoices):
        AUDIO = "audio", _("geluid")
        VIDEO = "video", _("video")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="media")
    title = models.CharField(_("titel"), max_length=200)
    kind = models.CharField(_("soort"), max_length=10, choices=Kind.choices)
    url = models.URLField(_("link naar de video of het geluid"), max_length=500, blank=True)
    file = models.FileField(_("bestand"), upload_to=media_path, blank=True)
    file_name = models.CharField(max_length=200, blank=True)
    transcript = models.TextField(_("uitgeschreven tekst"))
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(transcript=""), name="knowledge_media_has_transcript"),
        ]

    def __str__(self) -> str:
        return self.title


class Revision(models.Model):
    """The text of an article as it was saved: who changed what, and when."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    title_en = models.CharField(max_length=200)
    summary = models.TextField()
    summary_en = models.TextField()
    body = models.TextField(blank=True)
    body_en = models.TextField(blank=True)
    saved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    saved_at = models.DateTimeField(auto_now_add=True)
    note = models.CharField(_("wat is er veranderd?"), max_length=200, blank=True)

    class Meta:
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["article", "number"], name="knowledge_revision_number")]

    def __str__(self) -> str:
        return f"{self.article_id} #{self.number}"


class ReadinessChecklist(models.Model):
    """An asker organisation's answers to "are we ready to work with experts?" (readiness.py)."""

    organisation = models.OneToOneField(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="readiness_checklist"
    )
    answers = models.JSONField(default=dict)  # {question code: {"answer": "yes"|"partly"|"no"|"unknown", "note": str}}
    treaty_areas = models.ManyToManyField(
        "taxonomy.Term", blank=True, related_name="+", limit_choices_to={"vocabulary": "treaty_area"}
    )
    treaty_note = models.TextField(blank=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return str(self.organisation_id)


class HelpdeskQuestion(models.Model):
    """A question to the helpdesk (vraagverheldering). It informs and refers; it does not broker."""

    class Channel(models.TextChoices):
        WEB = "web", _("website")
        PHONE = "phone", _("telefoon")
        WALK_IN = "walk_in", _("langs geweest")
        MAIL = "mail", _("e-mail")

    class Status(models.TextChoices):
        NEW = "new", _("nieuw")
        ANSWERED = "answered", _("beantwoord")
        REFERRED = "referred", _("doorverwezen")
        REQUEST = "request", _("er is een vraag van gemaakt")
        CLOSED = "closed", _("afgesloten")

    reference = models.CharField(max_length=12, unique=True, editable=False)
    channel = models.CharField(_("hoe binnengekomen"), max_length=10, choices=Channel.choices, default=Channel.WEB)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.NEW)
    # What the person typed may tell about their health or life: encrypted, like lived experience.
    question = EncryptedTextField(_("vraag"))
    name = EncryptedCharField(_("naam"), blank=True)
    email = EncryptedCharField(_("e-mailadres"), blank=True)
    email_digest = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    phone = EncryptedCharField(_("telefoonnummer"), blank=True)
    organisation = models.ForeignKey(
        "organisations.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("behandeld door"),
    )
    answer = EncryptedTextField(_("antwoord"), blank=True)
    referred_article = models.ForeignKey(Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    referred_organisation = models.ForeignKey(
        "organisations.Organisation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    engagement_request = models.ForeignKey(
        "engagements.EngagementRequest", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    logged_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    handled_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self) -> str:
        return self.reference

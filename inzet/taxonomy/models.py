from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Vocabulary(models.TextChoices):
    """The reference lists of docs/domain/reference-lists.md. Each is a set of editable terms."""

    LEVEL = "level", _("Niveau van ervaringsdeskundigheid")
    ROLE = "role", _("Rol")
    RELATIONAL_ROLE = "relational_role", _("Relationele rol")
    PRACTICE_SETTING = "practice_setting", _("Praktijk")
    SECTOR = "sector", _("Sector")
    EXPERIENCE_AREA = "experience_area", _("Ervaringsgebied")
    TREATY_AREA = "treaty_area", _("Thema VN-verdrag")
    COMPETENCE = "competence", _("Competentie")
    LIFE_DOMAIN = "life_domain", _("Leefgebied")
    LANGUAGE = "language", _("Taal")
    POLICY_PHASE = "policy_phase", _("Fase van het beleid")
    RESEARCH_RUNG = "research_rung", _("Trede op de participatieladder in onderzoek")
    INFLUENCE = "influence", _("Hoeveel invloed")
    GENERIC_SKILL = "generic_skill", _("Algemene vaardigheid")


class TermQuerySet(models.QuerySet):
    def of(self, vocabulary: str) -> "TermQuerySet":
        return self.filter(vocabulary=vocabulary, is_active=True)


class Term(models.Model):
    """One entry of a reference list, with a Dutch and an English label. Operators edit these."""

    vocabulary = models.CharField(_("lijst"), max_length=30, choices=Vocabulary.choices)
    code = models.SlugField(_("code"), max_length=60)
    label_nl = models.CharField(_("naam (Nederlands)"), max_length=200)
    label_en = models.CharField(_("naam (Engels)"), max_length=200)
    description_nl = models.TextField(_("uitleg (Nederlands)"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    is_active = models.BooleanField(_("in gebruik"), default=True)
    source = models.CharField(_("bron"), max_length=200, blank=True)

    objects = TermQuerySet.as_manager()

    class Meta:
        verbose_name = _("term")
        verbose_name_plural = _("termen")
        ordering = ["vocabulary", "sort_order", "label_nl"]
        constraints = [models.UniqueConstraint(fields=["vocabulary", "code"], name="term_unique_code")]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.label_en if (get_language() or "nl").startswith("en") and self.label_en else self.label_nl


class PostcodeArea(models.Model):
    """A 4-digit postcode area with its centre, for distances and regions. Operators can load more."""

    pc4 = models.CharField(_("postcode (4 cijfers)"), max_length=4, unique=True)
    latitude = models.DecimalField(max_digits=8, decimal_places=5)
    longitude = models.DecimalField(max_digits=8, decimal_places=5)
    municipality = models.CharField(_("gemeente"), max_length=100)
    region = models.CharField(_("regio"), max_length=100)

    class Meta:
        verbose_name = _("postcodegebied")
        verbose_name_plural = _("postcodegebieden")
        ordering = ["pc4"]

    def __str__(self) -> str:
        return f"{self.pc4} {self.municipality}"

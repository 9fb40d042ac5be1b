"""Signals: bottlenecks people run into, bundled by coordinators and reported to those who can
change them (seed 001: the lobby role of the platform).

A signal can come without an account. What the reporter writes is encrypted at rest; the parts
they mark private never leave the coordinators' pages (services.example_save refuses them).
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from inzet.lib.crypto import EncryptedCharField, EncryptedTextField


class Theme(models.Model):
    """One theme of the editable list (operators edit it in the admin)."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    label_nl = models.CharField(_("naam (Nederlands)"), max_length=200)
    label_en = models.CharField(_("naam (Engels)"), max_length=200)
    sort_order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    is_active = models.BooleanField(_("in gebruik"), default=True)

    class Meta:
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        ordering = ["sort_order", "label_nl"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.label_en if (get_language() or "nl").startswith("en") and self.label_en else self.label_nl


class Bundle(models.Model):
    """Signals about the same bottleneck, with what was done about it."""

    title = models.CharField(_("titel"), max_length=200)
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="bundles", verbose_name=_("thema"))
    action = models.TextField(_("wat is er gedaan"), blank=True)
    answer = models.TextField(_("antwoord aan de melders"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("bundel")
        verbose_name_plural = _("bundels")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class Signal(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("Ontvangen")
        IN_PROGRESS = "in_progress", _("In behandeling")
        ACTED = "acted", _("Er is iets mee gedaan")
        CLOSED = "closed", _("Afgerond")

    class Channel(models.TextChoices):
        WEB = "web", _("Website")
        PHONE = "phone", _("Telefoon")
        WALK_IN = "walk_in", _("Langsgekomen")

    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="signals", verbose_name=_("thema"))
    description = EncryptedTextField(_("wat loopt er vast?"))
    concerns = EncryptedCharField(_("over welke regel of organisatie gaat het?"), blank=True)
    place = EncryptedCharField(_("waar (gemeente of plaats)?"), blank=True)
    # The reporter decides per part whether it may be used, anonymised, in a public overview.
    description_private = models.BooleanField(_("beschrijving is privé"), default=False)
    concerns_private = models.BooleanField(_("regel of organisatie is privé"), default=False)
    place_private = models.BooleanField(_("plaats is privé"), default=False)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="signals"
    )
    reporter_name = EncryptedCharField(_("naam van de melder"), blank=True)
    reporter_contact = EncryptedCharField(_("hoe bereiken we de melder?"), blank=True)
    channel = models.CharField(_("kanaal"), max_length=20, choices=Channel.choices, default=Channel.WEB)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.NEW)
    bundle = models.ForeignKey(Bundle, null=True, blank=True, on_delete=models.SET_NULL, related_name="signals")
    answer = models.TextField(_("antwoord aan de melder"), blank=True)
    # Only the hash of the secret follow link is stored: the database alone cannot open it.
    follow_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    request_key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"#{self.pk}"  # never the content: this string ends up in logs and the admin

    def private_parts(self) -> list[str]:
        parts = []
        if self.description_private:
            parts.append(self.description)
        if self.concerns_private:
            parts.append(self.concerns)
        if self.place_private:
            parts.append(self.place)
        return [p for p in parts if p]

    def public_text(self) -> str:
        """A first draft of an anonymised example: only the parts the reporter did not mark private."""
        pieces = []
        if not self.description_private:
            pieces.append(self.description)
        if self.concerns and not self.concerns_private:
            pieces.append(str(_("Het gaat om: %(what)s.") % {"what": self.concerns}))
        if self.place and not self.place_private:
            pieces.append(str(_("Plaats: %(where)s.") % {"where": self.place}))
        return " ".join(p for p in pieces if p)


class SignalReadLog(models.Model):
    """Who opened which signal, and when. Never the content."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="read_log")
    item = models.CharField(max_length=40)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("inzage signaal")
        verbose_name_plural = _("inzage signalen")

    def __str__(self) -> str:
        return f"{self.item} #{self.signal_id}"


class Overview(models.Model):
    """A lobby overview: counts per theme over a period, chosen examples and what was done."""

    title = models.CharField(_("titel"), max_length=200)
    period_start = models.DateField(_("van"))
    period_end = models.DateField(_("tot en met"))
    intro = models.TextField(_("inleiding"), blank=True)
    published_at = models.DateTimeField(_("gepubliceerd op"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lobby-overzicht")
        verbose_name_plural = _("lobby-overzichten")
        ordering = ["-period_end", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")), name="signals_overview_period"
            )
        ]

    def __str__(self) -> str:
        return self.title


class Example(models.Model):
    """An anonymised example in an overview, written or edited by the coordinator."""

    overview = models.ForeignKey(Overview, on_delete=models.CASCADE, related_name="examples")
    signal = models.ForeignKey(Signal, null=True, blank=True, on_delete=models.SET_NULL, related_name="examples")
    theme = models.ForeignKey(Theme, on_delete=models.PROTECT, related_name="+", verbose_name=_("thema"))
    text = models.TextField(_("voorbeeld (zonder namen)"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("voorbeeld")
        verbose_name_plural = _("voorbeelden")
        ordering = ["theme__sort_order", "pk"]
        constraints = [models.UniqueConstraint(fields=["overview", "signal"], name="signals_example_once_per_signal")]

    def __str__(self) -> str:
        return f"#{self.pk}"

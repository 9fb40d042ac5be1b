from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ExperienceLevel(models.TextChoices):
    # DOMAIN §2: ervaring → ervaringskennis → ervaringsdeskundigheid → professioneel.
    EXPERIENCE = "experience", _("Ervaring")
    EXPERIENTIAL_KNOWLEDGE = "experiential_knowledge", _("Ervaringskennis")
    EXPERTISE = "expertise", _("Ervaringsdeskundigheid")
    PROFESSIONAL = "professional", _("Professionele ervaringsdeskundigheid")


class ExpertProfile(models.Model):
    """An experience expert within a deploying organisation."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="expert_profile")
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="experts")
    level = models.CharField(
        _("niveau"), max_length=30, choices=ExperienceLevel.choices, default=ExperienceLevel.EXPERIENCE
    )
    postcode = models.CharField(_("postcode"), max_length=7, blank=True)
    paused = models.BooleanField(_("pauze"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ervaringsdeskundige")
        verbose_name_plural = _("ervaringsdeskundigen")
        indexes = [models.Index(fields=["organisation", "paused"])]

    def __str__(self) -> str:
        return str(self.user)

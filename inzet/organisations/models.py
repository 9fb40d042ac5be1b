from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Organisation(models.Model):
    class Kind(models.TextChoices):
        DEPLOYING = "deploying", _("Zet ervaringsdeskundigen in")
        ASKER = "asker", _("Vraagt ervaringsdeskundigen")
        PLATFORM = "platform", _("Beheert het platform")

    name = models.CharField(_("naam"), max_length=200)
    slug = models.SlugField(_("korte naam"), unique=True)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    city = models.CharField(_("plaats"), max_length=100, blank=True)
    email = models.EmailField(_("e-mailadres"), blank=True)
    mission = models.TextField(_("missie"), blank=True)
    kvk_number = models.CharField(_("KvK-nummer"), max_length=8, blank=True)
    vat_number = models.CharField(
        _("btw-nummer"), max_length=14, blank=True, help_text=_("Bijvoorbeeld NL123456789B01.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Coördinator")
    TRAINER = "trainer", _("Trainer of mentor")
    EXPERT = "expert", _("Ervaringsdeskundige")
    ASKER = "asker", _("Vrager")
    OPERATOR = "operator", _("Beheerder")


# Which roles make sense in which kind of organisation.
ROLES_BY_KIND = {
    Organisation.Kind.DEPLOYING: {Role.COORDINATOR, Role.TRAINER, Role.EXPERT},
    Organisation.Kind.ASKER: {Role.ASKER},
    Organisation.Kind.PLATFORM: {Role.OPERATOR},
}


class Membership(models.Model):
    """One person's role in one organisation. A person can have many."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices)
    is_active = models.BooleanField(_("actief"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation", "role"], name="membership_unique_role"),
        ]
        indexes = [models.Index(fields=["organisation", "role", "is_active"])]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()} – {self.organisation}"


class PolicySettings(models.Model):
    """Per-installation positions on which the field disagrees (docs/domain/policy-switches.md). One row."""

    brokerage = models.BooleanField(
        _("het platform zoekt zelf ervaringsdeskundigen bij een vraag"),
        default=True,
        help_text=_("Uit: het platform verwijst alleen door."),
    )
    reviews = models.BooleanField(
        _("vragers en ervaringsdeskundigen mogen elkaar beoordelen"),
        default=False,
    )
    payment_through_platform = models.BooleanField(_("betaling loopt via het platform"), default=True)
    zzp_listing = models.BooleanField(_("zzp-ervaringsdeskundigen mogen zich vermelden"), default=True)
    training_required_for_listing = models.BooleanField(
        _("training verplicht voor vermelding in het register"),
        default=False,
    )
    public_register = models.BooleanField(_("openbaar register staat aan"), default=False)
    two_factor_for_staff = models.BooleanField(
        _("tweestapsverificatie verplicht voor wie bijzondere gegevens van anderen ziet"),
        default=True,
        help_text=_(
            "Coördinatoren, begeleiders, beheerders, vragers en leden van een wijkteam. Geldt op de echte website, niet bij het testen."
        ),
    )
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("beleidsinstellingen")
        verbose_name_plural = _("beleidsinstellingen")

    def __str__(self) -> str:
        return str(_("Beleidsinstellingen"))

    @classmethod
    def current(cls) -> "PolicySettings":
        obj, _created = cls.objects.get_or_create(pk=1)
        return obj

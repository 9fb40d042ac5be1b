"""A funder's read-only access to one evaluation report, and the log of its use."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


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

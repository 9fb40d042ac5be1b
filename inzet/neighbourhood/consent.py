"""The one check before anything of a trajectory goes to a partner: the resident's consent for
that partner, not revoked (004 l.2061–2065). Every sharing path calls `may_share` (or
`shareable_partners`) at the moment of sharing, so a revoked consent stops sharing at once.
"""

from django.db.models import QuerySet

from inzet.neighbourhood.models import Consent, Partner, Trajectory


class NoConsent(Exception):
    """There is no live consent for this partner: nothing may be shared with them."""


def active(trajectory: Trajectory) -> QuerySet[Consent]:
    return Consent.objects.filter(trajectory=trajectory, revoked_at__isnull=True)


def may_share(trajectory: Trajectory, partner: Partner) -> Consent | None:
    """The live consent that allows sharing with `partner`, or None."""
    return active(trajectory).filter(partner=partner).order_by("-given_on", "-pk").first()


def require(trajectory: Trajectory, partner: Partner, *, lock: bool = False) -> Consent:
    """The live consent, or NoConsent. With `lock`, the row stays locked until the sharing commits."""
    found = active(trajectory).filter(partner=partner).order_by("-given_on", "-pk")
    if lock:
        found = found.select_for_update()
    consent = found.first()
    if consent is None:
        raise NoConsent
    return consent


def shareable_partners(trajectory: Trajectory) -> QuerySet[Partner]:
    """The partners this trajectory may be shared with now. One query."""
    return Partner.objects.filter(
        team=trajectory.team, is_active=True, consents__trajectory=trajectory, consents__revoked_at__isnull=True
    ).distinct()

"""Brute-force protection on top of django-axes.

- Locks per e-mail address + client address (AXES_FAILURE_LIMIT, default 5), and per client
  address alone across all e-mail addresses (AXES_IP_FAILURE_LIMIT, default 50), so one address
  cannot try a few passwords on many accounts.
- The client address comes from the connection, or, behind INZET_TRUSTED_PROXY_COUNT reverse
  proxies, from the X-Forwarded-For entry the outermost trusted proxy added. Entries further left
  are whatever the client sent and are never trusted.
"""

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum


def client_ip(request) -> str | None:
    remote = request.META.get("REMOTE_ADDR")
    count = getattr(settings, "INZET_TRUSTED_PROXY_COUNT", 0)
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) < count:
        return remote  # not all proxies in front of us added an entry: do not guess
    return forwarded[-count]


class InzetAxesHandler(AxesDatabaseHandler):
    """AXES_LOCKOUT_PARAMETERS is [["username", "ip_address"], "ip_address"]; axes compares the
    larger of both counts with one limit, so failures per address alone are scaled to it."""

    def get_failures(self, request, credentials=None) -> int:
        counts = [
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        ]
        per_account = counts[0] if counts else 0
        per_address = counts[1] if len(counts) > 1 else 0
        limit, ip_limit = settings.AXES_FAILURE_LIMIT, max(settings.AXES_IP_FAILURE_LIMIT, 1)
        return max(per_account, per_address * limit // ip_limit)

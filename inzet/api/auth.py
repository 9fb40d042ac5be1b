from django.utils import timezone
from ninja.security import HttpBearer

from inzet.accounts.models import ApiToken


class TokenAuth(HttpBearer):
    """`Authorization: Bearer inz_…` with a personal API key (see Mijn account → API-sleutels)."""

    def authenticate(self, request, token: str):
        found = ApiToken.find(token)
        if found is None:
            return None
        # Touch at most once a minute, so reading the API does not write on every call.
        now = timezone.now()
        if found.last_used_at is None or (now - found.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
        request.user = found.user
        return found.user

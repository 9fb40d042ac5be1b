"""How the API knows who is calling: a personal API key or the browser session.

Both obey two-step login exactly as the pages do (accounts.twofactor): a session that only
typed the password, or a key not made after two-step login by someone who must use it, gets
403 {"detail": "Two-step login required"}.
"""

from django.utils import timezone
from ninja.security import HttpBearer, SessionAuth

from inzet.accounts.models import ApiToken
from inzet.accounts.twofactor import api_key_allowed, two_factor_missing


class TwoFactorRequired(Exception):
    """Answered with 403 by the API's exception handler."""


class TokenAuth(HttpBearer):
    """`Authorization: Bearer inz_…` with a personal API key (see Mijn account → API-sleutels)."""

    def authenticate(self, request, token: str):
        found = ApiToken.find(token)
        if found is None:
            return None
        if not api_key_allowed(found.user, made_after_two_step=found.made_after_two_step):
            raise TwoFactorRequired
        # Touch at most once a minute, so reading the API does not write on every call.
        now = timezone.now()
        if found.last_used_at is None or (now - found.last_used_at).total_seconds() > 60:
            ApiToken.objects.filter(pk=found.pk).update(last_used_at=now)
        request.user = found.user
        return found.user


class TwoFactorSessionAuth(SessionAuth):
    """The logged-in browser session (with CSRF for writes), only once two-step login is done."""

    def authenticate(self, request, key):
        user = super().authenticate(request, key)
        if user and two_factor_missing(user):
            raise TwoFactorRequired
        return user


session_auth = TwoFactorSessionAuth()

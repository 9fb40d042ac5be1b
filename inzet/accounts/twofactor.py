"""When a person must use two-step login, and what counts as having it.

Pages (accounts.middleware) and the API (api.auth) both ask `two_factor_missing`, so a session
that only typed the password reaches neither.
"""

from collections.abc import Callable

from django.conf import settings
from django.db import connection
from django_otp import device_classes

from inzet.accounts.permissions import get_roles
from inzet.lib.compiled import ShapeCache, StandIns, fetch_all
from inzet.organisations.models import PolicySettings

# Other reasons a person sees special-category data, registered by higher apps from their
# AppConfig.ready() (an expert in a neighbourhood team reads residents' records). Each takes the
# user and answers True if two-step login applies to them.
SEES_SPECIAL_DATA: list[Callable[[object], bool]] = []


def sees_special_data(user) -> bool:
    cached = getattr(user, "_inzet_sees_special_data", None)
    if cached is None:
        cached = get_roles(user).sees_special_data or any(check(user) for check in SEES_SPECIAL_DATA)
        user._inzet_sees_special_data = cached
    return cached


def two_factor_required(user) -> bool:
    """Enforcement is on and the person sees other people's special-category data."""
    if not settings.TWO_FACTOR_ENFORCED:
        return False
    if not sees_special_data(user):
        return False
    return PolicySettings.current().two_factor_for_staff


_device_queries = ShapeCache(size=8)


def _device_queryset(user_id: int):
    parts = [
        model.objects.filter(user_id=user_id, confirmed=True).order_by().values("pk") for model in device_classes()
    ]
    union = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
    return union[:1]


def has_device(user) -> bool:
    """django_otp.user_has_device(user, confirmed=True) in one query for every kind of device
    (django-otp asks each device table in turn), asked once per request (the answer is kept on the
    user object, which lives for one request). Every page asks it, so the query is compiled once
    (lib.compiled) and, on PostgreSQL, prepared."""
    cached = getattr(user, "_inzet_has_device", None)
    if cached is None:
        if not device_classes():
            cached = False
        else:
            stand_ins = StandIns()
            stand_in = stand_ins.int(user.pk)
            sql, params = _device_queries.sql((connection.alias, connection.vendor), lambda: _device_queryset(stand_in))
            cached = bool(fetch_all(sql, stand_ins.substitute(params), prepare=True))
        user._inzet_has_device = cached
    return cached


def needs_verification(user) -> bool:
    """Logged in with a password, has a device, but has not entered a code yet."""
    return has_device(user) and not user.is_verified()


def needs_setup(user) -> bool:
    return two_factor_required(user) and not has_device(user)


def two_factor_missing(user) -> bool:
    """This session may not go further until the person enters a code (or sets up a device)."""
    return needs_verification(user) or needs_setup(user)


def api_key_allowed(user, *, made_after_two_step: bool) -> bool:
    """A personal API key stands in for a login: it counts as two-step only if it was made
    in a session that passed two-step login. Keys made before (or by someone who later got a
    device or a staff role) stop working until a new key is made."""
    if made_after_two_step:
        return True
    return not (has_device(user) or two_factor_required(user))

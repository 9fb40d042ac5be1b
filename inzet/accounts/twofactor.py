"""When a person must use two-step login, and what counts as having it."""

from django.conf import settings
from django_otp import user_has_device

from inzet.accounts.permissions import get_roles
from inzet.organisations.models import PolicySettings


def two_factor_required(user) -> bool:
    if not settings.TWO_FACTOR_ENFORCED:
        return False
    if not get_roles(user).is_staff_role:
        return False
    return PolicySettings.current().two_factor_for_staff


def needs_verification(user) -> bool:
    """Logged in with a password, has a device, but has not entered a code yet."""
    return user_has_device(user, confirmed=True) and not user.is_verified()


def needs_setup(user) -> bool:
    return two_factor_required(user) and not user_has_device(user, confirmed=True)

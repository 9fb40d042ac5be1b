"""Write flows for accounts: one function per use case."""

from datetime import datetime

from axes.utils import reset as axes_reset
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from inzet.accounts.models import ApiToken, User


@transaction.atomic
def two_factor_device_start(*, user: User) -> TOTPDevice:
    """An unconfirmed authenticator for this person; an earlier unconfirmed one is replaced."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name="Authenticator-app", confirmed=False)


@transaction.atomic
def two_factor_device_confirm(*, device: TOTPDevice, token: str) -> bool:
    if not device.verify_token(token):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return True


@transaction.atomic
def api_token_create(
    *, user: User, name: str, expires_at: datetime | None = None, made_after_two_step: bool = False
) -> tuple[ApiToken, str]:
    return ApiToken.issue(user=user, name=name, expires_at=expires_at, made_after_two_step=made_after_two_step)


@transaction.atomic
def api_token_revoke(*, user: User, token_id: int) -> bool:
    deleted, _ = ApiToken.objects.filter(user=user, pk=token_id).delete()
    return bool(deleted)


def login_lock_lift(*, user: User) -> None:
    """Forget failed logins for this e-mail address (from any client address)."""
    axes_reset(username=user.email)


@transaction.atomic
def user_set_language(*, user: User, language: str) -> None:
    user.preferred_language = language
    user.save(update_fields=["preferred_language"])

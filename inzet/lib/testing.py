"""Helpers for the permission matrix (tests/test_permission_matrix.py).

Each app declares who may open its pages in `inzet/<app>/tests/access.py`:

    MATRIX = {"app:name": (kwargs_builder | None, {persona: status}, anonymous_status)}
    POST_MATRIX = {"app:name": (kwargs_builder(orgs, personas), {persona: status})}

kwargs builders get the `orgs` fixture (and for POST_MATRIX also the personas dict).
"""

PERSONAS = ["operator", "coordinator", "other_coordinator", "trainer", "expert", "asker", "other_asker", "outsider"]
LOGIN = "login"  # anonymous visitors are sent to the login page


def everyone(status: int) -> dict[str, int]:
    return dict.fromkeys(PERSONAS, status)


def only(allowed: dict[str, int], default: int) -> dict[str, int]:
    table = everyone(default)
    table.update(allowed)
    return table


def totp_code(device) -> str:
    """The current code of a django-otp TOTP device, as the person's app would show it."""
    from django_otp.oath import totp

    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def login_verified(client, user):
    """Log `user` in as if they typed the password and a right two-step code (a device is made)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device

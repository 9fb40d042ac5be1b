"""Encryption at rest for special-category data (lived experience, benefit situation).

Values are encrypted with Fernet (AES-128-CBC + HMAC-SHA256) from the `cryptography` package.
`MultiFernet` lets an operator rotate keys: the first key in INZET_FIELD_KEYS encrypts, all of
them decrypt. Encrypted columns cannot be searched or sorted in the database, by design.
"""

from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.db import models


@cache
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key.encode()) for key in keys])


def fernet() -> MultiFernet:
    return _fernet(tuple(settings.FIELD_ENCRYPTION_KEYS))


def encrypt(value: str) -> str:
    return fernet().encrypt(value.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return fernet().decrypt(token.encode()).decode()
    except InvalidToken as exc:
        raise ValueError("Cannot decrypt a field: wrong or missing key in INZET_FIELD_KEYS") from exc


class EncryptedTextField(models.TextField):
    """A text field stored encrypted. Empty strings stay empty (nothing to hide)."""

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value in (None, ""):
            return value
        return encrypt(str(value))

    def from_db_value(self, value, expression, connection):
        if value in (None, ""):
            return value
        return decrypt(value)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "inzet.lib.crypto.EncryptedTextField", args, kwargs


class EncryptedCharField(EncryptedTextField):
    """Same as EncryptedTextField, rendered as a one-line input in forms."""

    def formfield(self, **kwargs):
        from django import forms

        kwargs.setdefault("widget", forms.TextInput)
        return super().formfield(**kwargs)

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "inzet.lib.crypto.EncryptedCharField", args, kwargs

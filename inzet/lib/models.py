from django.conf import settings
from django.db import models

from inzet.lib.crypto import EncryptedTextField


class IdempotencyKey(models.Model):
    """One submitted form or API call, so a double click or a retry returns the first answer.

    `key` is a hash of who sent it, where, and the one-time token of the form (or the
    Idempotency-Key header): the unique constraint lets only the first request through.
    The stored answer may hold personal data, so it is encrypted and deleted after a day.
    """

    key = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    status = models.PositiveSmallIntegerField(null=True, blank=True)  # None while the first request runs
    location = models.CharField(max_length=2000, blank=True)
    content_type = models.CharField(max_length=200, blank=True)
    body = EncryptedTextField(blank=True)

    class Meta:
        verbose_name = "idempotency key"

    def __str__(self) -> str:
        return self.key[:12]

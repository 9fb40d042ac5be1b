"""Conversations per request: threads, messages, attachments, read marks and in-app notifications.

What people write to each other about a request can hold special-category data (someone's
health, benefits, their own story): message bodies are encrypted at rest, and attachments go
through the encrypted file storage (inzet/lib/storage.py), written only when the transaction commits.
"""

import uuid
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from inzet.lib.crypto import EncryptedTextField


class Thread(models.Model):
    """One conversation about a request.

    `invitation` empty: the shared thread (the asker's people, the organisation's coordinators and
    trainers, the experts who said yes). `invitation` set: a private thread between that invited
    expert and the coordinators; the asker never sees it.
    """

    request = models.ForeignKey("engagements.EngagementRequest", on_delete=models.CASCADE, related_name="threads")
    invitation = models.OneToOneField(
        "engagements.Invitation", null=True, blank=True, on_delete=models.CASCADE, related_name="thread"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("gesprek")
        verbose_name_plural = _("gesprekken")
        constraints = [
            models.UniqueConstraint(
                fields=["request"], condition=models.Q(invitation__isnull=True), name="thread_one_shared_per_request"
            )
        ]

    def __str__(self) -> str:
        return f"{self.request_id}/{self.invitation_id or '-'}"

    @property
    def is_shared(self) -> bool:
        return self.invitation_id is None


class Message(models.Model):
    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="messages")
    # Empty after the author's account was erased; the message stays for the others.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = EncryptedTextField(_("bericht"))
    # A random token from the form or the API client: a double click or a retry posts once.
    nonce = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["thread", "created_at"])]

    def __str__(self) -> str:
        return f"{self.thread_id}: {self.created_at:%Y-%m-%d %H:%M}"


def attachment_path(instance, filename: str) -> str:
    return f"conversations/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class MessageAttachment(models.Model):
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, max_length=200)
    original_name = models.CharField(max_length=200)

    class Meta:
        verbose_name = _("bijlage bij een bericht")
        verbose_name_plural = _("bijlagen bij berichten")

    def __str__(self) -> str:
        return self.original_name


class ReadMark(models.Model):
    """Up to which message a person has read a thread."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="read_marks")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    last_read_id = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["thread", "user"], name="read_mark_once")]

    def __str__(self) -> str:
        return f"{self.user_id}@{self.thread_id}: {self.last_read_id}"


class Notification(models.Model):
    """An in-app notice ("there is a new message", "an expert stepped back").

    The text names the request and what happened, never the content of a message or a reason.
    The e-mail digest claims rows (`emailed_at`) with a conditional UPDATE before it sends.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    text = models.CharField(max_length=300)
    path = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    digest_claim = models.CharField(max_length=32, blank=True)

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read_at"]), models.Index(fields=["emailed_at"])]

    def __str__(self) -> str:
        return self.text


class NotificationSetting(models.Model):
    """Whether a person gets the daily e-mail with their unread notifications (on unless switched off)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    email_digest = models.BooleanField(_("stuur mij een e-mail met nieuwe meldingen"), default=True)

    def __str__(self) -> str:
        return f"{self.user_id}: {self.email_digest}"

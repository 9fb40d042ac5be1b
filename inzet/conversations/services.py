"""Write flows for conversations and notifications: one keyword-only function per use case.

Double clicks and retries: a message carries a random `nonce` (from the form or the API client);
the same nonce posts once. Attachments are checked by inzet/lib/uploads.py before they get here
and stored encrypted; the file is written only when the transaction commits.
"""

import functools
import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.conversations.models import Message, MessageAttachment, Notification, NotificationSetting, ReadMark, Thread
from inzet.conversations.permissions import ConversationAccess
from inzet.conversations.selectors import thread_path
from inzet.engagements.models import EngagementRequest, Invitation
from inzet.lib.mail import is_quiet, send_mail_later
from inzet.organisations.models import Role

MAX_BODY = 10_000
MAX_FILES = 5

# --- threads -----------------------------------------------------------------------------------------


def _thread_for(access: ConversationAccess) -> Thread:
    thread, _created = Thread.objects.get_or_create(request=access.request, invitation=access.invitation)
    return thread


def _members(user_filter: Q) -> list[User]:
    return list(User.objects.filter(user_filter, is_active=True).distinct())


def participants(*, request: EngagementRequest, invitation: Invitation | None) -> list[User]:
    """Who is told about a new message: the coordinators, and the asker's people or the invited expert."""
    coordinators = Q(
        memberships__organisation_id=request.deploying_organisation_id,
        memberships__role=Role.COORDINATOR,
        memberships__is_active=True,
    )
    if invitation is not None:
        return _members(coordinators | Q(pk=invitation.expert.user_id))
    askers = Q(
        memberships__organisation_id=request.asker_organisation_id,
        memberships__role=Role.ASKER,
        memberships__is_active=True,
    )
    accepted = Q(expert_profile__invitations__request=request, expert_profile__invitations__state="accepted")
    return _members(coordinators | askers | accepted)


@transaction.atomic
def message_post(
    *, access: ConversationAccess, actor: User, body: str, nonce: str, files: Sequence[UploadedFile] = ()
) -> Message:
    """Post a message (with up to five checked attachments) and tell the others in the thread."""
    if not access.can_write:
        raise ValidationError(_("U kunt in dit gesprek niet schrijven."))
    if not nonce or len(nonce) > 64:
        raise ValidationError(_("Het formulier is verlopen. Laad de pagina opnieuw en probeer het nog eens."))
    existing = Message.objects.filter(nonce=nonce).first()
    if existing is not None:
        if existing.author_id != actor.pk:
            raise ValidationError(_("Het formulier is verlopen. Laad de pagina opnieuw en probeer het nog eens."))
        return existing  # the same click again: posted once
    body = (body or "").strip()
    if not body and not files:
        raise ValidationError({"body": _("Schrijf een bericht of voeg een bestand toe.")})
    if len(body) > MAX_BODY:
        raise ValidationError({"body": _("Uw bericht is te lang. Maak het korter dan 10.000 tekens.")})
    if len(files) > MAX_FILES:
        raise ValidationError({"files": _("Voeg hoogstens vijf bestanden toe.")})
    thread = _thread_for(access)
    message = Message.objects.create(thread=thread, author=actor, body=body, nonce=nonce)
    for upload in files:
        assert upload.name is not None  # an uploaded file always has a name
        attachment = MessageAttachment(message=message, original_name=upload.name[:200])
        attachment.file.save(upload.name, upload, save=False)  # encrypted, written on commit
        attachment.save()
    ReadMark.objects.update_or_create(thread=thread, user=actor, defaults={"last_read_id": message.pk})
    others = [u for u in participants(request=access.request, invitation=access.invitation) if u.pk != actor.pk]
    notify(
        users=others,
        text=_("Nieuw bericht bij “%(title)s”") % {"title": access.request.title},
        path=thread_path(
            request_id=access.request.pk, invitation_id=access.invitation.pk if access.invitation else None
        ),
    )
    return message


@transaction.atomic
def thread_mark_read(*, access: ConversationAccess, user: User) -> None:
    """Everything in the thread up to now counts as read; its notifications too."""
    thread = Thread.objects.filter(request=access.request, invitation=access.invitation).first()
    if thread is None:
        return
    last = thread.messages.aggregate(last=Max("pk"))["last"] or 0
    ReadMark.objects.update_or_create(thread=thread, user=user, defaults={"last_read_id": last})
    path = thread_path(request_id=access.request.pk, invitation_id=access.invitation.pk if access.invitation else None)
    Notification.objects.filter(user=user, path=path, read_at__isnull=True).update(read_at=timezone.now())


# --- notifications --------------------------------------------------------------------------------


def notify(*, users: Iterable[User | None], text: str, path: str) -> int:
    """An in-app notification per person; the same unread notice is not repeated (no pile of the same)."""
    if is_quiet():
        return 0
    active = [u for u in users if u is not None and u.is_active]
    text, path = text[:300], path[:300]
    already = set(
        Notification.objects.filter(user__in=active, path=path, text=text, read_at__isnull=True).values_list(
            "user_id", flat=True
        )
    )
    rows = [Notification(user=u, text=text, path=path) for u in active if u.pk not in already]
    Notification.objects.bulk_create(rows)
    return len(rows)


@transaction.atomic
def notifications_mark_read(*, user: User, ids: list[int] | None = None) -> int:
    rows = Notification.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        rows = rows.filter(pk__in=ids)
    return rows.update(read_at=timezone.now())


@transaction.atomic
def notification_setting_save(*, user: User, email_digest: bool) -> NotificationSetting:
    setting, _created = NotificationSetting.objects.update_or_create(user=user, defaults={"email_digest": email_digest})
    return setting


def digest_send(*, now: datetime | None = None) -> int:
    """One e-mail per person with their unread notifications that were not e-mailed yet.

    Cron and the task worker may run this at the same moment: each person's rows are claimed with
    one conditional UPDATE (a fresh claim token) before the mail is queued; a run that claims
    nothing sends nothing. People who switched the e-mail off are skipped; their notices stay in the app.
    """
    now = now or timezone.now()
    switched_off = NotificationSetting.objects.filter(email_digest=False).values("user_id")
    user_ids = (
        Notification.objects.filter(emailed_at__isnull=True, read_at__isnull=True, user__is_active=True)
        .exclude(user_id__in=switched_off)
        .values_list("user_id", flat=True)
        .distinct()
    )
    sent = 0
    for user_id in list(user_ids):
        claim = uuid.uuid4().hex
        with transaction.atomic():
            claimed = Notification.objects.filter(
                user_id=user_id, emailed_at__isnull=True, read_at__isnull=True
            ).update(emailed_at=now, digest_claim=claim)
            if not claimed:
                continue  # another run got there first
            user = User.objects.get(pk=user_id)
            lines = list(Notification.objects.filter(digest_claim=claim).values_list("text", "path"))
            context = {"name": user.full_name, "lines": [{"text": t, "path": p} for t, p in lines]}
            if user.email:
                transaction.on_commit(
                    functools.partial(
                        send_mail_later, to=[user.email], template="conversations/email/digest", context=context
                    )
                )
                sent += 1
    return sent

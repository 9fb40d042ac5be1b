"""Conversations over the API (mounted at /api/conversations by apps.py, since inzet/api sits below
this app), with the same permission helpers and selectors as the pages.

Wrong role: 404 for what you may not read, 403 for a trainer writing; 422 with a Dutch message for
bad input. Two-step login applies exactly as on the pages (see inzet/api/api.py). Posting the same
`nonce` again returns the first message.
"""

import datetime as dt

from django.http import HttpRequest
from django.urls import reverse
from ninja import Router, Schema

from inzet.api.schemas import Error, Id
from inzet.conversations import selectors, services
from inzet.conversations.permissions import ConversationAccess, invitation_access, shared_access

router = Router(tags=["conversations"])


class AttachmentOut(Schema):
    id: int
    name: str
    url: str


class MessageOut(Schema):
    id: int
    author_name: str  # an expert's name only when they share it with you
    author_role: str
    own: bool
    body: str
    created_at: dt.datetime
    attachments: list[AttachmentOut]


class MessageIn(Schema):
    body: str
    nonce: str


class NotificationOut(Schema):
    id: int
    text: str
    path: str
    created_at: dt.datetime
    read: bool


class UnreadOut(Schema):
    messages: int
    notifications: int


def _rows(request: HttpRequest, access: ConversationAccess) -> list[MessageOut]:
    rows = selectors.message_rows(request.auth, access, selectors.thread_of(access))
    return [_out(row) for row in rows]


def _out(row) -> MessageOut:
    return MessageOut(
        id=row.message.pk,
        author_name=row.name,
        author_role=row.role,
        own=row.own,
        body=row.message.body,
        created_at=row.message.created_at,
        attachments=[
            AttachmentOut(id=a.pk, name=a.original_name, url=reverse("conversations:attachment", args=[a.pk]))
            for a in row.attachments
        ],
    )


def _post(request: HttpRequest, access: ConversationAccess, payload: MessageIn) -> MessageOut:
    message = services.message_post(access=access, actor=request.auth, body=payload.body, nonce=payload.nonce)
    row = next(r for r in selectors.message_rows(request.auth, access, message.thread) if r.message.pk == message.pk)
    return _out(row)


@router.get("/requests/{pk}/messages", response={200: list[MessageOut], 404: Error})
def request_messages(request: HttpRequest, pk: Id):
    """The shared conversation of a request (the newest 200 messages, oldest first)."""
    return _rows(request, shared_access(request.auth, pk))


@router.post("/requests/{pk}/messages", response={201: MessageOut, 403: Error, 404: Error, 422: Error})
def request_message_post(request: HttpRequest, pk: Id, payload: MessageIn):
    return 201, _post(request, shared_access(request.auth, pk, write=True), payload)


@router.get("/invitations/{pk}/messages", response={200: list[MessageOut], 404: Error})
def invitation_messages(request: HttpRequest, pk: Id):
    """The private conversation between an invited expert and the coordinators."""
    return _rows(request, invitation_access(request.auth, pk))


@router.post("/invitations/{pk}/messages", response={201: MessageOut, 403: Error, 404: Error, 422: Error})
def invitation_message_post(request: HttpRequest, pk: Id, payload: MessageIn):
    return 201, _post(request, invitation_access(request.auth, pk, write=True), payload)


@router.get("/notifications", response={200: list[NotificationOut]})
def notifications(request: HttpRequest):
    return [
        NotificationOut(id=n.pk, text=n.text, path=n.path, created_at=n.created_at, read=n.read_at is not None)
        for n in selectors.notifications_of(request.auth)
    ]


@router.get("/unread", response={200: UnreadOut})
def unread(request: HttpRequest):
    return UnreadOut(**selectors.unread_counts(request.auth))

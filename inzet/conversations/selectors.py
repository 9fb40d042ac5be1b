"""Reads shared by the pages, the API and the header: each uses a bounded number of queries.

Experts appear to others only as far as their consent allows: names go through engagements'
`expert_name` with the viewer's disclosure level (inzet/experts/disclosure.py), the same helper
the request page uses for the team. Nothing else of a profile is ever shown in a conversation.
"""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, Exists, Max, OuterRef, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils.translation import gettext as _

from inzet.accounts.models import User
from inzet.accounts.permissions import get_roles
from inzet.conversations.models import Message, MessageAttachment, Notification, NotificationSetting, ReadMark, Thread
from inzet.conversations.permissions import STAFF, ConversationAccess, threads_visible_to, visible_threads
from inzet.engagements.models import Invitation
from inzet.engagements.selectors import expert_name
from inzet.experts.disclosure import viewer_levels
from inzet.lib.compiled import fetch_all
from inzet.organisations.models import Membership, Role

PAGE_MESSAGES = 200


def thread_path(*, request_id: int, invitation_id: int | None) -> str:
    if invitation_id:
        return reverse("conversations:invitation", args=[invitation_id])
    return reverse("conversations:request", args=[request_id])


@dataclass
class MessageRow:
    message: Message
    name: str
    role: str
    own: bool
    attachments: list[MessageAttachment] = field(default_factory=list)


def thread_of(access: ConversationAccess) -> Thread | None:
    return Thread.objects.filter(request=access.request, invitation=access.invitation).first()


def _authors(viewer: User, access: ConversationAccess, author_ids: set[int]) -> dict[int, tuple[str, str]]:
    """(name, role) per author, with experts named only as their consent allows (two or three queries)."""
    request = access.request
    invitations = list(
        Invitation.objects.filter(request=request, expert__user_id__in=author_ids).select_related("expert__user")
    )
    levels = viewer_levels(viewer, [i.expert for i in invitations])
    result = {
        i.expert.user_id: (expert_name(i.expert, levels[i.expert.pk]), _("Ervaringsdeskundige")) for i in invitations
    }
    rest = author_ids - set(result)
    staff_ids = set(
        Membership.objects.filter(
            user_id__in=rest,
            organisation_id=request.deploying_organisation_id,
            role__in=[Role.COORDINATOR, Role.TRAINER],
        ).values_list("user_id", flat=True)
    )
    for user in User.objects.filter(pk__in=rest):
        role = request.deploying_organisation.name if user.pk in staff_ids else request.asker_organisation.name
        result[user.pk] = (user.full_name, role)
    return result


def message_rows(viewer: User, access: ConversationAccess, thread: Thread | None) -> list[MessageRow]:
    """The newest messages of a thread, oldest first, each with its author as the viewer may see them."""
    if thread is None:
        return []
    messages = list(
        thread.messages.select_related("author")
        .prefetch_related("attachments")
        .order_by("-created_at", "-pk")[:PAGE_MESSAGES]
    )
    messages.reverse()
    authors = _authors(viewer, access, {m.author_id for m in messages if m.author_id})
    rows = []
    for m in messages:
        name, role = authors.get(m.author_id, (_("Oud account"), "")) if m.author_id else (_("Oud account"), "")
        rows.append(
            MessageRow(
                message=m, name=name, role=role, own=m.author_id == viewer.pk, attachments=list(m.attachments.all())
            )
        )
    return rows


def _unread_messages(user_id: int, staff_orgs: list[int], asker_orgs: list[int]) -> QuerySet[Message]:
    visible = threads_visible_to(user_id, staff_orgs, asker_orgs).values("pk")
    mark = ReadMark.objects.filter(thread_id=OuterRef("thread_id"), user_id=user_id, last_read_id__gte=OuterRef("pk"))
    return Message.objects.filter(thread__in=visible).exclude(author_id=user_id).filter(~Exists(mark))


# The header shows "99+" above this: counting stops there, so the query stays cheap for anyone.
UNREAD_CAP = 99

# The header's query is the same on every page but for the person and their organisations, and
# building it through the ORM cost more than running it (~5 ms against 0.1 ms). So it is compiled
# once per shape (how many organisations of each kind, the cap, the database) with stand-in ids,
# and later runs put the real ids where the stand-ins are. Stand-ins are negative: no real id is.
_STAND_IN_USER = -1_000_000_001
_STAND_IN_STAFF = -2_000_000_000
_STAND_IN_ASKER = -3_000_000_000
_compiled_unread: dict[tuple, tuple[str, tuple]] = {}


def _unread_sql(staff_count: int, asker_count: int, cap: int) -> tuple[str, tuple]:
    key = (connection.vendor, staff_count, asker_count, cap)
    if key not in _compiled_unread:
        staff = [_STAND_IN_STAFF - i for i in range(staff_count)]
        askers = [_STAND_IN_ASKER - i for i in range(asker_count)]
        messages = _unread_messages(_STAND_IN_USER, staff, askers).order_by().values("pk")[: cap + 1]
        notifications = (
            Notification.objects.filter(user_id=_STAND_IN_USER, read_at__isnull=True).order_by().values("pk")[: cap + 1]
        )
        messages_sql, messages_params = messages.query.sql_with_params()
        notifications_sql, notifications_params = notifications.query.sql_with_params()
        _compiled_unread[key] = (
            # Both parts are compiled by the ORM with their values as parameters.
            f"SELECT (SELECT COUNT(*) FROM ({messages_sql}) m), (SELECT COUNT(*) FROM ({notifications_sql}) n)",  # noqa: S608
            (*messages_params, *notifications_params),
        )
    return _compiled_unread[key]


def unread_counts(user: User, *, cap: int = UNREAD_CAP) -> dict[str, int]:
    """For the header: unread messages and notifications, each counted up to cap + 1, in one query."""
    roles = get_roles(user)
    staff = sorted(roles.organisation_ids(*STAFF))
    askers = sorted(roles.organisation_ids(Role.ASKER))
    sql, params = _unread_sql(len(staff), len(askers), cap)
    values = {_STAND_IN_USER: user.pk}
    values.update((_STAND_IN_STAFF - i, pk) for i, pk in enumerate(staff))
    values.update((_STAND_IN_ASKER - i, pk) for i, pk in enumerate(askers))
    # Prepared on PostgreSQL: planning this query took ~5 ms, running it ~0.5 ms.
    ((message_count, notification_count),) = fetch_all(
        sql, [values.get(p, p) if type(p) is int else p for p in params], prepare=True
    )
    return {"messages": message_count, "notifications": notification_count}


@dataclass
class ThreadRow:
    thread: Thread
    title: str
    private: bool
    path: str
    last_at: object
    count: int
    unread: int


def threads_of(user: User, *, limit: int = 100) -> list[ThreadRow]:
    """The person's conversations with messages, newest first, with unread counts (one query)."""
    last_read = ReadMark.objects.filter(thread=OuterRef("pk"), user=user).values("last_read_id")[:1]
    threads = (
        visible_threads(user)
        .annotate(last_at=Max("messages__created_at"), count=Count("messages", distinct=True))
        .filter(count__gt=0)
        .annotate(
            unread=Count(
                "messages",
                # django-stubs types Q | Exists as Combinable; at run time it is a Q (Combinable.__ror__).
                filter=~Q(messages__author=user) & (Q(messages__pk__gt=Subquery(last_read)) | ~Exists(last_read)),  # type: ignore[arg-type]
                distinct=True,
            )
        )
        .select_related("request")
        .order_by("-last_at")[:limit]
    )
    return [
        ThreadRow(
            thread=t,
            title=t.request.title,
            private=t.invitation_id is not None,
            path=thread_path(request_id=t.request_id, invitation_id=t.invitation_id),
            last_at=t.last_at,
            count=t.count,
            unread=t.unread,
        )
        for t in threads
    ]


def notifications_of(user: User, *, limit: int = 100) -> list[Notification]:
    return list(Notification.objects.filter(user=user)[:limit])


def digest_on(user: User) -> bool:
    setting = NotificationSetting.objects.filter(user=user).first()
    return setting.email_digest if setting else True

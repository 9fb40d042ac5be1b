"""Events: sign-up with or without an account, capacity and waiting list, attendance, .ics.

Every write is idempotent: signing up twice with the same address finds the first sign-up. When
a place frees up, the first on the waiting list is promoted; each promotion claims its row with
a conditional UPDATE, so two workers never promote (or mail) the same person twice.
"""

import hashlib
import secrets
from datetime import UTC
from types import SimpleNamespace

from django.conf import settings
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as IcsEvent

from inzet.lib.mail import notify
from inzet.network.models import Event, Registration


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _link(token: str) -> str:
    return f"{settings.SITE_URL}{reverse('network:registration', kwargs={'token': token})}"


def _mail(registration: Registration, template: str, token: str | None = None) -> None:
    context = {
        "name": registration.full_name,
        "event": registration.event.title,
        "starts_at": timezone.localtime(registration.event.starts_at).strftime("%d-%m-%Y %H:%M"),
        "location": registration.event.location,
        "waiting": registration.status == Registration.Status.WAITING,
        "link": _link(token) if token else "",
    }
    # Through the one mail path: sent after the commit, and not at all while the demo is built.
    recipient = SimpleNamespace(email=registration.email, is_active=True)
    notify([recipient], f"network/mail/{template}", context)


def confirmed_count(event: Event) -> int:
    return event.registrations.filter(status=Registration.Status.CONFIRMED).count()


def _has_room(event: Event) -> bool:
    return event.capacity is None or confirmed_count(event) < event.capacity


@transaction.atomic
def registration_create(
    *, event: Event, full_name: str, email: str, needs: str = "", share_consent: bool = False, user=None
) -> tuple[Registration, str | None]:
    """Sign up. Returns the sign-up and its personal link token (None when it already existed)."""
    event = Event.objects.select_for_update().get(pk=event.pk)  # one sign-up at a time per event
    email = email.strip().lower()
    existing = Registration.objects.filter(event=event, email=email).first()
    if existing and existing.status != Registration.Status.CANCELLED:
        return existing, None
    token = secrets.token_urlsafe(24)
    status = Registration.Status.CONFIRMED if _has_room(event) else Registration.Status.WAITING
    fields = {
        "full_name": full_name.strip(),
        "needs": needs.strip(),
        "share_consent": share_consent,
        "status": status,
        "user": user,
        "token_hash": token_hash(token),
        "attended": None,
        "promoted_at": None,
    }
    if existing:  # signing up again after cancelling: the same row, a fresh link
        for name, value in fields.items():
            setattr(existing, name, value)
        existing.save()
        registration = existing
    else:
        registration = Registration.objects.create(event=event, email=email, **fields)
    _mail(registration, "registration", token)
    return registration, token


@transaction.atomic
def registration_cancel(*, registration: Registration) -> Registration:
    """Cancel; the freed place goes to the first on the waiting list. Cancelling twice does nothing more."""
    updated = (
        Registration.objects.filter(pk=registration.pk)
        .exclude(status=Registration.Status.CANCELLED)
        .update(status=Registration.Status.CANCELLED)
    )
    registration.refresh_from_db()
    if updated:
        promote_waiting(event=registration.event)
    return registration


def promote_waiting(*, event: Event) -> list[Registration]:
    """Fill free places from the waiting list, first come first served. Claims each row before mailing."""
    promoted = []
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        while _has_room(event):
            candidate = (
                event.registrations.filter(status=Registration.Status.WAITING).order_by("created_at", "pk").first()
            )
            if candidate is None:
                break
            claimed = Registration.objects.filter(pk=candidate.pk, status=Registration.Status.WAITING).update(
                status=Registration.Status.CONFIRMED, promoted_at=timezone.now()
            )
            if claimed != 1:
                continue  # another worker got there first
            candidate.refresh_from_db()
            _mail(candidate, "promoted")
            promoted.append(candidate)
    return promoted


@transaction.atomic
def attendance_record(*, event: Event, present: set[int]) -> int:
    """Who came. Recording the same list twice gives the same result."""
    signed_up = event.registrations.filter(status=Registration.Status.CONFIRMED)
    signed_up.filter(pk__in=present).update(attended=True)
    signed_up.exclude(pk__in=present).update(attended=False)
    return signed_up.filter(attended=True).count()


def participants_shared_with(registration: Registration) -> QuerySet:
    """The participant list for one participant: only people who consented, and only if they did too."""
    if not registration.share_consent or registration.status != Registration.Status.CONFIRMED:
        return Registration.objects.none()
    return registration.event.registrations.filter(status=Registration.Status.CONFIRMED, share_consent=True).only(
        "full_name", "event_id"
    )


def to_ics(event: Event) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Inzet//Netwerk//NL")
    calendar.add("version", "2.0")
    item = IcsEvent()
    item.add("uid", f"event-{event.uid}@inzet")
    item.add("dtstamp", timezone.now().astimezone(UTC))
    item.add("dtstart", event.starts_at.astimezone(UTC))
    item.add("dtend", event.ends_at.astimezone(UTC))
    item.add("summary", event.title)
    if event.location:
        item.add("location", event.location)
    item.add("description", f"{settings.SITE_URL}{reverse('network:event', args=[event.pk])}")
    calendar.add_component(item)
    return calendar.to_ical()


def registration_erase(*, user) -> int:
    """Erasure: a person's sign-ups go (needs included); attendance counts are not kept per person."""
    return (
        Registration.objects.filter(user=user).delete()[0]
        + Registration.objects.filter(email__iexact=user.email).delete()[0]
    )

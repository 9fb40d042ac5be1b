"""Group meetings (intervisie, werkoverleg, inspiration): plan, sign up, attendance, reflection, .ics.

Write flows are keyword-only and atomic, like services.py; reads for pages and the calendar feed.
"""

import uuid
from datetime import UTC

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from inzet.accounts.models import User
from inzet.accounts.permissions import get_roles
from inzet.experts.models import ExpertProfile, ExpertStatus
from inzet.organisations.models import Organisation, Role
from inzet.support.models import Meeting, MeetingSeat
from inzet.support.permissions import STAFF, staff_org_ids
from inzet.support.services import _notify

# --- who may see what ------------------------------------------------------------------------------


def is_staff_of(user, meeting: Meeting) -> bool:
    return get_roles(user).has(*STAFF, organisation_id=meeting.organisation_id)


def get_meeting_for_user(user, pk: int) -> tuple[Meeting, MeetingSeat | None]:
    """Staff of the organisation and invited experts see a meeting; everyone else gets 404."""
    try:
        meeting = Meeting.objects.select_related("facilitator", "organisation").get(pk=pk)
    except Meeting.DoesNotExist as exc:
        raise Http404 from exc
    seat = MeetingSeat.objects.filter(meeting=meeting, expert__user=user).first()
    if seat is None and not is_staff_of(user, meeting) and not _group_staff(user, meeting):
        raise Http404
    return meeting, seat


def _group_staff(user, meeting: Meeting) -> bool:
    """A session of a regional group: its facilitator and staff of the taking-part organisations."""
    from inzet.support.intervision import seat_orgs

    return meeting.group_id is not None and seat_orgs(user, meeting) != set()


def meetings_for(user) -> QuerySet:
    return (
        Meeting.objects.filter(
            Q(organisation_id__in=staff_org_ids(user))
            | Q(seats__expert__user=user)
            | Q(facilitator=user)
            | Q(group__organisations__organisation_id__in=staff_org_ids(user))
        )
        .select_related("facilitator")
        .distinct()
        .order_by("-starts_at")
    )


def calendar_meetings(user) -> QuerySet:
    """For the personal calendar feed: meetings the person signed up for or leads."""
    return (
        Meeting.objects.filter(
            Q(facilitator=user) | Q(seats__expert__user=user, seats__state=MeetingSeat.State.SIGNED_UP)
        )
        .select_related("organisation")
        .distinct()
        .order_by("starts_at")
    )


# --- writes ----------------------------------------------------------------------------------------


@transaction.atomic
def meeting_plan(
    *,
    actor: User,
    organisation: Organisation,
    kind: str,
    title: str,
    starts_at,
    ends_at,
    location: str = "",
    facilitator: User,
    nonce: str,
) -> Meeting:
    """Plan a meeting and invite every active expert of the organisation (one e-mail each, after commit)."""
    existing = Meeting.objects.filter(nonce=nonce).first()
    if existing is not None:
        return existing
    if not get_roles(actor).has(*STAFF, organisation_id=organisation.pk):
        raise PermissionDenied
    if not get_roles(facilitator).has(*STAFF, organisation_id=organisation.pk):
        raise ValidationError({"facilitator": [_("Kies een trainer of coördinator van de organisatie.")]})
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": [_("Het einde ligt vóór het begin. Kies een eindtijd na de begintijd.")]})
    try:
        with transaction.atomic():
            meeting = Meeting.objects.create(
                organisation=organisation,
                kind=kind,
                title=title.strip(),
                starts_at=starts_at,
                ends_at=ends_at,
                location=location.strip(),
                facilitator=facilitator,
                planned_by=actor,
                uid=uuid.uuid4(),
                nonce=nonce,
            )
    except IntegrityError:
        return Meeting.objects.get(nonce=nonce)
    experts = list(
        ExpertProfile.objects.filter(organisation=organisation, status=ExpertStatus.ACTIVE, paused=False)
        .exclude(user=facilitator)
        .select_related("user")
    )
    seats_invite(meeting=meeting, experts=experts)
    return meeting


@transaction.atomic
def meeting_signup(*, meeting: Meeting, actor: User, coming: bool) -> MeetingSeat:
    """The invited expert signs up or off, until the meeting starts. Twice is harmless."""
    seat = MeetingSeat.objects.select_for_update().filter(meeting=meeting, expert__user=actor).first()
    if seat is None:
        raise PermissionDenied
    if meeting.starts_at <= timezone.now():
        raise ValidationError(_("De bijeenkomst is al begonnen."))
    seat.state = MeetingSeat.State.SIGNED_UP if coming else MeetingSeat.State.DECLINED
    seat.save(update_fields=["state", "updated_at"])
    return seat


@transaction.atomic
def attendance_record(*, meeting: Meeting, actor: User, present: set[int]) -> int:
    """The facilitator or a coordinator marks who was there (seat ids); everyone else invited was not.
    A regional group's session spans organisations: there only the facilitator marks."""
    if meeting.group_id is not None and actor.pk != meeting.facilitator_id:
        raise PermissionDenied
    if actor.pk != meeting.facilitator_id and not get_roles(actor).has(
        Role.COORDINATOR, organisation_id=meeting.organisation_id
    ):
        raise PermissionDenied
    if meeting.starts_at > timezone.now():
        raise ValidationError(_("Aanwezigheid vult u in als de bijeenkomst is begonnen."))
    seats = MeetingSeat.objects.filter(meeting=meeting)
    seats.filter(pk__in=present).update(attended=True)
    seats.exclude(pk__in=present).update(attended=False)
    return seats.filter(attended=True).count()


@transaction.atomic
def reflection_save(*, meeting: Meeting, actor: User, text: str) -> Meeting:
    if actor.pk != meeting.facilitator_id:
        raise PermissionDenied
    if not text.strip():
        raise ValidationError({"reflection": [_("Schrijf een korte terugblik.")]})
    meeting.reflection = text.strip()
    meeting.reflected_at = timezone.now()
    meeting.save(update_fields=["reflection", "reflected_at"])
    return meeting


# --- iCalendar -------------------------------------------------------------------------------------


def events(meetings) -> list[Event]:
    stamp = timezone.now().astimezone(UTC)
    found = []
    for meeting in meetings:
        event = Event()
        event.add("uid", f"meeting-{meeting.uid}@inzet")
        event.add("dtstamp", stamp)
        event.add("dtstart", meeting.starts_at.astimezone(UTC))
        event.add("dtend", meeting.ends_at.astimezone(UTC))
        event.add("summary", f"{meeting.get_kind_display()}: {meeting.title}")
        if meeting.location:
            event.add("location", meeting.location)
        event.add("description", f"{settings.SITE_URL}{reverse('support:meeting_detail', args=[meeting.pk])}")
        event.add("status", "CONFIRMED")
        found.append(event)
    return found


def to_ics(meetings, *, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Inzet//Steun//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for event in events(meetings):
        calendar.add_component(event)
    return calendar.to_ical()


def seats_invite(*, meeting: Meeting, experts: list[ExpertProfile]) -> None:
    """A seat and an invitation for each expert (a meeting of one organisation or of a group)."""
    MeetingSeat.objects.bulk_create([MeetingSeat(meeting=meeting, expert=p) for p in experts])
    # One e-mail each: a shared "To:" would show every invitee's address to all the others.
    for p in experts:
        _notify(
            [p.user],
            "support/email/meeting_invited",
            {
                "title": meeting.title,
                "when": timezone.localtime(meeting.starts_at).strftime("%d-%m-%Y %H:%M"),
                "path": reverse("support:meeting_detail", args=[meeting.pk]),
            },
        )
